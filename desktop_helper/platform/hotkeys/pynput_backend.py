"""Global hotkeys with a pynput keyboard ``Listener`` (X11, Windows, macOS).

Why a plain ``Listener`` and our own matcher instead of pynput's ``GlobalHotKeys``: since pynput
1.8 ``GlobalHotKeys`` drops events flagged as injected, so anything that presses keys through
XTEST (xdotool, accessibility tools, remote desktops, our tests) never triggers it, and it fires
with extra modifiers held. The listener sees every key; :class:`HotkeyMatcher` demands the exact
modifiers; and our *own* synthetic input is kept out by :meth:`HotkeyService.suspended`, which
the agent wraps around its typing, rather than by the injected flag.

The matcher keys held keys by the physical key, since a key's character can change between press
and release (Shift let go first: ``?`` down, ``/`` up). pynput's X11 ``KeyCode.vk`` is the keysym,
which has the same problem, so on X11 a small listener subclass hands over the X event itself: its
keycode is the physical key, and its state the modifiers really held (no modifier stays stuck
because one release was missed). Elsewhere ``vk`` is the physical key already.

pynput does not register hotkeys with the OS (it watches all keys), so "already taken" is found
separately: on X11 by trying to grab the key on the root window (another program's grab makes it
fail with BadAccess); on Windows by trying ``RegisterHotKey``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from typing import Any

from desktop_helper.core.i18n import t
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
        self._temporary: dict[str, tuple[Hotkey, Callable[[], None]]] = {}
        self._lock = threading.Lock()

    @property
    def running(self) -> bool:
        """The listener thread is alive and listening (pynput's own flag stays True when its thread dies of an error)."""
        listener = self._listener
        return bool(listener is not None and listener.running and listener.is_alive())

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
                        t(
                            "{parsed} ({replace}) is already used by {why}; both may react.",
                            parsed=parsed[action].display(),
                            replace=action.replace("_", " "),
                            why=why,
                        ),
                        t("Choose another hotkey in Settings > Hotkeys."),
                    )
                )
        try:
            from pynput import keyboard
        except Exception as exc:  # pynput raises ImportError with the real reason (no X connection, ...)
            unavailable = t("Global hotkeys are not available: {exc}", exc=exc).strip()
            return [*problems, HotkeyProblem("*", unavailable, _no_hotkeys_fix())]
        macos_problem = _macos_trust_problem()
        if macos_problem is not None:
            problems.append(macos_problem)
        with self._lock:
            self._matcher = HotkeyMatcher(parsed)
            for name, (hotkey, _on_press) in self._temporary.items():
                self._matcher.bind(name, hotkey)
            self._on_hotkey = on_hotkey
            listener = _listener_class(keyboard)(on_press=self._pressed, on_release=self._released)
            listener.name = "hotkey-listener"
            self._listener = listener
        try:
            listener.start()
            ready = listener.wait_ready() if hasattr(listener, "wait_ready") else listener.wait()
        except Exception as exc:
            self.stop()
            return [*problems, HotkeyProblem("*", t("Global hotkeys could not start: {exc}.", exc=exc), _no_hotkeys_fix())]
        if ready is False or not listener.running:
            self.stop()
            return [
                *problems,
                HotkeyProblem("*", t("Global hotkeys could not start (the keyboard listener stopped)."), _no_hotkeys_fix()),
            ]
        log.info("listening for hotkeys: %s", ", ".join(f"{a}={h}" for a, h in parsed.items()))
        return problems

    def stop(self) -> None:
        with self._lock:
            listener, self._listener = self._listener, None
            self._matcher.reset()
        if listener is None:
            return
        try:
            listener.stop()
        except Exception:  # the thread died of a lost connection, which stop() uses too
            log.debug("stopping the hotkey listener failed", exc_info=True)
        if listener is threading.current_thread():
            return
        listener.join(0.5)
        if listener.is_alive():
            _wake_x11_listener(listener)
            listener.join(5)
        if listener.is_alive():
            log.warning("the hotkey listener did not stop")
        else:
            _close_x11_connections(listener)

    def add_temporary(self, name: str, hotkey: Hotkey, on_press: Callable[[], None]) -> bool:
        with self._lock:
            self._matcher.unbind(name)
            self._temporary[name] = (hotkey, on_press)
            self._matcher.bind(name, hotkey)
        return self.running

    def remove_temporary(self, name: str) -> None:
        with self._lock:
            if self._temporary.pop(name, None) is not None:
                self._matcher.unbind(name)

    # ----- listener thread
    def _key_name(self, key: Any) -> str | None:
        if key is None:
            return None
        if getattr(key, "name", None):  # a pynput Key (esc, f5, ctrl_l): canonical() would make a bare key code of it
            return normalize_key_name(key.name)
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

    def _event(self, key: Any) -> tuple[str, Hashable, frozenset[str] | None] | None:
        """(name, physical key, modifiers the OS reports held or None) of the key being delivered."""
        name = self._key_name(key)
        if name is None:
            return None
        x_event = getattr(self._listener, "x_event", None)
        if x_event is not None:
            return name, ("x", x_event.detail), x_event.held_modifiers
        vk = getattr(key, "vk", None)  # taken before canonical(), which drops it from characters
        return name, name if vk is None else ("vk", vk), None

    def _pressed(self, key: Any, injected: bool = False) -> None:
        event = self._event(key)
        if event is None:
            return
        with self._lock:
            action = self._matcher.press(*event)
            temporary = self._temporary.get(action) if action is not None else None
            callback = self._on_hotkey
        if action is None or (callback is None and temporary is None):
            return
        if self.is_suspended:
            log.debug("hotkey %s ignored: the app is typing", action)
            return
        try:
            if temporary is not None:
                temporary[1]()
            elif callback is not None:
                callback(action)
        except Exception:  # an exception here would stop the listener, and every hotkey with it
            log.exception("hotkey handler for %s failed", action)

    def _released(self, key: Any, injected: bool = False) -> None:
        event = self._event(key)
        if event is None:
            return
        with self._lock:
            self._matcher.release(*event)


