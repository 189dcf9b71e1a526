"""``desktop-helper mcp`` driven by the MCP SDK's own client over stdio (``python -m desktop_helper mcp``).

Without the app the read-only tools run in the MCP process (on the test X server, the tiny GLM model
for ``ask``); with the real app running (scripted model) every call goes through it: captures, find
with its boxes drawn by the app's overlay, and perform_action, which acts only after a real click on
Confirm (xdotool) and lands in a test window that records its input.
"""

from __future__ import annotations

import asyncio
import io
import json
import os
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from desktop_helper.settings.paths import app_paths
from desktop_helper.settings.store import Settings
from tests.harness.app_process import AppProcess
from tests.harness.xserver import XServer

pytestmark = [pytest.mark.gui, pytest.mark.slow]

READ_ONLY = ["list_monitors", "capture", "ask", "find_on_screen", "propose_action"]
#: the scripted model's grounding answer: one box, 0..1000 of the capture
FIND_ANSWER = '[{"label": "Save", "bbox_2d": [100, 200, 300, 400]}]'

Session = Any
Body = Callable[[Session], Awaitable[None]]


def _with_mcp(body: Body, env: dict[str, str] | None = None) -> None:
    """Run ``body`` with an initialized client session to ``python -m desktop_helper mcp``."""
    from mcp.client.session import ClientSession
    from mcp.client.stdio import StdioServerParameters, stdio_client

    async def main() -> None:
        params = StdioServerParameters(command=sys.executable, args=["-m", "desktop_helper", "mcp"], env=env or dict(os.environ))
        async with stdio_client(params) as (read, write), ClientSession(read, write) as session:
            await session.initialize()
            await body(session)

    asyncio.run(main())


def _text(result: Any) -> str:
    return "\n".join(part.text for part in result.content if part.type == "text")


def _png(result: Any) -> Image.Image:
    import base64

    images = [part for part in result.content if part.type == "image"]
    assert len(images) == 1, result
    assert images[0].mime_type == "image/png"
    data = base64.b64decode(images[0].data)
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    return Image.open(io.BytesIO(data))


def _settings(profile: Path, **values: object) -> None:
    settings = Settings(app_paths(profile).settings_file)
    for key, value in values.items():
        settings.set(key.replace("__", "."), value)


def test_headless_tools_schemas_captures_and_bad_arguments(profile: Path) -> None:
    _settings(profile, mcp__perform_action=True)

    async def body(session: Session) -> None:
        listed = (await session.list_tools()).tools
        assert [tool.name for tool in listed] == [*READ_ONLY, "perform_action"]
        for tool in listed:
            assert tool.description
            assert tool.input_schema["type"] == "object"
            for name, schema in tool.input_schema.get("properties", {}).items():
                assert schema.get("description"), f"{tool.name}.{name} has no description"
        capture = next(tool for tool in listed if tool.name == "capture")
        assert capture.input_schema["properties"]["max_size"]["maximum"] == 4096
        assert capture.annotations is not None
        assert capture.annotations.read_only_hint is True

        monitors = json.loads(_text(await session.call_tool("list_monitors", {})))["monitors"]
        assert [(m["width"], m["height"]) for m in monitors] == [(1920, 1080)]

        shot = await session.call_tool("capture", {"max_size": 480})
        assert not shot.is_error, _text(shot)
        assert _png(shot).size == (480, 270)
        assert "1920x1080" in _text(shot)
        region_box = {"x": 10, "y": 20, "width": 300, "height": 200}
        region = await session.call_tool("capture", {"target": "region", "region": region_box})
        assert _png(region).size == (300, 200)

        bad = {
            "capture-negative-region": ("capture", {"region": {"x": 0, "y": 0, "width": -5, "height": 10}}, "region.width"),
            "capture-off-screen": ("capture", {"region": {"x": -9000, "y": 0, "width": 50, "height": 50}}, "not on any monitor"),
            "capture-unknown-monitor": ("capture", {"monitor": 5}, "There is no monitor 5"),
            "capture-huge-size": ("capture", {"max_size": 100000}, "max_size must be between 16 and 4096"),
            "capture-unknown-argument": ("capture", {"zoom": 2}, "does not take 'zoom'"),
            "ask-missing-file": ("ask", {"question": "what?", "image_path": "/no/such/shot.png"}, "There is no image file"),
            "ask-no-question": ("ask", {}, "needs 'question'"),
            "perform-bad-action": ("perform_action", {"action": {"kind": "teleport"}}, "action.kind must be one of"),
        }
        for case, (tool, arguments, message) in bad.items():
            result = await session.call_tool(tool, arguments)
            assert result.is_error, case
            assert message in _text(result), (case, _text(result))

        # no app: acting is explained, not attempted
        act = await session.call_tool("perform_action", {"action": {"kind": "click", "x": 5, "y": 5}})
        assert act.is_error
        assert "Start Desktop Helper, then try again" in _text(act)
        # the server is still serving after all that
        assert not (await session.call_tool("list_monitors", {})).is_error

    _with_mcp(body)
    log = (app_paths(profile).logs / "mcp.log").read_text(encoding="utf-8")
    assert 'mcp call capture {"max_size": 480}: ok' in log
    assert 'mcp call ask {"question": "<5 characters>", "image_path": "/no/such/shot.png"}: error' in log


