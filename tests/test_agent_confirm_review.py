"""Confirm never hides what it confirms: a long text ending in ``; rm -rf ~`` on the real step panel.

Real X, the real AgentSession and step panel, a target app in its own process, real clicks and
wheel turns through xdotool.
"""

from __future__ import annotations

from typing import Any

from desktop_helper.backends.scripted import ScriptedBackend
from tests.harness.xserver import XServer
from tests.test_agent_x11 import (
    CLICK,
    DONE,
    TargetApp,
    _click_real,
    _confirm_real,
    _script,
    _start,
    _wait_for_confirm,
    session,
    target_app,
)

__all__ = ["session", "target_app"]  # fixtures used below

HIDDEN_TAIL = ("Dear team, thank you for the meeting notes. " * 80)[:2990] + "; rm -rf ~"
TYPE_HIDDEN = f"Now type the reply.\n<|begin_of_box|>type(content='{HIDDEN_TAIL}')<|end_of_box|>\nMemory:\n[]"


def _panel_ready(qtbot: Any, session: Any) -> None:
    """The panel is mapped and painted, with the proposal's text box laid out."""
    panel = session.panel

    def ready() -> bool:
        handle = panel.windowHandle()
        return bool(panel.isVisible() and handle is not None and handle.isExposed() and panel.action_text.isVisible())

    qtbot.waitUntil(ready, timeout=10000)


def _scroll_to_the_end(qtbot: Any, x_server: XServer, widget: Any) -> None:
    """Turn the real mouse wheel over the text until its end shows."""
    bar = widget.verticalScrollBar()
    center = widget.mapToGlobal(widget.rect().center())
    x_server.xdotool("mousemove", str(center.x()), str(center.y()))
    for _ in range(200):
        if bar.value() >= bar.maximum():
            return
        x_server.xdotool("click", "--repeat", "5", "--delay", "10", "5")
        qtbot.wait(50)
    raise AssertionError(f"the wheel did not reach the end ({bar.value()} of {bar.maximum()})")


def test_confirm_waits_until_the_whole_text_was_read(
    qtbot: Any, session: Any, target_app: TargetApp, x_server: XServer
) -> None:
    backend = ScriptedBackend(responder=_script(target_app, [CLICK, TYPE_HIDDEN, DONE]))
    with qtbot.waitSignal(session.proposed, timeout=15000):
        run, recorder = _start(session, backend)
    _wait_for_confirm(qtbot, session)
    with qtbot.waitSignal(session.proposed, timeout=15000) as second:
        _confirm_real(qtbot, x_server, session.panel)
    assert second.args[0].plan.action.name == "type"
    panel = session.panel
    _panel_ready(qtbot, session)

    # the whole text, its length and a warning naming the shell command are on the panel
    assert panel.action_text.toPlainText() == HIDDEN_TAIL
    assert panel.action.text() == "Type this text (3,000 characters):"
    assert panel.warning.isVisible()
    assert "it is long" in panel.warning.text()
    assert "it looks like a shell command (rm -rf)" in panel.warning.text()
    assert panel.read_check.isVisible()
    bar = panel.action_text.verticalScrollBar()
    assert bar.maximum() > 0  # it does not fit: it scrolls
    assert bar.value() == 0

    # Confirm first does nothing, and the box cannot be ticked before the end was on screen
    qtbot.wait(300)
    assert not panel.confirm_button.isEnabled()
    _click_real(x_server, panel.confirm_button)
    _click_real(x_server, panel.read_check)
    qtbot.wait(1500)
    assert not panel.read_check.isChecked()
    assert target_app.text == ""
    assert run.running
    assert [s.result for s in recorder.steps] == ["performed"]

    # the end of the text is reachable with the wheel; then the box, then Confirm
    _scroll_to_the_end(qtbot, x_server, panel.action_text)
    last_line = panel.action_text.cursorForPosition(panel.action_text.viewport().rect().bottomLeft()).block().text()
    assert last_line.endswith("; rm -rf ~")
    qtbot.waitUntil(panel.read_check.isEnabled, timeout=3000)
    _click_real(x_server, panel.read_check)
    qtbot.waitUntil(panel.read_check.isChecked, timeout=3000)
    qtbot.waitUntil(panel.confirm_button.isEnabled, timeout=3000)
    with qtbot.waitSignal(session.finished, timeout=20000) as done:
        _confirm_real(qtbot, x_server, panel)
    assert done.args[0].status == "done", done.args[0].message
    qtbot.waitUntil(lambda: target_app.text == HIDDEN_TAIL, timeout=5000)
    assert [s.result for s in recorder.steps] == ["performed", "performed", "done"]
    assert run.join(2)


def test_auto_mode_stops_for_such_a_text(qtbot: Any, session: Any, target_app: TargetApp, x_server: XServer) -> None:
    backend = ScriptedBackend(responder=_script(target_app, [CLICK, TYPE_HIDDEN, DONE]))
    proposals: list[Any] = []
    session.proposed.connect(proposals.append)
    run, recorder = _start(session, backend, auto_mode=True, countdown=0.3)
    # the click runs by itself after its countdown; the text does not
    qtbot.waitUntil(lambda: len(proposals) == 2, timeout=20000)
    assert target_app.clicks == 1
    assert proposals[0].auto
    assert not proposals[1].auto
    panel = session.panel
    _panel_ready(qtbot, session)
    assert panel.status.text() == "Auto mode is paused for this step: check it, then confirm."
    assert panel.countdown.text() == ""
    assert panel.warning.isVisible()
    qtbot.wait(2000)  # several countdowns long
    assert target_app.text == ""
    assert run.running
    assert [s.result for s in recorder.steps] == ["performed"]
    with qtbot.waitSignal(session.finished, timeout=5000) as done:
        _click_real(x_server, panel.stop_button)
    assert done.args[0].status == "stopped"
    assert target_app.text == ""
