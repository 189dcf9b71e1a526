"""Start-up time to a ready tray icon, idle memory and idle CPU: our app vs a bare PySide6 tray app.

Both are started the same way (a fresh Python process) on the same X desktop; "ready" is the
moment the system tray has embedded the new icon, seen from outside through X.
Run: uv run python bench/startup.py
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repo root: bench and tests import as packages
from Xlib import X
from Xlib import display as xdisplay

from bench._common import display, median, summary

RUNS = 5
IDLE_SECONDS = 10.0

BARE_TRAY = textwrap.dedent(
    """
    import sys
    from PySide6.QtGui import QIcon, QPixmap, QColor
    from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon
    app = QApplication(sys.argv)
    app.setQuitOnLastWindowClosed(False)
    pixmap = QPixmap(32, 32)
    pixmap.fill(QColor("#3b82f6"))
    tray = QSystemTrayIcon(QIcon(pixmap))
    menu = QMenu()
    menu.addAction("Quit", app.quit)
    tray.setContextMenu(menu)
    tray.show()
    sys.exit(app.exec())
    """
)


def tray_icon_count(connection: xdisplay.Display) -> int:
    """Windows embedded in the system tray (all levels below the tray manager's window)."""
    owner = connection.get_selection_owner(connection.intern_atom("_NET_SYSTEM_TRAY_S0"))
    if owner == X.NONE:
        raise RuntimeError("no system tray on this display")
    # the tray reparents each icon (a small client window with a WM_CLASS) into its own container
    root = connection.screen().root
    count = 0
    stack = [(child, 1) for child in root.query_tree().children]
    while stack:
        window, depth = stack.pop()
        try:
            children = window.query_tree().children
            if depth >= 2 and window.get_wm_class() is not None and window.get_geometry().width <= 64:
                count += 1
        except Exception:  # windows come and go while we walk the tree
            continue
        stack.extend((child, depth + 1) for child in children)
    return count


def wait_for_new_icon(connection: xdisplay.Display, before: int, process: subprocess.Popen[bytes], timeout: float = 60) -> float:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if tray_icon_count(connection) > before:
            return time.monotonic()
        if process.poll() is not None:
            raise RuntimeError(f"process exited with {process.returncode}")
        time.sleep(0.005)
    raise RuntimeError("no tray icon appeared")


def start(command: list[str], env: dict[str, str], connection: xdisplay.Display) -> tuple[float, subprocess.Popen[bytes]]:
    before = tray_icon_count(connection)
    started = time.monotonic()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ready = wait_for_new_icon(connection, before, process)
    return ready - started, process


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def idle_figures(process: subprocess.Popen[bytes]) -> tuple[float, float]:
    """RSS in MB and CPU percent over IDLE_SECONDS, after the app settled for 2 s."""
    time.sleep(2.0)
    proc = psutil.Process(process.pid)
    cpu_before = proc.cpu_times()
    time.sleep(IDLE_SECONDS)
    cpu_after = proc.cpu_times()
    used = (cpu_after.user - cpu_before.user) + (cpu_after.system - cpu_before.system)
    return proc.memory_info().rss / 2**20, used / IDLE_SECONDS * 100


def ready_in_log(profile: Path) -> float:
    """When every feature (capture, overlay, agent, hotkeys) was up, per the app's log (ms from app import)."""
    log = profile / "logs" / "desktop-helper.log"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        match = re.search(r"ready in (\d+) ms$", log.read_text() if log.exists() else "", re.MULTILINE)
        if match:
            return float(match.group(1))
        time.sleep(0.05)
    raise RuntimeError(f"the app never logged that it was ready: {log}")


def main() -> None:
    with display():
        connection = xdisplay.Display()
        env = dict(os.environ)
        env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
        app_times: list[float] = []
        features_ms: list[float] = []
        bare_times: list[float] = []
        idle: dict[str, tuple[float, float]] = {}
        with tempfile.TemporaryDirectory() as tmp:
            bare_script = Path(tmp) / "bare_tray.py"
            bare_script.write_text(BARE_TRAY)
            for run in range(RUNS):
                # alternate so both see the same warm caches and machine load
                seconds, process = start([sys.executable, str(bare_script)], env, connection)
                bare_times.append(seconds)
                if run == RUNS - 1:
                    idle["bare"] = idle_figures(process)
                stop(process)
                app_env = dict(env, DESKTOP_HELPER_HOME=str(Path(tmp) / f"profile-{run}"))
                seconds, process = start([sys.executable, "-m", "desktop_helper"], app_env, connection)
                app_times.append(seconds)
                features_ms.append(ready_in_log(Path(tmp) / f"profile-{run}"))
                if run == RUNS - 1:
                    idle["app"] = idle_figures(process)
                stop(process)
        connection.close()

    app_ms, bare_ms = median(app_times) * 1000, median(bare_times) * 1000
    print(f"start-up to tray icon, median of {RUNS}: desktop-helper {app_ms:.0f} ms, bare PySide6 tray {bare_ms:.0f} ms")
    print(f"  ratio {app_ms / bare_ms:.2f} (goal <= 2)")
    print(f"  all features up (capture, overlay, agent, hotkeys), from the app's log: {median(features_ms):.0f} ms")
    print(f"idle RSS: desktop-helper {idle['app'][0]:.1f} MB, bare {idle['bare'][0]:.1f} MB")
    print(f"idle CPU over {IDLE_SECONDS:.0f} s: desktop-helper {idle['app'][1]:.2f} %, bare {idle['bare'][1]:.2f} %")
    summary(
        {
            "startup_ms": app_ms,
            "bare_startup_ms": bare_ms,
            "startup_ratio": app_ms / bare_ms,
            "features_ready_ms": median(features_ms),
            "idle_rss_mb": idle["app"][0],
            "bare_idle_rss_mb": idle["bare"][0],
            "idle_cpu_percent": idle["app"][1],
            "bare_idle_cpu_percent": idle["bare"][1],
            "runs": RUNS,
        }
    )


if __name__ == "__main__":
    main()
