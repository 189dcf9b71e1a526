"""Capture backends: mss on real X servers (one and two monitors), the Wayland portal and macOS permission with fakes."""

from __future__ import annotations

import io
import threading
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image

from desktop_helper.core.errors import CaptureError
from desktop_helper.core.geometry import Monitor, Rect
from desktop_helper.media.frames import encode_pixels, prepare_pixels
from desktop_helper.media.images import fit_to_token_budget
from desktop_helper.platform import system
from desktop_helper.platform.capture import NullBackend, apply_scales, capture_backend_for_current_os, monitor_for_rect
from desktop_helper.platform.capture.macos import (
    SETTINGS_URL,
    MacPermissionBackend,
    ScreenRecordingDeniedError,
    open_screen_recording_settings,
)
from desktop_helper.platform.capture.mss_backend import MssBackend
from desktop_helper.platform.capture.wayland import PortalBackend
from tests.fixtures.capture_env import multi_monitor_server
from tests.harness.xserver import XServer


def paint(server: XServer, rect: tuple[int, int, int, int], colour: str) -> None:
    """Fill a rectangle of the root window with a colour through X (no window manager needed)."""
    from Xlib import X
    from Xlib import display as xdisplay

    d = xdisplay.Display(server.display)
    try:
        screen = d.screen()
        colormap = screen.default_colormap
        pixel = colormap.alloc_named_color(colour).pixel
        gc = screen.root.create_gc(foreground=pixel, subwindow_mode=X.IncludeInferiors)
        screen.root.fill_rectangle(gc, *rect)
        d.sync()
    finally:
        d.close()


@pytest.mark.gui
def test_two_monitors_have_their_origins_and_capture_their_own_pixels() -> None:
    server = multi_monitor_server()
    backend = MssBackend(display=server.display, scales={(1920, 0, 1280, 1024): 1.5})
    try:
        paint(server, (0, 0, 1920, 1080), "red")
        paint(server, (1920, 0, 1280, 1024), "blue")
        monitors = backend.monitors()
        assert [m.physical.as_ints() for m in monitors] == [(0, 0, 1920, 1080), (1920, 0, 1280, 1024)]
        assert [m.scale for m in monitors] == [1.0, 1.5]
        first, second = (backend.grab_monitor(m) for m in monitors)
        assert (first.width, first.height) == (1920, 1080)
        assert (second.width, second.height) == (1280, 1024)
        assert second.geometry.rect.as_ints() == (1920, 0, 1280, 1024)
        assert second.geometry.monitor.scale == 1.5
        # pixels are BGRA: red reads as 0, 0, 255 and blue as 255, 0, 0
        assert tuple(first.pixels[540, 960, :3]) == (0, 0, 255)
        assert tuple(second.pixels[500, 600, :3]) == (255, 0, 0)
        # a region straddling the border belongs to the monitor holding most of it
        region = Rect(1900, 100, 200, 50)
        assert monitor_for_rect(monitors, region).id == 2
        frame = backend.grab(region)
        assert frame.geometry.monitor.id == 2
        assert tuple(frame.pixels[10, 5, :3]) == (0, 0, 255)
        assert tuple(frame.pixels[10, 150, :3]) == (255, 0, 0)
        # whole desktop: one frame, every monitor in its geometry, points map through their monitor
        desktop = backend.grab_desktop()
        assert (desktop.width, desktop.height) == (3200, 1080)
        assert len(desktop.geometry.desktop) == 2
        assert desktop.geometry.physical_to_logical(1920 + 300, 300) == (1920 + 200, 200)
        crop = desktop.crop(Rect(2000, 10, 100, 100))
        assert crop.geometry.monitor.id == 2
        assert crop.width == 100
    finally:
        backend.close()
        server.stop()


