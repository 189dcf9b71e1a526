"""macOS: on-screen windows from Quartz ``CGWindowListCopyWindowInfo`` (needs pyobjc-framework-Quartz).

Without the Screen Recording permission macOS hides other apps' window titles; the list then
names only the apps.
"""

from __future__ import annotations

from typing import Any

from desktop_helper.core.errors import PlatformError
from desktop_helper.core.geometry import Rect
from desktop_helper.core.i18n import t
from desktop_helper.platform.window_list.base import WindowInfo, WindowLister


class MacWindowLister(WindowLister):
    def windows(self) -> list[WindowInfo]:
        try:
            import Quartz
        except ImportError as exc:
            raise PlatformError(t("Windows cannot be listed: the Quartz bridge (pyobjc) is missing.")) from exc
        options = Quartz.kCGWindowListOptionOnScreenOnly | Quartz.kCGWindowListExcludeDesktopElements
        entries: list[Any] = list(Quartz.CGWindowListCopyWindowInfo(options, Quartz.kCGNullWindowID) or [])
        return windows_from_quartz(entries)


def windows_from_quartz(entries: list[Any]) -> list[WindowInfo]:
    """Quartz window dictionaries (front to back) -> windows of the normal layer."""
    result: list[WindowInfo] = []
    for entry in entries:
        if int(entry.get("kCGWindowLayer", 0)) != 0:
            continue  # menu bar, dock, overlays
        bounds = entry.get("kCGWindowBounds") or {}
        rect = Rect(
            float(bounds.get("X", 0)), float(bounds.get("Y", 0)), float(bounds.get("Width", 0)), float(bounds.get("Height", 0))
        )
        app = str(entry.get("kCGWindowOwnerName", ""))
        title = str(entry.get("kCGWindowName", "") or app)
        result.append(WindowInfo(title, app, rect, focused=not result))
    return result
