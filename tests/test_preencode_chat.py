"""Reading the image before Send (issue 20) in the real chat window, with llama.cpp on the tiny model.

An attached image starts a pre-encode at once (on a worker; the event loop keeps running), the
chat shows how far along it is and an estimate of the time to the first answer, next to the
image-detail choice; Send continues from the pre-encode (the image is encoded once), and
removing the attachment, switching conversation or changing the detail cancels or replaces it.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from desktop_helper.agent.tools import ScreenTools
from desktop_helper.backends.base import CancelToken, Usage
from desktop_helper.backends.local_gguf import LocalGGUFBackend
from desktop_helper.core.types import ImagePart
from desktop_helper.history.store import HistoryStore
from desktop_helper.platform.window_list.base import NullWindowLister
from desktop_helper.settings.paths import app_paths
from desktop_helper.settings.store import Settings
from desktop_helper.ui.backend_service import BackendService
from desktop_helper.ui.chat_window import ChatWindow
from tests.fixtures.tiny_model import TinyModel

pytestmark = [pytest.mark.gui, pytest.mark.model]


def _screenshot(path: Path, size: tuple[int, int] = (1400, 840)) -> Path:
    image = Image.new("RGB", size, (236, 239, 244))
    for x in range(0, size[0], 29):
        for y in range(0, size[1], 17):
            image.putpixel((x, y), ((x * 7) % 256, (y * 3) % 256, 120))
    image.save(path, format="PNG")
    return path


@pytest.fixture
def chat(qtbot: QtBot, tmp_path: Path, tiny_glm4v: TinyModel) -> Iterator[ChatWindow]:
    paths = app_paths()
    paths.ensure()
    settings = Settings(paths.settings_file)
    settings.set("models.backend", "local_gguf")
    settings.set("models.local_model_path", str(tiny_glm4v.model))
    settings.set("models.local_mmproj_path", str(tiny_glm4v.mmproj))
    settings.set("models.context_size", 4096)
    settings.set("models.threads", 2)
    settings.set("models.thinking", False)
    settings.set("models.max_answer_tokens", 8)
    history = HistoryStore(paths.history_db, paths.attachments)
    service = BackendService(settings, None, env={})
    window = ChatWindow(history, service, settings, preview_dir=tmp_path / "preview")
    qtbot.addWidget(window)
    try:
        window.show()
        with qtbot.waitSignal(service.ready, timeout=120000):
            service.start()
        window.detail_box.setCurrentIndex(0)  # low: 256 tokens per image
        yield window
    finally:
        window.shutdown()
        window.close()
        service.shutdown()
        history.close()


def _backend(window: ChatWindow) -> LocalGGUFBackend:
    backend = window.backends.backend  # type: ignore[attr-defined]
    assert isinstance(backend, LocalGGUFBackend)
    return backend


def _attach(qtbot: QtBot, window: ChatWindow, path: Path) -> None:
    window.files.add_files([str(path)])
    qtbot.waitUntil(lambda: len(window.attachments.attachments()) == 1, timeout=20000)


def _wait_reading_image(qtbot: QtBot, window: ChatWindow) -> None:
    qtbot.waitUntil(
        lambda: window.preencoder.running and window.preencoder.state is not None and window.preencoder.state.current_is_image,
        timeout=30000,
    )


def _send(qtbot: QtBot, window: ChatWindow, question: str) -> list[Usage]:
    usages: list[Usage] = []
    window.runner.produced.connect(lambda event: usages.append(event) if isinstance(event, Usage) else None)
    window.input.setPlainText(question)
    with qtbot.waitSignal(window.generation_finished, timeout=120000):
        window.send()
    return usages


def test_image_is_read_before_send_with_progress_and_estimate(qtbot: QtBot, tmp_path: Path, chat: ChatWindow) -> None:
    backend = _backend(chat)
    # the event loop's longest pause while the image is read (a 10 ms timer that should keep ticking)
    ticks: list[float] = []
    timer = QTimer(chat)
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    _attach(qtbot, chat, _screenshot(tmp_path / "screen.png"))
    assert "first answer: measuring…" in chat.tokens_label.text()  # nothing measured on this computer yet
    _wait_reading_image(qtbot, chat)
    assert "Reading the image…" in chat.status.text()
    qtbot.waitUntil(lambda: chat.preencoder.state is not None and chat.preencoder.state.finished, timeout=60000)
    timer.stop()
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert len(ticks) > 5
    assert max(gaps) < 0.25, f"the GUI froze for {max(gaps):.3f} s while the image was read"
    assert backend.images_encoded == 1
    assert "Image read" in chat.status.text()
    assert "first answer in ≈" in chat.tokens_label.text()
    medium_estimate = chat.preencode_display.first_answer_estimate()
    assert medium_estimate is not None

    # more detail: the estimate says so before anything is read, and the pre-encode is replaced
    medium_label = chat.tokens_label.text()
    chat.detail_box.setCurrentIndex(1)  # medium: up to 1024 tokens
    high_estimate = chat.preencode_display.first_answer_estimate()
    assert high_estimate is not None
    assert high_estimate > medium_estimate
    assert chat.tokens_label.text() != medium_label
    qtbot.waitUntil(
        lambda: chat.preencoder.state is not None and chat.preencoder.state.finished and chat.preencoder.state.image_tokens > 256,
        timeout=60000,
    )
    assert backend.images_encoded == 2

    usages = _send(qtbot, chat, "What is in the middle of the screen?")
    assert backend.images_encoded == 2  # Send continued from the pre-encode
    assert usages[-1].timings["evaluated_image_tokens"] == 0
    assert usages[-1].cached_tokens > usages[-1].image_tokens > 256
    assert chat.last_request is not None
    assert chat.last_request.image_token_budget == 1024


def test_with_the_screen_tools_on_send_reads_only_the_question(qtbot: QtBot, tmp_path: Path, chat: ChatWindow) -> None:
    # as the app wires it (agent.chat_tools is on by default): the answer's first round offers the tools in
    # the system prompt, so the pre-encode must read them too, or Send reads everything again
    chat.screen_tools = ScreenTools(lambda _monitor: ImagePart(b"", "image/png", 1, 1), NullWindowLister("not called here"))
    backend = _backend(chat)
    _attach(qtbot, chat, _screenshot(tmp_path / "screen.png"))
    qtbot.waitUntil(lambda: chat.preencoder.state is not None and chat.preencoder.state.finished, timeout=60000)
    usages = _send(qtbot, chat, "Which window is in front? (Short answer, please!)")
    assert backend.images_encoded == 1
    final = usages[-1]
    assert final.timings["evaluated_image_tokens"] == 0
    # only the question's own tokens (and the turn's closing) are read at Send, not the tool descriptions
    assert final.timings["evaluated_prompt_tokens"] < 64 < final.cached_tokens


def test_send_during_the_prime_joins_it(qtbot: QtBot, tmp_path: Path, chat: ChatWindow) -> None:
    backend = _backend(chat)
    _attach(qtbot, chat, _screenshot(tmp_path / "screen.png"))
    _wait_reading_image(qtbot, chat)
    usages = _send(qtbot, chat, "What is this?")
    assert backend.images_encoded == 1
    assert usages[-1].timings["evaluated_image_tokens"] == 0
    assert usages[-1].cached_tokens > usages[-1].image_tokens > 0


def test_removal_and_conversation_switch_cancel_the_prime(qtbot: QtBot, tmp_path: Path, chat: ChatWindow) -> None:
    # removing the attachment: the running pre-encode is cancelled and nothing replaces it
    _attach(qtbot, chat, _screenshot(tmp_path / "screen.png"))
    _wait_reading_image(qtbot, chat)
    removed = chat.preencoder._cancel
    assert isinstance(removed, CancelToken)
    qtbot.mouseClick(chat.attachments.chips()[0].remove, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: removed.cancelled and chat.preencoder.request is None, timeout=5000)
    qtbot.waitUntil(lambda: all(not t.is_alive() for t in chat.preencoder._threads), timeout=30000)
    assert "Reading the image" not in chat.status.text()
    assert chat.preencoder.state is None

    # switching conversation: the pre-encode is replaced by one with that conversation's turns
    earlier = chat.history.create_conversation(system_prompt="Be brief.")
    chat.history.add_message(earlier.id, "user", "Hello there")
    chat.history.add_message(earlier.id, "assistant", "Hi! What can I look at?", status="complete")
    _attach(qtbot, chat, _screenshot(tmp_path / "screen2.png", (1200, 700)))
    _wait_reading_image(qtbot, chat)
    switched = chat.preencoder._cancel
    assert isinstance(switched, CancelToken)
    chat.open_conversation(earlier.id)
    qtbot.waitUntil(lambda: switched.cancelled and chat.preencoder.request is not None, timeout=10000)
    request = chat.preencoder.request
    assert request is not None
    assert [m.role for m in request.messages] == ["system", "user", "assistant", "user"]
    assert request.messages[-1].images
    qtbot.waitUntil(lambda: chat.preencoder.state is not None and chat.preencoder.state.finished, timeout=60000)
    usages = _send(qtbot, chat, "And this?")
    assert usages[-1].timings["evaluated_image_tokens"] == 0
