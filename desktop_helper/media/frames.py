"""Raw screen pixels to model-ready bytes, fast: resize to the token budget and encode in one pass.

Captures arrive as BGRA arrays (mss). Going through PIL (array -> Image -> RGB -> resize -> PNG)
costs several full-frame copies and a slow PNG encoder; at 4K that is most of the time between
a hotkey and the question box. Here OpenCV resizes the BGRA array straight to the size
:func:`desktop_helper.media.images.fit_to_token_budget` chooses (the same 28 px grid and rounding
as the rest of the app, so coordinates map back exactly), drops alpha on the small image, and
encodes with a fast PNG setting (or JPEG).
"""

from __future__ import annotations

from typing import Literal

import numpy as np

from desktop_helper.core.errors import MediaError
from desktop_helper.core.geometry import CaptureGeometry
from desktop_helper.core.i18n import t
from desktop_helper.core.types import ImagePart
from desktop_helper.media.images import MIN_TOKENS, PreparedImage, fit_to_token_budget, image_tokens

FrameFormat = Literal["PNG", "JPEG"]
_MIME = {"PNG": "image/png", "JPEG": "image/jpeg"}


def _to_bgr(pixels: np.ndarray) -> np.ndarray:
    import cv2

    if pixels.ndim == 3 and pixels.shape[2] == 4:
        return cv2.cvtColor(pixels, cv2.COLOR_BGRA2BGR)
    if pixels.ndim == 3 and pixels.shape[2] == 3:
        return pixels
    raise MediaError(t("Unexpected pixel layout {shape}.", shape=pixels.shape))


def encode_pixels(
    pixels: np.ndarray,
    *,
    image_format: FrameFormat = "PNG",
    jpeg_quality: int = 90,
    png_level: int = 1,
    geometry: CaptureGeometry | None = None,
    name: str = "",
) -> ImagePart:
    """Encode BGRA/BGR pixels at their own size (for showing and saving a capture)."""
    import cv2

    bgr = _to_bgr(pixels)
    if image_format == "PNG":
        # SUB filter + run-length strategy: screens are rows of flat colour, which this pair
        # compresses about as well as the default adaptive filters at a fraction of the time
        params = [
            cv2.IMWRITE_PNG_COMPRESSION,
            png_level,
            cv2.IMWRITE_PNG_FILTER,
            cv2.IMWRITE_PNG_FILTER_SUB,
            cv2.IMWRITE_PNG_STRATEGY,
            cv2.IMWRITE_PNG_STRATEGY_RLE,
        ]
    else:
        params = [cv2.IMWRITE_JPEG_QUALITY, jpeg_quality]
    ok, buffer = cv2.imencode(".png" if image_format == "PNG" else ".jpg", bgr, params)
    if not ok:
        raise MediaError(t("The capture could not be encoded."))
    height, width = bgr.shape[:2]
    return ImagePart(buffer.tobytes(), _MIME[image_format], width, height, geometry=geometry, name=name)


def resize_pixels(pixels: np.ndarray, target: tuple[int, int]) -> np.ndarray:
    """Resize to ``target`` (width, height), antialiased when shrinking, fast at 4K.

    A straight bilinear shrink by 3x skips most source pixels (thin text strokes vanish);
    OpenCV's area filter is correct but slow for non-integer factors (30 ms for 1080p to the
    1024-token size here). Bilinear to twice the target followed by OpenCV's fast integer 2x
    area reduction averages the source into the result at half that cost at 1080p and a
    fraction of it at 4K. Upscales (tiny regions) use bicubic like GLM's own processor.
    """
    import cv2

    height, width = pixels.shape[:2]
    tw, th = target
    if tw >= width or th >= height:
        return cv2.resize(pixels, target, interpolation=cv2.INTER_CUBIC if tw > width else cv2.INTER_AREA)
    # bilinear to twice the target (a shrink by less than 2, or an enlargement: no pixel skipped),
    # then the exact 2x box average, which OpenCV runs on its fast integer-factor path
    pixels = cv2.resize(pixels, (2 * tw, 2 * th), interpolation=cv2.INTER_LINEAR)
    return cv2.resize(pixels, target, interpolation=cv2.INTER_AREA)


def prepare_pixels(
    pixels: np.ndarray,
    max_tokens: int | None,
    *,
    image_format: FrameFormat = "PNG",
    jpeg_quality: int = 90,
    min_tokens: int = MIN_TOKENS,
    geometry: CaptureGeometry | None = None,
    name: str = "",
) -> PreparedImage:
    """Resize BGRA/BGR pixels to the token budget and encode them; ``geometry`` gets the sent size.

    Args:
        pixels: ``h x w x 4`` (BGRA) or ``h x w x 3`` (BGR) uint8 array.
        max_tokens: image token budget (None: only aligned to the 28 px grid).
        image_format: PNG (lossless, best for text) or JPEG (smaller).
        jpeg_quality: JPEG quality.
        min_tokens: lower bound on tokens.
        geometry: the capture's geometry; returned with ``sent_size`` set.
        name: file name to carry along.

    Raises:
        MediaError: empty or unusable image.
    """

    height, width = int(pixels.shape[0]), int(pixels.shape[1])
    target = fit_to_token_budget(width, height, max_tokens, min_tokens=min_tokens)
    if target != (width, height):
        pixels = resize_pixels(pixels, target)
    part = encode_pixels(
        pixels,
        image_format=image_format,
        jpeg_quality=jpeg_quality,
        geometry=geometry.with_sent_size(*target) if geometry is not None else None,
        name=name,
    )
    return PreparedImage(part, (width, height), image_tokens(*target))
