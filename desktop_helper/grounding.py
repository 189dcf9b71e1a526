"""Find on screen, without Qt: ask the model for boxes on a capture and map them to the screen.

:func:`find_on_screen` runs one grounding request (call it off the GUI thread: it blocks while the
model answers) and reports each box as soon as the stream completes it (:class:`GroundingStream`);
:func:`ground_answer` maps the boxes of any answer about a capture, for the chat's "show on
screen" button. Both return a :class:`GroundingResult` whose :func:`shapes_for` gives what the
overlay draws. Boxes are the model's estimate: the overlay shows them as such, and the
result keeps the raw answer so the user can re-ask on a zoomed region.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop_helper.backends.base import Backend, CancelToken, ChatRequest, Event, TextDelta, ThinkingDelta, collect
from desktop_helper.core.geometry import CaptureGeometry, Rect, normalized_to_pixels
from desktop_helper.core.shapes import BoxShape, PointShape, Shape, color_for
from desktop_helper.core.types import FinishReason, ImagePart
from desktop_helper.parsers.boxes import Box, BoxParseResult, BoxStream, GroundingItem, parse_boxes
from desktop_helper.prompts.grounding import GROUNDING_TEMPERATURE, grounding_messages

log = logging.getLogger(__name__)

#: ~30 labelled boxes of JSON; a grounding answer longer than that is the model rambling.
GROUNDING_MAX_TOKENS = 1024
GROUNDING_MAX_TOKENS_THINKING = 4096


@dataclass(frozen=True)
class ScreenItem:
    """A parsed box or point placed on the screen.

    Attributes:
        item: what the model wrote (normalized 0..1000).
        number: 1-based position in the answer, shown on screen when there are several.
        physical: global physical pixels (for the mouse); a point is a zero-size rectangle.
        logical: global logical pixels (for the overlay).
        image: pixels of the sent image, when its size is known.
    """

    item: GroundingItem
    number: int
    physical: Rect
    logical: Rect
    image: Rect | None = None


@dataclass(frozen=True)
class GroundingResult:
    """The outcome of a grounding request or of mapping an answer's boxes.

    Attributes:
        question: what was searched for ("" when mapping an existing answer).
        answer: the model's answer text.
        thinking: its reasoning, if any.
        parse: everything the parser found, flagged items included.
        items: drawable items mapped to the screen.
        geometry: where the capture came from.
        error: one sentence for the user when there is nothing to draw, else None.
        timings: seconds: ``request`` (start to last token), ``parse`` (last token to mapped items).
    """

    question: str
    answer: str
    thinking: str
    parse: BoxParseResult
    items: tuple[ScreenItem, ...]
    geometry: CaptureGeometry
    error: str | None = None
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return bool(self.items)


Placement = tuple[Rect, Rect, Rect | None]  # physical, logical, image (see ScreenItem)


def place(item: GroundingItem, geometry: CaptureGeometry) -> Placement:
    """Where one parsed item is on the screen: its physical, logical and sent-image rectangles.

    The one function that maps a model's box to the screen (the overlay, find, the chat's "show on
    screen", ``ask``'s JSON); image pixels come from :func:`~desktop_helper.core.geometry.normalized_to_pixels`.
    """
    corners = item.coords if isinstance(item, Box) else item.coords * 2
    physical = geometry.normalized_rect_to_physical(*corners)
    logical = geometry.physical_rect_to_logical(physical)  # = normalized_rect_to_logical(*corners)
    image = None
    if geometry.sent_size is not None:
        image = Rect.from_corners(*normalized_to_pixels(corners, *geometry.sent_size))
    return physical, logical, image


def screen_coords(item: GroundingItem, geometry: CaptureGeometry) -> tuple[float, ...]:
    """The item in global physical pixels as flat numbers: ``(x, y)`` for a point, ``(x1, y1, x2, y2)`` for a box."""
    physical, _logical, _image = place(item, geometry)
    if isinstance(item, Box):
        return (physical.x, physical.y, physical.x + physical.width, physical.y + physical.height)
    return (physical.x, physical.y)


def map_items(
    parse: BoxParseResult, geometry: CaptureGeometry, places: dict[GroundingItem, Placement] | None = None
) -> tuple[ScreenItem, ...]:
    """Place every drawable item of ``parse`` on the screen through ``geometry``.

    ``places``: placements already computed (read and filled), for mapping a growing answer again.
    """
    places = {} if places is None else places
    mapped = []
    for number, item in enumerate(parse.items, start=1):
        placement = places.get(item)
        if placement is None:
            placement = places[item] = place(item, geometry)
        mapped.append(ScreenItem(item, number, *placement))
    return tuple(mapped)


def ground_answer(
    answer: str, geometry: CaptureGeometry, thinking: str = "", question: str = ""
) -> GroundingResult:
    """Parse the boxes of ``answer`` (about the capture described by ``geometry``) and map them."""
    started = time.perf_counter()
    parse = parse_boxes(answer, thinking)
    items = map_items(parse, geometry)
    return _result(parse, items, started, question=question, answer=answer, thinking=thinking, geometry=geometry)


def _result(
    parse: BoxParseResult, items: tuple[ScreenItem, ...], started: float, *, question: str, answer: str, thinking: str,
    geometry: CaptureGeometry,
) -> GroundingResult:
    if parse.flagged and items:
        log.info("grounding: %d suspect item(s) not drawn: %s", len(parse.flagged), parse.flagged[0].problems)
    timings = {"parse": time.perf_counter() - started}
    return GroundingResult(question, answer, thinking, parse, items, geometry, parse.error, timings)


class GroundingStream:
    """Parses and maps a grounding answer while it streams.

    Feed it every event of the model's stream. :attr:`items` are the drawable items so far (see
    :meth:`BoxStream.so_far`), so each box can be shown as soon as the model has written it, label
    and all; :meth:`result` is exactly what :func:`ground_answer` gives for the whole answer, with
    most of the parsing and mapping done before the last token (only the unfinished tail is parsed
    again, and each item is placed once).
    """

    def __init__(self, geometry: CaptureGeometry, question: str = "") -> None:
        self.geometry = geometry
        self.question = question
        self._boxes = BoxStream()
        self._places: dict[GroundingItem, Placement] = {}
        self.items: tuple[ScreenItem, ...] = ()

    def feed(self, event: Event) -> bool:
        """Take one stream event; returns whether :attr:`items` changed."""
        if isinstance(event, ThinkingDelta):
            self._boxes.feed(thinking=event.text)
            return False
        if not isinstance(event, TextDelta):
            return False
        settled = self._boxes.settled_chars
        self._boxes.feed(event.text)
        # Items only appear when a cut settles them or a bracket group closes.
        if self._boxes.settled_chars == settled and not any(closer in event.text for closer in "])>"):
            return False
        items = map_items(self._boxes.so_far(), self.geometry, self._places)
        changed = items != self.items
        self.items = items
        return changed

    def result(self) -> GroundingResult:
        """The whole answer's result (call it after the last event)."""
        started = time.perf_counter()
        parse = self._boxes.result()
        self.items = map_items(parse, self.geometry, self._places)
        return _result(
            parse, self.items, started,
            question=self.question, answer=self._boxes.answer, thinking=self._boxes.thinking, geometry=self.geometry,
        )


