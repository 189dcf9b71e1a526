"""Top-level windows and their rectangles, for snapping a region to a window and capturing one window.

X11 through python-xlib (which pynput already brings): the window manager's stacking list, each
window's rectangle in root coordinates *including its frame* (what a user means by "the window"
when snapping), our own windows left out. Windows and macOS go through the model tools' lister
(:mod:`desktop_helper.platform.window_list`); Wayland has no window list (nothing to snap to).
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
    """A top-level window: its id, title, owning process and rectangle in physical pixels."""

    id: int
    title: str
    pid: int | None
    rect: Rect


def list_windows(display_name: str | None = None, exclude_pid: int | None = None) -> list[WindowInfo]:
    """Visible top-level windows, topmost first (our own process's excluded by default)."""
    if system.is_wayland():
        return []
    if system.current_os() != "linux":
        return _other_os_windows()
    try:
        return _x11_windows(display_name, os.getpid() if exclude_pid is None else exclude_pid)
    except Exception as exc:  # no EWMH window manager, display gone: nothing to snap to
        log.debug("cannot list windows: %s", exc)
        return []


def window_at(windows: list[WindowInfo], x: float, y: float) -> WindowInfo | None:
    """The topmost window containing the physical point."""
    for window in windows:
        if window.rect.contains(x, y):
            return window
    return None


def _other_os_windows() -> list[WindowInfo]:
    from desktop_helper.platform.window_list import window_lister_for_current_os

    try:
        listed = window_lister_for_current_os().windows()
    except Exception as exc:  # permission or API missing: snapping is a convenience
        log.debug("cannot list windows: %s", exc)
        return []
    return [WindowInfo(0, w.title, None, w.rect) for w in listed if w.rect is not None and not w.minimized]


def _x11_windows(display_name: str | None, exclude_pid: int) -> list[WindowInfo]:
    from Xlib import X, Xatom
    from Xlib import display as xdisplay

    connection = xdisplay.Display(display_name)
    try:
        root = connection.screen().root
        atom = connection.intern_atom
        stacking = root.get_full_property(atom("_NET_CLIENT_LIST_STACKING"), Xatom.WINDOW)
        if stacking is None:
            return []
        hidden = atom("_NET_WM_STATE_HIDDEN")
        result: list[WindowInfo] = []
        for window_id in reversed(list(stacking.value)):  # the list is bottom to top
            window = connection.create_resource_object("window", window_id)
            try:
                attributes = window.get_attributes()
                if attributes.map_state != X.IsViewable:
                    continue
                state = window.get_full_property(atom("_NET_WM_STATE"), Xatom.ATOM)
                if state is not None and hidden in state.value:
                    continue
                pid_property = window.get_full_property(atom("_NET_WM_PID"), Xatom.CARDINAL)
                pid = int(pid_property.value[0]) if pid_property is not None else None
                if pid is not None and pid == exclude_pid:
                    continue
                geometry = window.get_geometry()
                origin = window.translate_coords(root, 0, 0)
                x, y = -origin.x, -origin.y
                extents = window.get_full_property(atom("_NET_FRAME_EXTENTS"), Xatom.CARDINAL)
                left, right, top, bottom = [*list(extents.value), 0, 0, 0, 0][:4] if extents is not None else (0, 0, 0, 0)
                name = window.get_full_property(atom("_NET_WM_NAME"), atom("UTF8_STRING"))
                title = name.value.decode("utf-8", "replace") if name is not None else (window.get_wm_name() or "")
                rect = Rect(x - left, y - top, geometry.width + left + right, geometry.height + top + bottom)
                result.append(WindowInfo(window_id, str(title), pid, rect))
            except Exception:  # the window closed while we looked at it
                log.debug("window %s vanished while listing", window_id)
                continue
        return result
    finally:
        connection.close()
