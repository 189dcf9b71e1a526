"""Top-level windows and their rectangles, for snapping a region to a window and capturing one window.

The windows come from the model tools' lister (:mod:`desktop_helper.platform.window_list`), on
X11 with each window's frame (what a user means by "the window" when snapping), minimized
windows and our own process's windows left out. Wayland has no window list (nothing to snap to).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass

from desktop_helper.core.geometry import Rect
from desktop_helper.platform import system

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class WindowInfo:
    """A top-level window: its title, owning process and rectangle in physical pixels."""

    title: str
    pid: int | None
    rect: Rect


def list_windows(display_name: str | None = None, exclude_pid: int | None = None) -> list[WindowInfo]:
    """Visible top-level windows, topmost first (our own process's excluded by default)."""
    if system.is_wayland():
        return []
    from desktop_helper.platform.window_list import window_lister_for_current_os
    from desktop_helper.platform.window_list.x11 import X11WindowLister

    own = os.getpid() if exclude_pid is None else exclude_pid
    try:
        if system.current_os() == "linux":
            listed = X11WindowLister(display_name, frames=True).windows()
        else:
            listed = window_lister_for_current_os().windows()
    except Exception as exc:  # no EWMH window manager, display gone, permission: snapping is a convenience
        log.debug("cannot list windows: %s", exc)
        return []
    return [
        WindowInfo(w.title, w.pid, w.rect)
        for w in listed
        if w.rect is not None and not w.minimized and (w.pid is None or w.pid != own)
    ]


def window_at(windows: list[WindowInfo], x: float, y: float) -> WindowInfo | None:
    """The topmost window containing the physical point."""
    for window in windows:
        if window.rect.contains(x, y):
            return window
    return None
