"""Hotkeys: parsing and exact matching, and the real pynput listener driven by xdotool on Xvfb."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

from desktop_helper.parsers.hotkeys import Hotkey, HotkeyError, HotkeyMatcher, parse_hotkey, validate_hotkey_setting
from desktop_helper.platform import system
from desktop_helper.platform.hotkeys import HOTKEY_COMMANDS, hotkeys_for_current_os
from desktop_helper.platform.hotkeys.base import NullHotkeys, parse_bindings
from desktop_helper.platform.hotkeys.pynput_backend import (
    PynputHotkeys,
    macos_trust_problem,
    windows_taken_hotkeys,
    windows_vk,
    x11_taken_hotkeys,
)
from desktop_helper.settings.schema import BY_KEY
from tests.harness.xserver import XServer


# ----- parsing
@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("<ctrl>+<alt>+<shift>+a", "<ctrl>+<alt>+<shift>+a"),
        ("Ctrl+Alt+Shift+A", "<ctrl>+<alt>+<shift>+a"),
        ("<shift>+<ctrl>+<alt>+A", "<ctrl>+<alt>+<shift>+a"),
        ("<ctrl_l>+<f5>", "<ctrl>+<f5>"),
        ("<f9>", "<f9>"),
        ("<cmd>+<alt>+x", "<alt>+<cmd>+x"),
        ("win+shift+<page_down>", "<shift>+<cmd>+<page_down>"),
        ("<ctrl>+<alt>+1", "<ctrl>+<alt>+1"),
    ],
)
def test_parse_canonical(text: str, canonical: str) -> None:
    assert str(parse_hotkey(text)) == canonical
    assert validate_hotkey_setting(text) == canonical


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("a", "needs a modifier"),
        ("<shift>+a", "capital letter"),
        ("<ctrl>+a+b", "exactly one key"),
        ("<ctrl>+<ctrl>+a", "twice"),
        ("<ctrl>+<bogus>", "not a key name"),
        ("<ctrl>+", "empty part"),
        ("<ctrl>+<shift>+1", "types another character"),
        ("<ctrl>+<alt>", "exactly one key"),
    ],
)
def test_parse_rejects(text: str, reason: str) -> None:
    with pytest.raises(HotkeyError, match=reason):
        parse_hotkey(text)


def test_every_default_is_valid_distinct_and_avoids_os_shortcuts() -> None:
    defaults = {action: BY_KEY[f"hotkeys.{action}"].default for action in HOTKEY_COMMANDS}
    parsed, problems = parse_bindings(defaults)
    assert problems == []
    assert len(set(parsed.values())) == len(HOTKEY_COMMANDS)
    for hotkey in parsed.values():
        assert hotkey.key != "print_screen"
        # Ctrl+Alt alone is AltGr on many layouts; Shift on top keeps the defaults off typed characters
        assert {"ctrl", "alt", "shift"} <= hotkey.modifiers
        assert "cmd" not in hotkey.modifiers


def test_settings_reject_an_invalid_hotkey() -> None:
    setting = BY_KEY["hotkeys.capture_region"]
    assert setting.validate("Ctrl+Alt+Shift+Q") == "<ctrl>+<alt>+<shift>+q"
    assert setting.validate("") == ""
    with pytest.raises(ValueError, match="not a key name"):
        setting.validate("<ctrl>+<nonsense>")


def test_duplicates_and_known_conflicts_are_problems() -> None:
    parsed, problems = parse_bindings(
        {"a": "<ctrl>+<alt>+<shift>+a", "b": "Ctrl+Alt+Shift+A", "c": "<cmd>+<shift>+s", "d": "nope"}
    )
    assert set(parsed) == {"a", "c"}
    messages = " | ".join(p.message for p in problems)
    assert "set for both a and b" in messages
    assert "Snipping Tool" in messages
    assert "not usable" in messages


# ----- matching
def test_matcher_is_exact_about_modifiers() -> None:
    matcher = HotkeyMatcher({"region": parse_hotkey("<ctrl>+<alt>+a"), "screen": parse_hotkey("<ctrl>+<alt>+<shift>+a")})
    for key in ("ctrl", "alt", "shift"):
        assert matcher.press(key) is None
    # pynput's HotKey would fire "region" here too; exactly Ctrl+Alt+Shift is held, so only "screen"
    assert matcher.press("a") == "screen"
    assert matcher.press("a") is None, "auto-repeat must not fire again"
    matcher.release("a")
    matcher.release("shift")
    assert matcher.press("a") == "region"


def test_matcher_survives_doubled_modifier_events_and_other_keys() -> None:
    matcher = HotkeyMatcher({"x": Hotkey(frozenset({"ctrl", "alt", "shift"}), "x")})
    for key in ("ctrl", "ctrl", "alt", "alt", "shift", "shift"):  # Xvfb reports modifiers twice
        matcher.press(key)
    matcher.press("b")
    assert matcher.press("x") is None, "another key is held: not the chord"
    matcher.release("b")
    matcher.release("x")
    assert matcher.press("x") == "x"
    matcher.reset()
    assert matcher.press("x") is None


def test_matcher_keys_held_keys_by_the_physical_key() -> None:
    # Shift let go before the key: '?' goes down, '/' comes up; both are X keycode 61
    matcher = HotkeyMatcher({"chat": parse_hotkey("<ctrl>+<alt>+<shift>+c")})
    matcher.press("shift")
    matcher.press("?", physical=61)
    matcher.release("shift")
    matcher.release("/", physical=61)
    assert matcher.held == frozenset()
    for key in ("ctrl", "alt", "shift"):
        matcher.press(key)
    assert matcher.press("c", physical=54) == "chat"


def test_a_lost_release_never_blocks_later_chords() -> None:
    matcher = HotkeyMatcher({"chat": parse_hotkey("<ctrl>+<alt>+<shift>+c")})
    matcher.press("x", physical=53)  # its release never arrives
    matcher.press("?")  # nor this one's (no physical key known)
    for key in ("ctrl", "alt", "shift"):
        matcher.press(key)
    assert matcher.press("c") == "chat"
    # a key lost while the chord's modifiers were held blocks only until they change
    matcher.press("b")
    matcher.release("c")
    assert matcher.press("c") is None
    matcher.release("shift")
    matcher.press("shift")
    assert matcher.press("c") == "chat"


def test_the_os_modifier_state_unsticks_a_modifier_whose_release_was_lost() -> None:
    matcher = HotkeyMatcher({"screen": parse_hotkey("<ctrl>+<shift>+s")})
    matcher.press("alt")  # Alt+Tab: the window switcher took Alt's release
    matcher.press("tab", physical=23)
    for key in ("ctrl", "shift"):
        matcher.press(key)
    assert matcher.modifiers == {"alt", "ctrl", "shift"}
    # the OS says which modifiers are really held when the key goes down
    assert matcher.press("s", physical=39, modifiers={"ctrl", "shift"}) == "screen"
    assert matcher.modifiers == {"ctrl", "shift"}


# ----- OS-specific bits with fakes
def test_windows_conflict_probe_with_fake_register_hotkey() -> None:
    calls: list[tuple[int, int]] = []
    owned = {(0x2 | 0x1 | 0x4, ord("A"))}

    def register(modifiers: int, vk: int) -> bool:
        calls.append((modifiers, vk))
        return (modifiers, vk) not in owned

    unregistered: list[bool] = []
    taken = windows_taken_hotkeys(
        {"region": parse_hotkey("<ctrl>+<alt>+<shift>+a"), "screen": parse_hotkey("<ctrl>+<alt>+<shift>+s")},
        register=register,
        unregister=lambda: unregistered.append(True),
    )
    assert taken == {"region": "another program"}
    assert calls == [(0x7, 0x41), (0x7, 0x53)]
    assert unregistered == [True], "a probe that succeeded must be released again"
    assert windows_vk("f5") == 0x74


def test_macos_untrusted_process_is_reported() -> None:
    problem = macos_trust_problem(False)
    assert problem is not None
    assert "Accessibility" in (problem.fix or "")
    assert macos_trust_problem(True) is None


def test_factory_on_wayland_explains_the_cli_route(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_SESSION_TYPE", "wayland")
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    with system.fake_os("linux"):
        service = hotkeys_for_current_os()
    assert isinstance(service, NullHotkeys)
    problems = service.start({"capture_region": "<ctrl>+<alt>+<shift>+a"}, lambda _a: None)
    assert "desktop-helper capture region" in (problems[0].fix or "")


# ----- the real listener on the X server, driven by real XTEST key events
class Received:
    def __init__(self) -> None:
        self.actions: list[str] = []
        self.threads: list[str] = []
        self.event = threading.Event()

    def __call__(self, action: str) -> None:
        self.actions.append(action)
        self.threads.append(threading.current_thread().name)
        self.event.set()

    def wait(self, count: int, timeout: float = 5.0) -> bool:
        deadline = time.monotonic() + timeout
        while len(self.actions) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        return len(self.actions) >= count


@pytest.mark.gui
def test_xdotool_presses_reach_the_listener(x_server: XServer) -> None:
    service = PynputHotkeys(conflicts=None)
    received = Received()
    problems = service.start({"capture_region": "<ctrl>+<alt>+<shift>+a", "record": "<ctrl>+<alt>+<shift>+r"}, received)
    try:
        assert problems == []
        assert service.running
        x_server.xdotool("key", "ctrl+alt+shift+a")
        assert received.wait(1), "the hotkey did not fire"
        x_server.xdotool("key", "ctrl+alt+shift+r")
        assert received.wait(2)
        assert received.actions == ["capture_region", "record"]
        assert all(name == "hotkey-listener" for name in received.threads), "callbacks come from the listener thread"

        # extra or missing modifiers: no match
        x_server.xdotool("key", "ctrl+alt+a")
        x_server.xdotool("key", "ctrl+alt+shift+super+a")
        x_server.xdotool("type", "A plain typed text")
        time.sleep(0.5)
        assert received.actions == ["capture_region", "record"]

        # while the app types, its own keys (or anyone's) do not trigger hotkeys
        with service.suspended():
            x_server.xdotool("key", "ctrl+alt+shift+a")
            time.sleep(0.5)
        assert received.actions == ["capture_region", "record"]
        x_server.xdotool("key", "ctrl+alt+shift+a")
        assert received.wait(3)
    finally:
        service.stop()
    assert not service.running


@pytest.mark.gui
def test_a_temporary_hotkey_is_heard_only_while_it_is_held(x_server: XServer) -> None:
    """Escape while boxes are shown: a bare key, heard between add_temporary and remove_temporary, never while
    the app types, and kept when the configured hotkeys are set again."""
    service = PynputHotkeys(conflicts=None)
    received = Received()
    escapes = Received()
    escape = Hotkey(frozenset(), "esc")
    service.add_temporary("dismiss", escape, lambda: escapes("dismiss"))  # before start: heard once started
    assert service.start({"capture_region": "<ctrl>+<alt>+<shift>+a"}, received) == []
    try:
        x_server.xdotool("key", "Escape")
        assert escapes.wait(1), "the temporary Escape did not fire"
        assert all(name == "hotkey-listener" for name in escapes.threads)
        x_server.xdotool("key", "ctrl+Escape", "shift+Escape")  # exact, like every hotkey
        with service.suspended():  # the agent pressing Escape in another program
            x_server.xdotool("key", "Escape")
        time.sleep(0.5)
        assert escapes.actions == ["dismiss"]
        # new settings restart the listener; the temporary hotkey stays
        assert service.start({"capture_region": "<ctrl>+<alt>+<shift>+a"}, received) == []
        x_server.xdotool("key", "Escape")
        assert escapes.wait(2)
        # released: Escape is the other programs' again; the configured hotkeys still work
        service.remove_temporary("dismiss")
        service.remove_temporary("dismiss")  # twice is fine
        x_server.xdotool("key", "Escape")
        x_server.xdotool("key", "ctrl+alt+shift+a")
        assert received.wait(1)
        assert escapes.actions == ["dismiss", "dismiss"]
        assert received.actions == ["capture_region"]
    finally:
        service.stop()


@pytest.mark.gui
def test_hotkeys_on_named_keys_fire(x_server: XServer) -> None:
    """F-keys, Space, Escape: pynput's canonical() turns them into bare key codes, so they were never matched."""
    service = PynputHotkeys(conflicts=None)
    received = Received()
    assert service.start({"find": "<ctrl>+<f5>", "agent": "<ctrl>+<alt>+<space>", "record": "<f9>"}, received) == []
    try:
        x_server.xdotool("key", "ctrl+F5", "ctrl+alt+space", "F9")
        assert received.wait(3)
        assert received.actions == ["find", "agent", "record"]
    finally:
        service.stop()


