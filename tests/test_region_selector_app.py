"""The real app's region selector takes the keyboard whatever had the focus before it opened.

Escape and Enter are real X key events (xdotool) sent while the chat input, another program's
window, or nothing had the focus; the selector must react to them, not the window behind it.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.harness.app_process import AppProcess
from tests.harness.xserver import XServer

pytestmark = [pytest.mark.gui, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[1]
OTHER_APP = (1200, 150, 400, 300)  # x, y, width, height of the other program's window


def status(app: AppProcess) -> dict[str, Any]:
    result = app.cli("status")
    assert result.returncode == 0, result.stderr
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def search(x_server: XServer, *args: str) -> list[str]:
    found = subprocess.run(["xdotool", "search", *args], env=x_server.env, capture_output=True, text=True, check=False)
    return found.stdout.split()


def selector_windows(x_server: XServer) -> list[str]:
    return search(x_server, "--onlyvisible", "--name", "^Select a region$")


def focused_window(x_server: XServer) -> str:
    result = subprocess.run(["xdotool", "getwindowfocus"], env=x_server.env, capture_output=True, text=True, check=False)
    return result.stdout.strip()


def focus_nothing(x_server: XServer) -> None:
    from Xlib import X
    from Xlib import display as xdisplay

    connection = xdisplay.Display(x_server.display)
    try:
        connection.set_input_focus(X.NONE, X.RevertToNone, X.CurrentTime)
        connection.sync()
    finally:
        connection.close()


def captures(app: AppProcess) -> list[str]:
    return re.findall(r"capture: (\d+x\d+ at \([^)]*\))", app.log_text())


@pytest.fixture
def app(x_server: XServer, tmp_path: Path) -> Iterator[AppProcess]:
    running = AppProcess(tmp_path / "profile", x_server.env)
    try:
        running.wait_ready()
        x_server.wait_for(lambda: "ready in" in running.log_text(), "the app to finish starting")
        for welcome in search(x_server, "--onlyvisible", "--name", "^Welcome"):
            x_server.xdotool("windowclose", welcome)
        yield running
    finally:
        running.kill()


@pytest.fixture
def other_app(x_server: XServer) -> Iterator[str]:
    """Another program's ordinary (managed) window."""
    x, y, w, h = OTHER_APP
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.fixtures.colour_window", str(x), str(y), str(w), str(h), "--managed"],
        cwd=ROOT,
        env=x_server.env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "ready"
        found = search(x_server, "--onlyvisible", "--name", "^colour-window$")
        assert found, "the other program's window is not on screen"
        yield found[0]
    finally:
        process.kill()
        process.wait(10)
        if process.stdout is not None:
            process.stdout.close()


def focus_chat_input(x_server: XServer, app: AppProcess) -> str:
    assert app.cli("show-chat").returncode == 0
    x_server.wait_for(lambda: search(x_server, "--onlyvisible", "--name", "^Chat"), "the chat window")
    chat = search(x_server, "--onlyvisible", "--name", "^Chat")[0]
    geometry = x_server.xdotool("getwindowgeometry", "--shell", chat)
    values = dict(line.split("=") for line in geometry.split())
    # the input sits at the bottom of the chat, above the Attach/Send row
    x_server.xdotool(
        "mousemove", str(int(values["X"]) + int(values["WIDTH"]) // 2), str(int(values["Y"]) + int(values["HEIGHT"]) - 70)
    )
    x_server.xdotool("click", "1")
    x_server.wait_for(lambda: focused_window(x_server) == chat, "the chat to have the focus")
    return chat


def open_selector(x_server: XServer, app: AppProcess) -> None:
    result = app.cli("capture", "region")
    assert result.returncode == 0, result.stdout + result.stderr
    x_server.wait_for(lambda: selector_windows(x_server), "the region selector to open")


def escape_closes_the_selector(x_server: XServer, app: AppProcess, start: str) -> None:
    before = captures(app)
    open_selector(x_server, app)
    x_server.xdotool("key", "Escape")
    x_server.wait_for(lambda: not selector_windows(x_server), f"Escape to close the selector ({start} focused)", timeout=5)
    assert captures(app) == before, "a cancelled selection attached a capture"
    # cancelled for real: the next capture can start (a stuck selector keeps the controller busy)
    open_selector(x_server, app)
    x_server.xdotool("key", "Escape")
    x_server.wait_for(lambda: not selector_windows(x_server), f"a second Escape to work ({start} focused)", timeout=5)


def test_escape_cancels_the_selector_when_the_chat_input_had_the_focus(x_server: XServer, app: AppProcess) -> None:
    focus_chat_input(x_server, app)
    escape_closes_the_selector(x_server, app, "the chat input")
    # the chat comes back as it was, and the Escape went to the selector, not into it
    x_server.wait_for(lambda: status(app)["chat_visible"] is True, "the chat to come back")
    assert "Traceback" not in app.log_text()


def test_escape_cancels_the_selector_when_another_program_had_the_focus(
    x_server: XServer, app: AppProcess, other_app: str
) -> None:
    x_server.xdotool("windowactivate", "--sync", other_app)
    x_server.wait_for(lambda: focused_window(x_server) == other_app, "the other program to have the focus")
    escape_closes_the_selector(x_server, app, "another program")


def test_escape_cancels_the_selector_when_nothing_had_the_focus(x_server: XServer, app: AppProcess) -> None:
    assert status(app)["chat_visible"] is False
    focus_nothing(x_server)
    escape_closes_the_selector(x_server, app, "nothing")


def test_enter_takes_the_window_under_the_cursor_when_the_chat_had_the_focus(
    x_server: XServer, app: AppProcess, other_app: str
) -> None:
    focus_chat_input(x_server, app)
    open_selector(x_server, app)
    x, y, w, h = OTHER_APP
    x_server.xdotool("mousemove", str(x + w // 2), str(y + h // 2))  # hovering a window outlines it
    x_server.xdotool("key", "Return")
    x_server.wait_for(lambda: not selector_windows(x_server), "Enter to confirm the selection", timeout=5)
    x_server.wait_for(lambda: captures(app), "the selection to be captured")
    size = captures(app)[-1].split(" at ")[0]
    width, height = (int(v) for v in size.split("x"))
    assert w <= width <= w + 20, f"captured {size}, not the other program's window"
    assert h <= height <= h + 40, f"captured {size}, not the other program's window"


def test_a_dialog_open_when_the_selector_starts_does_not_crash_the_app(x_server: XServer, app: AppProcess) -> None:
    x_server.xdotool("key", "ctrl+alt+shift+g")  # the agent asks what to do, in a dialog
    x_server.wait_for(lambda: search(x_server, "--onlyvisible", "--name", "^GUI agent"), "the agent's dialog")
    escape_closes_the_selector(x_server, app, "a dialog")
    assert app.cli("show-chat").returncode == 0
    x_server.wait_for(lambda: status(app)["chat_visible"] is True, "the app to answer after the selection")
    assert not list((app.profile / "logs").glob("crash-*")), app.log_text()[-2000:]
