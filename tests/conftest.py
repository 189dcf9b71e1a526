"""The test harness: a real X desktop for the whole session, and a fresh profile per test.

Every test runs with ``DESKTOP_HELPER_HOME`` pointing at its own temporary folder, so no test
reads or writes the developer's settings, history or logs, and with keyring's ``fail`` backend
so no test touches a real keyring (the Secret Service test opts into its own private one).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.harness.xserver import XServer

pytest_plugins = [
    plugin
    for plugin in ("tests.fixtures.tiny_model", "tests.fixtures.servers")
    if (Path(__file__).parent / "fixtures" / (plugin.rsplit(".", 1)[1] + ".py")).exists()
]


_OUTLIVES_THE_SESSION: list[XServer] = []


@pytest.fixture(scope="session", autouse=True)
def x_server() -> Iterator[XServer]:
    """Xvfb + fluxbox (with a system tray) for the whole run; DISPLAY points at it."""
    server = XServer(screens=[(1920, 1080)]).start()
    saved = {key: os.environ.get(key) for key in ("DISPLAY", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE", "QT_QPA_PLATFORM")}
    os.environ["DISPLAY"] = server.display
    os.environ.pop("WAYLAND_DISPLAY", None)
    os.environ["XDG_SESSION_TYPE"] = "x11"
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    yield server
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        server.stop()
    else:
        # Qt would notice its X server gone and exit(1) before pytest reports: the X processes end
        # with this process instead (XServer gives them a parent-death signal)
        _OUTLIVES_THE_SESSION.append(server)
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture(autouse=True)
def profile(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh app profile (config, data, logs) and XDG folders for every test."""
    root = tmp_path_factory.mktemp("profile")
    monkeypatch.setenv("DESKTOP_HELPER_HOME", str(root))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(root / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(root / "xdg-data"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    for name in list(os.environ):
        if name.startswith("DESKTOP_HELPER_API_KEY_"):
            monkeypatch.delenv(name)
    return root


@pytest.fixture(autouse=True)
def _no_leaked_threads() -> Iterator[None]:
    """A test must not leave threads running behind it (workers, listeners, servers)."""
    before = set(threading.enumerate())
    yield
    # give threads that were told to stop a moment to finish
    deadline = 50
    leaked: list[threading.Thread] = []
    for _ in range(deadline):
        leaked = [t for t in threading.enumerate() if t not in before and t.is_alive() and not t.daemon]
        if not leaked:
            break
        threading.Event().wait(0.1)
    assert not leaked, f"threads left running: {[t.name for t in leaked]}"
