"""macOS: a LaunchAgent plist in ~/Library/LaunchAgents, loaded by launchd at login."""

from __future__ import annotations

import plistlib
from pathlib import Path

from desktop_helper.platform.autostart.base import APP_ID, Autostart


class MacAutostart(Autostart):
    def __init__(self, command: list[str], agents_dir: Path | None = None) -> None:
        super().__init__(command)
        self.agents_dir = agents_dir or Path.home() / "Library" / "LaunchAgents"

    @property
    def plist(self) -> Path:
        return self.agents_dir / f"{APP_ID}.plist"

    def is_enabled(self) -> bool:
        return self.plist.exists()

    def enable(self) -> None:
        self.agents_dir.mkdir(parents=True, exist_ok=True)
        document = {
            "Label": APP_ID,
            "ProgramArguments": self.command,
            "RunAtLoad": True,
            # the tray app is interactive: do not restart it when the user quits
            "KeepAlive": False,
            "ProcessType": "Interactive",
        }
        self.plist.write_bytes(plistlib.dumps(document))

    def disable(self) -> None:
        self.plist.unlink(missing_ok=True)
