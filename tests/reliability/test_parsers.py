"""Bad input for the model-output parsers: deep nesting, huge and many-wrapper answers, any chunking.

The parsers are documented as never raising on model output; here they get what a broken or hostile
model (or server) can send, and must answer with a readable problem, quickly, losing nothing.
"""

from __future__ import annotations

import itertools
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_helper.backends.base import collect
from desktop_helper.backends.splitter import EventSplitter
from desktop_helper.core.types import ToolCall, ToolSpec
from desktop_helper.parsers.boxes import BEGIN_BOX, END_BOX, BoxStream, parse_boxes
from desktop_helper.parsers.gui_actions import MAX_COORDINATE, parse_agent_reply
from desktop_helper.parsers.thinking import Channel, ThinkingSplitter, split_thinking
from desktop_helper.parsers.tool_calls import coerce_arguments, parse_tool_calls

DONE_STEP = "The task is complete.\n<|begin_of_box|>DONE()<|end_of_box|>\nMemory: "


@pytest.mark.parametrize("depth", [1_000, 50_000], ids=["1k-levels", "50k-levels"])
def test_bad_input_deep_nesting_in_memory(depth: int) -> None:
    reply = parse_agent_reply(DONE_STEP + "[" * depth + "]" * depth)
    assert reply.action is not None  # the action itself was fine
    assert reply.action.name == "DONE"
    assert "nested more than 100 levels" in reply.memory_problem
    assert reply.memory_text == "[]"  # not carried into the next prompt


@pytest.mark.parametrize(
    "text",
    [
        "<tool_call>zoom<arg_key>box</arg_key><arg_value>" + "[" * 5_000 + "</arg_value></tool_call>",
        '<tool_call>{"name": "zoom", "arguments": ' + '{"a": ' * 5_000 + "1" + "}" * 5_001 + "</tool_call>",
        '<tool_call>zoom {"box": ' + "[" * 5_000 + "]" * 5_000 + "}</tool_call>",
    ],
    ids=["markup-value", "json-body", "json-after-name"],
)
def test_bad_input_deep_tool_call_arguments(text: str) -> None:
    parsed = parse_tool_calls(text)
    assert parsed.calls == []
    assert len(parsed.errors) == 1
    assert "nested more than 100 levels" in parsed.errors[0]
    assert parsed.text == text  # the unreadable block stays visible, nothing is dropped


def test_bad_input_deep_openai_tool_call_arguments() -> None:
    """What the remote backend does with a streamed ``tool_calls`` entry's JSON arguments."""
    with pytest.raises(ValueError, match="nested more than 100 levels"):
        coerce_arguments('{"start_box": ' + "[" * 10_000 + "]" * 10_000 + "}")


def test_bad_input_deep_arguments_in_an_agent_tool_call() -> None:
    nested: object = [500, 5000]
    for _ in range(99):
        nested = [nested]
    reply = parse_agent_reply("", "", [ToolCall("c1", "left_click", {"start_box": nested})])
    # judged like the same value in the call syntax: the numbers count, and 5000 is off the screen
    as_text = parse_agent_reply("left_click(start_box='" + "[" * 100 + "500, 5000" + "]" * 100 + "')")
    assert reply.action is None
    assert reply.problem == as_text.problem
    assert "outside 0..999" in reply.problem


def test_bad_input_many_unclosed_box_wrappers() -> None:
    answer = (BEGIN_BOX + "[1, 2, 3, 4] ") * 800  # about 20 KB, no wrapper ever closed
    stream = BoxStream()
    longest_reparse = 0
    started = time.perf_counter()
    for start in range(0, len(answer), 4):
        stream.feed(answer[start : start + 4])
        stream.so_far()
        longest_reparse = max(longest_reparse, stream.pending_chars)
    elapsed = time.perf_counter() - started
    assert stream.result() == parse_boxes(answer)
    # each piece re-reads only the tail after the last box, not the whole open wrapper
    assert longest_reparse < 40, longest_reparse
    assert elapsed < 3.0, elapsed  # was 3-6 s on two cores; about 0.15 s now


def test_bad_input_huge_single_line() -> None:
    line = "x [1, 2, 3, 4 " * 80_000  # ~1 MB, no newline, no box closed
    started = time.perf_counter()
    reply = parse_agent_reply(line)
    boxes = parse_boxes(line)
    stream = BoxStream()
    for start in range(0, len(line), 64 * 1024):
        stream.feed(line[start : start + 64 * 1024])
    assert stream.result() == boxes
    assert time.perf_counter() - started < 10.0
    assert reply.action is None
    assert "no action it knows" in reply.problem
    assert boxes.items == ()


