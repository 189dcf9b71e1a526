"""The GUI agent's step loop: look, ask, propose, wait for the user, act, let the screen settle.

One :class:`AgentRun` per task, on its own worker thread (no Qt here: the UI implements
:class:`AgentListener` and turns its calls into queued signals). Each step:

1. hide our own windows and capture the monitor;
2. build the desktop prompt (history, memory) and stream the model's answer;
3. parse it; an unreadable answer is a failed step, never a guess;
4. propose the action (overlay + step panel) and wait for Confirm / Skip / Stop, or in auto mode
   count down (still stoppable; a text to type that needs a second look waits for Confirm even then);
5. perform it with our hotkeys suspended, then wait until the screen stops changing;

until ``DONE``, ``FAIL``, the step limit or Stop. Every step is recorded.

Stop is a flag every wait and every input event checks, and it cancels the model's stream, so it
takes effect mid-step; :meth:`AgentRun.stop` itself never blocks, so it can be called from a hotkey
thread.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from typing import Literal, Protocol

from desktop_helper.agent.plan import PlannedAction, plan_action, shapes_for_action
from desktop_helper.agent.record import MemoryStepRecorder, RunOutcome, StepRecord, StepRecorder
from desktop_helper.agent.review import TextReview, review_typed_text
from desktop_helper.agent.screen import ScreenSource
from desktop_helper.backends.base import Backend, CancelToken, ChatRequest, Done, collect
from desktop_helper.core.errors import UserError
from desktop_helper.core.geometry import Rect
from desktop_helper.core.i18n import t
from desktop_helper.core.shapes import Shape
from desktop_helper.core.types import FinishReason, ImagePart, Message, ToolCall
from desktop_helper.parsers.gui_actions import AgentReply, format_call, parse_agent_reply
from desktop_helper.platform.input.base import (
    ElevationProbe,
    HotkeySuspender,
    InputExecutor,
    InputStoppedError,
    NoElevation,
    NoHotkeys,
)
from desktop_helper.platform.input.keys import parse_key_combo
from desktop_helper.prompts.gui_agent import HistoryStep, build_agent_message, half_size

log = logging.getLogger(__name__)

Decision = Literal["confirm", "skip", "stop"]

#: how long WAIT() waits, as the action space promises
WAIT_SECONDS = 5.0


@dataclass(frozen=True)
class AgentConfig:
    """Settings of one run.

    Attributes:
        task: what the user asked for.
        max_steps: the step limit.
        auto_mode: act after a countdown instead of waiting for Confirm.
        countdown: seconds of the auto-mode countdown.
        thinking: let the model reason first.
        image_token_budget: cap on the screenshot's image tokens (None: backend default).
        max_tokens: cap on each answer.
        settle_timeout: longest wait for the screen to stop changing after an action.
        settle_interval: time between two looks while waiting for it.
        max_unreadable: consecutive unreadable answers before the run gives up.
        platform: OS name in the prompt (None: the real one).
    """

    task: str
    max_steps: int = 20
    auto_mode: bool = False
    countdown: float = 3.0
    thinking: bool = True
    image_token_budget: int | None = None
    max_tokens: int | None = 4096
    settle_timeout: float = 3.0
    settle_interval: float = 0.15
    max_unreadable: int = 2
    platform: str | None = None


@dataclass(frozen=True)
class Proposal:
    """A step waiting for the user.

    Attributes:
        number: step number.
        reply: the parsed answer (reasoning, thought, action).
        plan: the action on the screen.
        shapes: what the overlay draws for it.
        words: the action in words.
        auto_seconds: the countdown in auto mode, 0 when waiting for Confirm.
        review: for ``type``, why its text needs a second look (if it does); None for other actions.
        auto: acts when the countdown ends; False when it waits for Confirm (always, without auto
            mode; in auto mode, for a text that needs a second look).
    """

    number: int
    reply: AgentReply
    plan: PlannedAction
    shapes: tuple[Shape, ...]
    words: str
    auto_seconds: float = 0.0
    review: TextReview | None = None
    auto: bool = False


class AgentListener(Protocol):
    """What the run tells the UI; every method is called on the worker thread and must not block long."""

    def on_status(self, text: str) -> None: ...

    def on_proposal(self, proposal: Proposal) -> None: ...

    def on_step(self, step: StepRecord) -> None: ...

    def on_finished(self, outcome: RunOutcome) -> None: ...

    def screen_clear(self) -> AbstractContextManager[object]:
        """Hide our panel and overlay while capturing or acting (blocks until they are hidden)."""
        ...


class NullListener:
    """A listener that ignores everything (headless runs)."""

    def on_status(self, text: str) -> None:
        pass

    def on_proposal(self, proposal: Proposal) -> None:
        pass

    def on_step(self, step: StepRecord) -> None:
        pass

    def on_finished(self, outcome: RunOutcome) -> None:
        pass

    @contextmanager
    def screen_clear(self) -> Iterator[None]:
        yield


ExecutorFactory = Callable[[Rect, Callable[[], bool]], InputExecutor]


@dataclass
class _Pending:
    number: int
    decision: Decision | None = None


@dataclass
class _State:
    history: list[HistoryStep] = field(default_factory=list)
    memory_text: str = "[]"
    unreadable: int = 0
    last_click: tuple[float, float] | None = None


class AgentRun:
    """One task, run step by step on a worker thread.

    Args:
        backend: the model.
        config: the run's settings.
        screen_factory: makes the screen source; called on the worker thread.
        executor_factory: makes the input executor for the captured rectangle; called on the
            worker thread, only when an action is about to be performed.
        listener: the UI.
        recorder: keeps every step.
        hotkeys: our global hotkeys, suspended while acting.
        elevation: reports targets our input cannot reach.
    """

    def __init__(
        self,
        backend: Backend,
        config: AgentConfig,
        screen_factory: Callable[[], ScreenSource],
        executor_factory: ExecutorFactory,
        *,
        listener: AgentListener | None = None,
        recorder: StepRecorder | None = None,
        hotkeys: HotkeySuspender | None = None,
        elevation: ElevationProbe | None = None,
    ) -> None:
        self.backend = backend
        self.config = config
        self._screen_factory = screen_factory
        self._executor_factory = executor_factory
        self.listener: AgentListener = listener or NullListener()
        self.recorder: StepRecorder = recorder or MemoryStepRecorder()
        self._hotkeys = hotkeys or NoHotkeys()
        self._elevation = elevation or NoElevation()
        self._cancel = CancelToken()
        self._condition = threading.Condition()
        self._pending: _Pending | None = None
        self._thread: threading.Thread | None = None
        self._executor: InputExecutor | None = None
        self.outcome: RunOutcome | None = None
        self.stopped_at: float | None = None

    # -- control (any thread) -----------------------------------------------------------------

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="gui-agent", daemon=False)
        self._thread.start()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def stopped(self) -> bool:
        return self._cancel.cancelled

    def stop(self) -> None:
        """Halt now: no further input is sent, the model's stream is cancelled. Never blocks."""
        if not self._cancel.cancelled:
            self.stopped_at = time.monotonic()
        self._cancel.cancel()
        with self._condition:
            self._condition.notify_all()

    def confirm(self, number: int | None = None) -> bool:
        """Perform the proposed step (``number``: only if it is still the one proposed)."""
        return self._decide("confirm", number)

    def skip(self, number: int | None = None) -> bool:
        """Do not perform the proposed step; the model is asked again."""
        return self._decide("skip", number)

    def join(self, timeout: float | None = None) -> bool:
        """Wait for the worker to end; True when it did."""
        if self._thread is None:
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _decide(self, decision: Decision, number: int | None) -> bool:
        with self._condition:
            pending = self._pending
            if pending is None or pending.decision is not None or (number is not None and number != pending.number):
                return False
            pending.decision = decision
            self._condition.notify_all()
            return True

    # -- the worker ------------------------------------------------------------------------------

    def _run(self) -> None:
        config = self.config
        self.recorder.begin(config.task)
        outcome: RunOutcome | None = None
        screen: ScreenSource | None = None
        number = 0
        try:
            screen = self._screen_factory()
            state = _State()
            while outcome is None:
                if self.stopped:
                    outcome = RunOutcome("stopped", t("Stopped."), number)
                    break
                if number >= config.max_steps:
                    outcome = RunOutcome(
                        "step_limit", t("Stopped after the step limit of {max_steps} steps.", max_steps=config.max_steps), number
                    )
                    break
                number += 1
                outcome = self._step(number, screen, state)
        except UserError as exc:
            outcome = RunOutcome("error", str(exc), number)
        except Exception as exc:  # a bug: end the run visibly, keep the app alive, keep the trace
            log.exception("agent run failed")
            outcome = RunOutcome("error", t("The agent stopped because of an internal error: {exc}.", exc=exc), number)
        finally:
            if screen is not None:
                screen.close()
            if self._executor is not None:
                self._executor.close()
            if outcome is None:
                outcome = RunOutcome("stopped", t("Stopped."), number)
            if self.stopped and outcome.status not in {"done", "failed", "error"}:
                outcome = RunOutcome("stopped", t("Stopped."), number)
            self.outcome = outcome
            self.recorder.end(outcome)
            self.listener.on_finished(outcome)

    def _record(self, step: StepRecord) -> None:
        self.recorder.add_step(step)
        self.listener.on_step(step)

    def _step(self, number: int, screen: ScreenSource, state: _State) -> RunOutcome | None:
        """One step; returns the outcome when the run ends here."""
        config = self.config
        started = time.time()
        self.listener.on_status(t("Step {number}: looking at the screen", number=number))
        with self.listener.screen_clear():
            shot = screen.capture()
        if self.stopped:
            return RunOutcome("stopped", t("Stopped."), number - 1)
        sent = self._prepare(shot)
        message = build_agent_message(config.task, sent, state.history, state.memory_text, config.platform)
        self.listener.on_status(t("Step {number}: the model is deciding what to do", number=number))
        raw, thinking, calls, done = self._ask(message)
        if self.stopped:
            self._record(
                StepRecord(number, sent, raw, thinking, None, "", "stopped", "Stopped while the model answered.", started)
            )
            return RunOutcome("stopped", t("Stopped."), number)
        if done is not None and done.reason is FinishReason.ERROR and not raw.strip() and not calls:
            detail = t("The model failed: {error}.", error=done.error or t("unknown error"))
            self._record(StepRecord(number, sent, raw, thinking, None, "", "model_error", detail, started))
            return RunOutcome("error", detail, number)
        # an action the server's tool parser took out of the text is read by the same parser, same checks
        reply = parse_agent_reply(raw, thinking, calls)
        if reply.action is None:
            state.unreadable += 1
            self._record(StepRecord(number, sent, raw, thinking, reply, "", "not_understood", reply.problem, started))
            state.history.append(HistoryStep(reply.thought, "(no valid action)", half_size(sent)))
            if state.unreadable >= config.max_unreadable:
                return RunOutcome(
                    "failed",
                    t(
                        "Could not understand the model {unreadable} times in a row; the run ended. Rephrase the task or try "
                        "a larger model.",
                        unreadable=state.unreadable,
                    ),
                    number,
                )
            return None
        state.unreadable = 0
        state.memory_text = reply.memory_text
        action = reply.action
        assert sent.geometry is not None
        plan = plan_action(action, sent.geometry)
        call = format_call(action)

        if action.name == "DONE":
            self._record(
                StepRecord(number, sent, raw, thinking, reply, plan.words, "done", "The model says the task is done.", started)
            )
            return RunOutcome("done", t("Done: {summary}", summary=reply.thought or config.task), number)
        if action.name == "FAIL":
            self._record(
                StepRecord(
                    number, sent, raw, thinking, reply, plan.words, "gave_up", "The model says the task cannot be done.", started
                )
            )
            gave_up = (
                t("The model says the task cannot be done: {reason}", reason=reply.thought)
                if reply.thought
                else t("The model says the task cannot be done.")
            )
            return RunOutcome("failed", gave_up, number)
        if action.name == "WAIT":
            self.listener.on_status(
                t("Step {number}: waiting {wait_seconds:g} seconds", number=number, wait_seconds=WAIT_SECONDS)
            )
            self._cancel.wait(WAIT_SECONDS)
            self._record(StepRecord(number, sent, raw, thinking, reply, plan.words, "waited", "", started))
            state.history.append(HistoryStep(reply.thought, call, half_size(sent)))
            return None

        problem = _static_problem(plan)
        if problem:
            self._record(StepRecord(number, sent, raw, thinking, reply, plan.words, "not_understood", problem, started))
            state.history.append(HistoryStep(reply.thought, f"{call} (not performed: {problem})", half_size(sent)))
            state.unreadable += 1
            if state.unreadable >= config.max_unreadable:
                return RunOutcome("failed", problem, number)
            return None

        shapes = tuple(shapes_for_action(plan, state.last_click, number))
        review = review_typed_text(action.content) if action.name == "type" else None
        # auto mode never types a text the user has not looked at: such a step waits for Confirm
        auto = config.auto_mode and not (review is not None and review.needs_second_look)
        proposal = Proposal(number, reply, plan, shapes, plan.words, config.countdown if auto else 0.0, review, auto)
        decision = self._wait_for_decision(proposal)
        if decision == "stop":
            self._record(StepRecord(number, sent, raw, thinking, reply, plan.words, "stopped", "Stopped before acting.", started))
            return RunOutcome("stopped", t("Stopped."), number)
        if decision == "skip":
            self._record(StepRecord(number, sent, raw, thinking, reply, plan.words, "skipped", "Skipped by the user.", started))
            state.history.append(HistoryStep(reply.thought, f"{call} (skipped by the user, not performed)", half_size(sent)))
            return None

        blocked = self._elevation.blocked_target(plan.point)
        if blocked:
            self._record(StepRecord(number, sent, raw, thinking, reply, plan.words, "refused", blocked, started))
            return RunOutcome("failed", blocked, number)
        self.listener.on_status(t("Step {number}: {words}", number=number, words=plan.words))
        if self._executor is None:
            # no synthetic input on this system (Wayland, no display): nothing later can work either
            self._executor = self._executor_factory(sent.geometry.rect, lambda: self._cancel.cancelled)
        try:
            with self._hotkeys.suspended(), self.listener.screen_clear():
                self._perform(plan)
        except InputStoppedError:
            self._record(StepRecord(number, sent, raw, thinking, reply, plan.words, "stopped", "Stopped while acting.", started))
            return RunOutcome("stopped", t("Stopped."), number)
        except UserError as exc:
            self._record(StepRecord(number, sent, raw, thinking, reply, plan.words, "failed", str(exc), started))
            state.history.append(HistoryStep(reply.thought, f"{call} (failed: {exc.message})", half_size(sent)))
            return None
        if plan.logical_point is not None and action.name != "scroll":
            state.last_click = plan.logical_point
        self._record(StepRecord(number, sent, raw, thinking, reply, plan.words, "performed", "", started))
        state.history.append(HistoryStep(reply.thought, call, half_size(sent)))
        self.listener.on_status(t("Step {number}: waiting for the screen to settle", number=number))
        self._wait_until_settled(screen)
        return None

    # -- pieces ----------------------------------------------------------------------------------

    def _prepare(self, shot: ImagePart) -> ImagePart:
        if self.config.image_token_budget is None:
            return shot
        from desktop_helper.media.images import with_budget

        return with_budget(shot, self.config.image_token_budget)

    def _ask(self, message: Message) -> tuple[str, str, list[ToolCall], Done | None]:
        request = ChatRequest(
            messages=(message,),
            thinking=self.config.thinking,
            temperature=0.0,
            max_tokens=self.config.max_tokens,
            image_token_budget=self.config.image_token_budget,
        )
        answer, thinking, calls, done = collect(self.backend.stream(request, self._cancel), should_stop=lambda: self.stopped)
        return answer, thinking, calls, done

    def _wait_for_decision(self, proposal: Proposal) -> Decision:
        with self._condition:
            self._pending = _Pending(proposal.number)
        self.listener.on_proposal(proposal)
        deadline = time.monotonic() + proposal.auto_seconds if proposal.auto else None
        try:
            with self._condition:
                while True:
                    if self.stopped:
                        return "stop"
                    assert self._pending is not None
                    if self._pending.decision is not None:
                        return "stop" if self.stopped else self._pending.decision
                    if deadline is not None:
                        remaining = deadline - time.monotonic()
                        if remaining <= 0:
                            return "confirm"
                        self._condition.wait(min(remaining, 0.5))
                    else:
                        self._condition.wait(0.5)
        finally:
            with self._condition:
                self._pending = None

    def _perform(self, plan: PlannedAction) -> None:
        assert self._executor is not None
        perform_planned(self._executor, plan)

    def _wait_until_settled(self, screen: ScreenSource) -> None:
        """Until two looks in a row show the same pixels, or the timeout; returns at once on Stop."""
        config = self.config
        deadline = time.monotonic() + config.settle_timeout
        previous = b""
        while time.monotonic() < deadline:
            if self._cancel.wait(config.settle_interval):
                return
            current = screen.fingerprint()
            if current == previous:
                return
            previous = current


