"""Click-through overlay that draws shapes (boxes, points, arrows, badges, text) on the real screen.

One frameless, top-most window per screen, created once and reused. The windows never take focus
and let every click through (``WindowTransparentForInput``: on X11 an empty input shape; the
widget attribute alone leaves the native window eating clicks). Shapes come in global logical
pixels (:mod:`desktop_helper.core.shapes`); each window draws those that touch its screen.

Two ways of being see-through:

* **translucent** when a compositing manager runs: an ARGB window, transparent where nothing is drawn;
* **shaped** without one (bare X11 window managers), where a translucent window would render black:
  an opaque window whose X shape (``setMask``) is exactly the painted pixels, so outlines and tags
  show and everything else is the desktop itself.

Both modes paint the same pixels: every shape is built as pixel rectangles (stroke strips, ring
scanlines, tags) that are both filled and, when shaped, used as the mask, so the two modes cannot
drift apart.

Signals (all emitted on the GUI thread):
    shown(int): shapes were put on screen (their count).
    painted(float): a window finished painting (``time.perf_counter()`` at the end of the paint).
    cleared(): the overlay was hidden (timeout, Esc, :meth:`OverlayController.clear`).
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QImage,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPolygon,
    QRegion,
    QScreen,
)
from PySide6.QtWidgets import QApplication, QWidget

from desktop_helper.core.geometry import CaptureGeometry, Rect
from desktop_helper.core.shapes import LINE_WIDTH, ArrowShape, Badge, BoxShape, PointShape, Shape, TextBubble, arrow_head
from desktop_helper.grounding import GroundingResult, ground_answer, shapes_for
from desktop_helper.platform.compositor import CompositorProbe
from desktop_helper.platform.hotkeys import Hotkey, HotkeyService
from desktop_helper.platform.system import current_os

log = logging.getLogger(__name__)

_TEXT_COLOR = QColor("white")
#: how long a compositor check stays valid; a compositor starting or stopping is rare
PROBE_MAX_AGE_SECONDS = 5.0
#: Escape, heard anywhere on the desktop while shapes are shown (a temporary global hotkey)
ESCAPE = Hotkey(frozenset(), "esc")
_ESCAPE_HOTKEY_NAME = "overlay_escape"
#: an Escape heard this soon after the overlay came back from being hidden for a capture was the one
#: that ended the capture (the region selector cancels with it): it is not for the boxes
_ESCAPE_GRACE_SECONDS = 0.1


@dataclass
class _Piece:
    """Rectangles filled with one colour, with optional text drawn inside ``text_rect``.

    ``region`` is the same pixels as ``rects`` when the piece was built from a region (rings,
    arrows); a box outline ``outline`` pixels wide is ``bounds`` minus its inside. The window mask
    is built from those in a few calls rather than from one region per rectangle.
    """

    rects: list[QRect]
    bounds: QRect
    color: QColor
    text: str = ""
    text_rect: QRect | None = None
    region: QRegion | None = None
    outline: int = 0

    def mask(self) -> QRegion:
        """The piece's pixels as a region (for a shaped window's mask)."""
        if self.region is not None:
            return self.region
        if self.outline:
            line = self.outline
            return QRegion(self.bounds).subtracted(QRegion(self.bounds.adjusted(line, line, -line, -line)))
        if len(self.rects) == 1:
            return QRegion(self.rects[0])
        return _union_all([QRegion(rect) for rect in self.rects])


def _piece(rects: list[QRect], color: QColor, text: str = "", text_rect: QRect | None = None) -> _Piece:
    bounds = QRect()
    for rect in rects:
        bounds = bounds.united(rect)
    return _Piece(rects, bounds, color, text, text_rect)


def _region_piece(region: QRegion, color: QColor, text: str = "", text_rect: QRect | None = None) -> _Piece:
    rects = list(region)  # type: ignore[call-overload] # QRegion iterates
    return _Piece(rects, region.boundingRect(), color, text, text_rect, region)


def _label_text(number: int | None, label: str) -> str:
    if number is None:
        return label
    return f"{number} {label}" if label else str(number)


class _Painter:
    """Turns shapes into filled rectangles in a screen's local coordinates.

    Plain rectangles (not paths, not clip regions) because they are what both a window mask and
    the raster engine handle fastest, and they make the two overlay modes paint identical pixels.
    This runs for every shape between the model's last token and the boxes on screen (100 boxes
    are 200 pieces), so the common case (a plain box) is built with as few Qt calls as possible.
    """

    def __init__(self, font: QFont) -> None:
        self.font = font
        self.metrics = QFontMetrics(font)
        self.line_height = self.metrics.height()
        self.line = max(1, round(LINE_WIDTH))
        self._colors: dict[str, QColor] = {}

    def color(self, name: str) -> QColor:
        """A shared QColor per colour name (parsing a name costs more than the lookup)."""
        color = self._colors.get(name)
        if color is None:
            color = self._colors[name] = QColor(name)
        return color

    def pieces(self, shape: Shape, origin: QPoint) -> list[_Piece]:
        ox, oy = origin.x(), origin.y()
        if isinstance(shape, BoxShape):
            return self._box(shape, ox, oy)
        if isinstance(shape, PointShape):
            return self._point(shape, ox, oy)
        if isinstance(shape, ArrowShape):
            return self._arrow(shape, ox, oy)
        if isinstance(shape, TextBubble):
            return [self._tag(shape.text, round(shape.x) - ox, round(shape.y) - oy, self.color(shape.color), above=False)]
        return [self._badge(shape, ox, oy)]

    def _box(self, shape: BoxShape, ox: int, oy: int) -> list[_Piece]:
        r = shape.rect
        line, half = self.line, self.line // 2
        # The stroke is centered on the box's edges: the target stays visible and the line marks
        # exactly where the model put the edge. Corners of the outer rectangle, both inclusive:
        x = round(r.x) - ox - half - 1 + (line % 2)
        y = round(r.y) - oy - half - 1 + (line % 2)
        w = round(r.right) - ox + half - x + 1  # right and bottom of ``r`` are exclusive edges
        h = round(r.bottom) - oy + half - y + 1
        color = self.color(shape.color)
        if shape.dashed:
            outer = QRect(x, y, w, h)
            region = QRegion(outer).subtracted(QRegion(outer.adjusted(line, line, -line, -line)))
            pieces = [_region_piece(region.intersected(self._dash_mask(outer)), color)]
        elif w <= 2 * line or h <= 2 * line:
            pieces = [_piece([QRect(x, y, w, h)], color)]
        else:
            outer = QRect(x, y, w, h)
            strips = [
                QRect(x, y, w, line),
                QRect(x, y + h - line, w, line),
                QRect(x, y + line, line, h - 2 * line),
                QRect(x + w - line, y + line, line, h - 2 * line),
            ]
            pieces = [_Piece(strips, outer, color, outline=line)]
        text = _label_text(shape.number, shape.label)
        if text:
            pieces.append(self._tag(text, x, y, color, above=True))
        return pieces

    def _dash_mask(self, rect: QRect, dash: int = 10) -> QRegion:
        mask = QRegion()
        for x in range(rect.left(), rect.right() + 1, 2 * dash):
            mask = mask.united(QRegion(QRect(x, rect.top(), dash, rect.height())))
        for y in range(rect.top(), rect.bottom() + 1, 2 * dash):
            mask = mask.united(QRegion(QRect(rect.left(), y, rect.width(), dash)))
        return mask

    def _point(self, shape: PointShape, ox: int, oy: int) -> list[_Piece]:
        cx, cy = round(shape.x) - ox, round(shape.y) - oy
        radius = max(self.line + 2, round(shape.radius))
        ring = _ellipse(cx, cy, radius + self.line // 2 + 1).subtracted(_ellipse(cx, cy, radius - self.line // 2 - 1))
        dot = _ellipse(cx, cy, max(2, self.line))
        color = self.color(shape.color)
        pieces = [_region_piece(ring.united(dot), color)]
        text = _label_text(shape.number, shape.label)
        if text:
            pieces.append(self._tag(text, cx + radius + 2, cy - radius - 2, color, above=True))
        return pieces

    def _arrow(self, shape: ArrowShape, ox: int, oy: int) -> list[_Piece]:
        x1, y1, x2, y2 = shape.x1 - ox, shape.y1 - oy, shape.x2 - ox, shape.y2 - oy
        length = math.hypot(x2 - x1, y2 - y1) or 1.0
        nx, ny = -(y2 - y1) / length * self.line / 2, (x2 - x1) / length * self.line / 2
        shaft = QPolygon([QPoint(round(x1 + nx), round(y1 + ny)), QPoint(round(x2 + nx), round(y2 + ny)),
                          QPoint(round(x2 - nx), round(y2 - ny)), QPoint(round(x1 - nx), round(y1 - ny))])
        head = QPolygon([QPoint(round(x - ox), round(y - oy)) for x, y in arrow_head(shape, length=6 * self.line)])
        color = self.color(shape.color)
        pieces = [_region_piece(QRegion(shaft).united(QRegion(head)), color)]
        if shape.label:
            pieces.append(self._tag(shape.label, round(x2) + 8, round(y2) + 8, color, above=False))
        return pieces

    def _badge(self, shape: Badge, ox: int, oy: int) -> _Piece:
        cx, cy = round(shape.x) - ox, round(shape.y) - oy
        radius = max(round(shape.radius), self.line_height // 2 + 2)
        text_rect = QRect(cx - radius, cy - radius, 2 * radius, 2 * radius)
        return _region_piece(_ellipse(cx, cy, radius), self.color(shape.color), shape.text, text_rect)

    def _tag(self, text: str, x: int, y: int, color: QColor, *, above: bool) -> _Piece:
        lines = text.splitlines() or [""]
        pad = 3
        advance = self.metrics.horizontalAdvance
        width = (advance(lines[0]) if len(lines) == 1 else max(advance(line) for line in lines)) + 2 * pad
        height = self.line_height * len(lines) + 2 * pad
        top = y - height if above else y
        rect = QRect(x, top, width, height)
        return _Piece([rect], rect, color, text, QRect(x + pad, top + pad, width - 2 * pad, height - 2 * pad))


def _union_all(regions: list[QRegion]) -> QRegion:
    """Union of many regions pairwise (a running union is quadratic in the number of boxes)."""
    if not regions:
        return QRegion()
    while len(regions) > 1:
        regions = [
            regions[i].united(regions[i + 1]) if i + 1 < len(regions) else regions[i] for i in range(0, len(regions), 2)
        ]
    return regions[0]


def _ellipse(cx: int, cy: int, radius: int) -> QRegion:
    radius = max(1, radius)
    return QRegion(QRect(cx - radius, cy - radius, 2 * radius + 1, 2 * radius + 1), QRegion.RegionType.Ellipse)


class OverlayWindow(QWidget):
    """The overlay on one screen. Use :class:`OverlayController`; this class is its detail."""

    painted = Signal(float)

    def __init__(self, screen: QScreen, translucent: bool) -> None:
        flags = (
            Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
            | Qt.WindowType.Tool
            | Qt.WindowType.WindowTransparentForInput
            | Qt.WindowType.WindowDoesNotAcceptFocus
            | Qt.WindowType.NoDropShadowWindowHint
        )
        if QGuiApplication.platformName() == "xcb":
            # Override-redirect: the window manager must not decorate, move, focus or list it.
            flags |= Qt.WindowType.X11BypassWindowManagerHint
        super().__init__(None, flags)
        self.translucent = translucent
        self.setObjectName("desktop_helper_overlay")
        self.setWindowTitle("Desktop Helper overlay")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_X11DoNotAcceptFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        if current_os() == "macos":
            self.setAttribute(Qt.WidgetAttribute.WA_MacAlwaysShowToolWindow)
        if translucent:
            self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground)
            self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        else:
            # Every pixel the mask lets through is one of the rectangles paintEvent fills: skip the
            # background fill Qt would do first.
            self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.screen_ref = screen
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        font = QFont(self.font())
        font.setBold(True)
        self._painter = _Painter(font)
        self._pieces: list[_Piece] = []
        self._offset = QPoint(0, 0)
        self._area = QRect()  # the window's place on its screen, in the screen's coordinates
        self._mask = QRegion()  # shaped windows: the pixels shown, in the screen's coordinates
        self.last_paint = 0.0
        self.last_paint_rect = QRect()  # what the last paint covered, in window coordinates (tests)
        self.winId()  # create the native window now, not on the first show: keeps showing fast
        _exclude_from_capture(self)

    def set_shapes(self, shapes: Sequence[Shape]) -> bool:
        """Take the shapes that touch this screen; returns whether any do.

        The window shrinks to the area the shapes cover: mapping, flushing and (with a compositor)
        blending a small window costs a fraction of a full-screen one.
        """
        pieces, bounds = self._pieces_for(shapes)
        self._pieces = pieces
        if pieces:
            self._place(bounds, self._mask_of(pieces))
        return bool(pieces)

    def add_shapes(self, shapes: Sequence[Shape]) -> bool:
        """Draw ``shapes`` over those already shown; returns whether the window has anything to show.

        Only the new shapes are painted (a model writing boxes one by one adds one at a time). When
        they fall outside the window, it grows to the whole screen, where the next ones will fit.
        """
        pieces, bounds = self._pieces_for(shapes)
        if not pieces:
            return bool(self._pieces)
        if not self._pieces or not self.isVisible():
            self._pieces = pieces
            self._place(bounds, self._mask_of(pieces))
            return True
        self._pieces += pieces
        new_mask = self._mask_of(pieces)
        if not self._area.contains(bounds):
            self._place(self._screen_area(), self._mask.united(new_mask))
            return True
        if not self.translucent:
            self._mask = self._mask.united(new_mask)
            self.setMask(self._mask.translated(self._offset))
        # Paint now rather than on the next pass of the event loop: the box is due on screen.
        self.repaint(bounds.translated(self._offset))
        return True

    def _mask_of(self, pieces: list[_Piece]) -> QRegion:
        """The pixels of ``pieces`` (shaped windows only; a translucent window needs no mask)."""
        if self.translucent:
            return QRegion()
        # One region per piece (a box outline is its rectangle minus its inside), not per
        # rectangle: 100 boxes are 200 regions to merge instead of 500.
        return _union_all([piece.mask() for piece in pieces])

    def _screen_area(self) -> QRect:
        return QRect(QPoint(0, 0), self.screen_ref.geometry().size())

    def _pieces_for(self, shapes: Sequence[Shape]) -> tuple[list[_Piece], QRect]:
        """The pieces of ``shapes`` that touch this screen, and their bounds (screen coordinates)."""
        origin = self.screen_ref.geometry().topLeft()  # screens move when monitors are rearranged
        local = self._screen_area()
        pieces: list[_Piece] = []
        bounds = QRect()
        for shape in shapes:
            for piece in self._painter.pieces(shape, origin):
                if piece.bounds.intersects(local):
                    pieces.append(piece)
                    bounds = bounds.united(piece.bounds)
        return pieces, bounds.intersected(local)

    def _place(self, area: QRect, mask: QRegion) -> None:
        """Move the window over ``area`` of its screen, show ``mask`` of it (shaped), repaint all."""
        self._area = area
        # Pieces stay in screen coordinates; painting and the mask shift by the window's offset.
        self._offset = QPoint(-area.x(), -area.y())
        self.setGeometry(area.translated(self.screen_ref.geometry().topLeft()))
        if not self.translucent:
            self._mask = mask
            self.setMask(mask.translated(self._offset))
        self.update()

    @property
    def label_font(self) -> QFont:
        return self._painter.font

    def paintEvent(self, event: QPaintEvent) -> None:
        # Translucent: the backing store has already cleared the painted region to transparent
        # (QBackingStore::beginPaint does for a window with alpha); clearing it again here cost
        # a millisecond per full-screen window. Shaped: the mask is exactly the filled rectangles.
        dirty = event.rect()
        # Only what touches the repainted area (all of it, but for boxes added to those shown).
        area = dirty.translated(-self._offset)
        pieces = self._pieces if area.contains(self._area) else [p for p in self._pieces if p.bounds.intersects(area)]
        painter = QPainter(self)
        try:
            painter.translate(self._offset)
            painter.setPen(Qt.PenStyle.NoPen)
            # One drawRects per colour: Qt calls cost more than the pixels here (100 boxes are 500 rectangles).
            by_color: dict[int, tuple[QColor, list[QRect]]] = {}
            for piece in pieces:
                by_color.setdefault(piece.color.rgba(), (piece.color, []))[1].extend(piece.rects)
            for color, rects in by_color.values():
                painter.setBrush(color)
                painter.drawRects(rects)
            painter.setFont(self._painter.font)
            painter.setPen(_TEXT_COLOR)
            for piece in pieces:
                if piece.text and piece.text_rect is not None:
                    painter.drawText(piece.text_rect, Qt.AlignmentFlag.AlignCenter, piece.text)
        finally:
            painter.end()
        self.last_paint_rect = dirty
        self.last_paint = time.perf_counter()
        self.painted.emit(self.last_paint)


def _exclude_from_capture(widget: QWidget) -> None:
    """Keep the overlay out of screenshots where the OS can (Windows 10 2004+); elsewhere callers
    hide it around a capture with :meth:`OverlayController.hidden`."""
    if current_os() != "windows":
        return
    import ctypes

    wda_exclude_from_capture = 0x11
    try:
        user32 = ctypes.windll.user32  # type: ignore[attr-defined]  # windll exists on Windows only
        user32.SetWindowDisplayAffinity(int(widget.winId()), wda_exclude_from_capture)
    except (AttributeError, OSError):
        log.debug("SetWindowDisplayAffinity unavailable", exc_info=True)


class OverlayController(QObject):
    """Shows shapes on every screen and hides them after a while, on Esc, or on :meth:`clear`.

    Args:
        fade_seconds: how long shapes stay (0: until cleared); ``overlay.fade_seconds``.
        probe: compositor detection (tests pass their own).
        parent: Qt parent.

    Signals (GUI thread):
        shown(int): shapes were shown (count).
        painted(float): a window finished painting (``perf_counter`` time).
        cleared(): the overlay was hidden.
        nothing_to_show(str): :meth:`show_boxes_on_screen` found nothing drawable; the reason.
    """

    shown = Signal(int)
    painted = Signal(float)
    cleared = Signal()
    nothing_to_show = Signal(str)
    _escape_anywhere = Signal(float)

    def __init__(self, fade_seconds: float = 8.0, probe: CompositorProbe | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fade_seconds = fade_seconds
        self._probe = probe if probe is not None else CompositorProbe(QGuiApplication.platformName())
        self._windows: dict[QScreen, OverlayWindow] = {}
        self._translucent: bool | None = None
        self._compositing = False
        self._probed_at = -math.inf
        self._shapes: list[Shape] = []
        self._drawn: list[Shape] = []  # what the windows show now (== _shapes unless hidden)
        self._suspended = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear)
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication), "create the QApplication first"
        app.screenAdded.connect(self._screens_changed)
        app.screenRemoved.connect(self._screens_changed)
        self._filtering = False
        self._hotkeys: HotkeyService | None = None
        self._back_at = -math.inf  # when the overlay last came back from being hidden for a capture
        self._escape_anywhere.connect(self._escape_heard, Qt.ConnectionType.QueuedConnection)
        self._ensure_windows()
        self._warm_up()

    # ----- public API
    @property
    def translucent(self) -> bool:
        """Whether windows are translucent (compositor present) rather than shaped outline-only."""
        return bool(self._translucent)

    @property
    def visible(self) -> bool:
        return bool(self._shapes)

    @property
    def drawn_count(self) -> int:
        """How many shapes the windows show now (0 while hidden for a capture)."""
        return len(self._drawn)

    def windows(self) -> list[OverlayWindow]:
        return list(self._windows.values())

    def use_hotkeys(self, hotkeys: HotkeyService) -> None:
        """Hear Escape anywhere on the desktop while shapes are shown, as a temporary hotkey of ``hotkeys``.

        Without it Escape reaches the overlay only while one of the app's windows has the focus.
        """
        self._hotkeys = hotkeys
        if self._filtering:
            self._hold_escape(True)

    def set_fade_seconds(self, seconds: float) -> None:
        self._fade_seconds = max(0.0, seconds)

    @Slot(list)
    def show_shapes(self, shapes: Sequence[Shape], fade_seconds: float | None = None) -> None:
        """Replace what is on screen with ``shapes`` (global logical pixels).

        When ``shapes`` only add to those on screen (boxes arriving while the model writes), only
        the new ones are drawn.
        """
        self._ensure_windows()
        self._shapes = list(shapes)
        if not self._suspended:  # else hidden() puts them up when the capture is done
            drawn = len(self._drawn)
            if drawn and self._shapes[:drawn] == self._drawn:
                self._add(self._shapes[drawn:])
            else:
                self._apply()
        self._watch_escape(bool(self._shapes))
        seconds = self._fade_seconds if fade_seconds is None else fade_seconds
        if seconds > 0 and self._shapes:
            self._timer.start(round(seconds * 1000))
        else:
            self._timer.stop()
        self.shown.emit(len(self._shapes))

    def show_result(self, result: GroundingResult, fade_seconds: float | None = None) -> bool:
        """Draw a grounding result; returns False (and draws nothing) when it has no items."""
        if not result.items:
            self.clear()
            return False
        self.show_shapes(shapes_for(result), fade_seconds)
        return True

    @Slot(str, object)
    def show_boxes_on_screen(self, answer: str, geometry: CaptureGeometry) -> GroundingResult:
        """Parse the boxes of any answer about a capture and draw them (the chat's one-click button).

        Returns the result so the caller can report ``result.error`` when nothing was drawn.
        """
        result = ground_answer(answer, geometry)
        if not self.show_result(result):
            self.nothing_to_show.emit(result.error or "Nothing to show.")
        return result

    @Slot()
    def clear(self) -> None:
        self._timer.stop()
        had = bool(self._shapes)
        self._shapes = []
        self._drawn = []
        self._watch_escape(False)
        for window in self._windows.values():
            window.hide()
        if had:
            # Ask about the compositor now, off the path between an answer and its boxes.
            self._probe_compositor()
            self.cleared.emit()

    @contextmanager
    def hidden(self) -> Iterator[None]:
        """Take the overlay off the screen while capturing, so it is not in our own screenshots."""
        self._suspended += 1
        self._drawn = []
        try:
            for window in self._windows.values():
                window.hide()
            QApplication.processEvents()
            yield
        finally:
            self._suspended -= 1
            if not self._suspended:
                self._back_at = time.monotonic()
                if self._shapes:
                    self._apply()

    def shutdown(self) -> None:
        self.clear()
        for window in self._windows.values():
            window.close()
            window.deleteLater()
        self._windows.clear()
        self._probe.close()

    # ----- internals
    def _watch_escape(self, on: bool) -> None:
        # An application-wide filter runs Python for every event of every widget, and a global Escape
        # would take the key from every other program's meaning: both only while shapes are shown.
        app = QGuiApplication.instance()
        if app is None or on == self._filtering:
            return
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)
        self._filtering = on
        self._hold_escape(on)

    def _hold_escape(self, on: bool) -> None:
        if self._hotkeys is None:
            return
        if on:
            # called on the hotkey listener's thread: stamp the press there, act on the GUI thread
            self._hotkeys.add_temporary(_ESCAPE_HOTKEY_NAME, ESCAPE, lambda: self._escape_anywhere.emit(time.monotonic()))
        else:
            self._hotkeys.remove_temporary(_ESCAPE_HOTKEY_NAME)

    @Slot(float)
    def _escape_heard(self, pressed_at: float) -> None:
        # While hidden for a capture, Escape belongs to what hid it (the region selector cancels with
        # it); the shapes come back afterwards.
        if self._suspended or pressed_at < self._back_at + _ESCAPE_GRACE_SECONDS:
            return
        self.clear()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The overlay never has focus, so Esc reaches it here only through our other windows;
        # elsewhere on the desktop it comes as a temporary global hotkey (use_hotkeys). A window that
        # binds Esc as a shortcut (the chat) never gets the key press: watch the override that precedes it.
        if (
            self._shapes
            and event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride)
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            self.clear()
        return False

    def _apply(self) -> None:
        for window in self._windows.values():
            if window.set_shapes(self._shapes):
                window.show()
                window.raise_()
            else:
                window.hide()
        self._drawn = list(self._shapes)

    def _add(self, shapes: list[Shape]) -> None:
        if shapes:
            for window in self._windows.values():
                if window.add_shapes(shapes) and not window.isVisible():
                    window.show()
                    window.raise_()
        self._drawn = list(self._shapes)

    def _warm_up(self) -> None:
        """Paint a sample offscreen once: font loading and glyph caching otherwise land on the first show."""
        window = next(iter(self._windows.values()), None)
        if window is None:
            return
        image = QImage(64, 32, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        try:
            painter.setFont(window.label_font)
            painter.setPen(_TEXT_COLOR)
            painter.drawText(QRect(0, 0, 64, 32), Qt.AlignmentFlag.AlignCenter, "0123456789 Save")
        finally:
            painter.end()

    def _probe_compositor(self) -> bool:
        self._compositing = self._probe.compositing()
        self._probed_at = time.monotonic()
        return self._compositing

    def _ensure_windows(self) -> None:
        # One X round trip costs 1-8 ms on a loaded machine with a compositor running; a recent
        # answer (refreshed whenever the overlay is cleared) is good enough.
        if time.monotonic() - self._probed_at > PROBE_MAX_AGE_SECONDS:
            self._probe_compositor()
        translucent = self._compositing
        screens = QGuiApplication.screens()
        if translucent == self._translucent and set(screens) == set(self._windows):
            return
        if self._translucent is not None and translucent != self._translucent:
            log.info("compositor %s: overlay is now %s", "appeared" if translucent else "gone",
                     "translucent" if translucent else "outline-only")
        # Translucency is fixed when a native window is created, so a change means new windows.
        self._drawn = []
        for window in self._windows.values():
            window.close()
            window.deleteLater()
        self._translucent = translucent
        self._windows = {}
        for screen in screens:
            window = OverlayWindow(screen, translucent)
            window.painted.connect(self.painted)
            self._windows[screen] = window

    @Slot()
    def _screens_changed(self) -> None:
        self._ensure_windows()
        if self._shapes and not self._suspended:
            self._apply()


def logical_rect(rect: QRect) -> Rect:
    """A Qt rectangle as a core :class:`Rect` (for callers mixing both)."""
    return Rect(rect.x(), rect.y(), rect.width(), rect.height())
