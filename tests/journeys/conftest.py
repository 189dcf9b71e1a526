"""A person at the desktop: real X input (xdotool), the public CLI, and what they can see.

The journeys run the real app (:class:`tests.harness.app_process.AppProcess`) on the session's Xvfb +
fluxbox and act on it only as a person would: keys, typing, mouse moves, clicks and drags through
xdotool, and ``desktop-helper ...`` commands. They check what a person would see: windows (titles,
places), pixels of a screen grab, files, the history database. To find a widget to click, and to
read what a page says, they use the accessibility tree the app publishes over AT-SPI
(:mod:`tests.journeys.atspi`), as a screen reader would.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import mss
import numpy as np
import pytest
from PIL import Image

from desktop_helper.settings.paths import app_paths
from tests.harness.app_process import AppProcess
from tests.harness.xserver import XServer
from tests.journeys.atspi import AccessibilityBus, AccessibleTree, Node

HOTKEY = "ctrl+alt+shift+"  # the default chord: README "Default hotkeys use Ctrl+Alt+Shift"


def wait_until(condition: Callable[[], Any], what: str, timeout: float = 20.0, interval: float = 0.05) -> Any:
    """Poll ``condition`` until it returns something truthy (returned); fail saying what never happened."""
    deadline = time.monotonic() + timeout
    last_error: BaseException | None = None
    while time.monotonic() < deadline:
        try:
            value = condition()
            if value:
                return value
        except (AssertionError, RuntimeError, OSError, ValueError, sqlite3.Error, KeyError) as exc:
            last_error = exc
        time.sleep(interval)
    raise AssertionError(
        f"timed out after {timeout:g} s waiting for {what}" + (f" (last error: {last_error})" if last_error else "")
    )


@dataclass(frozen=True)
class Window:
    """A top-level X window as the window manager placed it."""

    id: str
    x: int
    y: int
    width: int
    height: int

    @property
    def centre(self) -> tuple[int, int]:
        return self.x + self.width // 2, self.y + self.height // 2


class Desktop:
    """The person's hands (xdotool) and eyes (screen grabs, window list) on the test X server."""

    def __init__(self, server: XServer, bus: AccessibilityBus, shots: Path) -> None:
        self.server = server
        self.bus = bus
        self.shots = shots
        self._shot_number = 0

    @property
    def env(self) -> dict[str, str]:
        return {**self.server.env, **self.bus.env()}

    # ----- hands
    def xdotool(self, *args: str) -> str:
        return self.server.xdotool(*args)

    def key(self, *combos: str) -> None:
        """Press and release each key combination in turn (``ctrl+alt+shift+a``, ``Escape``, ``Return``)."""
        self.xdotool("key", "--delay", "40", *combos)

    def hotkey(self, letter: str) -> None:
        self.key(HOTKEY + letter)

    def type(self, text: str) -> None:
        """Type like a fast typist: xdotool releases Shift before the shifted key (what issue 13 item 1 is about)."""
        self.xdotool("type", "--delay", "25", text)

    def move(self, x: int, y: int) -> None:
        self.xdotool("mousemove", "--sync", str(x), str(y))

    def click(self, x: int, y: int, button: int = 1) -> None:
        self.move(x, y)
        self.xdotool("click", str(button))

    def click_node(self, node: Node, button: int = 1) -> None:
        self.click(*node.centre(), button=button)

    def drag(self, start: tuple[int, int], end: tuple[int, int], steps: int = 12) -> None:
        """Press at ``start``, move there in small steps as a hand would, release at ``end``."""
        self.move(*start)
        self.xdotool("mousedown", "1")
        for step in range(1, steps + 1):
            x = round(start[0] + (end[0] - start[0]) * step / steps)
            y = round(start[1] + (end[1] - start[1]) * step / steps)
            self.move(x, y)
            time.sleep(0.01)
        self.xdotool("mouseup", "1")

    # ----- eyes
    def windows(self, title: str) -> list[Window]:
        """Visible windows whose title matches the regex ``title``."""
        found = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", title], env=self.server.env, capture_output=True, text=True
        ).stdout.split()
        result = []
        for window in found:
            try:
                out = self.xdotool("getwindowgeometry", "--shell", window)
            except subprocess.CalledProcessError:
                continue  # closed meanwhile
            values = dict(line.split("=", 1) for line in out.split())
            result.append(Window(window, int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"])))
        return result

    def window(self, title: str, timeout: float = 20.0) -> Window:
        """Wait for a visible window titled ``title`` (a regex) and return it."""
        windows = wait_until(lambda: self.windows(title), f"a window titled {title!r}", timeout)
        return windows[0]

    def no_window(self, title: str, timeout: float = 10.0) -> None:
        wait_until(lambda: not self.windows(title), f"no window titled {title!r}", timeout)

    def active_window_title(self) -> str:
        try:
            return self.xdotool("getactivewindow", "getwindowname").strip()
        except subprocess.CalledProcessError:
            return ""

    def grab(self, name: str = "") -> Image.Image:
        """A screenshot of the whole X screen (kept in the test's folder when named, for a human to look at)."""
        with mss.MSS(display=self.server.display) as screen:
            shot = screen.grab(screen.monitors[0])
            image = Image.frombytes("RGB", shot.size, shot.bgra, "raw", "BGRX")
        if name:
            self._shot_number += 1
            image.save(self.shots / f"{self._shot_number:02d}-{name}.png")
        return image


def colour_fraction(image: Image.Image, box: tuple[int, int, int, int], rgb: tuple[int, int, int], tolerance: int = 40) -> float:
    """Share of the pixels in ``box`` (x1, y1, x2, y2) within ``tolerance`` (sum of channel differences) of ``rgb``."""
    area = np.asarray(image.crop(box).convert("RGB"), dtype=np.int16)
    close = np.abs(area - np.array(rgb, dtype=np.int16)).sum(axis=2) <= tolerance
    return float(close.mean()) if close.size else 0.0


def painted_fraction(image: Image.Image, box: tuple[int, int, int, int]) -> float:
    """Share of the pixels in ``box`` that are not the bare (black) desktop."""
    area = np.asarray(image.crop(box).convert("L"), dtype=np.int16)
    return float((area > 24).mean()) if area.size else 0.0


class App(AppProcess):
    """The real app on the person's desktop, with what a person can check from outside."""

    def __init__(self, desktop: Desktop, profile: Path, extra_env: dict[str, str] | None = None) -> None:
        super().__init__(profile, {**desktop.env, **(extra_env or {})})
        self.desktop = desktop
        self.paths = app_paths(profile)
        self.tree = AccessibleTree(desktop.bus)

    # ----- state a person could look up
    def status(self) -> dict[str, Any]:
        result = self.cli("status")
        assert result.returncode == 0, result
        return dict(json.loads(result.stdout.strip().splitlines()[-1]))

    def wait_log(self, text: str | re.Pattern[str], what: str = "", timeout: float = 20.0) -> None:
        if isinstance(text, str):
            wait_until(lambda: text in self.log_text(), what or repr(text), timeout)
        else:
            wait_until(lambda: text.search(self.log_text()), what or text.pattern, timeout)

    def tray_icon(self) -> tuple[int, int, int, int]:
        """Where the app's icon sits in the panel's system tray (x1, y1, x2, y2 on the screen)."""
        from tests.test_app_e2e import tray_icon_windows

        icons = wait_until(lambda: tray_icon_windows(self.desktop.server, self.process.pid), "our icon in the system tray")
        out = self.desktop.xdotool("getwindowgeometry", "--shell", icons[0])
        v = {k: int(n) for k, n in (line.split("=", 1) for line in out.split()) if k in ("X", "Y", "WIDTH", "HEIGHT")}
        return v["X"], v["Y"], v["X"] + v["WIDTH"], v["Y"] + v["HEIGHT"]

    def tray_icon_pixels(self) -> np.ndarray:
        """The tray icon as the person sees it now (grey levels)."""
        return np.asarray(self.desktop.grab().crop(self.tray_icon()).convert("L"), dtype=np.int16)

    def tray_icon_differs(self, earlier: np.ndarray) -> bool:
        return bool(np.abs(self.tray_icon_pixels() - earlier).mean() > 8)

    def wait_log_count(self, text: str, count: int, what: str = "", timeout: float = 20.0) -> None:
        wait_until(lambda: self.log_text().count(text) >= count, what or f"{count} x {text!r} in the log", timeout)

    def attached(self) -> list[str]:
        """Names of the files attached to the next question, as their chips under the question box read."""
        return [text.split("\n")[0] for text in self.ui().texts() if re.match(r"^\S+\.(png|jpg|mp4|pdf)\n", text)]

    def settings_file(self) -> dict[str, Any]:
        path = self.paths.settings_file
        return dict(json.loads(path.read_text())["values"]) if path.exists() else {}

    def messages(self) -> list[sqlite3.Row]:
        """Every stored message (with its conversation's title), oldest first."""
        return query(
            self.paths.history_db,
            "SELECT m.*, c.title FROM messages m JOIN conversations c ON c.id = m.conversation_id ORDER BY m.id",
        )

    def attachments(self) -> list[sqlite3.Row]:
        return query(self.paths.history_db, "SELECT * FROM attachments ORDER BY id")

    # ----- its windows, read like a screen reader
    def ui(self) -> Node:
        return self.tree.application("desktop-helper")

    def widget(self, name: str | re.Pattern[str], role: str | None = None, timeout: float = 20.0) -> Node:
        """A showing widget whose accessible name is ``name`` (or matches the pattern), waiting for it."""

        def matches(node: Node) -> bool:
            text = node.name
            ok = bool(name.fullmatch(text)) if isinstance(name, re.Pattern) else text == name
            return ok and (role is None or node.role == role)

        return wait_until(lambda: self.ui().find(matches), f"a widget {name!r} ({role or 'any role'})", timeout)

    def question_box(self) -> Node:
        """The chat's question box: the editable text right above the Send button."""

        def find() -> Node | None:
            chat = self.ui().find(lambda n: n.role == "frame" and n.name.startswith("Chat"))
            if chat is None:
                return None
            send = chat.find(lambda n: n.role == "push button" and n.name == "Send")
            if send is None:
                return None
            send_top = send.extents()[1]
            boxes = [n for n in chat.walk() if n.role == "text" and n.extents()[1] + n.extents()[3] <= send_top]
            return max(boxes, key=lambda n: n.extents()[1], default=None)

        return wait_until(find, "the question box")

    def field(self, label: str, role: str, timeout: float = 20.0) -> Node:
        """The ``role`` widget on the same form row as the label ``label`` (the settings pages' fields
        carry no accessible name of their own, so a person finds them by their label)."""

        def find() -> Node | None:
            caption = self.ui().find(lambda n: n.role == "label" and n.name.rstrip("*") == label)
            if caption is None:
                return None
            lx, ly, lw, lh = caption.extents()
            row = [n for n in self.ui().walk() if n.role == role and ly - 8 <= n.centre()[1] <= ly + lh + 8]
            right = [n for n in row if n.extents()[0] >= lx + lw - 4]
            return min(right, key=lambda n: n.extents()[0], default=None)

        return wait_until(find, f"the {role} labelled {label!r}", timeout)

    def press(self, name: str | re.Pattern[str], role: str = "push button") -> None:
        """Click the button called ``name`` with the mouse."""
        button = self.widget(name, role)
        self.desktop.click_node(button)

    def quit(self) -> None:
        result = self.cli("quit")
        assert result.returncode == 0, result
        assert self.wait_exit(30) == 0
        self.tree.close()

    def close(self) -> None:
        self.tree.close()
        self.kill()


def query(db: Path, sql: str) -> list[sqlite3.Row]:
    if not db.exists():
        return []
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    connection.row_factory = sqlite3.Row
    try:
        return list(connection.execute(sql))
    except sqlite3.OperationalError:
        return []  # not created yet
    finally:
        connection.close()


def write_settings(profile: Path, values: dict[str, Any]) -> None:
    """Settings the person chose in an earlier session (the file the app itself writes)."""
    path = app_paths(profile).settings_file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"version": 1, "values": values}))


