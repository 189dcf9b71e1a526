"""Image files: decoded safely (the pixel count checked from the header first), kept or re-encoded as PNG."""

from __future__ import annotations

import io
import re
import warnings
from pathlib import Path
from typing import Any

from desktop_helper.core.errors import MediaError
from desktop_helper.core.i18n import t
from desktop_helper.core.types import ImagePart
from desktop_helper.media.attachment import Attachment

#: images above this many pixels are refused before decoding (a 200-megapixel image would need ~600 MB)
MAX_PIXELS = 100_000_000

#: encodings every backend takes as they are
_SENDABLE_MIMES = ("image/png", "image/jpeg", "image/webp")


def load_image(path: Path, name: str, mime: str, data: bytes, *, keep_encoding: bool = False) -> Attachment:
    rgb, frames = decode_image(data, name)
    if keep_encoding and mime in _SENDABLE_MIMES and frames == 1:
        part = ImagePart(data, mime, rgb.width, rgb.height, name=name)
    else:
        buffer = io.BytesIO()
        rgb.save(buffer, format="PNG")
        part = ImagePart(buffer.getvalue(), "image/png", rgb.width, rgb.height, name=name)
    note = f"{rgb.width}x{rgb.height}"
    if frames > 1:
        note = t("{size}, first of {frames} frames", size=note, frames=frames)
    return Attachment(name, "image", (part,), note=note, path=str(path), mime=mime)


def decode_image(data: bytes, name: str) -> tuple[Any, int]:
    """(the first frame as an RGB PIL image, the number of frames) of encoded image bytes.

    Images over :data:`MAX_PIXELS` are refused from their header, before their pixels are decoded.

    Raises:
        MediaError: naming ``name`` and the reason.
    """
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            # the pixel count is checked below, with a clearer message than Pillow's warning
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
        with image:
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise _too_many_pixels(name, width * height, f"{width}x{height} px, ")
            frames = getattr(image, "n_frames", 1)
            image.seek(0)
            image.load()
            rgb = image.convert("RGB")
    except MediaError:
        raise
    except Image.DecompressionBombError as exc:
        # Pillow refuses even to read the header of a gigantic image; its message has the pixel count
        found = re.search(r"\((\d+) pixels\)", str(exc))
        raise _too_many_pixels(name, int(found.group(1)) if found else None, "") from exc
    except UnidentifiedImageError as exc:
        # Pillow's own message names an in-memory buffer ("<_io.BytesIO object at 0x...>"), not the file
        raise MediaError(
            t("{name}: the image is damaged or truncated (a header or checksum is wrong, or the format is unknown).", name=name),
            t("Re-save the image and attach it again."),
        ) from exc
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        raise MediaError(
            t("{name}: the image is damaged or truncated ({exc}).", name=name, exc=exc),
            t("Re-save the image and attach it again."),
        ) from exc
    return rgb, frames


def _too_many_pixels(name: str, pixels: int | None, size: str) -> MediaError:
    count = f"{size}{pixels / 1e6:.0f} megapixels" if pixels is not None else "too many pixels to decode safely"
    return MediaError(
        t(
            "{name}: the image is too large ({count}; the limit is {value:.0f} megapixels).",
            name=name,
            count=count,
            value=MAX_PIXELS / 1e6,
        ),
        t("Downscale or crop it first."),
    )
