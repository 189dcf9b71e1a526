"""What a running recording shows on the screen: a border around the recorded area, a timer and a Stop button.

Every piece sits outside the recorded rectangle, so none of it can appear in the video. When the
rectangle fills its monitor there is no outside there: the bar goes to another monitor if there is
one, else only the tray shows the recording (its menu has the time and Stop).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop_helper.core.geometry import Monitor, Rect
from desktop_helper.ui.icons import action_icon
from desktop_helper.ui.theme import colours

#: border thickness and its distance from the recorded area, in logical pixels
BORDER = 3
GAP = 2


class _Strip(QWidget):
    """One side of the border: click-through, always on top, never focused."""

    def __init__(self) -> None:
        super().__init__(
            None,
            Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
            | Qt.WindowType.Tool
            | Qt.WindowType.X11BypassWindowManagerHint
            | Qt.WindowType.WindowTransparentForInput
            | Qt.WindowType.WindowDoesNotAcceptFocus,
        )
        self.setObjectName("recording_border")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(colours()["recording"]))
        self.setPalette(palette)


class RecordingBar(QFrame):
    """The timer and Stop button. Signals (GUI thread): stop_clicked()."""

    stop_clicked = Signal()

    def __init__(self) -> None:
        super().__init__(
            None,
            Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
            | Qt.WindowType.Tool
            | Qt.WindowType.X11BypassWindowManagerHint
            | Qt.WindowType.WindowDoesNotAcceptFocus,
        )
        self.setObjectName("recording_bar")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        dot = QLabel("●", self)
        dot.setObjectName("recording_time")
        self.time = QLabel("0:00", self)
        self.time.setObjectName("recording_time")
        self.stop = QPushButton(action_icon("stop"), self.tr("Stop"), self)
        self.stop.setObjectName("recording_stop")
        self.stop.setToolTip(self.tr("Stop the recording and save it"))
        self.stop.clicked.connect(self.stop_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 4, 4)
        layout.addWidget(dot)
        layout.addWidget(self.time)
        layout.addWidget(self.stop)

    def set_seconds(self, seconds: int) -> None:
        minutes, secs = divmod(seconds, 60)
        self.time.setText(self.tr("{0}:{1:02d}").format(minutes, secs))


class RecordingIndicator:
    """Shows the border and the bar around a recorded rectangle (physical pixels) until :meth:`hide`."""

    def __init__(self) -> None:
        self.strips = [_Strip() for _ in range(4)]
        self.bar = RecordingBar()
        self.area = QRect()

    def show(self, recorded: Rect, monitors: Sequence[Monitor]) -> None:
        monitor = _monitor_of(recorded, monitors)
        area = _to_qrect(monitor.physical_rect_to_logical(recorded)) if monitor else _to_qrect(recorded)
        self.area = area
        screen = _to_qrect(monitor.logical) if monitor else area
        outer = area.adjusted(-GAP - BORDER, -GAP - BORDER, GAP + BORDER, GAP + BORDER)
        sides = (
            QRect(outer.left(), outer.top(), outer.width(), BORDER),
            QRect(outer.left(), outer.bottom() - BORDER + 1, outer.width(), BORDER),
            QRect(outer.left(), outer.top(), BORDER, outer.height()),
            QRect(outer.right() - BORDER + 1, outer.top(), BORDER, outer.height()),
        )
        for strip, side in zip(self.strips, sides, strict=True):
            visible = side.intersected(screen)
            if visible.isEmpty() or visible.intersects(area):
                strip.hide()
                continue
            strip.setGeometry(visible)
            strip.show()
        self.bar.adjustSize()
        place = _bar_place(self.bar.width(), self.bar.height(), outer, screen, monitors=monitors, monitor=monitor)
        if place is None:
            self.bar.hide()
        else:
            self.bar.move(place.topLeft())
            self.bar.show()
            self.bar.raise_()

    def set_seconds(self, seconds: int) -> None:
        self.bar.set_seconds(seconds)

    def hide(self) -> None:
        for strip in self.strips:
            strip.hide()
        self.bar.hide()

    def windows(self) -> list[QWidget]:
        return [*self.strips, self.bar]

    def close(self) -> None:
        for window in self.windows():
            window.close()
            window.deleteLater()


def _to_qrect(rect: Rect) -> QRect:
    x, y, width, height = rect.as_ints()
    return QRect(x, y, width, height)


def _monitor_of(rect: Rect, monitors: Sequence[Monitor]) -> Monitor | None:
    cx, cy = rect.x + rect.width / 2, rect.y + rect.height / 2
    for monitor in monitors:
        p = monitor.physical
        if p.x <= cx < p.x + p.width and p.y <= cy < p.y + p.height:
            return monitor
    return monitors[0] if monitors else None


def _bar_place(
    width: int, height: int, outer: QRect, screen: QRect, *, monitors: Sequence[Monitor], monitor: Monitor | None
) -> QRect | None:
    """Below the border, above it, right or left of it on its monitor, else on another monitor, else nowhere."""
    right_aligned = outer.right() - width + 1
    for candidate in (
        QRect(right_aligned, outer.bottom() + 6, width, height),
        QRect(right_aligned, outer.top() - 6 - height, width, height),
        QRect(outer.right() + 6, outer.bottom() - height + 1, width, height),
        QRect(outer.left() - 6 - width, outer.bottom() - height + 1, width, height),
    ):
        moved = candidate.translated(max(0, screen.left() - candidate.left()), 0)
        if screen.contains(moved) and not moved.intersects(outer):
            return moved
    for other in monitors:
        if other is not monitor:
            area = _to_qrect(other.logical)
            return QRect(area.center().x() - width // 2, area.top() + 40, width, height)
    return None
