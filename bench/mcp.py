"""What the MCP server costs: capture through MCP vs in-process, find through MCP vs ``desktop-helper find``.

One run, one private Xvfb desktop (1920x1080) unless ``DISPLAY`` is set, the real app running with a
scripted model (so the model's time is ~0 and what is left is the plumbing), and the MCP SDK's own
client talking to ``python -m desktop_helper mcp`` over stdio. Medians of several calls:

* ``capture_inprocess_ms``: monitor 1 grabbed, fitted to 1568 px and PNG-encoded in this process
  (desktop_helper.mcp.operations, what the app does for a capture call): the floor;
* ``capture_mcp_ms``: the same capture as an MCP tool call, through the app (socket, hand-off file, base64);
* ``find_cli_ms``: ``desktop-helper find TARGET`` from a shell (a new Python process each time);
* ``find_mcp_ms``: the same search as an MCP tool call in an open session.

Ratios: ``capture_ratio`` = MCP / in-process (goal: under 3), ``find_ratio`` = MCP / CLI (goal: under 1:
an MCP client keeps its session). Run: ``uv run python bench/mcp.py``. Last line: JSON.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

# this file is named like the SDK's package: without its own folder first on the path, 'import mcp' finds the SDK
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repo root: bench and tests import as packages
from bench._common import display, median, summary  # noqa: E402

CAPTURES = 12
FINDS = 6
MAX_SIZE = 1568
#: between two searches (not timed): a search the CLI started ends before the next (a busy app refuses one)
PAUSE = 0.3
FIND_ANSWER = '[{"label": "Save", "bbox_2d": [100, 200, 300, 400]}]'


def capture_in_process() -> list[float]:
    from desktop_helper.mcp.operations import ScreenOperations
    from desktop_helper.mcp.tools import CaptureTarget
    from desktop_helper.platform.capture import capture_backend_for_current_os

    backend = capture_backend_for_current_os()
    operations = ScreenOperations(backend, None, lambda: None, lambda _key: None)  # type: ignore[arg-type,return-value]
    target = CaptureTarget("monitor", monitor=1)
    operations.capture_png(target, MAX_SIZE)  # warm up: the first grab opens the X connection
    times = []
    for _ in range(CAPTURES):
        started = time.perf_counter()
        operations.capture_png(target, MAX_SIZE)
        times.append((time.perf_counter() - started) * 1000)
    backend.close()
    return times


def find_by_cli(env: dict[str, str]) -> tuple[list[float], str]:
    times = []
    output = ""
    for _ in range(FINDS):
        started = time.perf_counter()
        command = [sys.executable, "-m", "desktop_helper", "find", "the Save button"]
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        times.append((time.perf_counter() - started) * 1000)
        output = result.stdout.strip()
        time.sleep(PAUSE)
    return times, output


def through_mcp(env: dict[str, str]) -> dict[str, list[float]]:
    from mcp.client.session import ClientSession
    from mcp.client.stdio import StdioServerParameters, stdio_client

    times: dict[str, list[float]] = {"capture": [], "find": []}

    async def main() -> None:
        params = StdioServerParameters(command=sys.executable, args=["-m", "desktop_helper", "mcp"], env=env)
        async with stdio_client(params) as (read, write), ClientSession(read, write) as session:
            await session.initialize()
            await session.call_tool("capture", {"monitor": 1, "max_size": MAX_SIZE})  # warm up
            for _ in range(CAPTURES):
                started = time.perf_counter()
                result = await session.call_tool("capture", {"monitor": 1, "max_size": MAX_SIZE})
                times["capture"].append((time.perf_counter() - started) * 1000)
                assert not result.is_error, result
            for _ in range(FINDS):
                started = time.perf_counter()
                result = await session.call_tool("find_on_screen", {"description": "the Save button"})
                times["find"].append((time.perf_counter() - started) * 1000)
                assert not result.is_error, result
                time.sleep(PAUSE)

    asyncio.run(main())
    return times


def main() -> int:
    from tests.harness.app_process import AppProcess

    with display(), tempfile.TemporaryDirectory(prefix="bench-mcp-") as folder:
        root = Path(folder)
        script = root / "script.json"
        script.write_text(json.dumps({"script": [FIND_ANSWER]}), encoding="utf-8")
        env = {
            **os.environ,
            "DESKTOP_HELPER_HOME": str(root / "profile"),
            "DESKTOP_HELPER_SCRIPTED_BACKEND": str(script),
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        }
        in_process = capture_in_process()
        app = AppProcess(root / "profile", env)
        try:
            app.wait_ready()
            mcp_times = through_mcp(env)
            cli_times, cli_output = find_by_cli(env)
            app.cli("quit")
            app.wait_exit(30)
        finally:
            app.kill()
    figures: dict[str, Any] = {
        "capture_inprocess_ms": median(in_process),
        "capture_mcp_ms": median(mcp_times["capture"]),
        "find_cli_ms": median(cli_times),
        "find_mcp_ms": median(mcp_times["find"]),
    }
    figures["capture_ratio"] = figures["capture_mcp_ms"] / figures["capture_inprocess_ms"]
    figures["find_ratio"] = figures["find_mcp_ms"] / figures["find_cli_ms"]
    # before 'desktop-helper find' waited for its boxes it returned when the search started: say which one ran
    figures["find_cli_waits_for_boxes"] = "x=" in cli_output
    print(f"capture, monitor 1 fitted to {MAX_SIZE} px PNG (median of {CAPTURES}):")
    print(f"  in process      {figures['capture_inprocess_ms']:8.1f} ms")
    print(f"  through MCP     {figures['capture_mcp_ms']:8.1f} ms   ({figures['capture_ratio']:.2f}x)")
    print(f"find on screen, scripted model (median of {FINDS}):")
    print(f"  desktop-helper find  {figures['find_cli_ms']:8.1f} ms" + ("" if figures["find_cli_waits_for_boxes"] else
          "   (returned when the search started: this CLI does not wait for the boxes)"))
    print(f"  through MCP          {figures['find_mcp_ms']:8.1f} ms   ({figures['find_ratio']:.2f}x)")
    summary(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
