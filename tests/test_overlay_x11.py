"""The grounding overlay on a real X server: pixels where the target is, clicks passing through.

The flow itself lives in :mod:`tests.fixtures.overlay_flow` so the two-monitor cases can run it in
a subprocess on their own X server.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop_helper.core.geometry import Rect
from desktop_helper.core.shapes import PALETTE, ArrowShape, Badge, BoxShape, PointShape, TextBubble
from desktop_helper.platform.compositor import CompositorProbe
from tests.fixtures.overlay_flow import FlowReport, grab, run_flow
from tests.harness.xserver import XServer

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parent.parent


class LyingProbe:
    """Claims a compositor runs (to show what the detection prevents)."""

    def compositing(self) -> bool:
        return True

    def close(self) -> None:
        pass


@pytest.fixture
def no_compositor(x_server: XServer) -> XServer:
    x_server.stop_compositor()
    return x_server


@pytest.fixture
def with_compositor(x_server: XServer) -> Iterator[XServer]:
    x_server.start_compositor()
    try:
        yield x_server
    finally:
        x_server.stop_compositor()


def assert_flow_ok(report: FlowReport) -> None:
    assert not report.error, report
    for edge, offset in report.edge_offsets.items():
        assert offset is not None, f"no outline near the {edge} edge: {report}"
        assert abs(offset) <= 2, f"outline {offset} px off the {edge} edge: {report}"
    assert report.inside_ok, f"the target is hidden under the overlay: {report}"
    assert report.outside_ok, f"the overlay covers the desktop next to the box (black?): {report}"
    assert report.click_received, f"the click did not pass through the overlay: {report}"
    assert not report.qt_warnings, report.qt_warnings


def test_probe_follows_the_compositor(no_compositor: XServer, monkeypatch: pytest.MonkeyPatch) -> None:
    probe = CompositorProbe("xcb", no_compositor.display)
    try:
        assert probe.compositing() is False
        no_compositor.start_compositor()
        assert probe.compositing() is True
        no_compositor.stop_compositor()
        assert probe.compositing() is False
    finally:
        no_compositor.stop_compositor()
        probe.close()
    assert CompositorProbe("windows").compositing() is True

    # no X connection: assume the worst case (outline-only works everywhere)
    from Xlib import display as xdisplay
    from Xlib.error import DisplayConnectionError

    def refuse(name: str | None = None) -> None:
        raise DisplayConnectionError(name or "", "refused")

    monkeypatch.setattr(xdisplay, "Display", refuse)
    assert CompositorProbe("xcb", ":0").compositing() is False


def test_flow_without_compositor_is_shaped(qapp: Any, no_compositor: XServer) -> None:
    report = run_flow(0)
    assert report.translucent is False
    assert report.masked is True
    assert_flow_ok(report)


def test_flow_with_compositor_is_translucent(qapp: Any, with_compositor: XServer) -> None:
    report = run_flow(0)
    assert report.translucent is True
    assert report.masked is False
    assert_flow_ok(report)


def test_translucent_without_compositor_would_be_black(qapp: Any, no_compositor: XServer) -> None:
    # The negative control: if the detection said "compositor" on a bare X server, the desktop
    # inside the overlay window would turn black, hiding the target. This proves the pixel check can fail.
    report = run_flow(0, check_click=False, probe=LyingProbe())
    assert report.translucent is True
    assert report.inside_ok is False


def _two_monitor_server(scale_factors: str) -> tuple[XServer, dict[str, str]]:
    # Xvfb's Xinerama screens are invisible to RandR (Qt sees one screen); RandR 1.5 monitors on
    # one wide screen are what Qt and a real two-monitor desktop both report.
    server = XServer(screens=[(3328, 1200)]).start()
    env = server.env
    for args in (["LEFT", "1280/339x800/212+0+0", "screen"], ["RIGHT", "2048/542x1200/318+1280+0", "none"]):
        subprocess.run(["xrandr", "--setmonitor", *args], env=env, check=True, capture_output=True, timeout=30)
    env["PYTHONPATH"] = str(ROOT)
    env["QT_SCREEN_SCALE_FACTORS"] = scale_factors
    env["QT_QPA_PLATFORM"] = "xcb"
    return server, env


@pytest.mark.slow
@pytest.mark.parametrize("scale_factors", ["1;1", "1;1.5", "1;2"])
def test_flow_on_second_monitor(scale_factors: str) -> None:
    server, env = _two_monitor_server(scale_factors)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "tests.fixtures.overlay_flow", "--screen", "1"],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    finally:
        server.stop()
    assert result.returncode == 0, result.stdout + result.stderr
    data = json.loads(result.stdout.strip().splitlines()[-1])
    screens = data.pop("screens")
    assert len(screens) == 2
    assert screens[1][2] == pytest.approx(float(scale_factors.split(";")[1]))
    report = FlowReport(**data)
    # the target really is on the second monitor, right of the first one's 1280 px
    assert report.target_physical[0] >= 1280
    assert_flow_ok(report)


def _wait_painted(qtbot: Any, controller: Any, since: float) -> None:
    shown = [w for w in controller.windows() if w.isVisible()]
    assert shown
    qtbot.waitUntil(lambda: all(w.last_paint > since for w in shown), timeout=5000)
    qtbot.wait(150)


def _pixel_is(image: Any, x: int, y: int, hex_color: str, tolerance: int = 40) -> bool:
    want = (int(hex_color[1:3], 16), int(hex_color[3:5], 16), int(hex_color[5:7], 16))
    pixel = image.getpixel((x, y))
    return sum(abs(int(a) - int(b)) for a, b in zip(pixel[:3], want, strict=True)) <= tolerance


def test_every_shape_kind_is_drawn(qapp: Any, qtbot: Any, no_compositor: XServer) -> None:
    from desktop_helper.ui.overlay import OverlayController

    controller = OverlayController(fade_seconds=0)
    try:
        started = time.perf_counter()
        controller.show_shapes(
            [
                BoxShape(Rect(100, 100, 200, 120), "Save", PALETTE[1], number=1),
                PointShape(500, 300, "here", PALETTE[2], number=2),
                ArrowShape(700, 200, 900, 200, PALETTE[3], "drag"),
                Badge(1000, 500, "7", PALETTE[4]),
                TextBubble(1100, 600, "Click Save\nthen wait", "#202124"),
            ]
        )
        _wait_painted(qtbot, controller, started)
        image, _ = grab()
        assert _pixel_is(image, 100, 160, PALETTE[1])  # box left edge
        assert not _pixel_is(image, 200, 160, PALETTE[1])  # box inside stays clear
        assert _pixel_is(image, 500 + 12, 300, PALETTE[2])  # point ring
        assert _pixel_is(image, 500, 300, PALETTE[2])  # point dot
        assert not _pixel_is(image, 500 + 6, 300, PALETTE[2])  # between dot and ring
        assert _pixel_is(image, 800, 200, PALETTE[3])  # arrow shaft
        assert _pixel_is(image, 1000, 500, PALETTE[4], tolerance=60) or _pixel_is(image, 1000 - 6, 500, PALETTE[4])
        assert _pixel_is(image, 1101, 601, "#202124")  # bubble corner
        assert _pixel_is(image, 101, 90, PALETTE[1])  # the "1 Save" tag sits above the box
    finally:
        controller.shutdown()


@pytest.mark.parametrize("compositor", [False, True], ids=["shaped", "translucent"])
def test_new_shapes_leave_nothing_of_the_old(qapp: Any, qtbot: Any, x_server: XServer, compositor: bool) -> None:
    # Replacing shapes repaints the same window (same bounds): nothing of the old ones may remain.
    # Translucent windows rely on the backing store clearing the repainted region to transparent.
    from desktop_helper.ui.overlay import OverlayController

    if compositor:
        x_server.start_compositor()
    controller = OverlayController(fade_seconds=0)
    try:
        assert controller.translucent is compositor
        frame = BoxShape(Rect(100, 100, 600, 400), color=PALETTE[1])
        for inner, gone in ((Rect(200, 200, 100, 80), None), (Rect(400, 300, 100, 80), Rect(200, 200, 100, 80))):
            started = time.perf_counter()
            controller.show_shapes([frame, BoxShape(inner, color=PALETTE[0])])
            _wait_painted(qtbot, controller, started)
            image, _ = grab()
            assert _pixel_is(image, round(inner.x), round(inner.y + 40), PALETTE[0])
            if gone is not None:
                assert not _pixel_is(image, round(gone.x), round(gone.y + 40), PALETTE[0])
    finally:
        controller.shutdown()
        x_server.stop_compositor()


def test_fade_escape_and_hidden_for_capture(qapp: Any, qtbot: Any, no_compositor: XServer) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit

    from desktop_helper.ui.overlay import OverlayController

    controller = OverlayController(fade_seconds=0.3)
    try:
        with qtbot.waitSignal(controller.cleared, timeout=3000):
            controller.show_shapes([BoxShape(Rect(50, 50, 80, 40))])
            assert controller.visible
        assert not any(w.isVisible() for w in controller.windows())

        # Esc in any of our windows hides the overlay (it never has focus itself)
        editor = QLineEdit()
        qtbot.addWidget(editor)
        editor.show()
        qtbot.waitExposed(editor)
        controller.show_shapes([BoxShape(Rect(50, 50, 80, 40))], fade_seconds=0)
        with qtbot.waitSignal(controller.cleared, timeout=3000):
            qtbot.keyClick(editor, Qt.Key.Key_Escape)

        # hidden() takes it off the screen while capturing and puts it back after
        started = time.perf_counter()
        controller.show_shapes([BoxShape(Rect(50, 50, 80, 40), color=PALETTE[0])], fade_seconds=0)
        _wait_painted(qtbot, controller, started)
        with controller.hidden():
            qtbot.wait(150)
            during, _ = grab((0, 0, 300, 300))
            assert not _pixel_is(during, 50, 70, PALETTE[0])
        started = time.perf_counter()
        _wait_painted(qtbot, controller, started)
        after, _ = grab((0, 0, 300, 300))
        assert _pixel_is(after, 50, 70, PALETTE[0])
        # the overlay never took focus from the editor
        assert qapp.focusWindow() is None or qapp.focusWindow() is editor.windowHandle()
    finally:
        controller.shutdown()


def test_escape_anywhere_on_the_desktop_hides_the_boxes(qapp: Any, qtbot: Any, no_compositor: XServer) -> None:
    """No window of ours has the focus (the find popup has closed): Escape, heard as a temporary global hotkey
    while boxes are shown, hides them; the rest of the time Escape is not ours. While the boxes are hidden for a
    capture, Escape is the region selector's, and the boxes come back."""
    from desktop_helper.platform.hotkeys.pynput_backend import PynputHotkeys
    from desktop_helper.ui.overlay import OverlayController

    hotkeys = PynputHotkeys(conflicts=None)
    assert hotkeys.start({"stop_agent": "<ctrl>+<alt>+<shift>+x"}, lambda _action: None) == []
    controller = OverlayController(fade_seconds=0)
    controller.use_hotkeys(hotkeys)
    try:
        assert qapp.focusWindow() is None
        assert not hotkeys._temporary, "Escape is not ours while nothing is shown"
        controller.show_shapes([BoxShape(Rect(50, 50, 80, 40))])
        assert set(hotkeys._temporary) == {"overlay_escape"}
        with qtbot.waitSignal(controller.cleared, timeout=3000):
            no_compositor.xdotool("key", "Escape")
        assert not controller.visible
        assert not hotkeys._temporary, "Escape is given back once the boxes are gone"

        # a capture hides the boxes; the Escape that cancels its region selector leaves them
        controller.show_shapes([BoxShape(Rect(50, 50, 80, 40))])
        with controller.hidden():
            no_compositor.xdotool("key", "Escape")
            qtbot.wait(300)
        qtbot.wait(300)
        assert controller.visible
        assert controller.drawn_count == 1
        with qtbot.waitSignal(controller.cleared, timeout=3000):
            no_compositor.xdotool("key", "Escape")
    finally:
        controller.shutdown()
        hotkeys.stop()
    assert not hotkeys._temporary


