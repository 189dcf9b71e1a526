"""Capture with mss (X11, Windows, macOS): one ``mss.MSS`` per thread, created once and reused.

mss keeps OS handles (an X connection and shared-memory segment, GDI device contexts) that must
not be shared between threads and are expensive to create (the first grab on X11 takes a few
hundred ms; later ones ~2 ms for 1080p), so each thread that captures gets its own instance,
kept until :meth:`MssBackend.close` or until that thread calls :meth:`MssBackend.release_thread`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np

from desktop_helper.core.errors import CaptureError
from desktop_helper.core.geometry import CaptureGeometry, Monitor, Rect
from desktop_helper.core.i18n import t
from desktop_helper.platform.capture.base import CaptureBackend, Frame, apply_scales, monitor_for_rect

log = logging.getLogger(__name__)


class MssBackend(CaptureBackend):
    """mss capture; safe to call from several threads (each uses its own mss instance).

    Args:
        display: X11 display name (Linux only; default ``$DISPLAY``).
        scales: physical (x, y, width, height) of a monitor -> its device pixel ratio, from the UI.
    """

    name = "mss"

    def __init__(self, display: str | None = None, scales: dict[tuple[int, int, int, int], float] | None = None) -> None:
        self._display = display
        self._scales = dict(scales or {})
        self._local = threading.local()
        self._all: list[Any] = []
        self._lock = threading.Lock()
        self._closed = False

    def set_scales(self, scales: dict[tuple[int, int, int, int], float]) -> None:
        self._scales = dict(scales)

    def recording_backend(self, scales: dict[tuple[int, int, int, int], float]) -> MssBackend:
        return MssBackend(display=self._display, scales=scales)

    def _mss(self) -> Any:
        instance = getattr(self._local, "mss", None)
        if instance is not None:
            return instance
        if self._closed:
            raise CaptureError(t("Screen capture was closed."))
        import mss

        kwargs: dict[str, Any] = {}
        if self._display is not None:
            kwargs["display"] = self._display
        try:
            instance = mss.MSS(**kwargs)
        except Exception as exc:  # mss raises ScreenShotError, or OSError/ctypes errors without a display
            raise CaptureError(
                t("The screen cannot be captured: {exc}.", exc=exc),
                t("Start the app inside your desktop session (no display was reachable)."),
            ) from exc
        self._local.mss = instance
        with self._lock:
            self._all.append(instance)
        return instance

    def monitors(self) -> list[Monitor]:
        screen = self._mss()
        # mss caches its monitor list; a monitor may have been plugged or unplugged since
        screen._monitors = None
        try:
            raw = screen.monitors[1:]
        except Exception as exc:
            raise CaptureError(t("The monitors cannot be listed: {exc}.", exc=exc)) from exc
        monitors = [
            Monitor(
                index,
                str(m.get("name") or m.get("output") or f"Monitor {index}"),
                Rect(m["left"], m["top"], m["width"], m["height"]),
                1.0,
                bool(m.get("is_primary", False)),
            )
            for index, m in enumerate(raw, start=1)
        ]
        return apply_scales(monitors, self._scales)

    def grab(self, rect: Rect, monitor: Monitor | None = None) -> Frame:
        left, top, width, height = rect.as_ints()
        if width <= 0 or height <= 0:
            raise CaptureError(
                t("The region to capture is empty ({width}x{height} px).", width=width, height=height),
                t("Select a larger region."),
            )
        if monitor is None:
            monitor = monitor_for_rect(self.monitors(), rect)
        with _capture_failure(left, top, width, height):
            shot = self._mss().grab({"left": left, "top": top, "width": width, "height": height})
        # the grab owns a fresh buffer, so the array can view it without a copy
        pixels = np.frombuffer(shot.raw, dtype=np.uint8).reshape(shot.height, shot.width, 4)
        return Frame(pixels, CaptureGeometry(monitor, Rect(left, top, shot.width, shot.height)))

    def grab_bgr(self, rect: Rect, out: np.ndarray) -> None:
        """Write the BGR pixels of ``rect``'s top-left ``out``-sized part into ``out``, reusing it.

        For a recording: no frame-sized allocation per call. With X11 shared memory (mss's
        default Linux backend) the pixels are converted straight from the shared segment the X
        server wrote, skipping the 8 MB copy (at 1080p) that :meth:`grab` makes; elsewhere this
        goes through that copy.

        Args:
            rect: what to capture (global physical pixels).
            out: ``height x width x 3`` uint8 with contiguous rows (padded rows are fine), at most
                ``rect``'s size.

        Raises:
            CaptureError: as :meth:`grab`, or ``out`` does not fit ``rect``.
        """
        import cv2

        left, top, width, height = rect.as_ints()
        if out.ndim != 3 or out.shape[2] != 3 or out.dtype != np.uint8 or out.strides[1:] != (3, 1):
            raise CaptureError(t("A BGR buffer is needed, not {dtype} {shape}.", dtype=out.dtype, shape=out.shape))
        rows, columns = out.shape[0], out.shape[1]
        if rows > height or columns > width or rows <= 0 or columns <= 0:
            raise CaptureError(
                t(
                    "A {columns}x{rows} frame does not fit the region to capture ({width}x{height} px).",
                    columns=columns,
                    rows=rows,
                    width=width,
                    height=height,
                )
            )
        screen = self._mss()
        with _capture_failure(left, top, width, height):
            if self._grab_shared(screen, (left, top, width, height), out):
                return
            shot = screen.grab({"left": left, "top": top, "width": width, "height": height})
        pixels = np.frombuffer(shot.raw, dtype=np.uint8).reshape(shot.height, shot.width, 4)
        if pixels.shape[0] < rows or pixels.shape[1] < columns:
            raise CaptureError(
                t(
                    "The capture is {width}x{height} px, smaller than the {columns}x{rows} frame.",
                    width=shot.width,
                    height=shot.height,
                    columns=columns,
                    rows=rows,
                )
            )
        cv2.cvtColor(pixels[:rows, :columns], cv2.COLOR_BGRA2BGR, dst=out)

    @staticmethod
    def _grab_shared(screen: Any, region: tuple[int, int, int, int], out: np.ndarray) -> bool:
        """XShmGetImage into mss's shared segment and convert from there; False when this mss has none.

        This reaches into mss 10's X11 shared-memory backend (``MSSImplXShmGetImage``: its
        connection, segment and buffer), mirroring its ``_grab_xshmgetimage`` minus the final copy.
        It is used only once mss itself has seen a shared-memory grab work (``shm_status``
        AVAILABLE, after the first :meth:`grab` on this thread), and anything unexpected (another
        mss version, another backend, a cursor to merge) falls back to the public, copying path.
        """
        import cv2

        left, top, width, height = region
        impl: Any = getattr(screen, "_impl", None)
        status = getattr(impl, "shm_status", None)
        buffer = getattr(impl, "_buf", None)
        if (
            type(impl).__name__ != "MSSImplXShmGetImage"
            or getattr(status, "name", None) != "AVAILABLE"
            or buffer is None
            or getattr(impl, "with_cursor", True)
            or getattr(impl, "_shmseg", None) is None
            or width * height * 4 > getattr(impl, "_bufsize", 0)
        ):
            return False
        from mss.exception import ScreenShotError
        from mss.linux import xcb
        from mss.linux.base import ALL_PLANES

        rows, columns = out.shape[0], out.shape[1]
        with screen._lock:
            if impl.conn is None:
                raise ScreenShotError("Cannot take screenshot while the connection is closed")
            reply = xcb.shm_get_image(
                impl.conn, impl.drawable, left, top, width, height, ALL_PLANES, xcb.ImageFormat.ZPixmap, impl._shmseg, 0
            )
            if reply.depth != impl.drawable_depth or reply.visual != impl.drawable_visual_id:
                raise ScreenShotError("The X server returned an image of another depth or visual.")
            # the array must not outlive the memoryview (a mapped buffer with exports cannot be closed)
            with memoryview(buffer) as view:
                pixels = np.frombuffer(view, dtype=np.uint8, count=width * height * 4).reshape(height, width, 4)
                try:
                    cv2.cvtColor(pixels[:rows, :columns], cv2.COLOR_BGRA2BGR, dst=out)
                finally:
                    del pixels
        return True

    def release_thread(self) -> None:
        """Close the calling thread's mss instance (call before a worker thread ends)."""
        instance = getattr(self._local, "mss", None)
        if instance is None:
            return
        self._local.mss = None
        with self._lock:
            if instance in self._all:
                self._all.remove(instance)
        instance.close()

    def close(self) -> None:
        self._closed = True
        with self._lock:
            instances, self._all = self._all, []
        for instance in instances:
            try:
                instance.close()
            except Exception:  # a dead display connection cannot be closed more
                log.debug("closing mss failed", exc_info=True)


@contextmanager
def _capture_failure(left: int, top: int, width: int, height: int) -> Iterator[None]:
    """Turn whatever mss raises into a CaptureError the user can act on."""
    try:
        yield
    except Exception as exc:
        raise CaptureError(
            t(
                "Capturing {width}x{height} px at ({left}, {top}) failed: {exc}.",
                width=width,
                height=height,
                left=left,
                top=top,
                exc=exc,
            ),
            t("A monitor may have been unplugged; capture again."),
        ) from exc
