"""The capture controller end to end on the real X server: real hotkeys pressed by xdotool, a real
region dragged with the mouse over a window of known colours, own windows hidden, recording state."""

from __future__ import annotations

import io
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image

from desktop_helper.__main__ import build_parser
from desktop_helper.commands import CommandRouter, Result
from desktop_helper.core.messages import MessageBus
from desktop_helper.core.types import ImagePart
from desktop_helper.platform.capture.mss_backend import MssBackend
from desktop_helper.platform.hotkeys.pynput_backend import PynputHotkeys
from desktop_helper.settings.store import Settings
from tests.harness.xserver import XServer

pytestmark = [pytest.mark.gui]
ROOT = Path(__file__).resolve().parents[1]


class FakeChat:
    """Stands in for the chat window the app shows captures in (the chat window has its own tests)."""

    def __init__(self) -> None:
        self.attached: list[tuple[list[ImagePart], bool]] = []
        self.mini = 0

    def show(self, parts: list[ImagePart], quick_ask: bool) -> None:
        """What the app does with the controller's ``captured`` signal."""
        self.attached.append((parts, not quick_ask))
        self.mini += quick_ask


class FakeTray:
    def __init__(self) -> None:
        self.states: list[int | None] = []

    def set_recording(self, seconds: int | None) -> None:
        self.states.append(seconds)


@pytest.fixture
def controller(qapp: Any, x_server: XServer, tmp_path: Path) -> Any:
    from desktop_helper.ui.capture_controller import CaptureController

    settings = Settings(tmp_path / "settings.json")
    bus = MessageBus()
    messages: list[Any] = []
    bus.subscribe(messages.append)
    chat = FakeChat()
    tray = FakeTray()
    router = CommandRouter()

    def run_argv(argv: list[str], output: Any) -> Result:
        return router.run(build_parser().parse_args(argv), output)

    ctl = CaptureController(
        settings,
        bus,
        run_argv,
        data_folder=tmp_path / "rec",
        backend=MssBackend(),
        hotkeys=PynputHotkeys(conflicts=None),
    )
    # wired as app.py wires the chat window and the tray
    ctl.captured.connect(lambda parts, quick_ask: chat.show(parts, quick_ask))
    ctl.recording_changed.connect(lambda status: tray.set_recording(int(status.seconds) if status.running else None))
    router.register("capture", ctl.capture_command)
    router.register("record", ctl.record_command)
    ctl.messages = messages  # type: ignore[attr-defined]
    ctl.fake_chat = chat  # type: ignore[attr-defined]
    ctl.fake_tray = tray  # type: ignore[attr-defined]
    ctl.router = router  # type: ignore[attr-defined]
    yield ctl
    ctl.close()


def decode(part: ImagePart) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(part.data)).convert("RGB"))


