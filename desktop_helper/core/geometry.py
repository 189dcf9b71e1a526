"""Screen geometry: monitors, captured rectangles, and the mapping between coordinate spaces.

Four spaces meet here:

* **normalized**: what GLM emits, 0..1000 of the image it was given (x by width, y by height);
* **image**: pixels of the image actually sent to the model (possibly downscaled);
* **physical**: global physical screen pixels, as mss captures and the OS mouse uses;
* **logical**: global Qt logical pixels (device-independent), used to place windows.

The chain is normalized -> image -> captured rectangle (physical) -> logical on the monitor that
holds the point. Qt keeps each screen's top-left at its native (physical) position and scales only
the extent, so for a point on a monitor: ``logical = origin + (physical - origin) / scale``. The
logical rectangles of neighbouring monitors with different scales therefore do not tile: there can
be gaps between them, which is why every logical mapping names the monitor it goes through.

Normalized coordinates are edge based: 0 is the left edge of the image's first pixel column and
1000 the right edge of its last, so a full-image box covers the whole captured rectangle.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

NORMALIZED_SCALE = 1000.0


@dataclass(frozen=True)
class Rect:
    """An axis-aligned rectangle; ``x, y`` is the top-left corner."""

    x: float
    y: float
    width: float
    height: float

    @staticmethod
    def from_corners(x1: float, y1: float, x2: float, y2: float) -> Rect:
        """The rectangle spanned by two corners, in any order."""
        left, top = min(x1, x2), min(y1, y2)
        return Rect(left, top, max(x1, x2) - left, max(y1, y2) - top)

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    @property
    def center(self) -> tuple[float, float]:
        return self.x + self.width / 2, self.y + self.height / 2

    @property
    def empty(self) -> bool:
        return self.width <= 0 or self.height <= 0

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x < self.right and self.y <= y < self.bottom

    def intersects(self, other: Rect) -> bool:
        return self.x < other.right and other.x < self.right and self.y < other.bottom and other.y < self.bottom

    def intersection(self, other: Rect) -> Rect | None:
        """The overlap of two rectangles, or None when they do not overlap."""
        left, top = max(self.x, other.x), max(self.y, other.y)
        right, bottom = min(self.right, other.right), min(self.bottom, other.bottom)
        if right <= left or bottom <= top:
            return None
        return Rect(left, top, right - left, bottom - top)

    def union(self, other: Rect) -> Rect:
        """The smallest rectangle holding both."""
        left, top = min(self.x, other.x), min(self.y, other.y)
        return Rect(left, top, max(self.right, other.right) - left, max(self.bottom, other.bottom) - top)

    def translated(self, dx: float, dy: float) -> Rect:
        return Rect(self.x + dx, self.y + dy, self.width, self.height)

    def distance_to(self, x: float, y: float) -> float:
        """Euclidean distance from the point to the rectangle (0 inside)."""
        dx = max(self.x - x, 0.0, x - self.right)
        dy = max(self.y - y, 0.0, y - self.bottom)
        return math.hypot(dx, dy)

    def as_ints(self) -> tuple[int, int, int, int]:
        return round(self.x), round(self.y), round(self.width), round(self.height)


@dataclass(frozen=True)
class Monitor:
    """One monitor of the virtual desktop.

    Attributes:
        id: stable index of the monitor in the capture backend's list (1-based like mss).
        name: human-readable name ("DP-1", "Built-in Retina Display", ...).
        physical: the monitor's rectangle in global physical pixels.
        scale: device pixel ratio (1.0, 1.25, 1.5, 2.0, ...).
        primary: whether the OS calls it the primary monitor.
    """

    id: int
    name: str
    physical: Rect
    scale: float = 1.0
    primary: bool = False

    def __post_init__(self) -> None:
        if not self.scale > 0:
            raise ValueError(f"monitor scale must be positive, not {self.scale!r}")

    @property
    def logical(self) -> Rect:
        """The monitor in global logical pixels: same origin, extent divided by the scale."""
        p = self.physical
        return Rect(p.x, p.y, p.width / self.scale, p.height / self.scale)

    def physical_to_logical(self, x: float, y: float) -> tuple[float, float]:
        p = self.physical
        return p.x + (x - p.x) / self.scale, p.y + (y - p.y) / self.scale

    def logical_to_physical(self, x: float, y: float) -> tuple[float, float]:
        p = self.physical
        return p.x + (x - p.x) * self.scale, p.y + (y - p.y) * self.scale

    def physical_rect_to_logical(self, rect: Rect) -> Rect:
        x, y = self.physical_to_logical(rect.x, rect.y)
        return Rect(x, y, rect.width / self.scale, rect.height / self.scale)

    def logical_rect_to_physical(self, rect: Rect) -> Rect:
        x, y = self.logical_to_physical(rect.x, rect.y)
        return Rect(x, y, rect.width * self.scale, rect.height * self.scale)


@dataclass(frozen=True)
class CaptureGeometry:
    """Where a captured image came from, and the size it had when sent to the model.

    Attributes:
        monitor: the monitor the capture was taken on (a region never spans monitors;
            a whole-desktop capture uses a synthetic monitor covering the union at scale 1
            and lists the real monitors in ``desktop``).
        rect: the captured rectangle in global physical pixels.
        sent_size: (width, height) of the image given to the model, once known.
        content: the part of the sent image, in its pixels, that shows ``rect``; None when the
            whole image does (a plain resize). Set it when the image was padded to a size the
            model prefers, so padding is not mistaken for screen.
        desktop: every monitor, for captures spanning several: logical coordinates then go
            through the monitor holding each point rather than the synthetic one.
    """

    monitor: Monitor
    rect: Rect
    sent_size: tuple[int, int] | None = None
    content: Rect | None = None
    desktop: tuple[Monitor, ...] = ()

    def with_sent_size(self, width: int, height: int, content: Rect | None = None) -> CaptureGeometry:
        return replace(self, sent_size=(width, height), content=content)

    # -- normalized <-> image ------------------------------------------------------------

    def _image_content(self) -> Rect:
        if self.content is not None:
            return self.content
        if self.sent_size is None:
            raise ValueError("the size of the sent image is not known yet")
        return Rect(0, 0, *self.sent_size)

    def normalized_to_image(self, nx: float, ny: float, scale: float = NORMALIZED_SCALE) -> tuple[float, float]:
        """Map a model coordinate to pixels of the sent image.

        Raises:
            ValueError: if ``sent_size`` is not known.
        """
        if self.sent_size is None:
            raise ValueError("the size of the sent image is not known yet")
        x, y = normalized_to_pixels((nx, ny), *self.sent_size, scale=scale)
        return x, y

    def image_to_physical(self, ix: float, iy: float) -> tuple[float, float]:
        """Map a pixel of the sent image to global physical pixels.

        Raises:
            ValueError: if ``sent_size`` is not known.
        """
        content = self._image_content()
        if content.empty:
            raise ValueError("the sent image has no content area")
        return (
            self.rect.x + (ix - content.x) * self.rect.width / content.width,
            self.rect.y + (iy - content.y) * self.rect.height / content.height,
        )

    def physical_to_image(self, x: float, y: float) -> tuple[float, float]:
        """Map global physical pixels to pixels of the sent image (inverse of :meth:`image_to_physical`)."""
        content = self._image_content()
        if self.rect.empty:
            raise ValueError("the captured rectangle is empty")
        return (
            content.x + (x - self.rect.x) * content.width / self.rect.width,
            content.y + (y - self.rect.y) * content.height / self.rect.height,
        )

    # -- normalized <-> physical ---------------------------------------------------------

    def normalized_to_physical(self, nx: float, ny: float, scale: float = NORMALIZED_SCALE) -> tuple[float, float]:
        """Map a model coordinate (0..``scale`` of the sent image) to global physical pixels.

        When the sent image is a plain resize of ``rect`` its size cancels out, so this works
        before ``sent_size`` is known; with padding (``content``) it goes through image pixels.
        """
        if self.content is not None and self.sent_size is not None:
            return self.image_to_physical(*self.normalized_to_image(nx, ny, scale))
        return self.rect.x + nx / scale * self.rect.width, self.rect.y + ny / scale * self.rect.height

    def physical_to_normalized(self, x: float, y: float, scale: float = NORMALIZED_SCALE) -> tuple[float, float]:
        """Inverse of :meth:`normalized_to_physical`."""
        if self.content is not None and self.sent_size is not None:
            ix, iy = self.physical_to_image(x, y)
            width, height = self.sent_size
            return ix / width * scale, iy / height * scale
        if self.rect.empty:
            raise ValueError("the captured rectangle is empty")
        return (x - self.rect.x) / self.rect.width * scale, (y - self.rect.y) / self.rect.height * scale

    def normalized_rect_to_physical(
        self, x1: float, y1: float, x2: float, y2: float, scale: float = NORMALIZED_SCALE
    ) -> Rect:
        """Map a model box to a rectangle in global physical pixels."""
        left, top = self.normalized_to_physical(x1, y1, scale)
        right, bottom = self.normalized_to_physical(x2, y2, scale)
        return Rect.from_corners(left, top, right, bottom)

    def normalized_to_mouse(self, nx: float, ny: float, scale: float = NORMALIZED_SCALE) -> tuple[int, int]:
        """The physical pixel a click at a model coordinate should land on.

        Truncates to the pixel containing the point and keeps it inside the captured rectangle:
        1000 is the right *edge*, one past the last pixel, and clicking there would hit the next
        monitor.
        """
        x, y = self.normalized_to_physical(nx, ny, scale)
        left, top = math.floor(self.rect.x), math.floor(self.rect.y)
        right, bottom = math.ceil(self.rect.right) - 1, math.ceil(self.rect.bottom) - 1
        return min(max(math.floor(x), left), right), min(max(math.floor(y), top), bottom)

    # -- physical -> logical -------------------------------------------------------------

    def monitor_for_physical(self, x: float, y: float) -> Monitor:
        """The monitor whose scale applies at a physical point of this capture."""
        if self.desktop:
            return nearest_monitor(self.desktop, x, y)
        return self.monitor

    def physical_to_logical(self, x: float, y: float) -> tuple[float, float]:
        return self.monitor_for_physical(x, y).physical_to_logical(x, y)

    def normalized_to_logical(self, nx: float, ny: float, scale: float = NORMALIZED_SCALE) -> tuple[float, float]:
        return self.physical_to_logical(*self.normalized_to_physical(nx, ny, scale))

    def normalized_rect_to_logical(
        self, x1: float, y1: float, x2: float, y2: float, scale: float = NORMALIZED_SCALE
    ) -> Rect:
        """Map a model box to global logical pixels, through the monitor holding its center.

        Both corners go through the same monitor so a box keeps its shape even when it
        straddles two monitors of different scales.
        """
        return self.physical_rect_to_logical(self.normalized_rect_to_physical(x1, y1, x2, y2, scale))

    def physical_rect_to_logical(self, rect: Rect) -> Rect:
        """Map a physical rectangle of this capture to global logical pixels, through the monitor
        holding its center (see :meth:`normalized_rect_to_logical`)."""
        return self.monitor_for_physical(*rect.center).physical_rect_to_logical(rect)


def normalized_to_pixels(
    coords: Sequence[float], width: float, height: float, *, scale: float = NORMALIZED_SCALE
) -> tuple[float, ...]:
    """Model coordinates (x, y pairs, 0..``scale`` of the image the model saw) in pixels of an image of
    ``width`` x ``height`` (the sent image, or any uniform resize of it such as a thumbnail).

    The one place that turns the model's numbers into image pixels; screen pixels go through
    :meth:`CaptureGeometry.normalized_to_physical`, which knows where the image came from.
    """
    return tuple(value / scale * (width if index % 2 == 0 else height) for index, value in enumerate(coords))


def monitor_at(monitors: Sequence[Monitor], x: float, y: float) -> Monitor | None:
    """The monitor containing the physical point, if any."""
    for monitor in monitors:
        if monitor.physical.contains(x, y):
            return monitor
    return None


def nearest_monitor(monitors: Sequence[Monitor], x: float, y: float) -> Monitor:
    """The monitor containing the physical point, else the closest one.

    Raises:
        ValueError: if ``monitors`` is empty.
    """
    if not monitors:
        raise ValueError("no monitors")
    return min(monitors, key=lambda m: m.physical.distance_to(x, y))


def monitor_at_logical(monitors: Sequence[Monitor], x: float, y: float) -> Monitor | None:
    """The monitor whose logical rectangle contains the logical point, if any."""
    for monitor in monitors:
        if monitor.logical.contains(x, y):
            return monitor
    return None


def logical_to_physical(monitors: Sequence[Monitor], x: float, y: float) -> tuple[float, float]:
    """Map a global logical point (a Qt position) to global physical pixels (for the mouse).

    Raises:
        ValueError: if the point is on no monitor (logical rectangles can leave gaps).
    """
    monitor = monitor_at_logical(monitors, x, y)
    if monitor is None:
        raise ValueError(f"logical point ({x:g}, {y:g}) is on no monitor")
    return monitor.logical_to_physical(x, y)


def virtual_desktop(monitors: Sequence[Monitor]) -> Rect:
    """The bounding rectangle of all monitors in physical pixels (not necessarily all screen).

    Raises:
        ValueError: if ``monitors`` is empty.
    """
    if not monitors:
        raise ValueError("no monitors")
    result = monitors[0].physical
    for monitor in monitors[1:]:
        result = result.union(monitor.physical)
    return result
