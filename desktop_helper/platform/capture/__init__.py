"""Screen capture behind one interface: mss on X11, Windows and macOS; the desktop portal on Wayland.

Use :func:`capture_backend_for_current_os`; everything else works with :class:`CaptureBackend`.
"""

from __future__ import annotations

from desktop_helper.core.errors import CaptureError
from desktop_helper.core.geometry import Monitor, Rect
from desktop_helper.core.i18n import t
from desktop_helper.platform import system
from desktop_helper.platform.capture.base import CaptureBackend, Frame, apply_scales, find_monitor, monitor_for_rect

__all__ = [
    "CaptureBackend",
    "Frame",
    "NullBackend",
    "apply_scales",
    "capture_backend_for_current_os",
    "find_monitor",
    "monitor_for_rect",
]


class NullBackend(CaptureBackend):
    """No way to capture: every call explains why."""

    name = "none"

    def __init__(self, message: str, fix: str | None = None) -> None:
        self.message = message
        self.fix = fix

    def monitors(self) -> list[Monitor]:
        raise CaptureError(self.message, self.fix)

    def grab(self, rect: Rect, monitor: Monitor | None = None) -> Frame:
        raise CaptureError(self.message, self.fix)


def capture_backend_for_current_os(display: str | None = None) -> CaptureBackend:
    """The capture backend for this OS and session."""
    if not system.has_display():
        return NullBackend(
            t("No display was found, so the screen cannot be captured."),
            t("Run the app inside a desktop session (DISPLAY or WAYLAND_DISPLAY must be set)."),
        )
    if system.is_wayland():
        from desktop_helper.platform.capture.wayland import PortalBackend

        return PortalBackend()
    from desktop_helper.platform.capture.mss_backend import MssBackend

    backend: CaptureBackend = MssBackend(display=display)
    if system.current_os() == "macos":
        from desktop_helper.platform.capture.macos import MacPermissionBackend

        backend = MacPermissionBackend(backend)
    return backend