def test_show_boxes_on_screen_api(qapp: Any, qtbot: Any, no_compositor: XServer) -> None:
    from desktop_helper.core.geometry import CaptureGeometry, Monitor
    from desktop_helper.ui.overlay import OverlayController

    monitor = Monitor(1, "screen", Rect(0, 0, 1920, 1080))
    geometry = CaptureGeometry(monitor, Rect(0, 0, 1920, 1080), sent_size=(1288, 728))
    controller = OverlayController(fade_seconds=0)
    try:
        result = controller.show_boxes_on_screen("Here: <|begin_of_box|>[[100,100,200,200]]<|end_of_box|>", geometry)
        assert result.ok
        assert controller.visible
        assert result.items[0].logical == Rect(192, 108, 192, 108)
        with qtbot.waitSignal(controller.nothing_to_show, timeout=1000) as blocker:
            bad = controller.show_boxes_on_screen("Nothing to see (3, 4).", geometry)
        assert "no box" in blocker.args[0]
        assert not bad.ok
        assert bad.error is not None
        assert not controller.visible
    finally:
        controller.shutdown()


def _local_backend(model: Path, mmproj: Path) -> Any:
    from desktop_helper.backends.local_gguf import LocalGGUFBackend

    return LocalGGUFBackend(model, mmproj, context_size=2048, threads=2, seed=7)


