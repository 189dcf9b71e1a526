"""Screen capture on Wayland, where mss (X11) sees nothing of other apps.

The xdg-desktop-portal Screenshot interface is the sanctioned way: we ask the portal over the
D-Bus session bus, it saves a PNG of the whole desktop (after asking the user the first time on
some desktops) and answers with its URI on a Request object. When there is no portal, wlroots
desktops usually have ``grim``; when neither exists the error names both so the user can install one.

The portal gives one image of the whole desktop and no monitor layout, so the monitors come from
the UI (Qt knows them) through :meth:`PortalBackend.set_monitors`; regions are cut from that image.
"""

from __future__ import annotations

import io
import logging
import secrets
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from urllib.parse import unquote, urlparse

import numpy as np

from desktop_helper.core.errors import CaptureError
from desktop_helper.core.geometry import CaptureGeometry, Monitor, Rect, virtual_desktop
from desktop_helper.core.i18n import t
from desktop_helper.platform.capture.base import CaptureBackend, Frame, monitor_for_rect

log = logging.getLogger(__name__)

PORTAL_BUS_NAME = "org.freedesktop.portal.Desktop"
PORTAL_PATH = "/org/freedesktop/portal/desktop"
SCREENSHOT_INTERFACE = "org.freedesktop.portal.Screenshot"
REQUEST_INTERFACE = "org.freedesktop.portal.Request"


def no_portal_fix() -> str:
    """What to install when no screenshot portal answers (translated when it is said)."""
    return t(
        "Install xdg-desktop-portal with your desktop's backend (xdg-desktop-portal-gnome, -kde or -wlr), "
        "or 'grim' on wlroots desktops (Sway, Hyprland), or log in to an X11 session."
    )


def _decode_png(data: bytes) -> np.ndarray:
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        rgba = np.asarray(image.convert("RGBA"))
    # to BGRA like every other backend
    return np.ascontiguousarray(rgba[:, :, [2, 1, 0, 3]])


def portal_screenshot(timeout: float = 60.0, bus: str = "SESSION") -> bytes:
    """Ask the desktop portal for a screenshot of the whole desktop; returns the PNG bytes.

    Raises:
        CaptureError: no session bus or portal, the user refused, or it timed out.
    """
    from jeepney import DBusAddress, MatchRule, message_bus, new_method_call
    from jeepney.io.blocking import Proxy, open_dbus_connection

    try:
        connection = open_dbus_connection(bus=bus)
    except (OSError, KeyError, ValueError) as exc:
        raise CaptureError(t("No D-Bus session bus to reach the screenshot portal ({exc}).", exc=exc), no_portal_fix()) from exc
    try:
        token = "desktop_helper_" + secrets.token_hex(6)
        sender = (connection.unique_name or ":0").lstrip(":").replace(".", "_")
        request_path = f"{PORTAL_PATH}/request/{sender}/{token}"
        rule = MatchRule(type="signal", interface=REQUEST_INTERFACE, member="Response", path=request_path)
        with connection.filter(rule) as responses:
            Proxy(message_bus, connection).AddMatch(rule)
            portal = DBusAddress(PORTAL_PATH, bus_name=PORTAL_BUS_NAME, interface=SCREENSHOT_INTERFACE)
            call = new_method_call(
                portal, "Screenshot", "sa{sv}", ("", {"handle_token": ("s", token), "interactive": ("b", False)})
            )
            reply = connection.send_and_get_reply(call, timeout=10)
            if reply.header.message_type.name == "error":
                raise CaptureError(
                    t("The screenshot portal is not available ({value}).", value=reply.body[0] if reply.body else "error"),
                    no_portal_fix(),
                )
            try:
                signal = connection.recv_until_filtered(responses, timeout=timeout)
            except TimeoutError as exc:
                raise CaptureError(
                    t("The screenshot portal did not answer in time."), t("Answer the desktop's screenshot prompt.")
                ) from exc
        response, results = signal.body
        if response != 0:
            raise CaptureError(
                t("The desktop refused the screenshot (permission denied or cancelled)."),
                t("Allow screenshots for Desktop Helper in your desktop's privacy settings, then capture again."),
            )
        uri = results.get("uri", ("s", ""))[1]
        path = Path(unquote(urlparse(uri).path))
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CaptureError(t("The portal's screenshot could not be read ({exc}).", exc=exc)) from exc
        try:
            path.unlink()  # the portal saved it to the user's pictures; it is ours to clean up
        except OSError:
            log.debug("could not remove the portal's screenshot %s", path)
        return data
    except TimeoutError as exc:
        raise CaptureError(t("The screenshot portal did not answer in time."), no_portal_fix()) from exc
    finally:
        connection.close()


