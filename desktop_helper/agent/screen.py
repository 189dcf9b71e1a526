"""Screenshots for the agent: the monitor it works on, as an image with its geometry.

Until the shared capture package lands this grabs with mss directly; :class:`ScreenSource` is the
seam to switch (the loop only calls :meth:`capture` and :meth:`fingerprint`). An mss instance is
bound to the thread that made it (mss#24), so a source is created, used and closed on the agent's
worker thread.
"""

from __future__ import annotations

import hashlib
import io
from typing import Any, Protocol

from desktop_helper.core.errors import CaptureError
from desktop_helper.core.geometry import CaptureGeometry, Monitor, Rect
from desktop_helper.core.i18n import t
from desktop_helper.core.types import ImagePart


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
    """The monitors as mss sees them (physical pixels; scale 1 until the capture package reports scales).

    Raises:
        CaptureError: without a reachable display.
    """
    import mss

    try:
        with mss.MSS() as grabber:
            raw = list(grabber.monitors[1:])
    except Exception as exc:  # mss raises its own ScreenShotError and OS errors alike
        raise CaptureError(t("The screen cannot be captured: {exc}.", exc=exc), t("Check that a display is available.")) from exc
    return [
        Monitor(index + 1, f"Monitor {index + 1}", Rect(m["left"], m["top"], m["width"], m["height"]), 1.0, index == 0)
        for index, m in enumerate(raw)
    ]


class MssScreen:
    """Captures one monitor with mss.

    Args:
        monitor: the monitor to capture (physical rectangle and scale).
    """

    def __init__(self, monitor: Monitor) -> None:
        self._monitor = monitor
        self._grabber: Any = None

    @property
    def monitor(self) -> Monitor:
        return self._monitor

    def _grab(self) -> Any:
        import mss

        if self._grabber is None:
            self._grabber = mss.MSS()
        x, y, width, height = self._monitor.physical.as_ints()
        try:
            return self._grabber.grab({"left": x, "top": y, "width": width, "height": height})
        except Exception as exc:
            raise CaptureError(t(
                "The screen cannot be captured: {exc}.",
                exc=exc,
            ), t(
                "Check that the monitor is still connected.",
            )) from exc

    def capture(self) -> ImagePart:
        from PIL import Image

        shot = self._grab()
        image = Image.frombytes("RGB", shot.size, shot.bgra, "raw", "BGRX")
        buffer = io.BytesIO()
        # PNG: lossless, so small text stays readable for the model; level 1 keeps it fast
        image.save(buffer, format="PNG", compress_level=1)
        geometry = CaptureGeometry(self._monitor, self._monitor.physical, sent_size=shot.size)
        return ImagePart(buffer.getvalue(), "image/png", shot.size[0], shot.size[1], geometry=geometry, name="screen.png")

    def fingerprint(self) -> bytes:
        shot = self._grab()
        # every 61st byte is plenty to see a repaint and ~60x cheaper to hash
        return hashlib.blake2b(bytes(shot.bgra)[::61], digest_size=16).digest()

    def close(self) -> None:
        if self._grabber is not None:
            self._grabber.close()
            self._grabber = None


class BackendScreen:
    """Captures one monitor through the shared capture backend (:mod:`desktop_helper.platform.capture`).

    Args:
        backend: a ``CaptureBackend`` (typed loosely so this module does not import the capture
            package at start).
        monitor: the monitor to capture, as the backend lists it (with its scale).
    """

    def __init__(self, backend: Any, monitor: Monitor) -> None:
        self._backend = backend
        self._monitor = monitor

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
        release = getattr(self._backend, "release_thread", None)
        if release is not None:
            release()
