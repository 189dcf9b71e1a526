"""Turn a GLM GUI-agent answer (desktop action space) into one typed action, or a readable problem.

The desktop prompt (:mod:`desktop_helper.prompts.gui_agent`) asks the model for a short explanation,
then one call such as ``left_click(start_box='[512,300]')`` inside ``<|begin_of_box|>`` ...
``<|end_of_box|>``, then ``Memory:`` and a JSON list to carry to the next step. Real outputs stray
from that: the box tokens go missing, quotes change, coordinates come as ``(x, y)`` or as a box,
the reasoning leaks in, the answer stops half-way. This parser accepts what it can read without
guessing and reports everything else as a problem, so the agent shows "could not understand the
model" instead of clicking somewhere unintended.

GLM deployments also deliver the action in GLM's native tool-call markup instead of the call syntax:
the name, then ``<arg_key>start_box</arg_key><arg_value>[x, y]</arg_value>`` pairs, with or without
``<tool_call>`` ... ``</tool_call>`` around them (servers and clients lose one of those tags at times);
or, when the server's tool parser took the markup out of the text, as a separate tool call
(:class:`~desktop_helper.core.types.ToolCall`, passed in ``tool_calls``); and ``DONE``, ``WAIT`` and
``FAIL`` without parentheses. Every form goes through the same checks as the call syntax.

Pure functions over text; it never raises on model output.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from desktop_helper.core.types import ToolCall
from desktop_helper.parsers import bounded_json
from desktop_helper.parsers.thinking import split_thinking

BOX_OPEN = "<|begin_of_box|>"
BOX_CLOSE = "<|end_of_box|>"
#: GLM-4.1V wrote ``<|start_of_box|>``; some chat templates echo it
#: GLM-4.1V-Thinking wraps answers in <answer>; a tool call's tags stay behind when its body was read
_BOX_TOKENS = (BOX_OPEN, BOX_CLOSE, "<|start_of_box|>", "<answer>", "</answer>", "<tool_call>", "</tool_call>")

#: The largest coordinate the prompt allows (0..999 of the current screenshot).
MAX_COORDINATE = 999

ActionName = Literal[
    "left_click",
    "right_click",
    "middle_click",
    "hover",
    "left_double_click",
    "left_drag",
    "key",
    "type",
    "scroll",
    "WAIT",
    "DONE",
    "FAIL",
]

POINT_ACTIONS: frozenset[str] = frozenset({"left_click", "right_click", "middle_click", "hover", "left_double_click"})
ACTION_NAMES: frozenset[str] = POINT_ACTIONS | {"left_drag", "key", "type", "scroll", "WAIT", "DONE", "FAIL"}

#: lower-case spellings models use for the no-argument actions
_CASE_ALIASES = {"wait": "WAIT", "done": "DONE", "fail": "FAIL", "finished": "DONE", "double_click": "left_double_click"}

_CALL_START = re.compile(r"\b([A-Za-z_][A-Za-z0-9_]*)\s*\(")
#: GLM's tool-call markup: a name before the first ``<arg_key>`` or ``</tool_call>``, or after ``<tool_call>``
_MARKUP_START = re.compile(
    r"(?:<tool_call>\s*)?\b([A-Za-z_][A-Za-z0-9_]*)\s*(?=<arg_key>|</tool_call>)"
    r"|<tool_call>\s*([A-Za-z_][A-Za-z0-9_]*)(?=\s*(?:<|\Z))"
)
_MARKUP_PAIR = re.compile(r"\s*<arg_key>(?P<key>.*?)</arg_key>\s*<arg_value>", re.DOTALL)
#: where a value whose ``</arg_value>`` was lost still visibly ends
_VALUE_END = re.compile(r"</arg_value>|<arg_key>|</tool_call>|<tool_call>")
#: an argument-less action on a line of its own, without parentheses
_BARE_ACTION = re.compile(r"^[ \t]*(DONE|WAIT|FAIL)[ \t]*\.?[ \t]*$", re.MULTILINE)
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_CALL_CLOSE = re.compile(r"\s*</tool_call>")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


@dataclass(frozen=True)
class GuiAction:
    """One desktop action with coordinates in 0..999 of the screenshot it was proposed for.

    Attributes:
        name: the action (see :data:`ACTION_NAMES`).
        point: (x, y) for clicks, hover, scroll and the start of a drag.
        end: (x, y) where a drag ends.
        keys: the key combination for ``key``, as the model wrote it (``"ctrl+c"``).
        content: the exact text for ``type``.
        direction: ``"up"`` or ``"down"`` for ``scroll``.
        steps: wheel steps for ``scroll``.
        element_info: the model's description of the target, if any.
        call: the call as the model wrote it (for the history and the review).
    """

    name: ActionName
    point: tuple[int, int] | None = None
    end: tuple[int, int] | None = None
    keys: str = ""
    content: str = ""
    direction: str = ""
    steps: int = 0
    element_info: str = ""
    call: str = ""


@dataclass(frozen=True)
class AgentReply:
    """A parsed agent answer.

    Attributes:
        action: the action, or None when the answer could not be understood.
        problem: why ``action`` is None (one sentence for the user); empty when it parsed.
        thought: the model's visible explanation, without the call and the memory.
        memory: the ``Memory:`` list to carry to the next step (empty when missing or unreadable).
        memory_text: the memory as text, ready to put back into the next prompt.
        thinking: reasoning from ``<think>`` ... ``</think>``, kept apart.
        raw: the full model output.
        memory_problem: why the model's memory was not kept (empty when it was, or when there was none).
    """

    action: GuiAction | None
    problem: str = ""
    thought: str = ""
    memory: list[Any] = field(default_factory=list)
    memory_text: str = "[]"
    thinking: str = ""
    raw: str = ""
    memory_problem: str = ""


class _UnreadableError(ValueError):
    """An action call that was found but cannot be trusted; the message is for the user."""


def parse_agent_reply(raw: str, thinking: str = "", tool_calls: Iterable[ToolCall] = ()) -> AgentReply:
    """Parse a desktop GUI-agent answer.

    Args:
        raw: the model's answer (may still hold inline ``<think>`` ... ``</think>``).
        thinking: reasoning the backend already separated, if any.
        tool_calls: calls the backend took out of the answer (a server's GLM tool parser, or the
            local backend's); one of them is the action when the text holds none.

    Returns:
        An :class:`AgentReply`; on anything unreadable ``action`` is None and ``problem`` says why.
    """
    if not isinstance(raw, str):
        return AgentReply(None, "The model gave no text.", raw="")
    inline_thinking, answer = split_thinking(raw)
    all_thinking = "\n".join(t for t in (thinking.strip(), inline_thinking) if t)
    memory_text, memory, before_memory, memory_problem = _memory(answer)

    def unreadable(problem: str, call_span: tuple[int, int] | None = None) -> AgentReply:
        thought = _thought(before_memory, call_span)
        return AgentReply(None, problem, thought, memory, memory_text, all_thinking, raw, memory_problem)

    calls = list(tool_calls)
    try:
        action, call_span = _find_action(before_memory, cut_off=before_memory == answer)
        if calls:
            action = _action_from_tool_calls(calls, action)
    except _UnreadableError as exc:
        return unreadable(str(exc))
    if action is None:
        what = "an empty answer" if not answer.strip() else "no action it knows"
        return unreadable(f"Could not understand the model: it gave {what}.")
    thought = _thought(before_memory, call_span)
    return AgentReply(action, "", thought, memory, memory_text, all_thinking, raw, memory_problem)


# -- memory -----------------------------------------------------------------------------


def _memory(answer: str) -> tuple[str, list[Any], str, str]:
    """(memory text, memory list, the answer before ``Memory:``, why the memory was dropped)."""
    index = answer.rfind("Memory:")
    if index == -1:
        return "[]", [], answer, ""
    text = _strip_box_tokens(answer[index + len("Memory:") :]).strip()
    # the list may be followed by chatter; keep the first complete JSON value
    value: Any = None
    start = text.find("[")
    if start != -1:
        try:
            value, _end = bounded_json.raw_decode(text, start)
        except bounded_json.JsonTooDeepError as exc:
            # carrying it into the next prompt would only repeat the damage
            return "[]", [], answer[:index], f"The model's memory was dropped: {exc}."
        except ValueError:
            value = None
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False), value, answer[:index], ""
    return (text or "[]"), [], answer[:index], ""


# -- the action call ------------------------------------------------------------------------


def _find_action(text: str, cut_off: bool = True) -> tuple[GuiAction | None, tuple[int, int] | None]:
    """The first known action: inside the box tokens if present, else anywhere.

    ``cut_off``: nothing followed ``text`` (no ``Memory:``), so a value running to its end was cut off.
    """
    open_at = text.find(BOX_OPEN)
    if open_at == -1:
        open_at = text.find("<|start_of_box|>")
    if open_at != -1:
        close_at = text.find(BOX_CLOSE, open_at)
        body_start = text.index("|>", open_at) + 2
        body_end = close_at if close_at != -1 else len(text)
        found = _first_action(text, body_start, body_end, cut_off and close_at == -1)
        if found is None and _canonical_bare(text[body_start:body_end].strip()):
            # DONE / WAIT / FAIL alone in the box, without parentheses
            name = _canonical_bare(text[body_start:body_end].strip())
            assert name is not None
            found = GuiAction(name, call=f"{name}()"), (body_start, body_end)
        if found is not None:
            return found
    return _first_action(text, 0, len(text), cut_off) or (None, None)


_Found = tuple[GuiAction, tuple[int, int]]


def _first_action(text: str, start: int, end: int, cut_off: bool) -> _Found | None:
    """The earliest action in ``text[start:end]`` in any written form (call, markup, a bare DONE line).

    Only the earliest is read, so a later unreadable one (a call the reasoning rejected) cannot spoil it.
    """
    call = _known_match(_CALL_START, text, start, end)
    markup = _known_match(_MARKUP_START, text, start, end)
    bare = _BARE_ACTION.search(text, start, end)
    candidates = [match for match in (call, markup, bare) if match is not None]
    if not candidates:
        return None
    first = min(candidates, key=lambda match: match.start())
    if first is call:
        return _read_call(text, first, end)
    if first is markup:
        return _read_markup(text, first, end, cut_off)
    name = _canonical_bare(first.group(1))
    assert name is not None
    return GuiAction(name, call=f"{name}()"), first.span()


def _known_match(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    """The first match of ``pattern`` whose name (group 1 or 2) is a known action."""
    position = start
    while position < end:
        match = pattern.search(text, position, end)
        if match is None or _canonical_name(_written_name(match)) is not None:
            return match
        position = match.end()
    return None


def _written_name(match: re.Match[str]) -> str:
    return next(group for group in match.groups() if group)


def _read_call(text: str, match: re.Match[str], end: int) -> _Found:
    name = _canonical_name(match.group(1))
    assert name is not None
    args_text, call_end = _call_arguments(text, match.end(), end)
    if args_text is None:
        raise _UnreadableError(f"Could not understand the model: the call {name}(...) is not closed.")
    call = text[match.start() : call_end]
    return _build(name, _keyword_arguments(args_text), call), (match.start(), call_end)


def _read_markup(text: str, match: re.Match[str], end: int, cut_off: bool) -> _Found:
    """An action in GLM's tool-call markup: ``NAME<arg_key>K</arg_key><arg_value>V</arg_value>...``.

    The ``<tool_call>`` and ``</tool_call>`` around it are optional (either may have been lost), and so
    is a ``</arg_value>`` that the next tag or the end of the box makes plain. A value that runs to the
    end of a cut-off answer is not trusted.
    """
    name = _canonical_name(_written_name(match))
    assert name is not None
    arguments: dict[str, str] = {}
    index = match.end()
    while (pair := _MARKUP_PAIR.match(text, index, end)) is not None:
        key = pair.group("key").strip()
        value_end = _VALUE_END.search(text, pair.end(), end)
        if value_end is None and cut_off:
            raise _UnreadableError(f"Could not understand the model: the value of {key or 'an argument'} is cut off.")
        stop = value_end.start() if value_end is not None else end
        value = text[pair.end() : stop].strip()
        index = value_end.end() if value_end is not None and value_end.group() == "</arg_value>" else stop
        if not _IDENTIFIER.fullmatch(key):
            raise _UnreadableError(f"Could not understand the model: {key[:40]!r} is not an argument name.")
        arguments.setdefault(key, _unquoted(value, key))
    closing = _CALL_CLOSE.match(text, index, end)
    call_end = closing.end() if closing else index
    action = _build(name, arguments, "")
    return replace(action, call=canonical_call(action)), (match.start(), call_end)


def _canonical_bare(text: str) -> ActionName | None:
    name = _CASE_ALIASES.get(text.rstrip(".").lower())
    return name if name in {"DONE", "WAIT", "FAIL"} else None  # type: ignore[return-value]


def _unquoted(value: str, key: str) -> str:
    """A markup or JSON value as text: quotes around all of it are the call syntax leaking in, and go.

    A value that opens a quote it never closes cannot be told apart from a cut-off one, so it is refused.
    """
    if len(value) >= 2 and value[0] in "'\"" and value[-1] == value[0]:
        inner = value[1:-1]
        return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), inner, flags=re.DOTALL)
    if value[:1] in ("'", '"') and value.count(value[0]) == 1:
        raise _UnreadableError(f"Could not understand the model: the value of {key} opens a quote it never closes.")
    return value


# -- actions the server delivered as tool calls ---------------------------------------------------


def _action_from_tool_calls(calls: list[ToolCall], in_text: GuiAction | None) -> GuiAction | None:
    """The action of a reply whose call came as an OpenAI ``tool_calls`` entry (JSON arguments).

    One step is one action: several calls, or a call that disagrees with an action in the text, is a
    problem rather than a choice between them.
    """
    if len(calls) > 1:
        names = ", ".join(call.name for call in calls[:4])
        raise _UnreadableError(f"Could not understand the model: it proposed {len(calls)} actions at once ({names}).")
    call = calls[0]
    name = _canonical_name(call.name.strip())
    if name is None:
        raise _UnreadableError(f"Could not understand the model: it called {call.name[:40]!r}, not an action it knows.")
    arguments: dict[str, str] = {}
    for key, value in _arguments(call.arguments).items():
        if not _IDENTIFIER.fullmatch(key) or _POSITIONAL.fullmatch(key):
            raise _UnreadableError(f"Could not understand the model: {key[:40]!r} is not an argument name.")
        arguments[key] = _unquoted(value, key) if isinstance(value, str) else _argument_text(value)
    action = _build(name, arguments, "")
    action = replace(action, call=canonical_call(action))
    if in_text is not None and canonical_call(in_text) != action.call:
        raise _UnreadableError(f"Could not understand the model: it wrote {format_call(in_text)} but called {action.call}.")
    return action


_POSITIONAL = re.compile(r"_\d+")


def _arguments(arguments: Any) -> Mapping[str, Any]:
    if not isinstance(arguments, Mapping):
        raise _UnreadableError("Could not understand the model: its tool call has no readable arguments.")
    return {str(key): value for key, value in arguments.items()}


def _argument_text(value: Any) -> str:
    """A JSON argument in the call syntax's text form: ``[12, 34]`` for a point, ``3`` for a number."""
    if isinstance(value, bool) or value is None:
        return json.dumps(value)  # never a number: ``true`` is no step count
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, list) and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value):
        return "[" + ", ".join(repr(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def _canonical_name(name: str) -> ActionName | None:
    if name in ACTION_NAMES:
        return name  # type: ignore[return-value]
    alias = _CASE_ALIASES.get(name.lower())
    if alias is not None:
        return alias  # type: ignore[return-value]
    if name.upper() in {"WAIT", "DONE", "FAIL"}:
        return name.upper()  # type: ignore[return-value]
    return None


def _call_arguments(text: str, start: int, end: int) -> tuple[str | None, int]:
    """The text between the call's parentheses, skipping parentheses inside quotes.

    Returns (None, end) when the call never closes (the answer was cut off).
    """
    quote = ""
    depth = 0
    index = start
    while index < end:
        char = text[index]
        if quote:
            if char == "\\":
                index += 2
                continue
            if char == quote and _closes_string(text, index + 1, end):
                quote = ""
        elif char in "'\"":
            quote = char
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            if depth == 0 and char == ")":
                return text[start:index], index + 1
            depth = max(0, depth - 1)
        index += 1
    return None, end


def _closes_string(text: str, after: int, end: int) -> bool:
    """Whether a quote at ``after - 1`` ends a string: followed by ``,`` + a keyword, or ``)``.

    Models write ``type(content='it's here')`` without escaping; a quote that is not followed by
    the end of the argument is part of the text.
    """
    rest = text[after:end].lstrip()
    if not rest or rest.startswith(")"):
        return True
    return bool(re.match(r",\s*([A-Za-z_][A-Za-z0-9_]*\s*=|\))", rest)) or (rest.startswith(",") and not rest[1:].strip())


def _keyword_arguments(args: str) -> dict[str, str]:
    """``a='x', b=5`` -> {"a": "x", "b": "5"}; positional values are keyed ``_0``, ``_1``..."""
    result: dict[str, str] = {}
    index = 0
    positional = 0
    length = len(args)
    while index < length:
        while index < length and args[index] in " \t\r\n,":
            index += 1
        if index >= length:
            break
        key_match = re.match(r"([A-Za-z_][A-Za-z0-9_]*)\s*[=:]\s*", args[index:])
        if key_match:
            key = key_match.group(1)
            index += key_match.end()
        else:
            key = f"_{positional}"
            positional += 1
        value, index = _value(args, index)
        result.setdefault(key, value)
    return result


def _value(args: str, index: int) -> tuple[str, int]:
    length = len(args)
    if index < length and args[index] in "'\"":
        quote = args[index]
        pieces: list[str] = []
        position = index + 1
        while position < length:
            char = args[position]
            if char == "\\" and position + 1 < length:
                pieces.append(_ESCAPES.get(args[position + 1], args[position + 1]))
                position += 2
                continue
            if char == quote and _closes_string(args + ")", position + 1, length + 1):
                return "".join(pieces), position + 1
            pieces.append(char)
            position += 1
        return "".join(pieces), length
    # unquoted: up to the next comma at bracket depth 0
    depth = 0
    position = index
    while position < length:
        char = args[position]
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == "," and depth <= 0:
            break
        position += 1
    return args[index:position].strip(), position


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", "'": "'", '"': '"'}


# -- building the typed action -------------------------------------------------------------------


def _build(name: ActionName, args: dict[str, str], call: str) -> GuiAction:
    info = args.get("element_info", "")
    if name in POINT_ACTIONS:
        point = _point(args.get("start_box", args.get("_0")), name)
        return GuiAction(name, point=point, element_info=info, call=call)
    if name == "left_drag":
        start = _point(args.get("start_box", args.get("_0")), name)
        end = _point(args.get("end_box", args.get("_1")), name, "end_box")
        return GuiAction(name, point=start, end=end, element_info=info, call=call)
    if name == "key":
        keys = args.get("keys", args.get("key", args.get("_0", ""))).strip()
        if not keys:
            raise _UnreadableError("Could not understand the model: key() names no key.")
        return GuiAction(name, keys=keys, call=call)
    if name == "type":
        if "content" in args:
            content = args["content"]
        elif "text" in args:
            content = args["text"]
        elif "_0" in args:
            content = args["_0"]
        else:
            raise _UnreadableError("Could not understand the model: type() has no text.")
        if not content:
            raise _UnreadableError("Could not understand the model: type() has empty text.")
        return GuiAction(name, content=content, call=call)
    if name == "scroll":
        point = _point(args.get("start_box", args.get("_0")), name)
        direction = args.get("direction", args.get("_1", "")).strip().strip("'\"").lower()
        if direction not in {"up", "down"}:
            raise _UnreadableError(f"Could not understand the model: scroll direction {direction or 'missing'!r}.")
        steps = _integer(args.get("step", args.get("steps", "5")), 5)
        if not 1 <= steps <= 50:
            raise _UnreadableError(f"Could not understand the model: {steps} scroll steps is out of range.")
        return GuiAction(name, point=point, direction=direction, steps=steps, element_info=info, call=call)
    return GuiAction(name, call=call)


def _point(value: str | None, action: str, argument: str = "start_box") -> tuple[int, int]:
    if value is None or not value.strip():
        raise _UnreadableError(f"Could not understand the model: {action} has no {argument}.")
    numbers = [float(n) for n in _NUMBER.findall(value)]
    if len(numbers) == 4:
        # a box where a point was asked for: its center is what the model meant
        numbers = [(numbers[0] + numbers[2]) / 2, (numbers[1] + numbers[3]) / 2]
    if len(numbers) != 2:
        raise _UnreadableError(f"Could not understand the model: {argument} {value.strip()[:40]!r} is not a point [x, y].")
    x, y = numbers
    for coordinate in (x, y):
        if not math.isfinite(coordinate) or coordinate < 0 or coordinate > MAX_COORDINATE + 1:
            raise _UnreadableError(f"Could not understand the model: coordinate {coordinate:g} is outside 0..{MAX_COORDINATE}.")
    # 1000 is the far edge, written by models that count to 1000: keep it on the screen
    return min(round(x), MAX_COORDINATE), min(round(y), MAX_COORDINATE)


def _integer(value: str, default: int) -> int:
    numbers = _NUMBER.findall(value or "")
    if not numbers:
        return default
    try:
        return round(float(numbers[0]))
    except (ValueError, OverflowError):
        return default


# -- the visible explanation ---------------------------------------------------------------------


def _thought(text: str, call_span: tuple[int, int] | None) -> str:
    """The explanation without the call and the box tokens (the official history keeps it as 'Thought')."""
    if call_span is not None:
        text = text[: call_span[0]] + text[call_span[1] :]
    return re.sub(r"\n{3,}", "\n\n", _strip_box_tokens(text)).strip()


def _strip_box_tokens(text: str) -> str:
    for token in _BOX_TOKENS:
        text = text.replace(token, "")
    return text


def format_call(action: GuiAction) -> str:
    """The action as a canonical call in the prompt's syntax (for history lines)."""
    if action.call:
        return _strip_box_tokens(action.call).strip()
    return canonical_call(action)


def canonical_call(action: GuiAction) -> str:
    """The action rebuilt in the prompt's syntax from its fields."""
    if action.name in POINT_ACTIONS and action.point is not None:
        return f"{action.name}(start_box='[{action.point[0]},{action.point[1]}]')"
    if action.name == "left_drag" and action.point and action.end:
        return f"left_drag(start_box='[{action.point[0]},{action.point[1]}]', end_box='[{action.end[0]},{action.end[1]}]')"
    if action.name == "key":
        return f"key(keys={action.keys!r})"
    if action.name == "type":
        return f"type(content={action.content!r})"
    if action.name == "scroll" and action.point is not None:
        return f"scroll(start_box='[{action.point[0]},{action.point[1]}]', direction='{action.direction}', step={action.steps})"
    return f"{action.name}()"
