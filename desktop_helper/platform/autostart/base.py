from __future__ import annotations

from abc import ABC, abstractmethod

APP_ID = "io.github.desktop_helper"


class Autostart(ABC):
    """Registers the app to start when the user logs in."""

    def __init__(self, command: list[str]) -> None:
        self.command = command

    @abstractmethod
    def is_enabled(self) -> bool: ...

    @abstractmethod
    def enable(self) -> None: ...

    @abstractmethod
    def disable(self) -> None: ...

    def apply(self, enabled: bool) -> None:
        self.enable() if enabled else self.disable()
