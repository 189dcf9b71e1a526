"""The open windows, per OS behind :class:`~.base.WindowLister`: for the model's ``list_windows`` tool and
for snapping a capture region to a window (:func:`list_windows`, :func:`window_at`)."""

from __future__ import annotations

import logging
import os

from desktop_helper.platform.system import current_os, has_display, is_wayland
from desktop_helper.platform.window_list.base import NullWindowLister, WindowInfo, WindowLister

__all__ = ["NullWindowLister", "WindowInfo", "WindowLister", "list_windows", "window_at", "window_lister_for_current_os"]

log = logging.getLogger(__name__)


def window_lister_for_current_os() -> WindowLister:
    os_name = current_os()
    if os_name == "windows":
        from desktop_helper.platform.window_list.windows import WindowsWindowLister

        return WindowsWindowLister()
    if os_name == "macos":
        from desktop_helper.platform.window_list.macos import MacWindowLister

        return MacWindowLister()
    if not has_display() or is_wayland():
        return NullWindowLister("Wayland does not let apps see other apps' windows.")
    from desktop_helper.platform.window_list.x11 import X11WindowLister

    return X11WindowLister()


def list_windows(display_name: str | None = None, exclude_pid: int | None = None) -> list[WindowInfo]:
    """Windows to snap a region to: visible ones with a rectangle, topmost first, our own process's left out.

    On X11 each rectangle is the window's frame (what a user means by "the window" when snapping).
    Wayland has no window list (nothing to snap to); any failure gives an empty list, since snapping
    is a convenience.
    """
    if is_wayland():
        return []
    from desktop_helper.platform.window_list.x11 import X11WindowLister

    own = os.getpid() if exclude_pid is None else exclude_pid
    try:
        if current_os() == "linux":
            listed = X11WindowLister(display_name, frames=True).windows()
        else:
            listed = window_lister_for_current_os().windows()
    except Exception as exc:  # no EWMH window manager, display gone, permission: snapping is a convenience
        log.debug("cannot list windows: %s", exc)
        return []
    return [w for w in listed if w.rect is not None and not w.minimized and (w.pid is None or w.pid != own)]


def window_at(windows: list[WindowInfo], x: float, y: float) -> WindowInfo | None:
    """The topmost window containing the physical point."""
    for window in windows:
        if window.rect is not None and window.rect.contains(x, y):
            return window
    return None
