"""The OpenAI-compatible backend against a real HTTP server on 127.0.0.1: streaming, GLM specifics, requests."""

from __future__ import annotations

import base64
import io
import json
import logging
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from desktop_helper.backends.base import (
    CancelToken,
    ChatRequest,
    Done,
    Event,
    ImagesSent,
    TextDelta,
    ThinkingDelta,
    ToolCallEvent,
    Usage,
    collect,
    sent_images,
)
from desktop_helper.backends.openai_compat import OpenAICompatBackend, check_connection
from desktop_helper.backends.remote_errors import retry_after_seconds
from desktop_helper.backends.splitter import EventSplitter
from desktop_helper.core.geometry import CaptureGeometry, Monitor, Rect
from desktop_helper.core.types import FinishReason, ImagePart, Message, TextPart, ToolCall, ToolSpec, VideoPart
from desktop_helper.media.images import fit_image, fit_to_token_budget, image_tokens
from desktop_helper.settings.providers import from_preset
from tests.fixtures.servers import FakeOpenAIServer, Reply, chunk, text_reply

KEY = "sk-test-SECRET-0123456789"

BackendFactory = Callable[..., OpenAICompatBackend]


@pytest.fixture
def make_backend(fake_openai: FakeOpenAIServer) -> Iterator[BackendFactory]:
    made: list[OpenAICompatBackend] = []

    def factory(preset: str = "custom", api_key: str | None = KEY, **changes: Any) -> OpenAICompatBackend:
        config = replace(from_preset(preset, "test"), base_url=fake_openai.url, model="test-model", **changes)
        backend = OpenAICompatBackend(config, api_key)
        made.append(backend)
        return backend

    yield factory
    for backend in made:
        backend.close()


def png(width: int, height: int, color: tuple[int, int, int] = (200, 40, 40), noisy: bool = False) -> bytes:
    image = Image.new("RGB", (width, height), color)
    if noisy:
        # random pixels do not compress, which makes byte limits bite
        image = Image.frombytes("RGB", (width, height), __import__("os").urandom(width * height * 3))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def capture(width: int, height: int, **kwargs: Any) -> ImagePart:
    monitor = Monitor(1, "test", Rect(0, 0, width, height))
    geometry = CaptureGeometry(monitor, Rect(0, 0, width, height))
    return ImagePart(png(width, height, **kwargs), "image/png", width, height, geometry=geometry)


def ask(text: str = "hi", **kwargs: Any) -> ChatRequest:
    return ChatRequest(messages=(Message.text("user", text),), **kwargs)


def decode_data_uri(uri: str) -> tuple[str, bytes]:
    head, _, data = uri.partition(",")
    assert head.startswith("data:")
    assert head.endswith(";base64")
    return head[5:-7], base64.b64decode(data)


# ----------------------------------------------------------------- streaming


def test_streams_text_and_reports_usage(fake_openai: FakeOpenAIServer, make_backend: BackendFactory) -> None:
    fake_openai.script(text_reply("Hel", "lo ", "world"))
    events = list(make_backend().stream(ask()))
    answer, thinking, calls, done = collect(iter(events))
    assert (answer, thinking, calls) == ("Hello world", "", [])
    assert done == Done(FinishReason.STOP)
    usage = [e for e in events if isinstance(e, Usage)]
    assert len(usage) == 1
    assert usage[0].timings["first_token_ms"] <= usage[0].timings["total_ms"]
    body = fake_openai.chat_requests[0].body
    assert body["stream"] is True
    assert body["model"] == "test-model"
    assert body["messages"] == [{"role": "user", "content": "hi"}]
    assert fake_openai.chat_requests[0].headers["authorization"] == f"Bearer {KEY}"


@pytest.mark.parametrize("field_name", ["reasoning_content", "reasoning"])
def test_reasoning_fields(fake_openai: FakeOpenAIServer, make_backend: BackendFactory, field_name: str) -> None:
    fake_openai.script(
        Reply(
            events=[
                chunk(**{field_name: "Let me "}),
                chunk(**{field_name: "look."}),
                chunk("\n\nA red "),
                chunk("square."),
                chunk(finish="stop"),
            ]
        )
    )
    answer, thinking, _, done = collect(make_backend().stream(ask()))
    assert thinking == "Let me look."
    assert answer == "A red square."
    assert done is not None
    assert done.reason is FinishReason.STOP


