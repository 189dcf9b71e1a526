"""Find on screen, the Qt side: ask what to find, capture, ask the model off the GUI thread, draw.

The work itself is :func:`desktop_helper.grounding.find_on_screen`; this module only wires it to a
prompt popup, a worker thread, the overlay and the message bus. The app registers
:meth:`FindController.find_command` for ``desktop-helper find [TARGET...]`` and connects the
``hotkeys.find`` hotkey to the same command, so the hotkey, the tray and the CLI share one path.
"""

from __future__ import annotations

import argparse
import json
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future

from PySide6.QtCore import QObject, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QCursor, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop_helper.backends.base import Backend, CancelToken
from desktop_helper.core.errors import CancelledError, UserError
from desktop_helper.core.i18n import t
from desktop_helper.core.messages import MessageBus
from desktop_helper.core.types import ImagePart
from desktop_helper.grounding import GroundingResult, ScreenItem, find_on_screen, result_as_json, result_lines, shapes_for
from desktop_helper.ui.overlay import OverlayController
from desktop_helper.ui.workers import TaskRunner

log = logging.getLogger(__name__)

Output = Callable[[str], None]


class FindPrompt(QFrame):
    """A small popup near the cursor: "What should I find?".

    Signals (GUI thread):
        submitted(str): the user pressed Enter with a non-empty text.
        cancelled(): the user pressed Esc or the popup lost focus.
    """

    submitted = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("find_prompt")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 10)
        label = QLabel(self.tr("What should I find on the screen?"))
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("e.g. the Save button, every error message"))
        self.edit.setMinimumWidth(360)
        label.setBuddy(self.edit)
        layout.addWidget(label)
        layout.addWidget(self.edit)
        self.edit.returnPressed.connect(self._submit)
        self._done = False

    def popup(self, text: str = "") -> None:
        """Show near the cursor, on the cursor's screen."""
        self._done = False
        self.edit.setText(text)
        self.adjustSize()
        position = QCursor.pos() + QPoint(12, 12)
        screen = QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()
        area = screen.availableGeometry()
        x = min(max(area.left(), position.x()), area.right() - self.width())
        y = min(max(area.top(), position.y()), area.bottom() - self.height())
        self.move(x, y)
        self.show()
        self.activateWindow()
        self.edit.setFocus(Qt.FocusReason.PopupFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self._finish(None)
            return
        super().keyPressEvent(event)

    def hideEvent(self, event: object) -> None:
        # A popup closes itself on an outside click: that is a cancel too.
        if not self._done:
            self._done = True
            self.cancelled.emit()
        super().hideEvent(event)  # type: ignore[arg-type]

    @Slot()
    def _submit(self) -> None:
        text = self.edit.text().strip()
        if text:
            self._finish(text)

    def _finish(self, text: str | None) -> None:
        self._done = True
        self.hide()
        if text is None:
            self.cancelled.emit()
        else:
            self.submitted.emit(text)


class FindController(QObject):
    """Runs find-on-screen requests one at a time and draws their results.

    Boxes are drawn as the model writes them and stay until the answer is complete; the final
    result replaces them (or clears them when the request failed or was cancelled). Hiding the
    overlay (Esc, the stop command) while a search runs cancels it.

    Args:
        overlay: where results are drawn.
        backend: returns the current backend, or None while none is ready.
        capture: grabs the monitor under a point as an image with its capture geometry (resized for
            the model or not); called on a worker thread with the cursor's global logical position,
            read on the GUI thread when the search started.
        bus: where errors and "nothing found" go.
        options: returns keyword options for :func:`find_on_screen` at each request (thinking,
            language, image_token_budget), so settings changes apply at once.

    Signals (GUI thread):
        started(str): a request for this target began.
        finished(object): the :class:`GroundingResult` (drawn if it has items).
        failed(str): the request could not run (no backend, capture or backend error).
    """

    started = Signal(str)
    finished = Signal(object)
    failed = Signal(str)
    _items_arrived = Signal()  # emitted by the worker, delivered queued on the GUI thread

    def __init__(
        self,
        overlay: OverlayController,
        backend: Callable[[], Backend | None],
        capture: Callable[[tuple[int, int]], ImagePart],
        bus: MessageBus,
        *,
        options: Callable[[], dict[str, object]] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.overlay = overlay
        self._backend = backend
        self._capture = capture
        self._bus = bus
        self._options = options or dict
        self._tasks = TaskRunner(self)
        self._tasks.done.connect(self._done)
        self._tasks.failed.connect(self._failed)
        self._cancel: CancelToken | None = None
        self._task: int | None = None
        # The latest boxes of the running request: the worker replaces them, the GUI thread takes
        # them; a burst of updates costs one redraw.
        self._items_lock = threading.Lock()
        self._pending_items: tuple[ScreenItem, ...] | None = None
        self._items_arrived.connect(self._show_items)
        overlay.cleared.connect(self._overlay_cleared)
        self.prompt: FindPrompt | None = None
        self.last_result: GroundingResult | None = None

    @property
    def busy(self) -> bool:
        return self._task is not None

    # ----- entry points
    def find_command(self, args: argparse.Namespace, output: Output) -> int | Future[int]:
        """``desktop-helper find [TARGET...] [--json]``: ask for the target when it is missing.

        With a target, the caller gets the boxes found, in screen pixels, when the search ends
        (exit 0), or why nothing was found (exit 1).
        """
        target = " ".join(getattr(args, "target", None) or []).strip()
        as_json = bool(getattr(args, "json", False))
        if self.busy:
            output(
                json.dumps({"target": target, "items": [], "error": "A search is already running."})
                if as_json
                else "A search is already running."
            )
            return 1
        if not target:
            self.ask()
            if not as_json:
                output("Type what to find in the popup.")
            return 0
        reply: Future[int] = Future()

        def finished(result: object) -> None:
            disconnect()
            assert isinstance(result, GroundingResult)
            if as_json:
                output(json.dumps(result_as_json(result)))
            else:
                for line in result_lines(result):
                    output(line)
            reply.set_result(0 if result.items else 1)

        def failed(message: str) -> None:
            disconnect()
            output(json.dumps({"target": target, "items": [], "error": message}) if as_json else message)
            reply.set_result(1)

        def disconnect() -> None:
            self.finished.disconnect(finished)
            self.failed.disconnect(failed)

        self.finished.connect(finished)
        self.failed.connect(failed)
        if not as_json:
            output(f"Looking for: {target}")
        self.find(target)
        return reply

    @Slot()
    def ask(self) -> None:
        """Show the "what should I find?" popup."""
        if self.prompt is None:
            self.prompt = FindPrompt()
            self.prompt.submitted.connect(self.find)
        self.prompt.popup()

    @Slot(str)
    def find(self, target: str) -> None:
        """Capture the monitor under the cursor and look for ``target`` on it."""
        if self.busy:
            self._bus.info(t("A search is already running."))
            return
        backend = self._backend()
        if backend is None:
            message = t("No model is ready yet.")
            self._bus.warning(message, t("Wait for the model to load, or choose one in Settings."))
            self.failed.emit(message)
            return
        # Old boxes would be in the capture and could mislead the model.
        self.overlay.clear()
        cancel = CancelToken()
        options = self._options()
        capture = self._capture
        cursor = QCursor.pos()
        where = (cursor.x(), cursor.y())

        def items_so_far(items: tuple[ScreenItem, ...]) -> None:
            with self._items_lock:
                queued = self._pending_items is not None
                self._pending_items = items
            if not queued:
                self._items_arrived.emit()

        def work() -> GroundingResult:
            image = capture(where)
            return find_on_screen(backend, image, target, cancel=cancel, on_items=items_so_far, **options)  # type: ignore[arg-type]

        self._cancel = cancel
        self._task = self._tasks.submit(work, name="find-on-screen")
        self.started.emit(target)

    @Slot()
    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.cancel()

    def shutdown(self) -> None:
        self.cancel()
        self._tasks.shutdown()
        if self.prompt is not None:
            self.prompt.deleteLater()
            self.prompt = None

    # ----- results (queued onto the GUI thread)
    @Slot()
    def _show_items(self) -> None:
        with self._items_lock:
            items, self._pending_items = self._pending_items, None
        if items and self._task is not None:
            # No fade while the model is still writing: a slow model may take longer per box.
            self.overlay.show_shapes(shapes_for(items), fade_seconds=0)

    @Slot()
    def _overlay_cleared(self) -> None:
        if self._task is not None:
            self.cancel()  # the user put the boxes away: more would come back uninvited

    def _take_pending_items(self) -> None:
        with self._items_lock:
            self._pending_items = None

    @Slot(int, object)
    def _done(self, task_id: int, result: object) -> None:
        if task_id != self._task:
            return
        self._task, self._cancel = None, None
        self._take_pending_items()
        assert isinstance(result, GroundingResult)
        self.last_result = result
        if result.items:
            self.overlay.show_result(result)
            flagged = len(result.parse.flagged)
            if flagged:
                self._bus.info(t("{flagged} more location(s) looked wrong and were not drawn.", flagged=flagged))
        else:
            self.overlay.clear()  # boxes drawn while the answer streamed
            if result.error:
                self._bus.info(result.error, t("Try other words, or capture a smaller region and ask again."))
        log.info("find %r: %d item(s), %s", result.question, len(result.items), result.timings)
        self.finished.emit(result)

    @Slot(int, object)
    def _failed(self, task_id: int, error: object) -> None:
        if task_id != self._task:
            return
        self._task, self._cancel = None, None
        self._take_pending_items()
        self.overlay.clear()
        if isinstance(error, CancelledError):
            text = t("The search was cancelled.")
        elif isinstance(error, UserError):
            self._bus.error(error.message, error.fix)
            text = error.message
        else:
            text = t("Find on screen failed: {error}", error=error)
            self._bus.error(text)
        self.failed.emit(text)
