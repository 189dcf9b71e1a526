"""Global hotkeys: pynput on X11, Windows and macOS; on Wayland, desktop shortcuts bound to our CLI."""

from __future__ import annotations

from desktop_helper.core.i18n import t
from desktop_helper.parsers.hotkeys import Hotkey, HotkeyError, parse_hotkey, validate_hotkey_setting
from desktop_helper.platform import system
from desktop_helper.platform.hotkeys.base import HotkeyProblem, HotkeyService, NullHotkeys

__all__ = [
    "Hotkey",
    "HotkeyError",
    "HotkeyProblem",
    "HotkeyService",
    "NullHotkeys",
    "hotkeys_for_current_os",
    "parse_hotkey",
    "validate_hotkey_setting",
]

#: actions (settings keys under ``hotkeys.``) -> the command each runs in the running instance
HOTKEY_COMMANDS: dict[str, list[str]] = {
    "capture_region": ["capture", "region"],
    "capture_screen": ["capture", "screen"],
    "record": ["record", "toggle"],
    "toggle_chat": ["toggle-chat"],
    "find": ["find"],
    "agent": ["agent"],
    "stop_agent": ["stop"],
}


def hotkeys_for_current_os() -> HotkeyService:
    if not system.has_display():
        return NullHotkeys(t("No display was found, so global hotkeys cannot work."), t("Start the app in your desktop session."))
    if system.is_wayland():
        return NullHotkeys(
            t("Wayland does not let apps listen for global hotkeys."),
            t("Bind your desktop's own shortcuts to commands, e.g. 'desktop-helper capture region' or 'desktop-helper record'."),
        )
    from desktop_helper.platform.hotkeys.pynput_backend import PynputHotkeys

    return PynputHotkeys()
