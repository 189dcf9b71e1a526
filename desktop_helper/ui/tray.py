"""The system-tray icon and its menu."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from desktop_helper import APP_DISPLAY_NAME
from desktop_helper.core.messages import Level, UserMessage
from desktop_helper.ui.icons import app_icon, recording_icon


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
            ("chat", self.tr("Chat"), ["show-chat"]),
            ("settings", self.tr("Settings"), ["settings"]),
            ("quit", self.tr("Quit"), ["quit"]),
        ):
            if key == "quit":
                self.menu.addSeparator()
            action = self.menu.addAction(label)
            action.setObjectName(f"tray_{key}")
            action.triggered.connect(lambda _checked=False, a=argv: self.command.emit(a))
            self.actions[key] = action
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)

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
        else:
            self.icon.setIcon(recording_icon())
            minutes, secs = divmod(seconds, 60)
            self.icon.setToolTip(self.tr("{0}: recording {1}:{2:02d}").format(APP_DISPLAY_NAME, minutes, secs))
            self.actions["record"].setText(self.tr("Stop recording ({0}:{1:02d})").format(minutes, secs))

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
