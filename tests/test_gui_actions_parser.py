"""The GUI-agent answer parser on sample answers and under fuzzing: it never raises and never invents a click."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_helper.core.types import ToolCall
from desktop_helper.parsers.gui_actions import (
    ACTION_NAMES,
    MAX_COORDINATE,
    canonical_call,
    format_call,
    parse_agent_reply,
)
from desktop_helper.parsers.tool_calls import coerce_arguments

DATA = Path(__file__).parent / "data" / "gui_actions"
CASES = sorted(DATA.glob("*.json"))


def _load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _tool_calls(case: dict[str, Any]) -> list[ToolCall]:
    """The case's OpenAI ``tool_calls`` as the remote backend hands them on (arguments decoded the same way)."""
    return [ToolCall(f"call_{i}", c["name"], coerce_arguments(c["arguments"])) for i, c in enumerate(case.get("tool_calls", []))]


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_sample_answers(path: Path) -> None:
    case = _load(path)
    reply = parse_agent_reply(case["raw"], case.get("thinking", ""), _tool_calls(case))
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
    for token in ("<|begin_of_box|>", "<|end_of_box|>", "<tool_call>", "</tool_call>", "<arg_key>", "<arg_value>"):
        assert token not in reply.thought


def test_enough_samples_of_both_kinds() -> None:
    names = [_load(p)["expect"]["name"] for p in CASES]
    assert sum(n is None for n in names) >= 10
    assert {n for n in names if n} >= ACTION_NAMES


def test_samples_of_every_delivered_form() -> None:
    by_form = {form: [_load(p) for p in CASES if p.stem.startswith(form)] for form in ("markup_", "tool_calls_", "bare_")}
    for form, cases in by_form.items():
        assert len(cases) >= 3, form
        assert any(c["expect"]["name"] for c in cases), form
    malformed = [p.stem for p in CASES if p.stem.startswith(("malformed_markup_", "malformed_tool_calls_", "malformed_bare_"))]
    assert len(malformed) >= 8


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


def _check_safe(raw: str, tool_calls: list[ToolCall] | None = None) -> None:
    reply = parse_agent_reply(raw, "", tool_calls or [])
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
        "<tool_call>",
        "</tool_call>",
        "<arg_key>",
        "</arg_key>",
        "<arg_value>",
        "</arg_value>",
        "hover",
        "DONE",
        "\nWAIT\n",
        "fail",
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


_POINT_ACTIONS = ["left_click", "right_click", "middle_click", "hover", "left_double_click", "scroll"]


def _markup(name: str, arguments: dict[str, str], opening: bool, closing: bool) -> str:
    pairs = "".join(f"\n<arg_key>{key}</arg_key>\n<arg_value>{value}</arg_value>" for key, value in arguments.items())
    return ("<tool_call>" if opening else "") + name + pairs + ("\n</tool_call>" if closing else "")


@settings(max_examples=300, deadline=None)
@given(
    name=st.sampled_from(sorted(ACTION_NAMES)),
    x=st.integers(-5000, 5000),
    y=st.integers(-5000, 5000),
    text=st.text(max_size=30),
    opening=st.booleans(),
    closing=st.booleans(),
    boxed=st.booleans(),
)
def test_fuzz_markup_with_any_numbers(*, name: str, x: int, y: int, text: str, opening: bool, closing: bool, boxed: bool) -> None:
    arguments = {"start_box": f"[{x}, {y}]", "end_box": f"[{y}, {x}]", "content": text, "keys": text, "direction": "down"}
    call = _markup(name, arguments, opening, closing)
    raw = (f"<|begin_of_box|>{call}<|end_of_box|>" if boxed else call) + "\nMemory:\n[]"
    _check_safe(raw)
    reply = parse_agent_reply(raw)
    if name in _POINT_ACTIONS:
        assert (reply.action is not None) == (0 <= x <= 1000 and 0 <= y <= 1000), reply.problem


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**12), 10**12) | st.floats() | st.text(max_size=12),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from([*sorted(ACTION_NAMES), "done", "open_app", "", "left_click(", "<arg_key>"]),
            st.dictionaries(
                st.sampled_from(["start_box", "end_box", "content", "keys", "direction", "step", "_0", "x y", ""]), _JSON
            ),
        ),
        max_size=3,
    ),
    st.one_of(_FRAGMENTS, st.text(max_size=20)),
)
def test_fuzz_tool_calls_never_raise_and_never_click_off_screen(calls: list[tuple[str, dict[str, Any]]], raw: str) -> None:
    _check_safe(raw, [ToolCall(f"call_{i}", name, arguments) for i, (name, arguments) in enumerate(calls)])


@settings(max_examples=300, deadline=None)
@given(
    name=st.sampled_from(sorted(ACTION_NAMES)),
    x=st.integers(0, 999),
    y=st.integers(0, 999),
    text=st.text(st.characters(exclude_categories=["Cs"], exclude_characters="<\\'\""), min_size=1, max_size=20).filter(
        lambda t: t.strip() == t and t.strip()
    ),
    direction=st.sampled_from(["up", "down"]),
    step=st.integers(1, 50),
)
def test_every_form_gives_the_same_action(*, name: str, x: int, y: int, text: str, direction: str, step: int) -> None:
    """The call syntax, the markup in and out of the box, and a server's tool call are one action."""
    arguments: dict[str, Any] = {
        "start_box": [x, y],
        "end_box": [y, x],
        "content": text,
        "keys": text,
        "direction": direction,
        "step": step,
    }
    as_text = {key: f"[{v[0]},{v[1]}]" if isinstance(v, list) else str(v) for key, v in arguments.items()}
    call = name + "(" + ", ".join(f"{key}='{value}'" for key, value in as_text.items()) + ")"
    forms = {
        "call": parse_agent_reply(f"<|begin_of_box|>{call}<|end_of_box|>\nMemory:\n[]"),
        "markup": parse_agent_reply(f"<|begin_of_box|>{_markup(name, as_text, True, True)}<|end_of_box|>\nMemory:\n[]"),
        "markup, no tags": parse_agent_reply(_markup(name, as_text, False, False) + "\nMemory:\n[]"),
        "tool call": parse_agent_reply("", "", [ToolCall("call_1", name, arguments)]),
    }
    fields = {form: None if reply.action is None else canonical_call(reply.action) for form, reply in forms.items()}
    assert len(set(fields.values())) == 1, fields
    assert fields["call"] is not None, forms["call"].problem
