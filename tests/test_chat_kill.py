"""The real app, killed with SIGKILL while it streams an answer, keeps the partial answer in its history.

The app runs as a subprocess with ``DESKTOP_HELPER_SCRIPTED_BACKEND`` pointing at a slow scripted
answer; the question is typed into the chat window with real X key events (xdotool).
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from desktop_helper.backends.factory import SCRIPTED_ENV
from tests.harness.app_process import AppProcess
from tests.harness.xserver import XServer

pytestmark = [pytest.mark.gui, pytest.mark.slow]

ANSWER = "".join(f"Sentence number {n} of a long streamed answer. " for n in range(200))


def _assistant_rows(db: Path) -> list[tuple[str, str]]:
    if not db.exists():
        return []
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    try:
        return [
            (str(r[0]), str(r[1])) for r in connection.execute("SELECT content, status FROM messages WHERE role = 'assistant'")
        ]
    except sqlite3.OperationalError:
        return []  # schema not created yet
    finally:
        connection.close()


def _type_question(server: XServer, text: str) -> None:
    found: list[str] = []
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not found:
        search = ["xdotool", "search", "--onlyvisible", "--name", "^Chat$"]
        found = subprocess.run(search, env=server.env, capture_output=True, text=True, check=False).stdout.split()
        time.sleep(0.2)
    assert found, "the chat window did not appear"
    server.xdotool("windowactivate", "--sync", found[0])
    time.sleep(0.3)
    server.xdotool("type", "--delay", "30", text)
    server.xdotool("key", "Return")


def test_sigkill_during_streaming_keeps_the_partial_answer(x_server: XServer, tmp_path: Path) -> None:
    script = tmp_path / "slow.json"
    script.write_text(json.dumps({"script": [ANSWER], "chunk_size": 4, "delay": 0.03}))
    env = dict(x_server.env)
    env[SCRIPTED_ENV] = str(script)
    profile = tmp_path / "profile"
    db = profile / "data" / "history.sqlite3"
    app = AppProcess(profile, env)
    try:
        app.wait_ready()
        assert app.cli("show-chat").returncode == 0
        _type_question(x_server, "tell me everything")

        # watch the answer being saved while it streams
        lengths: list[tuple[float, int]] = []
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            rows = _assistant_rows(db)
            if rows and len(rows[0][0]) > 400:
                lengths.append((time.monotonic(), len(rows[0][0])))
                if len(lengths) >= 10:
                    break
            time.sleep(0.05)
        assert len(lengths) >= 10, f"the answer was not saved while streaming: {_assistant_rows(db)} {app.stderr}"
        before_kill = _assistant_rows(db)[0][0]
        os.kill(app.process.pid, signal.SIGKILL)
        app.process.wait(10)
    finally:
        app.kill()

    saved, status = _assistant_rows(db)[0]
    assert status == "streaming"  # nobody got the chance to finish it
    assert ANSWER.startswith(saved)
    assert len(before_kill) <= len(saved) < len(ANSWER)
    # saved often: over the watched second, the saved text grew at least every 0.6 s
    grew = [t for (t, n), (_t0, n0) in zip(lengths[1:], lengths, strict=False) if n > n0]
    gaps = [b - a for a, b in zip([lengths[0][0], *grew], grew, strict=False)]
    assert gaps
    assert max(gaps) < 0.6

    # the next start keeps the partial answer, marked as interrupted, in the same conversation
    env.pop(SCRIPTED_ENV)
    again = AppProcess(profile, env)
    try:
        again.wait_ready()
        assert again.cli("quit").returncode == 0
        assert again.wait_exit(30) == 0
    finally:
        again.kill()
    content, status = _assistant_rows(db)[0]
    assert content == saved
    assert status == "cancelled"
    connection = sqlite3.connect(db)
    try:
        assert connection.execute("SELECT content FROM messages WHERE role = 'user'").fetchone()[0] == "tell me everything"
    finally:
        connection.close()
