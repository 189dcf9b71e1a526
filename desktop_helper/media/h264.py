"""H.264 in MP4 with PyAV: writing BGR frames, and joining such files without re-encoding.

H.264 in MP4 (4:2:0, Constrained Baseline profile with these settings, index at the front of a
joined file) is what browsers, chat apps and every player take; OpenCV's own writer only has
MPEG-4 Part 2 here, which plays almost nowhere. PyAV's wheels bundle FFmpeg with libx264.

libx264 runs with ``preset=ultrafast`` and ``tune=zerolatency``: on two loaded cores it encoded
1080p at ~100 fps where ``superfast`` made ~30 and ``veryfast`` ~23 (15 fps must leave room for
the capture), and zerolatency turns off the look-ahead and B-frames, which would otherwise keep
dozens of 3 MB pictures in memory and delay every frame.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np

#: the encoder behind every recording; the packaged app's smoke test checks that it loads
VIDEO_CODEC = "libx264"
#: constant quality: 23 is x264's default; screen content stays sharp at 26 and the files are smaller
CRF = 26
#: ITU-R BT.601, limited range: what OpenCV's BGR -> I420 conversion produces (tagged so that
#: players do not guess BT.709 for HD sizes and shift the colours)
_BT601 = 6  # AVCOL_PRI_SMPTE170M == AVCOL_TRC_SMPTE170M == AVCOL_SPC_SMPTE170M
_LIMITED_RANGE = 1  # AVCOL_RANGE_MPEG


class JoinError(ValueError):
    """The files cannot be joined by copying (different sizes or encoder settings, or unreadable)."""


class H264Writer:
    """Writes BGR frames of one size to an H.264 MP4 at a constant frame rate.

    Args:
        path: the MP4 to write (playable once :meth:`close` returned).
        size: (width, height), both even.
        fps: frames per second.
        keyframe_interval: frames between keyframes (the first frame is always one).
    """

    def __init__(self, path: Path, size: tuple[int, int], fps: int, keyframe_interval: int) -> None:
        import av

        width, height = size
        self.path = path
        self._container = av.open(str(path), "w", format="mp4")
        try:
            stream = self._container.add_stream(VIDEO_CODEC, rate=fps)
            assert isinstance(stream, av.video.stream.VideoStream)  # for the type checker: a video codec
            stream.width, stream.height = width, height
            stream.pix_fmt = "yuv420p"
            stream.options = {"preset": "ultrafast", "tune": "zerolatency", "crf": str(CRF)}
            context = stream.codec_context
            context.gop_size = keyframe_interval
            context.color_primaries = context.color_trc = context.colorspace = _BT601
            context.color_range = _LIMITED_RANGE
            context.time_base = Fraction(1, fps)
        except Exception:
            self._container.close()
            raise
        self._stream = stream
        self._i420 = np.empty((height * 3 // 2, width), np.uint8)
        self._index = 0

    def write(self, bgr: np.ndarray) -> None:
        """Encode one frame; ``bgr`` is free again when this returns."""
        import av
        import cv2

        cv2.cvtColor(bgr, cv2.COLOR_BGR2YUV_I420, dst=self._i420)  # ~4x faster than swscale from bgr24
        frame = av.VideoFrame.from_numpy_buffer(self._i420, format="yuv420p")  # no copy: x264 copies it in
        frame.pts = self._index
        frame.time_base = self._stream.codec_context.time_base
        self._index += 1
        for packet in self._stream.encode(frame):
            self._container.mux(packet)

    def close(self) -> None:
        """Flush the encoder and write the index; the file plays from here on."""
        try:
            for packet in self._stream.encode(None):
                self._container.mux(packet)
        finally:
            self._container.close()


def readable_video(path: Path) -> bool:
    """Whether ``path`` is a complete video with frames (a killed writer leaves an MP4 without index)."""
    import av

    try:
        with av.open(str(path)) as container:
            if not container.streams.video:
                return False
            return any(packet.size for packet in container.demux(video=0))
    except (av.FFmpegError, OSError):
        return False


def join_mp4(segments: list[Path], target: Path) -> Path:
    """One MP4 from videos one encoder wrote with the same settings, by copying their packets.

    The result has its index first (``faststart``), so a browser starts playing before it has
    the whole file.

    Raises:
        JoinError: a file cannot be read, or differs from the first in codec, size or settings.
        OSError: the target cannot be written.
    """
    import av

    if not segments:
        raise JoinError("no segments to join")
    partial = target.with_name(target.stem + ".joining.mp4")
    try:
        with av.open(str(partial), "w", format="mp4", options={"movflags": "+faststart"}) as output:
            out_stream: Any = None
            reference: tuple[object, ...] = ()
            offset = 0  # where the next segment starts (in the segments' time base: one writer, one time base)
            for segment in segments:
                with av.open(str(segment)) as source:
                    if not source.streams.video:
                        raise JoinError(f"{segment.name} has no video")
                    stream = source.streams.video[0]
                    context = stream.codec_context
                    key = (context.name, context.width, context.height, context.pix_fmt, bytes(context.extradata or b""))
                    if out_stream is None:
                        out_stream = output.add_stream_from_template(stream)
                        reference = key
                    elif key != reference:
                        raise JoinError(f"{segment.name} differs from {segments[0].name} ({key[:4]} vs {reference[:4]})")
                    end = offset
                    for packet in source.demux(stream):
                        if packet.dts is None:  # the demuxer's end-of-stream marker
                            continue
                        packet.pts = (packet.pts or 0) + offset
                        packet.dts += offset
                        end = max(end, packet.pts + (packet.duration or 0))
                        packet.stream = out_stream
                        output.mux(packet)
                    offset = end
    except av.FFmpegError as exc:
        partial.unlink(missing_ok=True)
        raise JoinError(str(exc)) from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(target)
    return target
