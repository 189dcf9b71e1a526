"""The system-tray icon and its menu."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from desktop_helper import APP_DISPLAY_NAME
from desktop_helper.core.messages import Level, UserMessage
from desktop_helper.parsers.hotkeys import HotkeyError, parse_hotkey
from desktop_helper.ui.icons import action_icon, app_icon, recording_icon

#: tray entry -> the hotkey setting that runs the same command
TRAY_HOTKEYS = {
    "screenshot": "hotkeys.capture_screen",
    "region": "hotkeys.capture_region",
    "record": "hotkeys.record",
    "find": "hotkeys.find",
    "agent": "hotkeys.agent",
    "stop": "hotkeys.stop_agent",
    "chat": "hotkeys.toggle_chat",
}
_QT_MODIFIERS = {"ctrl": "Ctrl", "alt": "Alt", "shift": "Shift", "cmd": "Meta", "alt_gr": "AltGr"}


def key_sequence(hotkey: str) -> QKeySequence:
    """The hotkey (app syntax) as a Qt key sequence for display; empty when there is none or it is invalid."""
    try:
        parsed = parse_hotkey(hotkey) if hotkey.strip() else None
    except HotkeyError:
        parsed = None
    if parsed is None:
        return QKeySequence()
    names = [_QT_MODIFIERS[m] for m in ("ctrl", "alt", "shift", "cmd") if m in parsed.modifiers]
    key = parsed.key
    names.append(
        key.upper()
        if len(key) == 1
        else {"page_up": "PgUp", "page_down": "PgDown", "esc": "Esc"}.get(key, key.replace("_", " ").title())
    )
    return QKeySequence("+".join(names))


class Tray(QObject):
    """Tray icon with the app's menu.

    Signals (GUI thread), each the argv of the command it stands for:
        command(list): a menu entry or a click on the icon asks for a command.
    """

    command = Signal(list)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.icon = QSystemTrayIcon(app_icon(), self)
        self.icon.setToolTip(APP_DISPLAY_NAME)
        self.menu = QMenu()
        self.actions: dict[str, QAction] = {}
        for key, label, argv in (
            ("screenshot", self.tr("Screenshot"), ["capture", "screen"]),
            ("region", self.tr("Region"), ["capture", "region"]),
            ("record", self.tr("Record"), ["record", "toggle"]),
            ("find", self.tr("Find on screen…"), ["find"]),
            ("agent", self.tr("Agent task…"), ["agent"]),
            ("stop", self.tr("Stop"), ["stop"]),
            ("chat", self.tr("Chat"), ["show-chat"]),
            ("settings", self.tr("Settings"), ["settings"]),
            ("quit", self.tr("Quit"), ["quit"]),
        ):
            if key in ("find", "chat", "quit"):
                self.menu.addSeparator()
            action = self.menu.addAction(action_icon(key), label)
            action.setObjectName(f"tray_{key}")
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # shown beside the entry; the global hotkey acts
            action.triggered.connect(lambda _checked=False, a=argv: self.command.emit(a))
            self.actions[key] = action
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)

    def show_hotkeys(self, setting: Callable[[str], object]) -> None:
        """Show each entry's global hotkey beside it (``setting`` reads a setting by key)."""
        for key, setting_key in TRAY_HOTKEYS.items():
            self.actions[key].setShortcut(key_sequence(str(setting(setting_key) or "")))

    def show(self) -> None:
        self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    def set_recording(self, seconds: int | None) -> None:
        """Show that a recording runs (and for how long), or that none does."""
        if seconds is None:
            self.icon.setIcon(app_icon())
            self.icon.setToolTip(APP_DISPLAY_NAME)
            self.actions["record"].setText(self.tr("Record"))
            self.actions["record"].setIcon(action_icon("record"))
        else:
            self.icon.setIcon(recording_icon())
            minutes, secs = divmod(seconds, 60)
            self.icon.setToolTip(self.tr("{0}: recording {1}:{2:02d}").format(APP_DISPLAY_NAME, minutes, secs))
            self.actions["record"].setText(self.tr("Stop recording ({0}:{1:02d})").format(minutes, secs))
            self.actions["record"].setIcon(action_icon("stop"))

    def notify(self, message: UserMessage) -> None:
        icons = {
            Level.INFO: QSystemTrayIcon.MessageIcon.Information,
            Level.WARNING: QSystemTrayIcon.MessageIcon.Warning,
            Level.ERROR: QSystemTrayIcon.MessageIcon.Critical,
        }
        self.icon.showMessage(APP_DISPLAY_NAME, message.full_text(), icons[message.level], 8000)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.command.emit(["toggle-chat"])