def test_inline_think_split_across_chunks_and_box_tokens_kept(
    fake_openai: FakeOpenAIServer, make_backend: BackendFactory
) -> None:
    raw = "<think>The button is top left.</think>\nIt is here: <|begin_of_box|>[12,34,56,78]<|end_of_box|>"
    # three characters per chunk cuts every tag somewhere
    fake_openai.script(text_reply(*[raw[i : i + 3] for i in range(0, len(raw), 3)]))
    answer, thinking, _, _ = collect(make_backend().stream(ask()))
    assert thinking == "The button is top left."
    assert answer == "It is here: <|begin_of_box|>[12,34,56,78]<|end_of_box|>"


@pytest.mark.parametrize(
    ("raw", "thinking", "answer"),
    [
        ("<think>a</think>b", "a", "b"),
        ("  <think>\nreason\n</think>\n\nanswer", "\nreason\n", "answer"),
        ("no tags at all < not a tag", "", "no tags at all < not a tag"),
        ("answer mentions <think> later", "", "answer mentions <think> later"),
        ("reason only</think>answer", "", "reason onlyanswer"),
        ("<think>unfinished", "unfinished", ""),
        ("x <tool_cal", "", "x <tool_cal"),
        ("no tools: <tool_call>f</tool_call>", "", "no tools: <tool_call>f</tool_call>"),
    ],
)
def test_inline_splitter_any_chunking(raw: str, thinking: str, answer: str) -> None:
    for size in (1, 2, 5, len(raw)):
        splitter = EventSplitter()
        events: list[Event] = []
        for start in range(0, len(raw), size):
            events += splitter.feed(raw[start : start + size])
        events += splitter.finish()
        got_answer, got_thinking, _, _ = collect(iter(events))
        assert (got_thinking, got_answer) == (thinking, answer), f"chunk size {size}"


def test_inline_splitter_raw_tool_call() -> None:
    raw = "Opening it.<tool_call>open_app\n<arg_key>name</arg_key>\n<arg_value>Files</arg_value>\n</tool_call> Done."
    for size in (1, 4, len(raw)):
        splitter = EventSplitter([ToolSpec("open_app", "", {"type": "object", "properties": {"name": {"type": "string"}}})])
        events: list[Event] = []
        for start in range(0, len(raw), size):
            events += splitter.feed(raw[start : start + size])
        events += splitter.finish()
        answer, _, calls, _ = collect(iter(events))
        assert answer == "Opening it. Done."
        assert [(c.name, c.arguments) for c in calls] == [("open_app", {"name": "Files"})]


def test_raw_tool_call_text_from_server(fake_openai: FakeOpenAIServer, make_backend: BackendFactory) -> None:
    raw = "<tool_call>click\n<arg_key>box</arg_key>\n<arg_value>[1, 2, 3, 4]</arg_value>\n</tool_call>"
    fake_openai.script(text_reply(*[raw[i : i + 7] for i in range(0, len(raw), 7)], finish="stop"))
    answer, _, calls, done = collect(make_backend().stream(ask(tools=(ToolSpec("click", "click a box"),))))
    assert answer == ""
    assert [(c.name, c.arguments) for c in calls] == [("click", {"box": [1, 2, 3, 4]})]
    assert done is not None
    assert done.reason is FinishReason.TOOL_CALLS


def test_openai_tool_call_deltas(fake_openai: FakeOpenAIServer, make_backend: BackendFactory) -> None:
    def call_delta(index: int, *, id: str | None = None, name: str | None = None, arguments: str | None = None) -> dict[str, Any]:  # noqa: A002
        function: dict[str, Any] = {}
        if name is not None:
            function["name"] = name
        if arguments is not None:
            function["arguments"] = arguments
        entry: dict[str, Any] = {"index": index, "function": function}
        if id is not None:
            entry.update(id=id, type="function")
        return entry

    fake_openai.script(
        Reply(
            events=[
                chunk(reasoning_content="Need weather."),
                chunk(tool_calls=[call_delta(0, id="call_a", name="get_weather", arguments="")]),
                chunk(tool_calls=[call_delta(0, arguments='{"city": ')]),
                chunk(tool_calls=[call_delta(0, arguments='"Paris"}')]),
                # a GLM parser slip: arg tags leaking into the JSON
                chunk(tool_calls=[call_delta(1, id="call_b", name="zoom", arguments='{"<arg_key>factor</arg_key>": 2}')]),
                chunk(finish="tool_calls"),
            ]
        )
    )
    tools = (ToolSpec("get_weather", "weather", {"type": "object", "properties": {"city": {"type": "string"}}}),)
    backend = make_backend()
    answer, thinking, calls, done = collect(backend.stream(ask(tools=tools)))
    assert thinking == "Need weather."
    assert answer == ""
    assert calls == [ToolCall("call_a", "get_weather", {"city": "Paris"}), ToolCall("call_b", "zoom", {"factor": 2})]
    assert done == Done(FinishReason.TOOL_CALLS)
    body = fake_openai.chat_requests[0].body
    assert body["tools"] == [
        {"type": "function", "function": {"name": "get_weather", "description": "weather", "parameters": tools[0].parameters}}
    ]
    assert body["tool_choice"] == "auto"


