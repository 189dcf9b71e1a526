"""Is a compositing manager running? Decides whether translucent overlay windows can work.

On X11 a window with an alpha channel is only blended with what is below it when a compositing
manager runs; without one (bare window managers, many kiosk and VNC sessions) its transparent
pixels show up black. A compositing manager announces itself by owning the ``_NET_WM_CM_S<n>``
selection of screen ``n`` (EWMH). Windows (DWM), macOS and Wayland always composite.
"""

from __future__ import annotations

import logging
import os
import threading
from typing import Any

log = logging.getLogger(__name__)


class CompositorProbe:
    """Answers :meth:`compositing` cheaply and repeatedly (one X round trip per call on X11).

    Args:
        platform_name: Qt's platform plugin name ("xcb", "wayland", "windows", "cocoa", "offscreen", ...).
        display: X display name; default ``$DISPLAY``.
    """

    def __init__(self, platform_name: str, display: str | None = None) -> None:
        self._platform = platform_name
        self._display_name = display if display is not None else os.environ.get("DISPLAY", "")
        self._connection: Any = None
        self._atom: int | None = None
        self._lock = threading.Lock()
        self._failed = False

    def compositing(self) -> bool:
        """True when translucent windows are blended with what is below them."""
        if self._platform != "xcb":  # offscreen, or a platform that always composites
            return True
        with self._lock:
            return self._x11_compositing()

    def _x11_compositing(self) -> bool:
        if self._failed:
            return False
        try:
            if self._connection is None:
                from Xlib import display as xdisplay

                self._connection = xdisplay.Display(self._display_name or None)
                screen_number = self._connection.get_default_screen()
                self._atom = self._connection.intern_atom(f"_NET_WM_CM_S{screen_number}")
            owner = self._connection.get_selection_owner(self._atom)
        except Exception as exc:  # no python-xlib, no server, protocol error: assume the worst case
            log.warning("cannot ask X11 for a compositing manager (%s); overlays will be outline-only", exc)
            self._failed = True
            self.close()
            return False
        # python-xlib returns X.NONE (0) or a Window object
        return bool(owner) and getattr(owner, "id", owner) != 0

    def close(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            try:
                connection.close()
            except Exception:  # closing a dead connection is not worth reporting
                log.debug("closing the X connection failed", exc_info=True)