@contextmanager
def colour_window(x_server: XServer, *args: str) -> Iterator[subprocess.Popen[str]]:
    """The four-colour window of ``tests/fixtures/colour_window.py`` (x, y, width, height, [--managed]), shown."""
    window = subprocess.Popen(
        [sys.executable, "-m", "tests.fixtures.colour_window", *args],
        cwd=ROOT,
        env=x_server.env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert window.stdout is not None
        assert window.stdout.readline().strip() == "ready"
        yield window
    finally:
        window.terminate()
        window.wait(10)
        if window.stdout is not None:
            window.stdout.close()


def test_hotkey_full_screen_capture_arrives_in_chat_with_question_focused(qtbot: Any, x_server: XServer, controller: Any) -> None:
    controller.start_hotkeys()
    assert controller.hotkeys.running
    x_server.xdotool("mousemove", "100", "100")
    x_server.xdotool("key", "ctrl+alt+shift+s")
    qtbot.waitUntil(lambda: bool(controller.fake_chat.attached), timeout=10000)
    parts, focus = controller.fake_chat.attached[0]
    assert focus is True
    assert (parts[0].width, parts[0].height) == (1920, 1080)
    assert parts[0].mime == "image/png"
    assert decode(parts[0]).shape == (1080, 1920, 3)
    geometry = parts[0].geometry
    assert geometry is not None
    assert geometry.rect.as_ints() == (0, 0, 1920, 1080)


def test_dragged_region_yields_exactly_the_window_pixels(qtbot: Any, x_server: XServer, controller: Any) -> None:
    with colour_window(x_server, "300", "200", "400", "300"):
        controller.start_hotkeys()
        x_server.xdotool("key", "ctrl+alt+shift+a")
        qtbot.waitUntil(lambda: controller.selector is not None and bool(controller.selector.views), timeout=10000)
        qtbot.wait(300)
        # drag exactly over the colour window
        x_server.xdotool("mousemove", "300", "200")
        x_server.xdotool("mousedown", "1")
        for x, y in ((400, 300), (600, 450), (700, 500)):
            x_server.xdotool("mousemove", str(x), str(y))
            time.sleep(0.05)
        x_server.xdotool("mouseup", "1")
        qtbot.waitUntil(lambda: bool(controller.fake_chat.attached), timeout=10000)
        part = controller.fake_chat.attached[0][0][0]
        assert (part.width, part.height) == (400, 300)
        pixels = decode(part)
        assert tuple(pixels[0, 0]) == (255, 0, 0)
        assert tuple(pixels[0, 399]) == (0, 255, 0)
        assert tuple(pixels[299, 0]) == (0, 0, 255)
        assert tuple(pixels[299, 399]) == (255, 255, 255)
        # exactly those pixels: every quadrant is one flat colour, no desktop or border leaks in
        assert (pixels[:150, :200] == (255, 0, 0)).all()
        assert (pixels[150:, 200:] == (255, 255, 255)).all()
        assert part.geometry is not None
        assert part.geometry.rect.as_ints() == (300, 200, 400, 300)
        assert controller.last_region.as_ints() == (300, 200, 400, 300)

        # last region, by command, captures the same place again without the selector
        controller.fake_chat.attached.clear()
        assert controller.router.run(build_parser().parse_args(["capture", "last-region"]), lambda _t: None) == 0
        qtbot.waitUntil(lambda: bool(controller.fake_chat.attached), timeout=10000)
        assert (decode(controller.fake_chat.attached[0][0][0]) == pixels).all()


def test_own_windows_are_hidden_from_the_capture(qtbot: Any, x_server: XServer, controller: Any) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QWidget

    ours = QWidget(None, Qt.WindowType.X11BypassWindowManagerHint | Qt.WindowType.FramelessWindowHint)
    palette = ours.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(255, 0, 255))
    ours.setPalette(palette)
    ours.setAutoFillBackground(True)
    ours.setGeometry(0, 0, 1920, 1080)
    ours.show()
    qtbot.waitExposed(ours)
    qtbot.wait(200)
    assert controller.router.run(build_parser().parse_args(["capture", "screen"]), lambda _t: None) == 0
    qtbot.waitUntil(lambda: bool(controller.fake_chat.attached), timeout=10000)
    pixels = decode(controller.fake_chat.attached[0][0][0])
    magenta = (pixels == (255, 0, 255)).all(axis=2).mean()
    assert magenta < 0.01, "our own full-screen window must not be in the capture"
    assert ours.isVisible(), "and it comes back afterwards"
    ours.close()


def test_quick_ask_and_save_folder(qtbot: Any, controller: Any, tmp_path: Path) -> None:
    controller.settings.set("general.after_capture", "quick_ask")
    controller.settings.set("capture.save_folder", str(tmp_path / "shots"))
    controller.settings.set("capture.copy_to_clipboard", True)
    assert controller.router.run(build_parser().parse_args(["capture", "monitor", "1"]), lambda _t: None) == 0
    qtbot.waitUntil(lambda: bool(controller.fake_chat.attached), timeout=10000)
    assert controller.fake_chat.attached[0][1] is False
    assert controller.fake_chat.mini == 1
    saved = list((tmp_path / "shots").glob("capture-*.png"))
    assert len(saved) == 1
    with Image.open(saved[0]) as image:
        assert image.size == (1920, 1080)
    from PySide6.QtGui import QGuiApplication

    copied = QGuiApplication.clipboard().image()
    assert (copied.width(), copied.height()) == (1920, 1080)


def test_missing_monitor_number_is_a_clear_error(controller: Any) -> None:
    from desktop_helper.core.errors import CaptureError

    with pytest.raises(CaptureError, match="no monitor 7"):
        controller.router.run(build_parser().parse_args(["capture", "monitor", "7"]), lambda _t: None)


def test_record_by_command_shows_in_tray_and_saves_playable_video(qtbot: Any, x_server: XServer, controller: Any) -> None:
    from desktop_helper.media.recording import video_frame_count

    controller.settings.set("capture.record_fps", 10)
    saved: list[Path] = []
    controller.recording_saved.connect(saved.append)  # the app adds it to the chat's attachments
    lines: list[str] = []
    assert controller.router.run(build_parser().parse_args(["record", "start"]), lines.append) == 0
    assert controller.recorder is not None
    qtbot.wait(2300)
    assert controller.fake_tray.states[-1] in (1, 2)
    x_server.xdotool("key", "ctrl+alt+shift+r")  # hotkeys not started: nothing happens
    assert controller.router.run(build_parser().parse_args(["record", "toggle"]), lines.append) == 0
    qtbot.waitUntil(lambda: controller.recorder is None, timeout=30000)
    assert controller.fake_tray.states[-1] is None
    videos = list((controller.data_folder).glob("recording-*.mp4")) or list(
        controller.recordings_folder().glob("recording-*.mp4")
    )
    assert len(videos) == 1
    assert video_frame_count(videos[0]) >= 15
    assert any("Recording saved" in m.text for m in controller.messages)
    assert saved == videos


