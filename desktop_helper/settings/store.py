"""The settings file: only changed values plus a schema version, written atomically.

A damaged or unreadable file never stops the app: it is copied aside
(``settings.json.damaged-<time>``), every value that can still be read is kept, defaults are used for
the rest, and the user is told what happened and where the copy is. A read-only config folder keeps the changes in memory
for this session and says so.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from desktop_helper.core.errors import SettingsError
from desktop_helper.core.i18n import t
from desktop_helper.core.wording import has_undecodable_text
from desktop_helper.settings.schema import BY_KEY, MIGRATIONS, SCHEMA_VERSION, Setting

log = logging.getLogger(__name__)

Listener = Callable[[str, Any], None]
_T = TypeVar("_T")

#: settings nest a few levels (values > providers > provider > extra); deeper is damage, and Python's
#: JSON parser would raise RecursionError on about a thousand levels
MAX_NESTING = 32
_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _drop_deep_nesting(text: str, limit: int) -> tuple[str, bool]:
    """``text`` with every array or object nested deeper than ``limit`` replaced by ``null``."""
    depth = 0
    start = 0
    cuts: list[tuple[int, int]] = []
    for token in _JSON_TOKEN.finditer(text):
        char = token.group()
        if char in "[{":
            depth += 1
            if depth == limit + 1:
                start = token.start()
        elif char in "]}":
            if depth == limit + 1:
                cuts.append((start, token.end()))
            depth = max(depth - 1, 0)
    if depth > limit:  # unclosed: cut to the end
        cuts.append((start, len(text)))
    if not cuts:
        return text, False
    pieces, position = [], 0
    for begin, end in cuts:
        pieces += [text[position:begin], "null"]
        position = end
    pieces.append(text[position:])
    return "".join(pieces), True


def _salvage_values(text: str) -> dict[str, Any]:
    """The settings readable from the start of a damaged file (e.g. one cut short by a full disk)."""
    values: dict[str, Any] = {}
    opening = re.search(r'"values"\s*:\s*\{', text)
    if opening is None:
        return values
    decoder = json.JSONDecoder()
    position = opening.end()
    try:
        while True:
            position = _skip_space(text, position)
            key, position = decoder.raw_decode(text, position)
            position = _skip_space(text, position)
            if not isinstance(key, str) or text[position : position + 1] != ":":
                break
            value, position = decoder.raw_decode(text, _skip_space(text, position + 1))
            position = _skip_space(text, position)
            ending = text[position : position + 1]
            if ending not in (",", "}"):
                break  # a number at the very end may have been cut short: 30 of 300
            values[key] = value
            if ending == "}":
                break
            position += 1
    except ValueError:
        pass
    return values


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\r\n":
        position += 1
    return position


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

    def get_bool(self, key: str) -> bool:
        """The value of a ``bool`` setting (TypeError if the schema declares another type: a bug, not bad input)."""
        return self._typed(key, bool)

    def get_int(self, key: str) -> int:
        """The value of an ``int`` setting."""
        return self._typed(key, int)

    def get_float(self, key: str) -> float:
        """The value of a ``float`` setting."""
        return self._typed(key, float)

    def get_str(self, key: str) -> str:
        """The value of a ``str`` setting."""
        return self._typed(key, str)

    def _typed(self, key: str, kind: type[_T]) -> _T:
        declared = BY_KEY[key].type
        if declared is not kind:
            raise TypeError(f"The setting {key} is declared as {declared.__name__}, not {kind.__name__}.")
        value = self.get(key)
        # set() and _load() validate against the schema, so a stored value has the declared type
        assert isinstance(value, kind), (key, value)
        return value

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
            raise SettingsError(t("There is no setting called {key!r}.", key=key)) from None
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
            data = path.read_bytes()
        except FileNotFoundError:
            return
        except OSError as exc:
            self._problem(f"The settings file {path} could not be read ({exc.strerror}).", "Defaults are used for now.")
            return
        # bytes that are not UTF-8 spoil only the values they sit in: those are refused one by one below
        text = data.decode("utf-8", "surrogateescape")
        damage: list[str] = []
        if has_undecodable_text(text):
            damage.append("it contains bytes that are not UTF-8 text")
        text, too_deep = _drop_deep_nesting(text, MAX_NESTING)
        if too_deep:
            damage.append(f"parts nested more than {MAX_NESTING} levels deep were ignored")
        try:
            stored = json.loads(text)
        except ValueError:
            stored = {"values": _salvage_values(text)}
            damage.append("it is not complete, valid JSON")
        if not isinstance(stored, dict) or not isinstance(stored.get("values", {}), dict):
            stored = {"values": {}}
            damage.append("it does not hold settings")
        values: dict[str, Any] = stored.get("values", {})
        version = stored.get("version", SCHEMA_VERSION if damage else 1)
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            damage.append(f"its version ({version!r:.40}) is not valid")
        elif version > SCHEMA_VERSION:
            damage.append(f"it was written by a newer version of the app (settings version {version})")
        elif version < SCHEMA_VERSION:
            self._backup(path, f"v{version}")
            for step in range(version, SCHEMA_VERSION):
                values = MIGRATIONS[step](values)
        invalid: list[str] = []
        for key, value in values.items():
            setting = BY_KEY.get(key)
            if setting is None:
                log.info("ignoring unknown setting %s", key)
                continue
            try:
                self._values[key] = setting.validate(value)
            except ValueError as exc:
                repaired = self._repair(setting, value)
                if repaired is None:
                    invalid.append(f"{key} is back to its default: {exc}")
                else:
                    self._values[key], dropped = repaired
                    invalid.extend(dropped)
        if not damage and not invalid:
            return
        # keep the file as it was: the next save writes only what could be read
        backup = self._backup(path, "damaged")
        if damage:
            readable = "the settings that could be read are kept, " if self._values else ""
            message = f"The settings file {path} is damaged ({'; '.join(damage)}); {readable}defaults are used for the rest."
        else:
            message = f"The settings file {path} had invalid values; the others are kept."
        if invalid:
            message += " " + " ".join(invalid)
        self._problem(message, f"The original was kept as {backup}." if backup else "The original could not be copied aside.")

    @staticmethod
    def _repair(setting: Setting, value: Any) -> tuple[Any, list[str]] | None:
        """The valid part of a damaged value and what was dropped, or None if nothing can be kept."""
        if setting.repair is None:
            return None
        repaired, dropped = setting.repair(value)
        try:
            return setting.validate(repaired), dropped
        except ValueError:
            return None

    def _backup(self, path: Path, reason: str) -> Path | None:
        backup = path.with_name(f"{path.name}.{reason}-{time.strftime('%Y%m%d-%H%M%S')}")
        if backup.exists():
            backup = backup.with_name(f"{backup.name}-{os.getpid()}-{time.monotonic_ns()}")
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
                    t("Settings cannot be saved to {folder} ({strerror}).", folder=self.path.parent, strerror=exc.strerror),
                    t("Your changes last until you quit. Make the folder writable to keep them."),
                )

    def _problem(self, message: str, fix: str | None = None) -> None:
        log.warning("%s %s", message, fix or "")
        self.problems.append(SettingsError(message, fix))
        for listener in list(self._problem_listeners):
            listener(self.problems[-1])

    def on_problem(self, listener: Callable[[SettingsError], None]) -> None:
        """Be told about problems found after start-up (e.g. a save that failed)."""
        self._problem_listeners.append(listener)
