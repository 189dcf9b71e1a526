from __future__ import annotations

import threading
from pathlib import Path

from desktop_helper.core.errors import BackendError
from desktop_helper.core.messages import Level, MessageBus, UserMessage
from desktop_helper.crash import CrashHandler


def test_messages_before_subscription_are_delivered_later() -> None:
    bus = MessageBus()
    bus.warning("early", "do this")
    received: list[UserMessage] = []
    bus.subscribe(received.append)
    bus.error("late")
    assert [(m.level, m.text) for m in received] == [(Level.WARNING, "early"), (Level.ERROR, "late")]
    assert received[0].full_text() == "early\ndo this"


def test_thread_crash_is_reported_with_a_file(tmp_path: Path) -> None:
    handler = CrashHandler(tmp_path)
    reports: list[tuple[str, Path | None]] = []
    handler.on_crash(lambda summary, report: reports.append((summary, report)))
    handler.install()
    try:

        def boom() -> None:
            raise ZeroDivisionError("worker bug with api_key=sk-secret123456789")

        thread = threading.Thread(target=boom, name="worker")
        thread.start()
        thread.join()
    finally:
        handler.uninstall()
    assert len(reports) == 1
    summary, report = reports[0]
    assert summary.startswith("ZeroDivisionError")
    assert report is not None
    text = report.read_text()
    assert "thread: worker" in text
    assert "boom" in text
    assert "sk-secret123456789" not in text


def test_user_error_is_a_message_not_a_crash(tmp_path: Path) -> None:
    handler = CrashHandler(tmp_path)
    reports: list[tuple[str, Path | None]] = []
    handler.on_crash(lambda summary, report: reports.append((summary, report)))
    handler.handle(BackendError("Server down.", "Start it."), None, "main thread")
    assert reports == [("Server down. Start it.", None)]
    assert not list(tmp_path.iterdir())
