"""Image token budget: sizes on the 28 px grid, within budget, deterministic, recorded with the capture."""

from __future__ import annotations

import io
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from desktop_helper.core.errors import MediaError
from desktop_helper.core.geometry import CaptureGeometry, Monitor, Rect
from desktop_helper.core.types import ImagePart
from desktop_helper.media.images import (
    MIN_TOKENS,
    TOKEN_SIDE,
    fit_to_token_budget,
    image_tokens,
    prepare_image,
    with_budget,
)


def _png(width: int, height: int, mode: str = "RGB") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, (width, height), 128 if mode == "L" else (10, 200, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("size", "budget", "expected"),
    [
        # full-HD screenshot: rounds to 1932x1092 = 2691 tokens when uncapped (GLM's "~2,700")
        ((1920, 1080), None, (1932, 1092)),
        ((1920, 1080), 4096, (1932, 1092)),
        ((1920, 1080), 1024, (1176, 672)),
        ((1920, 1080), 256, (588, 336)),
        ((3840, 2160), None, (3836, 2156)),
        # tiny images are scaled up to GLM's minimum of 112x112 px (16 tokens)
        ((20, 20), 1024, (112, 112)),
        # exact multiples stay as they are
        ((280, 560), 1024, (280, 560)),
    ],
)
def test_known_sizes(size: tuple[int, int], budget: int | None, expected: tuple[int, int]) -> None:
    assert fit_to_token_budget(*size, budget) == expected


@given(
    width=st.integers(1, 8000),
    height=st.integers(1, 8000),
    budget=st.one_of(st.none(), st.integers(1, 20000)),
)
def test_always_on_the_grid_and_within_budget(width: int, height: int, budget: int | None) -> None:
    if max(width, height) / min(width, height) > 200:
        with pytest.raises(MediaError):
            fit_to_token_budget(width, height, budget)
        return
    w, h = fit_to_token_budget(width, height, budget)
    assert w % TOKEN_SIDE == 0
    assert h % TOKEN_SIDE == 0
    assert w >= TOKEN_SIDE
    assert h >= TOKEN_SIDE
    if budget is not None:
        assert image_tokens(w, h) <= budget
    if budget is None:
        # uncapped, GLM's minimum of 16 tokens always holds
        assert image_tokens(w, h) >= MIN_TOKENS
    # the aspect ratio survives within the grid's rounding
    if w > TOKEN_SIDE and h > TOKEN_SIDE:
        assert math.isclose(w / h, width / height, rel_tol=0.5)
    # deterministic
    assert fit_to_token_budget(width, height, budget) == (w, h)


def test_rounding_is_half_up_like_llama_cpp() -> None:
    # 70 px is 2.5 grid cells: GLM and llama.cpp round half up (84); banker's rounding would give 56
    assert fit_to_token_budget(70, 280, None) == (84, 280)


@pytest.mark.parametrize(("size", "budget"), [((1, 150), 16), ((1, 150), 20), ((3, 500), 16), ((2, 399), 1), ((5, 900), 17)])
def test_elongated_and_tiny_images_never_exceed_the_budget(size: tuple[int, int], budget: int) -> None:
    w, h = fit_to_token_budget(*size, budget)
    assert image_tokens(w, h) <= budget
    assert w % TOKEN_SIDE == 0
    assert h % TOKEN_SIDE == 0


def test_bad_inputs() -> None:
    with pytest.raises(MediaError, match="too thin"):
        fit_to_token_budget(10000, 20, 1024)
    with pytest.raises(MediaError, match="empty"):
        fit_to_token_budget(0, 100, 1024)
    with pytest.raises(MediaError, match="at least 1"):
        fit_to_token_budget(100, 100, 0)
    with pytest.raises(MediaError, match="decode"):
        prepare_image(b"not an image", 256)


def test_prepare_image_resizes_encodes_and_records_the_sent_size() -> None:
    monitor = Monitor(1, "DP-1", Rect(0, 0, 1920, 1080), 1.0, True)
    geometry = CaptureGeometry(monitor, Rect(0, 0, 1920, 1080))
    part = ImagePart(_png(1920, 1080), "image/png", 1920, 1080, geometry=geometry, name="screen.png")
    prepared = prepare_image(part, 256)
    assert (prepared.part.width, prepared.part.height) == (588, 336)
    assert prepared.tokens == 21 * 12
    assert prepared.original_size == (1920, 1080)
    assert prepared.part.geometry is not None
    assert prepared.part.geometry.sent_size == (588, 336)
    with Image.open(io.BytesIO(prepared.part.data)) as decoded:
        assert decoded.size == (588, 336)
        assert decoded.format == "PNG"
    # same input, same bytes
    assert prepare_image(part, 256).part.data == prepared.part.data


def test_prepare_image_converts_modes_and_formats() -> None:
    prepared = prepare_image(_png(300, 300, mode="L"), 64, image_format="JPEG")
    assert prepared.part.mime == "image/jpeg"
    assert image_tokens(prepared.part.width, prepared.part.height) <= 64


def test_with_budget_leaves_fitting_images_alone() -> None:
    part = ImagePart(_png(280, 168), "image/png", 280, 168)
    assert with_budget(part, 1024) is part
    smaller = with_budget(part, 20)
    assert image_tokens(smaller.width, smaller.height) <= 20
