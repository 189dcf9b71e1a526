"""A real X desktop for tests and benchmarks: Xvfb, a window manager with a system tray, and
optionally a compositor. Used by the pytest harness and by ``bench/*.py`` when there is no DISPLAY.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REQUIRED_TOOLS = ("Xvfb", "fluxbox", "xdotool")


def _die_with_parent() -> None:
    """Runs in the child before exec: end the X processes when the test process ends, whatever happens."""
    import ctypes
    import signal

    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class XServerError(RuntimeError):
    pass


def missing_tools() -> list[str]:
    return [tool for tool in REQUIRED_TOOLS if shutil.which(tool) is None]


@dataclass
class XServer:
    """Xvfb plus fluxbox (whose toolbar hosts the system tray).

    Args:
        screens: one (width, height) per X screen; with ``xinerama`` they form one desktop of
            several monitors side by side (what a two-monitor user has).
        window_manager: start fluxbox (tray included).
        compositor: start xcompmgr so translucent windows are really translucent.
    """

    screens: list[tuple[int, int]] = field(default_factory=lambda: [(1920, 1080)])
    xinerama: bool = False
    window_manager: bool = True
    compositor: bool = False
    display: str = ""
    _processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    _home: Path | None = None

    def start(self) -> XServer:
        missing = missing_tools()
        if missing:
            raise XServerError(f"missing X tools: {', '.join(missing)} (install: apt-get install xvfb fluxbox xdotool)")
        read_fd, write_fd = os.pipe()
        command = ["Xvfb", "-displayfd", str(write_fd), "-nolisten", "tcp", "-noreset", "-ac"]
        for index, (width, height) in enumerate(self.screens):
            command += ["-screen", str(index), f"{width}x{height}x24"]
        command += ["+xinerama"] if self.xinerama else []
        command += ["+extension", "RANDR", "+extension", "Composite", "+extension", "RECORD", "+extension", "XTEST"]
        self._processes["xvfb"] = subprocess.Popen(
            command, pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=_die_with_parent
        )
        os.close(write_fd)
        number = b""
        deadline = time.monotonic() + 20
        with os.fdopen(read_fd, "rb") as reader:
            while not number.endswith(b"\n") and time.monotonic() < deadline:
                chunk = reader.read(1)
                if not chunk:
                    break
                number += chunk
        if not number.strip():
            self.stop()
            raise XServerError("Xvfb did not start")
        self.display = f":{number.decode().strip()}"
        self._home = Path(tempfile.mkdtemp(prefix="xhome-"))
        try:
            if self.window_manager:
                self._start_fluxbox()
            if self.compositor:
                self.start_compositor()
        except BaseException:
            self.stop()  # never leave a half-started desktop behind
            raise
        return self

    @property
    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env["DISPLAY"] = self.display
        env.pop("WAYLAND_DISPLAY", None)
        env["XDG_SESSION_TYPE"] = "x11"
        return env

    def _start_fluxbox(self) -> None:
        assert self._home is not None
        config = self._home / ".fluxbox"
        config.mkdir()
        (config / "init").write_text(
            "session.screen0.toolbar.visible: true\n"
            "session.screen0.toolbar.tools: iconbar, systemtray, clock\n"
            "session.screen0.toolbar.placement: BottomCenter\n"
            "session.screen0.toolbar.autoHide: false\n"
            "session.screen0.toolbar.widthPercent: 100\n"
            "session.screen0.workspaces: 1\n"
            "session.styleFile: /usr/share/fluxbox/styles/Emerge\n"
            f"session.styleOverlay: {config / 'overlay'}\n"
        )
        # the style's background would make fluxbox run fbsetbg, which (with no wallpaper setter
        # installed) opens an "xmessage" window in the middle of the screen, over what tests look at
        (config / "overlay").write_text("background: unset\n")
        (config / "startup").write_text("")
        (config / "apps").write_text("")
        (config / "keys").write_text("")
        (config / "menu").write_text("[begin] (fluxbox)\n[end]\n")
        env = self.env
        env["HOME"] = str(self._home)
        self._processes["wm"] = subprocess.Popen(
            ["fluxbox", "-rc", str(config / "init"), "-no-slit"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=_die_with_parent,
        )
        self.wait_for(lambda: self.selection_owner("_NET_SYSTEM_TRAY_S0"), "the system tray")
        self.wait_for(lambda: self.root_property("_NET_SUPPORTING_WM_CHECK"), "the window manager")

    def start_compositor(self) -> None:
        if "compositor" in self._processes:
            return
        if shutil.which("xcompmgr") is None:
            raise XServerError("xcompmgr is not installed (apt-get install xcompmgr)")
        self._processes["compositor"] = subprocess.Popen(
            ["xcompmgr", "-n"], env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=_die_with_parent
        )
        self.wait_for(lambda: self.selection_owner("_NET_WM_CM_S0"), "the compositor")

    def stop_compositor(self) -> None:
        process = self._processes.pop("compositor", None)
        if process is not None:
            process.terminate()
            process.wait(10)
            self.wait_for(lambda: not self.selection_owner("_NET_WM_CM_S0"), "the compositor to stop")

    def selection_owner(self, atom: str) -> bool:
        from Xlib import X, display

        connection = display.Display(self.display)
        try:
            owner = connection.get_selection_owner(connection.intern_atom(atom))
            return bool(owner != X.NONE and owner is not None and getattr(owner, "id", owner) != 0)
        finally:
            connection.close()

    def root_property(self, name: str) -> bool:
        from Xlib import display

        connection = display.Display(self.display)
        try:
            root = connection.screen().root
            return root.get_full_property(connection.intern_atom(name), 0) is not None
        finally:
            connection.close()

    def wait_for(self, condition: object, what: str, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if callable(condition) and condition():
                    return
            except Exception:  # the server may still be starting
                pass
            time.sleep(0.05)
        raise XServerError(f"timed out waiting for {what} on {self.display}")

    def xdotool(self, *args: str) -> str:
        result = subprocess.run(["xdotool", *args], env=self.env, capture_output=True, text=True, check=True, timeout=30)
        return result.stdout

    def stop(self) -> None:
        for name in ("compositor", "wm", "xvfb"):
            process = self._processes.pop(name, None)
            if process is None:
                continue
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if self._home is not None:
            shutil.rmtree(self._home, ignore_errors=True)
            self._home = None

    def __enter__(self) -> XServer:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()
