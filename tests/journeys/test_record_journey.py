"""Journey (f): record the screen for 5 seconds with the hotkey, stop it, find it attached in the chat, play it."""

from __future__ import annotations

import re
import time
from pathlib import Path

import cv2
import pytest

from tests.journeys.conftest import Desktop, scripted_answers, wait_until

pytestmark = [pytest.mark.gui, pytest.mark.slow]


def test_record_five_seconds_then_it_is_in_the_chat_and_plays(desktop: Desktop, start_app, other_app, tmp_path: Path) -> None:
    app = start_app(env=scripted_answers(tmp_path, "A screen recording."))
    other_app(200, 200, 400, 300)  # something on the screen to record

    idle_icon = app.tray_icon_pixels()
    desktop.hotkey("r")
    started = time.monotonic()
    wait_until(lambda: app.status()["recording"] is not None, "the recording to start")
    wait_until(lambda: app.tray_icon_differs(idle_icon), "the tray icon to show that a recording runs")
    wait_until(lambda: (app.status()["recording"] or {}).get("seconds", 0) >= 5, "5 seconds of recording", timeout=30)
    desktop.hotkey("r")
    wait_until(lambda: app.status()["recording"] is None, "the recording to stop")
    app.wait_log("recording finished", "the recording to be saved", timeout=60)
    wait_until(lambda: not app.tray_icon_differs(idle_icon), "the tray icon to be back to normal")
    elapsed = time.monotonic() - started
    found = re.search(r"recording finished: (\S+\.mp4)", app.log_text())
    assert found is not None
    video = Path(found.group(1))

    # the chat shows it attached to the next question
    if not desktop.windows("^Chat"):
        desktop.hotkey("c")  # the person opens the chat to look
    desktop.window("^Chat")
    wait_until(lambda: video.name in app.attached(), f"{video.name} attached in the chat")
    desktop.grab("recording-attached")

    # and it plays: frames of the whole screen, about as long as the recording ran
    capture = cv2.VideoCapture(str(video))
    try:
        assert capture.isOpened()
        frames = 0
        ok, frame = capture.read()
        while ok:
            frames += 1
            assert frame.shape[:2] == (1080, 1920)
            ok, frame = capture.read()
        fps = capture.get(cv2.CAP_PROP_FPS)
    finally:
        capture.release()
    assert fps > 0
    assert 4.0 <= frames / fps <= elapsed + 1, (frames, fps, elapsed)
    app.quit()
