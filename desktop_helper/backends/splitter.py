"""Raw model text to backend events: the one stream splitter (:class:`~desktop_helper.parsers.thinking.ThinkingSplitter`)
plus tool-call parsing, shared by every backend that reads GLM's raw text (llama.cpp's tokens, a server's
``content`` with inline ``<think>``/``<tool_call>`` markup).

The split does not depend on how the text is cut into pieces (the splitter's property); this adapter
only names the pieces as events.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from desktop_helper.backends.base import Event, TextDelta, ThinkingDelta, ToolCallEvent
from desktop_helper.core.types import ToolSpec
from desktop_helper.parsers.thinking import Channel, Chunk, ThinkingSplitter
from desktop_helper.parsers.tool_calls import parse_tool_calls

log = logging.getLogger(__name__)


class EventSplitter:
    """Feed raw text pieces, get :data:`Event` s: answer, reasoning, and parsed tool calls.

    Args:
        tools: the request's tools (the parser checks calls against them).
        parse_calls: route ``<tool_call>`` blocks to the parser; default: only when the request has
            tools (without them a ``<tool_call>`` in the text is just text).
        starts_in_thinking: the prompt ended inside an open ``<think>``.
    """

    def __init__(self, tools: Sequence[ToolSpec] = (), *, parse_calls: bool | None = None, starts_in_thinking: bool = False):
        self._tools = tuple(tools)
        route = bool(tools) if parse_calls is None else parse_calls
        self._splitter = ThinkingSplitter(starts_in_thinking=starts_in_thinking, route_tool_calls=route)
        #: tool calls produced so far
        self.produced_calls = 0

    def feed(self, text: str) -> list[Event]:
        return self._events(self._splitter.feed(text))

    def finish(self, keep_partial_calls: bool = True) -> list[Event]:
        """Flush what was held back; an unclosed tool call is parsed leniently (or dropped when not kept)."""
        chunks = self._splitter.finish()
        if not keep_partial_calls:
            chunks = [c for c in chunks if c.channel is not Channel.TOOL_CALL]
        return self._events(chunks)

    def _events(self, chunks: Sequence[Chunk]) -> list[Event]:
        events: list[Event] = []
        for chunk in chunks:
            if chunk.channel is Channel.THINKING:
                events.append(ThinkingDelta(chunk.text))
            elif chunk.channel is Channel.ANSWER:
                events.append(TextDelta(chunk.text))
            else:
                parsed = parse_tool_calls(chunk.text, self._tools)
                for call in parsed.calls:
                    self.produced_calls += 1
                    events.append(ToolCallEvent(call))
                if parsed.errors:
                    # not a call after all: keep the raw text visible rather than drop what the model said
                    log.warning("unreadable tool call from the model: %s", "; ".join(parsed.errors))
                    events.append(TextDelta(chunk.text))
        return events
