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
