from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop_helper.models.manager import needs_welcome
from desktop_helper.settings.store import Settings
from desktop_helper.ui.welcome import WelcomeDialog


def test_first_start_needs_a_welcome_until_a_model_or_provider_exists(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "s.json")
    assert needs_welcome(settings, tmp_path / "models")
    model, mmproj = tmp_path / "m.gguf", tmp_path / "p.gguf"
    settings.set("models.local_model_path", str(model))
    settings.set("models.local_mmproj_path", str(mmproj))
    assert needs_welcome(settings, tmp_path / "models")  # the files are not there
    model.write_bytes(b"GGUF")
    mmproj.write_bytes(b"GGUF")
    assert not needs_welcome(settings, tmp_path / "models")


def test_welcome_offers_the_download_and_closes_on_a_choice(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = WelcomeDialog(tmp_path / "models")
    qtbot.addWidget(dialog)
    dialog.show()
    text = " ".join(label.text() for label in dialog.findChildren(type(dialog.page.status)))
    assert "GLM-4.6V-Flash" in text
    assert "GB" in text  # download size, free disk and memory are shown
    with qtbot.waitSignal(dialog.page.model_chosen):
        dialog.page.model_chosen.emit("/m.gguf", "/p.gguf")
    assert not dialog.isVisible()
    dialog.shutdown()


def test_enter_picks_files_and_never_starts_a_download(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Enter in the welcome window must not start a download of several GB: it opens the file picker."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog, QPushButton

    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")  # were a download started, it would fail at once
    asked: list[str] = []

    def cancelled_picker(_parent: object, caption: str, *_args: object) -> tuple[str, str]:
        asked.append(caption)
        return "", ""  # the person closes the file dialog

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(cancelled_picker))
    dialog = WelcomeDialog(tmp_path / "models")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    downloads = [b for b in dialog.findChildren(QPushButton) if b.text() in ("Download", "Resume download")]
    assert downloads
    # Enter where the window opens, then with each Download button focused (reached with Tab)
    for focused in [None, *downloads]:
        if focused is not None:
            focused.setFocus()
            qtbot.waitUntil(focused.hasFocus)
        target = dialog.focusWidget() or dialog
        qtbot.keyClick(target, Qt.Key.Key_Return)
        assert dialog.page._cancel is None, "Enter started a download"
        assert not dialog.page.progress.isVisible()
    assert asked == ["Choose the model GGUF"] * (1 + len(downloads))
    assert dialog.isVisible()
    dialog.shutdown()
