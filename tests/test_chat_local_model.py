"""A real image sent from the chat window through llama.cpp on the tiny GLM-4.6V model."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop_helper.history.store import HistoryStore
from desktop_helper.settings.paths import app_paths
from desktop_helper.settings.store import Settings
from desktop_helper.ui.backend_service import BackendService
from desktop_helper.ui.chat_window import ChatWindow
from tests.fixtures.chat_files import write_png
from tests.fixtures.tiny_model import TinyModel

pytestmark = [pytest.mark.gui, pytest.mark.model]


def test_window_sends_an_image_through_the_local_tiny_model(qtbot: QtBot, tmp_path: Path, tiny_glm4v: TinyModel) -> None:
    paths = app_paths()
    paths.ensure()
    settings = Settings(paths.settings_file)
    settings.set("models.backend", "local_gguf")
    settings.set("models.local_model_path", str(tiny_glm4v.model))
    settings.set("models.local_mmproj_path", str(tiny_glm4v.mmproj))
    settings.set("models.context_size", 4096)
    settings.set("models.threads", 2)
    settings.set("models.max_answer_tokens", 24)  # random weights rarely stop by themselves
    history = HistoryStore(paths.history_db, paths.attachments)
    service = BackendService(settings, None, env={})
    window = ChatWindow(history, service, settings, preview_dir=tmp_path / "preview")
    qtbot.addWidget(window)
    try:
        window.show()
        with qtbot.waitSignal(service.ready, timeout=120000):
            service.start()  # loads the model on a worker, as the app does at start
        assert service.backend is not None
        assert service.backend.name == "local_gguf"
        assert "Ready" in window.status.text()

        image = write_png(tmp_path / "screen.png", (448, 336))
        window.add_files([str(image)])
        qtbot.waitUntil(lambda: len(window.attachments.attachments()) == 1, timeout=20000)
        window.detail_box.setCurrentIndex(0)  # 256 tokens per image keeps the tiny model fast
        window.input.setPlainText("What is in this picture?")
        window.send()
        assert window.runner.busy, window.notice.text()
        with qtbot.waitSignal(window.generation_finished, timeout=180000) as finished:
            pass
        answer = history.message(int(finished.args[0]))
        assert answer.status == "complete", answer.error
        # the window keeps the image the backend reported sending (its ImagesSent event) for the boxes
        sent_image = window.session.sent_image(answer.id)
        assert sent_image is not None
        sent = [sent_image]
        assert (sent[0].width // 28) * (sent[0].height // 28) <= 256
        assert window.last_request is not None
        assert window.last_request.max_tokens == 24
        assert window.last_request.messages[-1].images[0].data == sent[0].data or sent[0].width <= 448
        assert "screen.png" in history.messages(window.conversation_id or 0)[0].attachments[0].name
    finally:
        window.shutdown()
        window.close()
        service.shutdown()
        history.close()
