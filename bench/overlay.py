"""Time from the model's last answer token to its boxes painted on the screen, for 1 and 100 boxes.

Measures the whole path the app takes after a grounding answer ends: parse the text, map the boxes
through the capture geometry, build shapes, show the overlay windows and paint them, then one X
round trip (``QGuiApplication.sync``) so the server has received the pixels. The goal is one frame
(16 ms at 60 Hz).

Compares the two overlay modes (shaped outline-only without a compositor, translucent with one)
when it runs on its own Xvfb (started when ``DISPLAY`` is not set); on an existing display it
measures the mode that display allows. The headline figures are the slower mode's medians.

Run: uv run python bench/overlay.py
The last line is one JSON object with ``ms_1_box`` and ``ms_100_boxes``.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repo root: bench and tests import as packages
from bench._common import display, median, summary
from desktop_helper.backends.base import ChatRequest, TextDelta
from desktop_helper.backends.scripted import ScriptedBackend
from desktop_helper.core.geometry import CaptureGeometry, Monitor, Rect
from desktop_helper.core.types import Message

RUNS = 30
WARMUP = 3
#: Pause after clearing the previous run's overlay. Hiding a window costs the X server (and a
#: compositor) work after the client is done; run back to back, that work from run N competed with
#: run N+1 for the CPU and was counted in it (QXcbWindow::show waits for the server). A real answer
#: finds an overlay cleared seconds before.
SETTLE_SECONDS = 0.1


def answer_with_boxes(count: int) -> str:
    """A grounding answer in the JSON form the prompt asks for, boxes spread over the screen."""
    side = max(1, round(count**0.5))
    entries = []
    for index in range(count):
        row, col = divmod(index, side)
        x1, y1 = 20 + col * 960 // side, 20 + row * 960 // side
        entries.append(f'{{"label": "item {index + 1}", "bbox_2d": [{x1}, {y1}, {x1 + 600 // side}, {y1 + 500 // side}]}}')
    return "<think>Looking for the items.</think>[" + ", ".join(entries) + "]"


def measure(controller: Any, geometry: CaptureGeometry, count: int, runs: int) -> dict[str, list[float]]:
    """Per run: total ms from last token to painted+synced, and the parse+map share."""
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from desktop_helper.grounding import ground_answer, shapes_for

    backend = ScriptedBackend([answer_with_boxes(count)], chunk_size=64)
    request = ChatRequest(messages=(Message.text("user", "find"),))
    totals: list[float] = []
    parse_map: list[float] = []
    for _ in range(runs):
        controller.clear()
        QApplication.processEvents()
        QGuiApplication.sync()
        time.sleep(SETTLE_SECONDS)
        QApplication.processEvents()
        answer: list[str] = []
        thinking_done = False
        last_token = 0.0
        for event in backend.stream(request):
            if isinstance(event, TextDelta):
                answer.append(event.text)
                last_token = time.perf_counter()
            thinking_done = thinking_done or not isinstance(event, TextDelta)
        start = last_token
        result = ground_answer("".join(answer), geometry)
        shapes = shapes_for(result)
        mapped = time.perf_counter()
        assert len(result.items) == count, (len(result.items), result.error)
        controller.show_shapes(shapes, fade_seconds=0)
        shown = [w for w in controller.windows() if w.isVisible()]
        deadline = time.monotonic() + 5
        while not all(w.last_paint > start for w in shown) and time.monotonic() < deadline:
            QApplication.processEvents()
        QGuiApplication.sync()
        end = time.perf_counter()
        totals.append((end - start) * 1000)
        parse_map.append((mapped - start) * 1000)
    controller.clear()
    return {"total": totals, "parse_map": parse_map}


def run_mode(label: str, geometry: CaptureGeometry, figures: dict[str, Any]) -> None:
    from desktop_helper.ui.overlay import OverlayController

    controller = OverlayController(fade_seconds=0)
    try:
        mode = "translucent" if controller.translucent else "shaped"
        cold = measure(controller, geometry, 1, 1)["total"][0]
        for count in (1, 100):
            measure(controller, geometry, count, WARMUP)
            result = measure(controller, geometry, count, RUNS)
            totals = sorted(result["total"])
            p90 = totals[int(0.9 * (len(totals) - 1))]
            key = f"{mode}_{count}"
            figures[f"{key}_median_ms"] = median(totals)
            figures[f"{key}_p90_ms"] = p90
            # the best run shows the cost of the work itself when other processes leave the CPU alone
            figures[f"{key}_min_ms"] = totals[0]
            figures[f"{key}_parse_map_ms"] = median(result["parse_map"])
            print(
                f"  {label:<22} {mode:<12} {count:>3} box(es): median {median(totals):6.2f} ms, p90 {p90:6.2f} ms, "
                f"min {totals[0]:6.2f} ms, "
                f"stdev {statistics.pstdev(totals):5.2f} ms (parse+map {median(result['parse_map']):5.2f} ms)"
            )
        figures[f"{mode}_first_show_ms"] = cold
        print(f"  {label:<22} {mode:<12} first show after start: {cold:6.2f} ms")
    finally:
        controller.shutdown()


def main() -> int:
    with display() as server:
        from PySide6.QtWidgets import QApplication

        _app = QApplication.instance() or QApplication(sys.argv[:1])
        screen = QApplication.primaryScreen()
        g, ratio = screen.geometry(), screen.devicePixelRatio()
        physical = Rect(g.x(), g.y(), g.width() * ratio, g.height() * ratio)
        monitor = Monitor(1, screen.name(), physical, ratio, primary=True)
        geometry = CaptureGeometry(monitor, physical, sent_size=(1288, 728))
        print(f"Overlay latency, last answer token -> boxes painted ({RUNS} runs each, display {os.environ.get('DISPLAY')},"
              f" {physical.width:g}x{physical.height:g} px, CPUs {os.cpu_count()}):")
        # Other work on the machine moves these figures a lot; say how busy it was.
        figures: dict[str, Any] = {"runs": RUNS, "load_avg_1m_before": os.getloadavg()[0]}
        print(f"  load average before: {os.getloadavg()[0]:.2f}")
        run_mode("current display", geometry, figures)
        if server is not None:
            server.start_compositor()
            run_mode("with xcompmgr", geometry, figures)
            server.stop_compositor()
        modes = [m for m in ("shaped", "translucent") if f"{m}_1_median_ms" in figures]
        figures["ms_1_box"] = max(figures[f"{m}_1_median_ms"] for m in modes)
        figures["ms_100_boxes"] = max(figures[f"{m}_100_median_ms"] for m in modes)
        figures["goal_ms"] = 16.0
        figures["load_avg_1m_after"] = os.getloadavg()[0]
        verdict = "within" if figures["ms_100_boxes"] <= 16.0 else "over"
        print(
            f"Slower mode: 1 box {figures['ms_1_box']:.2f} ms, 100 boxes {figures['ms_100_boxes']:.2f} ms"
            f" ({verdict} one 60 Hz frame)"
        )
        summary(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
