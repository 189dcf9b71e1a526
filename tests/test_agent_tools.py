"""Native tools for the chat: real captures and crops on the X server, the real window list, Windows and
macOS listers on fakes, and tool rounds through both backends (a real HTTP server for the remote one,
real llama.cpp on the tiny model for the local one)."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from PIL import Image

from desktop_helper.agent.tools import ScreenTools, ToolRound, answer_with_tools, capture_backend_grabber
from desktop_helper.backends.base import ChatRequest, Done, TextDelta, Usage
from desktop_helper.core.geometry import Rect
from desktop_helper.core.types import FinishReason, ImagePart, Message, TextPart, ToolCall
from desktop_helper.platform.window_list.base import WindowInfo, WindowLister
from desktop_helper.platform.window_list.macos import windows_from_quartz
from desktop_helper.platform.window_list.windows import WindowsWindowLister
from desktop_helper.platform.window_list.x11 import X11WindowLister
from tests.fixtures.servers import FakeOpenAIServer, Reply, chunk, text_reply


class NoWindows(WindowLister):
    def windows(self) -> list[WindowInfo]:
        return []


@pytest.fixture
def capture() -> Iterator[Any]:
    from desktop_helper.platform.capture.mss_backend import MssBackend

    backend = MssBackend()
    yield backend
    backend.close()


def _pixels(part: ImagePart) -> Image.Image:
    with Image.open(io.BytesIO(part.data)) as image:
        return image.convert("RGB")


def test_capture_then_zoom_returns_full_resolution_pixels(capture: Any, qtbot: Any) -> None:
    from PySide6.QtWidgets import QWidget

    # something distinctive on the screen: a window with a 4-colour pattern
    window = QWidget()
    window.setStyleSheet("background: qlineargradient(x1:0, y1:0, x2:1, y2:1, stop:0 #ff0000, stop:1 #0000ff);")
    window.setGeometry(200, 200, 300, 200)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(300)
    tools = ScreenTools(capture_backend_grabber(capture), NoWindows())
    shot = tools.run(ToolCall("c1", "capture_screen", {}))
    assert shot.role == "tool"
    assert shot.tool_call_id == "c1"
    full = shot.images[0]
    assert (full.width, full.height) == (1920, 1080)
    zoomed = tools.run(ToolCall("c2", "zoom", {"box": [100, 200, 300, 400]}))
    crop = zoomed.images[0]
    # 200/1000 of 1920 x 200/1000 of 1080 at full resolution
    assert (crop.width, crop.height) == (384, 216)
    expected = _pixels(full).crop((192, 216, 576, 432))
    assert _pixels(crop).tobytes() == expected.tobytes()
    assert crop.geometry is not None
    assert crop.geometry.rect == Rect(192, 216, 384, 216)
    assert "full resolution" in zoomed.text_content
    window.close()


def test_zoom_accepts_model_spellings_and_reports_bad_ones(capture: Any) -> None:
    tools = ScreenTools(capture_backend_grabber(capture), NoWindows())
    # no screenshot yet: zoom captures first
    for box in ([[0, 0, 500, 500]], "[0, 0, 500, 500]", {"x1": 0, "y1": 0, "x2": 500, "y2": 500}, [500, 500, 0, 0]):
        result = tools.run(ToolCall("z", "zoom", {"box": box}))
        assert result.images, box
        assert (result.images[0].width, result.images[0].height) == (960, 540), box
    for bad in ([1, 2, 3], [0, 0, 5000, 10], "nonsense", [5, 5, 5, 5]):
        result = tools.run(ToolCall("z", "zoom", {"box": bad}))
        assert not result.images, bad
        assert result.text_content.startswith("Error"), bad
    assert tools.run(ToolCall("m", "capture_screen", {"monitor": 7})).text_content.startswith("Error: There is no monitor 7")
    assert "no tool named" in tools.run(ToolCall("x", "format_disk", {})).text_content
    single = tools.run(ToolCall("m", "capture_screen", {"monitor": 1}))
    assert single.images[0].width == 1920


def test_list_windows_on_x11(qtbot: Any) -> None:
    from PySide6.QtWidgets import QWidget

    window = QWidget()
    window.setWindowTitle("Tool test — Fenster 窓")
    window.setGeometry(150, 160, 320, 240)
    window.show()
    qtbot.waitExposed(window)
    tools = ScreenTools(lambda _m: ImagePart(b"", "image/png", 1, 1), X11WindowLister())
    qtbot.waitUntil(lambda: "Tool test — Fenster 窓" in tools.run(ToolCall("w", "list_windows", {})).text_content, timeout=5000)
    mine = next(w for w in X11WindowLister().windows() if w.title == "Tool test — Fenster 窓")
    assert mine.rect is not None
    assert abs(mine.rect.width - 320) <= 2
    assert abs(mine.rect.height - 240) <= 2
    window.close()


class FakeWindowsApi:
    def top_level_windows(self) -> list[int]:
        return [1, 2, 3, 4]

    def is_visible(self, hwnd: int) -> bool:
        return hwnd != 3

    def is_tool_window(self, hwnd: int) -> bool:
        return hwnd == 4

    def title(self, hwnd: int) -> str:
        return {1: "Document - Editor", 2: "", 3: "Hidden", 4: "Palette"}[hwnd]

    def executable(self, hwnd: int) -> str:
        return "editor.exe"

    def rect(self, hwnd: int) -> tuple[int, int, int, int]:
        return (10, 20, 810, 620)

    def foreground(self) -> int:
        return 1

    def is_minimized(self, hwnd: int) -> bool:
        return False


def test_windows_and_macos_listers_on_fakes() -> None:
    windows = WindowsWindowLister(FakeWindowsApi()).windows()
    assert windows == [WindowInfo("Document - Editor", "editor.exe", Rect(10, 20, 800, 600), True, False)]
    mac = windows_from_quartz(
        [
            {"kCGWindowLayer": 25, "kCGWindowOwnerName": "Dock"},
            {
                "kCGWindowLayer": 0,
                "kCGWindowOwnerName": "Safari",
                "kCGWindowName": "Start",
                "kCGWindowBounds": {"X": 0, "Y": 25, "Width": 1440, "Height": 875},
            },
            {
                "kCGWindowLayer": 0,
                "kCGWindowOwnerName": "Terminal",
                "kCGWindowBounds": {"X": 5, "Y": 5, "Width": 10, "Height": 10},
            },
        ]
    )
    assert [(w.title, w.app, w.focused) for w in mac] == [("Start", "Safari", True), ("Terminal", "Terminal", False)]


def _call_delta(index: int, call_id: str, name: str, arguments: str) -> dict[str, Any]:
    return {"index": index, "id": call_id, "type": "function", "function": {"name": name, "arguments": arguments}}


def test_tool_round_through_the_remote_backend(fake_openai: FakeOpenAIServer, capture: Any) -> None:
    from desktop_helper.backends.openai_compat import OpenAICompatBackend
    from desktop_helper.settings.providers import from_preset

    fake_openai.script(
        Reply(
            events=[
                chunk("Let me look."),
                chunk(tool_calls=[_call_delta(0, "call_1", "capture_screen", "{}")]),
                chunk(finish="tool_calls"),
            ]
        ),
        Reply(
            events=[
                chunk(tool_calls=[_call_delta(0, "call_2", "zoom", json.dumps({"box": [0, 0, 100, 100]}))]),
                chunk(finish="tool_calls"),
            ]
        ),
        text_reply("The top-left corner is plain."),
    )
    config = replace(from_preset("custom", "test"), base_url=fake_openai.url, model="test-model")
    backend = OpenAICompatBackend(config, "sk-test")
    try:
        tools = ScreenTools(capture_backend_grabber(capture), NoWindows())
        events = list(answer_with_tools(backend, ChatRequest((Message.text("user", "What is in the corner?"),)), tools))
    finally:
        backend.close()
    rounds = [e for e in events if isinstance(e, ToolRound)]
    assert [r.assistant.tool_calls[0].name for r in rounds] == ["capture_screen", "zoom"]
    assert "".join(e.text for e in events if isinstance(e, TextDelta)).endswith("The top-left corner is plain.")
    assert isinstance(events[-1], Done)
    assert events[-1].reason is FinishReason.STOP
    requests = fake_openai.chat_requests
    assert len(requests) == 3
    assert {t["function"]["name"] for t in requests[0].body["tools"]} == {"capture_screen", "zoom", "list_windows"}
    third = requests[2].body["messages"]
    tool_messages = [m for m in third if m["role"] == "tool"]
    assert [m["tool_call_id"] for m in tool_messages] == ["call_1", "call_2"]
    # the screenshot and the crop went back as images, not as text
    images = [
        p
        for m in third
        if m["role"] == "user" and isinstance(m["content"], list)
        for p in m["content"]
        if p["type"] == "image_url"
    ]
    assert len(images) == 2
    assert all(p["image_url"]["url"].startswith("data:image/") for p in images)


def test_tool_image_reaches_the_local_model_as_image_tokens(tiny_glm4v: Any) -> None:
    from desktop_helper.backends.local_gguf import LocalGGUFBackend

    buffer = io.BytesIO()
    Image.new("RGB", (280, 280), (10, 200, 30)).save(buffer, format="PNG")
    screenshot = ImagePart(buffer.getvalue(), "image/png", 280, 280)
    call = ToolCall("call_1", "capture_screen", {})
    messages = (
        Message.text("user", "What colour is my screen?"),
        Message("assistant", (TextPart("Let me look."),), tool_calls=(call,)),
        Message("tool", (TextPart("Screenshot of the whole screen, 280x280 px."), screenshot), tool_call_id="call_1"),
    )
    with LocalGGUFBackend(
        tiny_glm4v.model, tiny_glm4v.mmproj, context_size=4096, image_token_budget=256, threads=2, seed=3
    ) as local:
        events = list(
            local.stream(
                ChatRequest(messages, thinking=False, max_tokens=4, tools=ScreenTools(lambda _m: screenshot, NoWindows()).specs)
            )
        )
    usage = [e for e in events if isinstance(e, Usage)]
    assert usage
    assert usage[-1].image_tokens > 0
    assert isinstance(events[-1], Done)
    assert events[-1].reason is not FinishReason.ERROR


def test_chat_generation_runner_runs_tool_rounds(qtbot: Any, fake_openai: FakeOpenAIServer) -> None:
    from desktop_helper.backends.openai_compat import OpenAICompatBackend
    from desktop_helper.settings.providers import from_preset
    from desktop_helper.ui.workers import GenerationRunner

    class OneWindow(WindowLister):
        def windows(self) -> list[WindowInfo]:
            return [WindowInfo("Budget.xlsx", "calc", Rect(0, 0, 800, 600), focused=True)]

    fake_openai.script(
        Reply(events=[chunk(tool_calls=[_call_delta(0, "call_w", "list_windows", "{}")]), chunk(finish="tool_calls")]),
        text_reply("You have Budget.xlsx open."),
    )
    config = replace(from_preset("custom", "test"), base_url=fake_openai.url, model="test-model")
    backend = OpenAICompatBackend(config, "sk-test")
    runner = GenerationRunner()
    events: list[Any] = []
    runner.produced.connect(events.append)
    try:
        with qtbot.waitSignal(runner.finished, timeout=10000):
            runner.start(
                backend,
                ChatRequest((Message.text("user", "Which file is open?"),)),
                ScreenTools(lambda _m: ImagePart(b"", "image/png", 1, 1), OneWindow()),
            )
    finally:
        runner.shutdown()
        backend.close()
    assert any(isinstance(e, ToolRound) for e in events)
    assert "".join(e.text for e in events if isinstance(e, TextDelta)) == "You have Budget.xlsx open."
    second = fake_openai.chat_requests[1].body["messages"]
    assert any(m["role"] == "tool" and "Budget.xlsx" in m["content"] and "[focused]" in m["content"] for m in second)


def test_zoom_on_a_downscaled_attachment_grabs_full_resolution(capture: Any) -> None:
    from desktop_helper.agent.tools import capture_backend_region_grabber
    from desktop_helper.backends.scripted import ScriptedBackend
    from desktop_helper.core.geometry import CaptureGeometry, Monitor

    # a capture attached in the chat, sent at half size
    monitor = Monitor(1, "screen", Rect(0, 0, 1920, 1080))
    buffer = io.BytesIO()
    Image.new("RGB", (960, 540), (1, 2, 3)).save(buffer, format="PNG")
    attached = ImagePart(buffer.getvalue(), "image/png", 960, 540, CaptureGeometry(monitor, monitor.physical, (960, 540)))
    tools = ScreenTools(capture_backend_grabber(capture), NoWindows(), capture_backend_region_grabber(capture))

    class CallsZoom(ScriptedBackend):
        def stream(self, request: ChatRequest, cancel: Any = None) -> Iterator[Any]:
            if len(self.requests) == 0:
                self.requests.append(request)
                from desktop_helper.backends.base import ToolCallEvent

                yield ToolCallEvent(ToolCall("z1", "zoom", {"box": [500, 500, 600, 600]}))
                yield Done(FinishReason.TOOL_CALLS)
                return
            yield from super().stream(request, cancel)

    backend = CallsZoom(["Small text says hello."])
    events = list(answer_with_tools(backend, ChatRequest((Message("user", (attached, TextPart("Read the small text"))),)), tools))
    rounds = [e for e in events if isinstance(e, ToolRound)]
    crop = rounds[0].results[0].images[0]
    # 100/1000 of the real 1920x1080 screen, not of the 960x540 copy
    assert (crop.width, crop.height) == (192, 108)
    assert crop.geometry is not None
    assert crop.geometry.rect == Rect(960, 540, 192, 108)
    assert "captured again now at full resolution" in rounds[0].results[0].text_content
    # the follow-up request carries the tool result with its image
    follow_up = backend.requests[-1].messages
    assert follow_up[-1].role == "tool"
    assert follow_up[-1].images[0] is crop
