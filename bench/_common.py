"""Shared by the benchmarks: a display to run on, and printing the JSON summary line."""

from __future__ import annotations

import json
import os
import statistics
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.harness.xserver import XServer  # noqa: E402


@contextmanager
def display(compositor: bool = False, screens: list[tuple[int, int]] | None = None) -> Iterator[XServer | None]:
    """Use $DISPLAY if set, else start a private Xvfb desktop (with a tray) for the benchmark."""
    if os.environ.get("DISPLAY") and screens is None:
        yield None
        return
    server = XServer(screens=screens or [(1920, 1080)], compositor=compositor).start()
    saved = os.environ.get("DISPLAY")
    os.environ["DISPLAY"] = server.display
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    try:
        yield server
    finally:
        server.stop()
        if saved is None:
            os.environ.pop("DISPLAY", None)
        else:
            os.environ["DISPLAY"] = saved


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def summary(figures: dict[str, Any]) -> None:
    """Print the benchmark's figures as the last line: one JSON object."""
    print(json.dumps({k: (round(v, 3) if isinstance(v, float) else v) for k, v in figures.items()}), flush=True)
