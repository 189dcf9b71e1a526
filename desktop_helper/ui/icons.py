"""The app's icons, loaded from ``resources/icons``."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from desktop_helper.resources import resource


def app_icon() -> QIcon:
    icon = QIcon(str(resource("icons", "desktop-helper.svg")))
    for size in (16, 24, 32, 48, 64, 128, 256):
        png = resource("icons", f"desktop-helper-{size}.png")
        if png.exists():
            icon.addFile(str(png))
    return icon


def recording_icon() -> QIcon:
    return QIcon(str(resource("icons", "recording.svg")))
