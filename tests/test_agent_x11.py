"""The GUI agent end to end on a real X server: a target app in its own process, real pynput input,
the real step panel, overlay and clipboard, the stop hotkey pressed with xdotool, and one run on the
tiny llama.cpp model."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from desktop_helper.agent.loop import AgentConfig, AgentRun, NullListener
from desktop_helper.agent.record import MemoryStepRecorder, RunOutcome
from desktop_helper.agent.screen import BackendScreen, list_monitors
from desktop_helper.backends.base import ChatRequest
from desktop_helper.backends.scripted import ScriptedBackend
from desktop_helper.core.geometry import Rect
from desktop_helper.core.shapes import PointShape, TextBubble
from desktop_helper.platform.input import executor_for_current_os
from tests.harness.xserver import XServer

ROOT = Path(__file__).resolve().parents[1]
TEXT = "Grüße aus Zürich — 東京 ✓"
STOP_HOTKEY = "<ctrl>+<alt>+<shift>+x"


class TargetApp:
    def __init__(self, report: Path, process: subprocess.Popen[bytes]) -> None:
        self.report = report
        self.process = process

    def events(self) -> list[dict[str, Any]]:
        if not self.report.exists():
            return []
        return [json.loads(line) for line in self.report.read_text(encoding="utf-8").splitlines() if line.strip()]

    def first(self, kind: str) -> dict[str, Any] | None:
        return next((e for e in self.events() if e["event"] == kind), None)

    @property
    def clicks(self) -> int:
        return sum(e["event"] == "clicked" for e in self.events())

    @property
    def text(self) -> str:
        texts = [e["text"] for e in self.events() if e["event"] == "text"]
        return texts[-1] if texts else ""

    def button_center(self) -> tuple[float, float]:
        ready = self.first("ready")
        assert ready is not None
        x, y, w, h = ready["button"]
        return x + w / 2, y + h / 2


@pytest.fixture
def target_app(tmp_path: Path, x_server: XServer) -> Iterator[TargetApp]:
    report = tmp_path / "target.jsonl"
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(ROOT)}
    errors = (tmp_path / "target.err").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.tools.agent_target_app", str(report)], env=env, cwd=ROOT, stderr=errors
    )
    app = TargetApp(report, process)
    try:
        x_server.wait_for(lambda: app.first("ready") is not None, "the target app", timeout=30)
        yield app
    finally:
        process.terminate()
        process.wait(10)
        errors.close()


def _normalized(point: tuple[float, float], request: ChatRequest) -> tuple[int, int]:
    """The point in 0..999 of the screenshot actually sent (so a mapping error anywhere misses the button)."""
    image = request.messages[-1].images[-1]
    geometry = image.geometry
    assert geometry is not None
    rect = geometry.rect
    return round((point[0] - rect.x) / rect.width * 1000), round((point[1] - rect.y) / rect.height * 1000)


def _script(app: TargetApp, answers: list[str]) -> Callable[[ChatRequest], str]:
    """Answers in order; ``{x}``/``{y}`` become the button's center on the sent screenshot."""
    count = {"n": 0}

    def respond(request: ChatRequest) -> str:
        index = min(count["n"], len(answers) - 1)
        count["n"] += 1
        x, y = _normalized(app.button_center(), request)
        return answers[index].replace("{x}", str(x)).replace("{y}", str(y))

    return respond


CLICK = (
    "The button starts typing.\n"
    "<|begin_of_box|>left_click(start_box='[{x},{y}]', element_info='Start typing')<|end_of_box|>\nMemory:\n[]"
)
TYPE = f"The field has the focus now.\n<|begin_of_box|>type(content='{TEXT}')<|end_of_box|>\nMemory:\n[]"
DONE = "The text is in the field.\n<|begin_of_box|>DONE()<|end_of_box|>\nMemory:\n[]"


@pytest.fixture
def session(qtbot: Any) -> Iterator[Any]:
    from desktop_helper.ui.agent_session import AgentSession, QtClipboard, start_stop_hotkey
    from desktop_helper.ui.overlay import OverlayController

    overlay = OverlayController(fade_seconds=0)
    clipboard = QtClipboard()
    agent = AgentSession(overlay, clipboard, stop_hotkey_factory=start_stop_hotkey)
    try:
        yield agent
    finally:
        agent.shutdown()
        overlay.shutdown()


