"""The language change's "Restart now" starts the same program again, with the same profile, without the first command."""

from __future__ import annotations

from desktop_helper.app import relaunch_command


def test_module_run_restarts_as_a_module_with_its_profile() -> None:
    orig = ["/usr/bin/python3", "-m", "desktop_helper", "--profile", "/p", "settings"]
    argv = ["/src/desktop_helper/__main__.py", "--profile", "/p", "settings"]
    assert relaunch_command(orig, argv, frozen=False, executable="/venv/bin/python") == [
        "/venv/bin/python",
        "-m",
        "desktop_helper",
        "--profile",
        "/p",
    ]


def test_console_script_restarts_through_its_script_keeping_verbose() -> None:
    orig = ["/venv/bin/python", "/venv/bin/desktop-helper", "--verbose", "capture", "region"]
    argv = ["/venv/bin/desktop-helper", "--verbose", "capture", "region"]
    assert relaunch_command(orig, argv, frozen=False, executable="/venv/bin/python") == [
        "/venv/bin/python",
        "/venv/bin/desktop-helper",
        "--verbose",
    ]


def test_bundle_restarts_its_own_executable() -> None:
    argv = ["/opt/desktop-helper/desktop-helper", "--profile=/p"]
    assert relaunch_command(argv, argv, frozen=True, executable="/opt/desktop-helper/desktop-helper") == [
        "/opt/desktop-helper/desktop-helper",
        "--profile=/p",
    ]
