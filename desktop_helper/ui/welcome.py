"""The first-start window: download GLM-4.6V-Flash, pick GGUF files, or set up an API provider."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from desktop_helper.ui.icons import app_icon
from desktop_helper.ui.model_manager_page import ModelManagerPage


class WelcomeDialog(QDialog):
    """Hosts the model manager page; closes once a model pair is chosen or the user picks an API.

    Signals are the page's: ``page.model_chosen(str, str)`` and ``page.api_provider_requested()``.
    """

    def __init__(self, models_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome_dialog")
        self.setWindowTitle(self.tr("Welcome"))
        self.setWindowIcon(app_icon())
        self.resize(640, 520)
        self.page = ModelManagerPage(models_dir, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page)
        # Enter picks files (safe, and what most people with a model at hand want); downloads need a click
        self.page.pick_button.setDefault(True)
        self.page.pick_button.setFocus()
        self.page.model_chosen.connect(lambda _model, _mmproj: self.accept())
        self.page.api_provider_requested.connect(self.accept)

    def shutdown(self) -> None:
        self.page.shutdown()
        self.close()