def _start(session: Any, backend: ScriptedBackend, **config: Any) -> tuple[AgentRun, MemoryStepRecorder]:
    monitor = list_monitors()[0]
    recorder = MemoryStepRecorder()
    run = session.start(
        backend,
        AgentConfig("Type a greeting into the field", settle_timeout=1.0, **config),
        lambda: BackendScreen.of_this_desktop(monitor),
        lambda bounds, stopped: executor_for_current_os(bounds, session.clipboard, stopped),
        monitor=monitor,
        recorder=recorder,
        stop_hotkey=STOP_HOTKEY,
    )
    return run, recorder


def _color_near(x: float, y: float, rgb: tuple[int, int, int], radius: int = 20) -> int:
    """How many screen pixels within ``radius`` of (x, y) have the colour ``rgb`` (give or take 30)."""
    import mss
    import numpy as np

    with mss.MSS() as grabber:
        shot = grabber.grab({"left": round(x) - radius, "top": round(y) - radius, "width": 2 * radius, "height": 2 * radius})
    pixels = np.frombuffer(shot.rgb, dtype=np.uint8).reshape(shot.height, shot.width, 3).astype(int)
    return int((np.abs(pixels - np.array(rgb)).max(axis=2) <= 30).sum())


PANEL_RGB = (0x20, 0x21, 0x24)


def _screen_image() -> Image.Image:
    import mss

    with mss.MSS() as grabber:
        shot = grabber.grab(grabber.monitors[1])
    return Image.frombytes("RGB", shot.size, shot.rgb)


def _count_color(image: Image.Image, rgb: tuple[int, int, int]) -> int:
    import numpy as np

    pixels = np.asarray(image.convert("RGB")).astype(int)
    return int((np.abs(pixels - np.array(rgb)).max(axis=2) <= 4).sum())


def _wait_for_confirm(qtbot: Any, session: Any) -> None:
    """Until Confirm can take a real click: enabled, the panel mapped and painted where Qt thinks it is."""
    panel = session.panel

    def ready() -> bool:
        handle = panel.windowHandle()
        if not (panel.isVisible() and panel.confirm_button.isEnabled() and handle is not None and handle.isExposed()):
            return False
        return _button_on_screen(panel)

    qtbot.waitUntil(ready, timeout=10000)


def _button_on_screen(panel: Any) -> bool:
    """The panel's frame colour shows at its top-left corner: the window is really there."""
    corner = panel.mapToGlobal(panel.rect().topLeft())
    return _color_near(corner.x() + 6, corner.y() + 6, PANEL_RGB, radius=4) > 0


def _click_real(x_server: XServer, widget: Any) -> None:
    """A real X click (xdotool) in the middle of a Qt widget."""
    center = widget.mapToGlobal(widget.rect().center())
    x_server.xdotool("mousemove", str(center.x()), str(center.y()), "click", "1")


def _confirm_real(qtbot: Any, x_server: XServer, panel: Any) -> None:
    """A real click on Confirm that the panel received. On a loaded X server a click can land while the
    window manager is still placing the re-sized panel; a person whose click did nothing clicks again."""
    for _attempt in range(3):
        with qtbot.waitSignal(panel.confirmed, timeout=4000, raising=False) as clicked:
            _click_real(x_server, panel.confirm_button)
        if clicked.signal_triggered:
            return
    raise AssertionError("three real clicks on Confirm never reached the panel")