def test_a_temporary_binding_never_shadows_a_configured_hotkey() -> None:
    configured = parse_hotkey("<ctrl>+<alt>+<shift>+a")
    matcher = HotkeyMatcher({"capture_region": configured})
    matcher.bind("dismiss", configured)
    matcher.bind("dismiss", Hotkey(frozenset(), "esc"))
    for key in ("ctrl", "alt", "shift"):
        matcher.press(key)
    assert matcher.press("a") == "capture_region"
    matcher.reset()
    assert matcher.press("esc") == "dismiss"
    matcher.release("esc")
    matcher.unbind("dismiss")
    assert matcher.press("esc") is None
    for key in ("ctrl", "alt", "shift"):
        matcher.press(key)
    assert matcher.press("a") == "capture_region"


def test_no_temporary_hotkeys_without_global_hotkeys() -> None:
    service = NullHotkeys("No hotkeys here.", "Use the command line.")
    assert service.add_temporary("dismiss", Hotkey(frozenset(), "esc"), lambda: None) is False
    service.remove_temporary("dismiss")


@pytest.mark.gui
def test_a_hotkey_grabbed_by_another_program_is_reported(x_server: XServer) -> None:
    from Xlib import XK, X
    from Xlib import display as xdisplay

    other = xdisplay.Display(x_server.display)
    try:
        root = other.screen().root
        keycode = other.keysym_to_keycode(XK.string_to_keysym("q"))
        root.grab_key(keycode, 1 | 4 | 8, False, X.GrabModeAsync, X.GrabModeAsync)  # Shift+Ctrl+Alt (Mod1)
        other.sync()
        hotkeys = {"taken": parse_hotkey("<ctrl>+<alt>+<shift>+q"), "free": parse_hotkey("<ctrl>+<alt>+<shift>+w")}
        assert x11_taken_hotkeys(hotkeys, x_server.display) == {"taken": "another program (its shortcut)"}

        service = PynputHotkeys(conflicts=lambda parsed: x11_taken_hotkeys(parsed, x_server.display))
        problems = service.start({k: str(v) for k, v in hotkeys.items()}, lambda _a: None)
        service.stop()
        assert [p.action for p in problems] == ["taken"]
        assert "already used" in problems[0].message
        # our probe released its own grab of the free key: grabbing it now works
        assert x11_taken_hotkeys({"free": hotkeys["free"]}, x_server.display) == {}
    finally:
        other.close()


