"""A hotkey field that records the keys pressed and stores them in the app's hotkey syntax (``<ctrl>+<alt>+a``)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QToolButton, QWidget

from desktop_helper.parsers.hotkeys import HotkeyError, parse_hotkey
from desktop_helper.platform.system import current_os
from desktop_helper.ui.icons import action_icon

_NAMED = {
    Qt.Key.Key_Space: "space",
    Qt.Key.Key_Tab: "tab",
    Qt.Key.Key_Return: "enter",
    Qt.Key.Key_Enter: "enter",
    Qt.Key.Key_Escape: "esc",
    Qt.Key.Key_Backspace: "backspace",
    Qt.Key.Key_Delete: "delete",
    Qt.Key.Key_Insert: "insert",
    Qt.Key.Key_Home: "home",
    Qt.Key.Key_End: "end",
    Qt.Key.Key_PageUp: "page_up",
    Qt.Key.Key_PageDown: "page_down",
    Qt.Key.Key_Up: "up",
    Qt.Key.Key_Down: "down",
    Qt.Key.Key_Left: "left",
    Qt.Key.Key_Right: "right",
    Qt.Key.Key_Print: "print_screen",
    Qt.Key.Key_Pause: "pause",
    Qt.Key.Key_ScrollLock: "scroll_lock",
    Qt.Key.Key_Menu: "menu",
}
_MODIFIER_KEYS = {
    Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Shift, Qt.Key.Key_Meta, Qt.Key.Key_AltGr,
    Qt.Key.Key_Super_L, Qt.Key.Key_Super_R, Qt.Key.Key_Hyper_L, Qt.Key.Key_Hyper_R,
}  # fmt: skip


def hotkey_from_event(key: int, modifiers: Qt.KeyboardModifier, macos: bool = False) -> str | None:
    """The hotkey string for a key press (``None`` for a lone modifier or a key hotkeys cannot use).

    On macOS Qt reports the Command key as Control and Control as Meta; the app's syntax calls
    Command ``<cmd>``, as pynput does.
    """
    if key in _MODIFIER_KEYS:
        return None
    if Qt.Key.Key_F1 <= key <= Qt.Key.Key_F24:
        name = f"f{key - Qt.Key.Key_F1 + 1}"
    elif key in _NAMED:
        name = _NAMED[Qt.Key(key)]
    elif 0x20 < key < 0x7F:
        name = chr(key).lower()
    else:
        return None
    held = Qt.KeyboardModifier
    ctrl, meta = (held.MetaModifier, held.ControlModifier) if macos else (held.ControlModifier, held.MetaModifier)
    parts = [
        f"<{label}>"
        for flag, label in ((ctrl, "ctrl"), (held.AltModifier, "alt"), (held.ShiftModifier, "shift"), (meta, "cmd"))
        if modifiers & flag
    ]
    parts.append(name if len(name) == 1 else f"<{name}>")
    return "+".join(parts)


class HotkeyEdit(QWidget):
    """Shows a hotkey as people write it (``Ctrl+Alt+Shift+A``); click it and press the keys to change it.

    Esc alone cancels, Backspace or Delete alone (or the clear button) removes the hotkey.

    Signals (GUI thread):
        changed(str): the hotkey string ('' for none), after a recording or a clear.
    """

    changed = Signal(str)

    def __init__(self, value: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value = value
        self._recording = False
        self.field = QLineEdit(self)
        self.field.setObjectName("hotkey_field")
        self.field.setReadOnly(True)
        self.field.installEventFilter(self)
        self.clear_button = QToolButton(self)
        self.clear_button.setObjectName("hotkey_clear")
        self.clear_button.setIcon(action_icon("remove"))
        self.clear_button.setToolTip(self.tr("No hotkey"))
        self.clear_button.clicked.connect(lambda: self.set_value("", notify=True))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.clear_button)
        self.setFocusProxy(self.field)
        self._show()

    def value(self) -> str:
        return self._value

    def set_value(self, value: str, notify: bool = False) -> None:
        self._value = value
        self._recording = False
        self._show()
        if notify:
            self.changed.emit(value)

    def _show(self) -> None:
        if self._recording:
            self.field.setText("")
            self.field.setPlaceholderText(self.tr("Press the keys… (Esc cancels)"))
            return
        self.field.setPlaceholderText(self.tr("None: click and press keys"))
        try:
            self.field.setText(parse_hotkey(self._value).display() if self._value else "")
        except HotkeyError:
            self.field.setText(self._value)  # a hand-edited value the check will explain

    def eventFilter(self, watched: object, event: object) -> bool:
        if watched is self.field and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            self._key_pressed(event)
            return True
        if watched is self.field and isinstance(event, QFocusEvent):
            self._recording = event.type() == QFocusEvent.Type.FocusIn
            self._show()
        return False

    def _key_pressed(self, event: QKeyEvent) -> None:
        key, modifiers = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        bare = modifiers == Qt.KeyboardModifier.NoModifier
        if bare and key == Qt.Key.Key_Escape:
            self.set_value(self._value)
            self.field.clearFocus()
            return
        if bare and key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self.set_value("", notify=True)
            self.field.clearFocus()
            return
        if bare and key == Qt.Key.Key_Tab:
            self.focusNextChild()
            return
        text = hotkey_from_event(key, modifiers, macos=current_os() == "macos")
        if text is None:
            return  # a lone modifier: wait for the key
        self.set_value(text, notify=True)
        self.field.clearFocus()
