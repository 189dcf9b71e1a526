"""The lenient raw ``<tool_call>`` parser shared by the remote and local backends."""

from __future__ import annotations

import pytest

from desktop_helper.core.types import ToolSpec
from desktop_helper.parsers.tool_calls import coerce_arguments, parse_tool_calls

WEATHER = ToolSpec(
    "get_weather",
    "Weather for a city",
    {"type": "object", "properties": {"city": {"type": "string"}, "days": {"type": "integer"}, "zip": {"type": "string"}}},
)


def test_glm_key_value_format() -> None:
    text = (
        "Let me check.\n<tool_call>get_weather\n<arg_key>city</arg_key>\n<arg_value>Beijing</arg_value>\n"
        "<arg_key>days</arg_key>\n<arg_value>3</arg_value>\n</tool_call>"
    )
    parsed = parse_tool_calls(text)
    assert parsed.text == "Let me check."
    assert [(c.name, c.arguments) for c in parsed.calls] == [("get_weather", {"city": "Beijing", "days": 3})]
    assert parsed.calls[0].id.startswith("call_")
    assert not parsed.errors


def test_schema_keeps_string_parameters_as_strings() -> None:
    text = (
        "<tool_call>get_weather<arg_key>zip</arg_key><arg_value>12345</arg_value>"
        "<arg_key>days</arg_key><arg_value>2</arg_value></tool_call>"
    )
    assert parse_tool_calls(text, [WEATHER]).calls[0].arguments == {"zip": "12345", "days": 2}
    # without the schema a number-like value is decoded as a number
    assert parse_tool_calls(text).calls[0].arguments == {"zip": 12345, "days": 2}


def test_json_values_are_decoded() -> None:
    text = (
        "<tool_call>click<arg_key>box</arg_key><arg_value>[10, 20, 30, 40]</arg_value>"
        '<arg_key>opts</arg_key><arg_value>{"double": true}</arg_value></tool_call>'
    )
    assert parse_tool_calls(text).calls[0].arguments == {"box": [10, 20, 30, 40], "opts": {"double": True}}


def test_several_calls_and_cut_off_last_one() -> None:
    text = (
        "<tool_call>a<arg_key>x</arg_key><arg_value>1</arg_value></tool_call>"
        "<tool_call>b<arg_key>y</arg_key><arg_value>half a val"
    )
    parsed = parse_tool_calls(text)
    assert [(c.name, c.arguments) for c in parsed.calls] == [("a", {"x": 1}), ("b", {"y": "half a val"})]
    assert parsed.calls[0].id != parsed.calls[1].id
    assert parsed.text == ""


def test_unclosed_call_followed_by_another() -> None:
    parsed = parse_tool_calls("<tool_call>a<arg_key>x</arg_key><arg_value>1<tool_call>b</tool_call>")
    assert [(c.name, c.arguments) for c in parsed.calls] == [("a", {"x": 1}), ("b", {})]


@pytest.mark.parametrize(
    "body",
    [
        '{"name": "get_weather", "arguments": {"city": "Paris"}}',
        'get_weather\n{"city": "Paris"}',
        'get_weather {"city": "Paris"}',
        '{"name": "get_weather", "arguments": "{\\"city\\": \\"Paris\\"}"}',
    ],
)
def test_json_bodies(body: str) -> None:
    parsed = parse_tool_calls(f"<tool_call>{body}</tool_call>")
    assert [(c.name, c.arguments) for c in parsed.calls] == [("get_weather", {"city": "Paris"})]


def test_prose_mentioning_the_tag_is_not_a_call() -> None:
    text = "Use <tool_call>not a real call</tool_call> to call tools."
    parsed = parse_tool_calls(text)
    assert parsed.calls == []
    assert parsed.text == text
    assert len(parsed.errors) == 1


def test_text_without_calls_is_unchanged() -> None:
    text = "  The button is at <|begin_of_box|>[1,2,3,4]<|end_of_box|>  "
    parsed = parse_tool_calls(text)
    assert parsed.text == text
    assert parsed.calls == []
    assert parsed.errors == []


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ('{"city": "Paris"}', {"city": "Paris"}),
        ('{"<arg_key>city</arg_key>": "<arg_value>Paris</arg_value>"}', {"city": "Paris"}),
        (
            "<arg_key>city</arg_key><arg_value>Paris</arg_value><arg_key>n</arg_key><arg_value>2</arg_value>",
            {"city": "Paris", "n": 2},
        ),
        ('{"city": "Paris"}}', {"city": "Paris"}),
        ("", {}),
        (None, {}),
        ({"k": "<arg_value>5</arg_value>"}, {"k": 5}),
    ],
)
def test_coerce_arguments(arguments: object, expected: dict[str, object]) -> None:
    assert coerce_arguments(arguments) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("arguments", ["not json", "[1, 2]", '"text"'])
def test_coerce_arguments_rejects_non_objects(arguments: str) -> None:
    with pytest.raises(ValueError):
        coerce_arguments(arguments)
