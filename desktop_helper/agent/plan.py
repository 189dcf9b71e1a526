"""From a parsed action to what the user sees and what the mouse does.

A :class:`~desktop_helper.parsers.gui_actions.GuiAction` holds model coordinates (0..999 of the
screenshot). :func:`plan_action` maps them through the capture's geometry to the physical pixels the
mouse uses (kept inside the captured rectangle, so an action never leaves the monitor that was
captured) and to logical pixels for the overlay, and describes the action in words.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_helper.core.geometry import CaptureGeometry, Monitor
from desktop_helper.core.i18n import marked, t
from desktop_helper.core.shapes import ArrowShape, Badge, PointShape, Shape, TextBubble
from desktop_helper.parsers.gui_actions import MAX_COORDINATE, GuiAction

#: Colours per click kind, so a right click never looks like a left click.
CLICK_COLORS = {
    "left_click": "#FF2D55",
    "left_double_click": "#AF52DE",
    "right_click": "#FFB000",
    "middle_click": "#00C7BE",
    "hover": "#00B8F0",
}
CLICK_LABELS = {
    "left_click": marked("click"),
    "left_double_click": marked("double-click"),
    "right_click": marked("right-click"),
    "middle_click": marked("middle-click"),
    "hover": marked("hover"),
}
#: How far (logical px) a scroll arrow reaches from its start, per wheel notch, within limits.
_SCROLL_ARROW_PER_STEP = 18.0


@dataclass(frozen=True)
class PlannedAction:
    """An action ready to show and to perform.

    Attributes:
        action: the parsed action.
        point: physical pixel where it starts (clicks, hover, scroll, drag start), or None.
        end: physical pixel where a drag ends, or None.
        logical_point / logical_end: the same points in Qt logical pixels, for the overlay.
        words: the action in plain words for the step panel.
    """

    action: GuiAction
    point: tuple[int, int] | None
    end: tuple[int, int] | None
    logical_point: tuple[float, float] | None
    logical_end: tuple[float, float] | None
    words: str


def _clamp(value: int) -> int:
    return min(max(value, 0), MAX_COORDINATE)


def _map(geometry: CaptureGeometry, point: tuple[int, int]) -> tuple[tuple[int, int], tuple[float, float]]:
    nx, ny = _clamp(point[0]), _clamp(point[1])
    # 0..999 of the screenshot: the pixel holding the point, clamped to the captured rectangle
    physical = geometry.normalized_to_mouse(nx, ny)
    logical = geometry.physical_to_logical(physical[0] + 0.5, physical[1] + 0.5)
    return physical, logical


def plan_action(action: GuiAction, geometry: CaptureGeometry) -> PlannedAction:
    """Map an action's model coordinates onto the screen it was proposed for."""
    point = end = None
    logical_point = logical_end = None
    if action.point is not None:
        point, logical_point = _map(geometry, action.point)
    if action.end is not None:
        end, logical_end = _map(geometry, action.end)
    return PlannedAction(action, point, end, logical_point, logical_end, describe(action, point, end, geometry.monitor))


