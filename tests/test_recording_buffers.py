"""Recording without per-frame allocations: frames grabbed straight into reused buffers, with the right pixels."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from desktop_helper.core.geometry import Rect
from desktop_helper.media.recording import Recorder, frame_buffer, video_frame_count
from desktop_helper.platform.capture.mss_backend import MssBackend
from tests.harness.xserver import XServer

#: (x, y, BGR) blocks painted on the root window
BLOCKS = [(10, 10, (0, 0, 255)), (110, 10, (0, 255, 0)), (10, 110, (255, 0, 0)), (110, 110, (255, 255, 255))]


@pytest.fixture
def painted() -> Iterator[XServer]:
    """A private X server (no window manager to cover the root) with four 80 px blocks of known colours."""
    from Xlib import display as xdisplay

    server = XServer(screens=[(640, 480)], window_manager=False).start()
    d = xdisplay.Display(server.display)
    try:
        root = d.screen().root
        for x, y, (b, g, r) in BLOCKS:
            gc = root.create_gc(foreground=(r << 16) | (g << 8) | b)
            root.fill_rectangle(gc, x, y, 80, 80)
        d.sync()
        yield server
    finally:
        d.close()
        server.stop()


def test_frame_buffers_are_what_the_video_writer_takes_without_a_copy() -> None:
    for width, height in [(1920, 1080), (1366, 768), (332, 240), (2, 2)]:
        for _ in range(5):
            buffer = frame_buffer(width, height)
            assert buffer.shape == (height, width, 3)
            assert buffer.dtype == np.uint8
            step = buffer.strides[0]
            assert buffer.ctypes.data % 32 == 0, "rows aligned for FFmpeg's SIMD"
            assert step % 32 == 0
            end = (buffer.ctypes.data + step * height) % 4096
            assert 32 <= end <= 4096 - 32, "the data does not end next to a page boundary"
            buffer[:] = 7  # every byte is writable
            assert int(buffer.sum()) == 7 * width * height * 3


@pytest.mark.gui
def test_grab_bgr_gives_the_pixels_of_grab_from_shared_memory(painted: XServer) -> None:
    backend = MssBackend(display=painted.display)
    try:
        rect = Rect(5, 5, 201, 191)
        reference = backend.grab(rect).pixels[:, :, :3]  # the first grab sets up X shared memory
        screen = backend._mss()
        assert screen._impl.shm_status.name == "AVAILABLE", "Xvfb offers MIT-SHM"
        out = frame_buffer(200, 190)
        assert backend._grab_shared(screen, rect.as_ints(), out), "mss's shared-memory internals are as expected"
        np.testing.assert_array_equal(out, reference[:190, :200])
        out[:] = 0
        backend.grab_bgr(rect, out)
        np.testing.assert_array_equal(out, reference[:190, :200])
        assert tuple(out[45, 45]) == (0, 0, 255)  # red (BGR)
        assert tuple(out[45, 145]) == (0, 255, 0)  # green
        contiguous = np.zeros((190, 200, 3), np.uint8)
        backend.grab_bgr(rect, contiguous)
        np.testing.assert_array_equal(contiguous, reference[:190, :200])
        with pytest.raises(Exception, match="does not fit"):
            backend.grab_bgr(rect, frame_buffer(202, 190))
    finally:
        backend.release_thread()  # no view of the shared segment is left: it closes cleanly
        backend.close()


@pytest.mark.gui
def test_grab_bgr_without_shared_memory_copies(painted: XServer) -> None:
    backend = MssBackend(display=painted.display)
    try:
        rect = Rect(0, 0, 200, 200)
        out = frame_buffer(200, 200)
        backend.grab_bgr(rect, out)  # the first grab on a thread goes through mss's public, copying path
        assert tuple(out[150, 150]) == (255, 255, 255)
        assert not backend._grab_shared(object(), rect.as_ints(), out), "another mss: the public path"
    finally:
        backend.close()


@pytest.mark.gui
def test_recording_into_reused_buffers_has_the_screen_in_the_video(painted: XServer, tmp_path: Path) -> None:
    import cv2

    backend = MssBackend(display=painted.display)
    rect = Rect(0, 0, 333, 241)  # odd sides: the video is 332x240, its rows padded in the buffers
    recorder = Recorder(
        None,
        rect,
        tmp_path,
        "into",
        fps=10,
        segment_seconds=1,
        on_release_thread=backend.release_thread,
        grab_into=lambda out: backend.grab_bgr(rect, out),
    )
    recorder.start()
    time.sleep(2.5)
    recorder.stop()
    status = recorder.wait(60)
    backend.close()
    assert status.error is None
    assert status.path is not None
    assert video_frame_count(status.path) == status.frames_written >= 20
    assert recorder._buffers_made <= recorder.pool_frames, "buffers are reused, not made per frame"
    capture = cv2.VideoCapture(str(status.path))
    ok, frame = capture.read()
    capture.release()
    assert ok
    assert frame.shape == (240, 332, 3)
    for x, y, colour in BLOCKS:
        assert np.abs(frame[y + 40, x + 40].astype(int) - colour).max() < 40, (x, y, frame[y + 40, x + 40])


def test_a_slow_encoder_drops_frames_without_grabbing_them(tmp_path: Path) -> None:
    grabs: list[int] = []
    pixels = np.full((120, 160, 4), 90, np.uint8)

    def grab() -> np.ndarray:
        grabs.append(1)
        return pixels

    recorder = Recorder(grab, Rect(0, 0, 160, 120), tmp_path, "slow", fps=50, queue_frames=2, min_free_bytes=0)
    real_open = recorder._open_segment

    class SlowWriter:
        def __init__(self, writer: object) -> None:
            self.writer = writer

        def write(self, frame: np.ndarray) -> None:
            time.sleep(0.1)
            self.writer.write(frame)  # type: ignore[attr-defined]

        def close(self) -> None:
            self.writer.close()  # type: ignore[attr-defined]

    def slow_open(index: int) -> tuple[object, Path]:
        writer, path = real_open(index)
        return SlowWriter(writer), path

    recorder._open_segment = slow_open  # type: ignore[method-assign,assignment]
    recorder.start()
    time.sleep(1.5)
    recorder.stop()
    status = recorder.wait(60)
    assert status.error is None
    assert status.frames_dropped > status.frames_written
    assert recorder._buffers_made == recorder.pool_frames == 3
    # one grab to set up, then only the frames that had a buffer
    assert len(grabs) == 1 + status.frames_written
    assert status.path is not None
    assert video_frame_count(status.path) == status.frames_written
