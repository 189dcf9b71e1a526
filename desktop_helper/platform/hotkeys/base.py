"""Global hotkeys behind one interface.

A service listens for the configured hotkeys and calls ``on_hotkey(action)`` from its own
thread: the UI must forward that to the GUI thread through a queued signal. While the app itself
types or presses keys (the GUI agent), wrap that in :meth:`HotkeyService.suspended` so our own
synthetic keys cannot trigger our hotkeys.
"""

from __future__ import annotations

import abc
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass

from desktop_helper.core.i18n import t
from desktop_helper.parsers.hotkeys import Hotkey, HotkeyError, conflict_note, duplicate_bindings, parse_hotkey

OnHotkey = Callable[[str], None]


@dataclass(frozen=True)
class HotkeyProblem:
    """A hotkey that will not work (or not only for us), in words for the user."""

    action: str
    message: str
    fix: str | None = None


class HotkeyService(abc.ABC):
    """Listens for global hotkeys. ``start`` may be called again to change the bindings."""

    #: short description for logs and the status command
    name: str = "hotkeys"

    def __init__(self) -> None:
        self._suspend_count = 0
        self._suspend_lock = threading.Lock()

    @abc.abstractmethod
    def start(self, bindings: Mapping[str, str], on_hotkey: OnHotkey) -> list[HotkeyProblem]:
        """Listen for ``bindings`` (action -> hotkey string); returns what could not be set up."""

    @abc.abstractmethod
    def stop(self) -> None:
        """Stop listening and end the listener thread (idempotent)."""

    @property
    def running(self) -> bool:
        return False

    def add_temporary(self, name: str, hotkey: Hotkey, on_press: Callable[[], None]) -> bool:
        """Also listen for ``hotkey``, which may lack a modifier (Escape), until :meth:`remove_temporary`.

        For a key that means something to the app only for a while, like Escape while boxes are on the
        screen; the rest of the time it is the other programs' alone. A configured hotkey with the same
        keys wins. ``on_press`` runs on the listener thread, and never while :meth:`suspended`.

        Returns:
            Whether the key is heard now (False: no global hotkeys here, or none started).
        """
        return False

    def remove_temporary(self, name: str) -> None:  # noqa: B027 - nothing to remove where nothing is heard
        """Stop listening for the temporary hotkey ``name`` (an unknown name is ignored)."""

    @contextmanager
    def suspended(self) -> Iterator[None]:
        """No hotkey fires inside this block (nesting and several threads are fine)."""
        with self._suspend_lock:
            self._suspend_count += 1
        try:
            yield
        finally:
            with self._suspend_lock:
                self._suspend_count -= 1

    @property
    def is_suspended(self) -> bool:
        return self._suspend_count > 0


def parse_bindings(bindings: Mapping[str, str]) -> tuple[dict[str, Hotkey], list[HotkeyProblem]]:
    """Parse every binding; unusable ones become problems, duplicates keep the first action."""
    parsed: dict[str, Hotkey] = {}
    problems: list[HotkeyProblem] = []
    for action, text in bindings.items():
        if not text.strip():
            continue
        try:
            parsed[action] = parse_hotkey(text)
        except HotkeyError as exc:
            problems.append(
                HotkeyProblem(
                    action,
                    t("The hotkey for {replace} is not usable: {exc}", replace=action.replace("_", " "), exc=exc),
                    t("Change it in Settings > Hotkeys."),
                )
            )
    for first, second in duplicate_bindings({a: str(h) for a, h in parsed.items()}):
        hotkey = parsed.pop(second)
        problems.append(
            HotkeyProblem(
                second,
                t(
                    "{hotkey} is set for both {replace} and {replace2}; only the first works.",
                    hotkey=hotkey.display(),
                    replace=first.replace("_", " "),
                    replace2=second.replace("_", " "),
                ),
                t("Give each action its own hotkey in Settings > Hotkeys."),
            )
        )
    for action, hotkey in parsed.items():
        note = conflict_note(hotkey)
        if note:
            problems.append(
                HotkeyProblem(
                    action,
                    t("{hotkey} may not reach Desktop Helper: {note}.", hotkey=hotkey.display(), note=note),
                    t("Choose another hotkey in Settings > Hotkeys."),
                )
            )
    return parsed, problems


class NullHotkeys(HotkeyService):
    """No global hotkeys on this system; ``start`` explains why and what to do instead."""

    name = "none"

    def __init__(self, message: str, fix: str) -> None:
        super().__init__()
        self.message = message
        self.fix = fix

    def start(self, bindings: Mapping[str, str], on_hotkey: OnHotkey) -> list[HotkeyProblem]:
        return [HotkeyProblem("*", self.message, self.fix)] if any(v.strip() for v in bindings.values()) else []

    def stop(self) -> None:
        pass
