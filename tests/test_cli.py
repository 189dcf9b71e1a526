"""The command line: help, version and errors without a display; forwarding to a running instance."""

from __future__ import annotations

import subprocess
import sys

import pytest

from desktop_helper import __version__


def run(*argv: str, env_remove: tuple[str, ...] = ("DISPLAY", "WAYLAND_DISPLAY")) -> subprocess.CompletedProcess[str]:
    import os

    env = {k: v for k, v in os.environ.items() if k not in env_remove}
    return subprocess.run(
        [sys.executable, "-m", "desktop_helper", *argv], env=env, capture_output=True, text=True, timeout=60, check=False
    )


def test_version_without_display() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"desktop-helper {__version__}"


def test_help_without_display_lists_commands_and_skips_qt() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in ("show-chat", "capture", "record", "find", "agent", "stop", "quit", "settings"):
        assert command in result.stdout
    code = "import sys; from desktop_helper.__main__ import build_parser; build_parser(); print('PySide6' in sys.modules)"
    probe = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert probe.stdout.strip() == "False"


def test_console_script_is_installed() -> None:
    from pathlib import Path

    script = Path(sys.executable).with_name("desktop-helper")
    result = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=60, check=False)
    assert result.stdout.strip() == f"desktop-helper {__version__}"


def test_unknown_command_is_a_usage_error_not_a_traceback() -> None:
    result = run("fly-to-the-moon")
    assert result.returncode == 2
    assert "invalid choice: 'fly-to-the-moon'" in result.stderr
    assert "--help" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_argument_is_a_usage_error() -> None:
    result = run("capture", "everything")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", ["quit", "stop", "status"])
def test_commands_for_a_running_app_when_none_runs(command: str) -> None:
    result = run(command)
    assert result.returncode == 4
    assert result.stderr.strip() == "Desktop Helper is not running."


def test_no_display_is_a_clear_message() -> None:
    result = run()
    assert result.returncode == 3
    assert "no display found" in result.stderr
    assert "Traceback" not in result.stderr


def test_ask_without_a_model_names_its_own_options() -> None:
    """The app's notice points to Settings; the command line's message leads with the options to pass."""
    result = run("ask", "hi", "--no-forward")
    assert result.returncode == 1
    assert "No model is set up yet." in result.stderr
    assert "Pass --model FILE.gguf --mmproj MMPROJ.gguf" in result.stderr
    assert "Traceback" not in result.stderr
