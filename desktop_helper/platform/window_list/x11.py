"""X11: the window manager's client list (EWMH ``_NET_CLIENT_LIST_STACKING``) through python-xlib.

python-xlib comes with pynput on Linux. One display connection per call, closed before returning,
so the lister may be used from any thread.
"""

from __future__ import annotations

from typing import Any

from desktop_helper.core.errors import PlatformError
from desktop_helper.core.geometry import Rect
from desktop_helper.core.i18n import t
from desktop_helper.platform.window_list.base import WindowInfo, WindowLister


class X11WindowLister(WindowLister):
    """The window manager's client list, front-most first.

    Args:
        display: X display name (default ``$DISPLAY``).
        frames: give each window's rectangle with its window-manager frame (``_NET_FRAME_EXTENTS``:
            title bar, borders), what a user means by "the window" when snapping a region to it.
    """

    def __init__(self, display: str | None = None, *, frames: bool = False) -> None:
        self._display_name = display
        self._frames = frames

    def windows(self) -> list[WindowInfo]:
        try:
            from Xlib import X, display
            from Xlib.error import XError
        except ImportError as exc:
            raise PlatformError(t("Windows cannot be listed: {exc}.", exc=exc)) from exc
        try:
            connection = display.Display(self._display_name)
        except Exception as exc:  # python-xlib raises several unrelated types without a display
            raise PlatformError(t("Windows cannot be listed: no X display ({exc}).", exc=exc)) from exc
        try:
            root = connection.screen().root
            atom = connection.intern_atom
            stacking = root.get_full_property(atom("_NET_CLIENT_LIST_STACKING"), X.AnyPropertyType)
            if stacking is None:
                stacking = root.get_full_property(atom("_NET_CLIENT_LIST"), X.AnyPropertyType)
            if stacking is None:
                raise PlatformError(
                    t("The window manager does not publish its window list."),
                    t("This works with EWMH window managers (GNOME, KDE, Xfce, fluxbox, ...)."),
                )
            active = root.get_full_property(atom("_NET_ACTIVE_WINDOW"), X.AnyPropertyType)
            active_id = int(active.value[0]) if active is not None and len(active.value) else 0
            result: list[WindowInfo] = []
            # the stacking list runs bottom to top; report the front-most window first
            for window_id in reversed(list(stacking.value)):
                try:
                    result.append(self._describe(connection, root, int(window_id), active_id))
                except XError:
                    continue  # closed while we were looking
            return result
        finally:
            connection.close()

    def _describe(self, connection: Any, root: Any, window_id: int, active_id: int) -> WindowInfo:
        from Xlib import X, Xatom

        window = connection.create_resource_object("window", window_id)
        atom = connection.intern_atom
        name = window.get_full_property(atom("_NET_WM_NAME"), atom("UTF8_STRING"))
        title = _text(name.value) if name is not None else _text(window.get_wm_name() or "")
        wm_class = window.get_wm_class()
        app = wm_class[1] if wm_class else ""
        geometry = window.get_geometry()
        origin = window.translate_coords(root, 0, 0)
        # translate_coords gives the root's position relative to the window: negate it
        rect = Rect(-origin.x, -origin.y, geometry.width, geometry.height)
        if self._frames:
            extents = window.get_full_property(atom("_NET_FRAME_EXTENTS"), Xatom.CARDINAL)
            left, right, top, bottom = [*list(extents.value), 0, 0, 0, 0][:4] if extents is not None else (0, 0, 0, 0)
            rect = Rect(rect.x - left, rect.y - top, rect.width + left + right, rect.height + top + bottom)
        state = window.get_full_property(atom("_NET_WM_STATE"), Xatom.ATOM)
        hidden = bool(state is not None and atom("_NET_WM_STATE_HIDDEN") in list(state.value))
        attributes = window.get_attributes()
        if attributes.map_state != X.IsViewable:
            hidden = True
        pid_property = window.get_full_property(atom("_NET_WM_PID"), Xatom.CARDINAL)
        pid = int(pid_property.value[0]) if pid_property is not None and len(pid_property.value) else None
        return WindowInfo(title, app, rect, window_id == active_id, hidden, pid)


def _text(value: Any) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return str(value)
