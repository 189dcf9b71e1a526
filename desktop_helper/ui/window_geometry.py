"""Remembering where a window was, and putting it back only where it can still be grabbed."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect
from PySide6.QtGui import QGuiApplication, QScreen
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
            resize_within_screen(window, window.width(), window.height(), screen)
            window.move(screen.availableGeometry().center() - window.rect().center())


#: room left around a window for its frame (title bar, borders) and the desktop's panels
_FRAME_ROOM = (40, 60)


def resize_within_screen(window: QWidget, width: int, height: int, screen: QScreen | None = None) -> None:
    """Give ``window`` ``width`` x ``height`` logical px, or less where its screen (a small or scaled one:
    960 x 540 at 200 %) has less room, its frame included."""
    screen = screen or window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        width, height = min(width, room.width() - _FRAME_ROOM[0]), min(height, room.height() - _FRAME_ROOM[1])
    window.resize(width, height)


def _mostly_on_a_screen(frame: QRect) -> bool:
    """At least a grabbable part (the title bar's middle) of ``frame`` is on some screen."""
    probe = QRect(frame.left() + frame.width() // 4, frame.top(), frame.width() // 2, 40)
    return any(screen.availableGeometry().intersects(probe) for screen in QGuiApplication.screens())
