"""GLM's raw tool-call text -> :class:`~desktop_helper.core.types.ToolCall`, leniently.

GLM-4.5V/4.6V write a call as ``<tool_call>NAME`` followed by ``<arg_key>K</arg_key><arg_value>V</arg_value>``
pairs and ``</tool_call>``. Servers with a GLM tool parser (vLLM ``glm45``, SGLang ``glm``) turn this into
OpenAI ``tool_calls``; llama.cpp-based servers and our local backend get the raw text and parse it here.

Models are not strict about the format, so the parser accepts what they are seen to produce:

* a missing ``</tool_call>`` or ``</arg_value>`` at the end of a cut-off answer;
* a JSON body instead of key/value tags (``{"name": ..., "arguments": {...}}``, or the name then a JSON object);
* ``<arg_key>`` text leaking into JSON arguments (also from server-side parsers; see :func:`coerce_arguments`).

Values are written by the chat template as plain text for strings and as JSON for everything else, so a
value is decoded as JSON unless the tool's schema says the parameter is a string.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from desktop_helper.core.types import ToolCall, ToolSpec
from desktop_helper.parsers import bounded_json

OPEN = "<tool_call>"
CLOSE = "</tool_call>"

_PAIR = re.compile(
    r"<arg_key>\s*(?P<key>.*?)\s*</arg_key>\s*<arg_value>(?P<value>.*?)(?:</arg_value>|(?=<arg_key>)|\Z)",
    re.DOTALL,
)
_NAME = re.compile(r"([\w.\-:/]+)(.*)", re.DOTALL)
_TAG = re.compile(r"</?arg_(?:key|value)>")


@dataclass
class ParsedToolCalls:
    """The result of :func:`parse_tool_calls`.

    Attributes:
        text: the input with every ``<tool_call>`` block removed (the part to show as the answer).
        calls: the calls that could be read, in order.
        errors: one readable reason per block that could not be read; its raw text stays in ``text``.
    """

    text: str
    calls: list[ToolCall] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def new_call_id() -> str:
    """A fresh id in the OpenAI style; raw GLM text carries none, but tool results must name one."""
    return "call_" + uuid.uuid4().hex[:16]


def parse_tool_calls(text: str, tools: Iterable[ToolSpec] = ()) -> ParsedToolCalls:
    """Find and parse every ``<tool_call>`` block in ``text``.

    Args:
        text: raw model output (answer part; thinking already split off).
        tools: the tools offered in the request; used to keep string parameters as strings.

    Returns:
        The remaining text, the calls, and the reasons for blocks that could not be parsed.
    """
    string_params = _string_parameters(tools)
    result = ParsedToolCalls(text="")
    kept: list[str] = []
    position = 0
    while True:
        start = text.find(OPEN, position)
        if start == -1:
            kept.append(text[position:])
            break
        kept.append(text[position:start])
        body_start = start + len(OPEN)
        end = text.find(CLOSE, body_start)
        # a second <tool_call> before any </tool_call> means the first one was never closed
        next_open = text.find(OPEN, body_start)
        if end == -1 or (next_open != -1 and next_open < end):
            body_end = next_open if next_open != -1 else len(text)
            position = body_end
        else:
            body_end = end
            position = end + len(CLOSE)
        body = text[body_start:body_end]
        try:
            result.calls.append(parse_call_body(body, string_params))
        except ValueError as exc:
            result.errors.append(str(exc))
            kept.append(text[start:position])
    result.text = "".join(kept).strip() if result.calls else "".join(kept)
    return result


def parse_call_body(body: str, string_params: Mapping[str, set[str]] | None = None) -> ToolCall:
    """Parse what lies between ``<tool_call>`` and ``</tool_call>``; raise ValueError if it is unreadable."""
    body = body.strip()
    if not body:
        raise ValueError("empty <tool_call> block")
    if body.startswith("{"):
        return _parse_json_call(body)
    first_tag = body.find("<arg_key>")
    head = body if first_tag == -1 else body[:first_tag]
    match = _NAME.match(head.strip())
    if match is None:
        raise ValueError(f"<tool_call> block without a function name: {body[:60]!r}")
    name, rest = match.group(1), match.group(2).strip()
    wanted_strings = (string_params or {}).get(name, set())
    if first_tag == -1:
        # no tags: the rest must be JSON arguments, or the "call" is prose that mentions the tag
        arguments: dict[str, Any] = coerce_arguments(rest) if rest else {}
        return ToolCall(new_call_id(), name, arguments)
    arguments = {}
    for match in _PAIR.finditer(body, first_tag):
        key = match.group("key").strip()
        raw_value = match.group("value").strip()
        arguments[key] = raw_value if key in wanted_strings else _decode_value(raw_value)
    return ToolCall(new_call_id(), name, arguments)


def coerce_arguments(arguments: str | Mapping[str, Any] | None) -> dict[str, Any]:
    """Turn a call's arguments (JSON text, a dict, or leaked GLM tags) into a dict.

    Raises:
        ValueError: when nothing sensible can be made of them.
    """
    if arguments is None:
        return {}
    if isinstance(arguments, Mapping):
        return {_clean_key(str(k)): _clean_value(v) for k, v in arguments.items()}
    text = arguments.strip()
    if not text:
        return {}
    if "<arg_key>" in text and not text.startswith("{"):
        return {m.group("key").strip(): _decode_value(m.group("value").strip()) for m in _PAIR.finditer(text)}
    try:
        decoded = bounded_json.loads(text)
    except bounded_json.JsonTooDeepError as exc:
        raise ValueError(f"tool arguments cannot be read: {exc}") from exc
    except json.JSONDecodeError:
        # models sometimes stop right after the object or add a stray brace; take the first object
        try:
            decoded, _ = bounded_json.raw_decode(text)
        except json.JSONDecodeError as exc:
            raise ValueError(f"tool arguments are not JSON: {text[:80]!r}") from exc
    if not isinstance(decoded, dict):
        raise ValueError(f"tool arguments are not a JSON object: {text[:80]!r}")
    return coerce_arguments(decoded)


def _parse_json_call(body: str) -> ToolCall:
    try:
        decoded, _ = bounded_json.raw_decode(body)
    except bounded_json.JsonTooDeepError as exc:
        raise ValueError(f"<tool_call> block cannot be read: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise ValueError(f"<tool_call> block is not valid JSON: {body[:60]!r}") from exc
    if not isinstance(decoded, dict) or not isinstance(decoded.get("name"), str):
        raise ValueError(f"<tool_call> JSON without a function name: {body[:60]!r}")
    raw_args = decoded.get("arguments", decoded.get("parameters"))
    return ToolCall(new_call_id(), decoded["name"].strip(), coerce_arguments(raw_args))


def _decode_value(raw: str) -> Any:
    """A value as JSON, else as the text it is; ValueError when it nests too deep to read."""
    try:
        return bounded_json.loads(raw)
    except bounded_json.JsonTooDeepError as exc:
        raise ValueError(f"a tool argument cannot be read: {exc}") from exc
    except json.JSONDecodeError:
        return raw


def _clean_key(key: str) -> str:
    return _TAG.sub("", key).strip()


def _clean_value(value: Any) -> Any:
    if isinstance(value, str) and _TAG.search(value):
        return _decode_value(_TAG.sub("", value).strip())
    return value


def _string_parameters(tools: Iterable[ToolSpec]) -> dict[str, set[str]]:
    wanted: dict[str, set[str]] = {}
    for tool in tools:
        properties = tool.parameters.get("properties", {})
        if isinstance(properties, dict):
            wanted[tool.name] = {
                key for key, spec in properties.items() if isinstance(spec, dict) and spec.get("type") == "string"
            }
    return wanted
