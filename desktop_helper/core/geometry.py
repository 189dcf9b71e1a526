"""Screen geometry: monitors, captured rectangles, and the mapping between coordinate spaces.

Four spaces meet here:

* **normalized**: what GLM emits, 0..1000 of the image it was given (x by width, y by height);
* **image**: pixels of the image actually sent to the model (possibly downscaled);
* **physical**: global physical screen pixels, as mss captures and the OS mouse uses;
* **logical**: global Qt logical pixels (device-independent), used to place windows.

Qt keeps each screen's top-left at its native (physical) position and scales only the extent,
so for a point on a monitor: ``logical = origin + (physical - origin) / scale``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Rect:
    """An axis-aligned rectangle; ``x, y`` is the top-left corner."""

    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x < self.right and self.y <= y < self.bottom

    def intersects(self, other: Rect) -> bool:
        return self.x < other.right and other.x < self.right and self.y < other.bottom and other.y < self.bottom

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


@dataclass(frozen=True)
class CaptureGeometry:
    """Where a captured image came from, and the size it had when sent to the model.

    Attributes:
        monitor: the monitor the capture was taken on (a region never spans monitors;
            a whole-desktop capture uses a synthetic monitor covering the union at scale 1).
        rect: the captured rectangle in global physical pixels.
        sent_size: (width, height) of the image given to the model, once known.
    """

    monitor: Monitor
    rect: Rect
    sent_size: tuple[int, int] | None = None

    def with_sent_size(self, width: int, height: int) -> CaptureGeometry:
        return replace(self, sent_size=(width, height))

    def normalized_to_physical(self, nx: float, ny: float, scale: float = 1000.0) -> tuple[float, float]:
        """Map a model coordinate (0..``scale`` of the sent image) to global physical pixels.

        The sent image is a uniform resize of ``rect`` so the image size cancels out; it is
        still recorded so callers can report image pixels.
        """
        return self.rect.x + nx / scale * self.rect.width, self.rect.y + ny / scale * self.rect.height

    def normalized_to_logical(self, nx: float, ny: float, scale: float = 1000.0) -> tuple[float, float]:
        return self.monitor.physical_to_logical(*self.normalized_to_physical(nx, ny, scale))

    def physical_to_normalized(self, x: float, y: float, scale: float = 1000.0) -> tuple[float, float]:
        return (x - self.rect.x) / self.rect.width * scale, (y - self.rect.y) / self.rect.height * scale


def monitor_at(monitors: list[Monitor], x: float, y: float) -> Monitor | None:
    """The monitor containing the physical point, if any."""
    for monitor in monitors:
        if monitor.physical.contains(x, y):
            return monitor
    return None