def test_switched_off_server_and_tools(profile: Path) -> None:
    _settings(profile, mcp__capture=False)

    async def some_off(session: Session) -> None:
        names = [tool.name for tool in (await session.list_tools()).tools]
        assert names == [name for name in READ_ONLY if name != "capture"]
        result = await session.call_tool("capture", {})
        assert result.is_error
        assert "turned off" in _text(result)

    _with_mcp(some_off)
    _settings(profile, mcp__enabled=False)

    async def all_off(session: Session) -> None:
        assert (await session.list_tools()).tools == []
        result = await session.call_tool("list_monitors", {})
        assert result.is_error
        assert "MCP server of Desktop Helper is turned off" in _text(result)

    _with_mcp(all_off)


def test_headless_find_and_propose_with_a_scripted_model(profile: Path, tmp_path: Path, x_server: XServer) -> None:
    click = "Press the middle.\n<|begin_of_box|>left_click(start_box='[500,500]')<|end_of_box|>\nMemory:\n[]"
    script = tmp_path / "script.json"
    script.write_text(json.dumps({"script": [FIND_ANSWER, "[]", click]}), encoding="utf-8")
    env = {**os.environ, "DESKTOP_HELPER_SCRIPTED_BACKEND": str(script)}

    async def body(session: Session) -> None:
        found = await session.call_tool("find_on_screen", {"description": "the Save button"})
        assert not found.is_error, _text(found)
        assert _text(found).splitlines()[0] == "Save: x=192, y=216, w=384, h=216 (monitor 1)"
        assert not _visible_windows(x_server, "Desktop Helper overlay")  # no app, nothing drawn
        nothing = await session.call_tool("find_on_screen", {"description": "a unicorn"})
        assert nothing.is_error
        assert "Nothing found for: a unicorn" in _text(nothing)

        proposed = await session.call_tool("propose_action", {"task": "press the middle", "monitor": 1})
        assert not proposed.is_error, _text(proposed)
        assert "Nothing was done." in proposed.content[0].text
        details = json.loads(proposed.content[-1].text)
        action = details["action"]
        assert action["kind"] == "click"
        assert abs(action["x"] - 960) <= 1
        assert abs(action["y"] - 540) <= 1
        assert details["call"].startswith("left_click(")
        assert (await session.call_tool("propose_action", {"task": "x", "monitor": 9})).is_error

    _with_mcp(body, env)