@pytest.mark.model
@pytest.mark.slow
def test_find_on_screen_through_the_tiny_local_model(qapp: Any, tiny_glm4v: Any, no_compositor: XServer) -> None:
    from desktop_helper.grounding import find_on_screen
    from desktop_helper.ui.overlay import OverlayController
    from tests.fixtures.overlay_flow import capture_screen

    backend = _local_backend(tiny_glm4v.model, tiny_glm4v.mmproj)
    controller = OverlayController(fade_seconds=0)
    try:
        part, _, _ = capture_screen(0, 64)
        # random weights: any text may come out; the flow must neither crash nor draw garbage
        result = find_on_screen(backend, part, "the OK button", max_tokens=48)
        drawn = controller.show_result(result)
        if result.items:
            assert drawn
            assert all(item.item.ok for item in result.items)
        else:
            assert not drawn
            assert result.error
    finally:
        controller.shutdown()
        backend.close()


def test_flow_fixture_runs_standalone_help() -> None:
    # the subprocess entry point used by the two-monitor tests must at least start
    result = subprocess.run(
        [sys.executable, "-m", "tests.fixtures.overlay_flow", "--help"],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.returncode == 0
    assert "--screen" in result.stdout


def test_escape_in_a_window_with_an_escape_shortcut_hides_the_overlay(qapp: Any, qtbot: Any, no_compositor: XServer) -> None:
    """Found using the app: after "Show on screen", Esc in the chat window left the boxes up. The
    chat binds Esc (stop the answer, cancel an edit) as a shortcut, so the key never arrives as a
    key press, which is all the overlay watched. A real X key press, as the user types it."""
    from PySide6.QtGui import QKeySequence, QShortcut
    from PySide6.QtWidgets import QLineEdit

    from desktop_helper.ui.overlay import OverlayController

    controller = OverlayController(fade_seconds=0)
    try:
        editor = QLineEdit()
        qtbot.addWidget(editor)
        shortcut_used: list[bool] = []
        QShortcut(QKeySequence("Escape"), editor, lambda: shortcut_used.append(True))
        editor.show()
        qtbot.waitExposed(editor)
        editor.activateWindow()
        editor.setFocus()
        qtbot.waitUntil(editor.hasFocus, timeout=3000)
        controller.show_shapes([BoxShape(Rect(50, 50, 80, 40))], fade_seconds=0)
        with qtbot.waitSignal(controller.cleared, timeout=3000):
            no_compositor.xdotool("key", "Escape")
        assert not controller.visible
        qtbot.waitUntil(lambda: shortcut_used == [True], timeout=3000)  # and the window's own Esc still works
    finally:
        controller.shutdown()
