from __future__ import annotations

from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from desktop_helper.settings.schema import SCHEMA, SECTIONS
from desktop_helper.settings.store import Settings
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