def test_ask_about_an_image_with_the_tiny_model_headless(profile: Path, tiny_glm4v: Any, tmp_path: Path) -> None:
    _settings(profile, models__local_model_path=str(tiny_glm4v.model), models__local_mmproj_path=str(tiny_glm4v.mmproj))
    image = tmp_path / "shot.png"
    Image.new("RGB", (64, 48), (200, 30, 30)).save(image)

    async def body(session: Session) -> None:
        result = await session.call_tool("ask", {"question": "What colour is this?", "image_path": str(image), "max_tokens": 8})
        assert not result.is_error, _text(result)
        details = json.loads(result.content[-1].text)
        assert details["source"] == str(image)
        assert details["finish_reason"] in ("stop", "length")

    _with_mcp(body)


# ---------------------------------------------------------------------- through the running app


def _target_app(tmp_path: Path, env: dict[str, str]) -> tuple[subprocess.Popen[bytes], Path, dict[str, Any]]:
    report = tmp_path / "target.jsonl"
    process = subprocess.Popen([sys.executable, "-m", "tests.tools.agent_target_app", str(report), "900", "500"], env=env)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        for line in report.read_text(encoding="utf-8").splitlines() if report.exists() else []:
            event = json.loads(line)
            if event["event"] == "ready":
                return process, report, event
        time.sleep(0.1)
    process.kill()
    raise AssertionError("the target app did not start")


def _events(report: Path) -> list[str]:
    return [json.loads(line)["event"] for line in report.read_text(encoding="utf-8").splitlines()]


def _visible_windows(x_server: XServer, name: str) -> list[str]:
    result = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", name], env=x_server.env, capture_output=True, text=True, check=False
    )
    return result.stdout.split()


def _wait_for_panel(x_server: XServer) -> list[str]:
    deadline = time.monotonic() + 20
    windows: list[str] = []
    while time.monotonic() < deadline and not windows:
        windows = _visible_windows(x_server, "Desktop Helper agent")
        time.sleep(0.1)
    assert windows, "the step panel did not appear"
    time.sleep(0.5)  # mapped and painted
    return windows


def _click_confirm(x_server: XServer) -> None:
    """Click the step panel's Confirm (the first of its three buttons, along its bottom edge) with xdotool."""
    windows = _wait_for_panel(x_server)
    geometry = dict(
        line.split("=", 1) for line in x_server.xdotool("getwindowgeometry", "--shell", windows[-1]).split() if "=" in line
    )
    x, y, width, height = (int(geometry[key]) for key in ("X", "Y", "WIDTH", "HEIGHT"))
    # frame 2 px + margins 12 px; three equal buttons; their row ends 10 px above the frame's bottom
    confirm_x = x + 14 + (width - 28) // 6
    confirm_y = y + height - 12 - 14
    x_server.xdotool("mousemove", str(confirm_x), str(confirm_y))
    # the window manager may take the first press on a window that never takes the focus: press
    # until the panel goes away (a second Confirm of the same step does nothing)
    for _attempt in range(4):
        time.sleep(0.5)
        x_server.xdotool("click", "1")
        time.sleep(1.0)
        if not _visible_windows(x_server, "Desktop Helper agent"):
            return