def test_unreadable_tool_arguments_mark_the_answer(fake_openai: FakeOpenAIServer, make_backend: BackendFactory) -> None:
    bad = {"index": 0, "id": "c1", "type": "function", "function": {"name": "f", "arguments": "{not json"}}
    fake_openai.script(Reply(events=[chunk("Calling."), chunk(tool_calls=[bad]), chunk(finish="tool_calls")]))
    answer, _, calls, done = collect(make_backend().stream(ask()))
    assert answer == "Calling."
    assert calls == []
    assert done is not None
    assert done.reason is FinishReason.ERROR
    assert "tool call" in (done.error or "")


def test_tool_results_and_history_are_sent_in_openai_form(fake_openai: FakeOpenAIServer, make_backend: BackendFactory) -> None:
    fake_openai.script(text_reply("ok"))
    screenshot = capture(56, 28)
    messages = (
        Message.text("system", "Be brief."),
        Message("user", (TextPart("Zoom in"), capture(28, 28))),
        Message("assistant", (TextPart("Zooming."),), tool_calls=(ToolCall("call_1", "zoom", {"factor": 2}),), thinking="secret"),
        Message("tool", (TextPart("zoomed"), screenshot), tool_call_id="call_1"),
    )
    collect(make_backend().stream(ChatRequest(messages=messages)))
    sent = fake_openai.chat_requests[0].body["messages"]
    assert [m["role"] for m in sent] == ["system", "user", "assistant", "tool", "user"]
    assert sent[1]["content"][0] == {"type": "text", "text": "Zoom in"}
    assert sent[1]["content"][1]["type"] == "image_url"
    assert sent[2] == {
        "role": "assistant",
        "content": "Zooming.",
        "tool_calls": [{"id": "call_1", "type": "function", "function": {"name": "zoom", "arguments": '{"factor": 2}'}}],
    }
    assert "secret" not in json.dumps(sent)
    assert sent[3] == {"role": "tool", "tool_call_id": "call_1", "content": "zoomed"}
    # the image a tool returned follows as a user turn
    mime, data = decode_data_uri(sent[4]["content"][1]["image_url"]["url"])
    assert (mime, data) == ("image/png", screenshot.data)


# ----------------------------------------------------------------- provider dialects


@pytest.mark.parametrize(
    ("preset", "thinking", "expected"),
    [
        ("zai", True, {"thinking": {"type": "enabled"}}),
        ("zai", False, {"thinking": {"type": "disabled"}}),
        ("vllm", False, {"chat_template_kwargs": {"enable_thinking": False}, "skip_special_tokens": False, "top_k": 2}),
        ("sglang", True, {"chat_template_kwargs": {"enable_thinking": True}, "skip_special_tokens": False}),
        ("llamacpp", False, {"chat_template_kwargs": {"enable_thinking": False}, "top_k": 2, "repeat_penalty": 1.1}),
        ("ollama", False, {"reasoning_effort": "none"}),
        ("lmstudio", True, {"reasoning_effort": "medium"}),
    ],
)
def test_thinking_switch_and_special_tokens_per_provider(
    fake_openai: FakeOpenAIServer, make_backend: BackendFactory, preset: str, thinking: bool, expected: dict[str, Any]
) -> None:
    fake_openai.script(text_reply("ok"))
    collect(make_backend(preset).stream(ask(thinking=thinking)))
    body = fake_openai.chat_requests[0].body
    for key, value in expected.items():
        assert body[key] == value, key
    if preset == "zai":
        assert "chat_template_kwargs" not in body
        assert "skip_special_tokens" not in body
        assert "top_k" not in body
    if preset.startswith(("ollama", "lmstudio")):
        assert "chat_template_kwargs" not in body
    assert body["temperature"] == 0.8
    assert body["top_p"] == 0.6


