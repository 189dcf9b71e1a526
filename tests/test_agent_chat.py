"""Starting the GUI agent from the chat window with ``/agent <task>``."""

from __future__ import annotations

from typing import Any


def test_slash_agent_starts_the_agent_not_a_chat_answer(qtbot: Any) -> None:
    from desktop_helper.ui.chat_window import ChatWindow

    window = ChatWindow()
    qtbot.addWidget(window)
    try:
        window.input.setPlainText("/agent Open the settings and turn on dark mode")
        with qtbot.waitSignal(window.agent_requested, timeout=2000) as requested:
            window.send()
        assert requested.args == ["Open the settings and turn on dark mode"]
        assert window.input.toPlainText() == ""
        assert not window.runner.busy
        # a word that merely starts with /agent is a normal question
        received: list[str] = []
        window.agent_requested.connect(received.append)
        window.input.setPlainText("/agentic workflows?")
        window.send()
        assert received == []
    finally:
        window.shutdown()
