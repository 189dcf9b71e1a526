"""The work behind the MCP tools, on a capture backend and a model backend (no Qt).

The MCP process runs these itself when the app does not run (headless); the app runs the same
ones with its own capture backend, its loaded model and its settings when a call comes through its
command socket. Results are plain JSON-able dicts; a capture's PNG is returned beside its dict.
Everything here blocks (captures, the model): call it off any GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from desktop_helper.backends.base import Backend, CancelToken, ChatRequest, collect
from desktop_helper.core.errors import BackendError, CaptureError
from desktop_helper.core.geometry import Monitor, Rect
from desktop_helper.core.types import FinishReason
from desktop_helper.grounding import GroundingResult
from desktop_helper.mcp.tools import CaptureTarget, ToolError
from desktop_helper.platform.capture.base import CaptureBackend, Frame
from desktop_helper.platform.window_list.base import WindowLister

log = logging.getLogger(__name__)

#: the agent's names of actions -> perform_action's kinds (DONE / FAIL / WAIT are not performed)
ACTION_KIND = {
    "left_click": "click",
    "left_double_click": "double_click",
    "right_click": "right_click",
    "middle_click": "middle_click",
    "hover": "move",
    "left_drag": "drag",
    "scroll": "scroll",
    "key": "key",
    "type": "type",
}


class ScreenOperations:
    """Monitors, captures, questions, finding and proposing, on the given services.

    Args:
        capture: the capture backend (``platform.capture``).
        windows: lists windows, for the active window (None: 'window' captures are refused).
        backend: returns the model backend (may load it; raises BackendError when none can be had).
        setting: reads a setting (``models.image_token_budget``, ``language.ui``, ...).
    """

    def __init__(
        self,
        capture: CaptureBackend,
        windows: WindowLister | None,
        backend: Callable[[], Backend],
        setting: Callable[[str], Any],
    ) -> None:
        self._capture = capture
        self._windows = windows
        self._backend = backend
        self._setting = setting

    # ----- screen
    def monitors(self) -> list[Monitor]:
        monitors = list(self._capture.monitors())
        if not monitors:
            raise CaptureError("No monitor was found.", "Run this inside a desktop session.")
        return monitors

    def list_monitors(self) -> dict[str, Any]:
        return {"monitors": [monitor_as_json(number, m) for number, m in enumerate(self.monitors(), start=1)]}

    def monitor(self, number: int | None) -> Monitor:
        """Monitor ``number`` (1-based), or the primary one for None."""
        monitors = self.monitors()
        if number is None:
            return next((m for m in monitors if m.primary), monitors[0])
        if not 1 <= number <= len(monitors):
            raise ToolError(f"There is no monitor {number}; this computer has {len(monitors)}.", "See list_monitors.")
        return monitors[number - 1]

    def grab(self, target: CaptureTarget) -> Frame:
        """The capture ``target`` asks for, at full resolution with its geometry."""
        if target.kind == "monitor":
            return self._capture.grab_monitor(self.monitor(target.monitor))
        if target.kind == "region":
            assert target.region is not None
            return self._capture.grab(self._on_screen(Rect(*target.region)))
        if target.kind == "window":
            return self._capture.grab(self._on_screen(self._active_window()))
        return self._capture.grab_desktop()

    def _on_screen(self, rect: Rect) -> Rect:
        """The part of ``rect`` on the monitor it overlaps most (a capture never spans monitors)."""
        best: Rect | None = None
        for monitor in self.monitors():
            part = monitor.physical.intersection(rect)
            if part is not None and (best is None or part.width * part.height > best.width * best.height):
                best = part
        if best is None or best.width < 1 or best.height < 1:
            x, y, w, h = rect.as_ints()
            raise ToolError(
                f"The region x={x}, y={y}, {w}x{h} is not on any monitor.", "See list_monitors for the screen's coordinates."
            )
        return best

    def _active_window(self) -> Rect:
        windows = self._windows.windows() if self._windows is not None else []
        focused = next((w for w in windows if w.focused and w.rect is not None and not w.minimized), None)
        if focused is None or focused.rect is None:
            raise ToolError("No active window was found to capture.", "Capture the screen or a monitor instead.")
        return focused.rect

    def capture_png(self, target: CaptureTarget, max_size: int) -> tuple[bytes, dict[str, Any]]:
        """A PNG of ``target`` whose longest side is at most ``max_size``, and what it shows."""
        from desktop_helper.media.frames import encode_pixels, resize_pixels

        frame = self.grab(target)
        width, height = frame.width, frame.height
        scale = min(1.0, max_size / max(width, height))
        pixels = frame.pixels
        if scale < 1.0:
            size = (max(1, round(width * scale)), max(1, round(height * scale)))
            pixels = resize_pixels(pixels, size)
        part = encode_pixels(pixels, name="screen.png")
        x, y, w, h = frame.geometry.rect.as_ints()
        info = {
            "target": target.describe(),
            "screen_rect": {"x": x, "y": y, "width": w, "height": h},
            "image_size": {"width": part.width, "height": part.height},
            "scale": round(part.width / w, 6) if w else 1.0,
        }
        return part.data, info

    # ----- the model
    def ask(
        self,
        question: str,
        target: CaptureTarget,
        image_path: str | None,
        thinking: bool,
        max_tokens: int | None,
        *,
        cancel: CancelToken | None = None,
    ) -> dict[str, Any]:
        from desktop_helper.agent.tools import frame_to_part
        from desktop_helper.ask import load_image_file, run_ask

        image = load_image_file(image_path) if image_path else frame_to_part(self.grab(target), "screen.png")
        result = run_ask(
            self._backend(),
            question,
            (image,),
            thinking=thinking,
            max_tokens=max_tokens,
            image_token_budget=self._image_budget(),
            cancel=cancel,
        )
        if result.finish_reason == FinishReason.ERROR.value and not result.answer:
            raise BackendError(f"The model failed: {result.error or 'unknown error'}.")
        boxes = []
        for box in result.boxes:
            entry: dict[str, Any] = {"label": box.label, "normalized": list(box.normalized)}
            if box.screen is not None and len(box.screen) >= 4:
                x1, y1, x2, y2 = box.screen[:4]
                entry["screen"] = {"x": round(x1), "y": round(y1), "w": round(x2 - x1), "h": round(y2 - y1)}
            boxes.append(entry)
        return {
            "answer": result.answer,
            "boxes": boxes,
            "source": image_path or target.describe(),
            "finish_reason": result.finish_reason,
            "seconds": round(result.seconds, 3),
        }

    def find(
        self, description: str, thinking: bool, monitor: Monitor | None = None, *, cancel: CancelToken | None = None
    ) -> GroundingResult:
        """Find ``description`` on ``monitor`` (default: the primary one); nothing is drawn."""
        from desktop_helper.agent.tools import frame_to_part
        from desktop_helper.grounding import find_on_screen

        image = frame_to_part(self._capture.grab_monitor(monitor or self.monitor(None)), "screen.png")
        return find_on_screen(
            self._backend(), image, description, cancel=cancel, thinking=thinking, image_token_budget=self._image_budget()
        )

    def propose(
        self, task: str, monitor_number: int | None, thinking: bool, *, cancel: CancelToken | None = None
    ) -> dict[str, Any]:
        """The agent's next action for ``task`` on a monitor, in screen pixels; nothing is done."""
        from desktop_helper.agent.plan import plan_action
        from desktop_helper.agent.tools import frame_to_part
        from desktop_helper.media.images import with_budget
        from desktop_helper.parsers.gui_actions import format_call, parse_agent_reply
        from desktop_helper.prompts.gui_agent import build_agent_message

        monitor = self.monitor(monitor_number)
        shot = frame_to_part(self._capture.grab_monitor(monitor), "screen.png")
        budget = self._image_budget()
        sent = with_budget(shot, budget) if budget else shot
        request = ChatRequest(
            messages=(build_agent_message(task, sent),),
            thinking=thinking,
            temperature=0.0,
            max_tokens=4096,
            image_token_budget=budget,
        )
        raw, reasoning, calls, done = collect(self._backend().stream(request, cancel))
        if done is not None and done.reason is FinishReason.ERROR and not raw.strip() and not calls:
            raise BackendError(f"The model failed: {done.error or 'unknown error'}.")
        reply = parse_agent_reply(raw, reasoning, calls)
        if reply.action is None:
            raise ToolError(f"The model's answer could not be understood: {reply.problem}", "Rephrase the task and ask again.")
        assert sent.geometry is not None
        plan = plan_action(reply.action, sent.geometry)
        action = reply.action
        result: dict[str, Any] = {
            "thought": reply.thought,
            "description": plan.words,
            "call": format_call(action),
            "monitor": self.monitors().index(monitor) + 1,
        }
        kind = ACTION_KIND.get(action.name)
        if kind is None:  # DONE, FAIL, WAIT: nothing to perform
            result["status"] = {"DONE": "done", "FAIL": "cannot_be_done", "WAIT": "wait"}.get(action.name, action.name.lower())
            result["action"] = None
            return result
        performable: dict[str, Any] = {"kind": kind}
        if plan.point is not None:
            performable["x"], performable["y"] = plan.point
        if plan.end is not None:
            performable["end_x"], performable["end_y"] = plan.end
        if kind == "key":
            performable["keys"] = action.keys
        if kind == "type":
            performable["text"] = action.content
        if kind == "scroll":
            performable["direction"] = action.direction
            performable["amount"] = max(1, action.steps)
        result["status"] = "action"
        result["action"] = performable
        return result

    def _image_budget(self) -> int | None:
        return int(self._setting("models.image_token_budget") or 0) or None