@pytest.mark.gui
def test_each_thread_gets_its_own_mss_and_close_releases_them(x_server: XServer) -> None:
    backend = MssBackend(display=x_server.display)
    sizes: list[tuple[int, int]] = []

    def work() -> None:
        frame = backend.grab(Rect(10, 10, 64, 48))
        sizes.append((frame.width, frame.height))
        backend.release_thread()

    threads = [threading.Thread(target=work) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    backend.grab(Rect(0, 0, 8, 8))
    assert sizes == [(64, 48)] * 3
    assert len(backend._all) == 1, "worker threads released theirs; the main thread keeps one"
    backend.close()
    with pytest.raises(CaptureError):
        backend.grab(Rect(0, 0, 8, 8))


@pytest.mark.gui
def test_region_off_every_monitor_is_a_clear_error(x_server: XServer) -> None:
    backend = MssBackend(display=x_server.display)
    try:
        with pytest.raises(CaptureError, match="unplugged"):
            backend.grab(Rect(5000, 5000, 100, 100))
        with pytest.raises(CaptureError, match="empty"):
            backend.grab(Rect(0, 0, 0, 10))
    finally:
        backend.close()


def test_no_display_gives_a_null_backend_that_explains(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    with system.fake_os("linux"):
        backend = capture_backend_for_current_os()
    assert isinstance(backend, NullBackend)
    with pytest.raises(CaptureError, match="No display"):
        backend.grab(Rect(0, 0, 10, 10))


def test_broken_display_name_is_a_capture_error() -> None:
    backend = MssBackend(display=":987")
    with pytest.raises(CaptureError, match="cannot be captured"):
        backend.monitors()
    backend.close()


def test_apply_scales_matches_monitors_by_physical_rect() -> None:
    monitors = [Monitor(1, "a", Rect(-1280, 0, 1280, 1024)), Monitor(2, "b", Rect(0, 0, 3840, 2160))]
    scaled = apply_scales(monitors, {(0, 0, 3840, 2160): 2.0})
    assert [m.scale for m in scaled] == [1.0, 2.0]


# ----- Wayland: the portal route with a fake screenshot source
def _png(width: int, height: int, colour: tuple[int, int, int]) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def test_portal_backend_cuts_regions_from_the_desktop_shot() -> None:
    image = Image.new("RGB", (3000, 1000), (10, 20, 30))
    image.paste((200, 100, 50), (1000, 0, 3000, 1000))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    backend = PortalBackend(shoot=buffer.getvalue)
    backend.set_monitors([Monitor(1, "left", Rect(-1000, 0, 1000, 1000)), Monitor(2, "right", Rect(0, 0, 2000, 1000), 2.0)])
    frame = backend.grab(Rect(-10, 5, 20, 10))
    assert frame.geometry.monitor.name == "left"  # 10 px on each side: the first with most wins
    assert tuple(frame.pixels[0, 0, :3]) == (30, 20, 10)  # BGRA
    assert tuple(frame.pixels[0, 19, :3]) == (50, 100, 200)
    whole = backend.grab_monitor(backend.monitors()[1])
    assert (whole.width, whole.height) == (2000, 1000)
    with pytest.raises(CaptureError, match="outside"):
        backend.grab(Rect(1500, 0, 1000, 10))


def test_portal_backend_grabs_every_monitor_from_one_shot() -> None:
    image = Image.new("RGB", (3000, 1000), (10, 20, 30))
    image.paste((200, 100, 50), (1000, 0, 3000, 1000))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    shots: list[int] = []

    def shoot() -> bytes:
        shots.append(1)
        return buffer.getvalue()

    backend = PortalBackend(shoot=shoot)
    backend.set_monitors([Monitor(1, "left", Rect(-1000, 0, 1000, 1000)), Monitor(2, "right", Rect(0, 0, 2000, 1000), 2.0)])
    left, right = backend.grab_monitors(backend.monitors())
    assert len(shots) == 1, "one portal request (and prompt) for the whole region selector"
    assert (left.geometry.monitor.name, left.width, left.height) == ("left", 1000, 1000)
    assert (right.geometry.monitor.name, right.width, right.height) == ("right", 2000, 1000)
    assert tuple(left.pixels[0, 0, :3]) == (30, 20, 10)
    assert tuple(right.pixels[0, 0, :3]) == (50, 100, 200)


def test_wayland_without_portal_or_grim_names_the_fallbacks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
    monkeypatch.setenv("PATH", "/nonexistent")
    backend = PortalBackend()
    backend.set_monitors([Monitor(1, "m", Rect(0, 0, 100, 100))])
    with pytest.raises(CaptureError) as caught:
        backend.grab(Rect(0, 0, 10, 10))
    assert "xdg-desktop-portal" in (caught.value.fix or "")
    assert "grim" in (caught.value.fix or "")


def test_factory_picks_the_portal_on_wayland_and_guards_macos(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_SESSION_TYPE", "wayland")
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    with system.fake_os("linux"):
        assert isinstance(capture_backend_for_current_os(), PortalBackend)
    with system.fake_os("macos"):
        backend = capture_backend_for_current_os()
    assert isinstance(backend, MacPermissionBackend)
    backend.close()


# ----- macOS Screen Recording permission, with fakes
class FakeInner(NullBackend):
    def __init__(self) -> None:
        super().__init__("x")
        self.grabs = 0

    def grab(self, rect: Rect, monitor: Monitor | None = None) -> Any:
        self.grabs += 1
        return "frame"


def test_macos_denied_permission_is_reported_once_prompted_and_not_captured() -> None:
    inner = FakeInner()
    answers = [False, False, True]
    requests: list[bool] = []
    backend = MacPermissionBackend(inner, allowed=lambda: answers.pop(0), request=lambda: requests.append(True))
    for _ in range(2):
        with pytest.raises(ScreenRecordingDeniedError) as caught:
            backend.grab(Rect(0, 0, 10, 10))
        assert "Screen Recording" in (caught.value.fix or "")
        assert "quit and reopen" in (caught.value.fix or "")
    assert requests == [True], "macOS is asked to list the app once, not on every capture"
    assert inner.grabs == 0
    assert backend.grab(Rect(0, 0, 10, 10)) == "frame"
    # unknown (older macOS): capture goes ahead
    assert MacPermissionBackend(inner, allowed=lambda: None).grab(Rect(0, 0, 1, 1)) == "frame"


def test_the_settings_link_opens_the_screen_recording_pane() -> None:
    ran: list[list[str]] = []
    open_screen_recording_settings(run=ran.append)
    assert ran == [["open", SETTINGS_URL]]
    assert SETTINGS_URL.endswith("Privacy_ScreenCapture")


# ----- model-ready bytes
@pytest.mark.parametrize(("width", "height", "budget"), [(1920, 1080, 1024), (3840, 2160, 1024), (300, 40, 1024), (50, 50, 256)])
def test_prepare_pixels_sends_the_budgeted_size_and_records_it(width: int, height: int, budget: int) -> None:
    from desktop_helper.core.geometry import CaptureGeometry

    pixels = np.zeros((height, width, 4), np.uint8)
    pixels[:, : width // 2] = (0, 0, 255, 255)
    geometry = CaptureGeometry(Monitor(1, "m", Rect(0, 0, width, height)), Rect(0, 0, width, height))
    prepared = prepare_pixels(pixels, budget, geometry=geometry)
    expected = fit_to_token_budget(width, height, budget)
    assert (prepared.part.width, prepared.part.height) == expected
    assert prepared.part.geometry is not None
    assert prepared.part.geometry.sent_size == expected
    assert prepared.tokens <= budget
    decoded = Image.open(io.BytesIO(prepared.part.data))
    assert decoded.size == expected
    left = np.asarray(decoded.convert("RGB"))[expected[1] // 2, 2]
    assert tuple(left) == (255, 0, 0), "BGRA in, RGB out"


def test_encode_pixels_is_lossless_png(tmp_path: Path) -> None:
    pixels = np.random.default_rng(1).integers(0, 255, (37, 53, 4), dtype=np.uint8)
    part = encode_pixels(pixels)
    decoded = np.asarray(Image.open(io.BytesIO(part.data)).convert("RGB"))
    assert np.array_equal(decoded, pixels[:, :, 2::-1])


def test_window_list_on_windows_uses_the_shared_lister(monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_helper.platform import window_list
    from desktop_helper.platform.window_list import list_windows, window_at
    from desktop_helper.platform.window_list.base import WindowInfo as ListedWindow
    from desktop_helper.platform.window_list.base import WindowLister

    class Fake(WindowLister):
        def windows(self) -> list[ListedWindow]:
            return [
                ListedWindow("front", "a.exe", Rect(-500, 100, 400, 300)),
                ListedWindow("minimized", "b.exe", Rect(0, 0, 50, 50), minimized=True),
                ListedWindow("no rect", "c.exe", None),
                ListedWindow("back", "d.exe", Rect(-600, 0, 1000, 800)),
            ]

    monkeypatch.setattr(window_list, "window_lister_for_current_os", Fake)
    with system.fake_os("windows"):
        windows = list_windows()
    assert [w.title for w in windows] == ["front", "back"]
    top = window_at(windows, -300, 200)
    assert top is not None
    assert top.title == "front"
    assert window_at(windows, 450, 10) is None


def test_optional_capture_features_are_on_the_interface_with_safe_defaults(x_server: XServer) -> None:
    """The controller calls them on any backend: a backend without a feature ignores it or says what is missing."""

    portal = PortalBackend(shoot=lambda: b"")
    assert portal.slow is True
    portal.set_scales({(0, 0, 100, 100): 2.0})  # ignored: the portal's monitors come from set_monitors
    portal.release_thread()
    with pytest.raises(CaptureError, match="Recording is not available with the xdg-desktop-portal") as caught:
        portal.recording_backend({})
    assert "Wayland" in (caught.value.fix or "")
    with pytest.raises(CaptureError, match="Recording is not available"):
        portal.grab_bgr(Rect(0, 0, 10, 10), np.zeros((10, 10, 3), np.uint8))

    screen = MssBackend()
    try:
        assert screen.slow is False
        recording = screen.recording_backend({(0, 0, 1920, 1080): 1.0})
        try:
            out = np.zeros((10, 10, 3), np.uint8)
            recording.grab_bgr(Rect(0, 0, 10, 10), out)
            recording.release_thread()
        finally:
            recording.close()
    finally:
        screen.close()
