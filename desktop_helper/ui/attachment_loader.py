"""Files and pasted images becoming the chat's attachments, read and decoded on worker threads.

A file that cannot be used produces a notice naming it and the reason, and nothing else changes.
Files and images dropped on the chat window come through :class:`FileDropTarget`.
Its words keep the translation context ``ChatWindow`` (they were the window's, and so are their translations).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtGui import QDropEvent, QImage
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from desktop_helper.core.errors import MediaError, UserError
from desktop_helper.core.i18n import english, t
from desktop_helper.core.messages import Level, UserMessage
from desktop_helper.media.attachment import Attachment, PageRange
from desktop_helper.media.documents import from_image_bytes, load_attachment
from desktop_helper.ui.attachments_bar import AttachmentsBar
from desktop_helper.ui.chat_widgets import png_bytes
from desktop_helper.ui.workers import TaskRunner

#: what the file picker offers
SUPPORTED_PATTERNS = (
    "*.png *.jpg *.jpeg *.webp *.bmp *.gif *.mp4 *.mov *.mkv *.webm *.pdf *.pptx *.ppt *.docx *.odp *.odt *.txt *.md *.py"
)


class AttachmentLoader(QObject):
    """Reads files into attachments on ``bar``.

    Args:
        bar: where the attachments go.
        window: the parent of the file and page dialogs.

    Signals (GUI thread):
        loading_changed(int): the number of files still being read changed (0: all read or refused).
        added(): a file became an attachment.
        problem(object): a :class:`UserMessage` saying what cannot be used, and why.
    """

    loading_changed = Signal(int)
    added = Signal()
    problem = Signal(object)

    def __init__(self, bar: AttachmentsBar, window: QWidget) -> None:
        super().__init__(window)
        self.bar = bar
        self._window = window
        self._loading: dict[int, str] = {}
        self.tasks = TaskRunner(self)
        self.tasks.done.connect(self._loaded)
        self.tasks.failed.connect(self._failed)

    @property
    def loading(self) -> int:
        """Files still being read."""
        return len(self._loading)

    def add_files(self, paths: list[str]) -> None:
        """Read files on worker threads; each becomes an attachment or a notice naming the problem."""
        for path in paths:
            task = self.tasks.submit(functools.partial(load_attachment, path), name="attachment-load")
            self._loading[task] = path
        self.loading_changed.emit(self.loading)

    def paste_images(self, images: list[bytes]) -> None:
        for number, data in enumerate(images, start=1):
            try:
                self.bar.add(from_image_bytes(data, QCoreApplication.translate("ChatWindow", "pasted image {0}").format(number)))
            except MediaError as exc:
                self.problem.emit(UserMessage(Level.ERROR, exc.message, exc.fix))

    def pick_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self._window,
            QCoreApplication.translate("ChatWindow", "Attach files"),
            str(Path.home()),
            QCoreApplication.translate("ChatWindow", "Supported files ({0});;All files (*)").format(SUPPORTED_PATTERNS),
        )
        if paths:
            self.add_files(paths)

    def choose_pages(self, index: int) -> None:
        attachment = self.bar.attachments()[index]
        text, ok = QInputDialog.getText(
            self._window,
            QCoreApplication.translate("ChatWindow", "Pages"),
            QCoreApplication.translate("ChatWindow", "Pages of {0} to send (e.g. 3-12):").format(attachment.name),
        )
        if ok and text.strip():
            self.set_page_range(index, text)

    def set_page_range(self, index: int, text: str) -> None:
        """Reload attachment ``index`` (a PDF or slides) with only the pages in ``text`` ("3-12")."""
        attachment = self.bar.attachments()[index]
        try:
            pages = PageRange.parse(text)
        except ValueError as exc:
            self.problem.emit(UserMessage(Level.ERROR, t("{name}: {exc}", name=attachment.name, exc=exc)))
            return
        if attachment.path is None:
            return
        path = attachment.path
        task = self.tasks.submit(lambda: (index, load_attachment(path, page_range=pages)), name="attachment-load")
        self._loading[task] = path
        self.loading_changed.emit(self.loading)

    def shutdown(self) -> None:
        self.tasks.shutdown()

    def _loaded(self, task_id: int, result: object) -> None:
        self._loading.pop(task_id, None)
        if isinstance(result, tuple):  # a page-range reload: (index, attachment)
            index, attachment = result
            if index < len(self.bar.attachments()):
                self.bar.replace(index, attachment)
        elif isinstance(result, Attachment):
            self.bar.add(result)
            self.added.emit()
            if " of " in str(english(result.note)) and result.kind in ("pdf", "document"):
                self.problem.emit(
                    UserMessage(
                        Level.INFO,
                        QCoreApplication.translate("ChatWindow", "{0}: only {1} will be sent.").format(result.name, result.note),
                        QCoreApplication.translate("ChatWindow", "Use its Pages… button to choose other pages."),
                    )
                )
        self.loading_changed.emit(self.loading)

    def _failed(self, task_id: int, error: object) -> None:
        path = self._loading.pop(task_id, "")
        if isinstance(error, UserError):
            self.problem.emit(UserMessage(Level.ERROR, error.message, error.fix))
        else:
            message = QCoreApplication.translate("ChatWindow", "{0}: cannot be read ({1}).").format(Path(path).name, error)
            self.problem.emit(UserMessage(Level.ERROR, message))
        self.loading_changed.emit(self.loading)


class FileDropTarget(QObject):
    """Files and images dropped on ``window`` go to ``loader``; ``highlighted`` show where while they hover.

    The highlight is the ``dropActive`` property of ``container`` (styled in app.qss) on ``highlighted``,
    widgets inside it.
    """

    def __init__(self, window: QWidget, loader: AttachmentLoader, container: QWidget, highlighted: Sequence[QWidget]) -> None:
        super().__init__(window)
        self.loader = loader
        self.container = container
        self.highlighted = tuple(highlighted)
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    @property
    def shown(self) -> bool:
        """Whether the drop highlight is on."""
        return bool(self.container.property("dropActive"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.DragEnter:
            data = event.mimeData()  # type: ignore[attr-defined]
            if data.hasUrls() or data.hasImage():
                event.acceptProposedAction()  # type: ignore[attr-defined]
                self._show(True)
                return True
        elif kind == QEvent.Type.DragLeave:
            self._show(False)
        elif kind == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            self._drop(event)
            return True
        return False

    def _drop(self, event: QDropEvent) -> None:
        self._show(False)
        data = event.mimeData()
        paths = [url.toLocalFile() for url in data.urls() if url.isLocalFile()]
        if paths:
            self.loader.add_files(paths)
            event.acceptProposedAction()
        elif data.hasImage():
            self.loader.paste_images([png_bytes(QImage(data.imageData()))])
            event.acceptProposedAction()

    def _show(self, active: bool) -> None:
        """Highlight the conversation and the question box (app.qss, ``dropActive``) while files hover."""
        if self.shown == active:
            return
        self.container.setProperty("dropActive", active)
        for widget in self.highlighted:
            widget.style().unpolish(widget)
            widget.style().polish(widget)
            widget.update()
