"""Freeze-frame region selector: one window per monitor showing what was on screen when it opened.

The user drags a rectangle, adjusts it by its handles or the arrow keys (Shift: 10 px; Ctrl or
Alt: resize), or clicks to take the window under the cursor. Esc cancels; Enter confirms, and so
does releasing the mouse after a drag when ``confirm_on_release`` is on. ``L`` brings back the
last region.

The selection lives in global *physical* pixels on one monitor (a region never spans monitors),
so the result crops exactly the pixels the user saw from the frozen capture. Each window shows
its monitor's frozen image with the monitor's device pixel ratio, so the image is drawn 1:1 on
mixed-DPI desktops, and converts its local logical positions with that monitor's scale:
``physical = monitor origin + local * scale`` (Qt keeps every screen's top-left at its native position).

Signals (GUI thread):
    selected(object): the chosen :class:`~desktop_helper.core.geometry.Rect` (global physical px).
    cancelled(): Esc, or every window closed.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QEvent, QObject, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen, QScreen
from PySide6.QtWidgets import QApplication, QWidget

from desktop_helper.core.geometry import Monitor, Rect
from desktop_helper.platform.capture.base import Frame
from desktop_helper.platform.window_list import WindowInfo, window_at

HANDLE = 8  # logical px
CLICK_SLOP = 3  # physical px a press may move and still count as a click


def physical_rect_of(screen: QScreen) -> tuple[int, int, int, int]:
    """A Qt screen's rectangle in physical pixels (native origin, extent times the DPR)."""
    geometry = screen.geometry()
    ratio = screen.devicePixelRatio()
    return geometry.x(), geometry.y(), round(geometry.width() * ratio), round(geometry.height() * ratio)


def screen_scales() -> dict[tuple[int, int, int, int], float]:
    """Physical rectangle -> device pixel ratio of every Qt screen (to give to capture backends)."""
    return {physical_rect_of(screen): screen.devicePixelRatio() for screen in QGuiApplication.screens()}


def local_to_physical(monitor: Monitor, x: float, y: float) -> tuple[float, float]:
    """A window-local logical position on ``monitor`` to global physical pixels."""
    return monitor.physical.x + x * monitor.scale, monitor.physical.y + y * monitor.scale


def physical_to_local(monitor: Monitor, rect: Rect) -> QRectF:
    s = monitor.scale
    return QRectF((rect.x - monitor.physical.x) / s, (rect.y - monitor.physical.y) / s, rect.width / s, rect.height / s)


def clamp_to(rect: Rect, bounds: Rect) -> Rect:
    left = min(max(rect.x, bounds.x), bounds.right)
    top = min(max(rect.y, bounds.y), bounds.bottom)
    right = min(max(rect.right, bounds.x), bounds.right)
    bottom = min(max(rect.bottom, bounds.y), bounds.bottom)
    return Rect(left, top, right - left, bottom - top)


def to_image(pixels: np.ndarray, scale: float) -> QImage:
    """A QImage sharing a BGRA array (kept alive by the caller), drawn at ``1/scale`` logical size."""
    height, width = pixels.shape[:2]
    image = QImage(pixels.data, width, height, pixels.strides[0], QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(scale)
    return image


class _MonitorWindow(QWidget):
    def __init__(self, selector: RegionSelector, screen: QScreen, frame: Frame) -> None:
        flags = Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint | Qt.WindowType.Tool
        if QGuiApplication.platformName() == "xcb":
            # override-redirect: no window manager may decorate, move or stack panels above the
            # freeze frame (other override-redirect windows, e.g. menus, would otherwise cover it)
            flags |= Qt.WindowType.X11BypassWindowManagerHint
        super().__init__(None, flags)
        self.setObjectName("region_selector")
        self.setWindowTitle(self.tr("Select a region"))
        self.selector = selector
        self.frame = frame
        self.monitor = frame.geometry.monitor
        self._pixels = np.ascontiguousarray(frame.pixels)
        self.image = to_image(self._pixels, self.monitor.scale)
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def physical(self, event: QMouseEvent) -> tuple[float, float]:
        position = event.position()
        return local_to_physical(self.monitor, position.x(), position.y())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.drawImage(QPointF(0, 0), self.image)
        painter.fillRect(self.rect(), QColor(0, 0, 0, 110))
        selection = self.selector.selection
        snap = self.selector.snap
        if selection is not None and self.selector.selection_monitor == self.monitor:
            local = physical_to_local(self.monitor, selection)
            painter.drawImage(
                local,
                self.image,
                QRectF(
                    selection.x - self.monitor.physical.x,
                    selection.y - self.monitor.physical.y,
                    selection.width,
                    selection.height,
                ),
            )
            painter.setPen(QPen(QColor("#3b82f6"), 2))
            painter.drawRect(local)
            painter.setBrush(QColor("#3b82f6"))
            for handle in self.selector.handles(local):
                painter.drawRect(handle)
            label = f"{round(selection.width)} × {round(selection.height)}"
            painter.setFont(QFont(painter.font().family(), 10))
            metrics = painter.fontMetrics()
            box = QRect(0, 0, metrics.horizontalAdvance(label) + 12, metrics.height() + 6)
            box.moveTopLeft(QRectF(local).topLeft().toPoint() + (QPointF(0, -box.height() - 4)).toPoint())
            if box.top() < 0:
                box.moveTop(round(local.bottom()) + 4)
            painter.fillRect(box, QColor(17, 24, 39, 220))
            painter.setPen(QColor("white"))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)
        else:
            if snap is not None:
                bounded = snap.intersection(self.monitor.physical)
                if bounded is not None:
                    painter.setPen(QPen(QColor("#f59e0b"), 2, Qt.PenStyle.DashLine))
                    painter.drawRect(physical_to_local(self.monitor, bounded))
            self._draw_hint(painter)
        painter.end()

    def _draw_hint(self, painter: QPainter) -> None:
        """How to use it, at the top of every monitor until a selection exists."""
        hint = self.tr("Drag to select · click a window to take it · Enter to confirm · Esc to cancel")
        if self.selector.last_region is not None:
            hint += self.tr(" · L: last region")
        painter.setFont(QFont(painter.font().family(), 11))
        metrics = painter.fontMetrics()
        box = QRect(0, 0, metrics.horizontalAdvance(hint) + 24, metrics.height() + 12)
        box.moveCenter(self.rect().center())
        box.moveTop(24)
        painter.fillRect(box, QColor(17, 24, 39, 220))
        painter.setPen(QColor("white"))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, hint)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.selector.press(self, *self.physical(event), event.position())
        elif event.button() == Qt.MouseButton.RightButton:
            self.selector.cancel()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self.selector.move(self, *self.physical(event))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.selector.release(self, *self.physical(event))


