"""The find-on-screen wiring: prompt, worker, overlay, messages (on the harness's X server)."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from typing import Any

import pytest

from desktop_helper.backends.base import Backend, ChatRequest
from desktop_helper.backends.scripted import ScriptedBackend
from desktop_helper.core.errors import BackendError
from desktop_helper.core.geometry import CaptureGeometry, Monitor, Rect
from desktop_helper.core.messages import MessageBus, UserMessage
from desktop_helper.core.types import ImagePart
from tests.fixtures.overlay_flow import TARGET_RGB, box_responder_for, find_color_bbox, grab, make_target_window

pytestmark = pytest.mark.gui


class FailingBackend(ScriptedBackend):
    def stream(self, request: ChatRequest, cancel: Any = None) -> Iterator[Any]:
        raise BackendError("The server refused the request.", "Check the API key.")


@pytest.fixture
def screen_capture(qapp: Any) -> Any:
    """Grabs the primary screen with mss on the worker thread, like the capture service does."""
    import io

    from desktop_helper.media.images import with_budget

    screen = qapp.primaryScreen()
    g = screen.geometry()
    physical = Rect(g.x(), g.y(), g.width(), g.height())
    monitor = Monitor(1, screen.name(), physical, screen.devicePixelRatio(), primary=True)

    def capture(where: tuple[int, int]) -> ImagePart:
        assert g.contains(*where)  # the cursor is on the only screen
        image, _ = grab((g.x(), g.y(), g.width(), g.height()))
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        part = ImagePart(buffer.getvalue(), "image/png", image.width, image.height, geometry=CaptureGeometry(monitor, physical))
        return with_budget(part, 600)

    return capture


@pytest.fixture
def messages() -> tuple[MessageBus, list[UserMessage]]:
    bus = MessageBus()
    received: list[UserMessage] = []
    bus.subscribe(received.append)
    return bus, received


def _controller(backend: Backend | None, capture: Any, bus: MessageBus) -> Any:
    from desktop_helper.ui.find import FindController
    from desktop_helper.ui.overlay import OverlayController

    overlay = OverlayController(fade_seconds=0)
    return FindController(overlay, lambda: backend, capture, bus, options=lambda: {"image_token_budget": 600})


def test_find_draws_the_target(qtbot: Any, screen_capture: Any, messages: Any) -> None:
    bus, received = messages
    window = make_target_window(0)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    qtbot.wait(200)
    backend = ScriptedBackend(responder=box_responder_for(TARGET_RGB))
    controller = _controller(backend, screen_capture, bus)
    try:
        with qtbot.waitSignal(controller.finished, timeout=20000) as blocker:
            reply = controller.find_command(argparse.Namespace(target=["the", "blue", "block"]), lambda _t: None)
            assert controller.busy
        assert not isinstance(reply, int)
        assert reply.result(timeout=0) == 0
        result = blocker.args[0]
        assert result.question == "the blue block"
        assert controller.overlay.visible
        (item,) = result.items
        image, _ = grab()
        target = find_color_bbox(image, TARGET_RGB, tolerance=20)
        assert target is not None
        # the image went through a 600-token downscale: within a couple of screen pixels
        assert abs(item.physical.x - target[0]) <= 4
        assert abs(item.physical.right - target[2]) <= 4
        assert abs(item.physical.y - target[1]) <= 4
        assert abs(item.physical.bottom - target[3]) <= 4
        assert not received
        # a second request while nothing runs replaces the boxes; "stop" clears them
        controller.overlay.clear()
        assert not controller.overlay.visible
    finally:
        controller.shutdown()
        controller.overlay.shutdown()


def test_nothing_found_and_errors_reach_the_user(qtbot: Any, screen_capture: Any, messages: Any) -> None:
    bus, received = messages
    controller = _controller(ScriptedBackend(["It is not on the screen."]), screen_capture, bus)
    try:
        with qtbot.waitSignal(controller.finished, timeout=20000) as blocker:
            controller.find("a unicorn")
        assert not blocker.args[0].items
        assert not controller.overlay.visible
        assert "no box" in received[-1].text

        controller._backend = lambda: FailingBackend(["x"])
        with qtbot.waitSignal(controller.failed, timeout=20000):
            controller.find("x")
        assert received[-1].text == "The server refused the request."
        assert received[-1].fix == "Check the API key."

        controller._backend = lambda: None
        with qtbot.waitSignal(controller.failed, timeout=2000):
            controller.find("x")
        assert "No model" in received[-1].text
    finally:
        controller.shutdown()
        controller.overlay.shutdown()


def test_prompt_asks_and_submits(qtbot: Any, screen_capture: Any, messages: Any) -> None:
    from PySide6.QtCore import Qt

    bus, _ = messages
    controller = _controller(ScriptedBackend(["[1, 2, 3, 4]"]), screen_capture, bus)
    try:
        outputs: list[str] = []
        assert controller.find_command(argparse.Namespace(target=[]), outputs.append) == 0
        prompt = controller.prompt
        assert prompt is not None
        qtbot.waitExposed(prompt)
        qtbot.keyClicks(prompt.edit, "Save button")
        with qtbot.waitSignal(controller.finished, timeout=20000) as blocker:
            qtbot.keyClick(prompt.edit, Qt.Key.Key_Return)
        assert blocker.args[0].question == "Save button"
        assert not prompt.isVisible()
        # Esc cancels without a request
        controller.ask()
        qtbot.waitExposed(prompt)
        with qtbot.waitSignal(prompt.cancelled, timeout=2000):
            qtbot.keyClick(prompt.edit, Qt.Key.Key_Escape)
        assert not controller.busy
    finally:
        controller.shutdown()
        controller.overlay.shutdown()


def _json_box(label: str, box: tuple[int, int, int, int]) -> str:
    return f'{{"label": "{label}", "bbox_2d": [{", ".join(map(str, box))}]}}'


def test_boxes_appear_while_the_model_writes(qtbot: Any, screen_capture: Any, messages: Any) -> None:
    bus, received = messages
    # the third box lies between the first two: adding it repaints only its own corner of the overlay
    boxes = {"top left": (50, 50, 150, 150), "bottom right": (700, 700, 900, 900), "middle": (400, 400, 450, 450)}
    answer = "[" + ",\n".join(_json_box(label, box) for label, box in boxes.items()) + "]"
    backend = ScriptedBackend([answer], chunk_size=6, delay=0.02)
    controller = _controller(backend, screen_capture, bus)
    shown: list[int] = []
    controller.overlay.shown.connect(shown.append)
    try:
        with qtbot.waitSignal(controller.finished, timeout=20000) as blocker:
            controller.find("the boxes")
        result = blocker.args[0]
        assert [item.item.label for item in result.items] == list(boxes)
        # box by box before the answer ended (a stalled GUI thread may take two in one redraw)
        assert shown[0] == 1, shown
        assert shown == sorted(shown), shown
        assert len(set(shown)) >= 2, shown
        (window,) = [w for w in controller.overlay.windows() if w.isVisible()]
        middle = result.items[2].logical
        painted = window.last_paint_rect.translated(window.pos())
        assert painted.width() < window.width() / 3, (painted, window.geometry())
        assert painted.contains(round(middle.x) + 5, round(middle.y) + 5)
        image, _ = grab()
        for item in result.items:  # every box is on the screen, each in its own colour
            x, y = round(item.logical.x), round(item.logical.y + item.logical.height / 2)
            assert image.getpixel((x, y))[:3] != image.getpixel((x + 10, y))[:3], item
        assert not received
    finally:
        controller.shutdown()
        controller.overlay.shutdown()


def test_boxes_of_an_answer_that_breaks_off_are_taken_down(qtbot: Any, screen_capture: Any, messages: Any) -> None:
    from desktop_helper.backends.base import Done, TextDelta
    from desktop_helper.core.types import FinishReason

    class BreaksOff(ScriptedBackend):
        def stream(self, request: ChatRequest, cancel: Any = None) -> Iterator[Any]:
            yield TextDelta(_json_box("first", (100, 100, 200, 200)) + ",\n")
            assert cancel is not None
            cancel.wait(0.5)
            yield Done(FinishReason.ERROR, "connection lost")

    bus, received = messages
    controller = _controller(BreaksOff(["x"]), screen_capture, bus)
    try:
        with qtbot.waitSignal(controller.overlay.shown, timeout=20000):
            controller.find("x")
        assert controller.overlay.visible  # drawn while the answer was coming
        with qtbot.waitSignal(controller.finished, timeout=20000) as blocker:
            pass
        assert not blocker.args[0].items
        assert not controller.overlay.visible
        assert not any(w.isVisible() for w in controller.overlay.windows())
        assert "connection lost" in received[-1].text
    finally:
        controller.shutdown()
        controller.overlay.shutdown()


def test_putting_the_boxes_away_stops_the_search(qtbot: Any, screen_capture: Any, messages: Any) -> None:
    bus, received = messages
    answer = "[" + ",\n".join(_json_box(f"item {i}", (100 * i, 100, 100 * i + 50, 150)) for i in range(1, 8)) + "]"
    controller = _controller(ScriptedBackend([answer], chunk_size=8, delay=0.05), screen_capture, bus)
    try:
        with qtbot.waitSignal(controller.overlay.shown, timeout=20000):
            controller.find("items")
        assert not controller.overlay._timer.isActive()  # no fade while the answer is still coming
        with qtbot.waitSignal(controller.finished, timeout=20000) as blocker:
            controller.overlay.clear()  # what Esc and the stop command do
        assert blocker.args[0].error == "Find on screen was cancelled."
        qtbot.wait(300)
        assert not controller.overlay.visible  # nothing came back
        assert "cancelled" in received[-1].text
    finally:
        controller.shutdown()
        controller.overlay.shutdown()
