"""A cooperative cancel flag shared between the UI and a worker (no Qt): models, downloads, captures."""

from __future__ import annotations

import threading


class CancelToken:
    """Cooperative cancel flag shared between the UI and a worker."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def wait(self, timeout: float) -> bool:
        """Sleep up to ``timeout`` seconds; return True early if cancelled."""
        return self._event.wait(timeout)
