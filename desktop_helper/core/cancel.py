"""A cooperative cancel flag shared between the UI and a worker (no Qt): models, downloads, captures."""

from __future__ import annotations

import threading
from collections.abc import Callable


class CancelToken:
    """Cooperative cancel flag shared between the UI and a worker."""

    def __init__(self) -> None:
        self._event = threading.Event()
        # held while callbacks run, so that once a remover returns its callback can no longer be called
        self._lock = threading.RLock()
        self._callbacks: list[Callable[[], None]] = []

    def cancel(self) -> None:
        with self._lock:
            self._event.set()
            callbacks, self._callbacks = self._callbacks, []
            for callback in callbacks:
                callback()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def wait(self, timeout: float) -> bool:
        """Sleep up to ``timeout`` seconds; return True early if cancelled."""
        return self._event.wait(timeout)

    def on_cancel(self, callback: Callable[[], None]) -> Callable[[], None]:
        """Call ``callback`` (quick, on the cancelling thread) when cancelled, at once if already.

        Returns:
            A function that unregisters it; once that returns, ``callback`` is not running and will not run.
        """
        with self._lock:
            if self._event.is_set():
                callback()
                return lambda: None
            self._callbacks.append(callback)

        def remove() -> None:
            with self._lock:
                if callback in self._callbacks:
                    self._callbacks.remove(callback)

        return remove
