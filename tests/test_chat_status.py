"""What the chat says about itself is true (issue 13.4): the status line, the banner, counts, the agent's last panel."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_helper.backends.base import TextDelta
from desktop_helper.backends.scripted import ScriptedBackend
from tests.fixtures.chat_files import write_pdf, write_png
from tests.fixtures.chat_window import ChatOnProfile
from tests.fixtures.tiny_model import TinyModel

pytestmark = [pytest.mark.gui]


class Chat(ChatOnProfile):
    """A chat window on a real profile; a local model gets more time to answer."""

    def __init__(self, qtbot: QtBot, tmp_path: Path, backend: ScriptedBackend | None) -> None:
        super().__init__(qtbot, tmp_path, backend, ask_timeout=20000)


@pytest.fixture
def make_chat(qtbot: QtBot, tmp_path: Path) -> Iterator[Any]:
    made: list[Chat] = []

    def make(backend: ScriptedBackend | None) -> Chat:
        made.append(Chat(qtbot, tmp_path, backend))
        return made[-1]

    yield make
    for chat in made:
        chat.close()


def test_status_line_follows_the_answer_not_the_image_encoding(
    qtbot: QtBot, tmp_path: Path, make_chat: Any, tiny_glm4v: TinyModel
) -> None:
    chat = make_chat(None)
    settings = chat.settings
    settings.set("models.backend", "local_gguf")
    settings.set("models.local_model_path", str(tiny_glm4v.model))
    settings.set("models.local_mmproj_path", str(tiny_glm4v.mmproj))
    settings.set("models.context_size", 4096)
    settings.set("models.threads", 2)
    settings.set("models.thinking", False)
    settings.set("models.max_answer_tokens", 16)
    with qtbot.waitSignal(chat.service.ready, timeout=120000):
        chat.service.start()
    window = chat.window
    window.thinking_box.setChecked(False)
    window.add_files([str(write_png(tmp_path / "screen.png", (448, 336)))])
    qtbot.waitUntil(lambda: len(window.attachments.attachments()) == 1, timeout=20000)
    window.detail_box.setCurrentIndex(0)
    seen: list[str] = []
    # connected after the window's own slot: sees the status line as the user does after each delta
    window.runner.produced.connect(lambda event: seen.append(window.status.text()) if isinstance(event, TextDelta) else None)
    window.input.setPlainText("What is in this picture?")
    with qtbot.waitSignal(window.generation_finished, timeout=180000):
        window.send()
        # the model encodes the image first: that is what the status line says then
    assert seen, "no text streamed"
    assert not [text for text in seen if "Encoding image" in text], seen
    assert set(seen) == {"Writing the answer…"}
    assert window.status.text().startswith("Answered in")


def test_status_line_drops_the_previous_answers_time(qtbot: QtBot, make_chat: Any) -> None:
    chat = make_chat(ScriptedBackend(["First answer.", "A second, slower answer that takes a while."], chunk_size=2, delay=0.05))
    chat.ask("first?")
    assert chat.window.status.text().startswith("Answered in")
    statuses: list[str] = []
    chat.window.runner.produced.connect(lambda _event: statuses.append(chat.window.status.text()))
    chat.window.input.setPlainText("second?")
    qtbot.keyClick(chat.window.input, Qt.Key.Key_Return)
    assert chat.window.status.text() == "Waiting for the model…"
    with qtbot.waitSignal(chat.window.generation_finished, timeout=20000):
        pass
    streaming = statuses[:-2]  # before Usage and Done
    assert streaming
    assert not [s for s in streaming if s.startswith("Answered in")], statuses


def test_error_banner_goes_when_the_problem_is_gone(qtbot: QtBot, tmp_path: Path, make_chat: Any) -> None:
    chat = make_chat(None)
    window = chat.window
    # asking before any model is there: a red banner
    window.input.setPlainText("hello?")
    window.send()
    assert window.notice.isVisible()
    assert "No model is available" in window.notice.text()
    # the model becomes ready: the banner about it goes
    chat.service.set_backend(ScriptedBackend(["Hi."]), "scripted")
    qtbot.waitUntil(lambda: not window.notice.isVisible(), timeout=2000)

    # a file that cannot be read, then one that can: the banner about the first goes
    binary = tmp_path / "data.txt"
    binary.write_bytes(b"\x00\x01\x02binary")
    window.add_files([str(binary)])
    qtbot.waitUntil(lambda: window.notice.isVisible(), timeout=10000)
    assert "data.txt" in window.notice.text()
    window.add_files([str(write_png(tmp_path / "fine.png"))])
    qtbot.waitUntil(lambda: len(window.attachments.attachments()) == 1, timeout=10000)
    assert not window.notice.isVisible()

    # an error shown while nothing was asked, then a good answer: gone too
    from desktop_helper.core.messages import Level, UserMessage

    window.show_notice(UserMessage(Level.ERROR, "The capture failed.", "Try again."))
    window.attachments.clear()
    chat.ask("hello again")
    assert not window.notice.isVisible()


@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("first line\nsecond line\n", "2 lines"),
        ("first line\nsecond line", "2 lines"),
        ("only one line\n", "1 line"),
        ("windows\r\nline endings\r\n", "2 lines"),
        ("a\n\nc\n", "3 lines"),
    ],
    ids=["two-lines-trailing-newline", "two-lines-no-newline", "one-line", "crlf", "blank-middle-line"],
)
def test_attached_text_file_counts_its_lines(qtbot: QtBot, tmp_path: Path, make_chat: Any, text: str, note: str) -> None:
    chat = make_chat(None)
    path = tmp_path / "notes.txt"
    path.write_text(text, encoding="utf-8")
    chat.window.add_files([str(path)])
    qtbot.waitUntil(lambda: len(chat.window.attachments.chips()) == 1, timeout=10000)
    assert chat.window.attachments.chips()[0].label.text() == f"notes.txt\n{note}"


def test_one_page_pdf_reads_one_page(qtbot: QtBot, tmp_path: Path, make_chat: Any) -> None:
    chat = make_chat(None)
    chat.window.add_files([str(write_pdf(tmp_path / "single.pdf", pages=1, size=(200, 280)))])
    qtbot.waitUntil(lambda: len(chat.window.attachments.chips()) == 1, timeout=20000)
    assert chat.window.attachments.chips()[0].label.text() == "single.pdf\n1 page"
    chat.window.add_files([str(write_pdf(tmp_path / "long.pdf", pages=25, size=(100, 140)))])
    qtbot.waitUntil(lambda: len(chat.window.attachments.chips()) == 2, timeout=30000)
    chat.window.set_page_range(1, "7")
    qtbot.waitUntil(lambda: chat.window.attachments.chips()[1].label.text() == "long.pdf\npage 7 of 25", timeout=20000)


def test_agent_final_panel_shows_the_outcome_not_the_last_step(qtbot: QtBot) -> None:
    from desktop_helper.agent.loop import AgentConfig
    from desktop_helper.agent.record import MemoryStepRecorder
    from desktop_helper.agent.screen import BackendScreen, list_monitors
    from desktop_helper.platform.input import executor_for_current_os
    from desktop_helper.ui.agent_session import AgentSession, QtClipboard
    from desktop_helper.ui.overlay import OverlayController

    click = (
        "The button is there.\n"
        "<|begin_of_box|>left_click(start_box='[500,500]', element_info='OK button')<|end_of_box|>\nMemory:\n[]"
    )
    overlay = OverlayController(fade_seconds=0)
    session = AgentSession(overlay, QtClipboard())
    try:
        monitor = list_monitors()[0]
        with qtbot.waitSignal(session.proposed, timeout=15000):
            session.start(
                ScriptedBackend([click]),
                AgentConfig("Press OK", settle_timeout=1.0),
                lambda: BackendScreen.of_this_desktop(monitor),
                lambda bounds, stopped: executor_for_current_os(bounds, session.clipboard, stopped),
                monitor=monitor,
                recorder=MemoryStepRecorder(),
            )
        panel = session.panel
        assert panel.title.text() == "Step 1"
        assert "OK button" in panel.action.text()
        with qtbot.waitSignal(session.finished, timeout=10000) as finished:
            qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
        assert finished.args[0].status == "stopped"
        assert panel.isVisible()
        assert panel.title.text() == "Agent stopped"
        assert panel.status.text() == "Stopped."
        assert panel.action.text() == ""
        assert panel.reasoning.toPlainText() == ""
        assert panel.stop_button.text() == "Close"
    finally:
        session.shutdown()
        overlay.shutdown()


def test_model_box_shows_the_model_chosen_after_the_window_was_built(qtbot: QtBot, tmp_path: Path, make_chat: Any) -> None:
    """The welcome window (first start) stores the chosen GGUF pair once the chat exists: its pickers follow."""
    chat = make_chat(None)
    window = chat.window
    assert window.model_box.currentText() == ""
    model, mmproj = tmp_path / "GLM-4.6V-Flash-Q4_K_M.gguf", tmp_path / "mmproj-GLM-4.6V-Flash-Q8_0.gguf"
    # what the app does with the welcome window's choice (app.Application._use_local_model)
    chat.settings.set("models.local_model_path", str(model))
    chat.settings.set("models.local_mmproj_path", str(mmproj))
    chat.settings.set("models.backend", "local_gguf")
    qtbot.waitUntil(lambda: window.model_box.currentText() == model.name, timeout=2000)
    assert window.backend_box.currentText() == f"Local model — {model.name}"
    assert [window.backend_box.itemText(i) for i in range(window.backend_box.count())] == [f"Local model — {model.name}"]
