"""Global hotkeys under bad bindings and faults: the real pynput listener on the test X server, real XTEST keys.

A bad binding is reported in words with where to fix it, and every other hotkey keeps working. The
faults: the listener's X connection dropped by the server, a hotkey handler that raises, and a key
whose release never arrives.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop_helper.platform.hotkeys.pynput_backend import PynputHotkeys
from tests.harness.x_clients import kill_listener_connections
from tests.harness.xserver import XServer
from tests.test_hotkeys import Received

pytestmark = [pytest.mark.gui]

GOOD = {"toggle_chat": "<ctrl>+<alt>+<shift>+c"}


@pytest.fixture
def service() -> Iterator[PynputHotkeys]:
    running = PynputHotkeys(conflicts=None)
    yield running
    running.stop()


@pytest.mark.parametrize(
    ("binding", "reason"),
    [
        pytest.param("<ctrl>+", "empty part", id="trailing-plus"),
        pytest.param("q", "needs a modifier", id="no-modifier"),
        pytest.param("<ctrl>+<hyperspace>", "not a key name", id="unknown-key-name"),
        pytest.param("<ctrl>+q+w", "exactly one key", id="two-keys"),
        pytest.param("<alt>+<alt>+q", "twice", id="modifier-twice"),
        pytest.param("<ctrl>+<shift>+2", "types another character", id="shifted-digit"),
        pytest.param("<shift>+q", "capital letter", id="shift-letter-only"),
        pytest.param("<ctrl>+\x07", "cannot be typed", id="control-character"),
        pytest.param("<ctrl>+<alt>", "exactly one key", id="modifiers-only"),
        pytest.param("<ctrl>+<alt>+<shift>+c", "set for both", id="same-as-toggle-chat"),
    ],
)
def test_bad_input_hotkey_binding(x_server: XServer, service: PynputHotkeys, binding: str, reason: str) -> None:
    received = Received()
    problems = service.start({**GOOD, "record": binding}, received)
    assert [p.action for p in problems] == ["record"]
    assert reason in problems[0].message
    assert "Settings > Hotkeys" in (problems[0].fix or "")
    # nothing else is lost: the good hotkey works
    assert service.running
    x_server.xdotool("key", "ctrl+alt+shift+c")
    assert received.wait(1), "the good hotkey stopped working because of the bad one"
    assert received.actions == ["toggle_chat"]


def test_fault_listener_connection_dropped_by_the_x_server(x_server: XServer, service: PynputHotkeys) -> None:
    import os

    assert service.start(GOOD, Received()) == []
    kill_listener_connections(x_server, os.getpid())
    x_server.wait_for(lambda: not service.running, "running to report the dead listener", timeout=5)
    service.stop()  # must not raise on the dead connection
    received = Received()
    assert service.start(GOOD, received) == []
    x_server.xdotool("key", "ctrl+alt+shift+c")
    assert received.wait(1), "a new listener does not work after the old one died"


def test_fault_a_hotkey_handler_raises(x_server: XServer, service: PynputHotkeys) -> None:
    received = Received()

    def handler(action: str) -> None:
        received(action)
        raise RuntimeError("the handler broke")

    assert service.start(GOOD, handler) == []
    x_server.xdotool("key", "ctrl+alt+shift+c")
    assert received.wait(1)
    x_server.xdotool("key", "ctrl+alt+shift+c")
    assert received.wait(2), "one failing handler stopped the listener"
    assert service.running


def test_fault_a_key_release_never_arrives(x_server: XServer, service: PynputHotkeys) -> None:
    received = Received()
    assert service.start(GOOD, received) == []
    x_server.xdotool("keydown", "shift", "keydown", "slash", "keyup", "shift")  # '?' down; '/' never comes up
    x_server.xdotool("keydown", "x")
    try:
        x_server.xdotool("key", "ctrl+alt+shift+c")
        assert received.wait(1), "a key still held from typing blocked the chord"
    finally:
        x_server.xdotool("keyup", "slash", "keyup", "x")
