"""Runs the GUI agent from the UI: step panel, overlay drawing, clipboard, stop hotkey.

:class:`AgentSession` is the Qt side of :class:`~desktop_helper.agent.loop.AgentRun`: it implements
the run's listener by emitting queued signals (the run calls it on its worker thread), shows each
proposal in the :class:`~desktop_helper.ui.step_panel.StepPanel` and the click-through overlay, and
forwards Confirm / Skip / Stop. While a run is active a dedicated stop-hotkey listener runs; it is
separate from the app's other hotkeys because those are suspended while the agent types, and Stop
must work exactly then. The hotkey calls :meth:`AgentRun.stop` directly on the listener thread, so
the halt does not wait for the GUI thread.

Signals (GUI thread):
    step_recorded(object): a :class:`~desktop_helper.agent.record.StepRecord` was saved.
    finished(object): the run ended with this :class:`~desktop_helper.agent.record.RunOutcome`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QMimeData, QObject, QRect, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QCursor, QGuiApplication

from desktop_helper.agent.loop import AgentConfig, AgentRun, ExecutorFactory, Proposal
from desktop_helper.agent.record import RunOutcome, StepRecord, StepRecorder
from desktop_helper.agent.screen import ScreenSource
from desktop_helper.backends.base import Backend
from desktop_helper.core.geometry import Monitor, monitor_at_logical
from desktop_helper.core.i18n import t
from desktop_helper.platform.capture.base import CaptureBackend
from desktop_helper.platform.input.base import ElevationProbe, HotkeySuspender
from desktop_helper.settings.store import Settings
from desktop_helper.ui.step_panel import StepPanel

log = logging.getLogger(__name__)

#: how long the worker waits for our windows to disappear before capturing anyway
_HIDE_TIMEOUT = 1.0
#: time for the X server / compositor to unmap hidden windows before a capture
_UNMAP_DELAY_MS = 60


#: the final panel's title for each way a run ends (RunOutcome.status)
_OUTCOME_TITLES = {
    "done": QT_TRANSLATE_NOOP("AgentSession", "Agent done"),
    "failed": QT_TRANSLATE_NOOP("AgentSession", "Agent gave up"),
    "stopped": QT_TRANSLATE_NOOP("AgentSession", "Agent stopped"),
    "step_limit": QT_TRANSLATE_NOOP("AgentSession", "Agent stopped"),
    "error": QT_TRANSLATE_NOOP("AgentSession", "Agent stopped by an error"),
    "finished": QT_TRANSLATE_NOOP("AgentSession", "Agent finished"),
}


class QtClipboard(QObject):
    """The system clipboard for the agent's typing, usable from any thread.

    Qt's clipboard may only be touched on the GUI thread; calls from other threads are handed over
    with a queued signal and wait for the result.
    """

    _call = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._call.connect(self._run)

    def _on_gui_thread(self, function: Callable[[], Any]) -> Any:
        if QThread.currentThread() is self.thread():
            return function()
        done = threading.Event()
        box: dict[str, Any] = {}
        self._call.emit((function, done, box))
        if not done.wait(5.0):
            raise TimeoutError("the clipboard did not answer (GUI thread busy)")
        if "error" in box:
            raise box["error"]
        return box.get("value")

    @Slot(object)
    def _run(self, payload: object) -> None:
        assert isinstance(payload, tuple)
        function: Callable[[], Any] = payload[0]
        done: threading.Event = payload[1]
        box: dict[str, Any] = payload[2]
        try:
            box["value"] = function()
        except Exception as exc:  # handed back to the calling thread
            box["error"] = exc
        finally:
            done.set()

    def save(self) -> object:
        def copy() -> QMimeData | None:
            clipboard = QGuiApplication.clipboard()
            source = clipboard.mimeData()
            if source is None or not source.formats():
                return None
            saved = QMimeData()
            for name in source.formats():
                saved.setData(name, QByteArray(source.data(name)))
            return saved

        return self._on_gui_thread(copy)

    def set_text(self, text: str) -> None:
        self._on_gui_thread(lambda: QGuiApplication.clipboard().setText(text))

    def restore(self, saved: object) -> None:
        def put_back() -> None:
            clipboard = QGuiApplication.clipboard()
            if isinstance(saved, QMimeData):
                clipboard.setMimeData(saved)
            else:
                clipboard.clear()

        self._on_gui_thread(put_back)

    def text(self) -> str:
        return str(self._on_gui_thread(lambda: QGuiApplication.clipboard().text()))


class AgentSession(QObject):
    """Owns at most one running agent task and its on-screen parts.

    Args:
        overlay: the click-through overlay (``OverlayController``), or None to draw nothing.
        clipboard: the clipboard used to type text.
        hotkeys: the app's hotkeys, suspended while the agent acts.
        stop_hotkey_factory: starts the stop-hotkey listener for a run: gets the hotkey text and
            the function to call, returns a function that ends the listener (None: no stop hotkey).
    """

    step_recorded = Signal(object)
    finished = Signal(object)
    proposed = Signal(object)

    _status_signal = Signal(str)
    _proposal_signal = Signal(object)
    _step_signal = Signal(object)
    _finished_signal = Signal(object)
    _hide_signal = Signal(object)
    _show_signal = Signal()

    def __init__(
        self,
        overlay: Any | None,
        clipboard: QtClipboard,
        hotkeys: HotkeySuspender | None = None,
        stop_hotkey_factory: Callable[[str, Callable[[], None]], Callable[[], None]] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.overlay = overlay
        self.clipboard = clipboard
        self.hotkeys = hotkeys
        self._stop_hotkey_factory = stop_hotkey_factory
        self._stop_hotkey_close: Callable[[], None] | None = None
        self.panel = StepPanel()
        self.run: AgentRun | None = None
        self._overlay_hidden: AbstractContextManager[object] | None = None
        self._status_signal.connect(self.panel.show_status)
        self._proposal_signal.connect(self._show_proposal)
        self._step_signal.connect(self._step_done)
        self._finished_signal.connect(self._run_finished)
        self._hide_signal.connect(self._hide_for_worker)
        self._show_signal.connect(self._show_after_worker)
        # the stop hotkey halts the run on its own thread; this brings the UI along within 50 ms
        # even while the worker is still busy (e.g. inside a long image encode)
        self._stop_watch = QTimer(self)
        self._stop_watch.setInterval(50)
        self._stop_watch.timeout.connect(self._check_stopped)
        self.panel.confirmed.connect(self._confirm)
        self.panel.skipped.connect(self._skip)
        self.panel.stop_requested.connect(self._panel_stop)

    # -- control (GUI thread) --------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.run is not None and self.run.running

    def start(
        self,
        backend: Backend,
        config: AgentConfig,
        screen_factory: Callable[[], ScreenSource],
        executor_factory: ExecutorFactory,
        *,
        monitor: Monitor | None = None,
        recorder: StepRecorder | None = None,
        elevation: ElevationProbe | None = None,
        stop_hotkey: str = "",
    ) -> AgentRun:
        """Start a run (stopping any previous one first) and show the panel."""
        self.stop()
        if self.run is not None:
            self.run.join(2.0)
        run = AgentRun(
            backend,
            config,
            screen_factory,
            executor_factory,
            listener=_Listener(self),
            recorder=recorder,
            hotkeys=self.hotkeys,
            elevation=elevation,
        )
        self.run = run
        near = None
        if monitor is not None:
            logical = monitor.logical
            near = QRect(round(logical.x), round(logical.y), round(logical.width), round(logical.height))
        self.panel.start(config.task, near)
        if stop_hotkey and self._stop_hotkey_factory is not None:
            try:
                self._stop_hotkey_close = self._stop_hotkey_factory(stop_hotkey, self.stop_from_any_thread)
            except Exception:
                log.exception("the stop hotkey could not be set up")
        run.start()
        self._stop_watch.start()
        return run

    def stop(self) -> None:
        """Stop the run now (GUI thread): the worker halts, overlay and proposal disappear."""
        run = self.run
        if run is None or not run.running:
            return
        run.stop()
        self._show_stopped()

    def stop_from_any_thread(self) -> None:
        """Stop from a hotkey thread: halts the run at once; the UI follows when the worker reports the end.

        No Qt call here: the listener thread is not a Qt thread, and Qt objects it touched would
        be cleaned up from a thread Qt does not know when it ends.
        """
        run = self.run
        if run is not None and run.running:
            run.stop()

    def shutdown(self) -> None:
        """Stop and wait for the worker (on quit)."""
        run = self.run
        if run is not None:
            run.stop()
            run.join(5.0)
        self._close_stop_hotkey()
        self._release_overlay()
        if self.overlay is not None:
            self.overlay.clear()
        self.panel.close()
        # delete through Qt's event loop: left to Python's garbage collection at exit, the panel's
        # style-sheet style is destroyed out of order ("shared QObject was deleted directly")
        self.panel.deleteLater()

    # -- slots -----------------------------------------------------------------------------------

    @Slot(int)
    def _confirm(self, number: int) -> None:
        if self.run is not None and self.run.confirm(number):
            self.panel.clear_proposal()
            self.panel.show_status(self.tr("Step {0}: acting").format(number))

    @Slot(int)
    def _skip(self, number: int) -> None:
        if self.run is not None and self.run.skip(number):
            self.panel.clear_proposal()
            if self.overlay is not None:
                self.overlay.clear()

    @Slot()
    def _panel_stop(self) -> None:
        if self.running:
            self.stop()
        else:
            self.panel.hide()

    @Slot()
    def _check_stopped(self) -> None:
        run = self.run
        if run is None or not run.running:
            self._stop_watch.stop()
        elif run.stopped:
            self._stop_watch.stop()
            self._show_stopped()

    @Slot()
    def _show_stopped(self) -> None:
        if self.overlay is not None:
            self.overlay.clear()
        self.panel.show_outcome(self.tr("Stopped."), self.tr("Agent stopped"))
        self.panel.show()

    @Slot(object)
    def _show_proposal(self, proposal: Proposal) -> None:
        if self.run is None or self.run.stopped:
            return
        reasoning = proposal.reply.thought
        if proposal.reply.thinking:
            reasoning = f"{reasoning}\n\n(Reasoning) {proposal.reply.thinking}".strip()
        action = proposal.plan.action
        self.panel.show_proposal(
            proposal.number,
            reasoning,
            proposal.words,
            proposal.auto_seconds,
            text=action.content if action.name == "type" else None,
            review=proposal.review,
            auto_paused=self.run.config.auto_mode and not proposal.auto,
        )
        if self.overlay is not None and proposal.shapes:
            self.overlay.show_shapes(list(proposal.shapes), 0.0)
        self.proposed.emit(proposal)

    @Slot(object)
    def _step_done(self, step: StepRecord) -> None:
        if self.overlay is not None and step.result != "performed":
            self.overlay.clear()
        self.step_recorded.emit(step)

    @Slot(object)
    def _run_finished(self, outcome: RunOutcome) -> None:
        self._stop_watch.stop()
        self._close_stop_hotkey()
        self._release_overlay()
        if self.overlay is not None:
            self.overlay.clear()
        self.panel.show_outcome(outcome.message, self.tr(str(_OUTCOME_TITLES.get(outcome.status, _OUTCOME_TITLES["finished"]))))
        self.panel.show()
        if self.run is not None:
            self.run.join(2.0)
        self.finished.emit(outcome)

    @Slot(object)
    def _hide_for_worker(self, done: threading.Event) -> None:
        self.panel.hide()
        if self.overlay is not None and self._overlay_hidden is None:
            self._overlay_hidden = self.overlay.hidden()
            self._overlay_hidden.__enter__()
        # the X server unmaps asynchronously; give it a moment before the worker captures
        QTimer.singleShot(_UNMAP_DELAY_MS, done.set)

    @Slot()
    def _show_after_worker(self) -> None:
        self._release_overlay()
        if self.run is not None and self.run.running and not self.run.stopped:
            self.panel.show()

    def _release_overlay(self) -> None:
        hidden, self._overlay_hidden = self._overlay_hidden, None
        if hidden is not None:
            hidden.__exit__(None, None, None)
            if self.overlay is not None:
                self.overlay.clear()

    def _close_stop_hotkey(self) -> None:
        close, self._stop_hotkey_close = self._stop_hotkey_close, None
        if close is not None:
            close()


class _Listener:
    """The run's listener: every call arrives on the worker thread and becomes a queued signal."""

    def __init__(self, session: AgentSession) -> None:
        self._session = session

    def on_status(self, text: str) -> None:
        self._session._status_signal.emit(text)

    def on_proposal(self, proposal: Proposal) -> None:
        self._session._proposal_signal.emit(proposal)

    def on_step(self, step: StepRecord) -> None:
        self._session._step_signal.emit(step)

    def on_finished(self, outcome: RunOutcome) -> None:
        self._session._finished_signal.emit(outcome)

    @contextmanager
    def screen_clear(self) -> Iterator[None]:
        done = threading.Event()
        self._session._hide_signal.emit(done)
        if not done.wait(_HIDE_TIMEOUT):
            log.warning("our windows did not hide in time; the capture may show them")
        try:
            yield
        finally:
            self._session._show_signal.emit()


