"""Synthetic mouse and keyboard input for the GUI agent: the interfaces.

Coordinates are global physical pixels (what mss captures and the OS mouse uses). Every executor
refuses points outside ``bounds`` (the rectangle that was captured), so a wrong mapping can never
click on another monitor, and checks ``stopped`` before every single event, so Stop takes effect in
the middle of a drag or of typing.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from typing import Literal, Protocol

from desktop_helper.core.errors import PlatformError
from desktop_helper.core.geometry import Rect
from desktop_helper.core.i18n import t

Button = Literal["left", "right", "middle"]


class InputStoppedError(Exception):
    """The user pressed Stop while an action was being performed; not an error."""


class InputRefusedError(PlatformError):
    """An action was not performed because it would be unsafe or cannot work (outside the monitor, elevated window)."""


class Clipboard(Protocol):
    """The system clipboard, implemented by the UI (Qt's clipboard lives on the GUI thread).

    Calls may come from a worker thread and block until the GUI thread has done the work.
    """

    def save(self) -> object:
        """An opaque copy of everything on the clipboard now (all formats), for :meth:`restore`."""
        ...

    def set_text(self, text: str) -> None:
        """Put plain text on the clipboard."""
        ...

    def restore(self, saved: object) -> None:
        """Put back what :meth:`save` returned."""
        ...


class HotkeySuspender(Protocol):
    """Our own global hotkeys, paused while the agent presses keys (they could trigger us)."""

    def suspended(self) -> AbstractContextManager[object]: ...


class NoHotkeys:
    """A :class:`HotkeySuspender` for when no hotkeys are registered."""

    def suspended(self) -> AbstractContextManager[object]:
        return nullcontext()


class ElevationProbe(ABC):
    """Finds windows our input cannot reach (Windows: windows running as administrator)."""

    @abstractmethod
    def blocked_target(self, point: tuple[int, int] | None) -> str | None:
        """Why input aimed at ``point`` (or at the focused window when None) would be dropped, or None if it can work."""


class NoElevation(ElevationProbe):
    """X11 and macOS: no integrity levels between windows of one user."""

    def blocked_target(self, point: tuple[int, int] | None) -> str | None:
        return None


class InputExecutor(ABC):
    """Performs mouse and keyboard primitives at physical pixels.

    Args:
        bounds: the captured rectangle in physical pixels; points outside it are refused.
        stopped: returns True once the user pressed Stop; checked before every event.
    """

    def __init__(self, bounds: Rect, stopped: Callable[[], bool] = lambda: False) -> None:
        self.bounds = bounds
        self._stopped = stopped

    def check(self, point: tuple[int, int] | None = None) -> None:
        """Raise if stopped or if ``point`` is not on the captured area."""
        if self._stopped():
            raise InputStoppedError
        if point is not None and not self.bounds.contains(point[0], point[1]):
            raise InputRefusedError(
                t("The point ({point}, {point2}) is outside the captured screen area.", point=point[0], point2=point[1]),
                t("The agent only acts on the monitor it captured."),
            )

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release OS connections (called on the thread that used the executor)."""

    @abstractmethod
    def move(self, point: tuple[int, int]) -> None: ...

    @abstractmethod
    def click(self, point: tuple[int, int], button: Button = "left", count: int = 1) -> None: ...

    @abstractmethod
    def drag(self, start: tuple[int, int], end: tuple[int, int]) -> None: ...

    @abstractmethod
    def scroll(self, point: tuple[int, int], direction: Literal["up", "down"], steps: int) -> None: ...

    @abstractmethod
    def press_keys(self, keys: str) -> None:
        """Press a combination such as ``ctrl+shift+t`` (all held, released in reverse)."""

    @abstractmethod
    def type_text(self, text: str) -> None:
        """Type exact text (any script) into the focused input."""
