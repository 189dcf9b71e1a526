"""The GUI-agent answer parser on sample answers and under fuzzing: it never raises and never invents a click."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_helper.parsers.gui_actions import (
    ACTION_NAMES,
    MAX_COORDINATE,
    canonical_call,
    format_call,
    parse_agent_reply,
)

DATA = Path(__file__).parent / "data" / "gui_actions"
CASES = sorted(DATA.glob("*.json"))


def _load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_sample_answers(path: Path) -> None:
    case = _load(path)
    reply = parse_agent_reply(case["raw"], case.get("thinking", ""))
    expect = case["expect"]
    if expect["name"] is None:
        assert reply.action is None, reply.action
        assert reply.problem.startswith("Could not understand the model")
        if "problem_contains" in expect:
            assert expect["problem_contains"] in reply.problem
        return
    assert reply.action is not None, reply.problem
    action = reply.action
    assert action.name == expect["name"]
    for key in ("point", "end"):
        if key in expect:
            assert list(getattr(action, key)) == expect[key]
    for key in ("content", "keys", "direction", "steps", "element_info"):
        if key in expect:
            assert getattr(action, key) == expect[key]
    if "thought" in expect:
        assert reply.thought == expect["thought"]
    if "memory" in expect:
        assert reply.memory == expect["memory"]
        assert json.loads(reply.memory_text) == expect["memory"]
    if "thinking" in expect:
        assert reply.thinking == expect["thinking"]
    assert "<|begin_of_box|>" not in reply.thought
    assert "<|end_of_box|>" not in reply.thought


def test_enough_samples_of_both_kinds() -> None:
    names = [_load(p)["expect"]["name"] for p in CASES]
    assert sum(n is None for n in names) >= 10
    assert {n for n in names if n} >= ACTION_NAMES


def test_thought_excludes_call_and_memory() -> None:
    reply = parse_agent_reply("Press OK.\n<|begin_of_box|>left_click(start_box='[1,2]')<|end_of_box|>\nMemory:\n[{\"a\": 1}]")
    assert reply.thought == "Press OK."
    assert format_call(reply.action) == "left_click(start_box='[1,2]')"  # type: ignore[arg-type]


def test_canonical_call_round_trips() -> None:
    for raw in (
        "type(content='a \\'quoted\\' word')",
        "key(keys='alt+f4')",
        "scroll(start_box='[1,2]', direction='up', step=2)",
        "left_drag(start_box='[1,2]', end_box='[3,4]')",
    ):
        first = parse_agent_reply(raw).action
        assert first is not None
        again = parse_agent_reply(canonical_call(first)).action
        assert again is not None
        assert (again.name, again.point, again.end, again.content, again.keys, again.direction, again.steps) == (
            first.name,
            first.point,
            first.end,
            first.content,
            first.keys,
            first.direction,
            first.steps,
        )


def _check_safe(raw: str) -> None:
    reply = parse_agent_reply(raw)
    if reply.action is None:
        assert reply.problem
        return
    for point in (reply.action.point, reply.action.end):
        if point is not None:
            assert all(isinstance(v, int) and 0 <= v <= MAX_COORDINATE for v in point)


_FRAGMENTS = st.sampled_from(
    [
        "<|begin_of_box|>",
        "<|end_of_box|>",
        "<think>",
        "</think>",
        "Memory:",
        "[",
        "]",
        "(",
        ")",
        "'",
        '"',
        ",",
        "=",
        "start_box",
        "end_box",
        "left_click",
        "type",
        "content",
        "scroll",
        "direction",
        "key",
        "DONE()",
        "left_drag",
        "1000",
        "-3",
        "999",
        "12.5",
        "1e9",
        "nan",
        "\\",
        "\n",
        "東京",
        "{",
        "}",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(_FRAGMENTS, st.text(max_size=6)), max_size=40).map("".join))
def test_fuzz_never_raises_and_never_clicks_off_screen(raw: str) -> None:
    _check_safe(raw)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(sorted(ACTION_NAMES)),
    st.integers(-5000, 5000),
    st.integers(-5000, 5000),
    st.text(max_size=30),
)
def test_fuzz_calls_with_any_numbers(name: str, x: int, y: int, text: str) -> None:
    arguments = f"start_box='[{x},{y}]', end_box='[{y},{x}]', content={text!r}, keys={text!r}, direction='down'"
    raw = f"<|begin_of_box|>{name}({arguments})<|end_of_box|>"
    reply = parse_agent_reply(raw)
    _check_safe(raw)
    if name in {"left_click", "right_click", "middle_click", "hover", "left_double_click", "scroll"}:
        in_range = 0 <= x <= 1000 and 0 <= y <= 1000
        assert (reply.action is not None) == in_range


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_fuzz_binary_garbage(data: bytes) -> None:
    _check_safe(data.decode("utf-8", errors="replace"))
