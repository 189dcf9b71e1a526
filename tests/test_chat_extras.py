"""Issue 13.6: Markdown export without GLM's box tokens, the Mini form of the chat, and ``find`` answering the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from desktop_helper.backends.scripted import ScriptedBackend
from desktop_helper.history.store import HistoryStore
from tests.harness.app_process import AppProcess
from tests.harness.xserver import XServer
from tests.test_chat_status import Chat

pytestmark = [pytest.mark.gui]

BOXED = (
    "<think>The square is <|begin_of_box|>[1,2,3,4]<|end_of_box|> maybe.</think>"
    "It is here: <|begin_of_box|>[250,250,750,750]<|end_of_box|>."
)


def test_markdown_export_shows_boxes_as_text_not_tokens(qtbot: QtBot, tmp_path: Path) -> None:
    chat = Chat(qtbot, tmp_path, ScriptedBackend([BOXED]))
    try:
        chat.ask("Where is the square?")
        conversation = chat.window.conversation_id
        assert conversation is not None
        # the history keeps what the model wrote
        assert "<|begin_of_box|>" in chat.history.messages(conversation)[1].content
        target = chat.history.export_markdown(conversation, tmp_path / "export.md")
    finally:
        chat.close()
    text = target.read_text(encoding="utf-8")
    assert "<|" not in text
    assert "It is here: `[250,250,750,750]`." in text
    assert "The square is `[1,2,3,4]` maybe." in text
    # the JSON export stays exact
    assert chat.history.db_path is not None
    reopened = HistoryStore(chat.history.db_path, chat.history.attachments_dir)
    try:
        exported = json.loads(reopened.export_json(conversation, tmp_path / "export.json").read_text())
    finally:
        reopened.close()
    assert "<|begin_of_box|>[250,250,750,750]<|end_of_box|>" in exported["messages"][1]["content"]


def test_mini_turns_the_chat_into_its_mini_form_with_the_same_conversation(qtbot: QtBot, tmp_path: Path) -> None:
    chat = Chat(qtbot, tmp_path, ScriptedBackend(["Paris is the **capital**.", "About 2.1 million people."]))
    try:
        window = chat.window
        chat.ask("What is the capital of France?")
        mini_button = next(b for b in window.findChildren(QToolButton) if b.text() == "Mini")
        qtbot.mouseClick(mini_button, Qt.MouseButton.LeftButton)
        qtbot.waitExposed(window.mini)
        # one window: the full chat made way for its mini form, which shows the same conversation
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=2000)
        shown = window.mini.answer.toPlainText()
        assert "What is the capital of France?" in shown
        assert "Paris is the capital." in shown
        # a quick question goes into that conversation and its answer streams into the mini window
        window.mini.input.setText("How many people live there?")
        with qtbot.waitSignal(window.generation_finished, timeout=10000):
            qtbot.keyClick(window.mini.input, Qt.Key.Key_Return)
        assert "About 2.1 million people." in window.mini.answer.toPlainText()
        assert "What is the capital" not in window.mini.answer.toPlainText()
        messages = chat.history.messages(window.conversation_id or 0)
        assert [m.content for m in messages][-2:] == ["How many people live there?", "About 2.1 million people."]
        assert len(messages) == 4
        # and back: the full window, the mini form put away
        full = next(b for b in window.mini.findChildren(type(window.send_button)) if b.text() == "Full window")
        qtbot.mouseClick(full, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(window.isVisible, timeout=2000)
        assert not window.mini.isVisible()
        assert "About 2.1 million people." in window.view.toPlainText()
    finally:
        chat.close()


def test_find_from_the_cli_prints_the_boxes_in_screen_pixels(x_server: XServer, tmp_path: Path) -> None:
    answer = tmp_path / "answer.txt"
    answer.write_text('[{"label": "Save", "bbox_2d": [100, 100, 300, 200]}]')
    app = AppProcess(tmp_path / "profile", dict(x_server.env, DESKTOP_HELPER_SCRIPTED_BACKEND=str(answer)))
    try:
        app.wait_ready()
        x_server.xdotool("mousemove", "10", "10")
        found = app.cli("find", "the", "Save", "button")
        assert found.returncode == 0, found.stdout + found.stderr
        lines = found.stdout.strip().splitlines()
        assert lines[0] == "Looking for: the Save button"
        width, height = x_server.screens[0]
        # 0..1000 of the captured monitor, in its physical pixels
        x, y = round(100 * width / 1000), round(100 * height / 1000)
        w, h = round(300 * width / 1000) - x, round(200 * height / 1000) - y
        assert len(lines) == 2
        label, place = lines[1].split(": ", 1)
        assert label == "Save"
        numbers = dict(part.split("=") for part in place.split(" (")[0].split(", "))
        assert abs(int(numbers["x"]) - x) <= 2
        assert abs(int(numbers["y"]) - y) <= 2
        assert abs(int(numbers["w"]) - w) <= 2
        assert abs(int(numbers["h"]) - h) <= 2
        assert place.endswith("(monitor 1)")

        as_json = app.cli("find", "--json", "the", "Save", "button")
        assert as_json.returncode == 0, as_json.stderr
        result = json.loads(as_json.stdout)
        (item,) = result["items"]
        assert result["target"] == "the Save button"
        assert result["error"] is None
        assert (item["label"], item["kind"], item["monitor"]) == ("Save", "box", 1)
        assert (item["x"], item["y"], item["w"], item["h"]) == tuple(int(numbers[k]) for k in ("x", "y", "w", "h"))
        assert app.cli("quit").returncode == 0
        assert app.wait_exit() == 0
    finally:
        app.kill()


def test_find_from_the_cli_says_when_nothing_was_found(x_server: XServer, tmp_path: Path) -> None:
    answer = tmp_path / "answer.txt"
    answer.write_text("I cannot see any unicorn on this screen.")
    app = AppProcess(tmp_path / "profile", dict(x_server.env, DESKTOP_HELPER_SCRIPTED_BACKEND=str(answer)))
    try:
        app.wait_ready()
        result = subprocess.run(
            [sys.executable, "-m", "desktop_helper", "find", "--json", "a", "unicorn"],
            env=app.env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert result.returncode == 1
        reply = json.loads(result.stdout)
        assert reply["items"] == []
        assert reply["target"] == "a unicorn"
        assert reply["error"]
        plain = app.cli("find", "a", "unicorn")
        assert plain.returncode == 1
        assert plain.stdout.strip().splitlines()[-1].startswith("Nothing found for: a unicorn")
        assert app.cli("quit").returncode == 0
        assert app.wait_exit() == 0
    finally:
        app.kill()
