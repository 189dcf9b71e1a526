"""Start at login, per OS: Windows Run key, macOS LaunchAgent, Linux XDG autostart entry."""

from __future__ import annotations

from desktop_helper.platform.autostart.base import Autostart
from desktop_helper.platform.system import current_os


def autostart_for_current_os(command: list[str]) -> Autostart:
    os_name = current_os()
    if os_name == "windows":
        from desktop_helper.platform.autostart.windows import WindowsAutostart

        return WindowsAutostart(command)
    if os_name == "macos":
        from desktop_helper.platform.autostart.macos import MacAutostart

        return MacAutostart(command)
    from desktop_helper.platform.autostart.linux import LinuxAutostart

    return LinuxAutostart(command)


__all__ = ["Autostart", "autostart_for_current_os"]
