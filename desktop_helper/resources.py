"""Locating files shipped in ``resources/`` (source tree, installed wheel or frozen bundle)."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    here = Path(__file__).resolve().parent
    candidates = [
        Path(getattr(sys, "_MEIPASS", "")) / "resources" if getattr(sys, "frozen", False) else None,
        here / "resources",  # installed wheel (force-included)
        here.parent / "resources",  # source checkout
    ]
    for candidate in candidates:
        if candidate is not None and (candidate / "icons").is_dir():
            return candidate
    raise FileNotFoundError("desktop_helper resources folder not found; the installation is incomplete")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
