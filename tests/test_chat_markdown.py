"""Incremental Markdown for streaming answers: same result as rendering at once, bounded work per token."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_helper.ui.markdown import MAX_TAIL, StreamingMarkdown, display_text, html_snippet, render_markdown

ANSWER = (
    "# Plan\n\nFirst a paragraph with **bold** and `code`.\n\n"
    "1. one\n2. two\n\n"
    "```python\ndef f():\n\n    return 1\n```\n"
    "| a | b |\n|---|---|\n| 1 | 2 |\n\n"
    "The box: <|begin_of_box|>[10,20,30,40]<|end_of_box|>\n\nEnd."
)


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def _stream(text: str, step: int) -> tuple[list[str], StreamingMarkdown]:
    md = StreamingMarkdown()
    blocks: list[str] = []
    for start in range(0, len(text), step):
        blocks += md.feed(text[start : start + step])
    return blocks, md


@pytest.mark.parametrize("step", [1, 3, 7, 50])
def test_streamed_blocks_show_the_same_text_as_one_render(step: int) -> None:
    blocks, md = _stream(ANSWER, step)
    streamed = "".join(blocks) + md.tail_html()
    assert _text(streamed) == _text(render_markdown(ANSWER))
    assert "<table" in streamed
    assert '<pre style="' in streamed
    assert "[10,20,30,40]" in streamed
    assert "begin_of_box" not in streamed


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(["word ", "**b** ", "\n", "\n\n", "```\n", "- item\n", "| a |\n", "# h\n", "x" * 30]), max_size=60)
)
def test_any_text_keeps_every_character_of_the_answer(pieces: list[str]) -> None:
    text = "".join(pieces)
    md = StreamingMarkdown()
    for piece in pieces:
        md.feed(piece)
    # nothing is lost or duplicated between the stable part and the tail
    assert md.text == text
    assert text[: md.stable_end] + md.tail().removeprefix(md._prefix) == text


def test_tail_stays_bounded_for_long_paragraphs_lines_and_code() -> None:
    for text in (
        "word " * 6000,  # one enormous line
        "a line of a long paragraph\n" * 1500,  # a paragraph without blank lines
        "```python\n" + "x = 1\n" * 5000 + "```\n",  # a long code block
    ):
        md = StreamingMarkdown()
        longest = 0
        for start in range(0, len(text), 4):
            md.feed(text[start : start + 4])
            longest = max(longest, len(md.tail()))
        assert longest <= 2 * MAX_TAIL + 20


def test_long_code_block_pieces_stay_code() -> None:
    code = "```python\n" + "".join(f"value_{i} = {i}\n" for i in range(1000)) + "```\n"
    blocks, _md = _stream(code, 5)
    assert len(blocks) > 2
    assert all(block.startswith("<pre") for block in blocks)
    assert "value_999" in "".join(blocks)


def test_math_is_marked_but_prices_and_code_are_not() -> None:
    shown = display_text("Energy $$E = mc^2$$ and \\(a^2\\) for $5, `$$kept$$`")
    assert "```math\nE = mc^2\n```" in shown
    assert "`a^2`" in shown
    assert "$5" in shown
    assert "`$$kept$$`" in shown


def test_html_in_answers_is_shown_as_text_and_offered_for_preview() -> None:
    answer = "Here:\n\n```html\n<button onclick='x()'>Go</button>\n```\n"
    rendered = render_markdown(answer)
    assert "<button" not in rendered
    assert "&lt;" in rendered
    assert html_snippet(answer) == "<button onclick='x()'>Go</button>\n"
    assert html_snippet("<!DOCTYPE html><html><body>hi</body></html>") == "<!DOCTYPE html><html><body>hi</body></html>"
    assert html_snippet("no page here") is None
    assert "<script" not in render_markdown("<script>alert(1)</script>")
