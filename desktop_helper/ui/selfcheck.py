"""The Qt part of ``desktop-helper --self-test``: platform, image and icon-engine plugins.

A frozen build without ``imageformats/libqsvg`` or ``iconengines/libqsvgicon`` still starts, but
draws an empty tray icon; these checks make that a failure instead.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLibraryInfo, QSize
from PySide6.QtGui import QGuiApplication, QIcon, QImageReader
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from desktop_helper.resources import resource

#: image formats the app reads or writes (icons, screenshots, attachments)
REQUIRED_IMAGE_FORMATS = ("png", "jpeg", "svg", "ico")


def check_qt() -> dict[str, Any]:
    """Create the application object and check the plugins; raise RuntimeError naming what is missing."""
    app = QApplication.instance() or QApplication(["desktop-helper-self-test"])
    formats = sorted(bytes(f.data()).decode() for f in QImageReader.supportedImageFormats())
    missing = [f for f in REQUIRED_IMAGE_FORMATS if f not in formats]
    icon = QIcon(str(resource("icons", "desktop-helper.svg")))
    pixmap = icon.pixmap(QSize(32, 32))
    result: dict[str, Any] = {
        "platform": QGuiApplication.platformName(),
        "plugins": QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath),
        "image_formats": formats,
        "svg_icon": not pixmap.isNull(),
        "tray_available": QSystemTrayIcon.isSystemTrayAvailable(),
    }
    del app  # the caller's process exits right after; no event loop is needed
    if missing:
        raise RuntimeError(f"Qt image format plugins missing: {', '.join(missing)} (plugins in {result['plugins']})")
    if pixmap.isNull():
        raise RuntimeError("the SVG app icon renders empty: Qt's svg icon engine plugin is missing")
    return result