def describe(
    action: GuiAction,
    point: tuple[int, int] | None = None,
    end: tuple[int, int] | None = None,
    monitor: Monitor | None = None,
) -> str:
    """The action in plain words, naming the target when the model did.

    Positions are where on the screen it acts (``point``/``end``: global physical pixels, as the
    mouse moves there), named as pixels of ``monitor`` from its top-left corner; without them the
    model's own 0-999 coordinates are named.
    """
    target = t(" on {element!r}", element=action.element_info) if action.element_info else ""
    screen = ""
    if monitor is not None and point is not None:
        origin = (round(monitor.physical.x), round(monitor.physical.y))
        point = (point[0] - origin[0], point[1] - origin[1])
        end = (end[0] - origin[0], end[1] - origin[1]) if end is not None else None
        screen = (
            t(" of screen {number} ({name})", number=monitor.id, name=monitor.name)
            if monitor.name
            else t(" of screen {number}", number=monitor.id)
        )
    point = point or action.point
    end = end or action.end
    where = t(" at ({x}, {y}){screen}", x=point[0], y=point[1], screen=screen) if point else ""
    name = action.name
    clicks = {
        "left_click": t("Click{target}{where}", target=target, where=where),
        "left_double_click": t("Double-click{target}{where}", target=target, where=where),
        "right_click": t("Right-click{target}{where}", target=target, where=where),
        "middle_click": t("Middle-click{target}{where}", target=target, where=where),
        "hover": t("Move the mouse{target}{where}", target=target, where=where),
    }
    if name in clicks:
        return clicks[name]
    if name == "left_drag" and point and end:
        return t(
            "Drag{target} from ({x}, {y}) to ({x2}, {y2}){screen}",
            target=target,
            x=point[0],
            y=point[1],
            x2=end[0],
            y2=end[1],
            screen=screen,
        )
    if name == "key":
        return t("Press {keys}", keys=action.keys)
    if name == "type":
        return t("Type {content!r}", content=action.content)
    if name == "scroll":
        scrolls = {
            ("up", True): t("Scroll up 1 notch{target}{where}", target=target, where=where),
            ("down", True): t("Scroll down 1 notch{target}{where}", target=target, where=where),
            ("up", False): t("Scroll up {steps} notches{target}{where}", steps=action.steps, target=target, where=where),
            ("down", False): t("Scroll down {steps} notches{target}{where}", steps=action.steps, target=target, where=where),
        }
        return scrolls.get((action.direction, action.steps == 1), scrolls["down", action.steps == 1])
    if name == "WAIT":
        return t("Wait 5 seconds")
    if name == "DONE":
        return t("Finish: the task is done")
    return t("Give up: the task cannot be done")


def shapes_for_action(
    plan: PlannedAction, anchor: tuple[float, float] | None = None, step_number: int | None = None
) -> list[Shape]:
    """What the overlay draws for a proposed action (global logical pixels).

    A ring for each click kind in its own colour and label, an arrow for drags and scrolls, a
    bubble with the exact text for ``type`` and a badge for ``key``, placed at ``anchor``
    (logical px; the agent passes its latest click, where the focused input most likely is).
    """
    action = plan.action
    shapes: list[Shape] = []
    name = action.name
    if name in CLICK_LABELS and plan.logical_point is not None:
        x, y = plan.logical_point
        color = CLICK_COLORS[name]
        shapes.append(
            PointShape(x, y, t(CLICK_LABELS[name]), color, step_number, radius=16.0 if name == "left_double_click" else 12.0)
        )
        if name == "left_double_click":
            shapes.append(PointShape(x, y, "", color, None, radius=8.0))
    elif name == "left_drag" and plan.logical_point and plan.logical_end:
        (x1, y1), (x2, y2) = plan.logical_point, plan.logical_end
        shapes.append(PointShape(x1, y1, t("drag"), CLICK_COLORS["left_click"], step_number, radius=8.0))
        shapes.append(ArrowShape(x1, y1, x2, y2, CLICK_COLORS["left_click"]))
    elif name == "scroll" and plan.logical_point is not None:
        x, y = plan.logical_point
        reach = min(max(action.steps, 1) * _SCROLL_ARROW_PER_STEP, 160.0)
        dy = reach if action.direction == "down" else -reach
        scroll_label = (
            t("scroll up x{steps}", steps=action.steps)
            if action.direction == "up"
            else t("scroll down x{steps}", steps=action.steps)
        )
        shapes.append(ArrowShape(x, y, x, y + dy, CLICK_COLORS["hover"], scroll_label))
    elif name == "type" and anchor is not None:
        shapes.append(TextBubble(anchor[0] + 14, anchor[1] + 14, action.content))
    elif name == "key" and anchor is not None:
        label = action.keys
        radius = max(11.0, len(label) * 4.5)
        shapes.append(Badge(anchor[0] + 14 + radius, anchor[1] + 14 + radius, label, CLICK_COLORS["right_click"], radius=radius))
    return shapes
