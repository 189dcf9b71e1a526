"""Key combinations as models write them (``ctrl+c``, ``Return``, ``alt+F4``) -> canonical key names.

Pure; the executor maps the canonical names to its input library's keys.
"""

from __future__ import annotations

#: canonical names the executors know, besides single characters
SPECIAL_KEYS: frozenset[str] = frozenset(
    {
        "ctrl",
        "alt",
        "shift",
        "cmd",
        "enter",
        "esc",
        "tab",
        "space",
        "backspace",
        "delete",
        "insert",
        "home",
        "end",
        "page_up",
        "page_down",
        "up",
        "down",
        "left",
        "right",
        "caps_lock",
        "print_screen",
        "menu",
        "pause",
        "num_lock",
        "scroll_lock",
        *(f"f{n}" for n in range(1, 21)),
    }
)
MODIFIERS: frozenset[str] = frozenset({"ctrl", "alt", "shift", "cmd"})

_ALIASES = {
    "control": "ctrl",
    "ctl": "ctrl",
    "ctrl_l": "ctrl",
    "ctrl_r": "ctrl",
    "lctrl": "ctrl",
    "rctrl": "ctrl",
    "option": "alt",
    "alt_l": "alt",
    "alt_r": "alt",
    "altgr": "alt",
    "shift_l": "shift",
    "shift_r": "shift",
    "super": "cmd",
    "win": "cmd",
    "windows": "cmd",
    "meta": "cmd",
    "command": "cmd",
    "super_l": "cmd",
    "cmd_l": "cmd",
    "return": "enter",
    "kp_enter": "enter",
    "escape": "esc",
    "del": "delete",
    "ins": "insert",
    "bksp": "backspace",
    "back_space": "backspace",
    "pageup": "page_up",
    "pgup": "page_up",
    "prior": "page_up",
    "pagedown": "page_down",
    "pgdn": "page_down",
    "next": "page_down",
    "arrowup": "up",
    "arrowdown": "down",
    "arrowleft": "left",
    "arrowright": "right",
    "up_arrow": "up",
    "down_arrow": "down",
    "left_arrow": "left",
    "right_arrow": "right",
    "capslock": "caps_lock",
    "printscreen": "print_screen",
    "print": "print_screen",
    "prtsc": "print_screen",
    "apps": "menu",
    "numlock": "num_lock",
    "scrolllock": "scroll_lock",
    "plus": "+",
    "minus": "-",
    "comma": ",",
    "period": ".",
    "slash": "/",
    "backslash": "\\",
    "semicolon": ";",
    "quote": "'",
    "apostrophe": "'",
    "equal": "=",
    "grave": "`",
    "spacebar": "space",
}


def parse_key_combo(keys: str) -> list[str]:
    """Split ``keys`` on ``+`` (or spaces) into canonical names; ``"ctrl++"`` means Ctrl and plus.

    Raises:
        ValueError: with a readable reason for an empty combination or a key we do not know.
    """
    text = keys.strip()
    if not text:
        raise ValueError("no key given")
    if len(text) == 1:
        return [text]
    raw = [*_split(text[:-2]), "+"] if text.endswith("++") else _split(text)
    result = [_canonical(name) for name in raw]
    if not result:
        raise ValueError(f"no key in {keys!r}")
    return result


def _split(text: str) -> list[str]:
    separator = "+" if "+" in text else " "
    return [piece.strip() for piece in text.split(separator) if piece.strip()]


def _canonical(name: str) -> str:
    if len(name) == 1:
        return name.lower() if name.isalpha() else name
    lowered = name.strip("<>").lower().replace("-", "_")
    lowered = _ALIASES.get(lowered, lowered)
    if lowered in SPECIAL_KEYS or len(lowered) == 1:
        return lowered
    raise ValueError(f"unknown key {name!r}")
