"""Video files: evenly sampled frames at source resolution, plus the file for providers that take video."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop_helper.core.errors import MediaError
from desktop_helper.core.i18n import t
from desktop_helper.core.types import ImagePart
from desktop_helper.media.attachment import SOURCE_LONG_SIDE, Attachment


def load_video(path: Path, name: str, mime: str, frames: int) -> Attachment:
    import cv2

    capture = cv2.VideoCapture(str(path))
    try:
        if not capture.isOpened():
            raise MediaError(
                t("{name}: the video cannot be opened (damaged or unsupported codec).", name=name),
                t("Re-encode it as H.264 MP4."),
            )
        count = int(capture.get(cv2.CAP_PROP_FRAME_COUNT) or 0)
        fps = float(capture.get(cv2.CAP_PROP_FPS) or 0.0)
        if count <= 0:
            raise MediaError(t("{name}: the video has no readable frames.", name=name), t("Re-encode it as H.264 MP4."))
        wanted = min(max(1, frames), count)
        indices = sorted({round(i * (count - 1) / max(1, wanted - 1)) for i in range(wanted)}) if wanted > 1 else [0]
        parts: list[ImagePart] = []
        for index in indices:
            capture.set(cv2.CAP_PROP_POS_FRAMES, index)
            ok, frame = capture.read()
            if not ok or frame is None:
                continue
            frame = _fit_long_side(frame, cv2)
            ok, encoded = cv2.imencode(".png", frame)
            if ok:
                height, width = frame.shape[:2]
                seconds = index / fps if fps > 0 else 0.0
                parts.append(ImagePart(encoded.tobytes(), "image/png", width, height, name=f"{name} @ {seconds:.1f} s"))
        if not parts:
            raise MediaError(
                t("{name}: no frame of the video could be decoded (damaged or truncated).", name=name),
                t("Re-encode it as H.264 MP4."),
            )
    finally:
        capture.release()
    duration = count / fps if fps > 0 else 0.0
    frames_taken = t("1 frame") if len(parts) == 1 else t("{count} frames", count=len(parts))
    note = t("{frames} of {duration:.1f} s", frames=frames_taken, duration=duration) if duration else frames_taken
    return Attachment(name, "video", tuple(parts), note=note, path=str(path), mime=mime)


def _fit_long_side(frame: Any, cv2: Any) -> Any:
    height, width = frame.shape[:2]
    scale = SOURCE_LONG_SIDE / max(width, height)
    if scale >= 1:
        return frame
    return cv2.resize(frame, (max(1, round(width * scale)), max(1, round(height * scale))), interpolation=cv2.INTER_AREA)