def test_request_sampling_overrides(fake_openai: FakeOpenAIServer, make_backend: BackendFactory) -> None:
    fake_openai.script(text_reply("ok"))
    collect(make_backend("vllm").stream(ask(temperature=0.0, top_p=0.9, top_k=5, repeat_penalty=1.0, max_tokens=7)))
    body = fake_openai.chat_requests[0].body
    assert (body["temperature"], body["top_p"], body["top_k"], body["repetition_penalty"], body["max_tokens"]) == (
        0.0,
        0.9,
        5,
        1.0,
        7,
    )
    assert body["stream_options"] == {"include_usage": True}


def test_usage_chunk_is_reported(fake_openai: FakeOpenAIServer, make_backend: BackendFactory) -> None:
    usage_chunk = {
        **chunk(finish=None),
        "choices": [],
        "usage": {"prompt_tokens": 11, "completion_tokens": 3, "total_tokens": 14},
    }
    fake_openai.script(Reply(events=[chunk("a"), chunk(finish="stop"), usage_chunk]))
    events = list(make_backend("vllm").stream(ask()))
    usage = next(e for e in events if isinstance(e, Usage))
    assert (usage.prompt_tokens, usage.completion_tokens) == (11, 3)


# ----------------------------------------------------------------- images and video


def test_image_within_limits_is_sent_unchanged_with_sent_size(
    fake_openai: FakeOpenAIServer, make_backend: BackendFactory
) -> None:
    fake_openai.script(text_reply("ok"))
    image = capture(300, 200)
    backend = make_backend("zai")
    events = list(backend.stream(ChatRequest(messages=(Message("user", (image, TextPart("what?"))),))))
    part = fake_openai.chat_requests[0].body["messages"][0]["content"][0]
    assert decode_data_uri(part["image_url"]["url"]) == ("image/png", image.data)
    assert len(sent_images(events)) == 1
    sent = sent_images(events)[0]
    # reported before the first token, so a caller knows the image its boxes refer to
    assert isinstance(events[0], ImagesSent)
    assert sent.geometry is not None
    assert sent.geometry.sent_size == (300, 200)


def test_image_over_side_limit_is_downscaled(fake_openai: FakeOpenAIServer, make_backend: BackendFactory) -> None:
    fake_openai.script(text_reply("ok"))
    backend = make_backend("zai", max_image_side=400)
    events = list(backend.stream(ChatRequest(messages=(Message("user", (capture(1000, 500),)),))))
    part = fake_openai.chat_requests[0].body["messages"][0]["content"][0]
    _mime, data = decode_data_uri(part["image_url"]["url"])
    with Image.open(io.BytesIO(data)) as received:
        assert received.size == (400, 200)
    sent = sent_images(events)[0]
    assert (sent.width, sent.height) == (400, 200)
    assert sent.geometry is not None
    assert sent.geometry.sent_size == (400, 200)
    # the capture rectangle is unchanged, so boxes still map to the same screen pixels
    assert sent.geometry.normalized_to_physical(500, 500) == (500.0, 250.0)


def test_image_over_byte_limit_is_shrunk_below_it() -> None:
    image = capture(800, 600, noisy=True)
    assert len(image.data) > 1_000_000
    fitted = fit_image(image, None, align=False, max_bytes=300_000, max_side=6000).part
    assert len(base64.b64encode(fitted.data)) <= 300_000
    with Image.open(io.BytesIO(fitted.data)) as decoded:
        assert decoded.size == (fitted.width, fitted.height)
        assert decoded.width / decoded.height == pytest.approx(800 / 600, rel=0.01)
    assert fitted.geometry is not None
    assert fitted.geometry.sent_size == (fitted.width, fitted.height)


def test_token_budget_downscales() -> None:
    image = capture(1920, 1080)
    assert image_tokens(1920, 1080) > 2000
    fitted = fit_image(image, 500, align=False, max_bytes=10**9, max_side=10_000).part
    assert image_tokens(fitted.width, fitted.height) <= 500
    assert fitted.width < 1920


