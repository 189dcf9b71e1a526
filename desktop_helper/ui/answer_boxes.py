"""The boxes an answer marked, drawn on the image it saw, for the chat's conversation view.

What to draw comes from :meth:`ConversationSession.boxes_of`; PIL's decode-draw-encode
(:meth:`BoxesToDraw.draw`) runs on a worker, and the message shows the drawing when it is done.
Its words keep the translation context ``ChatWindow`` (they were the window's, and so are their
translations).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QImage

from desktop_helper.conversation import BoxesToDraw, ConversationSession
from desktop_helper.history.records import StoredMessage
from desktop_helper.history.store import HistoryStore
from desktop_helper.ui.conversation_view import ConversationView, ViewImage
from desktop_helper.ui.workers import TaskRunner

log = logging.getLogger(__name__)


class AnswerBoxes(QObject):
    """Draws answers' boxes for ``view`` and gives it every image by key (attachments and drawings).

    Args:
        session: says which answers have boxes and on which image.
        history: where attached images are read from.
        view: the conversation view the drawings are shown in.
    """

    def __init__(self, session: ConversationSession, history: HistoryStore, view: ConversationView, parent: QObject) -> None:
        super().__init__(parent)
        self.session = session
        self.history = history
        self.view = view
        self._images: dict[str, bytes] = {}  # view image key -> PNG (answers' boxes)
        self._runner = TaskRunner(self)  # draws answers' boxes off the GUI thread
        self._runner.done.connect(self._drawn)
        self._runner.failed.connect(self._failed)
        self._wanted: dict[int, int] = {}  # answer id -> the drawing its message waits for
        self.jobs: dict[int, tuple[int, BoxesToDraw]] = {}  # drawing task -> (answer id, what it draws)

    def add(self, stored: StoredMessage, conversation: list[StoredMessage] | None) -> None:
        """Draw the answer's boxes on a worker; the message shows them when they are drawn."""
        boxes = self.session.boxes_of(stored, conversation)
        if boxes is None:
            self._wanted.pop(stored.id, None)  # an id handed out again: a drawing for the old answer is stale
            return
        task = self._runner.submit(boxes.draw, name="draw-boxes")
        self._wanted[stored.id] = task
        self.jobs[task] = (stored.id, boxes)

    def image_for_key(self, key: str) -> QImage | None:
        """An attachment (``att:<sha256>``) or a drawing (``boxed:<answer id>``) as an image; None if it is gone."""
        if key.startswith("att:"):
            try:
                return QImage.fromData(self.history.read_attachment(key[4:]))
            except OSError:
                return None
        data = self._images.get(key)
        return QImage.fromData(data) if data is not None else None

    def shutdown(self) -> None:
        self._runner.shutdown()

    def _drawn(self, task: int, png: object) -> None:
        answer_id, boxes = self.jobs.pop(task)
        if self._wanted.get(answer_id) != task:
            return  # the answer was replaced or redrawn since
        del self._wanted[answer_id]
        shown = next((m for m in self.view.messages() if m.id == answer_id), None)
        if shown is None or not isinstance(png, bytes):
            return  # another conversation is shown now
        key = f"boxed:{answer_id}"
        self._images[key] = png
        self.view.forget_image(key)
        shown.boxed_image = ViewImage(key, "boxes")
        count = len(boxes.items)
        shown.box_note = (
            QCoreApplication.translate("ChatWindow", "1 location the model marked (its estimate)")
            if count == 1
            else QCoreApplication.translate("ChatWindow", "{0} locations the model marked (its estimate)").format(count)
        )
        shown.can_show_on_screen = boxes.on_screen
        self.view.replace_message(shown)

    def _failed(self, task: int, error: object) -> None:
        answer_id, _boxes = self.jobs.pop(task)
        if self._wanted.get(answer_id) == task:
            del self._wanted[answer_id]
        log.warning("the boxes of answer %d could not be drawn: %s", answer_id, error)
