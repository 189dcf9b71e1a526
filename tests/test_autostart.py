from __future__ import annotations

import configparser
import plistlib
from pathlib import Path
from typing import Any

import pytest

from desktop_helper.platform.autostart import autostart_for_current_os
from desktop_helper.platform.autostart.linux import LinuxAutostart
from desktop_helper.platform.autostart.macos import MacAutostart
from desktop_helper.platform.autostart.windows import RUN_KEY, VALUE_NAME, WindowsAutostart
from desktop_helper.platform.system import fake_os

COMMAND = ["/opt/Desktop Helper/desktop-helper", "--profile", "/home/u/p"]


def test_linux_xdg_entry(profile: Path) -> None:
    autostart = LinuxAutostart(COMMAND)
    assert not autostart.is_enabled()
    autostart.apply(True)
    entry = profile / "xdg-config" / "autostart" / "desktop-helper.desktop"
    assert autostart.is_enabled()
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(entry)
    assert parser["Desktop Entry"]["Exec"] == "'/opt/Desktop Helper/desktop-helper' --profile /home/u/p"
    assert parser["Desktop Entry"]["Type"] == "Application"
    autostart.apply(False)
    assert not entry.exists()


def test_macos_launch_agent(tmp_path: Path) -> None:
    autostart = MacAutostart(COMMAND, agents_dir=tmp_path)
    autostart.enable()
    document = plistlib.loads(autostart.plist.read_bytes())
    assert document["ProgramArguments"] == COMMAND
    assert document["RunAtLoad"] is True
    assert autostart.is_enabled()
    autostart.disable()
    assert not autostart.is_enabled()


class FakeRegistry:
    """Just enough of winreg to run the Windows code on Linux."""

    HKEY_CURRENT_USER = "HKCU"
    KEY_SET_VALUE = 2
    KEY_READ = 1
    REG_SZ = 1

    def __init__(self) -> None:
        self.values: dict[tuple[str, str], tuple[int, Any]] = {}
        self.open_keys = 0

    def OpenKey(self, key: Any, sub_key: str, reserved: int = 0, access: int = 0) -> str:
        self.open_keys += 1
        return f"{key}\\{sub_key}"

    def QueryValueEx(self, key: Any, name: str) -> tuple[Any, int]:
        if (key, name) not in self.values:
            raise FileNotFoundError(name)
        kind, value = self.values[(key, name)]
        return value, kind

    def SetValueEx(self, key: Any, name: str, reserved: int, type: int, value: str) -> None:  # noqa: A002
        self.values[(key, name)] = (type, value)

    def DeleteValue(self, key: Any, name: str) -> None:
        if (key, name) not in self.values:
            raise FileNotFoundError(name)
        del self.values[(key, name)]

    def CloseKey(self, key: Any) -> None:
        self.open_keys -= 1


def test_windows_run_key() -> None:
    registry = FakeRegistry()
    autostart = WindowsAutostart(COMMAND, registry=registry)
    assert not autostart.is_enabled()
    autostart.enable()
    value, kind = registry.QueryValueEx(f"HKCU\\{RUN_KEY}", VALUE_NAME)
    assert value == '"/opt/Desktop Helper/desktop-helper" --profile /home/u/p'
    assert kind == registry.REG_SZ
    assert autostart.is_enabled()
    autostart.disable()
    autostart.disable()  # twice is fine
    assert not autostart.is_enabled()
    assert registry.open_keys == 0


@pytest.mark.parametrize(("os_name", "cls"), [("linux", LinuxAutostart), ("macos", MacAutostart)])
def test_factory_picks_the_os_adapter(os_name: str, cls: type) -> None:
    with fake_os(os_name):  # type: ignore[arg-type]
        assert isinstance(autostart_for_current_os(COMMAND), cls)


def test_factory_on_windows_needs_winreg() -> None:
    with fake_os("windows"), pytest.raises(ModuleNotFoundError, match="winreg"):
        autostart_for_current_os(COMMAND)
