"""Screen recording to H.264 MP4 (:mod:`desktop_helper.media.h264`), and the frame sampler that turns a video into model input.

Two worker threads: the *capture* thread grabs frames on a fixed schedule into BGR buffers from a
small pool and queues them; the *writer* thread encodes them and gives the buffers back. When
encoding falls behind, no buffer is free and the capture thread drops the frame (without grabbing
it) and counts it, so memory stays constant however long the recording runs, and the count is
shown to the user. The buffers are made when first needed and then reused, so a machine that keeps
up holds one or two of them, and no frame-sized array is allocated per frame.

An MP4 is only playable once its index (the ``moov`` box) is written at the end, and fragmented
MP4 plays in fewer places. So the writer rotates to a new segment file about every second (one
keyframe interval: each segment starts with the keyframe it needs anyway); every closed segment
is a complete, playable MP4. A killed app loses at most the segment being written, and the next
start joins the others (:func:`recover_interrupted`); a normal stop joins the segments into one
file (copying their packets, no re-encoding) and removes them.
"""

from __future__ import annotations

import ctypes
import functools
import logging
import queue
import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from desktop_helper.core.errors import MediaError
from desktop_helper.core.geometry import CaptureGeometry, Rect
from desktop_helper.core.i18n import t
from desktop_helper.core.types import ImagePart, VideoPart
from desktop_helper.media.h264 import H264Writer
from desktop_helper.platform.system import current_os

log = logging.getLogger(__name__)

#: below this much free space the recording stops (before the disk is really full)
MIN_FREE_BYTES = 100 * 1024 * 1024
#: how much a killed recording may lose, about: the length of a segment
SEGMENT_SECONDS = 1.0
#: memory the frames waiting for the encoder may hold
QUEUE_BYTES = 16 * 1024 * 1024


@dataclass
class RecordingStatus:
    """A snapshot of a recording, safe to hand to the GUI thread."""

    running: bool = False
    seconds: float = 0.0
    frames_written: int = 0
    frames_dropped: int = 0
    segments: list[Path] = field(default_factory=list)
    path: Path | None = None
    error: str | None = None
    stopped_because: str = ""

    @property
    def dropped_percent(self) -> float:
        total = self.frames_written + self.frames_dropped
        return 100.0 * self.frames_dropped / total if total else 0.0