def grim_screenshot() -> bytes:
    """A PNG of the whole desktop from ``grim`` (wlroots compositors).

    Raises:
        CaptureError: grim is missing or failed.
    """
    if shutil.which("grim") is None:
        raise CaptureError(t("Neither the screenshot portal nor grim is available on this Wayland desktop."), no_portal_fix())
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "shot.png"
        result = subprocess.run(["grim", str(target)], capture_output=True, text=True, timeout=30, check=False)
        if result.returncode != 0 or not target.exists():
            raise CaptureError(
                t("grim could not capture the screen: {value}.", value=result.stderr.strip() or result.returncode),
                no_portal_fix(),
            )
        return target.read_bytes()


class PortalBackend(CaptureBackend):
    """Wayland capture through the portal (or grim); every grab takes a whole-desktop screenshot.

    Args:
        shoot: returns a PNG of the whole desktop (tests pass a fake); default: portal, then grim.
    """

    name = "xdg-desktop-portal"
    slow = True

    def __init__(self, shoot: Callable[[], bytes] | None = None) -> None:
        self._shoot = shoot or self._portal_then_grim
        self._monitors: list[Monitor] = []
        self._lock = threading.Lock()

    @staticmethod
    def _portal_then_grim() -> bytes:
        try:
            return portal_screenshot()
        except CaptureError as portal_error:
            if shutil.which("grim") is None:
                raise
            log.info("portal screenshot failed (%s); trying grim", portal_error.message)
            return grim_screenshot()

    def set_monitors(self, monitors: list[Monitor]) -> None:
        """The desktop's monitors as the UI sees them (physical pixels, scales)."""
        with self._lock:
            self._monitors = list(monitors)

    def monitors(self) -> list[Monitor]:
        with self._lock:
            return list(self._monitors)

    def grab(self, rect: Rect, monitor: Monitor | None = None) -> Frame:
        return self._cut(_decode_png(self._shoot()), rect, monitor)

    def grab_monitors(self, monitors: Sequence[Monitor]) -> list[Frame]:
        """Every monitor cut from one screenshot: one portal request (and prompt), not one per monitor."""
        pixels = _decode_png(self._shoot())
        return [self._cut(pixels, monitor.physical, monitor) for monitor in monitors]

    def _cut(self, pixels: np.ndarray, rect: Rect, monitor: Monitor | None) -> Frame:
        """``rect`` (global physical pixels) from a whole-desktop screenshot."""
        height, width = pixels.shape[:2]
        monitors = self.monitors() or [Monitor(1, "desktop", Rect(0, 0, width, height))]
        origin = virtual_desktop(monitors)
        if monitor is None:
            monitor = monitor_for_rect(monitors, rect)
        # portals return the desktop in physical pixels starting at the layout's top-left
        x, y = round(rect.x - origin.x), round(rect.y - origin.y)
        w, h = round(rect.width), round(rect.height)
        if x < 0 or y < 0 or x + w > width or y + h > height:
            raise CaptureError(
                t(
                    "The region {as_ints} is outside the {width}x{height} px screenshot the desktop returned.",
                    as_ints=rect.as_ints(),
                    width=width,
                    height=height,
                ),
                t("Select the region again."),
            )
        return Frame(np.ascontiguousarray(pixels[y : y + h, x : x + w]), CaptureGeometry(monitor, Rect(rect.x, rect.y, w, h)))
