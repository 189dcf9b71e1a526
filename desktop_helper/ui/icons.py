"""The app's icons, loaded from ``resources/icons``.

Action and file-kind icons are line drawings in ``currentColor``: they are drawn in the palette's text
colour at paint time, so they stay readable in the light and the dark look (and greyed when disabled).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from desktop_helper.resources import resource

#: icon names under resources/icons/actions
ACTIONS = (
    "screenshot", "region", "record", "stop", "chat", "find", "agent", "settings", "quit",
    "attach", "send", "copy", "mini", "browse", "remove",
)  # fmt: skip
#: attachment kinds (media/documents.py) -> icon under resources/icons/files
FILE_KINDS = {"image": "image", "video": "video", "pdf": "pdf", "document": "document", "text": "text"}


def app_icon() -> QIcon:
    icon = QIcon(str(resource("icons", "desktop-helper.svg")))
    for size in (16, 24, 32, 48, 64, 128, 256):
        png = resource("icons", f"desktop-helper-{size}.png")
        if png.exists():
            icon.addFile(str(png))
    return icon


def recording_icon() -> QIcon:
    return QIcon(str(resource("icons", "recording.svg")))


def action_icon(name: str) -> QIcon:
    """A tinted action icon (``ACTIONS``)."""
    return QIcon(_TintedSvgEngine(_svg("actions", name)))


def file_icon(kind: str) -> QIcon:
    """The icon of an attachment kind; a plain page for kinds without their own."""
    return QIcon(_TintedSvgEngine(_svg("files", FILE_KINDS.get(kind, "file"))))


@cache
def _svg(folder: str, name: str) -> str:
    return resource("icons", folder, f"{name}.svg").read_text(encoding="utf-8")


class _TintedSvgEngine(QIconEngine):
    """Draws an SVG whose strokes and fills say ``currentColor`` in the palette's text colour."""

    def __init__(self, svg: str) -> None:
        super().__init__()
        self._svg = svg

    def _colour(self, mode: QIcon.Mode) -> str:
        group = QPalette.ColorGroup.Disabled if mode == QIcon.Mode.Disabled else QPalette.ColorGroup.Active
        return QGuiApplication.palette().color(group, QPalette.ColorRole.ButtonText).name()

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        renderer = QSvgRenderer(QByteArray(self._svg.replace("currentColor", self._colour(mode)).encode()))
        renderer.render(painter, rect)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return _TintedSvgEngine(self._svg)