class Recorder:
    """Records a rectangle of the screen to ``folder/<name>.mp4``.

    Args:
        grab: returns the BGRA pixels of ``rect`` (called on the capture thread only; give it a
            backend used by that thread alone, as mss wants one instance per thread). May be
            None when ``grab_into`` is given.
        rect: the recorded rectangle in physical pixels (its size is the video size).
        folder: where the video goes (created if missing).
        name: file name without extension.
        fps: frames per second.
        max_seconds: the recording stops by itself after this long.
        segment_seconds: length of each playable segment (and of the keyframe interval).
        queue_frames: frames the queue holds before capture drops frames.
        min_free_bytes: stop when the disk has less than this free.
        on_finished: called once (from a worker thread) with the final status.
        on_release_thread: called on the capture thread before it ends (to close its mss).
        grab_into: fills a ``height x width x 3`` BGR buffer of the video's size with the pixels
            of ``rect`` (its top-left part when the sides are odd), e.g.
            :meth:`~desktop_helper.platform.capture.mss_backend.MssBackend.grab_bgr`; used
            instead of ``grab`` when given, it saves a frame copy and a conversion allocation.
    """

    def __init__(
        self,
        grab: Callable[[], np.ndarray] | None,
        rect: Rect,
        folder: Path,
        name: str,
        *,
        fps: int = 15,
        max_seconds: float = 600,
        segment_seconds: float = SEGMENT_SECONDS,
        queue_frames: int | None = None,
        min_free_bytes: int = MIN_FREE_BYTES,
        on_finished: Callable[[RecordingStatus], None] | None = None,
        on_release_thread: Callable[[], None] | None = None,
        grab_into: Callable[[np.ndarray], object] | None = None,
    ) -> None:
        if fps < 1:
            raise MediaError(t("The frame rate must be at least 1, not {fps}.", fps=fps))
        if grab is None and grab_into is None:
            raise MediaError(t("A recording needs something that grabs the screen."))
        self._grab = grab
        self._grab_into = grab_into
        self.rect = rect
        self.size = (int(rect.width) // 2 * 2, int(rect.height) // 2 * 2)  # 4:2:0 video wants even sides
        if self.size[0] < 2 or self.size[1] < 2:
            raise MediaError(t("The region to record is too small."), t("Select a larger region."))
        self.folder = Path(folder)
        self.name = name
        self.fps = fps
        self.max_seconds = max_seconds
        self.segment_frames = segment_frames(segment_seconds, fps)
        self.min_free_bytes = min_free_bytes
        if queue_frames is None:
            # bounded by memory, not by time: ~16 MB of BGR frames (2 at 1080p and 4K: never fewer than 2)
            queue_frames = max(2, min(fps, QUEUE_BYTES // max(1, self.size[0] * self.size[1] * 3)))
        # the writer encodes one buffer while up to ``queue_frames`` others are filled and wait
        self.pool_frames = max(2, queue_frames + 1)
        self._pool: list[np.ndarray] = []  # free buffers (used from both threads: list ops are atomic)
        self._buffers_made = 0
        self._queue: queue.Queue[np.ndarray | None] = queue.Queue()  # bounded by the pool
        self._stop = threading.Event()
        self._on_finished = on_finished
        self._on_release_thread = on_release_thread
        self._status = RecordingStatus()
        self._lock = threading.Lock()
        self._started = 0.0
        self._threads: list[threading.Thread] = []

    # ----- control
    def start(self) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise MediaError(
                t("Cannot create the recordings folder {folder}: {value}.", folder=self.folder, value=exc.strerror or exc),
                t("Choose another folder in Settings > Capture."),
            ) from exc
        free = self._free_bytes()
        if free < self.min_free_bytes:
            raise MediaError(
                t(
                    "There is not enough free space for a recording in {folder}: {megabytes} free, and a recording needs at "
                    "least {megabytes2}.",
                    folder=self.folder,
                    megabytes=_megabytes(free),
                    megabytes2=_megabytes(self.min_free_bytes),
                ),
                t("Free some space or choose another folder in Settings > Capture."),
            )
        try:
            self.parts_folder.mkdir(exist_ok=True)
        except OSError as exc:
            raise MediaError(
                t("Cannot write in the recordings folder {folder}: {value}.", folder=self.folder, value=exc.strerror or exc),
                t("Choose another folder in Settings > Capture."),
            ) from exc
        self._started = time.monotonic()
        with self._lock:
            self._status.running = True
        self._threads = [
            threading.Thread(target=self._capture_loop, name="recording-capture"),
            threading.Thread(target=self._write_loop, name="recording-writer"),
        ]
        for thread in self._threads:
            thread.start()

    def stop(self, reason: str = "stopped") -> None:
        """Ask the recording to stop; :meth:`wait` for the file."""
        with self._lock:
            if not self._status.stopped_because:
                self._status.stopped_because = reason
        self._stop.set()

    def wait(self, timeout: float | None = None) -> RecordingStatus:
        """Wait until the file is complete (segments joined); returns the final status."""
        for thread in self._threads:
            if thread is not threading.current_thread():
                thread.join(timeout)
        return self.status

    @property
    def status(self) -> RecordingStatus:
        with self._lock:
            status = RecordingStatus(**{k: getattr(self._status, k) for k in RecordingStatus.__dataclass_fields__})
            status.segments = list(self._status.segments)
        if status.running:
            status.seconds = time.monotonic() - self._started
        return status

    @property
    def parts_folder(self) -> Path:
        return self.folder / f"{self.name}.parts"

    @property
    def path(self) -> Path:
        return self.folder / f"{self.name}.mp4"

    def _low_space_message(self) -> str:
        return (
            f"The disk is almost full ({_megabytes(self._free_bytes())} free; a recording keeps at least"
            f" {_megabytes(self.min_free_bytes)} free), so the recording stopped. What was recorded so far is kept."
        )

    def _free_bytes(self) -> int:
        try:
            return shutil.disk_usage(self.folder).free
        except OSError:
            return 0

    # ----- capture thread
    def _capture_loop(self) -> None:
        interval = 1.0 / self.fps
        try:
            # the first grab sets up the capture (X shared memory: a few hundred ms); doing it
            # before the clock starts keeps that setup from counting as dropped frames
            try:
                first = self._take_buffer()
                assert first is not None  # the pool is empty and has room: nothing was taken yet
                self._release_buffer(self._capture(first))
            except Exception as exc:
                self._fail(f"Capturing the screen failed: {exc}")
                return
            self._started = next_tick = time.monotonic()
            while not self._stop.is_set():
                now = time.monotonic()
                if now - self._started >= self.max_seconds:
                    self.stop("the longest recording time was reached")
                    break
                if now < next_tick:
                    self._stop.wait(next_tick - now)
                    continue
                # ticks missed while a grab or the machine was slow are dropped frames too
                missed = int((now - next_tick) / interval)
                if missed:
                    self._count_dropped(missed)
                next_tick += (missed + 1) * interval
                buffer = self._take_buffer()
                if buffer is None:  # the encoder is behind: every buffer is queued or being encoded
                    self._count_dropped(1)
                    continue
                try:
                    self._queue.put_nowait(self._capture(buffer))
                except Exception as exc:  # display gone, monitor unplugged: stop and keep what we have
                    self._release_buffer(buffer)
                    self._fail(f"Capturing the screen failed: {exc}")
                    break
        finally:
            if self._on_release_thread is not None:
                try:
                    self._on_release_thread()
                except Exception:  # closing the capture handle must not hide the recording's end
                    log.debug("releasing the capture thread failed", exc_info=True)
            self._queue.put(None)  # the writer drains the queue and finishes

    def _take_buffer(self) -> np.ndarray | None:
        """A free BGR buffer of the video's size, made on first need; None when all are in use."""
        try:
            return self._pool.pop()
        except IndexError:
            pass
        if self._buffers_made >= self.pool_frames:
            return None
        self._buffers_made += 1  # only the capture thread makes buffers
        return frame_buffer(*self.size)

    def _release_buffer(self, buffer: np.ndarray) -> None:
        self._pool.append(buffer)

    def _capture(self, buffer: np.ndarray) -> np.ndarray:
        """Grab one frame into ``buffer`` (BGR of the video's even size), on the capture thread.

        Converted here rather than in the writer: the capture thread idles most of each frame
        interval while the encoder is the bottleneck, and a BGR frame takes a quarter less memory.
        """
        if self._grab_into is not None:
            self._grab_into(buffer)
            return buffer
        import cv2

        assert self._grab is not None
        width, height = self.size
        pixels = self._grab()
        if pixels.ndim != 3 or pixels.shape[0] < height or pixels.shape[1] < width:
            raise MediaError(t("The capture ({shape}) is smaller than the {w}x{h} video.", shape=pixels.shape, w=width, h=height))
        pixels = pixels[:height, :width]
        if pixels.shape[2] == 4:
            cv2.cvtColor(pixels, cv2.COLOR_BGRA2BGR, dst=buffer)
        else:
            np.copyto(buffer, pixels[:, :, :3])
        return buffer

    def _count_dropped(self, count: int) -> None:
        with self._lock:
            self._status.frames_dropped += count

    def _fail(self, message: str) -> None:
        log.warning("recording: %s", message)
        with self._lock:
            if self._status.error is None:
                self._status.error = message
        self._stop.set()

    # ----- writer thread
    def _open_segment(self, index: int) -> tuple[H264Writer, Path]:
        path = self.parts_folder / f"part-{index:04d}.mp4"
        try:
            writer = H264Writer(path, self.size, self.fps, keyframe_interval=self.segment_frames)
        except Exception as exc:
            raise MediaError(
                t("Cannot write the video {path}: {exc}.", path=path, exc=exc), t("Check that the folder is writable.")
            ) from exc
        return writer, path

    def _write_loop(self) -> None:
        writer: H264Writer | None = None
        path: Path | None = None
        segment_index = 0
        in_segment = 0
        try:
            while True:
                pixels = self._queue.get()
                if pixels is None:
                    break
                if writer is None or in_segment >= self.segment_frames:
                    if writer is not None:
                        self._close_segment(writer, path)
                        writer = None
                    if self._free_bytes() < self.min_free_bytes:
                        self._fail(self._low_space_message())
                        writer = None
                        self._release_buffer(pixels)
                        continue
                    writer, path = self._open_segment(segment_index)
                    segment_index += 1
                    in_segment = 0
                writer.write(pixels)  # converts to YUV before returning: the buffer is free again
                self._release_buffer(pixels)
                in_segment += 1
                if in_segment == 1:  # what the new encoder set up and freed around its first frame
                    release_free_memory()
                with self._lock:
                    self._status.frames_written += 1
                if in_segment % max(1, self.fps) == 0 and self._free_bytes() < self.min_free_bytes:
                    self._fail(self._low_space_message())
            if writer is not None:
                self._close_segment(writer, path)
                writer = None
            self._finish()
        except Exception as exc:
            self._fail(f"Writing the recording failed: {exc}")
            if writer is not None:
                try:
                    self._close_segment(writer, path)
                except Exception:  # the disk may be full; the earlier segments are still there
                    log.debug("closing the last segment failed", exc_info=True)
            self._drain()
            self._finish()

    def _drain(self) -> None:
        while True:
            try:
                buffer = self._queue.get(timeout=5)
            except queue.Empty:
                return
            if buffer is None:
                return
            self._release_buffer(buffer)

    def _close_segment(self, writer: H264Writer, path: Path | None) -> None:
        writer.close()
        release_free_memory()  # the encoder's ~18 MB (1080p), which glibc would otherwise keep
        if path is not None and path.exists() and path.stat().st_size > 0:
            with self._lock:
                self._status.segments.append(path)

    def _finish(self) -> None:
        with self._lock:
            self._status.running = False
            self._status.seconds = time.monotonic() - self._started
            segments = list(self._status.segments)
        final: Path | None = None
        try:
            final = join_segments(segments, self.path, self.fps, self.size) if segments else None
        except Exception as exc:  # keep the playable segments; say where they are
            log.warning("joining the recording's segments failed: %s", exc)
            with self._lock:
                self._status.error = self._status.error or f"The recording is kept in parts in {self.parts_folder} ({exc})."
        if final is not None:
            shutil.rmtree(self.parts_folder, ignore_errors=True)
            with self._lock:
                self._status.segments = []
        elif not segments:
            shutil.rmtree(self.parts_folder, ignore_errors=True)
        with self._lock:
            self._status.path = final
        status = self.status
        log.info(
            "recording finished: %s, %d frames written, %d dropped (%.1f%%), %.1f s",
            final or segments,
            status.frames_written,
            status.frames_dropped,
            status.dropped_percent,
            status.seconds,
        )
        if self._on_finished is not None:
            self._on_finished(status)


def segment_frames(seconds: float, fps: int) -> int:
    """Frames per segment: about ``seconds``, at least one (each segment is one keyframe interval)."""
    return max(1, round(seconds * fps))


def _megabytes(size: int) -> str:
    return f"{size / 2**20:.1f} MB" if size < 10 * 2**20 else f"{size / 2**20:.0f} MB"


def release_free_memory() -> None:
    """Hand freed heap memory back to the OS (glibc only; a no-op elsewhere).

    glibc raises its mmap threshold once a large block is freed, so an encoder's picture-sized
    blocks come from the writer thread's arena, and freed arena memory mostly stays with the
    process. Measured at 1080p: each new segment added ~3 MB of RSS, the first segment held
    ~2.6 MB of the encoder's start-up garbage until the next rotation, and a finished recording
    left the whole encoder's ~18 MB with the process. ``malloc_trim`` returns the free pages of
    every arena; it takes ~0.1 ms and runs twice a segment (after its first frame, after closing it).
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.cache
def _malloc_trim() -> Any:
    if current_os() != "linux":
        return None
    try:
        return ctypes.CDLL(None).malloc_trim
    except (AttributeError, OSError):  # not glibc (musl has none)
        return None


#: OpenCV copies a frame whose rows are not 32-byte aligned, or whose data ends within 32 bytes of
#: a page boundary (SIMD code may read past the end), into a buffer of its own: a whole extra frame
#: (6 MB at 1080p) and a copy per frame; our buffers avoid both (the colour conversion reads them).
_ROW_ALIGN = 64
_PAGE = 4096
_END_MARGIN = 64


def frame_buffer(width: int, height: int) -> np.ndarray:
    """An uninitialised ``height x width x 3`` uint8 array that OpenCV's SIMD code takes without a copy.

    Its rows are padded to a multiple of 64 bytes and its data ends away from a page boundary.
    """
    step = -(-width * 3 // _ROW_ALIGN) * _ROW_ALIGN
    size = step * height  # where OpenCV takes the data to end
    raw = np.empty(size + _PAGE + 2 * _ROW_ALIGN, dtype=np.uint8)
    start = -raw.ctypes.data % _ROW_ALIGN
    while (raw.ctypes.data + start + size + _END_MARGIN) % _PAGE < 2 * _END_MARGIN:
        start += _ROW_ALIGN
    return np.lib.stride_tricks.as_strided(raw[start:], shape=(height, width, 3), strides=(step, 3, 1), writeable=True)


def join_segments(segments: list[Path], target: Path, fps: int, size: tuple[int, int]) -> Path:
    """One MP4 from playable segments: joined without re-encoding
    (:func:`~desktop_helper.media.h264.join_mp4`), or re-encoded if they cannot be.

    Raises:
        MediaError: a segment cannot be read or the target cannot be written.
    """
    from desktop_helper.media.h264 import JoinError, join_mp4

    try:
        return join_mp4(segments, target)
    except JoinError as exc:
        log.info("segments cannot be joined as they are (%s); re-encoding them", exc)
    return reencode_segments(segments, target, fps, size)


@dataclass(frozen=True)
class RecoveredRecording:
    """A recording put together from what a killed app left.

    Attributes:
        path: the joined video.
        interrupted_at: when its last segment was written (seconds since the epoch).
        seconds: how long it plays.
    """

    path: Path
    interrupted_at: float
    seconds: float


def recover_interrupted(folder: Path) -> list[RecoveredRecording]:
    """Join the segments a killed recording left in ``folder`` (``<name>.parts``) into ``<name>.mp4``.

    The segment being written when the app died has no index and is left out (segments are about
    a second long); a folder whose segments cannot be joined is kept as it is (its closed
    segments still play one by one).

    Returns:
        The recovered videos.
    """
    from desktop_helper.media.h264 import JoinError, join_mp4, readable_video

    recovered: list[RecoveredRecording] = []
    try:
        leftovers = sorted(p for p in folder.glob("*.parts") if p.is_dir())
    except OSError:
        return recovered
    for parts in leftovers:
        target = parts.with_suffix(".mp4")
        if target.exists():
            continue  # a stop that was cut short after the join: the video is already there
        written = sorted(parts.glob("part-*.mp4"))
        try:
            interrupted_at = max((p.stat().st_mtime for p in written), default=parts.stat().st_mtime)
        except OSError:
            interrupted_at = time.time()
        segments = [p for p in written if readable_video(p)]
        if not segments:
            log.info("nothing to recover in %s (killed before its first segment was complete)", parts)
            shutil.rmtree(parts, ignore_errors=True)
            continue
        try:
            join_mp4(segments, target)
        except (JoinError, OSError) as exc:
            log.warning("could not recover the recording in %s: %s", parts, exc)
            continue
        shutil.rmtree(parts, ignore_errors=True)
        recovered.append(RecoveredRecording(target, interrupted_at, _seconds_of(target)))
    return recovered


def _seconds_of(path: Path) -> float:
    import cv2

    capture = cv2.VideoCapture(str(path))
    try:
        fps = capture.get(cv2.CAP_PROP_FPS) or 0.0
        frames = capture.get(cv2.CAP_PROP_FRAME_COUNT) or 0.0
    finally:
        capture.release()
    return frames / fps if fps > 0 else 0.0


def reencode_segments(segments: list[Path], target: Path, fps: int, size: tuple[int, int]) -> Path:
    """One MP4 from segments by decoding and encoding again (slow; for segments that differ)."""
    import cv2

    partial = target.with_name(target.stem + ".joining.mp4")
    try:
        writer = H264Writer(partial, size, fps, keyframe_interval=segment_frames(SEGMENT_SECONDS, fps))
    except Exception as exc:
        raise MediaError(t("Cannot write the video {partial}: {exc}.", partial=partial, exc=exc)) from exc
    try:
        for segment in segments:
            capture = cv2.VideoCapture(str(segment))
            try:
                while True:
                    ok, frame = capture.read()
                    if not ok:
                        break
                    if (frame.shape[1], frame.shape[0]) != size:
                        frame = cv2.resize(frame, size, interpolation=cv2.INTER_AREA)
                    writer.write(frame)
            finally:
                capture.release()
    finally:
        writer.close()
    partial.replace(target)
    return target


def video_frame_count(path: Path) -> int:
    """Frames really decodable from a video file (not the header's claim)."""
    import cv2

    capture = cv2.VideoCapture(str(path))
    count = 0
    try:
        while capture.grab():
            count += 1
    finally:
        capture.release()
    return count


# ----- the frame sampler
@dataclass(frozen=True)
class SamplePlan:
    """Which frames to send and at what token budget each."""

    indices: tuple[int, ...]
    tokens_per_frame: int | None


def plan_samples(
    frame_count: int, video_fps: float, *, fps: float = 1.0, max_frames: int = 16, token_budget: int | None = None
) -> SamplePlan:
    """Pick frames at ``fps`` (spread evenly over the whole video when more than ``max_frames``).

    The token budget is shared: each frame gets ``token_budget // frames`` tokens (at least 16),
    and when that would be less, fewer frames are taken.
    """
    if frame_count <= 0:
        return SamplePlan((), None)
    from desktop_helper.media.images import MIN_TOKENS

    duration = frame_count / video_fps if video_fps > 0 else float(frame_count)
    wanted = max(1, min(max_frames, int(duration * fps) or 1, frame_count))
    if token_budget is not None:
        wanted = max(1, min(wanted, token_budget // MIN_TOKENS))
    if wanted == 1:
        indices: tuple[int, ...] = (0,)
    else:
        # centres of equal slices: covers the whole video, never two picks of one frame
        step = frame_count / wanted
        indices = tuple(sorted({min(frame_count - 1, int(step * i + step / 2)) for i in range(wanted)}))
    per_frame = token_budget // len(indices) if token_budget is not None else None
    return SamplePlan(indices, per_frame)


def sample_video(
    path: Path,
    *,
    fps: float = 1.0,
    max_frames: int = 16,
    token_budget: int | None = 4096,
    image_format: str = "JPEG",
    geometry: CaptureGeometry | None = None,
) -> VideoPart:
    """The frames of a video to send to a model, resized to share ``token_budget``.

    Raises:
        MediaError: the video cannot be opened or has no frames.
    """
    import cv2

    from desktop_helper.media.frames import FrameFormat, prepare_pixels

    capture = cv2.VideoCapture(str(path))
    if not capture.isOpened():
        raise MediaError(t("Cannot open the video {path}.", path=path), t("Use an MP4, WebM or AVI file."))
    try:
        video_fps = capture.get(cv2.CAP_PROP_FPS) or 0.0
        frames: list[np.ndarray] = []
        # decode once (seeking lands on keyframes, a second apart); keep only the picks
        total = int(capture.get(cv2.CAP_PROP_FRAME_COUNT) or 0) or video_frame_count(path)
        plan = plan_samples(total, video_fps, fps=fps, max_frames=max_frames, token_budget=token_budget)
        wanted = set(plan.indices)
        index = 0
        while wanted and capture.grab():
            if index in wanted:
                ok, frame = capture.retrieve()
                if ok:
                    frames.append(frame)
                wanted.discard(index)
            index += 1
    finally:
        capture.release()
    if not frames:
        raise MediaError(t("The video {path} has no readable frames.", path=path))
    fmt: FrameFormat = "PNG" if image_format == "PNG" else "JPEG"
    parts: list[ImagePart] = []
    for number, frame in enumerate(frames):
        prepared = prepare_pixels(
            frame, plan.tokens_per_frame, image_format=fmt, geometry=geometry, name=f"{path.stem}-{number:03d}"
        )
        parts.append(prepared.part)
    return VideoPart(tuple(parts), path=str(path), name=path.name)
