"""macOS: the Screen Recording permission, detected before a capture silently shows only the desktop.

Without the permission macOS still returns screenshots, but they show only the wallpaper and
the menu bar: other apps' windows are missing. ``CGPreflightScreenCaptureAccess`` (macOS 10.15+)
says whether the permission is granted without prompting; a grant only counts for a process
started after it, so the message says to quit and reopen the app.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import subprocess
from collections.abc import Callable

from desktop_helper.core.errors import CaptureError
from desktop_helper.core.geometry import Monitor, Rect
from desktop_helper.core.i18n import t
from desktop_helper.platform.capture.base import CaptureBackend, Frame

log = logging.getLogger(__name__)

SETTINGS_URL = "x-apple.systempreferences:com.apple.preference.security?Privacy_ScreenCapture"


def _core_graphics_call(name: str) -> bool | None:
    path = ctypes.util.find_library("CoreGraphics")
    if not path:
        return None
    try:
        function = getattr(ctypes.cdll.LoadLibrary(path), name)
    except (OSError, AttributeError):  # older macOS without the call: nothing to check
        return None
    function.restype = ctypes.c_bool
    function.argtypes = []
    return bool(function())


def screen_recording_allowed() -> bool | None:
    """True/False from ``CGPreflightScreenCaptureAccess``; None when it cannot be asked."""
    return _core_graphics_call("CGPreflightScreenCaptureAccess")


def request_screen_recording() -> None:
    """Make macOS list the app in the Screen Recording pane (and prompt once)."""
    _core_graphics_call("CGRequestScreenCaptureAccess")


def open_screen_recording_settings(run: Callable[[list[str]], object] | None = None) -> None:
    """Open System Settings at Privacy & Security > Screen Recording."""
    runner = run or (lambda argv: subprocess.run(argv, check=False, timeout=10))
    runner(["open", SETTINGS_URL])


class ScreenRecordingDeniedError(CaptureError):
    """Screen Recording permission is missing (macOS)."""

    settings_url = SETTINGS_URL


class MacPermissionBackend(CaptureBackend):
    """Wraps a backend (mss) and refuses to return desktop-only captures when permission is missing.

    Args:
        inner: the backend that really captures.
        allowed: returns whether Screen Recording is granted (None: unknown); default asks CoreGraphics.
        request: asks macOS to list/prompt the app (called once, on the first denial).
    """

    name = "mss (macOS)"

    def __init__(
        self,
        inner: CaptureBackend,
        allowed: Callable[[], bool | None] = screen_recording_allowed,
        request: Callable[[], None] = request_screen_recording,
    ) -> None:
        self._inner = inner
        self._allowed = allowed
        self._request = request
        self._requested = False

    def check(self) -> None:
        """Raise the permission error if Screen Recording is denied."""
        if self._allowed() is False:
            if not self._requested:
                self._requested = True
                try:
                    self._request()
                except Exception:  # the prompt is a courtesy; the message below is what matters
                    log.debug("requesting screen recording access failed", exc_info=True)
            raise ScreenRecordingDeniedError(
                t("macOS has not allowed Desktop Helper to record the screen, so captures would show only the desktop."),
                t(
                    "Open System Settings > Privacy & Security > Screen Recording, turn on Desktop Helper, then quit and "
                    "reopen the app (macOS applies the permission only to a new start)."
                ),
            )

    def monitors(self) -> list[Monitor]:
        return self._inner.monitors()

    def grab(self, rect: Rect, monitor: Monitor | None = None) -> Frame:
        self.check()
        return self._inner.grab(rect, monitor)

    def set_scales(self, scales: dict[tuple[int, int, int, int], float]) -> None:
        self._inner.set_scales(scales)

    def release_thread(self) -> None:
        self._inner.release_thread()

    def close(self) -> None:
        self._inner.close()