def test_through_the_app_capture_find_drawn_and_confirmed_actions(
    x_server: XServer, profile: Path, tmp_path: Path
) -> None:
    script = tmp_path / "script.json"
    script.write_text(json.dumps({"script": [FIND_ANSWER]}), encoding="utf-8")
    _settings(profile, mcp__perform_action=True, general__show_chat_on_start=False)
    env = {**x_server.env, **{k: v for k, v in os.environ.items() if k.startswith(("XDG_", "PYTHON_KEYRING"))}}
    env["DESKTOP_HELPER_SCRIPTED_BACKEND"] = str(script)
    app = AppProcess(profile, env)
    target, report, ready = _target_app(tmp_path, env)
    try:
        assert app.wait_ready()["model"]["ready"]

        async def body(session: Session) -> None:
            shot = await session.call_tool("capture", {"target": "monitor", "monitor": 1, "max_size": 960})
            assert not shot.is_error, _text(shot)
            assert _png(shot).size == (960, 540)

            found = await session.call_tool("find_on_screen", {"description": "the Save button"})
            assert not found.is_error, _text(found)
            items = json.loads(found.content[-1].text)["items"]
            # 0..1000 of the 1920x1080 monitor -> screen pixels
            assert [(i["label"], i["x"], i["y"], i["w"], i["h"]) for i in items] == [("Save", 192, 216, 384, 216)]
            assert _visible_windows(x_server, "Desktop Helper overlay"), "the boxes were not drawn"
            asked = await session.call_tool("ask", {"question": "Where is Save?", "monitor": 1})
            assert not asked.is_error, _text(asked)
            answer = json.loads(asked.content[-1].text)
            assert answer["answer"] == FIND_ANSWER  # the app's (scripted) model answered
            assert answer["boxes"][0]["screen"] == {"x": 192, "y": 216, "w": 384, "h": 216}  # as find gives them
            bad = await session.call_tool("capture", {"monitor": 3})
            assert bad.is_error
            assert "There is no monitor 3" in _text(bad)

            bx, by, bw, bh = ready["button"]
            click = {"kind": "click", "x": bx + bw // 2, "y": by + bh // 2}
            # nobody confirms: nothing happens, and the client hears why
            refused = await session.call_tool("perform_action", {"action": click, "reason": "test", "timeout_seconds": 5})
            assert refused.is_error
            assert "Not confirmed within 5 seconds" in _text(refused)
            assert "clicked" not in _events(report)

            # the stop hotkey refuses it at once
            stopping = asyncio.ensure_future(
                session.call_tool("perform_action", {"action": click, "reason": "test", "timeout_seconds": 60})
            )
            await asyncio.to_thread(_wait_for_panel, x_server)
            await asyncio.to_thread(x_server.xdotool, "key", "ctrl+alt+shift+x")
            stopped = await asyncio.wait_for(stopping, 15)
            assert stopped.is_error
            assert "Stopped by the user" in _text(stopped)
            assert "clicked" not in _events(report)

            # the user confirms on the screen: the click lands in the target window
            waiting = asyncio.ensure_future(
                session.call_tool("perform_action", {"action": click, "reason": "press Start", "timeout_seconds": 60})
            )
            await asyncio.to_thread(_click_confirm, x_server)
            done = await asyncio.wait_for(waiting, 30)
            assert not done.is_error, _text(done)
            assert "Performed after the user confirmed" in _text(done)

        _with_mcp(body, env={**env, "DESKTOP_HELPER_HOME": str(profile)})
        x_server.wait_for(lambda: "clicked" in _events(report), "the confirmed click in the target window", timeout=10)
        log = app.log_text()
        assert log.count("forwarded command: ['mcp-call']") >= 5  # every call went through the app
        assert "An MCP client is capturing the screen." in log
        assert app.cli("quit").returncode == 0
        assert app.wait_exit(30) == 0
    finally:
        target.kill()
        target.wait(10)
        app.kill()


def test_streamable_http_on_localhost_needs_the_token(profile: Path) -> None:
    import re
    import urllib.error
    import urllib.request

    from mcp.client.session import ClientSession
    from mcp.client.streamable_http import streamable_http_client
    from mcp.shared._httpx_utils import create_mcp_http_client

    server = subprocess.Popen(
        [sys.executable, "-m", "desktop_helper", "mcp", "--http"], stderr=subprocess.PIPE, text=True, env=dict(os.environ)
    )
    try:
        assert server.stderr is not None
        announced = server.stderr.readline() + server.stderr.readline()
        url_match = re.search(r"(http://127\.0\.0\.1:\d+/mcp)", announced)
        token_match = re.search(r"Bearer (\S+)", announced)
        assert url_match, announced
        assert token_match, announced
        url, token = url_match.group(1), token_match.group(1)
        for headers in ({}, {"Authorization": "Bearer not-the-token"}):
            sent = {"content-type": "application/json", **headers}
            request = urllib.request.Request(url, data=b"{}", method="POST", headers=sent)
            with pytest.raises(urllib.error.HTTPError) as refused:
                urllib.request.urlopen(request, timeout=10)
            assert refused.value.code == 401
            # the error holds the response's connection, and the error sits in a reference cycle (its traceback
            # holds this frame): left open, the socket is finalized by some later test's garbage collection
            refused.value.close()

        async def main() -> None:
            async with (
                create_mcp_http_client(headers={"Authorization": f"Bearer {token}"}) as client,
                streamable_http_client(url, http_client=client) as streams,
                ClientSession(streams[0], streams[1]) as session,
            ):
                await session.initialize()
                assert [tool.name for tool in (await session.list_tools()).tools] == READ_ONLY
                shot = await session.call_tool("capture", {"max_size": 64})
                assert _png(shot).size == (64, 36)

        asyncio.run(main())
    finally:
        server.terminate()
        server.wait(10)
        if server.stderr is not None:
            server.stderr.close()


# ---------------------------------------------------------------------- a client that gives up


def test_a_cancelled_call_stops_and_frees_the_headless_server(profile: Path, tmp_path: Path, x_server: XServer) -> None:
    # a slow answer (about 60 s); the client gives up on it after a moment, as clients with a call timeout do
    script = tmp_path / "script.json"
    script.write_text(json.dumps({"script": ["word " * 120], "chunk_size": 1, "delay": 0.1}), encoding="utf-8")
    env = {**os.environ, "DESKTOP_HELPER_SCRIPTED_BACKEND": str(script)}

    async def body(session: Session) -> None:
        asking = asyncio.ensure_future(session.call_tool("ask", {"question": "Describe everything.", "monitor": 1}))
        await asyncio.sleep(2.0)
        asking.cancel()
        with pytest.raises(asyncio.CancelledError):
            await asking
        # the next call does not wait behind the abandoned answer
        started = time.monotonic()
        shot = await asyncio.wait_for(session.call_tool("capture", {"max_size": 64}), 30)
        assert not shot.is_error, _text(shot)
        assert time.monotonic() - started < 10, "the capture waited for the cancelled answer to finish"

    _with_mcp(body, {**env, "DESKTOP_HELPER_HOME": str(profile)})


def test_a_withdrawn_perform_action_leaves_the_screen(x_server: XServer, profile: Path, tmp_path: Path) -> None:
    script = tmp_path / "script.json"
    script.write_text(json.dumps({"script": [FIND_ANSWER]}), encoding="utf-8")
    _settings(profile, mcp__perform_action=True, general__show_chat_on_start=False)
    env = {**x_server.env, **{k: v for k, v in os.environ.items() if k.startswith(("XDG_", "PYTHON_KEYRING"))}}
    env["DESKTOP_HELPER_SCRIPTED_BACKEND"] = str(script)
    app = AppProcess(profile, env)
    target, report, ready = _target_app(tmp_path, env)
    try:
        assert app.wait_ready()["model"]["ready"]
        bx, by, bw, bh = ready["button"]
        click = {"kind": "click", "x": bx + bw // 2, "y": by + bh // 2}

        async def body(session: Session) -> None:
            waiting = asyncio.ensure_future(
                session.call_tool("perform_action", {"action": click, "reason": "press Start", "timeout_seconds": 120})
            )
            await asyncio.to_thread(_wait_for_panel, x_server)
            waiting.cancel()  # the client gives up (its own timeout, or its user pressed stop)
            with pytest.raises(asyncio.CancelledError):
                await waiting

        _with_mcp(body, env={**env, "DESKTOP_HELPER_HOME": str(profile)})
        x_server.wait_for(
            lambda: not _visible_windows(x_server, "Desktop Helper agent"), "the withdrawn action's panel to go", timeout=10
        )
        x_server.wait_for(lambda: "The MCP client withdrew the request" in app.log_text(), "the withdrawal in the log", timeout=5)
        assert "clicked" not in _events(report)  # nothing can be confirmed for a client that is gone
        assert app.cli("quit").returncode == 0
        assert app.wait_exit(30) == 0
    finally:
        target.kill()
        target.wait(10)
        app.kill()
