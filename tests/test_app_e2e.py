"""The real app, as a user starts it, on the real X server: tray, forwarding, chat window, quit."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

import mss
import numpy as np
import pytest
from PIL import Image

from tests.fixtures.tiny_model import TinyModel
from tests.harness.app_process import AppProcess
from tests.harness.xserver import XServer

pytestmark = [pytest.mark.gui, pytest.mark.slow]

# Qt and the libraries may log harmless lines to stderr on some systems; nothing else is allowed
ALLOWED_STDERR = re.compile(r"^$")


def tray_icon_windows(server: XServer, pid: int) -> list[str]:
    """Windows of ``pid`` that the system tray has embedded (their parent is not the root window)."""
    # both tools walk the window tree; a window destroyed during the walk (the tray icon redrawn, a popup
    # closing) makes them fail now and then, and a caller waiting for the icon simply looks again
    tree = subprocess.run(["xwininfo", "-root", "-tree"], env=server.env, capture_output=True, text=True, check=False).stdout
    ours: set[str] = set()
    if pid:
        search = ["xdotool", "search", "--pid", str(pid)]
        ours = set(subprocess.run(search, env=server.env, capture_output=True, text=True, check=False, timeout=30).stdout.split())
    embedded = []
    for line in tree.splitlines():
        match = re.match(r"\s+(0x[0-9a-f]+) .*?(\d+)x(\d+)\+", line)
        if not match:
            continue
        window = str(int(match.group(1), 16))
        width, height = int(match.group(2)), int(match.group(3))
        indent = len(line) - len(line.lstrip())
        # top-level windows sit at the root's first indentation level; tray icons are nested deeper
        if window in ours and indent > 8 and width <= 64 and height <= 64:
            embedded.append(window)
    return embedded


def visible_window(server: XServer, title: str) -> str | None:
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", title], env=server.env, capture_output=True, text=True, check=False
    ).stdout.split()
    return found[0] if found else None


def window_geometry(server: XServer, window: str) -> tuple[int, int, int, int]:
    out = server.xdotool("getwindowgeometry", "--shell", window)
    values = dict(line.split("=") for line in out.split())
    return int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"])


def grab(server: XServer, path: Path) -> Image.Image:
    with mss.MSS(display=server.display) as screen:
        shot = screen.grab(screen.monitors[0])
        image = Image.frombytes("RGB", shot.size, shot.bgra, "raw", "BGRX")
    image.save(path)
    return image


def test_tray_app_starts_forwards_commands_and_quits(x_server: XServer, tmp_path: Path) -> None:
    app = AppProcess(tmp_path / "profile", x_server.env)
    try:
        status = app.wait_ready()
        assert status["tray"] is True
        assert status["chat_visible"] is False
        x_server.wait_for(lambda: tray_icon_windows(x_server, app.process.pid), "our icon in the system tray")
        # a first start with no model and no provider offers to set one up
        x_server.wait_for(lambda: visible_window(x_server, "^Welcome"), "the welcome window")

        # a second launch does not start a second app: it forwards "show-chat"
        second = app.cli()
        assert second.returncode == 0, second.stderr
        title = "^Chat"
        x_server.wait_for(lambda: visible_window(x_server, title), "the chat window")
        assert app.cli("status").stdout.count('"chat_visible": true') == 1

        # the screen really shows it
        window = visible_window(x_server, title)
        assert window is not None
        x, y, width, height = window_geometry(x_server, window)
        screenshot = grab(x_server, tmp_path / "screen-with-chat.png")
        inside = np.asarray(screenshot.crop((x + 10, y + 10, x + width - 10, y + height - 10)), dtype=np.float32)
        assert inside.mean() > 150, "the chat window area should be painted (light Qt window), not the dark desktop"
        assert screenshot.size == (1920, 1080)

        hidden = app.cli("hide-chat")
        assert hidden.returncode == 0
        x_server.wait_for(lambda: visible_window(x_server, title) is None, "the chat window to hide")

        unknown = app.cli("settings", "--bogus")
        assert unknown.returncode == 2

        quit_result = app.cli("quit")
        assert quit_result.returncode == 0, quit_result.stderr
        assert app.wait_exit() == 0
        assert ALLOWED_STDERR.match(app.stderr), app.stderr
        log = app.log_text()
        assert "started tray icon" in log
        assert "stopped tray icon" in log
        assert "Traceback" not in log
    finally:
        app.kill()


def test_without_a_tray_the_chat_window_opens_and_says_why(tmp_path: Path) -> None:
    with XServer(window_manager=False) as bare:
        app = AppProcess(tmp_path / "profile", bare.env)
        try:
            status = app.wait_ready()
            assert status["tray"] is False
            assert status["chat_visible"] is True
            assert "No system tray was found" in app.log_text()
            assert app.cli("quit").returncode == 0
            assert app.wait_exit() == 0
            assert app.stderr == ""
        finally:
            app.kill()


def test_command_given_at_start_runs_once_the_app_is_up(x_server: XServer, tmp_path: Path) -> None:
    app = AppProcess(tmp_path / "profile", x_server.env, args=("show-chat",))
    try:
        x_server.wait_for(lambda: visible_window(x_server, "^Chat"), "the chat window", timeout=60)
        assert app.cli("quit").returncode == 0
        assert app.wait_exit() == 0
    finally:
        app.kill()


def test_corrupt_settings_file_is_reported_and_the_app_still_starts(x_server: XServer, tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    (profile / "config").mkdir(parents=True)
    (profile / "config" / "settings.json").write_text("{not json")
    app = AppProcess(profile, x_server.env)
    try:
        app.wait_ready()
        assert "settings file" in app.log_text()
        assert list((profile / "config").glob("settings.json.damaged-*"))
        assert app.cli("quit").returncode == 0
        assert app.wait_exit() == 0
        assert app.stderr == ""
    finally:
        app.kill()


def test_start_at_login_setting_creates_and_adopts_the_autostart_entry(x_server: XServer, tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    (profile / "config").mkdir(parents=True)
    (profile / "config" / "settings.json").write_text('{"version": 1, "values": {"general.start_at_login": true}}')
    env = dict(x_server.env, XDG_CONFIG_HOME=str(tmp_path / "xdg"))
    entry = tmp_path / "xdg" / "autostart" / "desktop-helper.desktop"
    app = AppProcess(profile, env)
    try:
        app.wait_ready()
        assert "Exec=" in entry.read_text()
        assert app.cli("quit").returncode == 0
        assert app.wait_exit() == 0
    finally:
        app.kill()

    # an entry made by an installer, with the setting never touched: the app keeps it and says so in settings
    (profile / "config" / "settings.json").unlink()
    app = AppProcess(profile, env)
    try:
        app.wait_ready()
        assert entry.exists()
        assert '"general.start_at_login": true' in (profile / "config" / "settings.json").read_text()
        assert app.cli("quit").returncode == 0
        assert app.wait_exit() == 0
    finally:
        app.kill()


def test_headless_ask_uses_the_running_apps_model(x_server: XServer, tmp_path: Path, tiny_glm4v: TinyModel) -> None:
    profile = tmp_path / "profile"
    (profile / "config").mkdir(parents=True)
    values = {"models.local_model_path": str(tiny_glm4v.model), "models.local_mmproj_path": str(tiny_glm4v.mmproj)}
    (profile / "config" / "settings.json").write_text(json.dumps({"version": 1, "values": values}))
    image = tmp_path / "shot.png"
    Image.new("RGB", (64, 48), (200, 30, 30)).save(image)
    app = AppProcess(profile, x_server.env)
    try:
        app.wait_ready()
        x_server.wait_for(lambda: json.loads(app.cli("status").stdout)["model"]["ready"], "the local model", timeout=60)
        model = json.loads(app.cli("status").stdout)["model"]
        # which device runs it and which CPU backend variant: no GPU here, so the CPU
        assert model["runtime"]["summary"].startswith("CPU only")
        assert model["runtime"]["cpu_backend"].startswith("CPU backend ")
        assert model["runtime"]["layers_total"] > 0
        assert " on CPU only" in model["state"]
        assert visible_window(x_server, "^Welcome") is None  # a model is set up: no welcome
        result = app.cli("ask", "what colour is this?", "--image", str(image), "--json", "--max-tokens", "8", timeout=120)
        assert result.returncode == 0, result.stderr
        answer = json.loads(result.stdout.strip().splitlines()[-1])
        assert answer["usage"]["completion_tokens"] > 0
        assert answer["usage"]["image_tokens"] > 0
        # answered by the app's loaded model, not by a second copy in the CLI process
        assert "forwarded command: ['ask']" in app.log_text()
        assert app.cli("quit").returncode == 0
        assert app.wait_exit() == 0
    finally:
        app.kill()


def test_find_command_draws_what_the_model_found(x_server: XServer, tmp_path: Path) -> None:
    answer = tmp_path / "answer.txt"
    answer.write_text('[{"label": "Save", "bbox_2d": [100, 100, 300, 200]}]')
    env = dict(x_server.env, DESKTOP_HELPER_SCRIPTED_BACKEND=str(answer))
    app = AppProcess(tmp_path / "profile", env)
    try:
        app.wait_ready()
        assert app.cli("find", "the", "Save", "button").returncode == 0
        # the screen under the cursor was captured on the capture thread, asked about, and drawn
        x_server.wait_for(lambda: "find 'the Save button': 1 item(s)" in app.log_text(), "the find result", timeout=30)
        assert app.cli("quit").returncode == 0
        assert app.wait_exit() == 0
        assert app.stderr == ""
    finally:
        app.kill()


def test_stop_command_cancels_a_search_and_takes_its_boxes_down(x_server: XServer, tmp_path: Path) -> None:
    # A slow model writes seven boxes; they appear one by one until the user says stop.
    boxes = [{"label": f"item {i}", "bbox_2d": [100 * i, 100, 100 * i + 50, 150]} for i in range(1, 8)]
    answer = "[" + ",\n".join(json.dumps(box) for box in boxes) + "]"
    script = tmp_path / "answer.json"
    script.write_text(json.dumps({"script": [answer], "chunk_size": 8, "delay": 0.15}))
    app = AppProcess(tmp_path / "profile", dict(x_server.env, DESKTOP_HELPER_SCRIPTED_BACKEND=str(script)))
    overlay = "^Desktop Helper overlay$"
    try:
        app.wait_ready()
        # the CLI's find waits for the result: it runs alongside
        finding = subprocess.Popen(
            [sys.executable, "-m", "desktop_helper", "find", "items"], env=app.env, stdout=subprocess.PIPE, text=True
        )
        x_server.wait_for(lambda: visible_window(x_server, overlay), "boxes while the answer streams", timeout=30)
        assert "find 'items'" not in app.log_text()  # the answer is still coming
        assert app.cli("stop").returncode == 0
        x_server.wait_for(lambda: "find 'items': 0 item(s)" in app.log_text(), "the search to stop", timeout=10)
        printed, _ = finding.communicate(timeout=10)
        assert finding.returncode == 1
        assert printed.strip().splitlines()[-1].startswith("Nothing found for: items")
        assert visible_window(x_server, overlay) is None
        time.sleep(1.0)
        assert visible_window(x_server, overlay) is None  # no box came back
        assert app.cli("quit").returncode == 0
        assert app.wait_exit() == 0
        assert app.stderr == ""
    finally:
        app.kill()


def test_two_launches_at_the_same_moment_make_one_app(x_server: XServer, tmp_path: Path) -> None:
    """Found using the app: two launches at once (a double-clicked launcher, autostart racing the
    user) both found nobody answering and both started: two tray icons, every hotkey handled twice,
    both writing the same settings and history. The second must hand its command to the first."""
    import sys

    profile = tmp_path / "profile"
    script = tmp_path / "answer.txt"
    script.write_text("Hello.", encoding="utf-8")
    env = dict(x_server.env, DESKTOP_HELPER_SCRIPTED_BACKEND=str(script))
    first = AppProcess(profile, env)
    second = subprocess.Popen(
        [sys.executable, "-m", "desktop_helper"],
        env=first.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        # either may win the race (the one started second can finish importing first on a busy
        # machine): exactly one hands its command over and exits, the other is the app
        deadline = time.monotonic() + 90
        while first.process.poll() is None and second.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
        assert (first.process.poll() is None) != (second.poll() is None), "not exactly one launch exited"
        handed_over, app = (second, first.process) if second.poll() is not None else (first.process, second)
        if handed_over is first.process:
            assert handed_over.returncode == 0, first.stderr
        else:
            assert handed_over.returncode == 0, second.communicate()[1].decode(errors="replace")
        first.process = app  # the CLI helpers below talk to whichever is the app
        status = first.wait_ready()
        assert status["pid"] == app.pid
        time.sleep(2)
        assert app.poll() is None
        assert len(tray_icon_windows(x_server, app.pid)) == 1
        # the command of the launch that exited (show the chat) reached the app
        x_server.wait_for(lambda: first.cli("status").stdout.count('"chat_visible": true') == 1, "the chat window")
        assert first.cli("quit").returncode == 0
        assert app.wait(30) == 0
    finally:
        first.kill()
        if second.poll() is None:
            second.kill()
        second.communicate()