def test_click_then_type_non_ascii_confirmed_in_the_panel(
    qtbot: Any, session: Any, target_app: TargetApp, x_server: XServer
) -> None:
    session.clipboard.set_text("what the user had copied")
    backend = ScriptedBackend(responder=_script(target_app, [CLICK, TYPE, DONE]))
    with qtbot.waitSignal(session.proposed, timeout=15000) as first:
        run, recorder = _start(session, backend)
    proposal = first.args[0]
    assert proposal.plan.action.name == "left_click"
    # the overlay shows a click marker on the button, in logical pixels (scale 1 here)
    marker = next(s for s in proposal.shapes if isinstance(s, PointShape))
    bx, by = target_app.button_center()
    assert abs(marker.x - bx) <= 3
    assert abs(marker.y - by) <= 3
    assert session.overlay.visible
    # and it is really on the screen: the ring's colour around the button's center
    qtbot.waitUntil(lambda: _color_near(marker.x, marker.y, (0xFF, 0x2D, 0x55)) > 20, timeout=5000)
    _wait_for_confirm(qtbot, session)
    assert "Click on 'Start typing'" in session.panel.action.text()

    with qtbot.waitSignal(session.proposed, timeout=15000) as second:
        _confirm_real(qtbot, x_server, session.panel)
        qtbot.waitUntil(lambda: target_app.clicks == 1, timeout=5000)
    proposal = second.args[0]
    assert proposal.plan.action.name == "type"
    bubble = next(s for s in proposal.shapes if isinstance(s, TextBubble))
    assert bubble.text == TEXT
    _wait_for_confirm(qtbot, session)

    # typing non-ASCII text goes through the clipboard: slower than a click on a loaded machine
    with qtbot.waitSignal(session.finished, timeout=30000) as done:
        _confirm_real(qtbot, x_server, session.panel)
    outcome: RunOutcome = done.args[0]
    assert outcome.status == "done", outcome.message
    assert target_app.text == TEXT
    assert target_app.clicks == 1
    # the user's clipboard is back
    assert session.clipboard.text() == "what the user had copied"
    assert [s.result for s in recorder.steps] == ["performed", "performed", "done"]
    assert all(s.screenshot is not None and s.raw_output for s in recorder.steps)
    # our own panel was visible between the steps but hidden for every screenshot the model got
    qtbot.waitUntil(session.panel.isVisible, timeout=3000)

    def panel_box() -> tuple[int, int, int, int]:
        # read each time: after the run the panel shrinks to its outcome and the window manager
        # may place the re-shown window a moment after Qt reports its new geometry
        panel = session.panel.frameGeometry()
        return (panel.x(), panel.y(), panel.right(), panel.bottom())

    # the control: the panel's background really shows on the screen now
    qtbot.waitUntil(lambda: _count_color(_screen_image().crop(panel_box()), PANEL_RGB) > 1000, timeout=15000)
    box = panel_box()
    for step in recorder.steps[1:]:
        assert step.screenshot is not None
        with Image.open(io.BytesIO(step.screenshot.data)) as shot:
            seen = _count_color(shot.convert("RGB").crop(box), PANEL_RGB)
        assert seen < 50, f"the step panel is in screenshot {step.number} ({seen} px)"
    assert not session.overlay.visible
    assert run.join(2)


def test_nothing_reaches_the_app_before_confirmation_and_the_stop_hotkey_halts(
    qtbot: Any, session: Any, target_app: TargetApp, x_server: XServer
) -> None:
    backend = ScriptedBackend(responder=_script(target_app, [CLICK]))
    with qtbot.waitSignal(session.proposed, timeout=15000):
        run, recorder = _start(session, backend)
    qtbot.wait(1500)  # a proposal left alone does nothing
    assert target_app.clicks == 0
    assert target_app.text == ""

    with qtbot.waitSignal(session.finished, timeout=5000) as done:
        pressed = time.monotonic()
        x_server.xdotool("key", "ctrl+alt+shift+x")
    assert run.stopped_at is not None
    assert run.stopped_at - pressed < 0.2, f"stop took {1000 * (run.stopped_at - pressed):.0f} ms"
    assert done.args[0].status == "stopped"
    qtbot.wait(500)
    assert target_app.clicks == 0
    assert target_app.text == ""
    assert recorder.steps[-1].result == "stopped"


def test_stop_hotkey_halts_mid_step_while_the_model_answers(
    qtbot: Any, session: Any, target_app: TargetApp, x_server: XServer
) -> None:
    # a slow answer: 1 character every 20 ms, so the hotkey lands in the middle of the stream
    backend = ScriptedBackend([CLICK.replace("{x}", "500").replace("{y}", "500") * 4], chunk_size=1, delay=0.02)
    run, recorder = _start(session, backend, auto_mode=True, countdown=1.0)
    qtbot.waitUntil(lambda: len(backend.requests) == 1, timeout=10000)
    qtbot.wait(300)
    with qtbot.waitSignal(session.finished, timeout=5000) as done:
        pressed = time.monotonic()
        x_server.xdotool("key", "ctrl+alt+shift+x")
    assert run.stopped_at is not None
    assert run.stopped_at - pressed < 0.2
    assert done.args[0].status == "stopped"
    assert recorder.steps
    assert recorder.steps[-1].result == "stopped"
    qtbot.wait(1500)  # longer than the auto-mode countdown: still nothing happens
    assert target_app.clicks == 0