def test_capture_delay_waits_before_grabbing(qtbot: Any, controller: Any) -> None:
    started = time.monotonic()
    assert controller.router.run(build_parser().parse_args(["capture", "screen", "--delay", "1"]), lambda _t: None) == 0
    qtbot.wait(500)
    assert controller.fake_chat.attached == []
    qtbot.waitUntil(lambda: bool(controller.fake_chat.attached), timeout=10000)
    assert time.monotonic() - started >= 1.0


def test_record_a_dragged_region(qtbot: Any, x_server: XServer, controller: Any) -> None:
    import cv2

    lines: list[str] = []
    assert controller.router.run(build_parser().parse_args(["record", "start", "--region"]), lines.append) == 0
    qtbot.waitUntil(lambda: controller.selector is not None and bool(controller.selector.views), timeout=10000)
    qtbot.wait(300)
    x_server.xdotool("mousemove", "100", "120")
    x_server.xdotool("mousedown", "1")
    x_server.xdotool("mousemove", "300", "300")
    x_server.xdotool("mousemove", "421", "361")
    x_server.xdotool("mouseup", "1")
    qtbot.waitUntil(lambda: controller.recorder is not None, timeout=10000)
    assert controller.recorder.rect.as_ints() == (100, 120, 321, 241)
    qtbot.wait(1500)
    controller.stop()
    qtbot.waitUntil(lambda: controller.recorder is None, timeout=30000)
    videos = list(controller.recordings_folder().glob("recording-*.mp4"))
    assert len(videos) == 1
    capture = cv2.VideoCapture(str(videos[0]))
    size = (capture.get(cv2.CAP_PROP_FRAME_WIDTH), capture.get(cv2.CAP_PROP_FRAME_HEIGHT))
    capture.release()
    assert size == (320, 240), "MPEG-4 needs even sides: the region is trimmed by a pixel"


def test_denied_macos_permission_opens_the_settings_pane_once(qtbot: Any, controller: Any) -> None:
    from desktop_helper.platform.capture.macos import MacPermissionBackend

    opened: list[bool] = []
    controller.backend = MacPermissionBackend(controller.backend, allowed=lambda: False, request=lambda: None)
    controller.open_permission_settings = lambda: opened.append(True)
    for _ in range(2):
        assert controller.router.run(build_parser().parse_args(["capture", "screen"]), lambda _t: None) == 0
        qtbot.waitUntil(lambda: not controller._busy, timeout=10000)
    assert opened == [True]
    errors = [m for m in controller.messages if "record the screen" in m.text]
    assert len(errors) == 2
    assert controller.fake_chat.attached == []


def test_capture_window_under_the_cursor(qtbot: Any, x_server: XServer, controller: Any) -> None:
    from desktop_helper.platform.window_list import list_windows

    with colour_window(x_server, "500", "300", "400", "300", "--managed") as window:
        found = [w for w in list_windows(x_server.display) if w.pid == window.pid]
        assert len(found) == 1
        rect = found[0].rect
        assert rect is not None
        assert rect.width >= 400
        assert rect.height >= 300, "the frame (title bar, borders) is part of the window"
        x, y = rect.center
        x_server.xdotool("mousemove", str(int(x)), str(int(y)))
        assert controller.router.run(build_parser().parse_args(["capture", "window"]), lambda _t: None) == 0
        qtbot.waitUntil(lambda: bool(controller.fake_chat.attached), timeout=10000)
        part = controller.fake_chat.attached[0][0][0]
        assert part.geometry is not None
        assert part.geometry.rect == rect
        pixels = decode(part)
        colours = {tuple(int(v) for v in p) for p in pixels.reshape(-1, 3)[::97]}
        assert {(255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 255)} <= colours


