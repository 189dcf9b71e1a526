"""Where the app keeps its files.

Platform folders come from platformdirs. ``DESKTOP_HELPER_HOME`` (or ``--profile DIR``) puts
everything under one folder instead: tests, portable installs and the bundle smoke test use it
so they never touch the user's real profile.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

PROFILE_ENV = "DESKTOP_HELPER_HOME"


@dataclass(frozen=True)
class AppPaths:
    config: Path
    data: Path
    cache: Path
    logs: Path

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.json"

    @property
    def history_db(self) -> Path:
        return self.data / "history.sqlite3"

    @property
    def models(self) -> Path:
        return self.data / "models"

    @property
    def attachments(self) -> Path:
        return self.data / "attachments"

    @property
    def recordings(self) -> Path:
        return self.data / "recordings"

    def instance_key(self) -> str:
        """A short id of this profile: one running instance per user and profile."""
        return hashlib.sha256(str(self.config.resolve()).encode()).hexdigest()[:10]

    def ensure(self) -> None:
        for folder in (self.config, self.data, self.cache, self.logs):
            folder.mkdir(parents=True, exist_ok=True)


def app_paths(profile: str | os.PathLike[str] | None = None) -> AppPaths:
    root = profile or os.environ.get(PROFILE_ENV)
    if root:
        base = Path(root).expanduser().absolute()
        return AppPaths(base / "config", base / "data", base / "cache", base / "logs")
    import platformdirs

    name = "desktop-helper"
    return AppPaths(
        Path(platformdirs.user_config_dir(name, appauthor=False)),
        Path(platformdirs.user_data_dir(name, appauthor=False)),
        Path(platformdirs.user_cache_dir(name, appauthor=False)),
        Path(platformdirs.user_log_dir(name, appauthor=False)),
    )
