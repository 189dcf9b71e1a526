"""The running app's side of ``desktop-helper mcp``: the hidden ``mcp-call TOOL JSON`` command.

The MCP server process hands each tool call to the app, so one loaded model, one overlay and the
user's settings serve it. Read-only tools run on a worker thread with the app's capture backend and
model (:mod:`desktop_helper.mcp.operations`); ``find_on_screen`` goes through the app's
:class:`~desktop_helper.ui.find.FindController`, so its boxes are drawn; ``perform_action`` shows the
action in a step panel and on the overlay and acts only on Confirm (Skip, Stop, the stop hotkey or
the timeout refuse it). The reply is one JSON line ``{"ok": true, "result": {...}, "image": PATH}``
or ``{"ok": false, "error": ..., "fix": ...}``; a capture's PNG is a 0600 file in the private socket
folder that the MCP process reads and deletes.

The user sees that an MCP client uses the screen: the tray tooltip names the last tool and when,
and a notice says so at the first call and again after a quiet spell.
"""

from __future__ import annotations

import argparse
import json
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRect, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication

from desktop_helper import APP_DISPLAY_NAME
from desktop_helper.backends.base import Backend, CancelToken
from desktop_helper.core.errors import BackendError, UserError
from desktop_helper.core.i18n import t
from desktop_helper.core.messages import MessageBus
from desktop_helper.mcp.handoff import write_handoff_file
from desktop_helper.mcp.operations import ScreenOperations, nothing_found, plan_for_action, run_operation
from desktop_helper.mcp.tools import BY_NAME, ToolError, check_arguments

log = logging.getLogger(__name__)

Output = Callable[[str], None]

#: a notice that an MCP client uses the screen comes again after this many quiet seconds
NOTICE_AGAIN_AFTER = 600.0
#: what each tool does, for the tooltip and the notice
_DOING = {
    "list_monitors": "listing the monitors",
    "capture": "capturing the screen",
    "ask": "asking about the screen",
    "find_on_screen": "finding something on the screen",
    "propose_action": "asking the agent for a next step",
    "perform_action": "asking to act on the screen",
}


