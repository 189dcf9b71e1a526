"""Reading an attached image while the user is still typing the question (issue 20).

The chat hands :class:`PreEncoder` the request its next answer would start with (every earlier
turn, then the waiting images without the question); a worker thread runs
:meth:`Backend.prime` on it, which puts that prefix into the local model's KV cache. Send then
pays only for the question. One pre-encode at a time: a new one replaces (cancels) the old, a
cancelled one stops at the next image or text batch, and Send *hands over* the running one,
which keeps going and the answer continues from it (the backend runs one generation at a time,
so the answer waits for it instead of encoding the image again).

It also turns the backend's chunk-level progress into a smooth "how far along" figure and the
time still needed, interpolating inside the piece being read from the speeds measured here.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from desktop_helper.backends.base import Backend, CancelToken, ChatRequest, PrimeState
from desktop_helper.backends.speed import SpeedRates
from desktop_helper.core.errors import CancelledError, UserError

log = logging.getLogger(__name__)

#: an interpolated piece never shows as complete before the backend says so
_MAX_PIECE_SHARE = 0.95


@dataclass(frozen=True)
class PrimeProgress:
    """How far a pre-encode is, with the piece being read interpolated from the measured speeds.

    Attributes:
        fraction: share of the work done (weighted by the measured speeds when known).
        image_left, text_left: tokens of the prefix still to evaluate.
    """

    fraction: float
    image_left: float
    text_left: float


class PreEncoder(QObject):
    """Runs one :meth:`Backend.prime` at a time for the chat.

    Signals (GUI thread):
        changed(): the pre-encode's state changed (started, progressed, finished, cancelled, failed).
        failed(str): it stopped with an error the user may want to see.
    """

    changed = Signal()
    failed = Signal(str)
    _reported = Signal(int, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job = 0
        self._cancel: CancelToken | None = None
        self._handed_over: tuple[int, CancelToken] | None = None
        self._threads: list[threading.Thread] = []
        self._reported.connect(self._on_report)
        #: the request being pre-encoded (None: nothing pending)
        self.request: ChatRequest | None = None
        self.backend: Backend | None = None
        #: the latest state reported for the current or handed-over work
        self.state: PrimeState | None = None
        self.running = False
        self._piece_started = 0.0

    # ----- control (GUI thread)
    def start(self, backend: Backend, request: ChatRequest) -> None:
        """Pre-encode ``request``, replacing what runs now; nothing happens if it is the same request."""
        if self._cancel is not None and backend is self.backend and request == self.request:
            return
        self.cancel()
        self._job += 1
        self._cancel = cancel = CancelToken()
        self.request, self.backend, self.state, self.running = request, backend, None, True
        self._piece_started = time.monotonic()
        thread = threading.Thread(target=self._run, args=(self._job, backend, request, cancel), name="pre-encode", daemon=False)
        self._threads = [t for t in self._threads if t.is_alive()]
        self._threads.append(thread)
        thread.start()
        self.changed.emit()

    def cancel(self) -> None:
        """Stop the pending pre-encode (not one handed over to a send, which keeps showing its progress)."""
        if self._cancel is not None:
            self._cancel.cancel()
            self._cancel = None
        elif self.state is None or self.handed_over:
            return  # nothing pending
        self.request = self.backend = None
        self.state, self.running = None, False
        self.changed.emit()

    def hand_over(self) -> None:
        """Send is starting from this prefix: keep the work running, and showing, for the answer."""
        if self._cancel is not None and self.running:
            self._handed_over = (self._job, self._cancel)
        self._cancel = None
        self.request = self.backend = None

    def stop_handed_over(self) -> None:
        """The answer was stopped: the work it was waiting for is no longer needed."""
        if self._handed_over is not None:
            self._handed_over[1].cancel()

    @property
    def handed_over(self) -> bool:
        return self._handed_over is not None and self.running

    def shutdown(self, timeout: float = 60.0) -> None:
        self.stop_handed_over()
        self.cancel()
        for thread in self._threads:
            thread.join(timeout)
            if thread.is_alive():
                log.warning("a pre-encode did not stop within %.0f s", timeout)
        self._threads = []

    # ----- what to show
    def progress(self, rates: SpeedRates | None) -> PrimeProgress | None:
        """The running or finished pre-encode's progress; None before its first report."""
        state = self.state
        if state is None:
            return None
        image_done, text_done = float(state.image_done), float(state.text_done)
        image_rate = rates.image_seconds_per_token if rates is not None else None
        text_rate = rates.prompt_seconds_per_token if rates is not None else None
        rate = image_rate if state.current_is_image else text_rate
        if state.current_tokens and rate and self.running:
            expected = state.current_tokens * rate
            share = min(_MAX_PIECE_SHARE, (time.monotonic() - self._piece_started) / expected)
            if state.current_is_image:
                image_done += share * state.current_tokens
            else:
                text_done += share * state.current_tokens
        # weigh by time when both speeds are known, else by tokens
        image_weight, text_weight = (image_rate, text_rate) if image_rate and text_rate else (1.0, 1.0)
        total = state.image_tokens * image_weight + state.text_tokens * text_weight
        done = image_done * image_weight + text_done * text_weight
        fraction = 1.0 if state.finished or total <= 0 else min(1.0, done / total)
        return PrimeProgress(fraction, state.image_tokens - image_done, state.text_tokens - text_done)

    # ----- worker
    def _run(self, job: int, backend: Backend, request: ChatRequest, cancel: CancelToken) -> None:
        try:
            for state in backend.prime(request, cancel):
                self._reported.emit(job, state)
        except CancelledError:
            pass
        except UserError as exc:
            self._reported.emit(job, exc)
        except Exception as exc:  # a backend bug: the send will try (and report) again
            log.exception("pre-encoding failed")
            self._reported.emit(job, exc)
        finally:
            self._reported.emit(job, None)

    def _on_report(self, job: int, item: object) -> None:
        handed = self._handed_over is not None and self._handed_over[0] == job
        if job != self._job or (self._cancel is None and not handed):
            return  # replaced or cancelled meanwhile
        if isinstance(item, PrimeState):
            self.state = item
            self._piece_started = time.monotonic()
        elif isinstance(item, Exception):
            self.running = False
            self.failed.emit(str(item))
        else:  # the worker ended
            self.running = False
            if handed:
                self._handed_over = None
        self.changed.emit()
