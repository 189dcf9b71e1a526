"""Resize and encode images to an image-token budget, the way GLM-4.6V counts tokens.

GLM-4.1V/4.5V/4.6V cut an image into 14 px patches and merge 2x2 patches into one token, so the
model sees images whose sides are multiples of 28 px, at about one token per 28x28 px. The vision
encoder's cost grows with that token count (and its attention with its square), so the token
budget is the main speed lever of a local model. This module computes the size an image is sent
at, deterministically and with the same rounding llama.cpp's GLM preprocessor uses, so an image
resized here passes through llama.cpp unchanged, and callers know the exact size the model's
normalized coordinates refer to.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from desktop_helper.core.errors import MediaError
from desktop_helper.core.i18n import t
from desktop_helper.core.types import ImagePart

#: pixels per side of one image token (14 px patches, merged 2x2)
TOKEN_SIDE = 28
#: GLM's processors reject images thinner than this ratio
MAX_ASPECT_RATIO = 200.0
#: the smallest image GLM's processors produce: 112x112 px, 16 tokens
MIN_TOKENS = 16

ImageFormat = Literal["PNG", "JPEG", "WEBP"]
_MIME = {"PNG": "image/png", "JPEG": "image/jpeg", "WEBP": "image/webp"}


def image_tokens(width: int, height: int, side: int = TOKEN_SIDE) -> int:
    """Tokens an image of exactly ``width`` x ``height`` (multiples of ``side``) costs."""
    return (width // side) * (height // side)


def fit_to_token_budget(
    width: int,
    height: int,
    max_tokens: int | None,
    *,
    min_tokens: int = MIN_TOKENS,
    side: int = TOKEN_SIDE,
) -> tuple[int, int]:
    """The size an image is sent at: sides multiples of ``side``, tokens within the budget.

    The rounding mirrors GLM's ``smart_resize``: round each side to the nearest multiple; if
    that exceeds the budget, scale both sides by the same factor and round *down*; if it falls
    below the minimum, scale up and round *up*. The aspect ratio is kept as closely as the 28 px
    grid allows, the result never exceeds ``max_tokens``, and it is a pure function of its inputs.

    Args:
        width: original width in pixels.
        height: original height in pixels.
        max_tokens: token budget; ``None`` keeps the original size (only aligned to the grid).
        min_tokens: lower bound (GLM uses 112x112 px = 16 tokens).
        side: pixels per token side.

    Raises:
        MediaError: for an empty image, an extreme aspect ratio, or a budget below one token.
    """
    if width <= 0 or height <= 0:
        raise MediaError(
            t("The image is empty ({width}x{height} px).", width=width, height=height), t("Capture or choose another image.")
        )
    if max(width, height) / min(width, height) > MAX_ASPECT_RATIO:
        raise MediaError(
            t(
                "The image is too thin for the model ({width}x{height} px, aspect ratio above {max_aspect_ratio:g}).",
                width=width,
                height=height,
                max_aspect_ratio=MAX_ASPECT_RATIO,
            ),
            t("Crop it to a less elongated region."),
        )
    if max_tokens is not None and max_tokens < 1:
        raise MediaError(
            t("The image token budget must be at least 1, not {max_tokens}.", max_tokens=max_tokens),
            t("Raise the image token budget."),
        )
    min_tokens = max(1, min(min_tokens, max_tokens if max_tokens is not None else min_tokens))
    max_pixels = max_tokens * side * side if max_tokens is not None else None
    min_pixels = min_tokens * side * side

    w_bar = max(side, _round_to(width, side))
    h_bar = max(side, _round_to(height, side))
    if max_pixels is not None and w_bar * h_bar > max_pixels:
        beta = math.sqrt(width * height / max_pixels)
        w_bar = max(side, _floor_to(width / beta, side))
        h_bar = max(side, _floor_to(height / beta, side))
    elif w_bar * h_bar < min_pixels:
        beta = math.sqrt(min_pixels / (width * height))
        w_bar = _ceil_to(width * beta, side)
        h_bar = _ceil_to(height * beta, side)
    if max_pixels is not None:
        # the one-token floor of a very elongated image (or the minimum's round-up) can end over
        # budget: shrink the long side until it fits; the budget is a promise
        while w_bar * h_bar > max_pixels and max(w_bar, h_bar) > side:
            if w_bar >= h_bar:
                w_bar -= side
            else:
                h_bar -= side
    return w_bar, h_bar


# A tiny tolerance keeps exact multiples exact: 1080 / beta can come out as 671.9999999 in binary
# floating point, and flooring that would drop a whole row of tokens.
_EPS = 1e-9


def _round_to(value: float, side: int) -> int:
    # Python's round() rounds half to even; GLM (and llama.cpp's std::round) round half away
    # from zero, and the two must agree or the model would see a different size than we record.
    return math.floor(value / side + 0.5 + _EPS) * side


def _floor_to(value: float, side: int) -> int:
    return math.floor(value / side + _EPS) * side


def _ceil_to(value: float, side: int) -> int:
    return math.ceil(value / side - _EPS) * side


@dataclass(frozen=True)
class PreparedImage:
    """An image resized and encoded for a model.

    Attributes:
        part: the encoded image, ready to put in a message (its ``geometry`` carries the sent size).
        original_size: (width, height) before resizing.
        tokens: image tokens the model will spend on it.
    """

    part: ImagePart
    original_size: tuple[int, int]
    tokens: int


def prepare_image(
    source: bytes | str | Path | ImagePart,
    max_tokens: int | None,
    *,
    image_format: ImageFormat = "PNG",
    jpeg_quality: int = 90,
    min_tokens: int = MIN_TOKENS,
) -> PreparedImage:
    """Decode, resize to the token budget and encode an image.

    Args:
        source: encoded image bytes, a file path, or an :class:`ImagePart` (its capture geometry
            is kept and updated with the sent size).
        max_tokens: token budget (``None``: no cap, only aligned to the 28 px grid).
        image_format: encoding of the result; PNG is lossless (best for screenshots' text).
        jpeg_quality: quality for JPEG/WebP.
        min_tokens: lower bound on tokens.

    Raises:
        MediaError: if the image cannot be read or decoded, or is unusable for the model.
    """
    from PIL import Image, UnidentifiedImageError

    geometry = None
    name = ""
    if isinstance(source, ImagePart):
        data, geometry, name = source.data, source.geometry, source.name
    elif isinstance(source, (str, Path)):
        path = Path(source)
        name = path.name
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise MediaError(
                t("Cannot read the image {path}: {value}.", path=path, value=exc.strerror or exc),
                t("Check the path and permissions."),
            ) from exc
    else:
        data = source
    try:
        with Image.open(io.BytesIO(data)) as opened:
            opened.load()
            image = opened.convert("RGB") if opened.mode != "RGB" else opened.copy()
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        what = f"the image {name}" if name else "the image"
        raise MediaError(t("Cannot decode {what}: {exc}.", what=what, exc=exc), t("Use a PNG, JPEG or WebP image.")) from exc
    except Image.DecompressionBombError as exc:
        raise MediaError(t("The image is too large to open safely: {exc}.", exc=exc), t("Downscale or crop it first.")) from exc

    original = image.size
    size = fit_to_token_budget(original[0], original[1], max_tokens, min_tokens=min_tokens)
    if size != original:
        # bicubic like GLM's processor and llama.cpp; deterministic for identical input
        image = image.resize(size, Image.Resampling.BICUBIC)
    buffer = io.BytesIO()
    if image_format == "PNG":
        image.save(buffer, format="PNG", optimize=False, compress_level=6)
    elif image_format == "JPEG":
        image.save(buffer, format="JPEG", quality=jpeg_quality)
    else:
        image.save(buffer, format="WEBP", quality=jpeg_quality)
    if geometry is not None:
        geometry = geometry.with_sent_size(*size)
    part = ImagePart(buffer.getvalue(), _MIME[image_format], size[0], size[1], geometry=geometry, name=name)
    return PreparedImage(part, original, image_tokens(*size))


@dataclass(frozen=True)
class FittedImage:
    """An image as it goes to a model (see :func:`fit_image`).

    Attributes:
        part: the image as sent; its ``geometry`` carries the sent size (for mapping boxes back).
        rgb: its raw RGB pixels (``width * height * 3`` bytes) when they were asked for, else None.
    """

    part: ImagePart
    rgb: bytes | None = None


#: encodings a model server takes as they are; anything else is re-encoded as PNG
_SENDABLE = ("image/png", "image/jpeg", "image/webp")


def fit_image(
    part: ImagePart,
    max_tokens: int | None,
    *,
    align: bool = True,
    max_side: int = 0,
    max_bytes: int = 0,
    keep_pixels: bool = False,
    png_level: int = 6,
) -> FittedImage:
    """Fit an image to a token budget (and a server's size limits): the one place that resizes images for a model.

    The size comes from :func:`fit_to_token_budget` (GLM's own rounding, so the model sees exactly that
    size); the resize is bicubic like GLM's processor. The image is decoded only when it must change or
    its pixels are asked for, so a screenshot that fits costs nothing here.

    Args:
        part: the image (its capture geometry is kept, with the sent size).
        max_tokens: image token budget; None: no cap.
        align: resize to the 28 px grid even when the image fits the budget (for llama.cpp, which is
            handed exact pixels); a server aligns images itself, so with False an image whose grid size
            fits goes as it is.
        max_side: the longest side a server accepts (0: no limit); the image is scaled under it first.
        max_bytes: the largest base64 text a server accepts (0: no limit); a PNG over it becomes a JPEG,
            then the image shrinks until it fits.
        keep_pixels: also return the raw RGB pixels of the result.
        png_level: zlib level when a PNG has to be written (1 for a record that only has to be fast).

    Raises:
        MediaError: the image cannot be decoded, is unusable for the model, or cannot be made small enough.
    """
    width, height = part.width, part.height
    if max_side and max(width, height) > max_side:
        scale = max_side / max(width, height)
        width, height = max(1, round(width * scale)), max(1, round(height * scale))
    target = fit_to_token_budget(width, height, max_tokens)
    if not align and (max_tokens is None or image_tokens(*fit_to_token_budget(width, height, None)) <= max_tokens):
        target = (width, height)
    mime = part.mime if part.mime in _SENDABLE else "image/png"
    unchanged = target == (part.width, part.height) and mime == part.mime
    if unchanged and not keep_pixels and (not max_bytes or _b64_size(len(part.data)) <= max_bytes):
        # the common case: no decode, no re-encode
        return FittedImage(_as_sent(part, part.data, part.mime, target))

    from PIL import Image

    image = _decode_rgb(part)
    for _ in range(12):
        resized = image if target == image.size else image.resize(target, Image.Resampling.BICUBIC)
        if unchanged and resized is image and (not max_bytes or _b64_size(len(part.data)) <= max_bytes):
            data, sent_mime = part.data, part.mime
        else:
            sent_mime = mime
            data = _encode(resized, sent_mime, png_level)
            if max_bytes and _b64_size(len(data)) > max_bytes and sent_mime == "image/png":
                # screenshots compress badly as PNG at high resolution; JPEG keeps detail at a fraction of the size
                sent_mime = "image/jpeg"
                data = _encode(resized, sent_mime, png_level)
        if not max_bytes or _b64_size(len(data)) <= max_bytes:
            return FittedImage(_as_sent(part, data, sent_mime, target), resized.tobytes() if keep_pixels else None)
        # shrink by the byte excess (a little more, so it converges): on the model's grid, or keeping the
        # aspect ratio exactly where the server aligns the image itself
        factor = max(0.25, (max_bytes / _b64_size(len(data))) * 0.8)
        if align:
            target = fit_to_token_budget(*target, max(1, int(image_tokens(*_grid(target)) * factor)))
        else:
            target = (max(1, round(target[0] * math.sqrt(factor))), max(1, round(target[1] * math.sqrt(factor))))
    raise MediaError(t("The image could not be made small enough for the provider."), t("Capture a smaller region."))


def with_budget(part: ImagePart, max_tokens: int | None) -> ImagePart:
    """``part`` resized to the budget, or unchanged if it already fits the 28 px grid and budget."""
    return fit_image(part, max_tokens).part


def _grid(size: tuple[int, int]) -> tuple[int, int]:
    return fit_to_token_budget(size[0], size[1], None)


def _b64_size(n: int) -> int:
    return 4 * ((n + 2) // 3)


def _decode_rgb(part: ImagePart) -> Any:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(part.data)) as opened:
            opened.load()
            return opened.convert("RGB") if opened.mode != "RGB" else opened.copy()
    except Image.DecompressionBombError as exc:
        raise MediaError(t("The image is too large to open safely: {exc}.", exc=exc), t("Downscale or crop it first.")) from exc
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        what = f"the image {part.name}" if part.name else "the image"
        raise MediaError(t("Cannot decode {what}: {exc}.", what=what, exc=exc), t("Use a PNG, JPEG or WebP image.")) from exc


def _encode(image: Any, mime: str, png_level: int = 6, quality: int = 90) -> bytes:
    buffer = io.BytesIO()
    if mime == "image/jpeg":
        image.save(buffer, format="JPEG", quality=quality)
    elif mime == "image/webp":
        image.save(buffer, format="WEBP", quality=quality)
    else:
        image.save(buffer, format="PNG", optimize=False, compress_level=png_level)
    return buffer.getvalue()


def _as_sent(part: ImagePart, data: bytes, mime: str, size: tuple[int, int]) -> ImagePart:
    geometry = part.geometry.with_sent_size(*size) if part.geometry is not None else None
    if data is part.data and size == (part.width, part.height) and geometry == part.geometry:
        return part
    return replace(part, data=data, mime=mime, width=size[0], height=size[1], geometry=geometry)
