"""Native tool calls for the chat (GLM-4.6V function calling): look at the screen, zoom in, list windows.

The model may call these while answering a chat question, on both backends (the local one parses
GLM's raw ``<tool_call>`` text, the remote one gets OpenAI ``tool_calls``). Results that are images
(a fresh screenshot, a zoomed crop) go back as image parts of the ``tool`` message, so the model
sees them as images, not as text.

* ``capture_screen(monitor?)``: the whole desktop or one monitor, at the resolution the backend's
  image budget allows;
* ``zoom(box)``: a region of the latest screenshot, ``[x1, y1, x2, y2]`` in 0..999 of it, returned
  at full resolution (the crop of the original capture, not of the downscaled copy the model saw);
* ``list_windows()``: the open windows with their titles, programs and places.

:func:`answer_with_tools` runs the call-execute-answer rounds around :meth:`Backend.stream`.
"""

from __future__ import annotations

import io
import json
import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from desktop_helper.backends.base import Backend, CancelToken, ChatRequest, Done, Event, TextDelta, ThinkingDelta, ToolCallEvent
from desktop_helper.core.errors import UserError
from desktop_helper.core.geometry import CaptureGeometry, Monitor, Rect
from desktop_helper.core.i18n import t
from desktop_helper.core.types import FinishReason, ImagePart, Message, TextPart, ToolCall, ToolSpec
from desktop_helper.platform.window_list.base import WindowLister

log = logging.getLogger(__name__)

#: How many call-and-answer rounds one question may take before we stop offering tools.
MAX_ROUNDS = 5
#: Smallest zoom region in physical pixels (smaller asks are widened around their center).
MIN_ZOOM_PIXELS = 28

_BOX_SCHEMA = {
    "type": "array",
    "items": {"type": "integer"},
    "description": "Region [x1, y1, x2, y2] on the latest screenshot, each value 0-999 (thousandths of its width and height).",
}

TOOL_SPECS: tuple[ToolSpec, ...] = (
    ToolSpec(
        "capture_screen",
        "Take a new screenshot of the user's screen (all monitors) or of one monitor, to see what is there now.",
        {
            "type": "object",
            "properties": {
                "monitor": {"type": "integer", "description": "Monitor number, 1 = first; leave out for all monitors."}
            },
            "required": [],
        },
    ),
    ToolSpec(
        "zoom",
        "Look closer at a region of the latest screenshot: returns that region at the screen's full resolution, "
        "for small text or details.",
        {"type": "object", "properties": {"box": _BOX_SCHEMA}, "required": ["box"]},
    ),
    ToolSpec(
        "list_windows",
        "List the open windows: title, program, position and size in pixels, and which one has the focus.",
        {"type": "object", "properties": {}, "required": []},
    ),
)

#: Grabs the screen: monitor number (1-based) or None for the whole desktop -> a full-resolution PNG with geometry.
Grabber = Callable[[int | None], ImagePart]
#: Grabs a rectangle of the screen (global physical px) at full resolution.
RegionGrabber = Callable[[Rect], ImagePart]


@dataclass(frozen=True)
class ToolRound:
    """Emitted by :func:`answer_with_tools` after a round of calls: the messages it added to the conversation."""

    assistant: Message
    results: tuple[Message, ...]