def monitor_under_cursor(monitors: list[Monitor]) -> Monitor:
    """The monitor holding the mouse pointer, else the primary one, else the first."""
    position = QCursor.pos()
    found = monitor_at_logical(monitors, position.x(), position.y())
    if found is not None:
        return found
    return next((m for m in monitors if m.primary), monitors[0])


def start_stop_hotkey(hotkey: str, on_stop: Callable[[], None]) -> Callable[[], None]:
    """Listen for the stop hotkey during a run, apart from the app's other (suspendable) hotkeys.

    Returns the function that stops listening.
    """
    from desktop_helper.platform.hotkeys import hotkeys_for_current_os

    service = hotkeys_for_current_os()
    for problem in service.start({"stop_agent": hotkey}, lambda _action: on_stop()):
        log.warning("stop hotkey: %s", problem.message)
    return service.stop


class CaptureSource(Protocol):
    """What the agent needs of the app's capture (ui/capture_controller.CaptureController)."""

    @property
    def backend(self) -> CaptureBackend: ...

    @property
    def hotkeys(self) -> HotkeySuspender: ...


class AgentService(QObject):
    """The ``agent`` and ``stop`` commands: builds a run from the settings and hands it to an :class:`AgentSession`.

    Args:
        settings: the app settings (``agent.*``, ``models.*``, ``hotkeys.*``, ``privacy.save_history``).
        history_paths: (database file, attachments folder) of the history, where runs are kept.
        backend: returns the loaded model backend, or None while none is ready.
        capture: the capture controller (its ``backend`` grabs, its ``hotkeys`` are suspended while acting).
        overlay: returns the app's overlay controller, or None to create one for the agent.

    Signals (GUI thread):
        history_changed(): a step or the end of a run was recorded (the chat's history list shows runs).
    """

    history_changed = Signal()

    def __init__(
        self,
        settings: Settings,
        history_paths: tuple[Path, Path],
        backend: Callable[[], Backend | None],
        capture: CaptureSource,
        *,
        overlay: Callable[[], Any] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self._history_paths = history_paths
        self._backend = backend
        self._capture = capture
        self._overlay = overlay
        self._own_overlay: Any = None
        self.clipboard = QtClipboard(self)
        self.session: AgentSession | None = None

    def _session(self) -> AgentSession:
        if self.session is None:
            overlay = self._overlay() if self._overlay is not None else None
            if overlay is None:
                from desktop_helper.ui.overlay import OverlayController

                overlay = self._own_overlay = OverlayController(fade_seconds=0)
            self.session = AgentSession(overlay, self.clipboard, self._capture.hotkeys, start_stop_hotkey, self)
            self.session.step_recorded.connect(lambda _step: self.history_changed.emit())
            self.session.finished.connect(lambda _outcome: self.history_changed.emit())
        return self.session

    def command(self, args: Any, output: Callable[[str], None]) -> int:
        """``agent [task...]``: start the agent on the monitor under the mouse pointer."""
        from desktop_helper.core.errors import BackendError, CaptureError

        task = " ".join(getattr(args, "task", None) or []).strip()
        if not task:
            task = self._ask_task()
            if not task:
                output("No task given.")
                return 1
        backend = self._backend()
        if backend is None:
            raise BackendError(
                t("No model is ready for the agent yet."),
                t("Wait until the model has loaded, or choose an API provider in the chat window."),
            )
        capture_backend = self._capture.backend
        monitors = list(capture_backend.monitors())
        if not monitors:
            raise CaptureError(t("No monitor was found."))
        monitor = monitor_under_cursor(monitors)
        settings = self.settings
        config = AgentConfig(
            task,
            max_steps=settings.get_int("agent.max_steps"),
            auto_mode=settings.get_bool("agent.auto_mode"),
            countdown=settings.get_float("agent.countdown_seconds"),
            thinking=settings.get_bool("models.thinking"),
            image_token_budget=settings.get_int("models.image_token_budget") or None,
        )
        from desktop_helper.agent.record import HistoryStepRecorder, MemoryStepRecorder
        from desktop_helper.agent.screen import BackendScreen
        from desktop_helper.platform.input import elevation_probe_for_current_os, executor_for_current_os

        recorder: StepRecorder = (
            HistoryStepRecorder(*self._history_paths) if settings.get_bool("privacy.save_history") else MemoryStepRecorder()
        )
        clipboard = self.clipboard
        stop_hotkey = settings.get_str("hotkeys.stop_agent") if settings.get_bool("hotkeys.enabled") else ""
        self._session().start(
            backend,
            config,
            lambda: BackendScreen(capture_backend, monitor),
            lambda bounds, stopped: executor_for_current_os(bounds, clipboard, stopped),
            monitor=monitor,
            recorder=recorder,
            elevation=elevation_probe_for_current_os(),
            stop_hotkey=stop_hotkey,
        )
        mode = "acting after a countdown" if config.auto_mode else "asking before each step"
        output(f"Agent started on monitor {monitor.id} ({mode}): {task}")
        return 0

    def _ask_task(self) -> str:
        from PySide6.QtWidgets import QInputDialog

        text, ok = QInputDialog.getText(None, self.tr("GUI agent"), self.tr("What should the agent do?"))
        return text.strip() if ok else ""

    @property
    def running(self) -> bool:
        return self.session is not None and self.session.running

    def stop(self) -> None:
        if self.session is not None:
            self.session.stop()

    def shutdown(self) -> None:
        if self.session is not None:
            self.session.shutdown()
        if self._own_overlay is not None:
            self._own_overlay.shutdown()