def shapes_for(result: GroundingResult | Sequence[ScreenItem]) -> list[Shape]:
    """Overlay shapes for a result (or its items): one colour per item, numbered when there are several."""
    items = result.items if isinstance(result, GroundingResult) else result
    numbered = len(items) > 1
    shapes: list[Shape] = []
    for index, screen_item in enumerate(items):
        color = color_for(index)
        number = screen_item.number if numbered else None
        label = screen_item.item.label
        if isinstance(screen_item.item, Box):
            shapes.append(BoxShape(screen_item.logical, label, color, number))
        else:
            x, y = screen_item.logical.x, screen_item.logical.y
            shapes.append(PointShape(x, y, label, color, number))
    return shapes


EventCallback = Callable[[Event], None]
ItemsCallback = Callable[[tuple[ScreenItem, ...]], None]


def find_on_screen(
    backend: Backend,
    image: ImagePart,
    target: str,
    *,
    cancel: CancelToken | None = None,
    thinking: bool = False,
    language: str = "English",
    image_token_budget: int | None = None,
    max_tokens: int | None = None,
    on_event: EventCallback | None = None,
    on_items: ItemsCallback | None = None,
) -> GroundingResult:
    """Ask ``backend`` where ``target`` is on the captured ``image`` and map the answer to the screen.

    Blocking: call it from a worker thread. Backend faults before the first event raise
    :class:`~desktop_helper.core.errors.BackendError` (the caller reports it); a stream that ends
    in an error or is cancelled gives a result with ``error`` set and whatever was parsed.

    Args:
        backend: the model.
        image: the capture, with its geometry (where it came from, the size it is sent at).
        target: what the user wants to find, in their words.
        cancel: cooperative cancel flag.
        thinking: let the model reason first (slower; grounding rarely needs it).
        language: language for the labels.
        image_token_budget: passed to the backend with the request.
        max_tokens: cap on the answer; default: enough for a few dozen labelled boxes (more
            with thinking). A model that rambles is cut off instead of holding the overlay back.
        on_event: called with every streamed event (for a status line); on this thread.
        on_items: called with the drawable items so far whenever the stream completes or changes
            one (to show boxes while the model writes); on this thread. The result can still
            differ (a stream that fails draws nothing).

    Raises:
        ValueError: if ``image`` carries no capture geometry (nothing to map back to).
    """
    if image.geometry is None:
        raise ValueError("find_on_screen needs an image with its capture geometry")
    geometry = image.geometry
    if geometry.sent_size is None:
        geometry = geometry.with_sent_size(image.width, image.height)
    request = ChatRequest(
        messages=grounding_messages(image, target, language),
        thinking=thinking,
        temperature=GROUNDING_TEMPERATURE,
        image_token_budget=image_token_budget,
        max_tokens=max_tokens or (GROUNDING_MAX_TOKENS_THINKING if thinking else GROUNDING_MAX_TOKENS),
    )
    stream = GroundingStream(geometry, target)

    def take(event: Event) -> None:
        if on_event is not None:
            on_event(event)
        if stream.feed(event) and on_items is not None:
            on_items(stream.items)

    started = time.perf_counter()
    _answer, _reasoning, _calls, done = collect(backend.stream(request, cancel), take)
    last_token = time.perf_counter()
    result = stream.result()
    timings = {**result.timings, "request": last_token - started}
    error = result.error
    items = result.items
    if done is not None and done.reason is FinishReason.CANCELLED:
        error, items = "Find on screen was cancelled.", ()
    elif done is not None and done.reason is FinishReason.ERROR:
        # Boxes from a broken stream may be cut short: report, do not draw.
        error, items = f"The model stopped with an error: {done.error or 'unknown error'}.", ()
    return GroundingResult(target, result.answer, result.thinking, result.parse, items, geometry, error, timings)