class RegionSelector(QObject):
    """Shows the freeze-frame windows and reports the chosen region.

    Args:
        frames: one frozen capture per monitor (their geometry's monitor carries its scale).
        windows: top-level windows (physical rectangles), topmost first, to snap to.
        last_region: the previous selection, restored with ``L``.
        confirm_on_release: finish as soon as a drag ends.
    """

    selected = Signal(object)
    cancelled = Signal()

    def __init__(
        self,
        frames: Sequence[Frame],
        windows: Sequence[WindowInfo] = (),
        last_region: Rect | None = None,
        confirm_on_release: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.frames = list(frames)
        self.windows = list(windows)
        self.last_region = last_region
        self.confirm_on_release = confirm_on_release
        self.selection: Rect | None = None
        self.selection_monitor: Monitor | None = None
        self.snap: Rect | None = None
        self._mode = ""  # "", "new", "move", or a handle name
        self._anchor = (0.0, 0.0)
        self._start_selection: Rect | None = None
        self._moved = False
        self._done = False
        self.views: list[_MonitorWindow] = []

    def show(self) -> None:
        screens = {physical_rect_of(s): s for s in QGuiApplication.screens()}
        for frame in self.frames:
            screen = screens.get(frame.geometry.monitor.physical.as_ints())
            if screen is None:  # a monitor Qt does not know (unplugged meanwhile): nothing to show there
                continue
            view = _MonitorWindow(self, screen, frame)
            self.views.append(view)
            view.show()
        if not self.views:
            self.cancel()
            return
        cursor = QGuiApplication.primaryScreen()
        target = self.views[0]
        for view in self.views:
            if view.screen() is cursor:
                target = view
        for view in self.views:
            view.raise_()
        target.activateWindow()
        target.setFocus()
        # keys must reach us even though no window manager gave the overlay the focus
        target.grabKeyboard()
        # the grabbed keys arrive at whichever of our windows Qt believes focused (the chat, if its
        # input had the focus), whose shortcuts would take Escape: while open, every key is ours
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and self.views:
            event.accept()  # no shortcut of another window fires; the key comes as a key press
            return True
        if event.type() == QEvent.Type.KeyPress and self.views and isinstance(event, QKeyEvent):
            self.key(event)
            return True
        return False

    # ----- geometry helpers
    def handles(self, local: QRectF) -> list[QRectF]:
        h = HANDLE
        xs = (local.left(), local.center().x(), local.right())
        ys = (local.top(), local.center().y(), local.bottom())
        return [QRectF(x - h / 2, y - h / 2, h, h) for y in ys for x in xs if not (x == xs[1] and y == ys[1])]

    def _handle_at(self, view: _MonitorWindow, position: QPointF) -> str:
        if self.selection is None or self.selection_monitor != view.monitor:
            return ""
        names = ("nw", "n", "ne", "w", "e", "sw", "s", "se")
        for name, handle in zip(names, self.handles(physical_to_local(view.monitor, self.selection)), strict=True):
            if handle.adjusted(-3, -3, 3, 3).contains(position):
                return name
        if physical_to_local(view.monitor, self.selection).contains(position):
            return "move"
        return ""

    def _set(self, rect: Rect, monitor: Monitor) -> None:
        snapped = Rect(
            math.floor(rect.x),
            math.floor(rect.y),
            math.ceil(rect.right) - math.floor(rect.x),
            math.ceil(rect.bottom) - math.floor(rect.y),
        )
        self.selection = clamp_to(snapped, monitor.physical)
        self.selection_monitor = monitor
        self._update()

    def _update(self) -> None:
        for view in self.views:
            view.update()

    # ----- input
    def press(self, view: _MonitorWindow, x: float, y: float, local: QPointF) -> None:
        mode = self._handle_at(view, local)
        self._anchor = (x, y)
        self._moved = False
        self._start_selection = self.selection
        if mode:
            self._mode = mode
        else:
            self._mode = "new"
            self.selection_monitor = view.monitor

    def move(self, view: _MonitorWindow, x: float, y: float) -> None:
        if not self._mode:
            window = window_at(self.windows, x, y)
            snap = window.rect if window is not None else None
            if snap != self.snap:
                self.snap = snap
                self._update()
            return
        ax, ay = self._anchor
        if abs(x - ax) > CLICK_SLOP or abs(y - ay) > CLICK_SLOP:
            self._moved = True
        if not self._moved:
            return
        monitor = self.selection_monitor or view.monitor
        if self._mode == "new":
            self._set(Rect.from_corners(ax, ay, x, y), monitor)
        elif self._mode == "move" and self._start_selection is not None:
            start = self._start_selection
            dx = min(max(x - ax, monitor.physical.x - start.x), monitor.physical.right - start.right)
            dy = min(max(y - ay, monitor.physical.y - start.y), monitor.physical.bottom - start.bottom)
            self._set(start.translated(round(dx), round(dy)), monitor)
        elif self._start_selection is not None:
            start = self._start_selection
            left, top, right, bottom = start.x, start.y, start.right, start.bottom
            if "w" in self._mode:
                left = x
            if "e" in self._mode:
                right = x
            if "n" in self._mode:
                top = y
            if "s" in self._mode:
                bottom = y
            self._set(Rect.from_corners(left, top, right, bottom), monitor)

    def release(self, view: _MonitorWindow, x: float, y: float) -> None:
        mode, self._mode = self._mode, ""
        if mode == "new" and not self._moved:
            # a click: take the window under the cursor, or the whole monitor if none
            window = window_at(self.windows, x, y)
            target = window.rect.intersection(view.monitor.physical) if window is not None and window.rect is not None else None
            self._set(target or view.monitor.physical, view.monitor)
            if self.confirm_on_release:
                self.confirm()
            return
        if mode == "new" and self.confirm_on_release and self.selection is not None and not self.selection.empty:
            self.confirm()

    def key(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.cancel()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.selection is None and self.snap is not None and self.views:
                monitor = self.views[0].monitor
                for view in self.views:
                    if view.monitor.physical.intersects(self.snap):
                        monitor = view.monitor
                        break
                bounded = self.snap.intersection(monitor.physical)
                if bounded is not None:
                    self._set(bounded, monitor)
            self.confirm()
            return
        if key == Qt.Key.Key_L and self.last_region is not None:
            for view in self.views:
                if view.monitor.physical.intersects(self.last_region):
                    self._set(self.last_region, view.monitor)
                    return
            return
        arrows = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
        if key in arrows and self.selection is not None and self.selection_monitor is not None:
            dx, dy = arrows[Qt.Key(key)]
            modifiers = event.modifiers()
            step = 10 if modifiers & Qt.KeyboardModifier.ShiftModifier else 1
            rect = self.selection
            if modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
                rect = Rect(rect.x, rect.y, max(1, rect.width + dx * step), max(1, rect.height + dy * step))
            else:
                bounds = self.selection_monitor.physical
                nx = min(max(rect.x + dx * step, bounds.x), bounds.right - rect.width)
                ny = min(max(rect.y + dy * step, bounds.y), bounds.bottom - rect.height)
                rect = Rect(nx, ny, rect.width, rect.height)
            self._set(rect, self.selection_monitor)

    # ----- outcome
    def confirm(self) -> None:
        if self._done or self.selection is None or self.selection.empty:
            return
        self._done = True
        selection = self.selection
        self.close()
        self.selected.emit(selection)

    def cancel(self) -> None:
        if self._done:
            return
        self._done = True
        self.close()
        self.cancelled.emit()

    def close(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        for view in self.views:
            view.releaseKeyboard()
            view.hide()
            view.deleteLater()
        self.views = []

    def frame_for(self, rect: Rect) -> Frame:
        """The frozen pixels of a selection (exactly what the user saw)."""
        for frame in self.frames:
            if frame.geometry.rect.intersection(rect) == rect:
                return frame.crop(rect)
        raise ValueError(f"{rect} is not inside one frozen monitor")
