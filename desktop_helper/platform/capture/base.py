"""The capture interface: monitors, frames and the backends that grab them.

A backend grabs physical pixels. It knows each monitor's origin and size in physical pixels but
not always its scale (X11 and mss do not report it), so the UI, which knows Qt's device pixel
ratios, passes them in with :func:`apply_scales`. Every :class:`Frame` carries a
:class:`~desktop_helper.core.geometry.CaptureGeometry` so the model's coordinates can be mapped
back to the exact screen pixels later.
"""

from __future__ import annotations

import abc
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import numpy as np

from desktop_helper.core.errors import CaptureError
from desktop_helper.core.geometry import CaptureGeometry, Monitor, Rect, virtual_desktop
from desktop_helper.core.i18n import t


@dataclass(frozen=True)
class Frame:
    """Captured pixels and where they came from.

    Attributes:
        pixels: ``height x width x 4`` uint8 array in BGRA order (what mss and most OS APIs give).
        geometry: the monitor and the captured rectangle in global physical pixels.
    """

    pixels: np.ndarray
    geometry: CaptureGeometry

    @property
    def width(self) -> int:
        return int(self.pixels.shape[1])

    @property
    def height(self) -> int:
        return int(self.pixels.shape[0])

    def rgb(self) -> np.ndarray:
        """The pixels as an ``height x width x 3`` RGB array (a copy)."""
        return np.ascontiguousarray(self.pixels[:, :, 2::-1])

    def crop(self, rect: Rect) -> Frame:
        """The part of this frame showing ``rect`` (global physical pixels, inside the frame).

        Raises:
            CaptureError: if ``rect`` is not inside the captured rectangle.
        """
        own = self.geometry.rect
        inside = own.intersection(rect)
        if inside is None or inside != rect:
            raise CaptureError(
                t("The region {as_ints} is outside the captured area {as_ints2}.", as_ints=rect.as_ints(), as_ints2=own.as_ints())
            )
        x, y = round(rect.x - own.x), round(rect.y - own.y)
        w, h = round(rect.width), round(rect.height)
        pixels = self.pixels[y : y + h, x : x + w]
        geometry = replace(self.geometry, rect=Rect(own.x + x, own.y + y, w, h), sent_size=None, content=None)
        if geometry.desktop:
            # a region of a whole-desktop frame belongs to the monitor holding its center
            center = geometry.monitor_for_physical(*geometry.rect.center)
            geometry = replace(geometry, monitor=center, desktop=())
        return Frame(pixels, geometry)


class CaptureBackend(abc.ABC):
    """Grabs screen pixels. Backends may be used from one thread only unless they say otherwise."""

    #: short name shown in logs and messages
    name: str = "capture"
    #: every grab asks the desktop (and may show a prompt): never grab ahead of time, e.g. to warm up
    slow: bool = False

    @abc.abstractmethod
    def monitors(self) -> list[Monitor]:
        """The monitors of the desktop, fresh from the OS (a monitor may have been unplugged)."""

    @abc.abstractmethod
    def grab(self, rect: Rect, monitor: Monitor | None = None) -> Frame:
        """Capture ``rect`` (global physical pixels).

        Args:
            rect: what to capture; must lie on the desktop.
            monitor: the monitor it belongs to (found from ``rect`` when None).

        Raises:
            CaptureError: the display is gone, the region is off every monitor, permission denied.
        """

    def grab_monitor(self, monitor: Monitor) -> Frame:
        return self.grab(monitor.physical, monitor)

    def grab_monitors(self, monitors: Sequence[Monitor]) -> list[Frame]:
        """One frame per monitor, taken together (a backend that shoots the whole desktop shoots once)."""
        return [self.grab_monitor(monitor) for monitor in monitors]

    def grab_desktop(self) -> Frame:
        """The whole virtual desktop as one frame, with every monitor in its geometry."""
        monitors = self.monitors()
        if not monitors:
            raise CaptureError(t("No monitor was found."), t("Check that a display is connected."))
        if len(monitors) == 1:
            return self.grab_monitor(monitors[0])
        union = virtual_desktop(monitors)
        synthetic = Monitor(0, "desktop", union, 1.0, False)
        frame = self.grab(union, synthetic)
        return Frame(frame.pixels, replace(frame.geometry, desktop=tuple(monitors)))

    def close(self) -> None:  # noqa: B027 - most backends hold nothing
        """Release OS resources; the backend is not used afterwards."""

    # ----- optional features: the defaults do nothing, or say the feature is missing

    def set_scales(self, scales: dict[tuple[int, int, int, int], float]) -> None:  # noqa: B027 - optional
        """The device pixel ratio the UI found for each monitor, by physical (x, y, width, height).

        For backends that cannot ask the OS for the scales (X11, mss); others ignore it.
        """

    def set_monitors(self, monitors: list[Monitor]) -> None:  # noqa: B027 - optional
        """The desktop's monitors as the UI sees them, for backends that cannot list them (Wayland)."""

    def release_thread(self) -> None:  # noqa: B027 - optional
        """Free what the calling thread holds (call before a worker thread that grabbed ends)."""

    def recording_backend(self, scales: dict[tuple[int, int, int, int], float]) -> CaptureBackend:
        """A new backend of the same display for a recording's own thread, able to :meth:`grab_bgr`.

        Raises:
            CaptureError: this backend cannot record.
        """
        raise CaptureError(
            t("Recording is not available with the {name} capture backend.", name=self.name),
            t("Recording needs X11, Windows or macOS; on Wayland use your desktop's screen recorder."),
        )

    def grab_bgr(self, rect: Rect, out: np.ndarray) -> None:
        """Write the BGR pixels of ``rect``'s top-left ``out``-sized part into ``out`` (recordings).

        Raises:
            CaptureError: this backend cannot record.
        """
        self.recording_backend({})


def apply_scales(monitors: Sequence[Monitor], scales: dict[tuple[int, int, int, int], float]) -> list[Monitor]:
    """``monitors`` with the device pixel ratio the UI found for each, matched by physical rectangle.

    Args:
        monitors: monitors as a backend reports them (scale 1 when it cannot know better).
        scales: (x, y, width, height) in physical pixels -> device pixel ratio.
    """
    result = []
    for monitor in monitors:
        scale = scales.get(monitor.physical.as_ints())
        result.append(replace(monitor, scale=scale) if scale else monitor)
    return result


def find_monitor(monitors: Iterable[Monitor], wanted: Monitor) -> Monitor | None:
    """The monitor in ``monitors`` with the same physical rectangle as ``wanted`` (it may have moved or gone)."""
    for monitor in monitors:
        if monitor.physical.as_ints() == wanted.physical.as_ints():
            return monitor
    return None


def monitor_for_rect(monitors: Sequence[Monitor], rect: Rect) -> Monitor:
    """The monitor a region belongs to: the one holding most of it.

    Raises:
        CaptureError: if the region is on no monitor (e.g. it was unplugged).
    """
    best, best_area = None, 0.0
    for monitor in monitors:
        overlap = monitor.physical.intersection(rect)
        if overlap is not None and overlap.width * overlap.height > best_area:
            best, best_area = monitor, overlap.width * overlap.height
    if best is None:
        raise CaptureError(
            t("The region {as_ints} is on no monitor; was a monitor unplugged?", as_ints=rect.as_ints()),
            t("Select the region again."),
        )
    return best
