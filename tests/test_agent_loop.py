"""The agent's step loop with the scripted backend, a fake screen and a recording executor (no X needed)."""

from __future__ import annotations

import io
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

import pytest
from PIL import Image

from desktop_helper.agent.loop import AgentConfig, AgentRun, Proposal
from desktop_helper.agent.plan import plan_action, shapes_for_action
from desktop_helper.agent.record import FolderStepRecorder, MemoryStepRecorder, RunOutcome, StepRecord
from desktop_helper.backends.scripted import ScriptedBackend
from desktop_helper.core.geometry import CaptureGeometry, Monitor, Rect
from desktop_helper.core.shapes import ArrowShape, Badge, PointShape, TextBubble
from desktop_helper.core.types import ImagePart
from desktop_helper.parsers.gui_actions import parse_agent_reply
from desktop_helper.platform.input.base import Button, ElevationProbe, InputExecutor
from desktop_helper.platform.input.keys import parse_key_combo
from desktop_helper.platform.input.windows import WindowsElevationProbe

# a second monitor right of a 1920 px one, so a mapping that forgets the origin clicks the wrong screen
MONITOR = Monitor(2, "right", Rect(1920, 0, 1000, 500))


class FakeScreen:
    def __init__(self) -> None:
        self.captures = 0

    @property
    def monitor(self) -> Monitor:
        return MONITOR

    def capture(self) -> ImagePart:
        self.captures += 1
        buffer = io.BytesIO()
        Image.new("RGB", (1000, 500), (self.captures * 20 % 255, 0, 0)).save(buffer, format="PNG")
        geometry = CaptureGeometry(MONITOR, MONITOR.physical, (1000, 500))
        return ImagePart(buffer.getvalue(), "image/png", 1000, 500, geometry)

    def fingerprint(self) -> bytes:
        return b"same"

    def close(self) -> None:
        pass


class RecordingExecutor(InputExecutor):
    def __init__(self, bounds: Rect, stopped: Callable[[], bool]) -> None:
        super().__init__(bounds, stopped)
        self.calls: list[tuple[object, ...]] = []

    def move(self, point: tuple[int, int]) -> None:
        self.check(point)
        self.calls.append(("move", point))

    def click(self, point: tuple[int, int], button: Button = "left", count: int = 1) -> None:
        self.check(point)
        self.calls.append(("click", point, button, count))

    def drag(self, start: tuple[int, int], end: tuple[int, int]) -> None:
        self.check(start)
        self.check(end)
        self.calls.append(("drag", start, end))

    def scroll(self, point: tuple[int, int], direction: Literal["up", "down"], steps: int) -> None:
        self.check(point)
        self.calls.append(("scroll", point, direction, steps))

    def press_keys(self, keys: str) -> None:
        self.check()
        self.calls.append(("keys", keys))

    def type_text(self, text: str) -> None:
        for _char in text:
            self.check()
        self.calls.append(("type", text))


class Listener:
    def __init__(self, on_proposal: Callable[[Proposal], object] | None = None) -> None:
        self.proposals: list[Proposal] = []
        self.steps: list[StepRecord] = []
        self.finished = threading.Event()
        self.outcome: RunOutcome | None = None
        self.proposed = threading.Event()
        self._on_proposal = on_proposal
        self.clears = 0

    def on_status(self, text: str) -> None:
        pass

    def on_proposal(self, proposal: Proposal) -> None:
        self.proposals.append(proposal)
        self.proposed.set()
        if self._on_proposal is not None:
            self._on_proposal(proposal)

    def on_step(self, step: StepRecord) -> None:
        self.steps.append(step)

    def on_finished(self, outcome: RunOutcome) -> None:
        self.outcome = outcome
        self.finished.set()

    @contextmanager
    def screen_clear(self) -> Iterator[None]:
        self.clears += 1
        yield