# ---------------------------------------------------------------------- results for callers (CLI, MCP)


def _monitor_number(geometry: CaptureGeometry, center: tuple[float, float]) -> int:
    """The monitor (1-based, as in ``capture monitor N``) holding a point in global physical pixels."""
    x, y = center
    for monitor in geometry.desktop or (geometry.monitor,):
        rect = monitor.physical
        if rect.x <= x < rect.x + rect.width and rect.y <= y < rect.y + rect.height:
            return monitor.id
    return geometry.monitor.id


def _placed(result: GroundingResult) -> list[dict[str, Any]]:
    placed = []
    for shown in result.items:
        rect = shown.physical
        center = (rect.x + rect.width / 2, rect.y + rect.height / 2)
        placed.append(
            {
                "number": shown.number,
                "label": shown.item.label,
                "kind": "point" if rect.width == 0 and rect.height == 0 else "box",
                "x": round(rect.x),
                "y": round(rect.y),
                "w": round(rect.width),
                "h": round(rect.height),
                "monitor": _monitor_number(result.geometry, center),
            }
        )
    return placed


def result_lines(result: GroundingResult) -> list[str]:
    """What ``desktop-helper find`` prints: one line per box or point, in global physical screen pixels."""
    if not result.items:
        reason = f" ({result.error})" if result.error else ""
        return [f"Nothing found for: {result.question}{reason}"]
    return found_lines(result_as_json(result))


def found_lines(found: dict[str, Any]) -> list[str]:
    """One line per item of a :func:`result_as_json` answer."""
    lines = []
    for item in found["items"]:
        label = item["label"] or f"{found['target']} #{item['number']}"
        if item["kind"] == "point":
            lines.append(f"{label}: x={item['x']}, y={item['y']} (monitor {item['monitor']})")
        else:
            lines.append(f"{label}: x={item['x']}, y={item['y']}, w={item['w']}, h={item['h']} (monitor {item['monitor']})")
    return lines


def result_as_json(result: GroundingResult) -> dict[str, Any]:
    """``desktop-helper find --json``: the boxes in global physical pixels, or the reason there are none."""
    return {
        "target": result.question,
        "items": _placed(result),
        "error": None if result.items else (result.error or "Nothing found."),
    }
