"""Hotkey strings (pynput's syntax, e.g. ``<ctrl>+<alt>+<shift>+a``): parsing, validation, matching.

Pure code with no pynput import, so settings can validate hotkeys without a display and the
matching rules are unit-tested without a keyboard.

Matching is exact: a hotkey fires when its last key goes down while exactly its modifiers are
held. pynput's own ``HotKey`` also fires with extra modifiers held, so Ctrl+Alt+Shift+A would
trigger a Ctrl+Alt+A binding too; here it does not.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass

from desktop_helper.core.i18n import marked, t

#: modifier names as written in hotkey strings; left/right variants count as the same key
MODIFIERS = ("ctrl", "alt", "shift", "cmd", "alt_gr")
_MODIFIER_ALIASES = {
    "control": "ctrl",
    "ctrl_l": "ctrl",
    "ctrl_r": "ctrl",
    "alt_l": "alt",
    "alt_r": "alt",
    "option": "alt",
    "shift_l": "shift",
    "shift_r": "shift",
    "cmd_l": "cmd",
    "cmd_r": "cmd",
    "win": "cmd",
    "super": "cmd",
    "meta": "cmd",
    "command": "cmd",
}
#: named keys pynput knows (besides single characters)
NAMED_KEYS = frozenset(
    [f"f{n}" for n in range(1, 25)]
    + [
        "space", "tab", "enter", "esc", "backspace", "delete", "insert", "home", "end", "page_up", "page_down",
        "up", "down", "left", "right", "print_screen", "pause", "scroll_lock", "menu", "caps_lock", "num_lock",
    ]
)  # fmt: skip
_KEY_ALIASES = {
    "return": "enter",
    "escape": "esc",
    "del": "delete",
    "ins": "insert",
    "pgup": "page_up",
    "pgdn": "page_down",
    "prtsc": "print_screen",
}
_DISPLAY = {"ctrl": "Ctrl", "alt": "Alt", "shift": "Shift", "cmd": "Win/Cmd", "alt_gr": "AltGr"}


class HotkeyError(ValueError):
    """A hotkey string that cannot be used, with a readable reason."""


@dataclass(frozen=True)
class Hotkey:
    """A parsed hotkey: a set of modifiers and one key."""

    modifiers: frozenset[str]
    key: str

    def __str__(self) -> str:
        """The canonical pynput-style string (modifiers in a fixed order)."""
        parts = [f"<{m}>" for m in MODIFIERS if m in self.modifiers]
        parts.append(self.key if len(self.key) == 1 else f"<{self.key}>")
        return "+".join(parts)

    def display(self) -> str:
        """For people: ``Ctrl+Alt+Shift+A``."""
        names = [_DISPLAY[m] for m in MODIFIERS if m in self.modifiers]
        names.append(self.key.upper() if len(self.key) == 1 else self.key.replace("_", " ").title())
        return "+".join(names)


def normalize_key_name(name: str) -> str:
    """A key name in our canonical form (``ctrl_l`` -> ``ctrl``, ``A`` -> ``a``)."""
    lowered = name.lower()
    if len(name) == 1:
        return lowered
    lowered = _MODIFIER_ALIASES.get(lowered, lowered)
    return _KEY_ALIASES.get(lowered, lowered)


def parse_hotkey(text: str) -> Hotkey:
    """Parse ``<ctrl>+<alt>+<shift>+a`` (also accepts ``Ctrl+Alt+Shift+A``).

    Raises:
        HotkeyError: empty, unknown key, no modifier, several keys, or a key used twice.
    """
    raw = text.strip()
    if not raw:
        raise HotkeyError(t("The hotkey is empty."))
    tokens = [t.strip() for t in raw.replace("++", "+<plus>").split("+")]
    modifiers: set[str] = set()
    keys: list[str] = []
    for token in tokens:
        if not token:
            raise HotkeyError(t("'{text}' has an empty part; write keys like <ctrl>+<alt>+<shift>+a.", text=text))
        name = token[1:-1] if token.startswith("<") and token.endswith(">") else token
        if name == "plus":
            name = "+"
        if len(name) == 1:
            if not name.isprintable() or name.isspace():
                raise HotkeyError(t("'{text}' contains a key that cannot be typed.", text=text))
            keys.append(name.lower())
            continue
        canonical = normalize_key_name(name)
        if canonical in MODIFIERS:
            if canonical in modifiers:
                raise HotkeyError(t("'{text}' names {canonical} twice.", text=text, canonical=canonical))
            modifiers.add(canonical)
        elif canonical in NAMED_KEYS:
            keys.append(canonical)
        else:
            raise HotkeyError(
                t(
                    "'{name}' in '{text}' is not a key name (use e.g. <ctrl>, <alt>, <shift>, <cmd>, <f5>, a).",
                    name=name,
                    text=text,
                )
            )
    if len(keys) != 1:
        raise HotkeyError(t("'{text}' must have exactly one key besides the modifiers, not {count}.", text=text, count=len(keys)))
    key = keys[0]
    standalone = (key.startswith("f") and key[1:].isdigit()) or key in ("print_screen", "pause", "scroll_lock", "insert", "menu")
    if not modifiers and not standalone:
        raise HotkeyError(
            t("'{text}' needs a modifier (Ctrl, Alt, Shift or Win/Cmd), or it would fire while you type.", text=text)
        )
    if "shift" in modifiers and len(key) == 1 and not key.isalpha():
        raise HotkeyError(
            t(
                "'{text}': with Shift the key '{key}' types another character on most layouts; use a letter or a named key.",
                text=text,
                key=key,
            )
        )
    if modifiers == {"shift"} and len(key) == 1:
        raise HotkeyError(t("'{text}' is just a capital letter; add Ctrl, Alt or Win/Cmd.", text=text))
    return Hotkey(frozenset(modifiers), key)


#: combinations other programs own (Snipping Tool, OneDrive, Edge, ShareX...): allowed but warned about
KNOWN_CONFLICTS: dict[str, str] = {
    "<print_screen>": marked("PrtSc is taken by the Snipping Tool, OneDrive or the desktop's screenshot tool"),
    "<cmd>+<shift>+s": marked("Win+Shift+S opens the Snipping Tool on Windows"),
    "<cmd>+<shift>+a": marked("Win+Shift+A is taken by Windows (Copilot / action centre)"),
    "<cmd>+<shift>+<print_screen>": marked("taken by the Windows screenshot tools"),
}


def conflict_note(hotkey: Hotkey) -> str | None:
    """Why a hotkey may be taken by the OS or a common tool, if it is one of those."""
    if hotkey.key == "print_screen":
        return t(KNOWN_CONFLICTS["<print_screen>"])
    for text, note in KNOWN_CONFLICTS.items():
        if parse_hotkey(text) == hotkey:
            return t(note)
    return None


def validate_hotkey_setting(value: str) -> str:
    """The canonical form of a hotkey setting; empty means 'no hotkey'.

    Raises:
        HotkeyError: the string cannot be parsed.
    """
    if not value.strip():
        return ""
    return str(parse_hotkey(value))


def duplicate_bindings(bindings: Mapping[str, str]) -> list[tuple[str, str]]:
    """Pairs of actions bound to the same hotkey (ignores empty and unparsable ones)."""
    seen: dict[Hotkey, str] = {}
    duplicates = []
    for action, text in bindings.items():
        try:
            hotkey = parse_hotkey(text) if text.strip() else None
        except HotkeyError:
            continue
        if hotkey is None:
            continue
        if hotkey in seen:
            duplicates.append((seen[hotkey], action))
        else:
            seen[hotkey] = action
    return duplicates


class HotkeyMatcher:
    """Tracks which keys are down and says which binding a key press completes.

    Feed it canonical key names (see :func:`normalize_key_name`) and, where the platform knows
    them, the physical key (an X keycode, a Windows or macOS virtual key) and the modifiers the OS
    says are held. Repeated presses of a held key (auto-repeat, or servers that report modifiers
    twice) do not fire again.

    Held keys are keyed by the physical key because a key's name can change between its press and
    its release: with Shift let go first, ``?`` goes down and ``/`` comes up. And no lost release
    may block later chords: held keys are forgotten whenever the set of held modifiers changes
    (they were pressed under other modifiers, so they cannot spoil the next chord), keys held with
    no modifier never count against a chord, and the OS's modifier state, when given, replaces
    ours, so a modifier whose release we missed (Alt after Alt+Tab) is not stuck either.
    """

    def __init__(self, bindings: Mapping[str, Hotkey] | Iterable[tuple[str, Hotkey]]) -> None:
        items = bindings.items() if isinstance(bindings, Mapping) else bindings
        self._by_hotkey: dict[Hotkey, str] = {hotkey: name for name, hotkey in items}
        self._modifiers: frozenset[str] = frozenset()
        self._held: set[Hashable] = set()  # physical keys (not modifiers) down under the current modifiers

    @property
    def modifiers(self) -> frozenset[str]:
        """The modifiers believed held."""
        return self._modifiers

    @property
    def held(self) -> frozenset[Hashable]:
        """The physical keys (other than modifiers) believed held under the current modifiers."""
        return frozenset(self._held)

    def _set_modifiers(self, modifiers: frozenset[str]) -> None:
        if modifiers != self._modifiers:
            self._modifiers = modifiers
            self._held.clear()

    def press(self, key: str, physical: Hashable | None = None, modifiers: Iterable[str] | None = None) -> str | None:
        """Record a key going down; the name of the binding it completes, if any.

        Args:
            key: the canonical key name.
            physical: the same value for the key's press and release whatever Shift does (default: ``key``).
            modifiers: the modifiers the OS reports held just before this event, if it reports them.
        """
        if modifiers is not None:
            self._set_modifiers(frozenset(modifiers))
        if key in MODIFIERS:
            self._set_modifiers(self._modifiers | {key})
            return None
        physical = key if physical is None else physical
        if physical in self._held:
            return None  # auto-repeat
        another_key_held = bool(self._held) and bool(self._modifiers)
        self._held.add(physical)
        if another_key_held:
            return None  # another key went down under these modifiers: not a clean chord
        return self._by_hotkey.get(Hotkey(self._modifiers, key))

    def release(self, key: str, physical: Hashable | None = None, modifiers: Iterable[str] | None = None) -> None:
        """Record a key coming up (arguments as for :meth:`press`)."""
        if modifiers is not None:
            self._set_modifiers(frozenset(modifiers))
        if key in MODIFIERS:
            self._set_modifiers(self._modifiers - {key})
        else:
            self._held.discard(key if physical is None else physical)

    def bind(self, name: str, hotkey: Hotkey) -> None:
        """Add a binding while matching goes on; a binding already set for the same keys keeps them."""
        self._by_hotkey.setdefault(hotkey, name)

    def unbind(self, name: str) -> None:
        """Remove the bindings called ``name`` (held keys are kept)."""
        for hotkey in [h for h, bound in self._by_hotkey.items() if bound == name]:
            del self._by_hotkey[hotkey]

    def reset(self) -> None:
        """Forget held keys (after a suspension or when the listener restarts)."""
        self._modifiers = frozenset()
        self._held.clear()
