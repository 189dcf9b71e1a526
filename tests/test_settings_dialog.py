from __future__ import annotations

from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from desktop_helper.settings.schema import SCHEMA, SECTIONS
from desktop_helper.settings.store import Settings
from desktop_helper.ui.hotkey_edit import HotkeyEdit
from desktop_helper.ui.settings_dialog import PathEdit, SettingsDialog

W = TypeVar("W", bound=QWidget)


def child(dialog: SettingsDialog, cls: type[W], name: str) -> W:
    widget = dialog.findChild(cls, name)
    assert widget is not None, name
    return widget


def make_dialog(qtbot: QtBot, path: Path) -> tuple[SettingsDialog, Settings]:
    settings = Settings(path)
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    return dialog, settings


def test_every_section_and_visible_setting_has_an_editor(qtbot: QtBot, tmp_path: Path) -> None:
    dialog, _ = make_dialog(qtbot, tmp_path / "s.json")
    titles = [dialog.sections.item(i).text() for i in range(dialog.sections.count())]
    assert titles[: len(SECTIONS)] == list(SECTIONS.values())
    for setting in SCHEMA:
        editor = dialog.findChild(QWidget, setting.key)
        assert (editor is not None) == setting.visible, setting.key


def test_editors_respect_the_schema_bounds(qtbot: QtBot, tmp_path: Path) -> None:
    dialog, _ = make_dialog(qtbot, tmp_path / "s.json")
    fps = child(dialog, QSpinBox, "capture.record_fps")
    assert (fps.minimum(), fps.maximum()) == (1, 60)
    language = child(dialog, QComboBox, "language.ui")
    assert [language.itemData(i) for i in range(language.count())] == ["system", "en", "zh_CN"]