class ScreenTools:
    """Executes the tools. Safe to call from a worker thread (one call at a time).

    Args:
        grab: captures the screen (full resolution, with geometry).
        windows: lists the open windows.
        grab_region: captures a rectangle (global physical px) at full resolution; used to zoom
            into a screenshot the model saw downscaled (e.g. one attached in the chat).
    """

    def __init__(self, grab: Grabber, windows: WindowLister, grab_region: RegionGrabber | None = None) -> None:
        self._grab = grab
        self._windows = windows
        self._grab_region = grab_region
        self._lock = threading.Lock()
        #: the latest full-resolution capture, which ``zoom`` crops
        self.latest: ImagePart | None = None

    @property
    def specs(self) -> tuple[ToolSpec, ...]:
        return TOOL_SPECS

    def remember(self, image: ImagePart) -> None:
        """Make ``image`` (a full-resolution capture with geometry) the one ``zoom`` refers to."""
        if image.geometry is not None:
            self.latest = image

    def run(self, call: ToolCall) -> Message:
        """Execute one call; problems become a readable text result, never an exception."""
        with self._lock:
            try:
                parts = self._dispatch(call)
            except UserError as exc:
                parts = (TextPart(f"Error: {exc}"),)
            except (ValueError, TypeError, KeyError) as exc:
                parts = (TextPart(f"Error: bad arguments for {call.name}: {exc}"),)
        return Message("tool", parts, tool_call_id=call.id)

    def _dispatch(self, call: ToolCall) -> tuple[TextPart | ImagePart, ...]:
        arguments = call.arguments if isinstance(call.arguments, dict) else {}
        if call.name == "capture_screen":
            monitor = _optional_int(arguments.get("monitor"))
            image = self._grab(monitor)
            self.remember(image)
            where = f"monitor {monitor}" if monitor else "the whole screen"
            return (TextPart(f"Screenshot of {where}, {image.width}x{image.height} px."), image)
        if call.name == "zoom":
            return self._zoom(arguments.get("box", arguments))
        if call.name == "list_windows":
            return (TextPart(self._window_text()),)
        return (TextPart(f"Error: there is no tool named {call.name!r}. Available: {', '.join(s.name for s in TOOL_SPECS)}."),)

    def _zoom(self, box: Any) -> tuple[TextPart | ImagePart, ...]:
        values = _box_values(box)
        if self.latest is None:
            self.remember(self._grab(None))
        source = self.latest
        assert source is not None
        assert source.geometry is not None
        geometry = source.geometry
        x1, y1, x2, y2 = (min(max(v, 0.0), 1000.0) for v in values)
        region = geometry.normalized_rect_to_physical(x1, y1, x2, y2)
        region = _at_least(region, MIN_ZOOM_PIXELS).intersection(geometry.rect) or geometry.rect
        if _downscaled(source) and self._grab_region is not None:
            # the model saw a reduced copy: its full resolution is only on the screen itself
            crop = self._grab_region(region)
            return (
                TextPart(
                    f"Region [{round(x1)}, {round(y1)}, {round(x2)}, {round(y2)}] of the latest screenshot, captured again "
                    f"now at full resolution: {crop.width}x{crop.height} px."
                ),
                crop,
            )
        crop = crop_capture(source, region)
        return (
            TextPart(
                f"Zoomed region [{round(x1)}, {round(y1)}, {round(x2)}, {round(y2)}] of the latest screenshot "
                f"at full resolution: {crop.width}x{crop.height} px."
            ),
            crop,
        )

    def _window_text(self) -> str:
        windows = self._windows.windows()
        if not windows:
            return "No windows are open."
        lines = []
        for window in windows:
            flags = [flag for flag, on in (("focused", window.focused), ("minimized", window.minimized)) if on]
            place = ""
            if window.rect is not None:
                x, y, w, h = window.rect.as_ints()
                place = f" at x={x}, y={y}, {w}x{h} px"
            app = f" ({window.app})" if window.app else ""
            suffix = f" [{', '.join(flags)}]" if flags else ""
            lines.append(f"- {json.dumps(window.title, ensure_ascii=False)}{app}{place}{suffix}")
        return "Open windows, front to back:\n" + "\n".join(lines)


def crop_capture(source: ImagePart, region: Rect) -> ImagePart:
    """The part of a full-resolution capture showing ``region`` (global physical px), as PNG with its own geometry."""
    from PIL import Image

    geometry = source.geometry
    assert geometry is not None
    with Image.open(io.BytesIO(source.data)) as opened:
        image = opened.convert("RGB")
    # the source's pixels map linearly onto its captured rectangle
    left, top = (
        geometry.physical_to_image(region.x, region.y)
        if geometry.sent_size
        else (region.x - geometry.rect.x, region.y - geometry.rect.y)
    )
    right, bottom = (
        geometry.physical_to_image(region.right, region.bottom)
        if geometry.sent_size
        else (region.right - geometry.rect.x, region.bottom - geometry.rect.y)
    )
    box = (max(0, round(left)), max(0, round(top)), min(image.width, round(right)), min(image.height, round(bottom)))
    cropped = image.crop(box)
    buffer = io.BytesIO()
    cropped.save(buffer, format="PNG")
    crop_geometry = CaptureGeometry(geometry.monitor_for_physical(*region.center), region, sent_size=cropped.size)
    return ImagePart(buffer.getvalue(), "image/png", cropped.width, cropped.height, crop_geometry, name="zoom.png")


def _downscaled(image: ImagePart) -> bool:
    geometry = image.geometry
    if geometry is None:
        return False
    width, height = geometry.rect.width, geometry.rect.height
    return image.width < round(width) - 1 or image.height < round(height) - 1


def _optional_int(value: Any) -> int | None:
    if value is None or value == "":
        return None
    number = int(float(value))
    if number < 1:
        raise ValueError("monitor numbers start at 1")
    return number