def _run(script: list[str], *, confirm: bool = True, **config: object) -> tuple[AgentRun, Listener, list[RecordingExecutor]]:
    executors: list[RecordingExecutor] = []

    def make(bounds: Rect, stopped: Callable[[], bool]) -> RecordingExecutor:
        executors.append(RecordingExecutor(bounds, stopped))
        return executors[-1]

    holder: dict[str, AgentRun] = {}
    listener = Listener((lambda p: holder["run"].confirm(p.number)) if confirm else None)
    run = AgentRun(
        ScriptedBackend(script),
        AgentConfig("Fill in the form", settle_timeout=0.3, settle_interval=0.05, **config),  # type: ignore[arg-type]
        FakeScreen,
        make,
        listener=listener,
        recorder=MemoryStepRecorder(),
    )
    holder["run"] = run
    return run, listener, executors


CLICK = (
    "The button is at the top.\n<|begin_of_box|>left_click(start_box='[500,500]', element_info='Go')<|end_of_box|>\nMemory:\n[]"
)
TYPE = "The field has focus.\n<|begin_of_box|>type(content='Grüße, 世界!')<|end_of_box|>\nMemory:\n[{\"typed\": true}]"
DONE = "Everything is filled in.\n<|begin_of_box|>DONE()<|end_of_box|>\nMemory:\n[]"


def test_click_type_done_with_confirmation() -> None:
    run, listener, executors = _run([CLICK, TYPE, DONE])
    run.start()
    assert run.join(10)
    assert listener.outcome is not None
    assert listener.outcome.status == "done"
    # 500/1000 of a 1000 px wide monitor at x=1920 -> physical 2420; y 500/1000 of 500 -> 250
    assert executors[0].calls == [("click", (2420, 250), "left", 1), ("type", "Grüße, 世界!")]
    assert [s.result for s in listener.steps] == ["performed", "performed", "done"]
    recorder = run.recorder
    assert isinstance(recorder, MemoryStepRecorder)
    assert len(recorder.steps) == 3
    assert recorder.outcome is not None
    assert recorder.outcome.status == "done"
    # the second prompt replays the first step and carries the memory of the second answer into the third
    backend = run.backend
    assert isinstance(backend, ScriptedBackend)
    second = backend.requests[1].messages[0]
    assert "left_click(start_box='[500,500]', element_info='Go')" in second.text_content
    assert '[{"typed": true}]' in backend.requests[2].messages[0].text_content
    assert len(backend.requests[2].messages[0].images) == 3  # two half-size history shots + current
    assert backend.requests[0].temperature == 0.0


def test_nothing_happens_before_confirmation_and_skip_asks_again() -> None:
    run, listener, executors = _run([CLICK, DONE], confirm=False)
    run.start()
    assert listener.proposed.wait(5)
    time.sleep(0.4)
    assert executors == [] or executors[0].calls == []
    assert run.confirm(99) is False  # a stale step number is ignored
    assert run.skip(listener.proposals[0].number)
    assert run.join(5)
    assert executors == []
    assert [s.result for s in listener.steps] == ["skipped", "done"]
    backend = run.backend
    assert isinstance(backend, ScriptedBackend)
    assert "skipped by the user" in backend.requests[1].messages[0].text_content


def test_stop_while_waiting_for_confirmation() -> None:
    run, listener, executors = _run([CLICK], confirm=False)
    run.start()
    assert listener.proposed.wait(5)
    started = time.monotonic()
    run.stop()
    assert listener.finished.wait(1)
    assert time.monotonic() - started < 0.2
    assert run.join(2)
    assert listener.outcome is not None
    assert listener.outcome.status == "stopped"
    assert executors == []


def test_stop_while_the_model_streams() -> None:
    executors: list[RecordingExecutor] = []
    listener = Listener()
    run = AgentRun(
        ScriptedBackend([CLICK], chunk_size=1, delay=0.05),
        AgentConfig("task"),
        FakeScreen,
        lambda bounds, stopped: executors.append(RecordingExecutor(bounds, stopped)) or executors[-1],  # type: ignore[func-returns-value]
        listener=listener,
    )
    run.start()
    time.sleep(0.5)
    started = time.monotonic()
    run.stop()
    assert listener.finished.wait(1)
    assert time.monotonic() - started < 0.2
    assert run.join(2)
    assert listener.outcome is not None
    assert listener.outcome.status == "stopped"
    assert not listener.proposals
    assert executors == []