def test_over_budget_image_is_sent_at_the_size_the_local_model_gets(
    fake_openai: FakeOpenAIServer, make_backend: BackendFactory
) -> None:
    """One fit for every backend: GLM's grid size for the budget, so boxes map back the same way."""
    fake_openai.script(text_reply("ok"))
    request = ChatRequest(messages=(Message("user", (capture(1920, 1080),)),), image_token_budget=500)
    collect(make_backend("vllm").stream(request))
    part = fake_openai.chat_requests[0].body["messages"][0]["content"][0]
    with Image.open(io.BytesIO(decode_data_uri(part["image_url"]["url"])[1])) as received:
        assert received.size == fit_to_token_budget(1920, 1080, 500) == (812, 448)


def test_a_budget_of_zero_means_no_cap(fake_openai: FakeOpenAIServer, make_backend: BackendFactory) -> None:
    fake_openai.script(text_reply("ok"))
    image = capture(1920, 1080)
    events = list(make_backend("vllm").stream(ChatRequest(messages=(Message("user", (image,)),), image_token_budget=0)))
    assert sent_images(events)[0].data == image.data


def test_video_as_video_url_or_frames(fake_openai: FakeOpenAIServer, make_backend: BackendFactory, tmp_path: Path) -> None:
    clip = tmp_path / "clip.mp4"
    clip.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 100)
    frames = (capture(56, 56), capture(56, 56, color=(0, 0, 255)))
    video = VideoPart(frames=frames, path=str(clip))
    request = ChatRequest(messages=(Message("user", (video, TextPart("what happens?"))),))
    fake_openai.script(text_reply("ok"))
    collect(make_backend("zai").stream(request))
    collect(make_backend("llamacpp").stream(request))
    with_video, with_frames = (r.body["messages"][0]["content"] for r in fake_openai.chat_requests)
    assert with_video[0]["type"] == "video_url"
    assert decode_data_uri(with_video[0]["video_url"]["url"]) == ("video/mp4", clip.read_bytes())
    assert [p["type"] for p in with_frames] == ["image_url", "image_url", "text"]


# ----------------------------------------------------------------- models, keys, logs, connection test


def test_list_models(fake_openai: FakeOpenAIServer, make_backend: BackendFactory) -> None:
    fake_openai.models = ["glm-4.6v", "glm-4.6v-flash"]
    assert make_backend().list_models() == ["glm-4.6v", "glm-4.6v-flash"]


def test_api_key_is_never_logged_or_shown(
    fake_openai: FakeOpenAIServer, make_backend: BackendFactory, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    backend = make_backend()
    fake_openai.script(
        Reply(status=401, json_body={"error": {"message": f"Incorrect API key provided: {KEY}"}}),
    )
    from desktop_helper.core.errors import BackendError

    with pytest.raises(BackendError) as excinfo:
        collect(backend.stream(ask()))
    fake_openai.script(text_reply("fine"))
    collect(backend.stream(ask()))
    assert KEY not in str(excinfo.value)
    assert "***" in str(excinfo.value)
    assert KEY not in repr(backend)
    assert caplog.records, "the test must see the backend's and the SDK's debug logs"
    assert KEY not in caplog.text


def test_connection_check_reports_latency_and_answer(fake_openai: FakeOpenAIServer, make_backend: BackendFactory) -> None:
    fake_openai.script(text_reply("red ", "and blue"))
    report = check_connection(make_backend())
    assert report.ok
    assert report.answer == "red and blue"
    assert not report.error
    assert report.latency_ms is not None
    assert 0 < report.latency_ms <= (report.total_ms or 0)
    body = fake_openai.chat_requests[0].body
    image = body["messages"][0]["content"][0]
    _mime, data = decode_data_uri(image["image_url"]["url"])
    with Image.open(io.BytesIO(data)) as decoded:
        assert decoded.size == (56, 56)
        assert decoded.getpixel((5, 5))[0] > 150
        assert decoded.getpixel((50, 5))[2] > 150


def test_connection_check_reports_the_failure(fake_openai: FakeOpenAIServer, make_backend: BackendFactory) -> None:
    fake_openai.script(Reply(status=404, json_body={"error": {"message": "model test-model not found"}}))
    report = check_connection(make_backend())
    assert not report.ok
    assert "test-model" in report.error
    assert "404" in report.error


def test_cancel_before_start(fake_openai: FakeOpenAIServer, make_backend: BackendFactory) -> None:
    fake_openai.script(text_reply("never"))
    cancel = CancelToken()
    cancel.cancel()
    events = list(make_backend().stream(ask(), cancel))
    assert events == [Done(FinishReason.CANCELLED)]
    assert fake_openai.chat_requests == []


def test_events_are_plain_deltas(fake_openai: FakeOpenAIServer, make_backend: BackendFactory) -> None:
    fake_openai.script(Reply(events=[chunk(reasoning_content="r"), chunk("a"), chunk(finish="length")]))
    events = list(make_backend().stream(ask()))
    kinds = [type(e) for e in events]
    assert kinds == [ThinkingDelta, TextDelta, Usage, Done]
    assert events[-1] == Done(FinishReason.LENGTH)
    assert not any(isinstance(e, ToolCallEvent) for e in events)


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"retry-after": "3"}, 3.0),
        ({"retry-after": "0.5"}, 0.5),
        ({"retry-after-ms": "250"}, 0.25),
        ({"retry-after": "soon"}, None),
        ({}, None),
    ],
)
def test_retry_after_parsing(headers: dict[str, str], expected: float | None) -> None:
    assert retry_after_seconds(headers) == expected