def test_apply_stores_changes_and_ok_closes(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    dialog, settings = make_dialog(qtbot, path)
    dialog.show()
    child(dialog, QSpinBox, "capture.record_fps").setValue(24)
    child(dialog, QCheckBox, "capture.copy_to_clipboard").setChecked(True)
    child(dialog, QComboBox, "language.ui").setCurrentIndex(2)
    dialog.accept()
    assert not dialog.isVisible()
    reloaded = Settings(path)
    assert reloaded.get("capture.record_fps") == 24
    assert reloaded.get("capture.copy_to_clipboard") is True
    assert reloaded.get("language.ui") == "zh_CN"
    assert settings.get("capture.record_fps") == 24


def test_an_invalid_value_keeps_the_dialog_open(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dialog, settings = make_dialog(qtbot, tmp_path / "s.json")
    dialog.show()
    # a free-text setting whose validation the schema tightens: simulate a bound the widget cannot express
    from desktop_helper.settings import schema

    limited = schema.Setting("capture.save_folder", str, "", "Save captures to", "Folder.", choices=("", "/tmp"))
    monkeypatch.setitem(schema.BY_KEY, "capture.save_folder", limited)
    monkeypatch.setattr("desktop_helper.settings.store.BY_KEY", schema.BY_KEY)
    child(dialog, PathEdit, "capture.save_folder").line.setText("/nowhere")
    dialog.accept()
    assert dialog.isVisible()
    assert "Save captures to must be one of" in dialog.errors.text()
    assert settings.get("capture.save_folder") == ""


def test_use_this_provider_survives_ok_on_the_models_page(qtbot: QtBot, tmp_path: Path) -> None:
    """Issue 13.3: Models page: local + Apply; API providers: Use this provider; OK must keep the provider."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialogButtonBox

    from desktop_helper.settings.providers import from_preset
    from desktop_helper.settings.secrets import SessionStore
    from desktop_helper.ui.providers_page import ProvidersPage

    path = tmp_path / "settings.json"
    settings = Settings(path)
    settings.set("models.providers", [from_preset("custom", "My server").to_dict()])
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    page = ProvidersPage(settings, SessionStore())
    dialog.add_page("API providers", page)
    dialog.show()
    qtbot.waitExposed(dialog)
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None

    dialog.show_page("Models and providers")
    backend = child(dialog, QComboBox, "models.backend")
    backend.setCurrentIndex(backend.findData("openai_compat"))
    backend.setCurrentIndex(backend.findData("local_gguf"))
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Apply), Qt.MouseButton.LeftButton)
    assert settings.get("models.backend") == "local_gguf"

    dialog.show_page("API providers")
    page.provider_list.setCurrentRow(0)
    qtbot.mouseClick(page.use_button, Qt.MouseButton.LeftButton)
    assert Settings(path).get("models.backend") == "openai_compat"
    # the Models page follows at once, and the page marks the provider in use
    qtbot.waitUntil(lambda: backend.currentData() == "openai_compat", timeout=2000)
    assert page.provider_list.item(0).text() == "My server  (in use)"

    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    stored = Settings(path)
    assert stored.get("models.backend") == "openai_compat"
    assert stored.get("models.active_provider") == "My server"

    # and the other way round: the Models page's choice, applied, updates the page's mark
    dialog.show()
    dialog.show_page("Models and providers")
    backend.setCurrentIndex(backend.findData("local_gguf"))
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Apply), Qt.MouseButton.LeftButton)
    assert Settings(path).get("models.backend") == "local_gguf"
    qtbot.waitUntil(lambda: page.provider_list.item(0).text() == "My server", timeout=2000)
    dialog.reject()
    page.shutdown()


def test_a_pending_edit_is_kept_and_cancel_drops_it(qtbot: QtBot, tmp_path: Path) -> None:
    dialog, settings = make_dialog(qtbot, tmp_path / "s.json")
    dialog.show()
    fps = child(dialog, QSpinBox, "capture.record_fps")
    fps.setValue(24)
    settings.set("capture.record_fps", 30)  # someone else stores another value meanwhile
    qtbot.wait(50)
    assert fps.value() == 24  # the user's edit is not overwritten
    settings.set("capture.copy_to_clipboard", True)
    qtbot.waitUntil(lambda: child(dialog, QCheckBox, "capture.copy_to_clipboard").isChecked(), timeout=2000)
    dialog.reject()
    dialog.show()
    assert fps.value() == 30  # Cancel dropped the pending edit
    dialog.reject()


def spoken_labels(widget: QWidget) -> set[str]:
    """What a screen reader can announce as ``widget``'s label: its accessible name and the labels linked to it
    (Qt's accessibility interface, which AT-SPI publishes; on Linux a combo box's name is its current text,
    and the linked label names it)."""
    from PySide6.QtGui import QAccessible

    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    linked = {other.text(QAccessible.Text.Name) for other, _ in interface.relations(QAccessible.RelationFlag.Label)}
    return {interface.text(QAccessible.Text.Name), *(text.rstrip("*") for text in linked)}


def test_every_setting_field_is_named_by_its_label(qtbot: QtBot, tmp_path: Path) -> None:
    """A screen reader says the setting's label, not just "check box"; the label is linked to its field."""
    from desktop_helper.ui.schema_i18n import tr

    dialog, _ = make_dialog(qtbot, tmp_path / "s.json")
    for setting in SCHEMA:
        if not setting.visible:
            continue
        editor = child(dialog, QWidget, setting.key)
        assert editor.accessibleName() == tr(setting.label), setting.key
        assert tr(setting.label) in spoken_labels(editor), setting.key
        linked = [label for label in dialog.findChildren(QLabel) if label.buddy() is editor]
        assert [label.text().rstrip("*") for label in linked] == [tr(setting.label)], setting.key


def record_hotkey(qtbot: QtBot, edit: HotkeyEdit, letter: str) -> None:
    """Click the hotkey field and press Ctrl+Alt+``letter`` (key events through Qt, as the keyboard sends them)."""
    qtbot.mouseClick(edit.field, Qt.MouseButton.LeftButton)
    edit.field.setFocus()
    qtbot.keyClick(
        edit.field,
        getattr(Qt.Key, f"Key_{letter.upper()}"),
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier,
    )
    assert edit.value() == f"<ctrl>+<alt>+{letter}"


def test_a_value_stored_in_its_normal_form_is_not_applied_again(qtbot: QtBot, tmp_path: Path) -> None:
    """A hotkey recorded as Ctrl+Alt+H is stored as "<ctrl>+<alt>+h". Each later Apply or OK (say,
    after changing the language) must not store it again: every store restarted the global hotkey
    listener (blocking the GUI about half a second) and repeated its warnings."""
    dialog, settings = make_dialog(qtbot, tmp_path / "s.json")
    dialog.show()
    changes: list[tuple[str, object]] = []
    settings.on_change(lambda key, value: changes.append((key, value)))
    record_hotkey(qtbot, child(dialog, HotkeyEdit, "hotkeys.toggle_chat"), "h")
    assert dialog.apply()
    assert changes == [("hotkeys.toggle_chat", "<ctrl>+<alt>+h")]
    assert dialog.apply()
    child(dialog, QComboBox, "language.ui").setCurrentIndex(2)
    dialog.accept()
    assert changes == [("hotkeys.toggle_chat", "<ctrl>+<alt>+h"), ("language.ui", "zh_CN")]


def test_the_same_hotkey_for_two_actions_is_refused_in_the_dialog(qtbot: QtBot, tmp_path: Path) -> None:
    """Found using the app: Ctrl+Alt+H for both "Show/hide chat" and "Find on screen" was stored,
    then a tray balloon said only the first works, again at every Apply. Say it where it is typed."""
    dialog, settings = make_dialog(qtbot, tmp_path / "s.json")
    dialog.show()
    record_hotkey(qtbot, child(dialog, HotkeyEdit, "hotkeys.toggle_chat"), "h")
    find = child(dialog, HotkeyEdit, "hotkeys.find")
    record_hotkey(qtbot, find, "h")
    dialog.accept()
    assert dialog.isVisible()
    assert "Find on screen has the same hotkey as Show/hide chat (<ctrl>+<alt>+h)" in dialog.errors.text()
    assert settings.get("hotkeys.toggle_chat") == "<ctrl>+<alt>+h"
    assert settings.get("hotkeys.find") == "<ctrl>+<alt>+<shift>+f"
    record_hotkey(qtbot, find, "j")
    dialog.accept()
    assert not dialog.isVisible()
    assert settings.get("hotkeys.find") == "<ctrl>+<alt>+j"
