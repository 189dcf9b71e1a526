"""Exhaustive tests of the coordinate chain normalized -> image -> physical -> logical."""

from __future__ import annotations

import itertools
import math
from dataclasses import astuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_helper.core.geometry import (
    CaptureGeometry,
    Monitor,
    Rect,
    logical_to_physical,
    monitor_at,
    monitor_at_logical,
    nearest_monitor,
    virtual_desktop,
)

SCALES = (1.0, 1.25, 1.5, 2.0)


def layouts(scale_a: float, scale_b: float) -> dict[str, list[Monitor]]:
    """Two-monitor desktops of the shapes users have: side by side, left of primary, above primary."""
    primary = Monitor(1, "primary", Rect(0, 0, 2560, 1440), scale_a, primary=True)
    return {
        "right": [primary, Monitor(2, "right", Rect(2560, 200, 1920, 1080), scale_b)],
        "left_negative": [primary, Monitor(2, "left", Rect(-3840, -300, 3840, 2160), scale_b)],
        "above_negative": [primary, Monitor(2, "above", Rect(320, -1200, 1920, 1200), scale_b)],
    }


def downscale(width: int, height: int, max_side: int) -> tuple[int, int]:
    """A resize to a token budget as the media code may do it, rounding to multiples of 28."""
    factor = min(1.0, max_side / max(width, height))
    return max(28, round(width * factor / 28) * 28), max(28, round(height * factor / 28) * 28)


def ideal_model_box(geometry: CaptureGeometry, target: Rect) -> tuple[float, float, float, float]:
    """The normalized box a perfect model would give for a target seen in the sent image.

    Goes through the sent image's pixels with the same rounding a real image would impose
    (the target's edges land on whole image pixels), so it checks the chain, not its inverse.
    """
    assert geometry.sent_size is not None
    width, height = geometry.sent_size
    sx, sy = width / geometry.rect.width, height / geometry.rect.height
    left = math.floor((target.x - geometry.rect.x) * sx)
    top = math.floor((target.y - geometry.rect.y) * sy)
    right = math.ceil((target.right - geometry.rect.x) * sx)
    bottom = math.ceil((target.bottom - geometry.rect.y) * sy)
    return left / width * 1000, top / height * 1000, right / width * 1000, bottom / height * 1000


# -- hand-computed examples -------------------------------------------------------------------


def test_worked_example_negative_origin_scale_2_region_downscaled() -> None:
    monitor = Monitor(2, "left", Rect(-1920, 0, 3840, 2160), 2.0)
    geometry = CaptureGeometry(monitor, Rect(-1000, 500, 800, 600), sent_size=(400, 300))
    assert geometry.normalized_to_image(250, 500) == (100, 150)
    assert geometry.normalized_rect_to_physical(250, 500, 750, 1000) == Rect(-800, 800, 400, 300)
    # Qt's rule: the logical position is origin plus the physical offset over the scale.
    assert geometry.normalized_rect_to_logical(250, 500, 750, 1000) == Rect(-1360, 400, 200, 150)
    assert geometry.normalized_to_mouse(250, 500) == (-800, 800)


@pytest.mark.parametrize(
    ("scale", "expected_logical"),
    [(1.0, Rect(1000, 500, 200, 100)), (1.25, Rect(800, 400, 160, 80)), (1.5, Rect(1000 / 1.5, 500 / 1.5, 200 / 1.5, 100 / 1.5)),
     (2.0, Rect(500, 250, 100, 50))],
)
def test_worked_example_each_scale(scale: float, expected_logical: Rect) -> None:
    monitor = Monitor(1, "m", Rect(0, 0, 2000, 1000), scale)
    geometry = CaptureGeometry(monitor, monitor.physical, sent_size=(1000, 500))
    result = geometry.normalized_rect_to_logical(500, 500, 600, 600)
    assert astuple(result) == pytest.approx(astuple(expected_logical))
    assert geometry.normalized_rect_to_physical(500, 500, 600, 600) == Rect(1000, 500, 200, 100)