def perform_planned(executor: InputExecutor, plan: PlannedAction) -> None:
    """Do one planned action with ``executor`` (checks its bounds and the stop flag before and after).

    Raises:
        InputStoppedError: stopped meanwhile.
        UserError: the point is outside the executor's bounds, or the OS refused the input.
    """
    executor.check(plan.point)
    action = plan.action
    name = action.name
    point, end = plan.point, plan.end
    if name in {"left_click", "right_click", "middle_click"} and point is not None:
        executor.click(point, "left" if name == "left_click" else "right" if name == "right_click" else "middle")
    elif name == "left_double_click" and point is not None:
        executor.click(point, "left", 2)
    elif name == "hover" and point is not None:
        executor.move(point)
    elif name == "left_drag" and point is not None and end is not None:
        executor.drag(point, end)
    elif name == "scroll" and point is not None:
        executor.scroll(point, "up" if action.direction == "up" else "down", action.steps)
    elif name == "key":
        executor.press_keys(action.keys)
    elif name == "type":
        executor.type_text(action.content)
    executor.check()


def _static_problem(plan: PlannedAction) -> str:
    """A reason not to propose the action at all (e.g. a key we cannot press), or ''."""
    if plan.action.name == "key":
        try:
            parse_key_combo(plan.action.keys)
        except ValueError as exc:
            return t("Could not understand the model: {exc}.", exc=exc)
    return ""
