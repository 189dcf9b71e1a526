"""The chat with very long lines (issue 18.4): shown quickly, the GUI thread never stuck, nothing lost.

Each case streams through the real chat window (scripted backend, real SQLite history) while a
5 ms heartbeat timer measures how long the GUI thread is kept from its event loop. On main a
256 KB answer line took about two minutes and a pasted 1 MB question about three.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from desktop_helper.backends.scripted import ScriptedBackend
from tests.test_chat_status import Chat

pytestmark = [pytest.mark.gui]

KB = 1024
UNBROKEN_256K = "".join(chr(ord("a") + i % 26) for i in range(256 * KB))
WORDS_256K = ("lorem ipsum dolor sit amet " * (256 * KB // 27 + 1))[: 256 * KB]
# generous for a loaded 2-core machine; main needs minutes
MAX_SECONDS = 20.0
MAX_STALL_S = 2.0


class Heartbeat:
    """The longest time the GUI thread went without running its event loop, while started."""

    def __init__(self) -> None:
        self.longest = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(5)
        self._timer.timeout.connect(self._beat)

    def _beat(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now

    def __enter__(self) -> Heartbeat:
        self._last = time.perf_counter()
        self._timer.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._beat()
        self._timer.stop()


@pytest.fixture
def chat_for(qtbot: QtBot, tmp_path: Path) -> Iterator:
    made: list[Chat] = []

    def make(answer: str) -> Chat:
        made.append(Chat(qtbot, tmp_path, ScriptedBackend([answer], chunk_size=4)))
        made[-1].window.resize(1000, 760)
        return made[-1]

    yield make
    for chat in made:
        chat.close()


@pytest.mark.parametrize(
    ("answer", "folded_line"),
    [
        (UNBROKEN_256K, UNBROKEN_256K),
        (WORDS_256K, WORDS_256K),
        ("Here is the file:\n\n```\n" + UNBROKEN_256K[: 100 * KB] + "\n```\n", UNBROKEN_256K[: 100 * KB]),
        ("<think>" + UNBROKEN_256K + "</think>The answer is short.", ""),
    ],
    ids=["answer-256k-unbroken-line", "answer-256k-line-of-words", "answer-100k-line-in-code-block", "thinking-256k-line"],
)
def test_bad_input_huge_answer_line_shows_at_once_and_stays_whole(
    qtbot: QtBot, chat_for: object, answer: str, folded_line: str
) -> None:
    chat = chat_for(answer)  # type: ignore[operator]
    window = chat.window
    window.input.setPlainText("Show me the long line.")
    with Heartbeat() as heart:
        began = time.perf_counter()
        with qtbot.waitSignal(window.generation_finished, timeout=int(MAX_SECONDS * 1000)) as finished:
            qtbot.keyClick(window.input, Qt.Key.Key_Return)
        window.view.viewport().repaint()
        seconds = time.perf_counter() - began
    assert seconds < MAX_SECONDS
    assert heart.longest < MAX_STALL_S, f"the GUI thread was stuck for {heart.longest:.2f} s"
    message_id = int(finished.args[0])
    stored = chat.history.message(message_id)
    assert stored.status == "complete"
    assert "<think>" + stored.thinking + "</think>" + stored.content == answer or stored.content == answer
    shown = window.view.toPlainText()
    if folded_line:
        # the head and the end of the line are there, the middle is folded, and the link says how big it is
        assert folded_line[:1000] in shown
        assert folded_line[-500:] in shown
        assert folded_line not in shown
        assert "characters not shown" in shown
        assert "Show full text (" in shown
        # the link opens the whole text; Copy copies it whole
        viewer = window.show_full_text(message_id)
        assert viewer.text.toPlainText() == stored.content
        viewer.close()
        window._message_action("copy", message_id)
        assert QGuiApplication.clipboard().text() == stored.content
    else:
        assert "The answer is short." in shown


def test_bad_input_pasted_1mb_question_line(qtbot: QtBot, chat_for: object) -> None:
    question = "".join(chr(ord("a") + i % 26) for i in range(1024 * KB))
    chat = chat_for("I got it.")  # type: ignore[operator]
    window = chat.window
    QGuiApplication.clipboard().setText(question)
    window.input.setFocus()
    with Heartbeat() as heart:
        qtbot.keyClick(window.input, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        window.input.viewport().repaint()
    assert window.input.toPlainText() == question
    # pasting a megabyte is one Qt layout of it: a second or two, not minutes
    assert heart.longest < 4 * MAX_STALL_S, f"pasting held the GUI thread for {heart.longest:.2f} s"
    # pasted again over itself (select all, paste): the box is emptied on the way, and the new text
    # must still not be laid out word-wrapped
    with Heartbeat() as heart:
        qtbot.keyClick(window.input, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(window.input, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        window.input.setPlainText(question)  # as Edit and the mini window put a question back
        window.input.viewport().repaint()
    assert window.input.toPlainText() == question
    assert heart.longest < 4 * MAX_STALL_S, f"pasting over it held the GUI thread for {heart.longest:.2f} s"
    with Heartbeat() as heart:
        began = time.perf_counter()
        with qtbot.waitSignal(window.generation_finished, timeout=int(MAX_SECONDS * 1000)):
            qtbot.keyClick(window.input, Qt.Key.Key_Return)
        window.view.viewport().repaint()
        seconds = time.perf_counter() - began
    assert seconds < MAX_SECONDS
    assert heart.longest < MAX_STALL_S, f"the GUI thread was stuck for {heart.longest:.2f} s"
    stored = chat.history.messages(window.conversation_id or 0)
    assert stored[0].content == question
    assert stored[1].content == "I got it."
    shown = window.view.toPlainText()
    assert question[:1000] in shown
    assert "Show full text (1,024 KB)" in shown
    assert "I got it." in shown
    # after sending, the question box wraps at word boundaries again
    window.input.setPlainText("a short one")
    from PySide6.QtGui import QTextOption

    assert window.input.wordWrapMode() != QTextOption.WrapMode.WrapAnywhere