def test_tiny_model_garbage_is_a_failed_step(tiny_glm4v: Any, target_app: TargetApp) -> None:
    from desktop_helper.backends.local_gguf import LocalGGUFBackend

    monitor = list_monitors()[0]
    created: list[Rect] = []

    def executor(bounds: Rect, stopped: Callable[[], bool]) -> Any:
        created.append(bounds)
        return executor_for_current_os(bounds, None, stopped)

    with LocalGGUFBackend(
        tiny_glm4v.model, tiny_glm4v.mmproj, context_size=8192, image_token_budget=256, threads=2, seed=7
    ) as local:
        recorder = MemoryStepRecorder()
        run = AgentRun(
            local,
            AgentConfig("Click the button", max_tokens=24, image_token_budget=256, max_unreadable=2, thinking=False),
            lambda: BackendScreen.of_this_desktop(monitor),
            executor,
            listener=NullListener(),
            recorder=recorder,
        )
        run.start()
        assert run.join(240)
    assert recorder.outcome is not None
    assert recorder.outcome.status == "failed", recorder.outcome
    assert [s.result for s in recorder.steps] == ["not_understood", "not_understood"]
    assert all(s.detail.startswith("Could not understand the model") for s in recorder.steps)
    assert all(s.screenshot is not None for s in recorder.steps)
    assert created == []  # no input was even prepared
    assert target_app.clicks == 0
    assert target_app.text == ""


def _in_thread(qtbot: Any, work: Callable[[], None]) -> list[BaseException]:
    """Run ``work`` off the GUI thread (as the agent does) while the event loop serves the clipboard."""
    errors: list[BaseException] = []

    def run() -> None:
        try:
            work()
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=15000)
    thread.join()
    return errors


def _button1_down() -> bool:
    from Xlib import X, display

    connection = display.Display()
    try:
        return bool(connection.screen().root.query_pointer().mask & X.Button1Mask)
    finally:
        connection.close()


