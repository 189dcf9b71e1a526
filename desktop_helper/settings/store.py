"""The settings file: only changed values plus a schema version, written atomically.

A corrupt or unreadable file never stops the app: it is copied aside, defaults are used, and
the user is told where the copy is. A read-only config folder keeps the changes in memory
for this session and says so.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop_helper.core.errors import SettingsError
from desktop_helper.settings.schema import BY_KEY, MIGRATIONS, SCHEMA_VERSION

log = logging.getLogger(__name__)

Listener = Callable[[str, Any], None]


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so readers see the old or the new file, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class Settings:
    """Typed access to the settings, backed by a JSON file.

    ``problems`` lists what went wrong while loading (for the message channel); listeners are
    called with ``(key, new_value)`` after a successful ``set`` on the caller's thread.
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._values: dict[str, Any] = {}
        self._listeners: list[Listener] = []
        self._lock = threading.RLock()
        self.problems: list[SettingsError] = []
        self._problem_listeners: list[Callable[[SettingsError], None]] = []
        self.read_only = False
        if path is not None:
            self._load(path)

    # ----- reading
    def get(self, key: str) -> Any:
        setting = BY_KEY[key]
        with self._lock:
            value = self._values.get(key, setting.default)
        # lists and dicts are returned as copies so callers cannot change settings behind our back
        return json.loads(json.dumps(value)) if isinstance(value, (list, dict)) else value

    def is_default(self, key: str) -> bool:
        with self._lock:
            return key not in self._values

    def changed_values(self) -> dict[str, Any]:
        with self._lock:
            return dict(self._values)

    # ----- writing
    def set(self, key: str, value: Any) -> None:
        """Validate and store a value; raise SettingsError (with the reason) if it is not valid."""
        try:
            setting = BY_KEY[key]
        except KeyError:
            raise SettingsError(f"There is no setting called {key!r}.") from None
        try:
            value = setting.validate(value)
        except ValueError as exc:
            raise SettingsError(str(exc)) from None
        with self._lock:
            if value == setting.default:
                self._values.pop(key, None)
            else:
                self._values[key] = value
            self._save()
        for listener in list(self._listeners):
            listener(key, value)

    def reset(self, key: str) -> None:
        self.set(key, BY_KEY[key].default)

    def on_change(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
        """Stop calling ``listener`` (a window that closes); unknown listeners are ignored."""
        if listener in self._listeners:
            self._listeners.remove(listener)

    # ----- file
    def _load(self, path: Path) -> None:
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return
        except OSError as exc:
            self._problem(f"The settings file {path} could not be read ({exc.strerror}).", "Defaults are used for now.")
            return
        try:
            stored = json.loads(text)
            if not isinstance(stored, dict) or not isinstance(stored.get("values", {}), dict):
                raise ValueError("not a settings object")
        except ValueError:
            backup = self._backup(path, "corrupt")
            self._problem(
                f"The settings file {path} is damaged; defaults are used.",
                f"The damaged file was kept as {backup}." if backup else None,
            )
            return
        version = stored.get("version", 1)
        values: dict[str, Any] = stored.get("values", {})
        if isinstance(version, int) and version < SCHEMA_VERSION:
            self._backup(path, f"v{version}")
            for step in range(version, SCHEMA_VERSION):
                values = MIGRATIONS[step](values)
        for key, value in values.items():
            setting = BY_KEY.get(key)
            if setting is None:
                log.info("ignoring unknown setting %s", key)
                continue
            try:
                self._values[key] = setting.validate(value)
            except ValueError as exc:
                self._problem(f"Setting {key!r} was invalid and is back to its default: {exc}")

    def _backup(self, path: Path, reason: str) -> Path | None:
        backup = path.with_name(f"{path.name}.{reason}-{time.strftime('%Y%m%d-%H%M%S')}.bak")
        try:
            shutil.copy2(path, backup)
        except OSError:
            log.warning("could not back up %s", path)
            return None
        return backup

    def _save(self) -> None:
        if self.path is None:
            return
        document = {"version": SCHEMA_VERSION, "values": self._values}
        try:
            atomic_write_text(self.path, json.dumps(document, indent=2, sort_keys=True) + "\n")
            self.read_only = False
        except OSError as exc:
            if not self.read_only:
                self.read_only = True
                self._problem(
                    f"Settings cannot be saved to {self.path.parent} ({exc.strerror}).",
                    "Your changes last until you quit. Make the folder writable to keep them.",
                )

    def _problem(self, message: str, fix: str | None = None) -> None:
        log.warning("%s %s", message, fix or "")
        self.problems.append(SettingsError(message, fix))
        for listener in list(self._problem_listeners):
            listener(self.problems[-1])

    def on_problem(self, listener: Callable[[SettingsError], None]) -> None:
        """Be told about problems found after start-up (e.g. a save that failed)."""
        self._problem_listeners.append(listener)