def _pieces(text: str, cuts: list[int]) -> list[str]:
    points = sorted({c % (len(text) + 1) for c in cuts} | {0, len(text)})
    return [text[a:b] for a, b in itertools.pairwise(points)]


def _thinking_split(pieces: list[str], starts_in_thinking: bool) -> tuple[str, str, list[str]]:
    splitter = ThinkingSplitter(starts_in_thinking=starts_in_thinking)
    chunks = [chunk for piece in pieces for chunk in splitter.feed(piece)] + splitter.finish()
    return (
        "".join(c.text for c in chunks if c.channel is Channel.THINKING),
        "".join(c.text for c in chunks if c.channel is Channel.ANSWER),
        [c.text for c in chunks if c.channel is Channel.TOOL_CALL],
    )


def _inline_split(pieces: list[str], tools: bool) -> tuple[str, str, list[tuple[str, object]]]:
    splitter = EventSplitter((ToolSpec("f", ""),) if tools else ())
    events = [event for piece in pieces for event in splitter.feed(piece)] + splitter.finish()
    answer, thinking, calls, _ = collect(iter(events))
    return answer, thinking, [(c.name, c.arguments) for c in calls]


@pytest.mark.parametrize(
    "raw",
    [
        "<|begin_of_box|><think>where is it</think>42<|end_of_box|>",
        "Answer first <think>not reasoning</think>",
        " <think>a</think>b",
    ],
    ids=["box-then-think", "think-after-answer", "space-then-think"],
)
def test_bad_input_chunking_dependent_think_tags(raw: str) -> None:
    whole = _thinking_split([raw], False)
    assert "<think>" not in whole[1] or not raw.startswith(("<|", " "))
    for size in (1, 2, 3, 7):
        pieces = [raw[i : i + size] for i in range(0, len(raw), size)]
        assert _thinking_split(pieces, False) == whole, size
        assert _inline_split(pieces, False) == _inline_split([raw], False), size


_TAGGED = st.lists(
    st.sampled_from(
        [BEGIN_BOX, "<|begin_of", "_box|>", END_BOX, "<think>", "</think>", "<tool_call>", "</tool_call>", "<", "think>",
         "f<arg_key>x</arg_key><arg_value>1</arg_value>", "a", " ", "\n", "[1,2,3,4]"]
    ),
    max_size=20,
).map("".join)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(_TAGGED, st.lists(st.integers(0, 400), max_size=10), st.booleans(), st.booleans())
def test_bad_input_any_chunking_gives_the_one_chunk_split(raw: str, cuts: list[int], starts: bool, tools: bool) -> None:
    pieces = _pieces(raw, cuts)
    assert _thinking_split(pieces, starts) == _thinking_split([raw], starts)
    assert _inline_split(pieces, tools) == _inline_split([raw], tools)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 3_000), st.sampled_from(["[", '{"a": ', '[{"b": ']), st.booleans())
def test_bad_input_fuzz_nesting_depth(depth: int, opener: str, closed: bool) -> None:
    nested = "[" + opener * depth + ("1" + "]" * (depth + 1) if closed and opener == "[" else "")
    reply = parse_agent_reply(DONE_STEP + nested)
    assert reply.action is not None
    levels = 1 + depth * (opener.count("[") + opener.count("{"))
    assert (reply.memory_problem != "") == (levels > 100)
    parsed = parse_tool_calls(f"<tool_call>f<arg_key>a</arg_key><arg_value>{nested}</arg_value></tool_call>")
    assert len(parsed.calls) + len(parsed.errors) == 1
    split_thinking(nested)
    parse_boxes(nested)


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 4_000), st.sampled_from([BEGIN_BOX + "(5, 6) ", "left_click(start_box='[1,2]') ", "<arg_value>[9, 9]"]))
def test_bad_input_fuzz_size(repeats: int, unit: str) -> None:
    text = unit * repeats
    reply = parse_agent_reply(text)
    if reply.action is not None and reply.action.point is not None:
        assert all(0 <= v <= MAX_COORDINATE for v in reply.action.point)
    stream = BoxStream()
    for start in range(0, len(text), 50):
        stream.feed(text[start : start + 50])
        stream.so_far()
    assert stream.result() == parse_boxes(text)
