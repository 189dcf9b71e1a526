"""The real app: a real hotkey pressed by xdotool captures the screen into the chat; CLI capture and record."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from tests.harness.app_process import AppProcess
from tests.harness.xserver import XServer

pytestmark = [pytest.mark.gui, pytest.mark.slow]


def test_hotkey_and_cli_capture_and_record_in_the_running_app(x_server: XServer, tmp_path: Path) -> None:
    app = AppProcess(tmp_path / "profile", x_server.env)
    try:
        app.wait_ready()
        x_server.wait_for(lambda: "listening for hotkeys" in app.log_text(), "the hotkeys to start")
        x_server.xdotool("mousemove", "50", "50")
        x_server.xdotool("key", "ctrl+alt+shift+s")
        x_server.wait_for(lambda: "capture: 1920x1080 at (0, 0) on monitor 1" in app.log_text(), "the hotkey's capture")
        assert "hotkey capture_screen -> capture screen" in app.log_text()
        x_server.wait_for(lambda: '"chat_visible": true' in app.cli("status").stdout, "the chat window with the capture")

        # the same through the CLI, for a desktop shortcut on Wayland
        result = app.cli("capture", "monitor", "1")
        assert result.returncode == 0, result.stderr
        x_server.wait_for(lambda: app.log_text().count("capture: 1920x1080") >= 2, "the CLI capture")
        bad = app.cli("capture", "monitor", "9")
        assert bad.returncode == 1
        assert "no monitor 9" in bad.stdout

        # recording: start and stop from the CLI; the file is announced
        assert app.cli("record", "start").returncode == 0
        time.sleep(2.5)
        status = json.loads(app.cli("status").stdout.strip().splitlines()[-1])
        assert status["capture"] == "mss"
        assert status["hotkeys"] is True
        assert status["recording"]["seconds"] >= 2
        assert status["recording"]["frames"] > 0
        assert app.cli("record", "stop").returncode == 0
        x_server.wait_for(lambda: "recording finished" in app.log_text(), "the recording to finish", timeout=60)
        saved = re.search(r"recording finished: (\S+\.mp4)", app.log_text())
        assert saved is not None
        assert Path(saved.group(1)).stat().st_size > 0

        assert app.cli("quit").returncode == 0
        assert app.wait_exit() == 0
        assert "Traceback" not in app.log_text()
        assert "stopped hotkeys" in app.log_text()
    finally:
        app.kill()
