"""XDG autostart: a .desktop file in $XDG_CONFIG_HOME/autostart."""

from __future__ import annotations

import os
import shlex
from pathlib import Path

from desktop_helper.platform.autostart.base import Autostart
from desktop_helper.settings.store import atomic_write_text


def autostart_dir() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "autostart"


class LinuxAutostart(Autostart):
    @property
    def entry(self) -> Path:
        return autostart_dir() / "desktop-helper.desktop"

    def is_enabled(self) -> bool:
        return self.entry.exists()

    def enable(self) -> None:
        atomic_write_text(
            self.entry,
            "[Desktop Entry]\n"
            "Type=Application\n"
            "Name=Desktop Helper\n"
            "Comment=Screen assistant for GLM-4.6V\n"
            f"Exec={shlex.join(self.command)}\n"
            "Icon=desktop-helper\n"
            "Terminal=false\n"
            "X-GNOME-Autostart-enabled=true\n",
        )

    def disable(self) -> None:
        self.entry.unlink(missing_ok=True)
