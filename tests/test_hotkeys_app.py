"""The real app's global hotkeys under ordinary typing, driven by real X key events (xdotool).

Typing punctuation lets Shift go before the key (``?`` goes down, ``/`` comes up), a release can
be lost, and the listener thread can die: none of it may leave the hotkeys dead, and ``status``
must say whether they really listen.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.harness.app_process import AppProcess
from tests.harness.x_clients import kill_listener_connections
from tests.harness.xserver import XServer

pytestmark = [pytest.mark.gui, pytest.mark.slow]

TOGGLE_CHAT = "ctrl+alt+shift+c"
CAPTURE_REGION = "ctrl+alt+shift+a"


def status(app: AppProcess) -> dict[str, Any]:
    result = app.cli("status")
    assert result.returncode == 0, result.stderr
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def chat_visible(app: AppProcess) -> bool:
    return bool(status(app)["chat_visible"])


def toggle_chat_by_hotkey(x_server: XServer, app: AppProcess, why: str) -> None:
    """Press the toggle-chat chord and wait until the chat window really changed."""
    before = chat_visible(app)
    x_server.xdotool("key", TOGGLE_CHAT)
    x_server.wait_for(lambda: chat_visible(app) is not before, f"the toggle-chat hotkey to work {why}", timeout=10)


def selector_windows(x_server: XServer) -> list[str]:
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", "^Select a region$"],
        env=x_server.env,
        capture_output=True,
        text=True,
        check=False,
    )
    return found.stdout.split()


@pytest.fixture
def app(x_server: XServer, tmp_path: Path) -> Any:
    running = AppProcess(tmp_path / "profile", x_server.env)
    try:
        running.wait_ready()
        x_server.wait_for(lambda: "listening for hotkeys" in running.log_text(), "the hotkeys to start")
        yield running
    finally:
        for key in ("shift", "ctrl", "alt", "slash", "x"):  # never leave a key down for the next test
            x_server.xdotool("keyup", key)
        running.kill()


def test_hotkeys_keep_working_after_punctuation_typed_with_shift_released_first(x_server: XServer, app: AppProcess) -> None:
    assert status(app)["hotkeys"] is True
    # '?' goes down with Shift, Shift comes up, then the key comes up as '/'
    x_server.xdotool("keydown", "shift", "keydown", "slash", "keyup", "shift", "keyup", "slash")
    toggle_chat_by_hotkey(x_server, app, "after '?' was typed with Shift released first")
    toggle_chat_by_hotkey(x_server, app, "a second time")

    # a whole sentence the way xdotool (and a fast typist) types it, into the focused chat input
    x_server.xdotool("type", "--delay", "20", 'Hello? "quoted" (yes)! & more')
    toggle_chat_by_hotkey(x_server, app, "after typing a sentence with punctuation")
    toggle_chat_by_hotkey(x_server, app, "again after the sentence")

    # the region selector opens on its own hotkey too, and goes away
    x_server.xdotool("key", CAPTURE_REGION)
    x_server.wait_for(lambda: selector_windows(x_server), "the region selector to open", timeout=15)
    assert app.cli("stop").returncode == 0
    x_server.wait_for(lambda: not selector_windows(x_server), "the region selector to close")
    assert status(app)["hotkeys"] is True
    assert "Traceback" not in app.log_text()


def test_a_lost_key_release_does_not_block_later_chords(x_server: XServer, app: AppProcess) -> None:
    x_server.xdotool("keydown", "x")  # its release never comes (until the end of the test)
    toggle_chat_by_hotkey(x_server, app, "with a letter still held from before")
    toggle_chat_by_hotkey(x_server, app, "twice with the letter held")
    x_server.xdotool("keyup", "x")
    toggle_chat_by_hotkey(x_server, app, "after the letter came up")


def test_status_reports_a_dead_listener_and_it_is_restarted_once(x_server: XServer, app: AppProcess) -> None:
    pid = app.process.pid
    kill_listener_connections(x_server, pid)
    # the watchdog notices the dead thread (status said "true" forever before) and starts a new listener
    x_server.wait_for(lambda: "the hotkey listener stopped; restarting it" in app.log_text(), "the restart", timeout=15)
    x_server.wait_for(lambda: status(app)["hotkeys"] is True, "the new listener")
    toggle_chat_by_hotkey(x_server, app, "after the listener was restarted")

    # dead a second time: no more restarts, the user is told, and status says so
    kill_listener_connections(x_server, pid)
    x_server.wait_for(lambda: status(app)["hotkeys"] is False, "status to report the dead listener", timeout=15)
    x_server.wait_for(lambda: "Global hotkeys stopped working" in app.log_text(), "the message to the user", timeout=15)
    assert status(app)["hotkeys"] is False
    assert app.process.poll() is None, "the app keeps running without hotkeys"
    assert not list((app.profile / "logs").glob("crash-*")), "a lost X connection is no crash to report"