def test_listener_failure_is_reported_not_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pynput", None)  # import fails as it does without an X connection
    service = PynputHotkeys(conflicts=None)
    problems = service.start({"record": "<ctrl>+<alt>+<shift>+r"}, lambda _a: None)
    assert [p.action for p in problems] == ["*"]
    assert "not available" in problems[0].message
    assert not service.running


def _unused(*_args: Any) -> None:
    return None


def test_every_hotkey_action_is_a_cli_command() -> None:
    from desktop_helper.__main__ import build_parser

    for argv in HOTKEY_COMMANDS.values():
        args = build_parser().parse_args(argv)
        assert args.command == argv[0]


@pytest.mark.gui
def test_settings_dialog_refuses_an_invalid_hotkey(qapp: Any, tmp_path: Any) -> None:
    from desktop_helper.settings.store import Settings
    from desktop_helper.ui.hotkey_edit import HotkeyEdit
    from desktop_helper.ui.settings_dialog import SettingsDialog

    settings = Settings(tmp_path / "settings.json")
    dialog = SettingsDialog(settings)
    try:
        # the field records keys pressed (tests/test_look.py); a hand-edited value still goes through the check
        editor = dialog.findChild(HotkeyEdit, "hotkeys.record")
        assert editor is not None
        editor.set_value("<ctrl>+<nonsense>")
        assert dialog.apply() is False
        assert "not a key name" in dialog.errors.text()
        assert settings.get("hotkeys.record") == "<ctrl>+<alt>+<shift>+r"
        editor.set_value("Ctrl+Alt+Shift+Y")
        assert dialog.apply() is True
        assert settings.get("hotkeys.record") == "<ctrl>+<alt>+<shift>+y"
    finally:
        dialog.deleteLater()
