"""Recording on the real X server: frame counts, playable after SIGKILL, full disk, max duration; the frame sampler."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from desktop_helper.core.geometry import Rect
from desktop_helper.media.recording import Recorder, RecordingStatus, plan_samples, sample_video, video_frame_count
from desktop_helper.platform.capture.mss_backend import MssBackend
from tests.harness.xserver import XServer

ROOT = Path(__file__).resolve().parents[1]


def screen_recorder(server: XServer, folder: Path, **kwargs: object) -> tuple[Recorder, MssBackend]:
    backend = MssBackend(display=server.display)
    rect = Rect(0, 0, 640, 480)
    recorder = Recorder(
        lambda: backend.grab(rect).pixels,
        rect,
        folder,
        "test",
        on_release_thread=backend.release_thread,
        **kwargs,  # type: ignore[arg-type]
    )
    return recorder, backend


@pytest.mark.gui
@pytest.mark.slow
def test_ten_seconds_play_back_with_the_expected_frame_count(x_server: XServer, tmp_path: Path) -> None:
    finished: list[RecordingStatus] = []
    recorder, backend = screen_recorder(x_server, tmp_path, fps=10, segment_seconds=4, on_finished=finished.append)
    recorder.start()
    time.sleep(10)
    recorder.stop()
    status = recorder.wait(60)
    backend.close()
    assert status.error is None
    assert status.path == tmp_path / "test.mp4"
    assert not recorder.parts_folder.exists(), "segments are joined and removed on a normal stop"
    frames = video_frame_count(status.path)
    assert frames == status.frames_written
    assert abs(frames + status.frames_dropped - 100) <= 2, (frames, status.frames_dropped)
    assert status.dropped_percent < 10
    assert finished
    assert finished[0].frames_written == frames


@pytest.mark.gui
def test_max_duration_stops_the_recording(x_server: XServer, tmp_path: Path) -> None:
    recorder, backend = screen_recorder(x_server, tmp_path, fps=10, max_seconds=1.0)
    recorder.start()
    status = recorder.wait(30)
    backend.close()
    assert status.stopped_because == "the longest recording time was reached"
    assert status.path is not None
    assert 8 <= video_frame_count(status.path) + status.frames_dropped <= 12


def test_full_disk_stops_and_keeps_what_was_recorded(tmp_path: Path) -> None:
    folder = tmp_path / "small"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(folder)], capture_output=True, check=False)
    if mounted.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    try:
        rng = np.random.default_rng(0)
        noise = [rng.integers(0, 255, (480, 640, 4), dtype=np.uint8) for _ in range(4)]
        counter = iter(range(10**9))
        recorder = Recorder(
            lambda: noise[next(counter) % 4], Rect(0, 0, 640, 480), folder, "full", fps=20, segment_seconds=0.5, min_free_bytes=0
        )
        recorder.start()
        status = recorder.wait(60)
        assert status.error is not None, "a full disk must be reported"
        assert "disk" in status.error.lower() or "failed" in status.error.lower()
        playable = [p for p in [status.path, *status.segments] if p is not None]
        assert playable, "the segments closed before the disk filled up are kept"
        assert sum(video_frame_count(p) for p in playable) >= 10
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@pytest.mark.gui
@pytest.mark.slow
def test_killed_recording_leaves_playable_segments(x_server: XServer, tmp_path: Path) -> None:
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from desktop_helper.core.geometry import Rect\n"
        "from desktop_helper.media.recording import Recorder\n"
        "from desktop_helper.platform.capture.mss_backend import MssBackend\n"
        "b = MssBackend()\n"
        "rect = Rect(0, 0, 320, 240)\n"
        "r = Recorder(lambda: b.grab(rect).pixels, rect, Path(sys.argv[1]), 'k', fps=10, segment_seconds=1)\n"
        "r.start()\n"
        "print('started', flush=True)\n"
        "time.sleep(60)\n"
    )
    env = dict(x_server.env, PYTHONPATH=str(ROOT))
    process = subprocess.Popen([sys.executable, "-c", script, str(tmp_path)], env=env, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "started"
    time.sleep(3.5)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(10)
    process.stdout.close()
    parts = sorted((tmp_path / "k.parts").glob("part-*.mp4"))
    counts = [video_frame_count(p) for p in parts]
    # every segment but the one being written when killed is complete
    assert len(parts) >= 3
    assert all(c == 10 for c in counts[:-1]), counts
    assert sum(counts) >= 20


def test_sampler_plan_spreads_frames_and_shares_the_budget() -> None:
    plan = plan_samples(300, 15.0, fps=1.0, max_frames=8, token_budget=2048)
    assert len(plan.indices) == 8
    assert plan.indices[0] < 40
    assert plan.indices[-1] > 260
    assert plan.tokens_per_frame == 256
    assert plan_samples(30, 15.0, fps=1.0, max_frames=8).indices == (7, 22)
    few = plan_samples(300, 15.0, fps=2.0, max_frames=100, token_budget=64)
    assert len(few.indices) == 4, "a tiny budget takes fewer frames rather than unreadable ones"
    assert plan_samples(0, 15.0).indices == ()


def test_sampler_reads_a_real_video(tmp_path: Path) -> None:
    import cv2

    path = tmp_path / "v.mp4"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"mp4v"), 10.0, (320, 240))
    for i in range(50):
        writer.write(np.full((240, 320, 3), i * 5, np.uint8))
    writer.release()
    video = sample_video(path, fps=1.0, max_frames=4, token_budget=400)
    assert len(video.frames) == 4
    assert all(f.width * f.height <= 100 * 28 * 28 for f in video.frames)
    assert video.path == str(path)