def test_a_dead_hotkey_listener_is_restarted_once_then_reported(qtbot: Any, x_server: XServer, controller: Any) -> None:
    controller.start_hotkeys()
    assert controller.hotkeys.running
    controller._watchdog.setInterval(100)
    controller._watchdog.start()
    controller.hotkeys._listener.stop()  # as if the X connection had dropped
    qtbot.waitUntil(lambda: controller._hotkeys_restarted and controller.hotkeys.running, timeout=5000)
    x_server.xdotool("key", "ctrl+alt+shift+s")
    qtbot.waitUntil(lambda: bool(controller.fake_chat.attached), timeout=10000)
    controller._watchdog.setInterval(100)
    controller._watchdog.start()
    controller.hotkeys._listener.stop()
    qtbot.waitUntil(lambda: any("stopped working" in m.text for m in controller.messages), timeout=5000)


def test_leftover_segments_are_recovered_at_start(qtbot: Any, controller: Any, tmp_path: Path) -> None:
    import cv2

    folder = controller.recordings_folder()
    parts = folder / "recording-x.parts"
    parts.mkdir(parents=True)
    for index in range(2):
        writer = cv2.VideoWriter(str(parts / f"part-{index:04d}.mp4"), cv2.VideoWriter.fourcc(*"mp4v"), 10.0, (160, 120))
        for _ in range(10):
            writer.write(np.zeros((120, 160, 3), np.uint8))
        writer.release()
    (parts / "part-0002.mp4").write_bytes(b"\\0\\0\\0\\x18ftypisom")  # the segment being written when killed
    controller.recover_recordings()
    qtbot.waitUntil(lambda: any("interrupted" in m.text for m in controller.messages), timeout=10000)
    from desktop_helper.media.recording import video_frame_count

    assert video_frame_count(folder / "recording-x.mp4") == 20
    assert not parts.exists()


def test_the_tray_icon_stays_in_the_panel_after_a_capture(qtbot: Any, x_server: XServer, controller: Any) -> None:
    """Qt's tray icon is a top-level widget of ours on X11 (embedded in the panel's tray): hiding it for
    the grab took it out of the panel for good, since showing it again does not embed it again."""
    import os

    from PySide6.QtWidgets import QWidget

    from desktop_helper.ui.tray import Tray
    from tests.test_app_e2e import tray_icon_windows

    tray = Tray()
    tray.show()
    qtbot.waitUntil(lambda: bool(tray_icon_windows(x_server, os.getpid())), timeout=10000)
    chat = QWidget()  # one of our windows, which the capture does hide and bring back
    chat.setWindowTitle("our chat")
    chat.show()
    qtbot.waitExposed(chat)
    qtbot.wait(500)  # the icon has settled in the panel, as it has long before a person's capture
    try:
        assert controller.router.run(build_parser().parse_args(["capture", "screen"]), lambda _t: None) == 0
        qtbot.waitUntil(lambda: bool(controller.fake_chat.attached), timeout=10000)
        assert chat.isVisible(), "our window comes back after the grab"
        qtbot.wait(300)  # time for the panel to take in a hidden and shown icon
        icons = tray_icon_windows(x_server, os.getpid())
        assert icons, "the tray icon must still be in the panel"
        shown = subprocess.run(["xwininfo", "-id", icons[0]], env=x_server.env, capture_output=True, text=True).stdout
        assert "Map State: IsViewable" in shown, "the tray icon must still be shown in the panel"
    finally:
        chat.close()
        tray.hide()
        tray.deleteLater()


def test_one_apply_of_several_hotkeys_restarts_the_listener_once(qtbot: Any, x_server: XServer, controller: Any) -> None:
    """The settings dialog stores each changed hotkey in turn; the listener must restart once for
    them all (each restart blocks the GUI thread for about half a second) and warn once."""
    controller.start_hotkeys()
    controller.settings.on_change(lambda key, _value: controller.setting_changed(key))
    starts: list[dict[str, str]] = []
    start = controller.hotkeys.start

    def counting_start(bindings: Any, on_hotkey: Any) -> Any:
        starts.append(dict(bindings))
        return start(bindings, on_hotkey)

    controller.hotkeys.start = counting_start
    controller.settings.set("hotkeys.toggle_chat", "<ctrl>+<alt>+h")
    controller.settings.set("hotkeys.find", "<ctrl>+<alt>+h")  # the same chord twice: a warning
    controller.settings.set("hotkeys.capture_screen", "<ctrl>+<alt>+<shift>+w")
    qtbot.waitUntil(lambda: len(starts) >= 1 and controller.hotkeys.running, timeout=5000)
    qtbot.wait(300)
    assert len(starts) == 1
    assert starts[0]["capture_screen"] == "<ctrl>+<alt>+<shift>+w"
    assert sum("set for both" in m.text for m in controller.messages) == 1
    x_server.xdotool("key", "ctrl+alt+shift+w")
    qtbot.waitUntil(lambda: bool(controller.fake_chat.attached), timeout=10000)