def run_operation(
    operations: Any, name: str, checked: dict[str, Any], cancel: CancelToken | None = None
) -> tuple[dict[str, Any], bytes | None]:
    """One read-only tool on :class:`~desktop_helper.mcp.operations.ScreenOperations` (the app runs this too).

    ``cancel`` stops the model's answer when the caller gives up (the client cancelled or went away).
    """
    if name == "list_monitors":
        return operations.list_monitors(), None
    if name == "capture":
        png, info = operations.capture_png(checked["target"], checked["max_size"])
        return info, png
    if name == "ask":
        return (
            operations.ask(
                checked["question"],
                checked["target"],
                checked.get("image_path"),
                checked["thinking"],
                checked["max_tokens"],
                cancel=cancel,
            ),
            None,
        )
    if name == "find_on_screen":
        from desktop_helper.grounding import result_as_json

        found = operations.find(checked["description"], checked["thinking"], cancel=cancel)
        if not found.items:
            raise ToolError(nothing_found(result_as_json(found)))
        return result_as_json(found), None
    if name == "propose_action":
        return operations.propose(checked["task"], checked["monitor"], checked["thinking"], cancel=cancel), None
    raise ToolError(f"{name} cannot run here.")


def nothing_found(found: dict[str, Any]) -> str:
    """The tool error for a search without boxes (``found`` as :func:`~desktop_helper.grounding.result_as_json` gives it)."""
    return f"Nothing found for: {found.get('target', '')} ({found.get('error') or 'no boxes'})."


