"""Screen recording at 1080p, 15 fps, for 60 s on this machine's 2 cores: dropped frames and memory.

A private 1920x1080 Xvfb shows a desktop that changes every frame (a moving block and a
counter), so every frame is really encoded. The recorder (desktop_helper.media.recording) runs
its capture and writer threads, grabbing as the app does (``MssBackend.grab_bgr``); we sample the
process RSS every second. RSS is also split into its anonymous + shared-memory part (the
process's own data: frames, encoder state, the X shared-memory segment) and its file-backed part
(library code paged in on first use: FFmpeg's encoder and muxer, clean and shared with the page cache).

Goal: <= 2 % dropped frames, RSS growth <= 50 MB. Run: ``uv run python bench/recording.py [seconds]``.
Last line: JSON with ``dropped_percent`` and ``rss_growth_mb``.
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repo root: bench and tests import as packages
from bench._common import summary
from tests.harness.xserver import XServer

FPS = 15


def animate(server: XServer, stop: threading.Event) -> None:
    """Move a block across the root window ~30 times a second so every frame differs."""
    from Xlib import display as xdisplay

    d = xdisplay.Display(server.display)
    try:
        screen = d.screen()
        root = screen.root
        colormap = screen.default_colormap
        background = root.create_gc(foreground=colormap.alloc_named_color("gray20").pixel)
        block = root.create_gc(foreground=colormap.alloc_named_color("orange").pixel)
        x = 0
        while not stop.is_set():
            root.fill_rectangle(background, x, 400, 200, 200)
            x = (x + 12) % 1720
            root.fill_rectangle(block, x, 400, 200, 200)
            d.sync()
            stop.wait(1 / 30)
    finally:
        d.close()


def rss_parts() -> tuple[int, int]:
    """(anonymous + shared memory, file-backed) resident bytes of this process (Linux; zeros elsewhere)."""
    fields: dict[str, int] = {}
    try:
        with open("/proc/self/status") as status:
            for line in status:
                name, _, value = line.partition(":")
                if name in ("RssAnon", "RssFile", "RssShmem"):
                    fields[name] = int(value.split()[0]) * 1024
    except OSError:
        return 0, 0
    return fields.get("RssAnon", 0) + fields.get("RssShmem", 0), fields.get("RssFile", 0)


def main() -> None:
    import av  # noqa: F401 - loaded before the baseline (PyAV's FFmpeg and libx264: ~15 MB of library code):
    import cv2  # noqa: F401 - libraries are not growth during a recording
    import psutil

    from desktop_helper.core.geometry import Rect
    from desktop_helper.media.recording import Recorder, video_frame_count
    from desktop_helper.platform.capture.mss_backend import MssBackend

    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 60.0
    print(f"load average before the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    server = XServer(screens=[(1920, 1080)], window_manager=False).start()
    stop = threading.Event()
    mover = threading.Thread(target=animate, args=(server, stop), name="animate")
    process = psutil.Process()
    try:
        mover.start()
        backend = MssBackend(display=server.display)
        rect = Rect(0, 0, 1920, 1080)
        with tempfile.TemporaryDirectory() as folder:
            recorder = Recorder(
                None,
                rect,
                Path(folder),
                "bench",
                fps=FPS,
                max_seconds=seconds + 30,
                on_release_thread=backend.release_thread,
                grab_into=lambda out: backend.grab_bgr(rect, out),
            )
            rss_start = process.memory_info().rss
            peak = rss_start
            own_start, file_start = rss_parts()
            own_peak, file_peak = own_start, file_start
            recorder.start()
            started = time.monotonic()
            samples: list[int] = []
            while time.monotonic() - started < seconds:
                time.sleep(1)
                samples.append(process.memory_info().rss)
                peak = max(peak, samples[-1])
                own, file = rss_parts()
                own_peak, file_peak = max(own_peak, own), max(file_peak, file)
            recorder.stop()
            stop_started = time.monotonic()
            status = recorder.wait(600)
            finishing = time.monotonic() - stop_started
            backend.close()
            frames = video_frame_count(status.path) if status.path else 0
            size = status.path.stat().st_size if status.path else 0
    finally:
        stop.set()
        mover.join(10)
        server.stop()
    expected = round(seconds * FPS)
    growth = (peak - rss_start) / 2**20
    # a leak shows as RSS still rising after the first seconds (queue full, encoder warmed up)
    settled = samples[min(4, len(samples) - 1)] if samples else rss_start
    late_growth = (max(samples[4:], default=settled) - settled) / 2**20
    print(
        f"1080p at {FPS} fps for {seconds:.0f} s: {status.frames_written} frames written, {status.frames_dropped} dropped "
        f"({status.dropped_percent:.2f} %), {frames} frames decodable of {expected} expected; "
        f"RSS growth {growth:.1f} MB (peak over the start), {late_growth:.1f} MB after the first 5 s; "
        f"file {size / 2**20:.1f} MB; stop to playable file {finishing:.1f} s"
    )
    timeline = ", ".join(f"{(v - rss_start) / 2**20:.0f}" for v in samples[4::5])
    print(f"RSS over the start every 5 s, from 5 s on: {timeline} MB")
    own_growth = (own_peak - own_start) / 2**20
    file_growth = (file_peak - file_start) / 2**20
    print(
        f"of the RSS growth: anonymous + shared memory {own_growth:.1f} MB (peak), "
        f"file-backed library code {file_growth:.1f} MB (peak)"
    )
    print(
        f"goal: <= 2 % dropped and <= 50 MB RSS growth -> {'met' if status.dropped_percent <= 2 and growth <= 50 else 'NOT met'}"
    )
    summary(
        {
            "seconds": seconds,
            "fps": FPS,
            "frames_written": status.frames_written,
            "frames_dropped": status.frames_dropped,
            "frames_decodable": frames,
            "dropped_percent": status.dropped_percent,
            "rss_growth_mb": growth,
            "rss_growth_after_5s_mb": late_growth,
            "rss_growth_anon_shmem_mb": own_growth,
            "rss_growth_file_mb": file_growth,
            "finish_seconds": finishing,
            "error": status.error,
        }
    )


if __name__ == "__main__":
    main()
