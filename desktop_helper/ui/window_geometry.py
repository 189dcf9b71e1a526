"""Remembering where a window was, and putting it back only where it can still be grabbed."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def encoded_geometry(window: QWidget) -> str:
    """Where ``window`` is and how large, as text for the settings."""
    return bytes(window.saveGeometry().toBase64().data()).decode("ascii")


def restore_geometry(window: QWidget, saved: str) -> None:
    """Put ``window`` where ``saved`` (from :func:`encoded_geometry`) says; if that monitor is gone, centre it on the
    primary one."""
    if saved:
        window.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii")))
    if not _mostly_on_a_screen(window.frameGeometry()):
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            room = screen.availableGeometry()
            window.resize(min(window.width(), room.width() - 40), min(window.height(), room.height() - 60))
            window.move(room.center() - window.rect().center())


def _mostly_on_a_screen(frame: QRect) -> bool:
    """At least a grabbable part (the title bar's middle) of ``frame`` is on some screen."""
    probe = QRect(frame.left() + frame.width() // 4, frame.top(), frame.width() // 2, 40)
    return any(screen.availableGeometry().intersects(probe) for screen in QGuiApplication.screens())