# -- exhaustive: every scale pair, layout, region, downscale ----------------------------------


REGIONS = {
    "whole": lambda m: m.physical,
    "region_top_left": lambda m: Rect(m.physical.x, m.physical.y, 801, 457),
    "region_middle": lambda m: Rect(m.physical.x + 333, m.physical.y + 211, 1000, 601),
}
BUDGETS = (None, 1288, 896, 448)


@pytest.mark.parametrize(("scale_a", "scale_b"), list(itertools.product(SCALES, SCALES)))
@pytest.mark.parametrize("layout", ["right", "left_negative", "above_negative"])
@pytest.mark.parametrize("region", list(REGIONS))
@pytest.mark.parametrize("budget", BUDGETS)
def test_target_maps_back_within_one_image_pixel(
    scale_a: float, scale_b: float, layout: str, region: str, budget: int | None
) -> None:
    for monitor in layouts(scale_a, scale_b)[layout]:
        rect = REGIONS[region](monitor)
        width, height = int(rect.width), int(rect.height)
        sent = (width, height) if budget is None else downscale(width, height, budget)
        geometry = CaptureGeometry(monitor, rect, sent_size=sent)
        # a target somewhere inside the captured rectangle, at odd offsets
        target = Rect(rect.x + rect.width * 0.37, rect.y + rect.height * 0.61, 57, 23)
        box = ideal_model_box(geometry, target)
        physical = geometry.normalized_rect_to_physical(*box)
        tolerance = max(rect.width / sent[0], rect.height / sent[1]) + 1e-6  # one sent-image pixel
        assert abs(physical.x - target.x) <= tolerance
        assert abs(physical.y - target.y) <= tolerance
        assert abs(physical.right - target.right) <= tolerance
        assert abs(physical.bottom - target.bottom) <= tolerance
        # the box must contain the target: rounding outward, never cutting it
        assert physical.x <= target.x + 1e-9
        assert physical.right >= target.right - 1e-9

        logical = geometry.normalized_rect_to_logical(*box)
        # Qt's rule for this monitor: same origin, extent divided by the scale
        ox, oy = monitor.physical.x, monitor.physical.y
        assert logical.x == pytest.approx(ox + (physical.x - ox) / monitor.scale)
        assert logical.y == pytest.approx(oy + (physical.y - oy) / monitor.scale)
        assert logical.width == pytest.approx(physical.width / monitor.scale)
        assert logical.height == pytest.approx(physical.height / monitor.scale)
        assert monitor.logical.contains(*logical.center)
        # and back to physical for the mouse
        px, py = logical_to_physical([monitor], *logical.center)
        assert (px, py) == pytest.approx(physical.center)
        mx, my = geometry.normalized_to_mouse((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
        assert target.x - tolerance <= mx <= target.right + tolerance
        assert target.y - tolerance <= my <= target.bottom + tolerance


@pytest.mark.parametrize("scale", SCALES)
def test_full_image_box_is_the_captured_rect(scale: float) -> None:
    monitor = Monitor(1, "m", Rect(-1280, -720, 2560, 1440), scale)
    geometry = CaptureGeometry(monitor, monitor.physical, sent_size=downscale(2560, 1440, 1000))
    assert geometry.normalized_rect_to_physical(0, 0, 1000, 1000) == monitor.physical
    assert astuple(geometry.normalized_rect_to_logical(0, 0, 1000, 1000)) == pytest.approx(astuple(monitor.logical))


def test_mouse_is_clamped_inside_the_capture() -> None:
    monitor = Monitor(1, "m", Rect(0, 0, 1920, 1080))
    geometry = CaptureGeometry(monitor, Rect(100, 100, 200, 100), sent_size=(200, 100))
    assert geometry.normalized_to_mouse(1000, 1000) == (299, 199)
    assert geometry.normalized_to_mouse(0, 0) == (100, 100)
    assert geometry.normalized_to_mouse(999, 999) == (299, 199)
    assert geometry.normalized_to_mouse(500, 500) == (200, 150)


# -- padding, whole-desktop captures, errors -------------------------------------------------


def test_padded_image_content_is_respected() -> None:
    # 1000x500 captured, sent as 560x336 with the picture in the top 560x280 and 56 px padding below
    monitor = Monitor(1, "m", Rect(0, 0, 1000, 500))
    geometry = CaptureGeometry(monitor, monitor.physical).with_sent_size(560, 336, content=Rect(0, 0, 560, 280))
    # the bottom of the picture is at 280/336 of the image height
    bottom = 280 / 336 * 1000
    assert geometry.normalized_to_physical(1000, bottom) == pytest.approx((1000, 500))
    assert geometry.normalized_to_physical(500, bottom / 2) == pytest.approx((500, 250))
    assert geometry.physical_to_normalized(1000, 500) == pytest.approx((1000, bottom))
    # a plain resize would have put that point 1/6 of the height too low
    plain = CaptureGeometry(monitor, monitor.physical, sent_size=(560, 336))
    assert plain.normalized_to_physical(1000, bottom)[1] == pytest.approx(500 * bottom / 1000)


def test_whole_desktop_capture_uses_each_monitors_scale() -> None:
    left = Monitor(1, "left", Rect(0, 0, 1920, 1080), 1.0, primary=True)
    right = Monitor(2, "right", Rect(1920, 0, 3840, 2160), 2.0)
    desktop = virtual_desktop([left, right])
    assert desktop == Rect(0, 0, 5760, 2160)
    synthetic = Monitor(0, "desktop", desktop, 1.0)
    geometry = CaptureGeometry(synthetic, desktop, sent_size=(1440, 540), desktop=(left, right))
    # a box in the middle of the right monitor: physical (3840-4032, 1080-1188)
    box = geometry.normalized_rect_to_logical(*(v * 1000 for v in (3840 / 5760, 0.5, 4032 / 5760, 1188 / 2160)))
    assert astuple(box) == pytest.approx((1920 + 1920 / 2, 540, 96, 54))
    # the same box without the monitor list would be placed as if at scale 1: wrong
    naive = CaptureGeometry(synthetic, desktop, sent_size=(1440, 540))
    assert naive.normalized_rect_to_logical(666.67, 500, 700, 550).x > 3000


def test_straddling_box_keeps_its_shape() -> None:
    left = Monitor(1, "left", Rect(0, 0, 1000, 1000), 1.0)
    right = Monitor(2, "right", Rect(1000, 0, 1000, 1000), 2.0)
    geometry = CaptureGeometry(Monitor(0, "d", Rect(0, 0, 2000, 1000)), Rect(0, 0, 2000, 1000), desktop=(left, right))
    box = geometry.normalized_rect_to_logical(400, 0, 700, 100)  # physical 800..1400, center on the right one
    assert box.width == pytest.approx(600 / 2)
    assert box.x == pytest.approx(1000 - 200 / 2)  # left edge extends back over the left monitor


def test_unknown_sent_size_and_empty_rects() -> None:
    monitor = Monitor(1, "m", Rect(0, 0, 100, 100))
    geometry = CaptureGeometry(monitor, Rect(0, 0, 100, 100))
    with pytest.raises(ValueError, match="not known"):
        geometry.normalized_to_image(1, 1)
    assert geometry.normalized_to_physical(500, 500) == (50, 50)  # the size cancels out
    with pytest.raises(ValueError, match="empty"):
        CaptureGeometry(monitor, Rect(0, 0, 0, 10)).physical_to_normalized(1, 1)
    with pytest.raises(ValueError, match="scale"):
        Monitor(1, "m", Rect(0, 0, 1, 1), 0.0)


def test_monitor_lookups_and_gaps() -> None:
    primary = Monitor(1, "p", Rect(0, 0, 2000, 1000), 2.0)  # logical 0..1000 wide
    right = Monitor(2, "r", Rect(2000, 0, 1000, 1000), 1.0)  # logical 2000..3000
    monitors = [primary, right]
    assert monitor_at(monitors, 1999, 10) is primary
    assert monitor_at(monitors, 2000, 10) is right
    assert monitor_at(monitors, -1, 10) is None
    assert nearest_monitor(monitors, -50, 10) is primary
    assert nearest_monitor(monitors, 3500, 500) is right
    # logical 1000..2000 is a gap between the two: not on any monitor
    assert monitor_at_logical(monitors, 1500, 10) is None
    with pytest.raises(ValueError, match="no monitor"):
        logical_to_physical(monitors, 1500, 10)
    assert logical_to_physical(monitors, 500, 250) == (1000, 500)
    with pytest.raises(ValueError):
        nearest_monitor([], 0, 0)


def test_rect_helpers() -> None:
    assert Rect.from_corners(10, 20, 0, 5) == Rect(0, 5, 10, 15)
    assert Rect(0, 0, 10, 10).intersection(Rect(5, 5, 10, 10)) == Rect(5, 5, 5, 5)
    assert Rect(0, 0, 10, 10).intersection(Rect(10, 0, 5, 5)) is None
    assert Rect(0, 0, 10, 10).distance_to(13, 14) == 5
    assert Rect(0, 0, 10, 10).distance_to(3, 3) == 0
    assert Rect(1, 2, 3, 4).translated(-1, -2) == Rect(0, 0, 3, 4)
    assert Rect(0, 0, 0, 5).empty


# -- properties --------------------------------------------------------------------------------

_monitors = st.builds(
    Monitor,
    id=st.just(1),
    name=st.just("m"),
    physical=st.builds(
        Rect,
        st.integers(-8000, 8000),
        st.integers(-8000, 8000),
        st.integers(320, 7680),
        st.integers(240, 4320),
    ),
    scale=st.sampled_from([1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0]),
)


@settings(max_examples=300, deadline=None)
@given(_monitors, st.floats(0, 1), st.floats(0, 1), st.floats(0.05, 1), st.floats(0.05, 1),
       st.integers(64, 4000), st.floats(0, 1000), st.floats(0, 1000))
def test_property_roundtrips(  # noqa: PLR0917 - hypothesis passes strategies positionally
    monitor: Monitor, fx: float, fy: float, fw: float, fh: float, budget: int, nx: float, ny: float
) -> None:
    p = monitor.physical
    rect = Rect(p.x + fx * p.width * (1 - fw), p.y + fy * p.height * (1 - fh), p.width * fw, p.height * fh)
    geometry = CaptureGeometry(monitor, rect, sent_size=downscale(round(rect.width) or 1, round(rect.height) or 1, budget))
    x, y = geometry.normalized_to_physical(nx, ny)
    assert geometry.physical_to_normalized(x, y) == pytest.approx((nx, ny), abs=1e-6)
    assert geometry.physical_to_image(x, y) == pytest.approx(geometry.normalized_to_image(nx, ny), abs=1e-6)
    # every point of the capture lands inside the capture and on its monitor
    assert rect.x - 1e-6 <= x <= rect.right + 1e-6
    lx, ly = geometry.normalized_to_logical(nx, ny)
    assert monitor.logical_to_physical(lx, ly) == pytest.approx((x, y), abs=1e-6)
    lr = monitor.logical
    assert lr.x - 1e-6 <= lx <= lr.right + 1e-6
    assert lr.y - 1e-6 <= ly <= lr.bottom + 1e-6
    mx, my = geometry.normalized_to_mouse(nx, ny)
    assert math.floor(rect.x) <= mx <= math.ceil(rect.right) - 1
    assert math.floor(rect.y) <= my <= math.ceil(rect.bottom) - 1
