"""Turn a GLM GUI-agent answer (desktop action space) into one typed action, or a readable problem.

The desktop prompt (:mod:`desktop_helper.prompts.gui_agent`) asks the model for a short explanation,
then one call such as ``left_click(start_box='[512,300]')`` inside ``<|begin_of_box|>`` ...
``<|end_of_box|>``, then ``Memory:`` and a JSON list to carry to the next step. Real outputs stray
from that: the box tokens go missing, quotes change, coordinates come as ``(x, y)`` or as a box,
the reasoning leaks in, the answer stops half-way. This parser accepts what it can read without
guessing and reports everything else as a problem, so the agent shows "could not understand the
model" instead of clicking somewhere unintended.

Pure functions over text; it never raises on model output.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from typing import Any, Literal

from desktop_helper.parsers.thinking import split_thinking

BOX_OPEN = "<|begin_of_box|>"
BOX_CLOSE = "<|end_of_box|>"
#: GLM-4.1V wrote ``<|start_of_box|>``; some chat templates echo it
_BOX_TOKENS = (BOX_OPEN, BOX_CLOSE, "<|start_of_box|>", "<answer>", "</answer>")  # GLM-4.1V-Thinking wraps answers

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
    """

    action: GuiAction | None
    problem: str = ""
    thought: str = ""
    memory: list[Any] = field(default_factory=list)
    memory_text: str = "[]"
    thinking: str = ""
    raw: str = ""


class _UnreadableError(ValueError):
    """An action call that was found but cannot be trusted; the message is for the user."""


def parse_agent_reply(raw: str, thinking: str = "") -> AgentReply:
    """Parse a desktop GUI-agent answer.

    Args:
        raw: the model's answer (may still hold inline ``<think>`` ... ``</think>``).
        thinking: reasoning the backend already separated, if any.

    Returns:
        An :class:`AgentReply`; on anything unreadable ``action`` is None and ``problem`` says why.
    """
    if not isinstance(raw, str):
        return AgentReply(None, "The model gave no text.", raw="")
    inline_thinking, answer = split_thinking(raw)
    all_thinking = "\n".join(t for t in (thinking.strip(), inline_thinking) if t)
    memory_text, memory, before_memory = _memory(answer)
    try:
        action, call_span = _find_action(before_memory)
    except _UnreadableError as exc:
        return AgentReply(None, str(exc), _thought(before_memory, None), memory, memory_text, all_thinking, raw)
    if action is None:
        what = "an empty answer" if not answer.strip() else "no action it knows"
        return AgentReply(
            None,
            f"Could not understand the model: it gave {what}.",
            _thought(before_memory, None),
            memory,
            memory_text,
            all_thinking,
            raw,
        )
    return AgentReply(action, "", _thought(before_memory, call_span), memory, memory_text, all_thinking, raw)


# -- memory -----------------------------------------------------------------------------


def _memory(answer: str) -> tuple[str, list[Any], str]:
    """(memory text, memory list, the answer before ``Memory:``)."""
    index = answer.rfind("Memory:")
    if index == -1:
        return "[]", [], answer
    text = _strip_box_tokens(answer[index + len("Memory:") :]).strip()
    # the list may be followed by chatter; keep the first complete JSON value
    value: Any = None
    start = text.find("[")
    if start != -1:
        try:
            value, _end = json.JSONDecoder().raw_decode(text[start:])
        except ValueError:
            value = None
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False), value, answer[:index]
    return (text or "[]"), [], answer[:index]


# -- the action call ------------------------------------------------------------------------


def _find_action(text: str) -> tuple[GuiAction | None, tuple[int, int] | None]:
    """The first known action call: inside the box tokens if present, else anywhere."""
    open_at = text.find(BOX_OPEN)
    if open_at == -1:
        open_at = text.find("<|start_of_box|>")
    if open_at != -1:
        close_at = text.find(BOX_CLOSE, open_at)
        body_start = text.index("|>", open_at) + 2
        body_end = close_at if close_at != -1 else len(text)
        found = _first_call(text, body_start, body_end)
        if found is not None:
            return found
    return _first_call(text, 0, len(text)) or (None, None)


def _first_call(text: str, start: int, end: int) -> tuple[GuiAction, tuple[int, int]] | None:
    position = start
    while position < end:
        match = _CALL_START.search(text, position, end)
        if match is None:
            return None
        name = _canonical_name(match.group(1))
        if name is None:
            position = match.end()
            continue
        args_text, call_end = _call_arguments(text, match.end(), end)
        if args_text is None:
            raise _UnreadableError(f"Could not understand the model: the call {name}(...) is not closed.")
        call = text[match.start() : call_end]
        return _build(name, _keyword_arguments(args_text), call), (match.start(), call_end)
    return None


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