def scripted_answers(folder: Path, *answers: str, chunk_size: int = 4, delay: float = 0.0) -> dict[str, str]:
    """The environment that makes the app answer with ``answers`` in turn (backends/factory.py's test hook)."""
    script = folder / "answers.json"
    script.write_text(json.dumps({"script": list(answers), "chunk_size": chunk_size, "delay": delay}))
    return {"DESKTOP_HELPER_SCRIPTED_BACKEND": str(script)}


@pytest.fixture(scope="session")
def accessibility_bus(x_server: XServer) -> Iterator[AccessibilityBus]:
    bus = AccessibilityBus()
    yield bus
    bus.close()


@pytest.fixture
def desktop(x_server: XServer, accessibility_bus: AccessibilityBus, tmp_path: Path, request: pytest.FixtureRequest) -> Desktop:
    # screen grabs to look at afterwards: in the test's folder, or under $JOURNEY_SCREENS when set
    base = Path(os.environ["JOURNEY_SCREENS"]) if os.environ.get("JOURNEY_SCREENS") else tmp_path
    shots = base / request.node.name / "screens"
    shots.mkdir(parents=True, exist_ok=True)
    person = Desktop(x_server, accessibility_bus, shots)
    person.move(960, 540)
    return person


@pytest.fixture
def start_app(desktop: Desktop, tmp_path: Path) -> Iterator[Callable[..., App]]:
    """Start the real app (ready for commands); every app started is killed at the end whatever happened."""
    started: list[App] = []

    def start(profile: Path | None = None, env: dict[str, str] | None = None, wait: bool = True) -> App:
        app = App(desktop, profile or tmp_path / "profile", env)
        started.append(app)
        if wait:
            app.wait_ready()
            app.wait_log("listening for hotkeys", "the hotkeys to start", timeout=30)
        return app

    yield start
    for app in started:
        app.close()
        assert "Traceback" not in app.log_text(), app.log_text()[-3000:]


class OtherApps:
    """Other applications' windows (four known colours), started and closed like a person's other programs."""

    def __init__(self, desktop: Desktop) -> None:
        self.desktop = desktop
        self.processes: list[subprocess.Popen[str]] = []

    def __call__(self, x: int, y: int, width: int, height: int, managed: bool = True) -> Window:
        """Open one at (x, y); managed: a normal decorated window (else exactly there, above everything)."""
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.fixtures.colour_window", str(x), str(y), str(width), str(height)]
            + (["--managed"] if managed else []),
            env=self.desktop.server.env,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.processes.append(process)
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "ready"
        return self.desktop.window("^colour-window$")

    def close_all(self) -> None:
        for process in self.processes:
            process.terminate()
            process.wait(10)
            if process.stdout is not None:
                process.stdout.close()
        self.processes.clear()


@pytest.fixture
def other_app(desktop: Desktop) -> Iterator[OtherApps]:
    apps = OtherApps(desktop)
    yield apps
    apps.close_all()
