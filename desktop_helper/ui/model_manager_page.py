"""The welcome / model page: download GLM-4.6V-Flash, pick GGUF files, or go to the API providers.

Shown on first start when there is no usable local model and no API provider (see
:func:`desktop_helper.models.manager.needs_welcome`), and reusable in the settings. All the
logic (sizes, disk and memory estimates, the resumable download, the pair check) lives in
:mod:`desktop_helper.models.manager`; this widget only shows it and runs the download on a worker.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_helper.backends.base import CancelToken
from desktop_helper.core.errors import CancelledError, UserError
from desktop_helper.core.i18n import t
from desktop_helper.models.catalog import KnownModel
from desktop_helper.models.manager import Offer, check_local_pair, download_known_model, offer
from desktop_helper.ui.workers import TaskRunner

log = logging.getLogger(__name__)


class ModelManagerPage(QWidget):
    """Choose how the assistant gets a model.

    Signals (GUI thread):
        model_chosen(str, str): a checked model + mmproj pair is ready (paths); save and load it.
        api_provider_requested(): the user wants to set up an API provider instead.
        _progress(float, str): internal, queued from the download thread.
    """

    model_chosen = Signal(str, str)
    api_provider_requested = Signal()
    _progress = Signal(float, str)

    def __init__(self, models_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.models_dir = models_dir
        self._tasks = TaskRunner(self)
        self._tasks.done.connect(self._downloaded)
        self._tasks.failed.connect(self._failed)
        self._cancel: CancelToken | None = None
        self._task_id = 0
        self._buttons: list[QPushButton] = []
        self._progress.connect(self._on_progress)

        layout = QVBoxLayout(self)
        title = QLabel(self.tr("<h2>Set up a model</h2>"))
        layout.addWidget(title)
        intro = QLabel(
            self.tr(
                "Desktop Helper answers questions about what is on your screen. For that it needs a vision model: "
                "download GLM-4.6V-Flash to run it on this computer (your screen never leaves it, and it works "
                "offline), or connect an API provider you already use."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        for item in offer(models_dir):
            layout.addWidget(self._offer_box(item))

        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel download"))
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel_download)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        layout.addWidget(self.status)

        other = QHBoxLayout()
        pick = self.pick_button = QPushButton(self.tr("Use GGUF files I already have…"))
        pick.clicked.connect(self.pick_files)
        api = QPushButton(self.tr("Set up an API provider…"))
        api.clicked.connect(self.api_provider_requested)
        other.addWidget(pick)
        other.addWidget(api)
        other.addStretch(1)
        layout.addLayout(other)
        layout.addStretch(1)
        self._buttons.append(pick)

    def _offer_box(self, item: Offer) -> QFrame:
        box = QFrame()
        box.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(box)
        name = self.tr("{0} (recommended)").format(item.model.title) if item.model.recommended else item.model.title
        layout.addWidget(QLabel(f"<b>{name}</b>"))
        text = QLabel(f"{t(item.model.description)}\n{item.summary()}")
        text.setWordWrap(True)
        layout.addWidget(text)
        warning = item.memory.warning()
        if warning:
            caution = QLabel(warning)
            caution.setWordWrap(True)
            caution.setObjectName("memory_warning")
            layout.addWidget(caution)
        if not item.enough_disk:
            layout.addWidget(QLabel(self.tr("Not enough free disk space for this download.")))
        label = self.tr("Resume download") if item.already_downloaded else self.tr("Download")
        button = QPushButton(label)
        button.setAutoDefault(False)  # a download of several GB starts only on a click, never on Enter
        button.setEnabled(item.enough_disk)
        button.clicked.connect(lambda _checked=False, entry=item.model: self.start_download(entry))
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        self._buttons.append(button)
        return box

    # ----- download
    def start_download(self, entry: KnownModel) -> None:
        """Download (or resume) ``entry`` on a worker thread."""
        if self._cancel is not None:
            return
        self._cancel = cancel = CancelToken()
        self._set_busy(True)
        self.status.setText(self.tr("Starting the download of {0}…").format(entry.title))
        models_dir = self.models_dir

        def run() -> tuple[Path, Path]:
            return download_known_model(
                entry, models_dir, progress=lambda f, t: self._progress.emit(-1.0 if f is None else f, t), cancel=cancel
            )

        self._task_id = self._tasks.submit(run, name="model-download")

    def cancel_download(self) -> None:
        if self._cancel is not None:
            self._cancel.cancel()
            self.status.setText(self.tr("Stopping… the part already downloaded is kept and the download can resume."))

    def _on_progress(self, fraction: float, text: str) -> None:
        if fraction < 0:
            self.progress.setRange(0, 0)
        else:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(fraction * 1000))
        self.status.setText(text)

    def _downloaded(self, task_id: int, result: object) -> None:
        if task_id != self._task_id:
            return
        self._set_busy(False)
        assert isinstance(result, tuple)
        model, mmproj = result
        self._check_and_choose(Path(str(model)), Path(str(mmproj)))

    def _failed(self, task_id: int, error: object) -> None:
        if task_id != self._task_id:
            return
        self._set_busy(False)
        if isinstance(error, CancelledError):
            self.status.setText(self.tr("Download stopped. Choose Download again to resume it."))
        elif isinstance(error, UserError):
            self.status.setText(f"{error.message}\n{error.fix or ''}".strip())
        else:
            self.status.setText(self.tr("The download failed: {0}").format(error))

    def _set_busy(self, busy: bool) -> None:
        if not busy:
            self._cancel = None
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        for button in self._buttons:
            button.setEnabled(not busy)

    # ----- existing files
    def pick_files(self) -> None:
        model, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the model GGUF"), "", self.tr("GGUF models (*.gguf)"))
        if not model:
            return
        mmproj, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose its vision projector (mmproj) GGUF"), str(Path(model).parent), self.tr("GGUF models (*.gguf)")
        )
        if not mmproj:
            return
        self._check_and_choose(Path(model), Path(mmproj))

    def _check_and_choose(self, model: Path, mmproj: Path) -> None:
        try:
            pair, estimate = check_local_pair(model, mmproj)
        except UserError as exc:
            self.status.setText(f"{exc.message}\n{exc.fix or ''}".strip())
            return
        note = estimate.warning() or self.tr("Memory: {0}.").format(estimate.summary())
        self.status.setText(self.tr("{0} is ready. {1}").format(pair.name, note))
        self.model_chosen.emit(str(model), str(mmproj))

    def shutdown(self) -> None:
        """Stop a running download and join its thread (on app quit)."""
        if self._cancel is not None:
            self._cancel.cancel()
        self._tasks.shutdown()
