"""The one place that decides which OS and display server we run on.

Everything OS-specific asks here, never ``sys.platform`` directly, so tests can fake another OS
with :func:`fake_os` and run the Windows and macOS branches on Linux.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Literal

OSName = Literal["windows", "macos", "linux"]

_fake: OSName | None = None


def current_os() -> OSName:
    if _fake is not None:
        return _fake
    if sys.platform == "win32":
        return "windows"
    if sys.platform == "darwin":
        return "macos"
    return "linux"


def os_display_name() -> str:
    """The OS as the GUI-agent prompt names it."""
    return {"windows": "Windows", "macos": "macOS", "linux": "Linux"}[current_os()]


def is_wayland() -> bool:
    """True in a Wayland session (where mss and pynput cannot see other apps)."""
    if current_os() != "linux":
        return False
    return os.environ.get("XDG_SESSION_TYPE") == "wayland" or (
        bool(os.environ.get("WAYLAND_DISPLAY")) and not os.environ.get("DISPLAY")
    )


def has_display() -> bool:
    if current_os() != "linux":
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def launch_command() -> list[str]:
    """How to start this app again (for autostart entries)."""
    if is_frozen():
        # inside an AppImage sys.executable is in a temporary mount; $APPIMAGE is the file that stays
        appimage = os.environ.get("APPIMAGE") if current_os() == "linux" else None
        return [appimage] if appimage else [sys.executable]
    return [sys.executable, "-m", "desktop_helper"]


@contextmanager
def fake_os(name: OSName) -> Iterator[None]:
    """Pretend to run on ``name`` (tests only)."""
    global _fake  # noqa: PLW0603 - one process-wide switch is the point
    previous, _fake = _fake, name
    try:
        yield
    finally:
        _fake = previous
