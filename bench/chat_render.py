"""Chat rendering: per-token UI cost late in a long answer vs at its start, and opening a long conversation.

* ``render_ratio``: median CPU cost (GUI thread) of one streamed token (view update + Qt event
  processing, so layout and paint are included) when the answer is ~20,000 characters long, divided by the same at its
  start. Goal <= 2. The baseline in the same run re-renders the whole answer per token (what a
  naive view does); its ratio shows what the incremental renderer avoids.
* ``open_500_ms``: time to open a stored conversation of 500 messages (history read + one
  document build + first paint); the baseline opens one of 50.
* ``long_answer_256k_s`` / ``long_question_1m_s``: time for the chat to show a 256 KB single-line
  answer (streamed 4 characters at a time by the scripted backend) and to send and show a 1 MB
  single-line question, with the longest the GUI thread went without its event loop
  (``..._stall_ms``; goal: about a frame). The baseline lays out an unfolded 32 KB unbroken line in
  a text browser, as the view did before folding (it grows quadratically: 256 KB took minutes).

Run: ``uv run python bench/chat_render.py``.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import display, median, summary

TOKEN = 4  # characters per streamed token (GLM tokens average ~4 characters of English)
TARGET = 20_000


def long_answer(length: int = TARGET + 2000) -> str:
    """Markdown like a real long answer: headings, paragraphs, lists, a table and code blocks."""
    pieces: list[str] = []
    section = 0
    while sum(len(p) for p in pieces) < length:
        section += 1
        pieces.append(f"## Step {section}\n\n")
        pieces.append(
            f"In this step we look at **part {section}** of the screen and explain what the `widget_{section}` "
            "does, why it matters and how to change it without breaking the rest of the layout.\n\n"
        )
        pieces.append("".join(f"- item {section}.{i}: a short note about the element\n" for i in range(4)) + "\n")
        if section % 3 == 0:
            pieces.append("| field | value |\n|---|---|\n" + "".join(f"| f{i} | {i * section} |\n" for i in range(5)) + "\n")
        if section % 2 == 0:
            code = "".join(f"def handler_{section}_{i}(event):\n    return event.x + {i}\n" for i in range(4))
            pieces.append("```python\n" + code + "```\n\n")
    return "".join(pieces)


def per_token_costs(app, answer: str, incremental: bool) -> tuple[float, float]:
    """Median seconds per token at the start (first 1,000 chars) and at ~20,000 chars."""
    from desktop_helper.ui.conversation_view import ConversationView, ViewMessage
    from desktop_helper.ui.markdown import render_markdown

    view = ConversationView(lambda _key: None)
    view.resize(800, 700)
    view.show()
    app.processEvents()
    view.begin_stream(ViewMessage(1, "assistant", status="streaming"))
    early: list[float] = []
    late: list[float] = []
    text = ""
    start = 0
    while start < TARGET:
        chunk = answer[start : start + TOKEN]
        began = time.thread_time()
        if incremental:
            view.stream_text(chunk)
            view.flush()  # render now (the view renders at most once per frame by itself)
        else:
            text += chunk
            view.setHtml(render_markdown(text))
            bar = view.verticalScrollBar()
            bar.setValue(bar.maximum())
        app.processEvents()
        spent = time.thread_time() - began
        start += len(chunk)
        if start <= 1000:
            early.append(spent)
        elif start >= TARGET - 1000:
            late.append(spent)
        elif not incremental:
            # the naive baseline costs O(length) per token: jump over the middle of the answer
            start = TARGET - 1000
            text = answer[:start]
    view.close()
    view.deleteLater()
    app.processEvents()
    return median(early), median(late)


def open_time(app, messages: int, runs: int = 3) -> float:
    from desktop_helper.history.store import HistoryStore
    from desktop_helper.ui.chat_window import ChatWindow

    folder = Path(tempfile.mkdtemp(prefix="bench-chat-"))
    history = HistoryStore(folder / "history.sqlite3", folder / "attachments")
    conversation = history.create_conversation(title="long")
    answer = long_answer(600)
    for index in range(messages // 2):
        history.add_message(conversation.id, "user", f"Question {index}: what does the button at the top do?")
        history.add_message(conversation.id, "assistant", answer, thinking="Let me look at the screenshot carefully. " * 5)
    window = ChatWindow(history, None, None, preview_dir=folder / "preview")
    window.resize(1000, 800)
    window.show()
    app.processEvents()
    times = []
    for _ in range(runs):
        window.new_conversation()
        app.processEvents()
        began = time.perf_counter()
        window.open_conversation(conversation.id)
        window.view.viewport().repaint()
        app.processEvents()
        times.append(time.perf_counter() - began)
    window.shutdown()
    window.close()
    window.deleteLater()
    app.processEvents()
    history.close()
    return median(times) * 1000


def _longest_stall(app, run) -> tuple[float, float]:
    """Seconds ``run()`` takes, and the longest the GUI thread went without its event loop meanwhile."""
    from PySide6.QtCore import QTimer

    gaps = [0.0]
    last = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(beat)
    timer.start()
    began = last[0] = time.perf_counter()
    run()
    beat()
    timer.stop()
    return time.perf_counter() - began, max(gaps)


def long_line_times(app) -> dict[str, float]:
    """The chat showing a 256 KB single-line answer and a 1 MB single-line question (scripted backend)."""
    from desktop_helper.backends.scripted import ScriptedBackend
    from desktop_helper.history.store import HistoryStore
    from desktop_helper.settings.store import Settings
    from desktop_helper.ui.backend_service import BackendService
    from desktop_helper.ui.chat_window import ChatWindow

    line = "".join(chr(ord("a") + i % 26) for i in range(256 * 1024))
    question = "q" * (1024 * 1024)
    folder = Path(tempfile.mkdtemp(prefix="bench-chat-long-"))
    settings = Settings(folder / "settings.json")
    history = HistoryStore(folder / "history.sqlite3", folder / "attachments")
    service = BackendService(settings, None, env={})
    service.set_backend(ScriptedBackend([line, "I got it."], chunk_size=TOKEN), "scripted")
    window = ChatWindow(history, service, settings, preview_dir=folder / "preview")
    window.resize(1000, 800)
    window.show()
    app.processEvents()
    finished: list[int] = []
    window.generation_finished.connect(finished.append)

    def ask(text: str) -> None:
        count = len(finished)
        if window.input.toPlainText() != text:
            window.input.setPlainText(text)
        window.send()
        while len(finished) == count:
            app.processEvents()
        window.view.viewport().repaint()
        app.processEvents()

    answer_s, answer_stall = _longest_stall(app, lambda: ask("a long line, please"))
    window.input.setPlainText(question)  # the paste itself is measured apart: one layout of the box
    app.processEvents()
    question_s, question_stall = _longest_stall(app, lambda: ask(question))
    stored = history.messages(window.conversation_id or 0)
    if stored[1].content != line or stored[2].content != question:
        raise RuntimeError("the long texts were not stored whole")
    window.shutdown()
    window.close()
    window.deleteLater()
    service.shutdown()
    app.processEvents()
    history.close()
    return {
        "long_answer_256k_s": answer_s,
        "long_answer_256k_stall_ms": answer_stall * 1000,
        "long_question_1m_s": question_s,
        "long_question_1m_stall_ms": question_stall * 1000,
    }


def unfolded_line_baseline(app, length: int = 32 * 1024) -> float:
    """Seconds to lay out one unbroken line of ``length`` characters unfolded (the view before folding)."""
    from PySide6.QtWidgets import QTextBrowser

    from desktop_helper.ui.markdown import render_markdown

    browser = QTextBrowser()
    browser.resize(800, 700)
    browser.show()
    app.processEvents()
    began = time.perf_counter()
    browser.setHtml(render_markdown("".join(chr(ord("a") + i % 26) for i in range(length))))
    browser.viewport().repaint()
    app.processEvents()
    seconds = time.perf_counter() - began
    browser.close()
    browser.deleteLater()
    app.processEvents()
    return seconds


def main() -> None:
    with display():
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance() or QApplication([])
        answer = long_answer()
        # CPU time of the GUI thread (other processes on a shared machine do not count), median of 3 runs
        runs = [per_token_costs(app, answer, incremental=True) for _ in range(3)]
        early = median([r[0] for r in runs])
        late = median([r[1] for r in runs])
        naive_early, naive_late = per_token_costs(app, answer, incremental=False)
        open_500 = open_time(app, 500)
        open_50 = open_time(app, 50)
        long_lines = long_line_times(app)
        unfolded_32k = unfolded_line_baseline(app)
        ratio = late / early
        naive_ratio = naive_late / naive_early
        print(f"incremental: {early * 1000:.2f} ms/token at the start, {late * 1000:.2f} at 20,000 chars: ratio {ratio:.2f}")
        print(f"baseline (re-render per token): {naive_early * 1000:.2f} -> {naive_late * 1000:.2f} ms/token: {naive_ratio:.2f}")
        print(f"open a 500-message conversation: {open_500:.0f} ms (50 messages: {open_50:.0f} ms)")
        print(
            f"256 KB answer line: {long_lines['long_answer_256k_s']:.2f} s "
            f"(longest stall {long_lines['long_answer_256k_stall_ms']:.0f} ms); "
            f"1 MB question: {long_lines['long_question_1m_s']:.2f} s "
            f"(longest stall {long_lines['long_question_1m_stall_ms']:.0f} ms); "
            f"baseline, a 32 KB line laid out unfolded: {unfolded_32k:.2f} s"
        )
        summary(
            {
                "render_ratio": ratio,
                "token_ms_start": early * 1000,
                "token_ms_20k": late * 1000,
                "baseline_render_ratio": naive_ratio,
                "baseline_token_ms_20k": naive_late * 1000,
                "open_500_ms": open_500,
                "open_50_ms": open_50,
                **long_lines,
                "baseline_unfolded_32k_line_s": unfolded_32k,
            }
        )


if __name__ == "__main__":
    main()
