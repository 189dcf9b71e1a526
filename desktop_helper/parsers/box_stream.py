"""Grounding boxes parsed while the answer streams, each shown as soon as it is complete.

:class:`BoxStream` gives exactly what :func:`~desktop_helper.parsers.boxes.parse_boxes` gives for the
text so far, but parses each piece of a long answer once instead of the whole answer on every token.
"""

from __future__ import annotations

import re

from desktop_helper.parsers.boxes import (
    BEGIN_BOX,
    END_BOX,
    GROUP_RE,
    KEY_RE,
    OBJECT_RE,
    BoxParseResult,
    GroundingItem,
    SortedItems,
    extract_items,
    parse_boxes,
    sorted_result,
)


class BoxStream:
    """Parses a grounding answer while it streams, so each box can be shown as soon as it is complete.

    :meth:`result` is always exactly ``parse_boxes(answer, thinking)`` of everything fed so far, but
    costs only the text after the last *cut*: a point where no construct the parser reads (JSON
    object, box wrapper, bracket group, the prose line a label comes from) is open, so the text
    before it parses the same on its own and is parsed once. Cuts are taken after a JSON object with
    coordinates, after a box wrapper and at line ends. Answers with inline reasoning tags
    (``<think>``, ``<answer>``), which real backends split off, are parsed whole.
    """

    def __init__(self) -> None:
        self._answer = _SegmentedText()
        self._thinking = _SegmentedText()

    def feed(self, answer: str = "", thinking: str = "") -> None:
        """Append streamed answer and reasoning text."""
        if answer:
            self._answer.append(answer)
        if thinking:
            self._thinking.append(thinking)

    @property
    def answer(self) -> str:
        return self._answer.text

    @property
    def thinking(self) -> str:
        return self._thinking.text

    @property
    def settled_chars(self) -> int:
        """How much of the answer is parsed for good (the rest may still change what it means)."""
        return self._answer.settled_cut

    @property
    def pending_chars(self) -> int:
        """How much of the answer each call parses again (the rest is parsed once, as it arrives)."""
        return len(self._answer.text) - self._answer.cut

    @property
    def _has_inline_tags(self) -> bool:
        return self._answer.has_inline_tags

    def settled(self) -> BoxParseResult:
        """The answer's items that no later text can change (those before the last cut)."""
        if self._has_inline_tags:
            return BoxParseResult()  # a later tag may still turn them into reasoning
        return self._answer.settled()

    def so_far(self) -> BoxParseResult:
        """The settled items, and the boxes of a box wrapper still being written.

        The model may write many boxes in one wrapper (``<|begin_of_box|>[[..], [..]]``), which
        settles only at its end tag; each of its groups is a box as soon as it closes, unless a JSON
        object follows inside the wrapper (then the parser reads the wrapper as plain text).
        """
        if self._has_inline_tags:
            return self.settled()
        answer = self._answer
        end = answer.open_wrapper_groups_end()
        if not end:
            # the groups of an open wrapper before a provisional cut count too
            return answer.cut_result() if answer.wrapper_label is not None else self.settled()
        return answer.result(end)

    def result(self) -> BoxParseResult:
        """What ``parse_boxes`` gives for the text so far (items of a partial answer may change)."""
        if self._has_inline_tags:
            return parse_boxes(self._answer.text, self._thinking.text)
        return self._answer.result(thinking_items=self._thinking.items())


#: Tags that make :func:`parse_boxes` move or drop text before reading it (see ``boxes._split_inline_thinking``).
_INLINE_TAGS = ("<think>", "</think>", "<answer>", "</answer>")
# Where a cut may go: after a JSON object's brace, a box wrapper's end tag, or a line.
_CUT_RE = re.compile(r"\}|" + re.escape(END_BOX) + r"|\n")
# An opening bracket followed only by what a group may hold, up to the end: a group may still close there.
_OPEN_GROUP_RUN_RE = re.compile(r"[\[(<][\s\d,;.\-]*\Z")
# What a bracket group holds between its brackets: numbers and separators.
_GROUP_CHARS = frozenset(" \t\n\r\f\v,;.-0123456789")