def test_auto_mode_counts_down_then_acts_and_stays_stoppable() -> None:
    run, listener, executors = _run([CLICK, DONE], confirm=False, auto_mode=True, countdown=0.3)
    started = time.monotonic()
    run.start()
    assert run.join(5)
    assert listener.proposals[0].auto_seconds == 0.3
    assert executors[0].calls == [("click", (2420, 250), "left", 1)]
    assert time.monotonic() - started >= 0.3

    run, listener, executors = _run([CLICK, DONE], confirm=False, auto_mode=True, countdown=2.0)
    run.start()
    assert listener.proposed.wait(5)
    run.stop()
    assert run.join(2)
    assert executors == []
    assert listener.outcome is not None
    assert listener.outcome.status == "stopped"


def test_garbage_becomes_failed_steps_never_input() -> None:
    run, listener, executors = _run(["ĠĠ<|endoftext|> ]]((( 42 left", "left_click(start_box='[5000,12]')"])
    run.start()
    assert run.join(5)
    assert executors == []
    assert [s.result for s in listener.steps] == ["not_understood", "not_understood"]
    assert all(s.detail.startswith("Could not understand the model") for s in listener.steps)
    assert listener.outcome is not None
    assert listener.outcome.status == "failed"


def test_step_limit_and_wait() -> None:
    run, listener, _executors = _run(["<|begin_of_box|>hover(start_box='[1,1]')<|end_of_box|>"], max_steps=3)
    run.start()
    assert run.join(10)
    assert listener.outcome is not None
    assert listener.outcome.status == "step_limit"
    assert len(listener.steps) == 3


def test_elevated_target_is_reported_not_clicked() -> None:
    class Elevated(ElevationProbe):
        def blocked_target(self, point: tuple[int, int] | None) -> str | None:
            return "'Admin tool' runs as administrator"

    executors: list[RecordingExecutor] = []
    holder: dict[str, AgentRun] = {}
    listener = Listener(lambda p: holder["run"].confirm())
    run = holder["run"] = AgentRun(
        ScriptedBackend([CLICK]),
        AgentConfig("task"),
        FakeScreen,
        lambda bounds, stopped: executors.append(RecordingExecutor(bounds, stopped)) or executors[-1],  # type: ignore[func-returns-value]
        listener=listener,
        elevation=Elevated(),
    )
    run.start()
    assert run.join(5)
    assert executors == []
    assert listener.steps[-1].result == "refused"
    assert listener.outcome is not None
    assert "administrator" in listener.outcome.message


def test_unknown_key_is_not_proposed() -> None:
    run, listener, executors = _run(["<|begin_of_box|>key(keys='ctrl+hyperdrive')<|end_of_box|>"], max_unreadable=1)
    run.start()
    assert run.join(5)
    assert not listener.proposals
    assert executors == []
    assert listener.steps[0].result == "not_understood"


def test_actions_are_clamped_to_the_captured_monitor() -> None:
    geometry = CaptureGeometry(MONITOR, MONITOR.physical, (1000, 500))
    reply = parse_agent_reply("left_click(start_box='[999,999]')")
    assert reply.action is not None
    plan = plan_action(reply.action, geometry)
    assert plan.point is not None
    assert MONITOR.physical.contains(*plan.point)
    executor = RecordingExecutor(MONITOR.physical, lambda: False)
    with pytest.raises(Exception, match="outside the captured"):
        executor.click((100, 100))


