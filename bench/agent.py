"""GUI agent: how fast Stop halts a run, and what a step costs apart from the model.

* ``stop_ms``: ``AgentRun.stop()`` called from another thread while the model streams, until the
  worker thread has ended (the run is over, nothing more can be sent);
* ``hotkey_stop_ms``: a real key press of the stop hotkey (``xdotool key``) until the run is
  halted (stop flag set by the listener thread), compared with the bare ``xdotool key`` round trip
  of a harmless key (the baseline: the part of the figure that is the test tool itself);
* ``step_overhead_ms``: one step with an instant scripted model: hide our windows, capture the
  monitor (PNG), build the prompt with up to 4 half-size history screenshots, parse, plan and
  propose; compared with a bare mss grab of the same monitor (the baseline).

The target is 200 ms for Stop. Run: uv run python bench/agent.py
The last line is one JSON object with the medians.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repo root: bench and tests import as packages
from bench._common import display, median, summary
from desktop_helper.agent.loop import AgentConfig, AgentRun, Proposal
from desktop_helper.agent.record import RunOutcome, StepRecord
from desktop_helper.agent.screen import BackendScreen, list_monitors
from desktop_helper.backends.scripted import ScriptedBackend
from desktop_helper.core.geometry import Rect

HOVER = "Point at the middle.\n<|begin_of_box|>hover(start_box='[500,500]')<|end_of_box|>\nMemory:\n[]"
RUNS = 15


class Listener:
    def __init__(self) -> None:
        self.finished = threading.Event()
        self.proposed: list[tuple[float, Proposal]] = []
        self.step_started: list[float] = []
        self.run: AgentRun | None = None

    def on_status(self, text: str) -> None:
        if "looking at the screen" in text:
            self.step_started.append(time.perf_counter())

    def on_proposal(self, proposal: Proposal) -> None:
        self.proposed.append((time.perf_counter(), proposal))
        assert self.run is not None
        self.run.skip(proposal.number)

    def on_step(self, step: StepRecord) -> None:
        pass

    def on_finished(self, outcome: RunOutcome) -> None:
        self.finished.set()

    @contextmanager
    def screen_clear(self) -> Iterator[None]:
        yield


def _no_executor(bounds: Rect, stopped: Any) -> Any:
    raise AssertionError("nothing is performed in this benchmark")


def stop_latency(monitor: Any) -> list[float]:
    times = []
    for _ in range(RUNS):
        listener = Listener()
        run = AgentRun(
            ScriptedBackend([HOVER * 50], chunk_size=1, delay=0.005),
            AgentConfig("bench"),
            lambda: BackendScreen.of_this_desktop(monitor),
            _no_executor,
            listener=listener,
        )
        listener.run = run
        run.start()
        time.sleep(0.4)  # inside the model's answer
        started = time.perf_counter()
        run.stop()
        run.join(5)
        times.append((time.perf_counter() - started) * 1000)
    return times


def hotkey_latency(monitor: Any, env: dict[str, str]) -> tuple[list[float], list[float]]:
    from desktop_helper.ui.agent_session import start_stop_hotkey

    stop_times, baseline = [], []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run(["xdotool", "key", "shift"], env=env, check=True)
        baseline.append((time.perf_counter() - started) * 1000)
    for _ in range(RUNS):
        listener = Listener()
        run = AgentRun(
            ScriptedBackend([HOVER * 50], chunk_size=1, delay=0.005),
            AgentConfig("bench"),
            lambda: BackendScreen.of_this_desktop(monitor),
            _no_executor,
            listener=listener,
        )
        listener.run = run
        close = start_stop_hotkey("<ctrl>+<alt>+<shift>+x", run.stop)
        try:
            run.start()
            time.sleep(0.4)
            pressed = time.monotonic()
            subprocess.run(["xdotool", "key", "ctrl+alt+shift+x"], env=env, check=True)
            run.join(5)
            assert run.stopped_at is not None, "the hotkey did not stop the run"
            stop_times.append((run.stopped_at - pressed) * 1000)
        finally:
            close()
    return stop_times, baseline


def step_overhead(monitor: Any) -> tuple[list[float], list[float]]:
    import mss

    listener = Listener()
    steps = RUNS + 5
    run = AgentRun(
        ScriptedBackend([HOVER]),
        AgentConfig("bench", max_steps=steps, settle_timeout=0.0),
        lambda: BackendScreen.of_this_desktop(monitor),
        _no_executor,
        listener=listener,
    )
    listener.run = run
    run.start()
    run.join(120)
    # skip the first steps: mss setup, and the history filling up to its 4 screenshots
    overhead = [(t - s) * 1000 for s, (t, _p) in zip(listener.step_started[5:], listener.proposed[5:], strict=False)]
    x, y, w, h = monitor.physical.as_ints()
    grabs = []
    with mss.MSS() as grabber:
        grabber.grab({"left": x, "top": y, "width": w, "height": h})
        for _ in range(RUNS):
            started = time.perf_counter()
            grabber.grab({"left": x, "top": y, "width": w, "height": h})
            grabs.append((time.perf_counter() - started) * 1000)
    return overhead, grabs


def main() -> None:
    import os

    with display():
        monitor = list_monitors()[0]
        stop = stop_latency(monitor)
        hotkey, xdotool_alone = hotkey_latency(monitor, dict(os.environ))
        overhead, grab = step_overhead(monitor)
    w, h = monitor.physical.as_ints()[2:]
    print(f"monitor {w}x{h}, {RUNS} runs each")
    print(f"stop() while the model streams -> worker ended: median {median(stop):.1f} ms, max {max(stop):.1f} ms")
    print(f"stop hotkey (xdotool) -> run halted:            median {median(hotkey):.1f} ms, max {max(hotkey):.1f} ms")
    print(f"  baseline: bare 'xdotool key shift' round trip: median {median(xdotool_alone):.1f} ms")
    print(f"step overhead without the model:                median {median(overhead):.1f} ms, max {max(overhead):.1f} ms")
    print(f"  baseline: bare mss grab of the monitor:        median {median(grab):.1f} ms")
    summary(
        {
            "stop_ms": median(stop),
            "stop_max_ms": max(stop),
            "hotkey_stop_ms": median(hotkey),
            "hotkey_stop_max_ms": max(hotkey),
            "xdotool_baseline_ms": median(xdotool_alone),
            "step_overhead_ms": median(overhead),
            "grab_baseline_ms": median(grab),
        }
    )


if __name__ == "__main__":
    main()
