"""Windows: a value under HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run."""

from __future__ import annotations

import subprocess
from typing import Any, Protocol

from desktop_helper.platform.autostart.base import Autostart

RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
VALUE_NAME = "DesktopHelper"


class Registry(Protocol):
    """The part of ``winreg`` we use; tests pass a fake."""

    HKEY_CURRENT_USER: Any
    KEY_SET_VALUE: int
    KEY_READ: int
    REG_SZ: int

    def OpenKey(self, key: Any, sub_key: str, reserved: int = 0, access: int = 0) -> Any: ...  # noqa: N802
    def QueryValueEx(self, key: Any, name: str) -> tuple[Any, int]: ...  # noqa: N802
    def SetValueEx(self, key: Any, name: str, reserved: int, type: int, value: str) -> None: ...  # noqa: N802, A002
    def DeleteValue(self, key: Any, name: str) -> None: ...  # noqa: N802
    def CloseKey(self, key: Any) -> None: ...  # noqa: N802


class WindowsAutostart(Autostart):
    def __init__(self, command: list[str], registry: Registry | None = None) -> None:
        super().__init__(command)
        if registry is None:
            import winreg  # only exists on Windows

            registry = winreg  # type: ignore[assignment]
        self._reg: Registry = registry  # type: ignore[assignment]

    @property
    def value(self) -> str:
        return subprocess.list2cmdline(self.command)

    def is_enabled(self) -> bool:
        key = self._reg.OpenKey(self._reg.HKEY_CURRENT_USER, RUN_KEY, 0, self._reg.KEY_READ)
        try:
            self._reg.QueryValueEx(key, VALUE_NAME)
            return True
        except FileNotFoundError:
            return False
        finally:
            self._reg.CloseKey(key)

    def enable(self) -> None:
        key = self._reg.OpenKey(self._reg.HKEY_CURRENT_USER, RUN_KEY, 0, self._reg.KEY_SET_VALUE)
        try:
            self._reg.SetValueEx(key, VALUE_NAME, 0, self._reg.REG_SZ, self.value)
        finally:
            self._reg.CloseKey(key)

    def disable(self) -> None:
        key = self._reg.OpenKey(self._reg.HKEY_CURRENT_USER, RUN_KEY, 0, self._reg.KEY_SET_VALUE)
        try:
            self._reg.DeleteValue(key, VALUE_NAME)
        except FileNotFoundError:
            pass
        finally:
            self._reg.CloseKey(key)
