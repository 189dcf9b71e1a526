"""Dropping real files on the chat window: what would be sent, and clear refusals for bad files."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_helper.backends.scripted import ScriptedBackend
from desktop_helper.core.types import ImagePart, TextPart, VideoPart
from desktop_helper.history.store import HistoryStore
from desktop_helper.settings.paths import app_paths
from desktop_helper.settings.store import Settings
from desktop_helper.ui.backend_service import BackendService
from desktop_helper.ui.chat_window import ChatWindow
from tests.fixtures.chat_files import write_encrypted_pdf, write_mp4, write_pdf, write_png, write_text

pytestmark = [pytest.mark.gui]


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path):
    paths = app_paths()
    paths.ensure()
    settings = Settings(paths.settings_file)
    history = HistoryStore(paths.history_db, paths.attachments)
    backend = ScriptedBackend(["Got them."])
    service = BackendService(settings, None, env={})
    service.set_backend(backend, "scripted")
    chat = ChatWindow(history, service, settings, preview_dir=tmp_path / "preview")
    qtbot.addWidget(chat)
    chat.show()
    qtbot.waitExposed(chat)
    chat.test_backend = backend  # type: ignore[attr-defined]
    yield chat
    chat.shutdown()
    chat.close()
    service.shutdown()
    history.close()


def drop(qtbot: QtBot, chat: ChatWindow, paths: list[Path]) -> None:
    """Deliver a real drag-enter + drop of file URLs through Qt's event dispatch, then wait for the files to load."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    target = chat.view.viewport()
    position = QPoint(target.width() // 2, target.height() // 2)
    with warnings.catch_warnings():
        # PySide6 marks QDragEnterEvent's only constructor deprecated (Qt 6 moved QDropEvent to QPointF)
        warnings.simplefilter("ignore", DeprecationWarning)
        buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        enter = QDragEnterEvent(position, Qt.DropAction.CopyAction, data, buttons, modifiers)
    QApplication.sendEvent(chat, enter)
    assert enter.isAccepted()
    with qtbot.waitSignal(chat.attachments_loaded, timeout=30000):
        event = QDropEvent(
            QPointF(position), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        )
        QApplication.sendEvent(chat, event)
    qtbot.waitUntil(lambda: chat.files.loading == 0, timeout=30000)


def test_dropped_png_pdf_mp4_and_text_are_sent_as_images_pages_frames_and_text(
    qtbot: QtBot, window: ChatWindow, tmp_path: Path
) -> None:
    files = [
        write_png(tmp_path / "screen.png", (1280, 800)),
        write_pdf(tmp_path / "report.pdf", pages=3),
        write_mp4(tmp_path / "clip.mp4", frames=30, fps=10.0),
        write_text(tmp_path / "notes.py"),
    ]
    drop(qtbot, window, files)
    attached = window.attachments.attachments()
    assert sorted(a.name for a in attached) == ["clip.mp4", "notes.py", "report.pdf", "screen.png"]
    assert window.attachments.isVisible()
    by_name = {a.name: a for a in attached}
    assert by_name["report.pdf"].note == "3 pages"
    assert len(by_name["report.pdf"].images) == 3
    assert by_name["clip.mp4"].kind == "video"
    assert window.estimated_image_tokens() > 0
    assert str(window.estimated_image_tokens()) in window.tokens_label.text()

    # remove one before sending: it is not sent
    chips = window.attachments.chips()
    text_index = [c.attachment.name for c in chips].index("notes.py")
    qtbot.mouseClick(chips[text_index].remove, Qt.MouseButton.LeftButton)
    assert "notes.py" not in [a.name for a in window.attachments.attachments()]
    drop(qtbot, window, [tmp_path / "notes.py"])

    window.input.setPlainText("Summarise all of this")
    with qtbot.waitSignal(window.generation_finished, timeout=20000):
        window.send()
    request = window.test_backend.requests[-1]  # type: ignore[attr-defined]
    parts = request.messages[-1].parts
    budget = window.detail_box.budget()
    images = [p for p in parts if isinstance(p, ImagePart)]
    videos = [p for p in parts if isinstance(p, VideoPart)]
    texts = [p.text for p in parts if isinstance(p, TextPart)]
    assert len(images) == 1 + 3  # the PNG and the three PDF pages
    assert all((i.width // 28) * (i.height // 28) <= budget for i in images)
    assert len(videos) == 1
    assert len(videos[0].frames) == 8
    assert videos[0].path == str(tmp_path / "clip.mp4")
    assert any("def hello()" in t and "notes.py" in t for t in texts)
    assert any("report.pdf" in t for t in texts)
    assert texts[-1] == "Summarise all of this"
    assert window.attachments.attachments() == []

    # the history keeps every image and the text file, and the conversation shows them
    stored = window.history.messages(window.conversation_id or 0)[0]
    kinds = [a.kind for a in stored.attachments]
    assert kinds.count("image") == 1 + 3 + 8
    assert kinds.count("text") == 1
    assert "notes.py" in window.view.toPlainText()


def test_pdf_page_range_for_long_documents(qtbot: QtBot, window: ChatWindow, tmp_path: Path) -> None:
    long_pdf = write_pdf(tmp_path / "long.pdf", pages=25, size=(200, 280))
    drop(qtbot, window, [long_pdf])
    attachment = window.attachments.attachments()[0]
    assert attachment.note == "pages 1-20 of 25"
    assert "long.pdf" in window.notice.text()
    with qtbot.waitSignal(window.attachments_loaded, timeout=30000):
        window.files.set_page_range(0, "22-25")
    attachment = window.attachments.attachments()[0]
    assert attachment.note == "pages 22-25 of 25"
    assert [i.name for i in attachment.images] == [f"long.pdf p.{n}" for n in range(22, 26)]


def test_bad_files_are_refused_by_name_and_nothing_else_changes(qtbot: QtBot, window: ChatWindow, tmp_path: Path) -> None:
    good = write_png(tmp_path / "good.png")
    drop(qtbot, window, [good])
    window.input.setPlainText("first question")
    with qtbot.waitSignal(window.generation_finished, timeout=10000):
        window.send()
    before = [(m.role, m.content) for m in window.history.messages(window.conversation_id or 0)]
    view_before = window.view.toPlainText()

    png = good.read_bytes()
    pdf = write_pdf(tmp_path / "ok.pdf").read_bytes()
    mp4 = write_mp4(tmp_path / "ok.mp4").read_bytes()
    bad: dict[str, tuple[bytes | None, str]] = {
        "truncated.png": (png[: len(png) // 3], "damaged or truncated"),
        "corrupt.pdf": (pdf[:300], "damaged or truncated"),
        "corrupt.mp4": (mp4[:400], "cannot be opened"),
        "empty.txt": (b"", "empty"),
        "lies.png": (b"just some text, not a picture\n", "contains plain text"),
        "latin1.txt": ("café crème brûlée".encode("latin-1"), "not UTF-8"),
        "slides.pptx": (None, "LibreOffice"),
    }
    for name, (content, _reason) in bad.items():
        if content is not None:
            (tmp_path / name).write_bytes(content)
    _write_minimal_pptx(tmp_path / "slides.pptx")
    write_encrypted_pdf(tmp_path / "locked.pdf")
    bad["locked.pdf"] = (None, "password-protected")
    (tmp_path / "a folder").mkdir()
    bad["a folder"] = (None, "folder")
    (tmp_path / "dangling.png").symlink_to(tmp_path / "gone.png")
    bad["dangling.png"] = (None, "does not exist")

    for name, (_content, reason) in bad.items():
        window.notice.clear()
        drop(qtbot, window, [tmp_path / name])
        assert window.notice.isVisible()
        assert name in window.notice.text(), name
        assert reason in window.notice.text(), (name, window.notice.text())
        assert window.attachments.attachments() == [], name
    assert [(m.role, m.content) for m in window.history.messages(window.conversation_id or 0)] == before
    assert window.view.toPlainText() == view_before


def _write_minimal_pptx(path: Path) -> None:
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("ppt/presentation.xml", "<presentation/>")
