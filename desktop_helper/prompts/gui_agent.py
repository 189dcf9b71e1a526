"""The desktop GUI-agent prompt for GLM-4.5V/4.6V, in the structure the GLM-V project documents.

The official desktop agent (GLM-V ``examples/gui-agent/glm-45v``) sends one user message and no
system prompt: a role line, the task, the platform, the action space (a call rule and a JSON schema
per action), the history of earlier steps with at most the four latest screenshots at half size,
the current ``Memory:`` list, the output format and a few notes, then the current screenshot at
full size. Earlier steps are replayed as text (their explanation and call), not as chat turns.
This module builds that message from typed inputs; the wording is ours, the structure and the
action space are the model's.
"""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from desktop_helper.core.types import ImagePart, Message, Part, TextPart
from desktop_helper.platform.system import os_display_name

#: The official agent shows at most this many earlier screenshots; older steps are text only.
HISTORY_SCREENSHOTS = 4
#: Placeholder for an earlier screenshot that is not sent.
OMITTED = "(Omitted in context.)"

_POINT = {
    "type": "array",
    "items": {"type": "integer"},
    "description": "Point [x,y] on the current screenshot, each value 0-999 (thousandths of width and height).",
}
_INFO = {"type": "string", "description": "Optional: what the element is, in a few words."}


@dataclass(frozen=True)
class _ActionDoc:
    title: str
    call_rule: str
    names: tuple[str, ...]
    description: str
    properties: dict[str, Any]
    required: tuple[str, ...] = ()

    def render(self) -> str:
        schema = {
            "name": list(self.names) if len(self.names) > 1 else self.names[0],
            "description": self.description,
            "parameters": {"type": "object", "properties": self.properties, "required": list(self.required)},
        }
        return f"### {self.title}\n\nCall rule: `{self.call_rule}`\n{json.dumps(schema, indent=4, ensure_ascii=False)}"


ACTION_DOCS: tuple[_ActionDoc, ...] = (
    _ActionDoc(
        "{left,right,middle}_click",
        "{left,right,middle}_click(start_box='[x,y]', element_info='')",
        ("left_click", "right_click", "middle_click"),
        "Click once with the left, right or middle mouse button at a point of the screen.",
        {"start_box": _POINT, "element_info": _INFO},
        ("start_box",),
    ),
    _ActionDoc(
        "hover",
        "hover(start_box='[x,y]', element_info='')",
        ("hover",),
        "Move the mouse pointer to a point without clicking.",
        {"start_box": _POINT, "element_info": _INFO},
        ("start_box",),
    ),
    _ActionDoc(
        "left_double_click",
        "left_double_click(start_box='[x,y]', element_info='')",
        ("left_double_click",),
        "Double-click with the left mouse button at a point of the screen.",
        {"start_box": _POINT, "element_info": _INFO},
        ("start_box",),
    ),
    _ActionDoc(
        "left_drag",
        "left_drag(start_box='[x1,y1]', end_box='[x2,y2]', element_info='')",
        ("left_drag",),
        "Press the left mouse button at one point, move to another and release it there.",
        {
            "start_box": _POINT,
            "end_box": {**_POINT, "description": "Point [x,y] where the drag ends, 0-999."},
            "element_info": _INFO,
        },
        ("start_box", "end_box"),
    ),
    _ActionDoc(
        "key",
        "key(keys='')",
        ("key",),
        "Press one key or a key combination.",
        {"keys": {"type": "string", "description": "Key names joined with '+', such as 'enter', 'ctrl+s' or 'alt+f4'."}},
        ("keys",),
    ),
    _ActionDoc(
        "type",
        "type(content='')",
        ("type",),
        "Type text into the input that has the keyboard focus; it does not click the input or clear it first.",
        {"content": {"type": "string", "description": "The exact text to type."}},
        ("content",),
    ),
    _ActionDoc(
        "scroll",
        "scroll(start_box='[x,y]', direction='', step=5, element_info='')",
        ("scroll",),
        "Turn the mouse wheel over a point of the screen, up or down, by a number of notches.",
        {
            "start_box": _POINT,
            "direction": {"type": "string", "enum": ["down", "up"], "description": "'down' or 'up'."},
            "step": {"type": "integer", "default": 5, "description": "Wheel notches (5 when left out)."},
            "element_info": _INFO,
        },
        ("start_box", "direction"),
    ),
    _ActionDoc("WAIT", "WAIT()", ("WAIT",), "Do nothing for 5 seconds, e.g. while something loads.", {}),
    _ActionDoc("DONE", "DONE()", ("DONE",), "The task is complete; nothing more to do.", {}),
    _ActionDoc("FAIL", "FAIL()", ("FAIL",), "The task cannot be done from here.", {}),
)


