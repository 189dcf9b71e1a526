"""What the chat's messages open: a message's whole text, an answer's HTML preview, its boxes on the screen, an image.

Its words keep the translation context ``ChatWindow`` (they were the window's, and so are their translations).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage
from PySide6.QtWidgets import QDialog, QWidget

from desktop_helper.conversation import ConversationSession
from desktop_helper.core.messages import Level, UserMessage
from desktop_helper.history.store import HistoryStore
from desktop_helper.settings.store import Settings
from desktop_helper.ui.chat_widgets import FullTextViewer, ImageViewer
from desktop_helper.ui.markdown import html_snippet


class MessageActions(QObject):
    """Opens viewers (children of ``window``), previews and the screen overlay for the messages of ``history``.

    Args:
        window: the chat window.
        history: where the messages are.
        session: knows the image each answer saw.
        values: the settings (the overlay's fade time).
        image_for_key: the conversation view's images by key.
        preview_dir: where HTML previews are written (default: a temporary folder).

    Attributes:
        overlay: the screen overlay controller "Show on screen" draws with (``show_boxes_on_screen``); the app
            hands its own over, else one is made on first use (closed in :meth:`shutdown`).
        open_url: opens a written preview (the system browser).

    Signals (GUI thread):
        problem(object): a :class:`UserMessage` to show (the boxes could not be shown on the screen).
    """

    problem = Signal(object)

    def __init__(
        self,
        window: QWidget,
        history: HistoryStore,
        session: ConversationSession,
        values: Settings,
        image_for_key: Callable[[str], QImage | None],
        *,
        preview_dir: Path | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self.history = history
        self.session = session
        self._values = values
        self._image_for_key = image_for_key
        self.preview_dir = preview_dir or Path(tempfile.gettempdir()) / "desktop-helper-preview"
        self.overlay: object | None = None
        self._own_overlay: object | None = None
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        self.viewers: list[QDialog] = []

    def show_full_text(self, message_id: int) -> FullTextViewer:
        """Open a message's whole text (shown folded in the conversation) in a plain viewer."""
        message = self.history.message(message_id)
        if message.role == "user":
            title = QCoreApplication.translate("ChatWindow", "Your question")
        else:
            title = QCoreApplication.translate("ChatWindow", "The answer")
        viewer = FullTextViewer(message.content, title, self._window)
        self._keep(viewer)
        return viewer

    def preview(self, message_id: int) -> Path | None:
        """Open the HTML an answer contains in the system browser; returns the file written."""
        snippet = html_snippet(self.history.message(message_id).content)
        if snippet is None:
            return None
        self.preview_dir.mkdir(parents=True, exist_ok=True)
        target = self.preview_dir / f"answer-{message_id}.html"
        target.write_text(snippet, encoding="utf-8")
        self.open_url(QUrl.fromLocalFile(str(target)))
        return target

    def show_on_screen(self, message_id: int) -> None:
        """Draw the answer's boxes on the real screen, where the captured image came from."""
        image = self.session.sent_image(message_id)
        if image is None or image.geometry is None:
            return
        if self.overlay is None:
            # no app-wide overlay was handed over: make one for the chat (closed in shutdown)
            from desktop_helper.ui.overlay import OverlayController

            fade = self._values.get_float("overlay.fade_seconds")
            self.overlay = self._own_overlay = OverlayController(fade_seconds=fade, parent=self)
        result = self.overlay.show_boxes_on_screen(self.history.message(message_id).content, image.geometry)  # type: ignore[attr-defined]
        error = getattr(result, "error", None)
        if error:
            self.problem.emit(UserMessage(Level.INFO, str(error)))

    def enlarge_image(self, key: str) -> None:
        image = self._image_for_key(key)
        if image is None:
            return
        self._keep(ImageViewer(image, key.split(":", 1)[-1][:16], self._window))

    def shutdown(self) -> None:
        """Close the overlay made here and every viewer still open."""
        if self._own_overlay is not None:
            self._own_overlay.shutdown()  # type: ignore[attr-defined]
        for viewer in self.viewers:
            viewer.close()

    def _keep(self, viewer: QDialog) -> None:
        """Show ``viewer`` and hold it while it is open."""
        self.viewers.append(viewer)
        viewer.finished.connect(lambda _code: self.viewers.remove(viewer) if viewer in self.viewers else None)
        viewer.show()
