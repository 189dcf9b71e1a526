"""The find-on-screen service (no Qt), the grounding prompt, shapes and thumbnail annotation."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from PIL import Image

from desktop_helper.backends.base import CancelToken, ChatRequest, Event, TextDelta
from desktop_helper.backends.scripted import ScriptedBackend
from desktop_helper.core.geometry import CaptureGeometry, Monitor, Rect
from desktop_helper.core.shapes import (
    PALETTE,
    ArrowShape,
    Badge,
    BoxShape,
    PointShape,
    TextBubble,
    approximate_bounds,
    arrow_head,
)
from desktop_helper.core.types import ImagePart, TextPart
from desktop_helper.grounding import ScreenItem, find_on_screen, ground_answer, map_items, shapes_for
from desktop_helper.media.annotate import draw_items
from desktop_helper.parsers.boxes import Box, GroundingItem, Point, parse_boxes
from desktop_helper.prompts.grounding import GROUNDING_TEMPERATURE, grounding_instruction, grounding_messages

# a 150 % monitor left of the primary one, a region of it, sent downscaled
MONITOR = Monitor(2, "left", Rect(-2880, 0, 2880, 1620), 1.5)
REGION = Rect(-2000, 400, 1200, 600)


def _image(size: tuple[int, int] = (600, 300)) -> ImagePart:
    buffer = io.BytesIO()
    Image.new("RGB", size, "white").save(buffer, format="PNG")
    return ImagePart(buffer.getvalue(), "image/png", *size, geometry=CaptureGeometry(MONITOR, REGION))


def test_find_on_screen_maps_boxes_through_the_whole_chain() -> None:
    backend = ScriptedBackend(['<think>looking</think>[{"label": "OK", "bbox_2d": [500, 500, 600, 700]}, {"point_2d": [0, 0]}]'])
    events: list[object] = []
    result = find_on_screen(backend, _image(), "  the OK\nbutton ", on_event=events.append)
    assert result.ok
    assert result.error is None
    assert result.thinking == "looking"
    assert result.geometry.sent_size == (600, 300)  # taken from the image when the capture did not say
    box, point = result.items
    assert box.item.label == "OK"
    assert box.number == 1
    assert point.number == 2
    # region x: -2000 + 0.5 * 1200 = -1400 ; y: 400 + 0.5 * 600 = 700 ; 120 x 120 physical
    assert box.physical == Rect(-1400, 700, 120, 120)
    # logical through the 150 % monitor: -2880 + (-1400 + 2880) / 1.5
    assert box.logical.x == pytest.approx(-2880 + 1480 / 1.5)
    assert box.logical.width == pytest.approx(80)
    assert box.image == Rect(300, 150, 60, 60)
    assert point.physical == Rect(-2000, 400, 0, 0)
    assert any(isinstance(e, TextDelta) for e in events)
    assert result.timings["request"] >= 0
    assert result.timings["parse"] >= 0

    (request,) = backend.requests
    assert isinstance(request, ChatRequest)
    assert request.temperature == GROUNDING_TEMPERATURE
    assert request.thinking is False
    assert request.max_tokens is not None
    (message,) = request.messages
    assert isinstance(message.parts[0], ImagePart)  # image first, then the question
    assert isinstance(message.parts[1], TextPart)
    assert "the OK button" in message.parts[1].text


def test_find_on_screen_reports_no_boxes_and_suspect_ones() -> None:
    result = find_on_screen(ScriptedBackend(["I could not find it."]), _image(), "x")
    assert not result.ok
    assert result.error is not None
    assert "no box" in result.error
    flagged = find_on_screen(ScriptedBackend(["[1500, 20, 1700, 90]"]), _image(), "x")
    assert not flagged.ok
    assert flagged.error is not None
    assert "outside 0..1000" in flagged.error


def test_find_on_screen_cancelled_draws_nothing() -> None:
    cancel = CancelToken()
    cancel.cancel()
    result = find_on_screen(ScriptedBackend(["[1, 2, 3, 4]"]), _image(), "x", cancel=cancel)
    assert not result.items
    assert result.error == "Find on screen was cancelled."


def test_find_on_screen_needs_geometry() -> None:
    part = _image()
    bare = ImagePart(part.data, part.mime, part.width, part.height)
    with pytest.raises(ValueError, match="geometry"):
        find_on_screen(ScriptedBackend(["[1,2,3,4]"]), bare, "x")


def test_ground_answer_and_shapes_numbering() -> None:
    geometry = CaptureGeometry(MONITOR, REGION, sent_size=(600, 300))
    one = ground_answer("<|begin_of_box|>[[0,0,1000,1000]]<|end_of_box|>", geometry)
    (shape,) = shapes_for(one)
    assert isinstance(shape, BoxShape)
    assert shape.number is None  # a single box needs no number
    assert shape.color == PALETTE[0]
    assert shape.rect == MONITOR.physical_rect_to_logical(REGION)
    several = ground_answer("a [1,2,3,4] b [5,6,7,8] c [9, 9]", geometry)
    shapes = shapes_for(several)
    assert [s.number for s in shapes if isinstance(s, BoxShape | PointShape)] == [1, 2, 3]
    assert [s.color for s in shapes if isinstance(s, BoxShape | PointShape)] == list(PALETTE[:3])
    assert isinstance(shapes[2], PointShape)
    assert map_items(parse_boxes("nothing"), geometry) == ()


def test_find_on_screen_reports_each_box_as_the_stream_completes_it() -> None:
    objects = [f'{{"label": "item {i}", "bbox_2d": [{10 * i}, 100, {10 * i + 5}, 200]}}' for i in range(1, 7)]
    answer = "[" + ", ".join(objects) + "]"
    updates: list[tuple[ScreenItem, ...]] = []
    result = find_on_screen(ScriptedBackend([answer], chunk_size=7), _image(), "items", on_items=updates.append)
    # boxes appear one after another, each once the model has finished writing it, label and all
    assert [len(items) for items in updates] == [1, 2, 3, 4, 5, 6]
    for items in updates:
        assert items == result.items[: len(items)]
    expected = ground_answer(answer, result.geometry, question="items")
    assert result.items == expected.items
    assert result.parse == expected.parse


def test_a_stream_that_fails_after_some_boxes_draws_none() -> None:
    from desktop_helper.backends.base import Done
    from desktop_helper.core.types import FinishReason

    class Broken(ScriptedBackend):
        def stream(self, request: ChatRequest, cancel: CancelToken | None = None) -> Iterator[Event]:
            yield TextDelta("1. OK [1, 2, 3, 4]\n2. Cancel [5, 6, 7, 8]\n")
            yield Done(FinishReason.ERROR, "connection lost")

    updates: list[tuple[ScreenItem, ...]] = []
    result = find_on_screen(Broken(["x"]), _image(), "x", on_items=updates.append)
    assert len(updates[-1]) == 2  # shown while streaming ...
    assert result.items == ()  # ... and not kept: the caller clears them
    assert result.error == "The model stopped with an error: connection lost."


def test_prompt_text() -> None:
    text = grounding_instruction("  Save\tbutton ", language="Chinese")
    assert "Save button" in text
    assert "bbox_2d" in text
    assert "0 to 1000" in text
    assert "Chinese" in text
    assert "the most important control" in grounding_instruction("   ")
    (message,) = grounding_messages(_image(), "x")
    assert message.role == "user"


def test_shape_bounds_hold_the_shape() -> None:
    box = approximate_bounds(BoxShape(Rect(10, 50, 100, 40), "label"))
    assert box.x < 10
    assert box.y < 50 - 10  # room for the tag above
    assert box.right > 110
    assert approximate_bounds(PointShape(100, 100)).contains(100, 100)
    arrow = ArrowShape(0, 0, 100, 0)
    assert approximate_bounds(arrow).contains(100, 0)
    tip, left, right = arrow_head(arrow)
    assert tip == (100, 0)
    assert left[0] < 100
    assert right[0] < 100
    assert left[1] == pytest.approx(-right[1])
    assert approximate_bounds(TextBubble(5, 5, "a\nbb")).height > approximate_bounds(TextBubble(5, 5, "a")).height
    assert approximate_bounds(Badge(50, 50, "1")).contains(50, 50)


def _rgb(hex_color: str) -> tuple[int, int, int]:
    return int(hex_color[1:3], 16), int(hex_color[3:5], 16), int(hex_color[5:7], 16)


def test_draw_items_on_thumbnail() -> None:
    image = Image.new("RGB", (400, 200), "white")
    items: list[GroundingItem] = [Box(100, 200, 500, 800, "OK"), Point(750, 500), Box(1500, 0, 1600, 10, problems=("outside",))]
    drawn = draw_items(image, items, line_width=2, font_size=12)
    assert image.getpixel((0, 0)) == (255, 255, 255)  # the original is untouched
    # box 1: x 40..200, y 40..160 on the 400x200 thumbnail; left edge at mid-height is coloured
    assert drawn.getpixel((40, 100)) == _rgb(PALETTE[0])
    assert drawn.getpixel((120, 100)) == (255, 255, 255)  # inside stays clear
    assert drawn.getpixel((300, 100)) == _rgb(PALETTE[1])  # point dot at (300, 100)
    # the flagged box is not drawn: its area stays white
    assert drawn.crop((300, 0, 400, 3)).getcolors() == [(300, (255, 255, 255))]
    # numbered tag "1 OK" above the first box
    assert drawn.getpixel((42, 30)) == _rgb(PALETTE[0])


def test_draw_items_converts_modes() -> None:
    drawn = draw_items(Image.new("L", (50, 50), 0), [Box(0, 0, 1000, 1000)])
    assert drawn.mode == "RGB"
    assert drawn.getpixel((0, 25)) == _rgb(PALETTE[0])