def action_space() -> str:
    """The action-space section: call rule and schema of every desktop action."""
    return "\n\n".join(doc.render() for doc in ACTION_DOCS)


@dataclass(frozen=True)
class HistoryStep:
    """An earlier step as the next prompt replays it.

    Attributes:
        thought: the model's visible explanation (no reasoning, no call, no memory, no box tokens).
        call: the action as written, e.g. ``left_click(start_box='[10,20]')``; for a step the model
            got wrong, a short note in its place.
        screenshot: the half-size screenshot taken before the step, or None if not kept.
    """

    thought: str
    call: str
    screenshot: ImagePart | None = None


def _head(task: str, platform: str) -> str:
    return (
        "You are a GUI agent working on a computer for the user. Look at the screenshots and the task, "
        "think about what to do, and do one GUI operation at a time until the task is finished or "
        "cannot be finished. All coordinates are thousandths (0-999) of the current screenshot's width and height.\n"
        "\n# Task:\n"
        f"{task.strip()}\n"
        "\n# Task Platform\n"
        f"{platform}\n"
        "\n# Action Space\n"
        f"{action_space()}\n"
        "\n# Historical Actions and Current Memory\n"
        "History:"
    )


def _tail(memory_text: str) -> str:
    return (
        "\nMemory:\n"
        f"{memory_text.strip() or '[]'}\n"
        "# Output Format\n"
        "A short plain-text explanation, then exactly one action call such as action(param='...'), then:\n"
        "Memory:\n"
        '[{"key": "value"}, ...]\n'
        "\n# Some Additional Notes\n"
        f"- The history shows the screenshots of the latest {HISTORY_SCREENSHOTS} steps at half size, "
        "with what was done at each step.\n"
        "- Keep in Memory only what you must know in later steps and cannot see on the screen then. "
        "Drop entries you no longer need. Write an empty list when there is nothing to keep.\n"
        "- Only one action per answer. If an action did not change the screen, do not repeat it blindly.\n"
        "- Answer DONE() when the task is complete and FAIL() when it cannot be done.\n"
        "\nCurrent Screenshot:\n"
    )


def build_agent_message(
    task: str,
    screenshot: ImagePart,
    history: Sequence[HistoryStep] = (),
    memory_text: str = "[]",
    platform: str | None = None,
) -> Message:
    """The one user message for the next step.

    Args:
        task: what the user asked for.
        screenshot: the current screenshot, as sent (full size, after any token-budget resize).
        history: earlier steps, oldest first.
        memory_text: the ``Memory:`` list of the latest answer, as text.
        platform: the OS name in the prompt; default: the OS this runs on.
    """
    parts: list[Part] = []
    text = _head(task, platform or os_display_name())
    with_images = {index for index in range(len(history)) if history[index].screenshot is not None}
    # at most the latest few screenshots; earlier ones become the placeholder
    with_images = set(sorted(with_images)[-HISTORY_SCREENSHOTS:])
    for index, step in enumerate(history):
        number = index + 1
        if index in with_images and step.screenshot is not None:
            text += f"\nstep {number}: Screenshot:"
            parts.append(TextPart(text))
            parts.append(step.screenshot)
            text = f" Thought: {step.thought}\nAction: {step.call}"
        else:
            text += f"\nstep {number}: Screenshot:{OMITTED} Thought: {step.thought}\nAction: {step.call}"
    text += _tail(memory_text)
    parts.append(TextPart(text))
    parts.append(screenshot)
    return Message("user", tuple(parts))


def half_size(part: ImagePart) -> ImagePart:
    """The screenshot at half its width and height, as the history shows it (PNG).

    The capture geometry is dropped: nobody maps coordinates on a history image.
    """
    from PIL import Image

    with Image.open(io.BytesIO(part.data)) as opened:
        image = opened.convert("RGB")
    width, height = max(1, part.width // 2), max(1, part.height // 2)
    # a 2x2 box average: the exact half of an even size, ~10x faster than a bicubic resize
    small = image.reduce(2) if image.width >= 2 and image.height >= 2 else image
    if small.size != (width, height):
        small = small.resize((width, height), Image.Resampling.BICUBIC)
    buffer = io.BytesIO()
    small.save(buffer, format="PNG")
    return replace(part, data=buffer.getvalue(), mime="image/png", width=width, height=height, geometry=None)
