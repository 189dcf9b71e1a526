"""Running blocking work off the GUI thread and delivering its results as queued signals.

Two kinds of work:

* :class:`GenerationRunner` streams one :meth:`Backend.stream` at a time; every event reaches the
  GUI thread as a ``produced`` signal, in order. Text that arrives faster than the GUI takes it is
  merged into fewer deltas (a burst of 65,000 tiny deltas used to hold the GUI thread for seconds).
  Cancel is cooperative (a :class:`CancelToken` the backend polls), so a cancelled stream ends with
  its own ``Done(CANCELLED)``.
* :class:`TaskRunner` runs any function (loading a model, decoding a dropped video) and returns
  its value or its exception through signals.

Both use plain Python threads (named, non-daemon) so shutdown can join them and tests can check
that none outlives its test. Signals emitted from those threads are queued by Qt because the
emitting QObject lives in the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from desktop_helper.backends.base import Backend, CancelToken, ChatRequest, Done, Event, TextDelta, ThinkingDelta
from desktop_helper.core.errors import CancelledError, UserError
from desktop_helper.core.types import FinishReason

log = logging.getLogger(__name__)


class GenerationRunner(QObject):
    """Runs one generation at a time.

    Signals (GUI thread):
        produced(object): each backend :data:`Event`, in order; the last one is always a ``Done``.
            Consecutive text (or thinking) deltas waiting together arrive as one delta.
        finished(): the worker thread has ended (after the final ``Done``).
    """

    # not called "event": that would hide QObject.event(), which Qt calls to deliver events
    produced = Signal(object)
    finished = Signal()
    _arrived = Signal()  # the worker queued events; delivered queued on the GUI thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._events: list[Event] = []
        self._events_lock = threading.Lock()
        self._arrived.connect(self._deliver)
        self._thread: threading.Thread | None = None
        self._cancel: CancelToken | None = None
        self._lock = threading.Lock()
        # set just before the final Done is emitted: from then on the UI may start the next
        # generation, even if the thread is still closing the backend's stream
        self._done_sent = threading.Event()

    @property
    def busy(self) -> bool:
        return self._thread is not None and self._thread.is_alive() and not self._done_sent.is_set()

    def start(self, backend: Backend, request: ChatRequest, tools: Any = None) -> CancelToken:
        """Start streaming; raises RuntimeError if a generation is already running.

        With ``tools`` (:class:`~desktop_helper.agent.tools.ScreenTools`) the model may call them;
        their rounds arrive as ``ToolRound`` items among the events.
        """
        with self._lock:
            if self.busy:
                raise RuntimeError("a generation is already running")
            if self._thread is not None:
                self._thread.join(30)  # the previous one has sent its Done and is closing its stream
            self._done_sent = threading.Event()
            self._cancel = cancel = CancelToken()
            self._thread = threading.Thread(
                target=self._run, args=(backend, request, cancel, tools), name="generation", daemon=False
            )
            self._thread.start()
        return cancel

    def cancel(self) -> None:
        """Ask the running generation to stop; it ends with ``Done(CANCELLED)``."""
        if self._cancel is not None:
            self._cancel.cancel()

    def wait(self, timeout: float = 10.0) -> bool:
        """Join the worker thread; True when it has ended."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
            return not thread.is_alive()
        return True

    def shutdown(self) -> None:
        self.cancel()
        if not self.wait(30):
            log.warning("the generation did not stop within 30 s")

    def _run(self, backend: Backend, request: ChatRequest, cancel: CancelToken, tools: Any = None) -> None:
        ended = False
        try:
            if tools is not None:
                from desktop_helper.agent.tools import answer_with_tools

                items: Any = answer_with_tools(backend, request, tools, cancel)
            else:
                items = backend.stream(request, cancel)
            for item in items:
                if isinstance(item, Done):
                    self._done_sent.set()
                    self._put(item)
                    ended = True
                    break
                self._put(item)
        except UserError as exc:
            self._done_sent.set()
            self._put(Done(FinishReason.ERROR, str(exc)))
            ended = True
        except Exception as exc:  # a backend bug must not leave the window waiting forever
            log.exception("generation failed")
            self._done_sent.set()
            self._put(Done(FinishReason.ERROR, f"The model failed: {exc}"))
            ended = True
        finally:
            if not ended:
                self._done_sent.set()
                self._put(Done(FinishReason.CANCELLED if cancel.cancelled else FinishReason.STOP))
            self.finished.emit()

    def _put(self, event: Event) -> None:
        """Queue an event for the GUI thread (worker thread); one wake-up per batch."""
        with self._events_lock:
            wake = not self._events
            self._events.append(event)
        if wake:
            self._arrived.emit()

    @Slot()
    def _deliver(self) -> None:
        with self._events_lock:
            events, self._events = self._events, []
        for event in _merged(events):
            self.produced.emit(event)


def _merged(events: list[Event]) -> list[Event]:
    """``events`` with each run of text deltas (and of thinking deltas) joined into one, order kept."""
    merged: list[Event] = []
    run: list[str] = []
    kind: type | None = None
    for event in [*events, None]:
        if event is not None and type(event) is kind:
            run.append(event.text)  # type: ignore[union-attr]
            continue
        if kind is not None:
            merged.append(kind("".join(run)))
            kind, run = None, []
        if isinstance(event, (TextDelta, ThinkingDelta)):
            kind, run = type(event), [event.text]
        elif event is not None:
            merged.append(event)
    return merged


class TaskRunner(QObject):
    """Runs functions on worker threads, one thread per task.

    Signals (delivered queued on the GUI thread):
        done(int, object): task id and the function's return value.
        failed(int, object): task id and the exception it raised.
    """

    done = Signal(int, object)
    failed = Signal(int, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._threads: dict[int, threading.Thread] = {}
        self._next = 0
        self._lock = threading.Lock()
        self._closed = False

    def submit(self, function: Callable[[], Any], name: str = "task") -> int:
        """Run ``function()`` on a new thread; returns the task id the signals carry."""
        with self._lock:
            if self._closed:
                raise RuntimeError("the task runner is shut down")
            self._next += 1
            task_id = self._next
            thread = threading.Thread(target=self._run, args=(task_id, function), name=name, daemon=False)
            self._threads[task_id] = thread
        thread.start()
        return task_id

    @property
    def pending(self) -> int:
        with self._lock:
            return sum(1 for t in self._threads.values() if t.is_alive())

    def wait(self, timeout: float = 30.0) -> bool:
        with self._lock:
            threads = list(self._threads.values())
        for thread in threads:
            thread.join(timeout)
        return not any(t.is_alive() for t in threads)

    def shutdown(self) -> None:
        with self._lock:
            self._closed = True
        if not self.wait(60):
            log.warning("background tasks still running at shutdown")

    def _run(self, task_id: int, function: Callable[[], Any]) -> None:
        try:
            result = function()
        except Exception as exc:
            if not isinstance(exc, (UserError, CancelledError)):
                log.exception("background task %d failed", task_id)
            self.failed.emit(task_id, exc)
        else:
            self.done.emit(task_id, result)
        finally:
            with self._lock:
                self._threads.pop(task_id, None)


__all__ = ["Event", "GenerationRunner", "TaskRunner"]
