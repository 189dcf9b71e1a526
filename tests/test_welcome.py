from __future__ import annotations

from pathlib import Path

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
