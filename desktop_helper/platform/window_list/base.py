"""Listing the open top-level windows (for the model's ``list_windows`` tool)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass

from desktop_helper.core.geometry import Rect


@dataclass(frozen=True)
class WindowInfo:
    """One top-level window.

    Attributes:
        title: its title bar text.
        app: the program (X11 WM_CLASS, Windows executable name, macOS owner name); may be empty.
        rect: where it is, in global physical pixels (None when the OS does not say).
        focused: whether it has the keyboard focus.
        minimized: whether it is minimized (not on the screen).
        pid: the owning process, where the OS says (X11 ``_NET_WM_PID``).
    """

    title: str
    app: str = ""
    rect: Rect | None = None
    focused: bool = False
    minimized: bool = False
    pid: int | None = None


class WindowLister(ABC):
    @abstractmethod
    def windows(self) -> list[WindowInfo]:
        """The open top-level windows, front to back where the OS tells the order.

        Raises:
            desktop_helper.core.errors.PlatformError: when the window list is not available.
        """


class NullWindowLister(WindowLister):
    """Where windows cannot be listed (pure Wayland, no display)."""

    def __init__(self, reason: str) -> None:
        self.reason = reason

    def windows(self) -> list[WindowInfo]:
        from desktop_helper.core.errors import PlatformError

        raise PlatformError(self.reason)
