"""The MCP tools: names, descriptions, JSON schemas, and the checks every call's arguments pass first.

:func:`check_arguments` turns a call's raw arguments into clean values or raises :class:`ToolError`
with one sentence saying what is wrong and what to send instead; the server answers that as a tool
error (``isError``), never as a crash. The same checks run in the app for calls it receives.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_helper.core.errors import UserError

#: the largest image side a caller may ask for (a 4K screen fits; more only costs the client tokens)
MAX_IMAGE_SIDE = 4096
#: the image side when the caller gives none (what common MCP clients take without scaling again)
DEFAULT_IMAGE_SIDE = 1568
MIN_IMAGE_SIDE = 16
#: coordinates beyond this are no screen (guards against overflow and nonsense)
MAX_COORDINATE = 1_000_000
MAX_TEXT = 4000
MAX_TYPED_TEXT = 2000
MAX_ANSWER_TOKENS = 8192
DEFAULT_CONFIRM_SECONDS = 120
MAX_CONFIRM_SECONDS = 600


class ToolError(UserError):
    """A call that cannot be done as asked: answered to the client as a tool error (``isError``)."""


@dataclass(frozen=True)
class ToolSpec:
    name: str
    title: str
    description: str
    schema: dict[str, Any]
    #: the settings key that exposes the tool
    setting: str
    read_only: bool = True


_MAX_SIZE = {
    "type": "integer",
    "minimum": MIN_IMAGE_SIDE,
    "maximum": MAX_IMAGE_SIDE,
    "default": DEFAULT_IMAGE_SIDE,
    "description": f"Longest side of the returned image in pixels ({MIN_IMAGE_SIDE}-{MAX_IMAGE_SIDE}); "
    "the capture is scaled down to fit, never up.",
}
_REGION = {
    "type": "object",
    "description": "For target 'region': a rectangle in global screen pixels (physical pixels, as list_monitors gives).",
    "properties": {
        "x": {"type": "integer", "description": "Left edge."},
        "y": {"type": "integer", "description": "Top edge."},
        "width": {"type": "integer", "minimum": 1, "description": "Width, at least 1."},
        "height": {"type": "integer", "minimum": 1, "description": "Height, at least 1."},
    },
    "required": ["x", "y", "width", "height"],
    "additionalProperties": False,
}
_TARGET = {
    "type": "string",
    "enum": ["screen", "monitor", "region", "window"],
    "default": "screen",
    "description": "What to capture: 'screen' (every monitor), 'monitor' (give monitor), 'region' (give region) "
    "or 'window' (the active window).",
}
_MONITOR = {"type": "integer", "minimum": 1, "description": "Monitor number, 1 = first (see list_monitors)."}
_THINKING = {
    "type": "boolean",
    "default": False,
    "description": "Let the model reason before it answers: slower, sometimes better. Off unless you ask.",
}
ACTION_KINDS = ("click", "double_click", "right_click", "middle_click", "move", "drag", "scroll", "key", "type")
_ACTION = {
    "type": "object",
    "description": "A GUI action in global screen pixels (propose_action returns one in this form).",
    "properties": {
        "kind": {"type": "string", "enum": list(ACTION_KINDS), "description": "What to do."},
        "x": {"type": "integer", "description": "Screen x of the click, move, scroll or drag start."},
        "y": {"type": "integer", "description": "Screen y of the click, move, scroll or drag start."},
        "end_x": {"type": "integer", "description": "Screen x where a drag ends."},
        "end_y": {"type": "integer", "description": "Screen y where a drag ends."},
        "keys": {"type": "string", "description": "For 'key': a key combination such as 'ctrl+s' or 'enter'."},
        "text": {"type": "string", "maxLength": MAX_TYPED_TEXT, "description": "For 'type': the exact text to type."},
        "direction": {"type": "string", "enum": ["up", "down"], "description": "For 'scroll'."},
        "amount": {"type": "integer", "minimum": 1, "maximum": 50, "default": 3, "description": "For 'scroll': notches."},
    },
    "required": ["kind"],
}

TOOLS: tuple[ToolSpec, ...] = (
    ToolSpec(
        "list_monitors",
        "List monitors",
        "The monitors of this computer: number, position and size in global screen pixels, scale, and which is primary.",
        {"type": "object", "properties": {}, "additionalProperties": False},
        "mcp.list_monitors",
    ),
    ToolSpec(
        "capture",
        "Capture the screen",
        "Take a screenshot of the whole screen, one monitor, a region or the active window, returned as a PNG image "
        "scaled to fit max_size. The text part says which screen rectangle the image shows, to map image pixels "
        "back to screen pixels.",
        {
            "type": "object",
            "properties": {"target": _TARGET, "monitor": _MONITOR, "region": _REGION, "max_size": _MAX_SIZE},
            "additionalProperties": False,
        },
        "mcp.capture",
    ),
    ToolSpec(
        "ask",
        "Ask about the screen or an image",
        "Ask the local vision model (GLM-4.6V, the backend configured in Desktop Helper) a question about the screen "
        "or about an image file. Returns its answer; boxes it mentions are given in screen pixels for captures.",
        {
            "type": "object",
            "properties": {
                "question": {"type": "string", "minLength": 1, "maxLength": MAX_TEXT, "description": "The question."},
                "image_path": {
                    "type": "string",
                    "description": "An image file to ask about (absolute path). Without it, the screen is captured.",
                },
                "target": _TARGET,
                "monitor": _MONITOR,
                "region": _REGION,
                "thinking": _THINKING,
                "max_tokens": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": MAX_ANSWER_TOKENS,
                    "description": "Cap on the answer's length in tokens.",
                },
            },
            "required": ["question"],
            "additionalProperties": False,
        },
        "mcp.ask",
    ),
    ToolSpec(
        "find_on_screen",
        "Find on screen",
        "Find something on the screen from a description ('the Save button', 'every error message'): returns "
        "labelled boxes in global screen pixels on the monitor under the mouse pointer (the primary monitor when "
        "Desktop Helper is not running). When Desktop Helper runs, the boxes are also drawn on the screen.",
        {
            "type": "object",
            "properties": {
                "description": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": MAX_TEXT,
                    "description": "What to find, in plain words.",
                },
                "thinking": _THINKING,
            },
            "required": ["description"],
            "additionalProperties": False,
        },
        "mcp.find_on_screen",
    ),
    ToolSpec(
        "propose_action",
        "Propose the next GUI action",
        "Ask the GUI agent for the next action (click, type, key, scroll, ...) toward a task on one monitor. It never "
        "acts: it returns the action in screen pixels, in the form perform_action takes, with the model's reason.",
        {
            "type": "object",
            "properties": {
                "task": {"type": "string", "minLength": 1, "maxLength": MAX_TEXT, "description": "The task, in plain words."},
                "monitor": {**_MONITOR, "description": "Monitor number, 1 = first; default: the primary monitor."},
                "thinking": _THINKING,
            },
            "required": ["task"],
            "additionalProperties": False,
        },
        "mcp.propose_action",
    ),
    ToolSpec(
        "perform_action",
        "Perform a GUI action (the user confirms)",
        "Perform one GUI action after the user confirms it on the screen: Desktop Helper shows it in its step panel and "
        "on the screen and acts only when the user presses Confirm (the stop hotkey halts it). Refused, not confirmed in "
        "time, or stopped: a tool error says so. Needs the Desktop Helper app to be running.",
        {
            "type": "object",
            "properties": {
                "action": _ACTION,
                "reason": {
                    "type": "string",
                    "maxLength": MAX_TEXT,
                    "description": "Why, in one sentence: shown to the user next to Confirm.",
                },
                "timeout_seconds": {
                    "type": "integer",
                    "minimum": 5,
                    "maximum": MAX_CONFIRM_SECONDS,
                    "default": DEFAULT_CONFIRM_SECONDS,
                    "description": "How long to wait for the user's Confirm.",
                },
            },
            "required": ["action"],
            "additionalProperties": False,
        },
        "mcp.perform_action",
        read_only=False,
    ),
)

BY_NAME: dict[str, ToolSpec] = {spec.name: spec for spec in TOOLS}


# ---------------------------------------------------------------------- argument checks


@dataclass(frozen=True)
class CaptureTarget:
    """What to capture: ``kind`` screen / monitor / region / window, with its monitor or region (x, y, w, h)."""

    kind: str = "screen"
    monitor: int | None = None
    region: tuple[int, int, int, int] | None = None

    def describe(self) -> str:
        if self.kind == "monitor":
            return f"monitor {self.monitor}"
        if self.kind == "region" and self.region is not None:
            return "region x={}, y={}, {}x{}".format(*self.region)
        return "the active window" if self.kind == "window" else "the whole screen"


def check_arguments(name: str, arguments: dict[str, Any] | None) -> dict[str, Any]:
    """The call's arguments, checked and with defaults filled in.

    Raises:
        ToolError: an unknown tool, a missing or unknown argument, a value of the wrong type or out of range.
    """
    spec = BY_NAME.get(name)
    if spec is None:
        raise ToolError(f"There is no tool named {name!r}.", f"Available: {', '.join(BY_NAME)}.")
    arguments = dict(arguments or {})
    allowed = set(spec.schema.get("properties", {}))
    unknown = sorted(set(arguments) - allowed)
    if unknown:
        raise ToolError(
            f"{name} does not take {', '.join(repr(u) for u in unknown)}.",
            f"It takes: {', '.join(sorted(allowed)) or 'no arguments'}.",
        )
    for required in spec.schema.get("required", []):
        if arguments.get(required) in (None, ""):
            raise ToolError(f"{name} needs {required!r}.")
    checked: dict[str, Any] = {}
    if name in ("capture", "ask"):
        checked["target"] = _capture_target(arguments)
    if name == "capture":
        checked["max_size"] = _int(arguments, "max_size", DEFAULT_IMAGE_SIDE, MIN_IMAGE_SIDE, MAX_IMAGE_SIDE)
    if name == "ask":
        checked["question"] = _text(arguments, "question")
        checked["thinking"] = _bool(arguments, "thinking")
        checked["max_tokens"] = _int(arguments, "max_tokens", None, 1, MAX_ANSWER_TOKENS)
        path = arguments.get("image_path")
        if path is not None:
            if not isinstance(path, str) or not path.strip():
                raise ToolError("image_path must be the path of an image file.")
            file = Path(path).expanduser()
            if not file.is_absolute():
                raise ToolError(f"image_path must be an absolute path, not {path!r}.", "The server does not know your folder.")
            if not file.is_file():
                raise ToolError(f"There is no image file at {file}.", "Check the path; it must be a file on this computer.")
            checked["image_path"] = str(file)
    if name == "find_on_screen":
        checked["description"] = _text(arguments, "description")
        checked["thinking"] = _bool(arguments, "thinking")
    if name == "propose_action":
        checked["task"] = _text(arguments, "task")
        checked["monitor"] = _int(arguments, "monitor", None, 1, 64)
        checked["thinking"] = _bool(arguments, "thinking")
    if name == "perform_action":
        checked["action"] = check_action(arguments.get("action"))
        reason = arguments.get("reason", "")
        if not isinstance(reason, str) or len(reason) > MAX_TEXT:
            raise ToolError(f"reason must be a text of at most {MAX_TEXT} characters.")
        checked["reason"] = reason.strip()
        checked["timeout_seconds"] = _int(arguments, "timeout_seconds", DEFAULT_CONFIRM_SECONDS, 5, MAX_CONFIRM_SECONDS)
    return checked


def check_action(action: Any) -> dict[str, Any]:
    """A perform_action ``action`` object, checked: kind plus exactly what that kind needs.

    Raises:
        ToolError: naming the missing or bad field.
    """
    if not isinstance(action, dict):
        raise ToolError('action must be an object such as {"kind": "click", "x": 100, "y": 200}.')
    kind = action.get("kind")
    if kind not in ACTION_KINDS:
        raise ToolError(f"action.kind must be one of {', '.join(ACTION_KINDS)}, not {kind!r}.")
    known = set(_ACTION["properties"])
    unknown = sorted(set(action) - known)
    if unknown:
        raise ToolError(f"action does not take {', '.join(repr(u) for u in unknown)}.", f"It takes: {', '.join(sorted(known))}.")
    checked: dict[str, Any] = {"kind": kind}
    if kind in ("click", "double_click", "right_click", "middle_click", "move", "drag", "scroll"):
        checked["x"] = _int(action, "x", None, -MAX_COORDINATE, MAX_COORDINATE, prefix="action.", required=True)
        checked["y"] = _int(action, "y", None, -MAX_COORDINATE, MAX_COORDINATE, prefix="action.", required=True)
    if kind == "drag":
        checked["end_x"] = _int(action, "end_x", None, -MAX_COORDINATE, MAX_COORDINATE, prefix="action.", required=True)
        checked["end_y"] = _int(action, "end_y", None, -MAX_COORDINATE, MAX_COORDINATE, prefix="action.", required=True)
    if kind == "scroll":
        direction = action.get("direction")
        if direction not in ("up", "down"):
            raise ToolError(f"action.direction must be 'up' or 'down' for a scroll, not {direction!r}.")
        checked["direction"] = direction
        checked["amount"] = _int(action, "amount", 3, 1, 50, prefix="action.")
    if kind == "key":
        keys = action.get("keys")
        if not isinstance(keys, str) or not keys.strip():
            raise ToolError("action.keys is needed for 'key', e.g. 'ctrl+s' or 'enter'.")
        from desktop_helper.platform.input.keys import parse_key_combo

        try:
            parse_key_combo(keys)
        except ValueError as exc:
            raise ToolError(f"action.keys: {exc}") from None
        checked["keys"] = keys.strip()
    if kind == "type":
        text = action.get("text")
        if not isinstance(text, str) or not text:
            raise ToolError("action.text is needed for 'type': the exact text to type.")
        if len(text) > MAX_TYPED_TEXT:
            raise ToolError(f"action.text is {len(text)} characters long; at most {MAX_TYPED_TEXT} can be typed at once.")
        checked["text"] = text
    return checked


def _capture_target(arguments: dict[str, Any]) -> CaptureTarget:
    kind = arguments.get("target", "screen")
    if kind not in ("screen", "monitor", "region", "window"):
        raise ToolError(f"target must be 'screen', 'monitor', 'region' or 'window', not {kind!r}.")
    monitor = _int(arguments, "monitor", None, 1, 64)
    region_value = arguments.get("region")
    if monitor is not None and kind == "screen":
        kind = "monitor"  # a monitor number alone says what is meant
    if region_value is not None and kind == "screen":
        kind = "region"
    if kind == "monitor":
        if monitor is None:
            raise ToolError("target 'monitor' needs 'monitor' (1 = first; see list_monitors).")
        return CaptureTarget("monitor", monitor=monitor)
    if kind == "region":
        if not isinstance(region_value, dict):
            raise ToolError('target \'region\' needs \'region\': {"x": 0, "y": 0, "width": 800, "height": 600} in screen pixels.')
        x = _int(region_value, "x", None, -MAX_COORDINATE, MAX_COORDINATE, prefix="region.", required=True)
        y = _int(region_value, "y", None, -MAX_COORDINATE, MAX_COORDINATE, prefix="region.", required=True)
        width = _int(region_value, "width", None, 1, MAX_COORDINATE, prefix="region.", required=True)
        height = _int(region_value, "height", None, 1, MAX_COORDINATE, prefix="region.", required=True)
        assert x is not None
        assert y is not None
        assert width is not None
        assert height is not None
        return CaptureTarget("region", region=(x, y, width, height))
    return CaptureTarget(kind)


def _int(
    values: dict[str, Any],
    key: str,
    default: int | None,
    minimum: int,
    maximum: int,
    *,
    prefix: str = "",
    required: bool = False,
) -> int | None:
    value = values.get(key)
    if value is None:
        if required:
            raise ToolError(f"{prefix}{key} is needed (a whole number).")
        return default
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ToolError(f"{prefix}{key} must be a whole number, not {value!r}.")
    if not minimum <= value <= maximum:
        raise ToolError(f"{prefix}{key} must be between {minimum} and {maximum}, not {value}.")
    return value


def _text(values: dict[str, Any], key: str) -> str:
    value = values.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ToolError(f"{key} must be a non-empty text.")
    if len(value) > MAX_TEXT:
        raise ToolError(f"{key} is {len(value)} characters long; at most {MAX_TEXT}.")
    return value.strip()


def _bool(values: dict[str, Any], key: str) -> bool:
    value = values.get(key, False)
    if not isinstance(value, bool):
        raise ToolError(f"{key} must be true or false, not {value!r}.")
    return value


def loggable_arguments(arguments: dict[str, Any] | None, log_prompts: bool) -> dict[str, Any]:
    """The call's arguments for the log: texts only with prompt logging on (else their length), never image data."""
    shown: dict[str, Any] = {}
    for key, value in (arguments or {}).items():
        if key in ("question", "task", "description", "reason") and not log_prompts and isinstance(value, str):
            shown[key] = f"<{len(value)} characters>"
        elif key == "action" and isinstance(value, dict) and not log_prompts and isinstance(value.get("text"), str):
            shown[key] = {**value, "text": f"<{len(value['text'])} characters>"}
        elif isinstance(value, str) and len(value) > 300:
            shown[key] = f"<{len(value)} characters>"
        else:
            shown[key] = value
    return shown
