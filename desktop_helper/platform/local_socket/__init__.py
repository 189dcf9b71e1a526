"""Who may use the command socket: only the user running the app, per OS (see :mod:`.base`)."""

from __future__ import annotations

from desktop_helper.platform.local_socket.base import LocalSocketGuard, UnsafeSocketError
from desktop_helper.platform.system import current_os


def local_socket_for_current_os() -> LocalSocketGuard:
    """The guard for this OS: a private folder and peer uid checks on Unix, a user-only pipe on Windows."""
    os_name = current_os()
    if os_name == "windows":
        from desktop_helper.platform.local_socket.windows import WindowsLocalSocket

        return WindowsLocalSocket()
    if os_name == "macos":
        from desktop_helper.platform.local_socket.macos import MacLocalSocket

        return MacLocalSocket()
    from desktop_helper.platform.local_socket.linux import LinuxLocalSocket

    return LinuxLocalSocket()


__all__ = ["LocalSocketGuard", "UnsafeSocketError", "local_socket_for_current_os"]
