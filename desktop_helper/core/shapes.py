"""Things the overlay can draw on the screen, in global logical pixels; no Qt here.

The grounding flow turns model boxes into :class:`BoxShape` / :class:`PointShape`; the GUI agent
adds arrows, badges and text bubbles to show what it is about to do. The overlay draws whatever
list it is given, so new uses need no change there.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from desktop_helper.core.geometry import Rect

#: Saturated colours that stay distinct from each other and visible on light and dark screens.
PALETTE: tuple[str, ...] = ("#FF2D55", "#00B8F0", "#FFB000", "#34C759", "#AF52DE", "#FF6A00", "#00C7BE", "#3D5AFE")

#: Width of outlines in logical pixels: thick enough to see on a busy screen, thin enough not to hide the target.
LINE_WIDTH = 3.0


def color_for(index: int) -> str:
    """The palette colour of the ``index``-th (0-based) item."""
    return PALETTE[index % len(PALETTE)]


@dataclass(frozen=True)
class BoxShape:
    """An outlined rectangle with an optional label tag and number badge."""

    rect: Rect
    label: str = ""
    color: str = PALETTE[0]
    number: int | None = None
    dashed: bool = False


@dataclass(frozen=True)
class PointShape:
    """A ring with a dot at its center (a model point or a click target)."""

    x: float
    y: float
    label: str = ""
    color: str = PALETTE[0]
    number: int | None = None
    radius: float = 12.0


@dataclass(frozen=True)
class ArrowShape:
    """A straight arrow from (x1, y1) to its head at (x2, y2) (drags, scrolls)."""

    x1: float
    y1: float
    x2: float
    y2: float
    color: str = PALETTE[0]
    label: str = ""


@dataclass(frozen=True)
class TextBubble:
    """A filled rounded box of text whose top-left corner is at (x, y)."""

    x: float
    y: float
    text: str
    color: str = "#202124"


@dataclass(frozen=True)
class Badge:
    """A small filled circle centered at (x, y) with a short text (a step number)."""

    x: float
    y: float
    text: str
    color: str = PALETTE[0]
    radius: float = 11.0


Shape = BoxShape | PointShape | ArrowShape | TextBubble | Badge


def approximate_bounds(shape: Shape, text_height: float = 22.0, char_width: float = 9.0) -> Rect:
    """A rectangle that holds everything the shape paints, for picking the screens to draw on.

    Text extents are estimated (no font metrics in the core), generously.
    """
    pad = LINE_WIDTH * 2
    if isinstance(shape, BoxShape):
        r = shape.rect
        label_width = len(shape.label) * char_width + 2 * text_height
        return Rect(r.x - pad, r.y - pad - text_height, max(r.width, label_width) + 2 * pad, r.height + 2 * pad + text_height)
    if isinstance(shape, PointShape):
        size = shape.radius + pad
        label_width = len(shape.label) * char_width + text_height
        return Rect(shape.x - size, shape.y - size - text_height, max(2 * size, label_width + size), 2 * size + text_height)
    if isinstance(shape, ArrowShape):
        head = 16.0
        return Rect.from_corners(shape.x1, shape.y1, shape.x2, shape.y2).union(
            Rect(shape.x2 - head, shape.y2 - head, 2 * head, 2 * head)
        )
    if isinstance(shape, TextBubble):
        lines = shape.text.splitlines() or [""]
        return Rect(shape.x, shape.y, max(len(line) for line in lines) * char_width + text_height, len(lines) * text_height + 8)
    return Rect(shape.x - shape.radius - 1, shape.y - shape.radius - 1, 2 * shape.radius + 2, 2 * shape.radius + 2)


def arrow_head(shape: ArrowShape, length: float = 14.0, spread_degrees: float = 28.0) -> tuple[tuple[float, float], ...]:
    """The three corners of the arrow's head triangle, tip first."""
    angle = math.atan2(shape.y2 - shape.y1, shape.x2 - shape.x1)
    spread = math.radians(spread_degrees)
    return (
        (shape.x2, shape.y2),
        (shape.x2 - length * math.cos(angle - spread), shape.y2 - length * math.sin(angle - spread)),
        (shape.x2 - length * math.cos(angle + spread), shape.y2 - length * math.sin(angle + spread)),
    )
