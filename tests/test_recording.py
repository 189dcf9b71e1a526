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
    """A recorder of the screen grabbing as the app's does (``grab_bgr`` into its buffers)."""
    backend = MssBackend(display=server.display)
    rect = Rect(0, 0, 640, 480)
    recorder = Recorder(
        None,
        rect,
        folder,
        "test",
        on_release_thread=backend.release_thread,
        grab_into=lambda out: backend.grab_bgr(rect, out),
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

    # the next start joins what was left into one video
    from desktop_helper.media.recording import recover_interrupted

    recovered = recover_interrupted(tmp_path)
    assert [r.path for r in recovered] == [tmp_path / "k.mp4"]
    assert video_frame_count(recovered[0].path) == 10 * (len(parts) - 1) + (counts[-1] if counts[-1] == 10 else 0)
    assert not (tmp_path / "k.parts").exists()
    assert recover_interrupted(tmp_path) == []


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


def _segment(path: Path, colour: int, frames: int, size: tuple[int, int] = (320, 240)) -> Path:
    """A segment as the recorder writes it."""
    from desktop_helper.media.h264 import H264Writer

    writer = H264Writer(path, size, 10, keyframe_interval=10)
    for i in range(frames):
        writer.write(np.full((size[1], size[0], 3), (colour, i * 8, 0), np.uint8))
    writer.close()
    return path


def _blue_values(path: Path) -> list[int]:
    import cv2

    capture = cv2.VideoCapture(str(path))
    values = []
    while True:
        ok, frame = capture.read()
        if not ok:
            break
        values.append(int(frame[120, 160, 0]))
    capture.release()
    return values


def test_segments_are_joined_without_reencoding_in_order(tmp_path: Path) -> None:
    import cv2

    from desktop_helper.media.h264 import join_mp4

    parts = [_segment(tmp_path / f"p{k}.mp4", 40 + 80 * k, 20 + k) for k in range(3)]
    media_bytes = sum(p.stat().st_size for p in parts)
    joined = join_mp4(parts, tmp_path / "joined.mp4")
    blues = _blue_values(joined)
    assert len(blues) == 20 + 21 + 22
    # each segment's frames, in order, with their own colour (H.264 is lossy: a few levels off)
    assert all(abs(b - 40) < 8 for b in blues[:20])
    assert all(abs(b - 120) < 8 for b in blues[20:41])
    assert all(abs(b - 200) < 8 for b in blues[41:])
    capture = cv2.VideoCapture(str(joined))
    assert capture.get(cv2.CAP_PROP_FPS) == pytest.approx(10.0)
    assert capture.get(cv2.CAP_PROP_FRAME_COUNT) == pytest.approx(63, abs=1), "the duration covers every segment"
    capture.release()
    # copied, not re-encoded: the joined file is about the sum of the parts
    assert abs(joined.stat().st_size - media_bytes) < 4096


def test_segments_of_different_sizes_fall_back_to_reencoding(tmp_path: Path) -> None:
    from desktop_helper.media.h264 import JoinError, join_mp4
    from desktop_helper.media.recording import join_segments

    parts = [_segment(tmp_path / "a.mp4", 40, 10), _segment(tmp_path / "b.mp4", 200, 10, size=(160, 120))]
    with pytest.raises(JoinError):
        join_mp4(parts, tmp_path / "x.mp4")
    assert not (tmp_path / "x.joining.mp4").exists(), "a failed join leaves nothing half-written"
    joined = join_segments(parts, tmp_path / "joined.mp4", 10, (320, 240))
    assert video_frame_count(joined) == 20


def test_a_truncated_segment_is_refused_not_misread(tmp_path: Path) -> None:
    from desktop_helper.media.h264 import JoinError, join_mp4, readable_video

    good = _segment(tmp_path / "good.mp4", 40, 10)
    bad = tmp_path / "bad.mp4"
    bad.write_bytes(_segment(tmp_path / "src.mp4", 40, 10).read_bytes()[:-200])
    assert readable_video(good)
    assert not readable_video(bad)
    with pytest.raises(JoinError):
        join_mp4([good, bad], tmp_path / "x.mp4")


def test_a_recording_is_h264_in_mp4_that_opencv_and_pyav_both_play(tmp_path: Path) -> None:
    """Browsers and chat apps play H.264 in MP4; MPEG-4 Part 2 (OpenCV's ``mp4v``) plays almost nowhere."""
    import av
    import cv2

    colours = [(255, 0, 0), (0, 200, 0), (0, 0, 255)]  # BGR: blue, green, red
    frames = iter(range(10**9))

    def grab() -> np.ndarray:  # a third of a second of each colour, over and over (BGRA as mss gives)
        colour = colours[next(frames) // 5 % 3]
        return np.full((240, 320, 4), (*colour, 255), np.uint8)

    recorder = Recorder(grab, Rect(0, 0, 320, 240), tmp_path, "h264", fps=15, max_seconds=2.5, segment_seconds=1)
    recorder.start()
    status = recorder.wait(60)
    assert status.error is None, status.error
    assert status.path == tmp_path / "h264.mp4"
    assert status.path.read_bytes()[4:8] == b"ftyp"

    with av.open(str(status.path)) as container:
        assert "mp4" in container.format.name
        stream = container.streams.video[0]
        assert stream.codec_context.name == "h264"
        assert (stream.codec_context.width, stream.codec_context.height) == (320, 240)
        assert stream.codec_context.pix_fmt == "yuv420p", "the 4:2:0 that every browser decodes"
        decoded = [frame.to_ndarray(format="bgr24") for frame in container.decode(stream)]
    assert len(decoded) == status.frames_written >= 30, "the segments were joined into one video"
    # the colours survive the BGR -> YUV -> BGR round trip (the colour matrix is the right one)
    for pixels in decoded:
        assert min(np.abs(pixels[120, 160].astype(int) - colour).max() for colour in colours) < 12, pixels[120, 160]

    capture = cv2.VideoCapture(str(status.path))
    try:
        fourcc = int(capture.get(cv2.CAP_PROP_FOURCC)).to_bytes(4, "little").decode().lower()
        assert fourcc in ("avc1", "h264"), fourcc
        assert capture.get(cv2.CAP_PROP_FPS) == pytest.approx(15.0)
        read_by_opencv = []
        while True:
            ok, frame = capture.read()
            if not ok:
                break
            read_by_opencv.append(frame)
    finally:
        capture.release()
    assert len(read_by_opencv) == len(decoded)
    assert np.abs(read_by_opencv[-1].astype(int) - decoded[-1].astype(int)).max() < 12
