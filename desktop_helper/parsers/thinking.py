"""Separate GLM's reasoning from its answer, on whole texts and on token streams.

GLM-4.5V/4.6V reason inside ``<think>`` ... ``</think>`` before answering. Depending on the
template and the thinking switch, the opening tag is in the prompt (then the output starts inside
the reasoning and only ``</think>`` appears) or in the output; with thinking off the template
pre-fills an empty ``<think></think>`` and the output is all answer. Tool calls
(``<tool_call>`` ... ``</tool_call>``) follow the reasoning and must not reach the visible answer
as raw markup, so the stream splitter also routes them to their own channel.

Everything here is a pure function or a small state machine over text: no I/O, no model. The stream
splitter gives the same result however the text is cut into deltas (a tag may arrive a character at
a time), so nothing it decides depends on where a delta ended.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

THINK_OPEN = "<think>"
THINK_CLOSE = "</think>"
TOOL_OPEN = "<tool_call>"
TOOL_CLOSE = "</tool_call>"
#: a special token some outputs put before the reasoning; it does not start the answer
BOX_OPEN = "<|begin_of_box|>"


def split_thinking(raw: str, *, starts_in_thinking: bool = False) -> tuple[str, str]:
    """Split a complete GLM output into (thinking, answer).

    Args:
        raw: the model's text.
        starts_in_thinking: the prompt already opened ``<think>`` (the output may lack it).

    Returns:
        The reasoning (stripped) and the answer (leading whitespace removed). Without a
        ``</think>`` the text is all answer, unless the output opened a ``<think>`` itself or
        ``starts_in_thinking`` is set: then it was cut off mid-reasoning and is all thinking.
        A ``</think>`` with no ``<think>`` before it means the prompt opened the reasoning: what
        comes before it is reasoning (a stream cannot know that in time; a whole text can).
    """
    closing = raw.find(THINK_CLOSE)
    if closing != -1 and THINK_OPEN not in raw[:closing]:
        starts_in_thinking = True
    splitter = ThinkingSplitter(starts_in_thinking=starts_in_thinking, route_tool_calls=False)
    chunks = [*splitter.feed(raw), *splitter.finish()]
    thinking = "".join(c.text for c in chunks if c.channel is Channel.THINKING)
    answer = "".join(c.text for c in chunks if c.channel is Channel.ANSWER)
    return thinking.strip(), answer.lstrip()


class Channel(enum.Enum):
    THINKING = "thinking"
    ANSWER = "answer"
    #: the raw text of one ``<tool_call>`` block, tags included, delivered whole when it closes
    TOOL_CALL = "tool_call"


@dataclass(frozen=True)
class Chunk:
    channel: Channel
    text: str


class ThinkingSplitter:
    """Incremental splitter: feed text deltas, get thinking / answer / tool-call chunks.

    Tags split across deltas are handled by holding back any suffix that could still become a
    tag, so a delta boundary never leaks ``<thi`` into the answer. Tool-call blocks are buffered
    until ``</tool_call>`` (or the end of the stream) and delivered as one chunk for a parser.
    ``<think>`` opens the reasoning only before any answer text (whitespace and ``<|begin_of_box|>``
    are not answer text); a lone ``</think>`` is dropped, and what came before it stays answer, since
    it may already have been shown (use ``starts_in_thinking`` when the prompt opened the reasoning).

    Args:
        starts_in_thinking: the prompt ended inside an open ``<think>``.
        route_tool_calls: send ``<tool_call>`` blocks to :attr:`Channel.TOOL_CALL` instead of the answer.
    """

    def __init__(self, *, starts_in_thinking: bool = False, route_tool_calls: bool = True) -> None:
        self._channel = Channel.THINKING if starts_in_thinking else Channel.ANSWER
        self._route_tools = route_tool_calls
        self._pending = ""
        self._tool_buffer = ""
        # whitespace after </think> (and before the first answer text) is template layout
        self._answer_emitted = False
        # answer text other than whitespace and box tokens: after it, "<think>" is just words
        self._answer_started = False
        self._thinking_seen = starts_in_thinking

    @property
    def in_thinking(self) -> bool:
        return self._channel is Channel.THINKING

    def feed(self, text: str) -> list[Chunk]:
        """Consume a delta; return the chunks that are certain now."""
        self._pending += text
        out: list[Chunk] = []
        while self._pending:
            tags = self._tags_for_state()
            index, tag = _find_first(self._pending, tags)
            if tag is None:
                keep = _partial_tag_suffix(self._pending, tags)
                ready = self._pending[: len(self._pending) - keep] if keep else self._pending
                self._pending = self._pending[len(ready) :]
                self._emit(out, ready)
                break
            self._emit(out, self._pending[:index])
            self._pending = self._pending[index + len(tag) :]
            if tag not in self._tags_for_state():
                # the text before it started the answer, so this "<think>" is words, as it would be
                # had that text come in an earlier delta
                self._emit(out, tag)
                continue
            self._switch(tag, out)
        return out

    def finish(self) -> list[Chunk]:
        """Flush at the end of the stream (an unclosed tool call is delivered as it is)."""
        out: list[Chunk] = []
        self._emit(out, self._pending)
        self._pending = ""
        if self._channel is Channel.TOOL_CALL and self._tool_buffer:
            out.append(Chunk(Channel.TOOL_CALL, self._tool_buffer))
            self._tool_buffer = ""
            self._channel = Channel.ANSWER
        return out

    def _tags_for_state(self) -> tuple[str, ...]:
        if self._channel is Channel.THINKING:
            return (THINK_CLOSE,)
        if self._channel is Channel.TOOL_CALL:
            return (TOOL_CLOSE, TOOL_OPEN)
        tags: tuple[str, ...] = (THINK_CLOSE,) if not self._thinking_seen else ()
        if not self._answer_started and not self._thinking_seen:
            tags = (THINK_OPEN, BOX_OPEN, *tags)
        if self._route_tools:
            tags = (*tags, TOOL_OPEN)
        return tags

    def _switch(self, tag: str, out: list[Chunk]) -> None:
        if tag == THINK_OPEN:
            self._channel = Channel.THINKING
            self._thinking_seen = True
        elif tag == BOX_OPEN:
            self._emit(out, tag)
        elif tag == THINK_CLOSE:
            self._channel = Channel.ANSWER
            self._thinking_seen = True
            self._answer_emitted = self._answer_started = False
        elif tag == TOOL_OPEN:
            if self._channel is Channel.TOOL_CALL and self._tool_buffer:
                # a new call before the previous one closed: deliver the previous one as it is
                out.append(Chunk(Channel.TOOL_CALL, self._tool_buffer))
            self._channel = Channel.TOOL_CALL
            self._tool_buffer = TOOL_OPEN
        elif tag == TOOL_CLOSE:
            out.append(Chunk(Channel.TOOL_CALL, self._tool_buffer + TOOL_CLOSE))
            self._tool_buffer = ""
            self._channel = Channel.ANSWER

    def _emit(self, out: list[Chunk], text: str) -> None:
        if not text:
            return
        if self._channel is Channel.TOOL_CALL:
            self._tool_buffer += text
            return
        if self._channel is Channel.ANSWER:
            if not self._answer_emitted:
                text = text.lstrip()
                if not text:
                    return
                self._answer_emitted = True
            if not self._answer_started and text.replace(BOX_OPEN, "").strip():
                self._answer_started = True
        if out and out[-1].channel is self._channel:
            out[-1] = Chunk(self._channel, out[-1].text + text)
        else:
            out.append(Chunk(self._channel, text))


def _find_first(text: str, tags: Iterable[str]) -> tuple[int, str | None]:
    best_index, best_tag = len(text), None
    for tag in tags:
        index = text.find(tag)
        if index != -1 and index < best_index:
            best_index, best_tag = index, tag
    return best_index, best_tag


def _partial_tag_suffix(text: str, tags: Iterable[str]) -> int:
    """Length of the longest suffix of ``text`` that is a proper prefix of one of ``tags``."""
    longest = 0
    for tag in tags:
        for length in range(min(len(tag) - 1, len(text)), longest, -1):
            if text.endswith(tag[:length]):
                longest = length
                break
    return longest
