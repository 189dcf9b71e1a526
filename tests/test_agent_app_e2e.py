"""The agent in the real app: started from the command line, halted by the stop hotkey (xdotool) and by
the ``stop`` command, every step kept in the history database."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

import pytest

from desktop_helper.settings.paths import app_paths
from tests.harness.app_process import AppProcess
from tests.harness.xserver import XServer

pytestmark = [pytest.mark.gui, pytest.mark.slow]

HOVER = "Point at the middle.\n<|begin_of_box|>hover(start_box='[500,500]')<|end_of_box|>\nMemory:\n[]"


def _messages(db: Path) -> list[tuple[str, str, str]]:
    if not db.exists():
        return []
    connection = sqlite3.connect(str(db))
    try:
        return list(
            connection.execute(
                "SELECT c.title, m.role, m.content FROM messages m JOIN conversations c ON c.id = m.conversation_id ORDER BY m.id"
            )
        )
    except sqlite3.OperationalError:
        return []
    finally:
        connection.close()


def _start_agent(app: AppProcess, task: str) -> str:
    deadline = time.monotonic() + 60
    result = None
    while time.monotonic() < deadline:
        result = app.cli("agent", task)
        if result.returncode == 0:
            return result.stdout
        time.sleep(0.3)  # the scripted model loads in the background
    raise AssertionError(f"agent did not start: {result}")


def test_agent_from_cli_stopped_by_hotkey_and_by_command(x_server: XServer, tmp_path: Path) -> None:
    script = tmp_path / "script.json"
    script.write_text(json.dumps({"script": [HOVER]}), encoding="utf-8")
    env = {**x_server.env, "DESKTOP_HELPER_SCRIPTED_BACKEND": str(script)}
    profile = tmp_path / "profile"
    app = AppProcess(profile, env)
    db = app_paths(profile).history_db
    try:
        app.wait_ready()
        assert "Agent started on monitor 1 (asking before each step)" in _start_agent(app, "Point at the middle")
        x_server.wait_for(
            lambda: any(r == "user" and c == "Point at the middle" for _t, r, c in _messages(db)), "the run in the history"
        )
        time.sleep(1.5)  # the proposal is waiting for Confirm
        x_server.xdotool("key", "ctrl+alt+shift+x")
        x_server.wait_for(
            lambda: any("Agent finished (stopped)" in c for _t, _r, c in _messages(db)), "the stopped run", timeout=10
        )
        first = [m for m in _messages(db) if m[0] == "Agent: Point at the middle"]
        assert [m[1] for m in first] == ["user", "assistant", "assistant"]
        assert "Step 1: stopped" in first[1][2]
        assert "hover(start_box='[500,500]')" in first[1][2]

        _start_agent(app, "Second task")
        x_server.wait_for(lambda: any(c == "Second task" for _t, _r, c in _messages(db)), "the second run")
        time.sleep(1.0)
        assert app.cli("stop").returncode == 0
        x_server.wait_for(
            lambda: sum("Agent finished (stopped)" in c for _t, _r, c in _messages(db)) == 2, "the second stopped run", timeout=10
        )
        assert app.cli("quit").returncode == 0
        assert app.wait_exit(30) == 0
    finally:
        app.kill()
    assert "Traceback" not in app.stderr, app.stderr


DONE_NOW = "The task needs nothing more.\n<|begin_of_box|>DONE()<|end_of_box|>\nMemory:\n[]"


def _dark_pixels_in_chat_sidebar(x_server: XServer, app: AppProcess) -> int:
    """Dark (text) pixels in the chat window's left column: New chat, the search field and the
    history list. Found through the app's windows, so the window's placement does not matter."""
    import mss
    import numpy as np

    for window in x_server.xdotool("search", "--onlyvisible", "--pid", str(app.process.pid)).split():
        if not x_server.xdotool("getwindowname", window).startswith("Chat"):
            continue
        shell = dict(line.split("=", 1) for line in x_server.xdotool("getwindowgeometry", "--shell", window).split())
        x, y, width = int(shell["X"]), int(shell["Y"]), int(shell["WIDTH"])
        region = {"left": x + 8, "top": max(0, y - 40), "width": max(40, width // 12), "height": 300}
        with mss.MSS() as grabber:
            pixels = np.asarray(grabber.grab(region))[:, :, :3].astype(int)
        return int((pixels.sum(axis=2) < 300).sum())
    raise AssertionError("the chat window is not on the screen")


def test_an_agent_run_appears_in_the_open_chats_history_list(x_server: XServer, tmp_path: Path) -> None:
    """Found using the app: a run is kept in the history, but the open chat window listed it only
    after a restart (or a New chat), so the user could not find what the agent had done."""
    script = tmp_path / "script.json"
    script.write_text(json.dumps({"script": [DONE_NOW]}), encoding="utf-8")
    app = AppProcess(tmp_path / "profile", {**x_server.env, "DESKTOP_HELPER_SCRIPTED_BACKEND": str(script)})
    db = app_paths(tmp_path / "profile").history_db
    try:
        app.wait_ready()
        assert app.cli("show-chat").returncode == 0
        x_server.wait_for(lambda: app.cli("status").stdout.count('"chat_visible": true') == 1, "the chat window")
        time.sleep(1.0)  # painted
        before = _dark_pixels_in_chat_sidebar(x_server, app)  # a fresh profile: an empty history list
        _start_agent(app, "Nothing to do")
        x_server.wait_for(lambda: any("Agent finished (done)" in c for _t, _r, c in _messages(db)), "the finished run")
        x_server.wait_for(
            lambda: _dark_pixels_in_chat_sidebar(x_server, app) > before + 20, "the run in the chat's history list", timeout=5
        )
        assert app.cli("quit").returncode == 0
        assert app.wait_exit(30) == 0
    finally:
        app.kill()
    assert "Traceback" not in app.stderr, app.stderr
