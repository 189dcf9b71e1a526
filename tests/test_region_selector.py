"""The region selector: coordinate mapping on faked monitors (100-200 %, negative origins), keyboard
and handle editing in-process, and a real mouse drag on the second monitor of a mixed-DPI desktop."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from desktop_helper.core.geometry import CaptureGeometry, Monitor, Rect
from desktop_helper.platform.capture.base import Frame
from desktop_helper.platform.window_list import WindowInfo
from desktop_helper.ui.region_selector import RegionSelector, clamp_to, local_to_physical, physical_to_local
from tests.fixtures.capture_env import multi_monitor_server

ROOT = Path(__file__).resolve().parents[1]

LAYOUTS = [
    Monitor(1, "primary", Rect(0, 0, 1920, 1080), 1.0, True),
    Monitor(2, "left-125", Rect(-2560, 0, 2560, 1440), 1.25),
    Monitor(3, "above-150", Rect(0, -2160, 3840, 2160), 1.5),
    Monitor(4, "right-200", Rect(1920, 0, 3840, 2160), 2.0),
]


@pytest.mark.parametrize("monitor", LAYOUTS, ids=lambda m: m.name)
def test_local_positions_map_to_physical_pixels_and_back(monitor: Monitor) -> None:
    # the window's local logical (0, 0) is the monitor's physical origin, whatever the sign
    assert local_to_physical(monitor, 0, 0) == (monitor.physical.x, monitor.physical.y)
    lw, lh = monitor.logical.width, monitor.logical.height
    assert local_to_physical(monitor, lw, lh) == pytest.approx((monitor.physical.right, monitor.physical.bottom))
    # a physical selection drawn in the window and mapped back is the same rectangle
    selection = Rect(monitor.physical.x + 100, monitor.physical.y + 40, 300, 200)
    local = physical_to_local(monitor, selection)
    x, y = local_to_physical(monitor, local.x(), local.y())
    right, bottom = local_to_physical(monitor, local.right(), local.bottom())
    assert (x, y, right - x, bottom - y) == pytest.approx((selection.x, selection.y, 300, 200))
    # the logical point Qt reports there agrees with the core geometry's mapping
    gx, gy = monitor.physical_to_logical(selection.x, selection.y)
    assert (gx - monitor.physical.x, gy - monitor.physical.y) == pytest.approx((local.x(), local.y()))


def test_clamp_keeps_a_selection_on_its_monitor() -> None:
    bounds = Rect(-2560, 0, 2560, 1440)
    assert clamp_to(Rect(-100, 1400, 300, 300), bounds) == Rect(-100, 1400, 100, 40)
    assert clamp_to(Rect(-3000, -10, 100, 100), bounds) == Rect(-2560, 0, 0, 90)


def _frame(monitor: Monitor) -> Frame:
    h, w = int(monitor.physical.height), int(monitor.physical.width)
    pixels = np.zeros((h, w, 4), np.uint8)
    pixels[:, :, 0] = (np.arange(w) % 256)[None, :]
    pixels[:, :, 1] = (np.arange(h) % 256)[:, None]
    return Frame(pixels, CaptureGeometry(monitor, monitor.physical))


@pytest.fixture
def selector(qapp: Any) -> Any:
    from PySide6.QtGui import QGuiApplication

    from desktop_helper.ui.region_selector import physical_rect_of

    x, y, w, h = physical_rect_of(QGuiApplication.primaryScreen())
    monitor = Monitor(1, "screen", Rect(x, y, w, h), QGuiApplication.primaryScreen().devicePixelRatio())
    window = WindowInfo("app", rect=Rect(200, 100, 640, 480))
    made = RegionSelector([_frame(monitor)], [window], last_region=Rect(10, 20, 30, 40), confirm_on_release=False)
    results: list[Any] = []
    made.selected.connect(results.append)
    made.cancelled.connect(lambda: results.append("cancelled"))
    made.results = results  # type: ignore[attr-defined]
    made.show()
    yield made
    made.close()


def _key(qtbot: Any, selector: Any, key: Any, modifier: Any = None) -> None:
    from PySide6.QtCore import Qt

    qtbot.keyClick(selector.views[0], key, modifier or Qt.KeyboardModifier.NoModifier)


def test_keyboard_last_region_nudge_resize_enter(qtbot: Any, selector: Any) -> None:
    from PySide6.QtCore import Qt

    view = selector.views[0]
    qtbot.waitExposed(view)
    _key(qtbot, selector, Qt.Key.Key_L)
    assert selector.selection == Rect(10, 20, 30, 40)
    _key(qtbot, selector, Qt.Key.Key_Right)
    _key(qtbot, selector, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert selector.selection == Rect(11, 30, 30, 40)
    _key(qtbot, selector, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    _key(qtbot, selector, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert selector.selection == Rect(11, 30, 31, 39)
    for _ in range(20):
        _key(qtbot, selector, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert selector.selection.x == 0, "nudging stops at the monitor's edge"
    _key(qtbot, selector, Qt.Key.Key_Return)
    assert selector.results == [Rect(0, 30, 31, 39)]
    crop = selector.frame_for(selector.results[0])
    assert (crop.width, crop.height) == (31, 39)
    assert crop.pixels[0, 5, 0] == 5, "the crop is exactly the frozen pixels at that place"
    assert crop.pixels[0, 5, 1] == 30


def test_handles_resize_and_move_without_confirming(qtbot: Any, selector: Any) -> None:
    view = selector.views[0]
    qtbot.waitExposed(view)
    from PySide6.QtCore import QPointF

    selector.press(view, 100, 100, QPointF(100, 100))
    selector.move(view, 300, 250)
    selector.release(view, 300, 250)
    assert selector.selection == Rect(100, 100, 200, 150)
    assert selector.results == [], "with confirm-on-release off, the selection stays editable"
    # drag the south-east handle
    s = view.monitor.scale
    selector.press(view, 300, 250, QPointF(300 / s, 250 / s))
    assert selector._mode == "se"
    selector.move(view, 320, 300)
    selector.release(view, 320, 300)
    assert selector.selection == Rect(100, 100, 220, 200)
    # drag the middle: moves
    selector.press(view, 200, 200, QPointF(200 / s, 200 / s))
    selector.move(view, 210, 190)
    selector.release(view, 210, 190)
    assert selector.selection == Rect(110, 90, 220, 200)


def test_click_snaps_to_the_window_under_the_cursor_and_esc_cancels(qtbot: Any, selector: Any) -> None:
    from PySide6.QtCore import QPointF, Qt

    view = selector.views[0]
    qtbot.waitExposed(view)
    selector.move(view, 400, 300)
    assert selector.snap == Rect(200, 100, 640, 480)
    selector.press(view, 400, 300, QPointF(400, 300))
    selector.release(view, 401, 300)
    assert selector.selection == Rect(200, 100, 640, 480)
    _key(qtbot, selector, Qt.Key.Key_Escape)
    assert selector.results == ["cancelled"]
    assert selector.views == []


@pytest.mark.slow
@pytest.mark.parametrize("scale", ["1", "2"])
def test_real_drag_on_the_second_monitor_of_a_mixed_dpi_desktop(scale: str) -> None:
    server = multi_monitor_server([(0, 0, 1280, 800), (1280, 0, 1920, 1080)])
    try:
        env = dict(server.env, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="xcb", QT_SCREEN_SCALE_FACTORS=f"1;{scale}")
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.fixtures.selector_flow"], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
        )
        assert process.stdout is not None
        screens = json.loads(process.stdout.readline())
        assert [s[:4] for s in screens] == [[0, 0, 1280, 800], [1280, 0, 1920, 1080]]
        assert screens[1][4] == float(scale)
        assert process.stdout.readline().strip() == "ready"
        server.xdotool("mousemove", "1380", "100")
        server.xdotool("mousedown", "1")
        for x, y in ((1500, 200), (1700, 350), (1780, 400)):
            server.xdotool("mousemove", str(x), str(y))
            time.sleep(0.05)
        server.xdotool("mouseup", "1")
        result = json.loads(process.stdout.readline())
        process.wait(30)
        process.stdout.close()
        # xdotool speaks physical pixels; the selection comes back in exactly those
        assert result == {"rect": [1380, 100, 400, 300], "crop": [400, 300], "monitor": 2}
    finally:
        server.stop()