@dataclass(frozen=True)
class _XKeyEvent:
    detail: int  # the keycode: the physical key, whatever Shift does to its character
    held_modifiers: frozenset[str]  # from the event's state: held just before this event


#: X modifier keysyms -> our modifier names (which ModN bit each sets depends on the keymap)
_X_MODIFIER_KEYSYMS = {
    "Shift_L": "shift", "Shift_R": "shift", "Control_L": "ctrl", "Control_R": "ctrl",
    "Alt_L": "alt", "Alt_R": "alt", "Meta_L": "alt", "Meta_R": "alt",
    "Super_L": "cmd", "Super_R": "cmd", "Hyper_L": "cmd", "Hyper_R": "cmd",
    "ISO_Level3_Shift": "alt_gr", "Mode_switch": "alt_gr",
}  # fmt: skip


def x_modifier_masks(display: Any) -> dict[int, str]:
    """State bit -> modifier name, from the server's modifier mapping (Alt is usually Mod1, Win Mod4)."""
    from Xlib import XK

    wanted = {XK.string_to_keysym(name): modifier for name, modifier in _X_MODIFIER_KEYSYMS.items()}
    masks: dict[int, str] = {}
    for index, keycodes in enumerate(display.get_modifier_mapping()):
        for keycode in keycodes:
            modifier = wanted.get(display.keycode_to_keysym(keycode, 0)) if keycode else None
            if modifier is not None and (1 << index) not in masks:
                masks[1 << index] = modifier
    return masks


def _listener_class(keyboard: Any) -> Any:
    """pynput's keyboard listener, ending quietly when its thread fails; on X11 it also hands over the X event."""

    class Listener(keyboard.Listener):
        def run(self) -> None:
            try:
                super().run()
            except Exception as exc:  # e.g. the X server dropped its connection: ``running`` turns False, the watchdog acts
                log.warning("the hotkey listener ended: %s", exc or type(exc).__name__, exc_info=True)

    if not hasattr(keyboard.Listener, "_event_to_key"):  # only pynput's X11 listener turns X events into keys
        return Listener

    class X11Listener(Listener):
        x_event: _XKeyEvent | None = None
        _masks: dict[int, str] | None = None

        def _handle_message(self, display: Any, event: Any, injected: bool) -> None:
            try:
                if self._masks is None:
                    self._masks = x_modifier_masks(display)
                held = frozenset(name for bit, name in self._masks.items() if event.state & bit)
                self.x_event = _XKeyEvent(event.detail, held)
            except Exception:  # without it the callbacks fall back to pynput's key alone
                log.debug("could not read the X key event", exc_info=True)
                self.x_event = None
            try:
                super()._handle_message(display, event, injected)
            finally:
                self.x_event = None

    return X11Listener


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


def _close_x11_connections(listener: Any) -> None:
    """Close the X connections a listener that died of an error left open (pynput closes them only on a clean end)."""
    for name in ("_display_stop", "_display_record"):
        display = getattr(listener, name, None)
        if display is None:
            continue
        try:
            display.close()
        except Exception:  # closed already, or its server is gone
            log.debug("closing %s failed", name, exc_info=True)


def _no_hotkeys_fix() -> str:
    if system.current_os() == "macos":
        return t(
            "Allow Desktop Helper under System Settings > Privacy & Security > Input Monitoring and Accessibility, "
            "then restart it."
        )
    return t("Bind desktop shortcuts to commands instead, e.g. 'desktop-helper capture region'.")


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
        t("macOS does not let Desktop Helper see the keyboard, so global hotkeys will not work."),
        t("Allow it under System Settings > Privacy & Security > Accessibility and Input Monitoring, then quit and reopen it."),
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
