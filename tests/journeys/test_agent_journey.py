"""Journey (e): the GUI agent on another program: confirm one step, skip one, then in auto mode stop it with
the stop hotkey while it counts down. The model is scripted; the program is tests/tools/agent_target_app.py,
which reports the clicks and the text it really receives.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.journeys.conftest import Desktop, scripted_answers, wait_until

pytestmark = [pytest.mark.gui, pytest.mark.slow]

PANEL = "^Desktop Helper agent$"


def _events(report: Path) -> list[dict]:
    if not report.exists():
        return []
    return [json.loads(line) for line in report.read_text().splitlines() if line.strip()]


@pytest.fixture
def target(desktop: Desktop, tmp_path: Path) -> Iterator[tuple[Path, dict]]:
    report = tmp_path / "target.jsonl"
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.tools.agent_target_app", str(report), "300", "250"], env=desktop.server.env
    )
    try:
        ready = wait_until(lambda: next((e for e in _events(report) if e["event"] == "ready"), None), "the target program")
        yield report, ready
    finally:
        process.terminate()
        process.wait(10)


def _step(reason: str, call: str) -> str:
    return f"{reason}\n<|begin_of_box|>{call}<|end_of_box|>\nMemory:\n[]"


def test_agent_confirm_skip_then_stop_hotkey_in_auto_mode(desktop: Desktop, start_app, target, tmp_path: Path) -> None:
    report, ready = target
    bx, by, bw, bh = ready["button"]
    point = f"[{round((bx + bw / 2) / 1920 * 1000)},{round((by + bh / 2) / 1080 * 1000)}]"
    click = _step("Press the Start typing button.", f"left_click(start_box='{point}')")
    typing = _step("Type the greeting.", "type(content='hello')")
    done = _step("The task is complete.", "DONE()")
    app = start_app(env=scripted_answers(tmp_path, click, typing, done, click))
    wait_until(lambda: app.status()["model"]["ready"], "the model")

    # run 1, asking before each step: confirm the click, skip the typing
    assert app.cli("agent", "Press Start typing and type hello").returncode == 0
    desktop.window(PANEL)
    confirm = app.widget("Confirm", "push button")
    wait_until(lambda: confirm.enabled, "step 1 waiting for Confirm")
    desktop.click_node(confirm)
    wait_until(lambda: any(e["event"] == "clicked" for e in _events(report)), "the click to reach the program")
    skip = app.widget("Skip", "push button")
    wait_until(lambda: skip.enabled, "step 2 waiting for Confirm or Skip", timeout=20)
    desktop.click_node(skip)
    wait_until(
        lambda: any("Agent finished (done)" in m["content"] for m in app.messages()), "the run to finish (DONE)", timeout=30
    )
    assert not any(e["event"] == "text" and "hello" in e["text"] for e in _events(report)), "the skipped step was performed"
    steps = [m["content"] for m in app.messages() if m["role"] == "assistant"]
    assert any("Step 1: performed" in s for s in steps), steps
    assert any("Step 2: skipped" in s for s in steps), steps

    # turn on auto mode in Settings > Agent, as a person would
    assert app.cli("settings").returncode == 0
    desktop.window("^Settings")
    desktop.click_node(app.widget("GUI agent", "list item"))
    desktop.click_node(app.field("Act without asking", "check box"))
    desktop.click_node(app.widget("OK", "push button"))
    desktop.no_window("^Settings")
    wait_until(lambda: app.settings_file().get("agent.auto_mode") is True, "auto mode saved")

    # run 2, auto mode: the countdown runs; the stop hotkey halts it before it acts
    clicks = sum(e["event"] == "clicked" for e in _events(report))
    assert app.cli("agent", "Press Start typing again").returncode == 0
    wait_until(lambda: app.ui().find(lambda n: n.name.startswith("Acting in ")), "the auto-mode countdown")
    desktop.hotkey("x")
    wait_until(
        lambda: sum("Agent finished (stopped)" in m["content"] for m in app.messages()) == 1, "the run to stop", timeout=10
    )
    app.widget("Stopped.", timeout=5)
    desktop.grab("agent-stopped")
    time.sleep(4)  # longer than the countdown: nothing must happen after stop
    assert sum(e["event"] == "clicked" for e in _events(report)) == clicks, "the agent acted after it was stopped"
    app.quit()
