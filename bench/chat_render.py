"""Chat rendering: per-token UI cost late in a long answer vs at its start, and opening a long conversation.

* ``render_ratio``: median CPU cost (GUI thread) of one streamed token (view update + Qt event
  processing, so layout and paint are included) when the answer is ~20,000 characters long, divided by the same at its
  start. Goal <= 2. The baseline in the same run re-renders the whole answer per token (what a
  naive view does); its ratio shows what the incremental renderer avoids.
* ``open_500_ms``: time to open a stored conversation of 500 messages (history read + one
  document build + first paint); the baseline opens one of 50.

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
        ratio = late / early
        naive_ratio = naive_late / naive_early
        print(f"incremental: {early * 1000:.2f} ms/token at the start, {late * 1000:.2f} at 20,000 chars: ratio {ratio:.2f}")
        print(f"baseline (re-render per token): {naive_early * 1000:.2f} -> {naive_late * 1000:.2f} ms/token: {naive_ratio:.2f}")
        print(f"open a 500-message conversation: {open_500:.0f} ms (50 messages: {open_50:.0f} ms)")
        summary(
            {
                "render_ratio": ratio,
                "token_ms_start": early * 1000,
                "token_ms_20k": late * 1000,
                "baseline_render_ratio": naive_ratio,
                "baseline_token_ms_20k": naive_late * 1000,
                "open_500_ms": open_500,
                "open_50_ms": open_50,
            }
        )


if __name__ == "__main__":
    main()
