"""Journey (a): a new user's first start. The welcome window offers a model; the person picks the GGUF files
they already have in the file dialogs, takes a screenshot with the hotkey and asks about it; the answer
streams into the chat from llama.cpp running the tiny random-weights GLM-4.6V pair (so it is gibberish,
but real text that grows while it is written, and is kept in the history).
"""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest

from tests.fixtures.tiny_model import TinyModel
from tests.journeys.conftest import Desktop, wait_until

pytestmark = [pytest.mark.gui, pytest.mark.slow]

QUESTION = "What is on my screen?"


def test_first_start_pick_gguf_files_then_ask_about_a_screenshot(
    desktop: Desktop, start_app, tiny_glm4v: TinyModel, tmp_path: Path
) -> None:
    app = start_app()
    assert app.status()["model"]["ready"] is False
    desktop.window("^Welcome")
    desktop.grab("welcome")
    app.press("Use GGUF files I already have…")

    # two file dialogs: the person types each file's path and presses Enter
    desktop.window("^Choose the model GGUF")
    desktop.type(str(tiny_glm4v.model))
    desktop.key("Return")
    desktop.window("^Choose its vision projector")
    desktop.type(str(tiny_glm4v.mmproj))
    desktop.key("Return")
    desktop.no_window("^Welcome")
    desktop.no_window("^Choose")
    wait_until(lambda: app.status()["model"]["ready"], "the local model to load", timeout=60)
    settings = app.settings_file()
    assert settings["models.local_model_path"] == str(tiny_glm4v.model)
    assert settings["models.local_mmproj_path"] == str(tiny_glm4v.mmproj)

    # a screenshot with the hotkey lands in the chat; the person asks about it
    desktop.hotkey("s")
    chat = desktop.window("^Chat")
    wait_until(lambda: app.attached(), "the screenshot attached to the question")
    # the chat's backend and model pickers name the model just chosen
    wait_until(
        lambda: app.widget(f"Local model — {tiny_glm4v.model.name}", "combo box", timeout=1),
        "the chosen model in the chat's backend picker",
        timeout=5,
    )
    desktop.type(QUESTION)
    desktop.key("Return")

    # the answer streams: stored while it is written, longer each time, then complete
    def answer() -> tuple[str, str]:
        rows = [m for m in app.messages() if m["role"] == "assistant"]
        return (rows[-1]["status"], rows[-1]["content"]) if rows else ("", "")

    conversation = (chat.x + 140, chat.y + 60, chat.x + chat.width - 10, chat.y + chat.height - 200)
    before = np.asarray(desktop.grab().crop(conversation), dtype=np.int16)
    seen: list[str] = []

    def grown() -> bool:
        status, content = answer()
        if content and (not seen or content != seen[-1]):
            seen.append(content)
        return len(seen) >= 3 or status not in ("streaming", "")

    wait_until(grown, "the answer to stream into the history", timeout=90, interval=0.02)
    assert all(later.startswith(earlier) for earlier, later in itertools.pairwise(seen)), seen[:3]
    shot = desktop.grab("streaming")
    streaming_area = np.asarray(shot.crop(conversation), dtype=np.int16)
    assert np.abs(streaming_area - before).mean() > 1, "the answer should be drawn in the chat while it streams"

    # random weights write on and on: the person has seen enough and presses Stop; what came is kept
    if answer()[0] == "streaming":
        app.press("Stop")
    wait_until(lambda: answer()[0] not in ("streaming", ""), "the answer to end", timeout=30)
    status, content = answer()
    assert status in ("cancelled", "complete"), (status, content)
    assert content.strip()
    assert content.startswith(seen[-1]), (seen[-1][:80], content[:80])
    user = [m for m in app.messages() if m["role"] == "user"]
    assert [m["content"] for m in user] == [QUESTION]
    assert [(a["kind"], a["width"], a["height"]) for a in app.attachments()] == [("image", 1920, 1080)]
    desktop.grab("answered")
    app.quit()
