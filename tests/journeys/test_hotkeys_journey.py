"""Journey (b): type a question with punctuation in the chat, then use every global hotkey in turn, twice.

Issue 13 item 1: after ``?``, ``"``, ``(``, ``!`` or ``&`` typed with Shift released before the key
(what ``xdotool type`` and fast typists do), every hotkey stopped working.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from tests.journeys.conftest import App, Desktop, painted_fraction, scripted_answers, wait_until

pytestmark = [pytest.mark.gui, pytest.mark.slow]

QUESTION = 'What is this? "Quoted" (yes)! & more'
SELECTOR = "^Select a region$"
CHAT = "^Chat"
POINTER = (1300, 250)  # over the bare desktop, away from the chat window
POPUP_AREA = (POINTER[0] + 20, POINTER[1] + 20, POINTER[0] + 200, POINTER[1] + 50)


def _attached_at_least(app: App, count: int) -> bool:
    return len(app.attached()) >= count


def _chat_shown_is(desktop: Desktop, shown: bool) -> bool:
    return bool(desktop.windows(CHAT)) == shown


def test_punctuation_in_the_chat_then_every_hotkey_twice(desktop: Desktop, start_app, tmp_path: Path) -> None:
    app = start_app(env=scripted_answers(tmp_path, "It is a test answer."))
    assert app.cli("show-chat").returncode == 0
    desktop.window(CHAT)
    wait_until(lambda: app.status()["model"]["ready"], "the model")
    desktop.type(QUESTION)
    desktop.key("Return")
    wait_until(
        lambda: (
            [(m["role"], m["content"], m["status"]) for m in app.messages()]
            == [("user", QUESTION, "complete"), ("assistant", "It is a test answer.", "complete")]
        ),
        "the question, exactly as typed, and its answer in the history",
    )

    idle_icon = app.tray_icon_pixels()
    for round_number in (1, 2):
        # A: the region selector covers the screen; Escape takes it away
        desktop.hotkey("a")
        desktop.window(SELECTOR, timeout=10)
        desktop.key("Escape")
        desktop.no_window(SELECTOR)

        # S: the screen is captured and lands in the chat, which comes to the front
        captures = app.log_text().count("capture: 1920x1080 at (0, 0)")
        desktop.hotkey("s")
        app.wait_log_count("capture: 1920x1080 at (0, 0)", captures + 1, "the screen capture")
        desktop.window(CHAT)
        # our own windows are hidden for the grab and shown again: the tray icon must still be in the panel
        wait_until(lambda: not app.tray_icon_differs(idle_icon), "the tray icon still in the panel after the capture", 5)
        attached = 2 * round_number - 1  # this round's capture, after the last round's capture and recording
        wait_until(functools.partial(_attached_at_least, app, attached), "the capture attached to the next question")

        # R: a recording starts: the tray icon shows it (and the status says so)
        desktop.hotkey("r")
        wait_until(lambda: app.tray_icon_differs(idle_icon), "the tray icon to show the recording")
        assert app.status()["recording"] is not None

        # C: the chat window hides (or shows)
        shown = bool(desktop.windows(CHAT))
        desktop.hotkey("c")
        wait_until(functools.partial(_chat_shown_is, desktop, not shown), "the chat window to toggle")

        # F: "What should I find on the screen?" pops up at the pointer (over the bare desktop); Escape closes it
        desktop.move(*POINTER)
        desktop.hotkey("f")
        wait_until(lambda: painted_fraction(desktop.grab(), POPUP_AREA) > 0.9, "the find popup next to the pointer")
        desktop.key("Escape")
        wait_until(lambda: painted_fraction(desktop.grab(), POPUP_AREA) < 0.01, "the find popup to close")

        # G: the agent asks what to do; Escape says never mind
        desktop.hotkey("g")
        desktop.window("^GUI agent", timeout=10)
        desktop.key("Escape")
        desktop.no_window("^GUI agent")

        # X: stop ends the recording, which is saved
        desktop.hotkey("x")
        wait_until(lambda: not app.tray_icon_differs(idle_icon), "the stop hotkey to end the recording (tray icon back)")
        assert app.status()["recording"] is None
        app.wait_log_count("recording finished", round_number, "the recording to be saved", timeout=60)

    assert app.status()["hotkeys"] is True
    app.quit()