class _SegmentedText:
    """Text parsed piecewise: what lies before ``cut`` is parsed once, into ``found`` and ``errors``.

    ``in_skipped_wrapper``: the cut lies inside a box wrapper that holds a JSON object with
    coordinates, which the parser reads as plain text (the object carries the box); the next
    segment starts by skipping to that wrapper's end tag.

    ``wrapper_label``: the cut lies inside a box wrapper still open, right after one of its bracket
    groups; the next segment starts by reading that wrapper's remaining groups, with this label. Such
    a cut is *provisional*: a brace arriving in the wrapper could still make the parser read it as
    plain text, so the state of the last cut made outside open wrappers is kept to go back to. This
    keeps an answer of many boxes in one unclosed wrapper (or many unclosed wrappers) linear.
    """

    def __init__(self) -> None:
        self.text = ""
        self.cut = 0
        self.in_skipped_wrapper = False
        self.wrapper_label: str | None = None
        self.found: list[GroundingItem] = []
        self.errors: list[str] = []
        #: ``found`` sorted into drawable and flagged items, kept in step with it
        self.sorted = SortedItems()
        #: (cut, in_skipped_wrapper, wrapper_label, len(found), len(errors)) at the last cut no later text can move
        self._settled: tuple[int, bool, str | None, int, int] = (0, False, None, 0, 0)
        #: where the wrapper a provisional cut lies in starts
        self._cut_wrapper = -1
        #: ((search start, wrapper), where to search on, end of the last group found) for open_wrapper_groups_end
        self._group_search: tuple[tuple[int, int], int, int] = ((-1, -1), 0, 0)
        #: where the box wrapper open at the end of the text starts (-1: none), and whether it holds a brace
        self._open_wrapper = -1
        self._open_wrapper_braced = False
        self.has_inline_tags = False

    @property
    def settled_cut(self) -> int:
        return self._settled[0]

    def append(self, text: str) -> None:
        # Whether a cut fits depends only on the text before it, so each place is checked once:
        # a long answer with something left open stays linear.
        checked = len(self.text)
        self.text += text
        if not self.has_inline_tags:
            overlap = self.text[max(0, checked - 8) :]
            self.has_inline_tags = any(tag in overlap for tag in _INLINE_TAGS)
        self._track_wrappers(checked)
        if self.wrapper_label is not None and self._open_wrapper_braced:
            self._back_to_settled()
        since = max(self.cut, checked - len(END_BOX) + 1)
        for match in reversed([m for m in _CUT_RE.finditer(self.text, since) if m.end() > checked]):
            state = self._state_at(match)
            if state is not None:
                self._take(match.end(), state, None)
                self._settle()
                break
        if any(closer in text for closer in "])>"):
            self._cut_in_open_wrapper()

    def result(self, until: int | None = None, thinking_items: list[GroundingItem] | None = None) -> BoxParseResult:
        """The result for the text up to ``until`` (None: all of it)."""
        items, errors = extract_items(self.text[self.cut : until], self.in_skipped_wrapper, self.wrapper_label)
        return self.sorted.with_more(items, self.errors + errors, thinking_items or [])

    def items(self) -> list[GroundingItem]:
        """Every item of the text so far, in order (thinking side: sorting does not apply)."""
        items, _errors = extract_items(self.text[self.cut :], self.in_skipped_wrapper, self.wrapper_label)
        return self.found + items

    def cut_result(self) -> BoxParseResult:
        """The result for the text before the cut."""
        return self.sorted.with_more([], self.errors, [])

    def settled(self) -> BoxParseResult:
        """The result for the text before the last cut that no later text can move."""
        found, errors = self._settled[3:]
        if found == len(self.found) and errors == len(self.errors):
            return self.cut_result()
        return sorted_result(self.found[:found], self.errors[:errors], [])

    def _settle(self) -> None:
        self._settled = (self.cut, self.in_skipped_wrapper, self.wrapper_label, len(self.found), len(self.errors))

    def open_wrapper_groups_end(self) -> int:
        """The end of the last whole bracket group in a brace-free box wrapper still open at the end (0: none)."""
        start = self._open_wrapper
        if start == -1 or self._open_wrapper_braced or (start < self.cut and self.wrapper_label is None):
            return 0
        # text already searched holds no group but the one a trailing open bracket may still begin
        key, resume, last_end = self._group_search
        begin = max(self.cut, start + len(BEGIN_BOX))
        if key != (begin, start):
            resume, last_end = begin, 0
        for group in GROUP_RE.finditer(self.text, resume):
            last_end = group.end()
        open_run = _OPEN_GROUP_RUN_RE.search(self.text, max(resume, last_end))
        self._group_search = ((begin, start), open_run.start() if open_run else len(self.text), last_end)
        return last_end

    def _take(self, end: int, in_skipped: bool, wrapper_label: str | None) -> None:
        """Parse the segment up to ``end`` for good and move the cut there."""
        labels: list[str] = []
        items, errors = extract_items(self.text[self.cut : end], self.in_skipped_wrapper, self.wrapper_label, labels)
        self.found += items
        self.errors += errors
        for item in items:
            self.sorted.add(item)
        if wrapper_label is not None and labels:
            wrapper_label = labels[-1]  # the open wrapper is the last one this segment read
        elif wrapper_label is not None:
            wrapper_label = self.wrapper_label  # the cut stays in the wrapper it lay in
        self.cut, self.in_skipped_wrapper, self.wrapper_label = end, in_skipped, wrapper_label

    def _cut_in_open_wrapper(self) -> None:
        """A provisional cut after the last group of a brace-free wrapper still open (see the class)."""
        start = self._open_wrapper
        if start == -1 or self._open_wrapper_braced:
            return
        if self.wrapper_label is None or self._cut_wrapper != start:
            if start < self.cut or self.in_skipped_wrapper:
                return
            # an object still open before the wrapper could close around it
            if self.text.rfind("{", self.cut, start) > self.text.rfind("}", self.cut, start):
                return
        end = self.open_wrapper_groups_end()
        if end:
            self._take(end, False, "")
            self._cut_wrapper = start

    def _back_to_settled(self) -> None:
        cut, in_skipped, label, found, errors = self._settled
        self.cut, self.in_skipped_wrapper, self.wrapper_label = cut, in_skipped, label
        del self.found[found:], self.errors[errors:]
        self.sorted.undo_to(found)

    def _track_wrappers(self, checked: int) -> None:
        """Follow box wrappers through the new text: one runs from its begin tag to the next end tag."""
        text = self.text
        position = max(0, checked - len(BEGIN_BOX) + 1)
        while True:
            if self._open_wrapper == -1:
                found = text.find(BEGIN_BOX, position)
                if found == -1:
                    return
                self._open_wrapper, self._open_wrapper_braced = found, False
                position = found + len(BEGIN_BOX)
            inner = max(position, checked - len(END_BOX) + 1, self._open_wrapper + len(BEGIN_BOX))
            closing = text.find(END_BOX, inner)
            region_end = len(text) if closing == -1 else closing
            region_start = max(checked, self._open_wrapper + len(BEGIN_BOX))
            if text.find("{", region_start, region_end) != -1 or text.find("}", region_start, region_end) != -1:
                self._open_wrapper_braced = True
            if closing == -1:
                return
            if self.wrapper_label is not None and self._cut_wrapper == self._open_wrapper and not self._open_wrapper_braced:
                self._settle()  # closed without a brace: nothing can make it plain text any more
            self._open_wrapper = -1
            position = closing + len(END_BOX)

    def _wrapper_at(self, end: int) -> tuple[bool, int, int]:
        """The wrappers ``text[cut:end]`` holds, as the parser reads that segment alone.

        Returns (still inside the wrapper the cut lies in, start of the last wrapper begun since the
        cut or after that wrapper (-1: none), its end (-1: open at ``end``)). Box wrappers run to their
        first end tag, or to the end of the text (here ``end``).
        """
        start = self.cut
        if self.in_skipped_wrapper or self.wrapper_label is not None:
            closing = self.text.find(END_BOX, start, end)
            if closing == -1:
                return True, -1, -1
            start = closing + len(END_BOX)
        last = self.text.rfind(BEGIN_BOX, start, end)
        if last == -1:
            if self.wrapper_label is not None:
                return False, self._cut_wrapper, start  # the wrapper the cut lay in, read as one, ended
            return False, -1, -1
        # the last begin tag may lie inside an earlier wrapper: find where the wrapper holding it began
        begin = last
        previous_end = self.text.rfind(END_BOX, start, last)
        first_after = self.text.find(BEGIN_BOX, max(start, previous_end + len(END_BOX)) if previous_end != -1 else start, end)
        if first_after != -1:
            begin = first_after
        closing = self.text.find(END_BOX, begin + len(BEGIN_BOX), end)
        return False, begin, -1 if closing == -1 else closing + len(END_BOX)

    def _state_at(self, match: re.Match[str]) -> bool | None:
        """Whether the text up to ``match.end()`` parses alone as it does inside the whole text.

        None when it does not; else ``in_skipped_wrapper`` for a cut there. The text before
        ``self.cut`` already does, so only the segment since then is checked.
        """
        text, start, end = self.text, self.cut, match.end()
        # No JSON object open: a brace after the last closing one would start one.
        if text.rfind("{", start, end) > text.rfind("}", start, end):
            return None
        # No bracket group open: only numbers and separators since an opening bracket.
        position = end - 1
        while position >= 0 and text[position] in _GROUP_CHARS:
            position -= 1
        if position >= 0 and text[position] in "[(<":
            return None
        in_first, last_start, last_end = self._wrapper_at(end)
        if in_first and self.wrapper_label is not None:
            return None  # still inside the open wrapper the provisional cut lies in
        inside = (in_first and self.in_skipped_wrapper) or (last_start != -1 and last_end == -1)
        if last_start != -1 and inside and not _holds_box_object(text, last_start, end):
            return None  # what it holds may still be read as the wrapper's boxes
        cut_at = match.group(0)
        if cut_at == "}":
            # A label is read back to the last object *with coordinates* on its line: an object
            # without them (or a stray brace) leaves the prose before it part of the next label.
            opening = text.rfind("{", start, end - 1)
            if opening == -1 or text.find("}", opening, end - 1) != -1 or not KEY_RE.search(text[opening:end]):
                return None
        elif cut_at == END_BOX and (
            last_start == -1 or last_end != end or inside or not _read_as_wrapper(text[last_start:end])
        ):
            return None  # likewise only after a wrapper the parser reads as one: it ends here and holds no object
        return inside


def _read_as_wrapper(wrapper: str) -> bool:
    return "{" not in wrapper and "}" not in wrapper


def _holds_box_object(text: str, start: int, end: int) -> bool:
    """Whether a whole JSON object with coordinates lies in ``text[start:end]``."""
    return any(KEY_RE.search(obj.group(0)) for obj in OBJECT_RE.finditer(text, start, end))