def test_executor_keys_bounds_and_stop_mid_drag(qtbot: Any, target_app: TargetApp) -> None:
    from desktop_helper.platform.input.base import InputRefusedError, InputStoppedError
    from desktop_helper.ui.agent_session import QtClipboard

    clipboard = QtClipboard()
    ready = target_app.first("ready")
    assert ready is not None
    fx, fy, fw, fh = ready["field"]
    field = (fx + fw // 2, fy + fh // 2)
    screen = Rect(0, 0, 1920, 1080)

    def edit() -> None:
        executor = executor_for_current_os(screen, clipboard, lambda: False)
        try:
            executor.click(field)
            executor.type_text("first try")
            executor.press_keys("ctrl+a")
            executor.type_text("Ωmega ✓")
        finally:
            executor.close()

    assert _in_thread(qtbot, edit) == []
    qtbot.waitUntil(lambda: target_app.text == "Ωmega ✓", timeout=5000)

    # a point off the captured area is refused before any event
    def outside() -> None:
        executor = executor_for_current_os(Rect(0, 0, 100, 100), clipboard, lambda: False)
        try:
            executor.click(field)
        finally:
            executor.close()

    errors = _in_thread(qtbot, outside)
    assert len(errors) == 1
    assert isinstance(errors[0], InputRefusedError)

    # Stop in the middle of a drag: the drag ends at once and the button is not left pressed
    checks = {"n": 0}

    def stopped() -> bool:
        checks["n"] += 1
        return checks["n"] > 5

    def drag() -> None:
        executor = executor_for_current_os(screen, clipboard, stopped)
        try:
            executor.drag((1500, 800), (1700, 900))
        finally:
            executor.close()

    errors = _in_thread(qtbot, drag)
    assert len(errors) == 1
    assert isinstance(errors[0], InputStoppedError)
    assert checks["n"] == 6
    assert not _button1_down()
    assert target_app.clicks == 0


def test_stop_shows_at_once_even_while_the_worker_is_stuck(qtbot: Any, session: Any) -> None:
    from desktop_helper.backends.base import Backend, CancelToken, Done, Event, TextDelta
    from desktop_helper.core.types import FinishReason

    class Stuck(Backend):
        """A model busy in a step that cannot be interrupted (like a long image encode)."""

        name = "stuck"

        def stream(self, request: ChatRequest, cancel: CancelToken | None = None) -> Iterator[Event]:
            time.sleep(1.5)
            yield TextDelta(CLICK.replace("{x}", "500").replace("{y}", "500"))
            yield Done(FinishReason.STOP)

    executors: list[Rect] = []
    run, _recorder = _start_custom(session, Stuck(), executors)
    qtbot.wait(400)
    started = time.monotonic()
    threading.Thread(target=session.stop_from_any_thread).start()  # as the hotkey listener does
    qtbot.waitUntil(lambda: session.panel.status.text() == "Stopped.", timeout=1000)
    assert time.monotonic() - started < 0.2
    assert run.running  # the worker is still inside the model call, but nothing can happen any more
    with qtbot.waitSignal(session.finished, timeout=5000) as done:
        pass
    assert done.args[0].status == "stopped"
    assert executors == []


def _start_custom(session: Any, backend: Any, executors: list[Rect]) -> tuple[AgentRun, MemoryStepRecorder]:
    monitor = list_monitors()[0]
    recorder = MemoryStepRecorder()

    def executor(bounds: Rect, stopped: Callable[[], bool]) -> Any:
        executors.append(bounds)
        return executor_for_current_os(bounds, session.clipboard, stopped)

    run = session.start(
        backend, AgentConfig("task"), lambda: BackendScreen.of_this_desktop(monitor), executor, monitor=monitor, recorder=recorder
    )
    return run, recorder


def test_acts_on_the_captured_second_monitor_and_stays_there(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two monitors (RandR 1.5 monitors on one wide X screen): the agent works on the right one."""
    from Xlib import display

    server = XServer(screens=[(3328, 1200)]).start()
    try:
        for args in (["LEFT", "1280/339x800/212+0+0", "screen"], ["RIGHT", "2048/542x1200/318+1280+0", "none"]):
            subprocess.run(["xrandr", "--setmonitor", *args], env=server.env, check=True, capture_output=True, timeout=30)
        monkeypatch.setenv("DISPLAY", server.display)
        report = tmp_path / "target.jsonl"
        env = {**server.env, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(ROOT)}
        errors = (tmp_path / "target.err").open("wb")
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.tools.agent_target_app", str(report), "2000", "500"], env=env, cwd=ROOT, stderr=errors
        )
        app = TargetApp(report, process)
        try:
            server.wait_for(lambda: app.first("ready") is not None, "the target app", timeout=30)
            monitors = list_monitors()
            assert [m.physical for m in monitors] == [Rect(0, 0, 1280, 800), Rect(1280, 0, 2048, 1200)]
            corner = "Now the far corner.\n<|begin_of_box|>left_click(start_box='[999,999]')<|end_of_box|>\nMemory:\n[]"
            listener = NullListener()
            run = AgentRun(
                ScriptedBackend(responder=_script(app, [CLICK, corner, DONE])),
                AgentConfig("Press the button", auto_mode=True, countdown=0.0, settle_timeout=0.5),
                lambda: BackendScreen.of_this_desktop(monitors[1]),
                lambda bounds, stopped: executor_for_current_os(bounds, None, stopped),
                listener=listener,
            )
            run.start()
            assert run.join(30)
            assert run.outcome is not None
            assert run.outcome.status == "done", run.outcome.message
            assert app.clicks == 1
            connection = display.Display(server.display)
            try:
                pointer = connection.screen().root.query_pointer()
            finally:
                connection.close()
            # the far corner of the second monitor, not of the desktop and not on the first monitor
            # (999/1000 of 2048 px is 2045.95: the pixel holding it is 2045)
            assert (pointer.root_x, pointer.root_y) == (1280 + 2045, 1198)
        finally:
            process.terminate()
            process.wait(10)
            errors.close()
    finally:
        server.stop()


def test_the_final_panel_shows_the_outcome_not_the_last_proposal(
    qtbot: Any, session: Any, target_app: TargetApp, x_server: XServer
) -> None:
    """Issue 13 item 4: after the run, the panel said "Step 1" with the old reasoning and action
    ("Click on 'Start typing'") beside "Done: ...", as if that step were still waiting."""
    backend = ScriptedBackend(responder=_script(target_app, [CLICK, DONE]))
    with qtbot.waitSignal(session.proposed, timeout=15000):
        run, _recorder = _start(session, backend)
    _wait_for_confirm(qtbot, session)
    assert session.panel.title.text() == "Step 1"
    with qtbot.waitSignal(session.finished, timeout=15000) as done:
        _confirm_real(qtbot, x_server, session.panel)
    assert done.args[0].status == "done"
    panel = session.panel
    qtbot.waitUntil(panel.isVisible, timeout=3000)
    assert panel.title.text() == "Agent done"
    assert "Done" in panel.status.text()
    assert "Start typing" not in panel.action.text()
    assert panel.reasoning.isHidden()
    assert panel.action_text.isHidden()
    assert not panel.confirm_button.isEnabled()
    assert panel.stop_button.text() == "Close"
    # the smaller panel is placed again: its Close button stays on the screen
    qtbot.wait(300)
    screen = panel.screen().availableGeometry()
    close = panel.stop_button.mapToGlobal(panel.stop_button.rect().bottomRight())
    assert screen.contains(close), (close, screen)
    assert run.join(2)
