"""Reasoning / answer / tool-call separation of GLM output, whole and streamed in any pieces."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_helper.parsers.thinking import Channel, Chunk, ThinkingSplitter, split_thinking

SAMPLES = [
    # (raw output, starts_in_thinking, thinking, answer, tool blocks)
    ("<think>The button is top right.</think>\nIt is at <|begin_of_box|>[900,10,990,60]<|end_of_box|>.", False,
     "The button is top right.", "It is at <|begin_of_box|>[900,10,990,60]<|end_of_box|>.", []),
    ("Plain answer, thinking was off.", False, "", "Plain answer, thinking was off.", []),
    ("\nLeading newline from the template.", False, "", "Leading newline from the template.", []),
    ("reasoning without an opening tag</think>answer", True, "reasoning without an opening tag", "answer", []),
    ("<think>cut off mid-reasoning", False, "cut off mid-reasoning", "", []),
    ("<think>I should click.</think>\n<tool_call>click\n<arg_key>x</arg_key>\n<arg_value>5</arg_value>\n</tool_call>", False,
     "I should click.", "", ["<tool_call>click\n<arg_key>x</arg_key>\n<arg_value>5</arg_value>\n</tool_call>"]),
    ("Let me look.<tool_call>zoom\n<arg_key>box</arg_key>\n<arg_value>[1,2,3,4]</arg_value>", False,
     "", "Let me look.", ["<tool_call>zoom\n<arg_key>box</arg_key>\n<arg_value>[1,2,3,4]</arg_value>"]),
    ("<think>a</think>b<tool_call>one</tool_call>c<tool_call>two</tool_call>", False, "a", "bc",
     ["<tool_call>one</tool_call>", "<tool_call>two</tool_call>"]),
    ("Text mentioning < and <th and </ but no tags", False, "", "Text mentioning < and <th and </ but no tags", []),
]  # fmt: skip


def _run(pieces: list[str], starts_in_thinking: bool) -> tuple[str, str, list[str]]:
    splitter = ThinkingSplitter(starts_in_thinking=starts_in_thinking)
    chunks: list[Chunk] = []
    for piece in pieces:
        chunks.extend(splitter.feed(piece))
    chunks.extend(splitter.finish())
    thinking = "".join(c.text for c in chunks if c.channel is Channel.THINKING)
    answer = "".join(c.text for c in chunks if c.channel is Channel.ANSWER)
    tools = [c.text for c in chunks if c.channel is Channel.TOOL_CALL]
    return thinking.strip(), answer, tools


@pytest.mark.parametrize(("raw", "starts", "thinking", "answer", "tools"), SAMPLES)
def test_whole_output(raw: str, starts: bool, thinking: str, answer: str, tools: list[str]) -> None:
    assert _run([raw], starts) == (thinking, answer, tools)


@pytest.mark.parametrize(("raw", "starts", "thinking", "answer", "tools"), SAMPLES)
def test_one_character_at_a_time(raw: str, starts: bool, thinking: str, answer: str, tools: list[str]) -> None:
    assert _run(list(raw), starts) == (thinking, answer, tools)


@given(data=st.data())
def test_any_split_gives_the_same_result(data: st.DataObject) -> None:
    raw, starts, thinking, answer, tools = data.draw(st.sampled_from(SAMPLES))
    cuts = sorted(data.draw(st.sets(st.integers(0, len(raw)), max_size=12)))
    pieces = [raw[a:b] for a, b in zip([0, *cuts], [*cuts, len(raw)], strict=True)]
    assert _run(pieces, starts) == (thinking, answer, tools)


@given(st.lists(st.sampled_from(["a", " ", "<", ">", "/", "think", "<think>", "</think>", "\n"]), max_size=30).map("".join))
def test_never_loses_or_invents_text(raw: str) -> None:
    splitter = ThinkingSplitter(route_tool_calls=False)
    chunks = [*splitter.feed(raw), *splitter.finish()]
    joined = "".join(c.text for c in chunks)

    def plain(text: str) -> str:
        # only tags (a literal one after the reasoning stays text) and layout whitespace (before the
        # answer starts) may differ
        return "".join(text.replace("<think>", "").replace("</think>", "").split())

    assert plain(joined) == plain(raw)


def test_split_thinking_function() -> None:
    assert split_thinking("<think> why </think>\n\nbecause") == ("why", "because")
    assert split_thinking("no tags") == ("", "no tags")
    assert split_thinking("why</think>because", starts_in_thinking=True) == ("why", "because")


def test_layout_whitespace_before_the_answer_is_dropped_for_every_backend() -> None:
    """The local model and a server's inline text go through one splitter, so they agree on layout."""
    splitter = ThinkingSplitter()
    chunks = [*splitter.feed("  <think>a</think>\n "), *splitter.feed("b"), *splitter.finish()]
    assert [(c.channel, c.text) for c in chunks] == [(Channel.THINKING, "a"), (Channel.ANSWER, "b")]
