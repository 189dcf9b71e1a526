"""Synthetic input for the GUI agent, per OS behind small interfaces (see :mod:`.base`)."""

from __future__ import annotations

from collections.abc import Callable

from desktop_helper.core.errors import PlatformError
from desktop_helper.core.geometry import Rect
from desktop_helper.core.i18n import t
from desktop_helper.platform.input.base import Clipboard, ElevationProbe, InputExecutor, NoElevation
from desktop_helper.platform.system import current_os, is_wayland


def elevation_probe_for_current_os() -> ElevationProbe:
    """The probe for windows our input cannot reach (only Windows has them)."""
    if current_os() == "windows":
        from desktop_helper.platform.input.windows import WindowsElevationProbe

        return WindowsElevationProbe()
    return NoElevation()


def executor_for_current_os(bounds: Rect, clipboard: Clipboard | None, stopped: Callable[[], bool]) -> InputExecutor:
    """A pynput executor (X11, Windows, macOS).

    Raises:
        PlatformError: on pure Wayland, or when pynput cannot reach the display or input API.
    """
    if is_wayland():
        raise PlatformError(
            t("The agent cannot control the mouse and keyboard in a Wayland session."),
            t("Log in to an X11 (Xorg) session to let the agent act; suggestions still work."),
        )
    try:
        from desktop_helper.platform.input.pynput_input import PynputExecutor

        return PynputExecutor(bounds, clipboard, stopped)
    except ImportError as exc:
        raise PlatformError(
            t("Synthetic input is not available: {exc}.", exc=exc), t("Check that the display is reachable.")
        ) from exc
