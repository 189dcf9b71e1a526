"""Global hotkeys with a pynput keyboard ``Listener`` (X11, Windows, macOS).

Why a plain ``Listener`` and our own matcher instead of pynput's ``GlobalHotKeys``: since pynput
1.8 ``GlobalHotKeys`` drops events flagged as injected, so anything that presses keys through
XTEST (xdotool, accessibility tools, remote desktops, our tests) never triggers it, and it fires
with extra modifiers held. The listener sees every key; :class:`HotkeyMatcher` demands the exact
modifiers; and our *own* synthetic input is kept out by :meth:`HotkeyService.suspended`, which
the agent wraps around its typing, rather than by the injected flag.

pynput does not register hotkeys with the OS (it watches all keys), so "already taken" is found
separately: on X11 by trying to grab the key on the root window (another program's grab makes it
fail with BadAccess); on Windows by trying ``RegisterHotKey``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from typing import Any

from desktop_helper.parsers.hotkeys import Hotkey, HotkeyMatcher, normalize_key_name
from desktop_helper.platform import system
from desktop_helper.platform.hotkeys.base import HotkeyProblem, HotkeyService, OnHotkey, parse_bindings

log = logging.getLogger(__name__)

#: finds actions whose hotkey another program holds: (parsed bindings) -> {action: who/why}
ConflictProbe = Callable[[Mapping[str, Hotkey]], dict[str, str]]


class PynputHotkeys(HotkeyService):
    """Hotkeys through ``pynput.keyboard.Listener``.

    Args:
        conflicts: finds hotkeys another program already holds (default: per OS; None to skip).
    """

    name = "pynput"

    def __init__(self, conflicts: ConflictProbe | str | None = "default") -> None:
        super().__init__()
        self._conflicts: ConflictProbe | None = default_conflict_probe() if conflicts == "default" else conflicts  # type: ignore[assignment]
        self._listener: Any = None
        self._matcher = HotkeyMatcher({})
        self._on_hotkey: OnHotkey | None = None
        self._lock = threading.Lock()

    @property
    def running(self) -> bool:
        listener = self._listener
        return bool(listener is not None and listener.running)

    def start(self, bindings: Mapping[str, str], on_hotkey: OnHotkey) -> list[HotkeyProblem]:
        parsed, problems = parse_bindings(bindings)
        self.stop()
        if not parsed:
            return problems
        if self._conflicts is not None:
            try:
                taken = self._conflicts(parsed)
            except Exception:  # the probe is advisory; listening matters more
                log.warning("could not check for hotkey conflicts", exc_info=True)
                taken = {}
            for action, why in taken.items():
                problems.append(
                    HotkeyProblem(
                        action,
                        f"{parsed[action].display()} ({action.replace('_', ' ')}) is already used by {why}; both may react.",
                        "Choose another hotkey in Settings > Hotkeys.",
                    )
                )
        try:
            from pynput import keyboard
        except Exception as exc:  # pynput raises ImportError with the real reason (no X connection, ...)
            return [*problems, HotkeyProblem("*", f"Global hotkeys are not available: {exc}".strip(), _no_hotkeys_fix())]
        macos_problem = _macos_trust_problem()
        if macos_problem is not None:
            problems.append(macos_problem)
        with self._lock:
            self._matcher = HotkeyMatcher(parsed)
            self._on_hotkey = on_hotkey
            listener = keyboard.Listener(on_press=self._pressed, on_release=self._released)
            listener.name = "hotkey-listener"
            self._listener = listener
        try:
            listener.start()
            ready = listener.wait_ready() if hasattr(listener, "wait_ready") else listener.wait()
        except Exception as exc:
            self.stop()
            return [*problems, HotkeyProblem("*", f"Global hotkeys could not start: {exc}.", _no_hotkeys_fix())]
        if ready is False or not listener.running:
            self.stop()
            return [
                *problems,
                HotkeyProblem("*", "Global hotkeys could not start (the keyboard listener stopped).", _no_hotkeys_fix()),
            ]
        log.info("listening for hotkeys: %s", ", ".join(f"{a}={h}" for a, h in parsed.items()))
        return problems

    def stop(self) -> None:
        with self._lock:
            listener, self._listener = self._listener, None
            self._matcher.reset()
        if listener is None:
            return
        listener.stop()
        if listener is threading.current_thread():
            return
        listener.join(0.5)
        if listener.is_alive():
            _wake_x11_listener(listener)
            listener.join(5)
        if listener.is_alive():
            log.warning("the hotkey listener did not stop")

    # ----- listener thread
    def _key_name(self, key: Any) -> str | None:
        if key is None:
            return None
        listener = self._listener
        if listener is not None:
            try:
                key = listener.canonical(key)
            except Exception:  # canonical() needs the platform backend; fall back to the raw key
                log.debug("canonical() failed for %r", key)
        name = getattr(key, "name", None)
        if name:  # pynput.keyboard.Key
            return normalize_key_name(name)
        char = getattr(key, "char", None)
        if char:
            return normalize_key_name(char)
        vk = getattr(key, "vk", None)
        if vk is not None and 0x41 <= vk <= 0x5A:  # Windows virtual keys and X keysyms of A-Z
            return chr(vk).lower()
        if vk is not None and 0x61 <= vk <= 0x7A:
            return chr(vk)
        return None

    def _pressed(self, key: Any, injected: bool = False) -> None:
        name = self._key_name(key)
        if name is None:
            return
        with self._lock:
            action = self._matcher.press(name)
            callback = self._on_hotkey
        if action is None or callback is None:
            return
        if self.is_suspended:
            log.debug("hotkey %s ignored: the app is typing", action)
            return
        try:
            callback(action)
        except Exception:  # an exception here would stop the listener, and every hotkey with it
            log.exception("hotkey handler for %s failed", action)

    def _released(self, key: Any, injected: bool = False) -> None:
        name = self._key_name(key)
        if name is None:
            return
        with self._lock:
            self._matcher.release(name)


def _wake_x11_listener(listener: Any) -> None:
    """End pynput's X11 RECORD loop for sure.

    pynput disables the record context on the connection its own thread is blocked reading, and
    that request can sit unflushed until the next key event arrives, so ``stop`` may hang. The
    same request sent and flushed on its other connection ends the loop at once.
    """
    display, context = getattr(listener, "_display_stop", None), getattr(listener, "_context", None)
    if display is None or context is None:
        return
    try:
        display.record_disable_context(context)
        display.flush()
    except Exception:  # the server may be gone already; then the loop ends by itself
        log.debug("waking the X11 listener failed", exc_info=True)


def _no_hotkeys_fix() -> str:
    if system.current_os() == "macos":
        return (
            "Allow Desktop Helper under System Settings > Privacy & Security > Input Monitoring and Accessibility, "
            "then restart it."
        )
    return "Bind desktop shortcuts to commands instead, e.g. 'desktop-helper capture region'."


def _macos_trust_problem() -> HotkeyProblem | None:
    if system.current_os() != "macos":
        return None
    try:
        from pynput._util.darwin import HIServices

        trusted = bool(HIServices.AXIsProcessTrusted())
    except Exception:  # not on a Mac, or the framework moved: cannot tell
        return None
    return macos_trust_problem(trusted)


def macos_trust_problem(trusted: bool) -> HotkeyProblem | None:
    """The message for an untrusted process on macOS (keys are not delivered at all)."""
    if trusted:
        return None
    return HotkeyProblem(
        "*",
        "macOS does not let Desktop Helper see the keyboard, so global hotkeys will not work.",
        "Allow it under System Settings > Privacy & Security > Accessibility and Input Monitoring, then quit and reopen it.",
    )


def default_conflict_probe() -> ConflictProbe | None:
    if system.is_wayland():
        return None
    if system.current_os() == "linux":
        return x11_taken_hotkeys
    if system.current_os() == "windows":
        return windows_taken_hotkeys
    return None


_X_MODIFIER_BITS = {"shift": 1 << 0, "ctrl": 1 << 2, "alt": 1 << 3, "cmd": 1 << 6, "alt_gr": 1 << 7}
_X_KEYSYM_NAMES = {
    "space": "space", "tab": "Tab", "enter": "Return", "esc": "Escape", "backspace": "BackSpace", "delete": "Delete",
    "insert": "Insert", "home": "Home", "end": "End", "page_up": "Prior", "page_down": "Next", "up": "Up", "down": "Down",
    "left": "Left", "right": "Right", "print_screen": "Print", "pause": "Pause", "scroll_lock": "Scroll_Lock", "menu": "Menu",
    "caps_lock": "Caps_Lock", "num_lock": "Num_Lock",
}  # fmt: skip


def x11_taken_hotkeys(hotkeys: Mapping[str, Hotkey], display_name: str | None = None) -> dict[str, str]:
    """Hotkeys another X client has grabbed: our own grab of the same key fails with BadAccess."""
    from Xlib import XK, X, error
    from Xlib import display as xdisplay

    connection = xdisplay.Display(display_name)
    taken: dict[str, str] = {}
    try:
        root = connection.screen().root
        for action, hotkey in hotkeys.items():
            name = hotkey.key if len(hotkey.key) == 1 else _X_KEYSYM_NAMES.get(hotkey.key, hotkey.key.upper())
            keysym = XK.string_to_keysym(name)
            keycode = connection.keysym_to_keycode(keysym) if keysym else 0
            if not keycode:
                continue
            mask = 0
            for modifier in hotkey.modifiers:
                mask |= _X_MODIFIER_BITS[modifier]
            catcher = error.CatchError(error.BadAccess)
            root.grab_key(keycode, mask, False, X.GrabModeAsync, X.GrabModeAsync, onerror=catcher)
            connection.sync()
            if catcher.get_error() is not None:
                taken[action] = "another program (its shortcut)"
            else:
                root.ungrab_key(keycode, mask)
                connection.sync()
    finally:
        connection.close()
    return taken


_WIN_MODIFIERS = {"alt": 0x1, "ctrl": 0x2, "shift": 0x4, "cmd": 0x8}
_WIN_VK = {
    "space": 0x20, "tab": 0x09, "enter": 0x0D, "esc": 0x1B, "backspace": 0x08, "delete": 0x2E, "insert": 0x2D,
    "home": 0x24, "end": 0x23, "page_up": 0x21, "page_down": 0x22, "up": 0x26, "down": 0x28, "left": 0x25,
    "right": 0x27, "print_screen": 0x2C, "pause": 0x13,
}  # fmt: skip


def windows_vk(key: str) -> int | None:
    if len(key) == 1 and key.isalnum():
        return ord(key.upper())
    if key.startswith("f") and key[1:].isdigit():
        return 0x70 + int(key[1:]) - 1
    return _WIN_VK.get(key)


def windows_taken_hotkeys(
    hotkeys: Mapping[str, Hotkey],
    register: Callable[[int, int], bool] | None = None,
    unregister: Callable[[], None] | None = None,
) -> dict[str, str]:
    """Hotkeys another program registered: ``RegisterHotKey`` of the same combination fails."""
    if register is None or unregister is None:
        import ctypes

        user32 = ctypes.windll.user32  # type: ignore[attr-defined]
        probe_id = 0xBEEF

        def register(modifiers: int, vk: int) -> bool:
            return bool(user32.RegisterHotKey(None, probe_id, modifiers | 0x4000, vk))  # MOD_NOREPEAT

        def unregister() -> None:
            user32.UnregisterHotKey(None, probe_id)

    taken: dict[str, str] = {}
    for action, hotkey in hotkeys.items():
        vk = windows_vk(hotkey.key)
        if vk is None or "alt_gr" in hotkey.modifiers:
            continue
        modifiers = 0
        for modifier in hotkey.modifiers:
            modifiers |= _WIN_MODIFIERS[modifier]
        if register(modifiers, vk):
            unregister()
        else:
            taken[action] = "another program"
    return taken
