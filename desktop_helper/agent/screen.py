"""Screenshots for the agent: the monitor it works on, as an image with its geometry.

Every capture goes through :mod:`desktop_helper.platform.capture` (so the Wayland portal and the macOS
permission check apply); :class:`ScreenSource` is what the loop sees (it only calls :meth:`capture` and
:meth:`fingerprint`). A source is created, used and closed on the agent's worker thread, since an mss
instance is bound to the thread that made it (mss#24).
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Protocol

from desktop_helper.core.geometry import Monitor
from desktop_helper.core.types import ImagePart

if TYPE_CHECKING:
    from desktop_helper.platform.capture.base import CaptureBackend


class ScreenSource(Protocol):
    """Where the agent looks."""

    @property
    def monitor(self) -> Monitor: ...

    def capture(self) -> ImagePart:
        """The monitor as a PNG with its :class:`CaptureGeometry`."""
        ...

    def fingerprint(self) -> bytes:
        """A cheap digest of the screen's pixels, to tell when it stops changing."""
        ...

    def close(self) -> None: ...


def list_monitors() -> list[Monitor]:
    """The monitors as this OS's capture backend sees them (physical pixels; scale 1 outside the UI).

    Raises:
        CaptureError: without a reachable display.
    """
    from desktop_helper.platform.capture import capture_backend_for_current_os

    backend = capture_backend_for_current_os()
    try:
        return backend.monitors()
    finally:
        backend.close()


class BackendScreen:
    """Captures one monitor through the shared capture backend (:mod:`desktop_helper.platform.capture`).

    Args:
        backend: the capture backend.
        monitor: the monitor to capture, as the backend lists it (with its scale).
        owns_backend: close the backend with the screen.
    """

    def __init__(self, backend: CaptureBackend, monitor: Monitor, *, owns_backend: bool = False) -> None:
        self._backend = backend
        self._monitor = monitor
        self._owns_backend = owns_backend

    @classmethod
    def of_this_desktop(cls, monitor: Monitor) -> BackendScreen:
        """A screen with its own capture backend for this OS, closed with it (the CLI, tests and benches)."""
        from desktop_helper.platform.capture import capture_backend_for_current_os

        return cls(capture_backend_for_current_os(), monitor, owns_backend=True)

    @property
    def monitor(self) -> Monitor:
        return self._monitor

    def capture(self) -> ImagePart:
        from desktop_helper.agent.tools import frame_to_part

        return frame_to_part(self._backend.grab_monitor(self._monitor), "screen.png")

    def fingerprint(self) -> bytes:
        frame = self._backend.grab_monitor(self._monitor)
        return hashlib.blake2b(frame.pixels[::7, ::7].tobytes(), digest_size=16).digest()

    def close(self) -> None:
        if self._owns_backend:
            self._backend.close()
            return
        release = getattr(self._backend, "release_thread", None)
        if release is not None:
            release()