def test_overlay_shapes_per_action_kind() -> None:
    geometry = CaptureGeometry(MONITOR, MONITOR.physical, (1000, 500))

    def shapes(raw: str) -> list[object]:
        action = parse_agent_reply(raw).action
        assert action is not None
        return list(shapes_for_action(plan_action(action, geometry), (2000.0, 100.0), 1))

    left = shapes("left_click(start_box='[10,10]')")
    right = shapes("right_click(start_box='[10,10]')")
    double = shapes("left_double_click(start_box='[10,10]')")
    assert isinstance(left[0], PointShape)
    assert isinstance(right[0], PointShape)
    assert left[0].color != right[0].color
    assert left[0].label != right[0].label
    assert len(double) == 2
    assert isinstance(double[0], PointShape)
    assert double[0].label == "double-click"
    assert any(isinstance(s, ArrowShape) for s in shapes("left_drag(start_box='[1,1]', end_box='[50,50]')"))
    scroll = [s for s in shapes("scroll(start_box='[1,1]', direction='down')") if isinstance(s, ArrowShape)]
    assert scroll
    assert scroll[0].y2 > scroll[0].y1
    bubble = shapes("type(content='exact 文字')")
    assert isinstance(bubble[0], TextBubble)
    assert bubble[0].text == "exact 文字"
    badge = shapes("key(keys='ctrl+s')")
    assert isinstance(badge[0], Badge)
    assert badge[0].text == "ctrl+s"