def monitor_as_json(number: int, monitor: Monitor) -> dict[str, Any]:
    x, y, w, h = monitor.physical.as_ints()
    return {
        "number": number,
        "name": monitor.name,
        "x": x,
        "y": y,
        "width": w,
        "height": h,
        "scale": monitor.scale,
        "primary": monitor.primary,
    }


#: perform_action's kinds -> the agent's action names
AGENT_ACTION = {kind: name for name, kind in ACTION_KIND.items()}


def plan_for_action(action: dict[str, Any], monitors: list[Monitor]) -> tuple[Any, Monitor]:
    """A checked perform_action ``action`` as the agent's planned action, and the monitor it acts on.

    Points must lie on a monitor (a drag within one); keys and text go to the primary monitor's
    focused window.

    Raises:
        ToolError: a point off every monitor, or a drag across monitors.
    """
    from desktop_helper.agent.plan import PlannedAction
    from desktop_helper.core.geometry import CaptureGeometry
    from desktop_helper.parsers.gui_actions import GuiAction

    kind = action["kind"]
    point = (action["x"], action["y"]) if "x" in action else None
    end = (action["end_x"], action["end_y"]) if "end_x" in action else None
    if point is None:
        monitor = next((m for m in monitors if m.primary), monitors[0])
    else:
        found = next((m for m in monitors if m.physical.contains(*point)), None)
        if found is None:
            raise ToolError(f"The point x={point[0]}, y={point[1]} is not on any monitor.", "See list_monitors.")
        monitor = found
    if end is not None and not monitor.physical.contains(*end):
        raise ToolError(f"The drag's end x={end[0]}, y={end[1]} is not on the monitor where it starts.")
    geometry = CaptureGeometry(monitor, monitor.physical)
    gui_action = GuiAction(
        AGENT_ACTION[kind],  # type: ignore[arg-type]
        keys=action.get("keys", ""),
        content=action.get("text", ""),
        direction=action.get("direction", ""),
        steps=int(action.get("amount", 0)),
    )
    logical_point = geometry.physical_to_logical(point[0] + 0.5, point[1] + 0.5) if point else None
    logical_end = geometry.physical_to_logical(end[0] + 0.5, end[1] + 0.5) if end else None
    return PlannedAction(gui_action, point, end, logical_point, logical_end, describe_action(action)), monitor


def describe_action(action: dict[str, Any]) -> str:
    """A perform_action ``action`` in plain words, with screen pixels."""
    kind = action["kind"]
    where = f" at ({action['x']}, {action['y']})" if "x" in action else ""
    if kind == "drag":
        return f"Drag from ({action['x']}, {action['y']}) to ({action['end_x']}, {action['end_y']})"
    if kind == "key":
        return f"Press {action['keys']}"
    if kind == "type":
        return f"Type {action['text']!r}"
    if kind == "scroll":
        amount = action.get("amount", 3)
        return f"Scroll {action['direction']} {amount} notch{'es' if amount != 1 else ''}{where}"
    if kind == "move":
        return f"Move the mouse{where}"
    return f"{kind.replace('_', '-').capitalize()}{where}"
