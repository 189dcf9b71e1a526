"""The open windows, per OS behind :class:`~.base.WindowLister`."""

from __future__ import annotations

from desktop_helper.platform.system import current_os, has_display, is_wayland
from desktop_helper.platform.window_list.base import NullWindowLister, WindowInfo, WindowLister

__all__ = ["NullWindowLister", "WindowInfo", "WindowLister", "window_lister_for_current_os"]


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