def test_folder_recorder_keeps_every_step(tmp_path: Path) -> None:
    run, _listener, _ = _run([CLICK, DONE])
    recorder = FolderStepRecorder(tmp_path)
    run.recorder = recorder
    run.start()
    assert run.join(5)
    assert recorder.folder is not None
    lines = (recorder.folder / "steps.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    import json

    first = json.loads(lines[0])
    assert first["result"] == "performed"
    assert first["action"].startswith("left_click")
    assert first["raw_output"] == CLICK
    assert (recorder.folder / "step-01.png").stat().st_size > 0
    assert json.loads((recorder.folder / "run.json").read_text())["outcome"]["status"] == "done"


def test_key_combos() -> None:
    assert parse_key_combo("ctrl+c") == ["ctrl", "c"]
    assert parse_key_combo("Ctrl+Shift+T") == ["ctrl", "shift", "t"]
    assert parse_key_combo("Return") == ["enter"]
    assert parse_key_combo("alt+F4") == ["alt", "f4"]
    assert parse_key_combo("super") == ["cmd"]
    assert parse_key_combo("ctrl++") == ["ctrl", "+"]
    assert parse_key_combo("+") == ["+"]
    for bad in ("", "ctrl+hyperdrive", "   "):
        with pytest.raises(ValueError):
            parse_key_combo(bad)


class FakeWin32:
    def __init__(self, elevated: set[int], me: int = 1) -> None:
        self.elevated = elevated
        self.me = me

    def window_at(self, x: int, y: int) -> int:
        return 100 if x < 500 else 200

    def foreground_window(self) -> int:
        return 200

    def window_process(self, hwnd: int) -> int:
        return {100: 10, 200: 20}[hwnd]

    def process_elevated(self, pid: int) -> bool | None:
        return pid in self.elevated

    def window_title(self, hwnd: int) -> str:
        return {100: "Registry Editor", 200: "Notepad"}[hwnd]

    def current_process(self) -> int:
        return self.me


def test_windows_elevation_probe() -> None:
    probe = WindowsElevationProbe(FakeWin32({10}))
    message = probe.blocked_target((10, 10))
    assert message is not None
    assert "Registry Editor" in message
    assert "administrator" in message
    assert probe.blocked_target((900, 10)) is None
    assert probe.blocked_target(None) is None  # keys go to the foreground window (Notepad)
    # an elevated helper can reach everything
    assert WindowsElevationProbe(FakeWin32({1, 10})).blocked_target((10, 10)) is None


def test_our_hotkeys_are_suspended_exactly_while_acting() -> None:
    class Suspender:
        def __init__(self) -> None:
            self.active = False
            self.entered = 0

        @contextmanager
        def suspended(self) -> Iterator[None]:
            self.active = True
            self.entered += 1
            try:
                yield
            finally:
                self.active = False

    suspender = Suspender()
    seen: list[bool] = []

    class Watching(RecordingExecutor):
        def click(self, point: tuple[int, int], button: Button = "left", count: int = 1) -> None:
            seen.append(suspender.active)
            super().click(point, button, count)

        def type_text(self, text: str) -> None:
            seen.append(suspender.active)
            super().type_text(text)

    holder: dict[str, AgentRun] = {}
    listener = Listener(lambda p: holder["run"].confirm(p.number))
    run = holder["run"] = AgentRun(
        ScriptedBackend([CLICK, TYPE, DONE]),
        AgentConfig("task", settle_timeout=0.1, settle_interval=0.05),
        FakeScreen,
        Watching,
        listener=listener,
        hotkeys=suspender,
    )
    run.start()
    assert run.join(5)
    assert seen == [True, True]
    assert suspender.entered == 2
    assert not suspender.active


def test_no_synthetic_input_ends_the_run_with_the_reason() -> None:
    from desktop_helper.core.errors import PlatformError

    def unavailable(bounds: Rect, stopped: Callable[[], bool]) -> InputExecutor:
        raise PlatformError("The agent cannot control the mouse and keyboard in a Wayland session.", "Log in to X11.")

    holder: dict[str, AgentRun] = {}
    listener = Listener(lambda p: holder["run"].confirm(p.number))
    run = holder["run"] = AgentRun(ScriptedBackend([CLICK]), AgentConfig("task"), FakeScreen, unavailable, listener=listener)
    run.start()
    assert run.join(5)
    assert listener.outcome is not None
    assert listener.outcome.status == "error"
    assert "Wayland" in listener.outcome.message


def test_per_os_factories(monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_helper.core.errors import PlatformError
    from desktop_helper.platform.input import elevation_probe_for_current_os, executor_for_current_os
    from desktop_helper.platform.input.base import NoElevation
    from desktop_helper.platform.system import fake_os
    from desktop_helper.platform.window_list import NullWindowLister, window_lister_for_current_os
    from desktop_helper.platform.window_list.macos import MacWindowLister
    from desktop_helper.platform.window_list.windows import WindowsWindowLister
    from desktop_helper.platform.window_list.x11 import X11WindowLister

    with fake_os("windows"):
        assert isinstance(elevation_probe_for_current_os(), WindowsElevationProbe)
        assert isinstance(window_lister_for_current_os(), WindowsWindowLister)
    with fake_os("macos"):
        assert isinstance(elevation_probe_for_current_os(), NoElevation)
        assert isinstance(window_lister_for_current_os(), MacWindowLister)
    with fake_os("linux"):
        assert isinstance(elevation_probe_for_current_os(), NoElevation)
        assert isinstance(window_lister_for_current_os(), X11WindowLister)
        monkeypatch.setenv("XDG_SESSION_TYPE", "wayland")
        lister = window_lister_for_current_os()
        assert isinstance(lister, NullWindowLister)
        with pytest.raises(PlatformError):
            lister.windows()
        with pytest.raises(PlatformError, match="Wayland"):
            executor_for_current_os(MONITOR.physical, None, lambda: False)


def test_step_markdown_keeps_the_model_output_verbatim() -> None:
    from desktop_helper.agent.record import step_markdown

    raw = "Run it:\n```\nrm -rf /\n```\n<|begin_of_box|>type(content='```')<|end_of_box|>\nMemory:\n[]"
    step = StepRecord(3, None, raw, "", parse_agent_reply(raw), "Type '```'", "skipped", "Skipped by the user.")
    text = step_markdown(step)
    assert text.startswith("**Step 3: skipped** (Skipped by the user.)")
    assert "Action: ```` type(content='```') ````" in text
    assert "````\n" + raw + "\n````" in text
