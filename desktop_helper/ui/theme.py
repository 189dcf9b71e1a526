"""The app's look: one stylesheet and two palettes (``resources/style``), following the system's light or dark mode.

``general.theme`` chooses "system" (follow the desktop, and its changes while the app runs), "light" or "dark".
The palette colours are also used where a stylesheet cannot reach: the chat's HTML and the tinted SVG icons.
"""

from __future__ import annotations

import json
import re
from functools import cache

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from desktop_helper.resources import resource

THEMES = ("system", "light", "dark")
_TOKEN = re.compile(r"@([a-z_]+)")
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


@cache
def palettes() -> dict[str, dict[str, str]]:
    """The light and dark palettes: colour name -> ``#rrggbb``."""
    palettes: dict[str, dict[str, str]] = json.loads(resource("style", "palettes.json").read_text(encoding="utf-8"))
    return palettes


def stylesheet(scheme: str) -> str:
    """``app.qss`` with every ``@name`` replaced by that colour of ``scheme`` ("light" or "dark")."""
    colours = palettes()[scheme]
    template = _COMMENT.sub("", resource("style", "app.qss").read_text(encoding="utf-8"))

    def colour(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in colours:
            raise KeyError(f"app.qss uses @{name}, which palettes.json does not define")
        return colours[name]

    return _TOKEN.sub(colour, template)


def qt_palette(scheme: str) -> QPalette:
    c = {name: QColor(value) for name, value in palettes()[scheme].items()}
    palette = QPalette()
    role = QPalette.ColorRole
    for r, name in (
        (role.Window, "window"),
        (role.WindowText, "text"),
        (role.Base, "base"),
        (role.AlternateBase, "alternate"),
        (role.Text, "text"),
        (role.Button, "button"),
        (role.ButtonText, "text"),
        (role.Highlight, "accent"),
        (role.HighlightedText, "accent_text"),
        (role.Link, "link"),
        (role.LinkVisited, "link"),
        (role.ToolTipBase, "tooltip"),
        (role.ToolTipText, "tooltip_text"),
        (role.PlaceholderText, "muted"),
        (role.Mid, "border"),
        (role.Midlight, "border"),
    ):
        palette.setColor(r, c[name])
    for r in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, r, c["muted"])
    return palette


class Theme(QObject):
    """Applies the stylesheet and palette to the application and keeps them in step with the system.

    Signals (GUI thread):
        changed(str): the scheme now in use ("light" or "dark").
    """

    changed = Signal(str)

    def __init__(self, app: QApplication, choice: str = "system") -> None:
        super().__init__(app)
        self._app = app
        self._choice = choice if choice in THEMES else "system"
        self.scheme = ""
        app.setStyle(QStyleFactory.create("Fusion"))  # one look everywhere; Fusion honours the palette fully
        app.styleHints().colorSchemeChanged.connect(lambda _scheme: self.apply())
        self.apply()

    def set_choice(self, choice: str) -> None:
        self._choice = choice if choice in THEMES else "system"
        self.apply()

    def wanted_scheme(self) -> str:
        if self._choice in ("light", "dark"):
            return self._choice
        return "dark" if self._app.styleHints().colorScheme() == Qt.ColorScheme.Dark else "light"

    def apply(self) -> None:
        scheme = self.wanted_scheme()
        if scheme == self.scheme:
            return
        self.scheme = scheme
        self._app.setPalette(qt_palette(scheme))
        self._app.setStyleSheet(stylesheet(scheme))
        self.changed.emit(scheme)


def current_scheme() -> str:
    """The word "dark" when the application's palette is dark (whoever set it), else "light"."""
    if QGuiApplication.instance() is None:
        return "light"
    return "dark" if QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128 else "light"


def colours() -> dict[str, str]:
    """The app's palette matching the light or dark look in use now."""
    return palettes()[current_scheme()]