def test_retry_after_http_date() -> None:
    import email.utils
    import time

    value = retry_after_seconds({"retry-after": email.utils.formatdate(time.time() + 30, usegmt=True)})
    assert value is not None
    assert 25 <= value <= 31


@given(
    st.lists(
        st.sampled_from(["<think>", "</think>", "<tool_call>", "</tool_call>", "<", "a", " ", "\n", "<|begin_of_box|>", "x<t"]),
        max_size=12,
    ),
    st.lists(st.integers(min_value=1, max_value=7), min_size=1, max_size=5),
)
@settings(max_examples=200, deadline=None)
def test_inline_splitter_does_not_depend_on_chunking(pieces: list[str], sizes: list[int]) -> None:
    raw = "".join(pieces)

    def split(chunks: list[str]) -> tuple[str, str, list[str]]:
        splitter = EventSplitter([ToolSpec("a", "")])
        events: list[Event] = []
        for piece in chunks:
            events += splitter.feed(piece)
        events += splitter.finish()
        answer, thinking, calls, _ = collect(iter(events))
        return answer, thinking, [c.name for c in calls]

    chunks = []
    position = 0
    index = 0
    while position < len(raw):
        size = sizes[index % len(sizes)]
        chunks.append(raw[position : position + size])
        position += size
        index += 1
    whole = split([raw])
    assert split(chunks) == whole
    # nothing is lost: every character of the input is accounted for in some output or a recognised tag
    answer, thinking, _ = whole
    assert len(answer) + len(thinking) <= len(raw)


def test_video_too_large_for_the_provider_goes_as_frames(
    fake_openai: FakeOpenAIServer, make_backend: BackendFactory, tmp_path: Path
) -> None:
    clip = tmp_path / "long.mp4"
    clip.write_bytes(b"\x00" * 4000)
    video = VideoPart(frames=(capture(56, 56),), path=str(clip))
    fake_openai.script(text_reply("ok"))
    backend = make_backend("zai", max_video_bytes=3000)
    events = list(backend.stream(ChatRequest(messages=(Message("user", (video,)),))))
    content = fake_openai.chat_requests[0].body["messages"][0]["content"]
    assert [p["type"] for p in content] == ["image_url"]
    assert len(sent_images(events)) == 1


def test_video_without_frames_or_acceptable_file_is_a_media_error(make_backend: BackendFactory) -> None:
    from desktop_helper.core.errors import MediaError

    video = VideoPart(frames=(), path=None)
    with pytest.raises(MediaError, match="cannot take this video"):
        collect(make_backend("llamacpp").stream(ChatRequest(messages=(Message("user", (video,)),))))


def test_zai_greedy_decoding_uses_do_sample(fake_openai: FakeOpenAIServer, make_backend: BackendFactory) -> None:
    fake_openai.script(text_reply("ok"))
    collect(make_backend("zai").stream(ask(temperature=0.0)))
    collect(make_backend("vllm").stream(ask(temperature=0.0)))
    zai, vllm = (r.body for r in fake_openai.chat_requests)
    assert zai["do_sample"] is False
    assert "temperature" not in zai
    assert vllm["temperature"] == 0.0
    assert "do_sample" not in vllm
