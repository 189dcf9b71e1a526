"""Journey (c): start a region selection and change your mind (Escape) from each starting focus, then drag one.

Issue 13 item 2: with the chat window focused the selector ignored Escape (the keyboard was grabbed
but no window got the keys).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.journeys.conftest import Desktop, colour_fraction, scripted_answers, wait_until

pytestmark = [pytest.mark.gui, pytest.mark.slow]

SELECTOR = "^Select a region$"
CHAT = "^Chat"
RED, GREEN, BLUE = (255, 0, 0), (0, 255, 0), (0, 0, 255)


def _select_and_cancel(desktop: Desktop, how: str) -> None:
    desktop.hotkey("a")
    desktop.window(SELECTOR, timeout=10)
    desktop.key("Escape")
    try:
        desktop.no_window(SELECTOR, timeout=5)
    except AssertionError as exc:
        desktop.grab(f"selector-still-up-{how}")
        raise AssertionError(f"Escape did not cancel the region selection started with {how}") from exc


def test_region_cancelled_from_every_focus_then_dragged(desktop: Desktop, start_app, other_app, tmp_path: Path) -> None:
    app = start_app(env=scripted_answers(tmp_path, "Four coloured squares."))

    # 1. the chat is focused: the person clicked into the question box
    assert app.cli("show-chat").returncode == 0
    desktop.window(CHAT)
    desktop.click_node(app.question_box())
    wait_until(lambda: desktop.active_window_title().startswith("Chat"), "the chat to have the focus")
    _select_and_cancel(desktop, "the chat window focused")

    # 2. another application is focused
    assert app.cli("hide-chat").returncode == 0
    desktop.no_window(CHAT)
    other = other_app(300, 250, 400, 300)
    desktop.click(*other.centre)
    wait_until(lambda: desktop.active_window_title() == "colour-window", "the other window to have the focus")
    _select_and_cancel(desktop, "another application focused")

    # 3. nothing is focused: the person closed the other program, no window is left
    other_app.close_all()
    desktop.no_window("^colour-window$")
    wait_until(lambda: desktop.active_window_title() == "", "no window to have the focus")
    _select_and_cancel(desktop, "nothing focused")
    other = other_app(300, 250, 400, 300)

    # 4. a real selection: drag over the other window's middle, 240 x 160 pixels
    x, y = other.x + other.width // 2 - 120, other.y + other.height // 2 - 80
    desktop.hotkey("a")
    desktop.window(SELECTOR, timeout=10)
    desktop.drag((x, y), (x + 240, y + 160))
    desktop.no_window(SELECTOR)
    app.wait_log(re.compile(r"capture: 240x160 at \(" + str(x) + ", " + str(y) + r"\)"), "the 240 x 160 capture")
    chat = desktop.window(CHAT)
    wait_until(lambda: app.attached(), "the capture attached to the question")
    assert any(re.fullmatch(r"capture-\S+\.png\n240x160", text) for text in app.ui().texts()), "the chip should say 240x160"

    # its thumbnail shows the four colours under the selection (the other window is gone from the screen)
    other_app.close_all()
    desktop.no_window("^colour-window$")
    shot = desktop.grab("region-attached")
    inside = (chat.x, chat.y, chat.x + chat.width, chat.y + chat.height)
    for colour in (RED, GREEN, BLUE):
        assert colour_fraction(shot, inside, colour) > 0, f"the thumbnail should show {colour}"

    desktop.type("What colours are these?")
    desktop.key("Return")
    wait_until(lambda: any(m["role"] == "assistant" and m["status"] == "complete" for m in app.messages()), "the answer")
    attachments = app.attachments()
    assert [(a["kind"], a["width"], a["height"]) for a in attachments] == [("image", 240, 160)]
    app.quit()
