"""Journey (d): press the find hotkey, say what to find, see the box drawn around it on the screen, Escape it away.

The scripted model answers with the box of the blue square of another application's window, in the
model's 0-1000 coordinates of the captured monitor; the outline must be drawn on that square's edges.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests.fixtures.overlay_flow import OUTLINE_HEX
from tests.journeys.conftest import Desktop, colour_fraction, painted_fraction, scripted_answers, wait_until, write_settings

pytestmark = [pytest.mark.gui, pytest.mark.slow]

OVERLAY = "^Desktop Helper overlay$"
OUTLINE = (int(OUTLINE_HEX[1:3], 16), int(OUTLINE_HEX[3:5], 16), int(OUTLINE_HEX[5:7], 16))
SCREEN_W, SCREEN_H = 1920, 1080


def _outline_near(shot, x: int, y: int, horizontal: bool, span: int) -> bool:
    """Is there outline colour within 6 px of the edge at (x, y), along ``span`` px of it?"""
    box = (x + span // 4, y - 6, x + 3 * span // 4, y + 7) if horizontal else (x - 6, y + span // 4, x + 7, y + 3 * span // 4)
    return colour_fraction(shot, box, OUTLINE, tolerance=60) > 0.05


def test_find_draws_the_box_on_the_thing_and_escape_hides_it(desktop: Desktop, start_app, other_app, tmp_path: Path) -> None:
    # another program shows a blue square at a known place: its window's bottom-left quadrant
    window = other_app(1100, 300, 480, 320, managed=False)
    blue = (window.x, window.y + window.height // 2, window.x + window.width // 2, window.y + window.height)
    box = [round(blue[0] / SCREEN_W * 1000), round(blue[1] / SCREEN_H * 1000)]
    box += [round(blue[2] / SCREEN_W * 1000), round(blue[3] / SCREEN_H * 1000)]
    answer = f"The blue square is here: <|begin_of_box|>[[{box[0]},{box[1]},{box[2]},{box[3]}]]<|end_of_box|>"
    # boxes stay until Escape (Settings > Overlay time 0), so only Escape can take them away here
    write_settings(tmp_path / "profile", {"overlay.fade_seconds": 0.0})
    app = start_app(env=scripted_answers(tmp_path, answer))
    wait_until(lambda: app.status()["model"]["ready"], "the model")

    desktop.move(600, 500)  # the monitor under the pointer is the one searched
    desktop.hotkey("f")
    popup = (620, 520, 800, 550)  # next to the pointer, over the bare desktop
    wait_until(lambda: painted_fraction(desktop.grab(), popup) > 0.9, "the find popup next to the pointer")
    desktop.type("the blue square")
    desktop.key("Return")
    desktop.window(OVERLAY, timeout=20)
    app.wait_log("find 'the blue square': 1 item(s)", "the search result")

    # the outline sits on the blue square's four edges, and the square still shows inside it
    def outlined() -> bool:
        shot = desktop.grab()
        width, height = blue[2] - blue[0], blue[3] - blue[1]
        return all(
            (
                _outline_near(shot, blue[0], blue[1], True, width),
                _outline_near(shot, blue[0], blue[3], True, width),
                _outline_near(shot, blue[0], blue[1], False, height),
                _outline_near(shot, blue[2], blue[1], False, height),
            )
        )

    wait_until(outlined, "the outline on the edges of the blue square", timeout=10)
    shot = desktop.grab("found")
    assert colour_fraction(shot, (blue[0] + 15, blue[1] + 15, blue[2] - 15, blue[3] - 15), (0, 0, 255)) > 0.9
    far = np.asarray(shot.crop((100, 100, 400, 300)), dtype=np.int16)
    # nothing drawn elsewhere
    assert far.std() < 40
    assert colour_fraction(shot, (100, 100, 400, 300), OUTLINE, 60) == 0

    # Escape: the boxes go away, the blue square is untouched
    desktop.key("Escape")
    desktop.no_window(OVERLAY, timeout=5)
    shot = desktop.grab("after-escape")
    assert colour_fraction(shot, (blue[0] - 6, blue[1] - 6, blue[2] + 6, blue[3] + 6), OUTLINE, 60) == 0
    app.quit()