def _box_values(box: Any) -> tuple[float, float, float, float]:
    if isinstance(box, dict):
        box = [box.get(k) for k in ("x1", "y1", "x2", "y2")]
    if isinstance(box, str):
        box = json.loads(box if box.strip().startswith("[") else f"[{box}]")
    while isinstance(box, list) and len(box) == 1 and isinstance(box[0], list):
        box = box[0]  # [[x1, y1, x2, y2]]
    if not isinstance(box, list) or len(box) != 4:
        raise ValueError("box must be [x1, y1, x2, y2]")
    x1, y1, x2, y2 = (float(v) for v in box)
    if any(v < 0 or v > 1000 for v in (x1, y1, x2, y2)):
        raise ValueError("box values must be 0-999")
    left, right = sorted((x1, x2))
    top, bottom = sorted((y1, y2))
    if right - left < 1 or bottom - top < 1:
        raise ValueError("the box is empty")
    return left, top, right, bottom


def _at_least(rect: Rect, size: float) -> Rect:
    cx, cy = rect.center
    width, height = max(rect.width, size), max(rect.height, size)
    return Rect(cx - width / 2, cy - height / 2, width, height)


def offering(request: ChatRequest, offer: Sequence[ToolSpec]) -> ChatRequest:
    """``request`` as a round of :func:`answer_with_tools` sends it: ``offer`` first, then its own tools.

    The chat's pre-encode reads the first round's prompt this way, so Send reuses it.
    """
    return replace(request, tools=tuple(offer) + tuple(t for t in request.tools if t not in offer))


def answer_with_tools(
    backend: Backend,
    request: ChatRequest,
    tools: ScreenTools,
    cancel: CancelToken | None = None,
    max_rounds: int = MAX_ROUNDS,
) -> Iterator[Event | ToolRound]:
    """Stream an answer, executing the model's tool calls between rounds.

    Yields the backend's events as they come; after each round that called tools, a
    :class:`ToolRound` with the assistant message (its text and calls) and the tool results, which
    the caller stores in the conversation. The next round sends them back. After ``max_rounds``
    the tools are no longer offered, so the model has to answer.
    """
    messages = list(request.messages)
    # "the latest screenshot" is the newest capture in the conversation until a tool takes one
    for message in request.messages:
        for image in message.images:
            tools.remember(image)
    for round_number in range(max_rounds + 1):
        offer = tools.specs if round_number < max_rounds else ()
        current = replace(offering(request, offer), messages=tuple(messages))
        text: list[str] = []
        thinking: list[str] = []
        calls: list[ToolCall] = []
        done: Done | None = None
        for event in backend.stream(current, cancel):
            if isinstance(event, ToolCallEvent):
                calls.append(event.call)
            elif isinstance(event, TextDelta):
                text.append(event.text)
            elif isinstance(event, ThinkingDelta):
                thinking.append(event.text)
            if isinstance(event, Done):
                done = event
                continue  # the last Done is the caller's; intermediate ones stay here
            yield event
        ours = [call for call in calls if call.name in {spec.name for spec in tools.specs}]
        if not ours or (cancel is not None and cancel.cancelled) or (done is not None and done.reason is FinishReason.CANCELLED):
            yield done or Done(FinishReason.STOP)
            return
        assistant = Message(
            "assistant", (TextPart("".join(text)),) if text else (), tool_calls=tuple(calls), thinking="".join(thinking)
        )
        results = tuple(tools.run(call) for call in calls if call in ours)
        missing = tuple(
            Message("tool", (TextPart(f"Error: {call.name} is not available here."),), tool_call_id=call.id)
            for call in calls
            if call not in ours
        )
        messages.extend((assistant, *results, *missing))
        yield ToolRound(assistant, results + missing)
    yield Done(FinishReason.STOP)


def capture_backend_grabber(backend: Any, monitors: Callable[[], Sequence[Monitor]] | None = None) -> Grabber:
    """A :data:`Grabber` over the shared capture backend (``desktop_helper.platform.capture``)."""

    def grab(monitor_number: int | None) -> ImagePart:

        from desktop_helper.core.errors import CaptureError

        if monitor_number is None:
            frame = backend.grab_desktop()
        else:
            listed = list(monitors() if monitors is not None else backend.monitors())
            if not 1 <= monitor_number <= len(listed):
                raise CaptureError(
                    t(
                        "There is no monitor {monitor_number}; this computer has {count}.",
                        monitor_number=monitor_number,
                        count=len(listed),
                    )
                )
            frame = backend.grab_monitor(listed[monitor_number - 1])
        return frame_to_part(frame, "screen.png")

    return grab


def capture_backend_region_grabber(backend: Any) -> RegionGrabber:
    """A :data:`RegionGrabber` over the shared capture backend."""

    def grab(rect: Rect) -> ImagePart:
        return frame_to_part(backend.grab(rect), "zoom.png")

    return grab


def frame_to_part(frame: Any, name: str) -> ImagePart:
    """A capture backend frame as a PNG image part with its geometry."""
    from desktop_helper.media.frames import encode_pixels

    return encode_pixels(frame.pixels, geometry=frame.geometry.with_sent_size(frame.width, frame.height), name=name)