class McpHost(QObject):
    """Serves ``mcp-call`` on the GUI thread; the work runs on worker threads.

    Args:
        settings: the app settings (``mcp.*``).
        bus: where notices go.
        capture_backend: the app's capture backend.
        windows: lists windows (the active window).
        backend: returns the loaded model, or None while none is ready.
        find: the app's find-on-screen controller (draws the boxes).
        agent: the app's agent service (its clipboard types; a running agent blocks perform_action).
        hotkeys: the app's hotkeys, suspended while acting.
        overlay: returns the app's overlay controller.
        tray: the tray icon (None without a system tray).
        handoff: the private folder for capture PNGs.
    """

    _perform_done = Signal(object, object)  # (Future, message or exception), from the acting thread

    def __init__(  # noqa: PLR0917 - the composition root hands over the app's services
        self,
        settings: Any,
        bus: MessageBus,
        capture_backend: Any,
        windows: Any,
        backend: Callable[[], Backend | None],
        find: Any,
        agent: Any,
        hotkeys: Any,
        overlay: Callable[[], Any],
        tray: Any,
        handoff: Callable[[], Path],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self._bus = bus
        self._backend = backend
        self._find = find
        self._agent = agent
        self._hotkeys = hotkeys
        self._overlay = overlay
        self._tray = tray
        self._handoff = handoff
        self._capture_backend = capture_backend
        self.operations = ScreenOperations(capture_backend, windows, self._model, settings.get)
        self._last_notice = 0.0
        self._panel: Any = None
        self._pending: _PendingAction | None = None
        #: the replies of calls running on worker threads, with the token that stops their model
        self._working: dict[Future[int], CancelToken] = {}
        self._perform_done.connect(self._finish_perform)

    def _model(self) -> Backend:
        backend = self._backend()
        if backend is None:
            raise BackendError("No model is ready yet.", "Wait until the model has loaded, or choose one in Desktop Helper.")
        return backend

    # ----- the command
    def command(self, args: argparse.Namespace, output: Output) -> int | Future[int]:
        name = str(args.tool)
        try:
            raw = json.loads(args.arguments or "{}")
            if not isinstance(raw, dict):
                raise ToolError("The arguments must be a JSON object.")
        except ValueError:
            return _reply_error(output, ToolError("The arguments are not valid JSON."))
        try:
            self._check_exposed(name)
            checked = check_arguments(name, raw)
        except UserError as exc:
            return _reply_error(output, exc)
        self._show_use(name)
        if name == "find_on_screen":
            return self._find_on_screen(checked, output)
        if name == "perform_action":
            return self._perform(checked, output)
        return self._in_worker(name, checked, output)

    def _check_exposed(self, name: str) -> None:
        spec = BY_NAME.get(name)
        if not self.settings.get_bool("mcp.enabled"):
            raise ToolError(f"The MCP server of {APP_DISPLAY_NAME} is turned off.", "Turn it on in Settings > MCP server.")
        if spec is not None and not self.settings.get_bool(spec.setting):
            raise ToolError(
                f"The tool {name} is turned off in {APP_DISPLAY_NAME}.", f"Turn on '{name}' in Settings > MCP server."
            )

    def _show_use(self, name: str) -> None:
        doing = _DOING.get(name, name)
        if self._tray is not None:
            self._tray.icon.setToolTip(
                self.tr("{0}: an MCP client was {1} ({2})").format(APP_DISPLAY_NAME, self.tr(doing), time.strftime("%H:%M"))
            )
        now = time.monotonic()
        if not self._last_notice or now - self._last_notice > NOTICE_AGAIN_AFTER:
            self._bus.info(
                t("An MCP client is {doing}.", doing=self.tr(doing)), t("You can turn MCP tools off in Settings > MCP server.")
            )
        self._last_notice = now

    @Slot(object)
    def abandon(self, reply: Future[int]) -> None:
        """The MCP process behind ``reply`` went away (its client cancelled the call or quit): stop that call.

        An action still waiting for Confirm is taken off the screen, so a Confirm pressed later does
        nothing the client no longer waits for; a model answer under way stops.
        """
        pending = self._pending
        if pending is not None and pending.reply is reply:
            self._refuse(pending, "The MCP client withdrew the request; nothing was done.")
        token = self._working.get(reply)
        if token is not None:
            token.cancel()

    def _in_worker(self, name: str, checked: dict[str, Any], output: Output) -> Future[int]:
        reply: Future[int] = Future()
        handoff = self._handoff
        cancel = CancelToken()
        self._working[reply] = cancel
        reply.add_done_callback(lambda done: self._working.pop(done, None))

        def work() -> None:
            try:
                result, png = run_operation(self.operations, name, checked, cancel)
                image = str(write_handoff_file(handoff(), png)) if png is not None else None
                reply.set_result(_reply_ok(output, result, image))
            except UserError as exc:
                reply.set_result(_reply_error(output, exc))
            except Exception as exc:  # a bug: the client still gets an answer, the log the traceback
                log.exception("mcp %s failed", name)
                reply.set_result(_reply_error(output, UserError(f"{name} failed ({type(exc).__name__}: {exc}).")))

        threading.Thread(target=work, name=f"mcp-{name}", daemon=True).start()
        return reply

    # ----- find: the app's own 'find --json', so the boxes are drawn and the reply is the CLI's
    def _find_on_screen(self, checked: dict[str, Any], output: Output) -> int | Future[int]:
        lines: list[str] = []
        started = self._find.find_command(argparse.Namespace(target=[checked["description"]], json=True), lines.append)

        def answer() -> int:
            try:
                found = json.loads(lines[-1])
            except (IndexError, ValueError):
                return _reply_error(output, UserError("Find on screen gave no answer.", "The app's log has the details."))
            if not found.get("items"):
                return _reply_error(output, ToolError(nothing_found(found)))
            return _reply_ok(output, found, None)

        if not isinstance(started, Future):
            return answer()
        reply: Future[int] = Future()
        started.add_done_callback(lambda _done: reply.set_result(answer()))
        return reply

    # ----- perform: the user confirms on the screen
    def _perform(self, checked: dict[str, Any], output: Output) -> int | Future[int]:
        if self._pending is not None:
            return _reply_error(output, ToolError("Another action is waiting for the user's Confirm.", "Wait for it first."))
        if self._agent.running:
            return _reply_error(output, ToolError("The GUI agent is running.", "Wait until it has finished, then try again."))
        try:
            plan, monitor = plan_for_action(checked["action"], self.operations.monitors())
        except UserError as exc:
            return _reply_error(output, exc)
        from desktop_helper.platform.input import elevation_probe_for_current_os

        blocked = elevation_probe_for_current_os().blocked_target(plan.point)
        if blocked:
            return _reply_error(output, ToolError(blocked))
        reply: Future[int] = Future()
        pending = _PendingAction(reply, output, plan, monitor)
        self._pending = pending
        panel = self._step_panel()
        panel.start(self.tr("An MCP client asks to act on the screen"), _usable_area(monitor))
        action = checked["action"]
        review = None
        if action["kind"] == "type":
            from desktop_helper.agent.review import review_typed_text

            review = review_typed_text(action["text"])
        panel.show_proposal(
            1,
            checked["reason"] or self.tr("(the MCP client gave no reason)"),
            plan.words,
            text=action["text"] if action["kind"] == "type" else None,
            review=review,
        )
        panel.title.setText(self.tr("MCP client"))
        from desktop_helper.agent.plan import shapes_for_action

        overlay = self._overlay()
        shapes = shapes_for_action(plan, None, None)
        if overlay is not None and shapes:
            overlay.show_shapes(list(shapes), 0.0)
        hotkey = self.settings.get_str("hotkeys.stop_agent") if self.settings.get_bool("hotkeys.enabled") else ""
        if hotkey:
            from desktop_helper.ui.agent_session import start_stop_hotkey

            try:
                pending.close_hotkey = start_stop_hotkey(hotkey, pending.stopped.set)
            except Exception:
                log.exception("the stop hotkey could not be set up")
        pending.timer = QTimer(self)
        pending.timer.setSingleShot(True)
        late = f"Not confirmed within {checked['timeout_seconds']} seconds; nothing was done."
        pending.timer.timeout.connect(lambda: self._refuse(pending, late))
        pending.timer.start(checked["timeout_seconds"] * 1000)
        pending.watch = QTimer(self)  # the stop hotkey fires on its own thread: bring the refusal to this one
        pending.watch.setInterval(50)
        pending.watch.timeout.connect(lambda: self._refuse_if_stopped(pending))
        pending.watch.start()
        shown = plan.words if self.settings.get_bool("privacy.log_prompts") else action["kind"]
        log.info("mcp perform_action waits for Confirm: %s", shown)
        return reply

    def _step_panel(self) -> Any:
        if self._panel is None:
            from desktop_helper.ui.step_panel import StepPanel

            self._panel = StepPanel()
            self._panel.confirmed.connect(self._confirmed)
            self._panel.skipped.connect(lambda _number: self._refuse(self._pending, "The user refused the action (Skip)."))
            self._panel.stop_requested.connect(lambda: self._refuse(self._pending, "Stopped by the user."))
        return self._panel

    def _end_wait(self, pending: _PendingAction) -> None:
        for timer in (pending.timer, pending.watch):
            if timer is not None:
                timer.stop()
                timer.deleteLater()
        pending.timer = pending.watch = None
        if self._panel is not None:
            self._panel.hide()
        overlay = self._overlay()
        if overlay is not None:
            overlay.clear()

    def _refuse_if_stopped(self, pending: _PendingAction) -> None:
        if pending.stopped.is_set():
            self._refuse(pending, "Stopped by the user (stop hotkey).")

    def _refuse(self, pending: _PendingAction | None, message: str) -> None:
        if pending is None or self._pending is not pending:
            return
        self._pending = None
        self._end_wait(pending)
        pending.close_stop_hotkey()
        log.info("mcp perform_action not done: %s", message)
        pending.reply.set_result(_reply_error(pending.output, ToolError(message)))

    @Slot(int)
    def _confirmed(self, _number: int) -> None:
        pending = self._pending
        if pending is None:
            return
        self._end_wait(pending)
        # act once our panel and overlay are off the screen (the X server unmaps asynchronously)
        QTimer.singleShot(80, lambda: self._act(pending))

    def _act(self, pending: _PendingAction) -> None:
        from desktop_helper.agent.loop import perform_planned
        from desktop_helper.platform.input import executor_for_current_os
        from desktop_helper.platform.input.base import InputStoppedError

        clipboard = self._agent.clipboard
        hotkeys = self._hotkeys

        def work() -> None:
            executor = None
            try:
                if pending.stopped.is_set():
                    raise InputStoppedError
                executor = executor_for_current_os(pending.monitor.physical, clipboard, pending.stopped.is_set)
                if hotkeys is not None:
                    with hotkeys.suspended():
                        perform_planned(executor, pending.plan)
                else:
                    perform_planned(executor, pending.plan)
                self._perform_done.emit(pending, f"Performed after the user confirmed: {pending.plan.words}.")
            except InputStoppedError:
                self._perform_done.emit(pending, ToolError("Stopped by the user while acting."))
            except UserError as exc:
                self._perform_done.emit(pending, exc)
            except Exception as exc:
                log.exception("mcp perform_action failed")
                self._perform_done.emit(pending, UserError(f"The action failed ({type(exc).__name__}: {exc})."))
            finally:
                if executor is not None:
                    executor.close()

        threading.Thread(target=work, name="mcp-perform", daemon=True).start()

    @Slot(object, object)
    def _finish_perform(self, pending: _PendingAction, outcome: object) -> None:
        pending.close_stop_hotkey()
        if self._pending is pending:
            self._pending = None
        if isinstance(outcome, UserError):
            log.info("mcp perform_action failed: %s", outcome.message)
            pending.reply.set_result(_reply_error(pending.output, outcome))
        else:
            log.info("mcp perform_action performed")
            pending.reply.set_result(_reply_ok(pending.output, {"message": str(outcome), "performed": True}, None))

    def shutdown(self) -> None:
        pending = self._pending
        if pending is not None:
            self._refuse(pending, f"{APP_DISPLAY_NAME} is quitting; nothing was done.")
        if self._panel is not None:
            self._panel.close()
            self._panel.deleteLater()
            self._panel = None


class _PendingAction:
    """An action waiting for the user's decision."""

    def __init__(self, reply: Future[int], output: Output, plan: Any, monitor: Any) -> None:
        self.reply = reply
        self.output = output
        self.plan = plan
        self.monitor = monitor
        self.stopped = threading.Event()
        self.timer: QTimer | None = None
        self.watch: QTimer | None = None
        self.close_hotkey: Callable[[], None] | None = None

    def close_stop_hotkey(self) -> None:
        close, self.close_hotkey = self.close_hotkey, None
        if close is not None:
            close()


def _usable_area(monitor: Any) -> QRect:
    """The monitor's area that panels and docks leave free (logical px), so the panel's buttons are never under a taskbar."""
    logical = monitor.logical
    whole = QRect(round(logical.x), round(logical.y), round(logical.width), round(logical.height))
    screen = QGuiApplication.screenAt(whole.center())
    available = screen.availableGeometry() if screen is not None else whole
    return available.intersected(whole) if available.intersects(whole) else whole


def _reply_ok(output: Output, result: dict[str, Any], image: str | None) -> int:
    output(json.dumps({"ok": True, "result": result, "image": image}, ensure_ascii=False))
    return 0


def _reply_error(output: Output, error: UserError) -> int:
    output(json.dumps({"ok": False, "error": error.message, "fix": error.fix}, ensure_ascii=False))
    return 1
