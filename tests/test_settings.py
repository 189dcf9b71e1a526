from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_helper.core.errors import SettingsError
from desktop_helper.settings import schema
from desktop_helper.settings.schema import BY_KEY, SCHEMA, SCHEMA_VERSION, SECTIONS
from desktop_helper.settings.store import Settings


def test_every_setting_is_valid_and_in_a_section() -> None:
    assert len({s.key for s in SCHEMA}) == len(SCHEMA)
    for setting in SCHEMA:
        assert setting.section in SECTIONS, setting.key
        assert setting.validate(setting.default) == setting.default
        assert setting.description.endswith((".", ")")), setting.key


def test_defaults_then_changes_are_stored_sparsely(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    settings = Settings(path)
    assert settings.get("capture.record_fps") == 15
    assert not path.exists()
    settings.set("capture.record_fps", 30)
    stored = json.loads(path.read_text())
    assert stored == {"version": SCHEMA_VERSION, "values": {"capture.record_fps": 30}}
    settings.set("capture.record_fps", 15)  # back to the default: not stored any more
    assert json.loads(path.read_text())["values"] == {}
    assert Settings(path).get("capture.record_fps") == 15


def test_values_survive_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    Settings(path).set("language.ui", "zh_CN")
    assert Settings(path).get("language.ui") == "zh_CN"


@pytest.mark.parametrize(
    ("key", "value", "reason"),
    [
        ("capture.record_fps", 0, "at least 1"),
        ("capture.record_fps", 61, "at most 60"),
        ("capture.record_fps", "15", "whole number"),
        ("capture.record_fps", True, "whole number"),
        ("language.ui", "fr", "one of"),
        ("general.start_at_login", 1, "on or off"),
        ("no.such_key", 1, "no setting"),
    ],
)
def test_invalid_values_are_refused_with_a_reason(tmp_path: Path, key: str, value: object, reason: str) -> None:
    settings = Settings(tmp_path / "settings.json")
    with pytest.raises(SettingsError, match=reason):
        settings.set(key, value)
    assert not (tmp_path / "settings.json").exists()


def test_listeners_hear_changes(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.json")
    heard: list[tuple[str, object]] = []
    settings.on_change(lambda key, value: heard.append((key, value)))
    settings.set("overlay.fade_seconds", 3)
    assert heard == [("overlay.fade_seconds", 3.0)]


def test_corrupt_file_is_kept_aside_and_defaults_used(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"version": 1, "values": {"capture.record_fps": 30')  # truncated
    settings = Settings(path)
    assert settings.get("capture.record_fps") == 15
    assert len(settings.problems) == 1
    assert "damaged" in settings.problems[0].message
    backups = list(tmp_path.glob("settings.json.damaged-*"))
    assert len(backups) == 1
    assert backups[0].read_text().endswith("30")
    settings.set("capture.record_fps", 20)  # and the app can save again
    assert Settings(path).get("capture.record_fps") == 20


def test_invalid_stored_value_falls_back_to_default(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"version": 1, "values": {"capture.record_fps": 999, "gone.setting": 1, "language.ui": "en"}}))
    settings = Settings(path)
    assert settings.get("capture.record_fps") == 15
    assert settings.get("language.ui") == "en"
    assert ["capture.record_fps" in p.message for p in settings.problems] == [True]


def test_unwritable_path_keeps_changes_in_memory(tmp_path: Path) -> None:
    # a file where the folder should be fails the same way a read-only folder does, even as root
    blocker = tmp_path / "config"
    blocker.write_text("not a folder")
    problems: list[str] = []
    settings = Settings(blocker / "settings.json")
    settings.on_problem(lambda problem: problems.append(problem.message))
    settings.set("capture.record_fps", 30)
    settings.set("capture.record_fps", 31)
    assert settings.get("capture.record_fps") == 31
    assert settings.read_only
    assert len(problems) == 1  # said once, not on every change
    assert "cannot be saved" in problems[0]


def test_old_schema_is_migrated_after_a_backup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"version": 1, "values": {"capture.fps": 24}}))
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 2)
    monkeypatch.setattr("desktop_helper.settings.store.SCHEMA_VERSION", 2)
    renamed = {1: lambda values: {("capture.record_fps" if k == "capture.fps" else k): v for k, v in values.items()}}
    monkeypatch.setattr("desktop_helper.settings.store.MIGRATIONS", renamed)
    settings = Settings(path)
    assert settings.get("capture.record_fps") == 24
    assert list(tmp_path.glob("settings.json.v1-*"))


def test_list_settings_are_copies(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "s.json")
    providers = settings.get("models.providers")
    providers.append({"name": "x"})
    assert settings.get("models.providers") == []
    assert BY_KEY["models.providers"].default == []


def test_typed_accessors_return_the_declared_type_and_refuse_another(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.json")
    accessors = {bool: settings.get_bool, int: settings.get_int, float: settings.get_float, str: settings.get_str}
    for setting in SCHEMA:
        if setting.type in accessors:
            value = accessors[setting.type](setting.key)
            assert type(value) is setting.type, setting.key  # defaults too: 8, not 8.0, would be a schema bug
    settings.set("overlay.fade_seconds", 3)  # an int for a float setting is stored as a float
    assert settings.get_float("overlay.fade_seconds") == 3.0
    settings.set("capture.record_fps", 12)
    assert settings.get_int("capture.record_fps") == 12
    with pytest.raises(TypeError, match=r"capture\.record_fps is declared as int, not bool"):
        settings.get_bool("capture.record_fps")
    with pytest.raises(TypeError, match="declared as str, not int"):
        settings.get_int("language.ui")
    # a damaged file is repaired on load, so the accessors still get the declared type
    (tmp_path / "bad.json").write_text(json.dumps({"version": SCHEMA_VERSION, "values": {"capture.record_fps": "fast"}}))
    assert settings.get_int("capture.record_fps") == 12
    assert Settings(tmp_path / "bad.json").get_int("capture.record_fps") == BY_KEY["capture.record_fps"].default
