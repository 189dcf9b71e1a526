"""Grounding output parser: GLM model text -> typed boxes and points (normalized 0..1000).

GLM-4.xV answers a grounding question with coordinates normalized to 0..1000 of the image it
was given, in several surface forms that all occur in practice:

* wrapped in ``<|begin_of_box|>`` ... ``<|end_of_box|>`` or bare;
* brackets ``[x1,y1,x2,y2]``, ``[[x1,y1,x2,y2]]``, ``(x1,y1,x2,y2)``, ``<x1,y1,x2,y2>``;
* points ``[x, y]``;
* JSON objects ``{"label": ..., "bbox_2d": [...]}`` (also ``box_2d`` / ``point_2d``);
* several per answer, sometimes each after a label (``1. Save button: [..]``).

The model also highlights plain final answers with the box tokens (``<|begin_of_box|>42<|end_of_box|>``),
so a box wrapper without coordinates is not an error. Coordinates found in the model's reasoning are
returned apart (``in_thinking``) and never count as results: the reasoning tries candidates it later
rejects.

Suspect values are *flagged*, never repaired: a value outside 0..1000 usually means the model answered
in pixels, and guessing which pixels would place the box somewhere plausible but wrong. Flagged items
stay in :attr:`BoxParseResult.flagged` so the UI can say why nothing was drawn.

:func:`parse_boxes` never raises on any input text; problems are reported in the result.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

NORMALIZED_MAX = 1000.0

BEGIN_BOX = "<|begin_of_box|>"
END_BOX = "<|end_of_box|>"

# Numbers: no exponent form, because the model never writes one and "1e9999" would smuggle inf in.
_NUM = r"-?\d+(?:\.\d+)?"
# An innermost bracket group of numbers. Open and close brackets are matched leniently
# (``[1,2,3,4)`` occurs with small quantized models) because the count of numbers is the real signal.
_GROUP_RE = re.compile(
    r"(?P<open>[\[(<])\s*(?P<body>" + _NUM + r"(?:(?:\s*[,;]\s*|\s+)" + _NUM + r")*)\s*(?P<close>[\])>])"
)
_NUMBER_RE = re.compile(_NUM)
_WRAPPER_RE = re.compile(re.escape(BEGIN_BOX) + r"(?P<inner>.*?)(?:" + re.escape(END_BOX) + r"|$)", re.DOTALL)
# A flat JSON(-ish) object; the model's objects are never nested apart from the coordinate list.
_OBJECT_RE = re.compile(r"\{[^{}]*\}")
# The lookaheads repeat what the patterns start with: they change no match, but let the scan skip
# most positions at once (half the time of reading a 100-box answer went to _KEY_RE).
_KEY_RE = re.compile(
    r"""(?=["']?[bp])["']?(?P<key>bbox_2d|box_2d|point_2d|bbox|point)["']?\s*:\s*(?P<value>\[[^\]]*\]?\]?)""",
    re.IGNORECASE,
)
_LABEL_RE = re.compile(r"""(?=["']?[lnt])["']?(?:label|name|text)["']?\s*:\s*(?P<q>["'])(?P<label>(?:\\.|(?!(?P=q)).)*)(?P=q)""")
_THINK_RE = re.compile(r"<think>(?P<inner>.*?)(?:</think>|$)", re.DOTALL)
# Leftover tags and decorations around a label written in prose before a box.
_LABEL_JUNK_RE = re.compile(r"<\|?/?[a-z_]+\|?>|\*\*|__|`")
_LABEL_PREFIX_RE = re.compile(r"^\s*(?:[-*\u2022]|\d+[.)]|#+)\s*")
_LABEL_SUFFIX_RE = re.compile(
    r"(?:\s*(?:\b(?:bounding\s*box(?:es)?|bbox(?:_2d)?|coordinates?|is|are|located|at|in)\b|\u5750\u6807|[\[(<:=,\-\u2013\u2014\uff1a\uff0c]))+\s*$",
    re.IGNORECASE,
)
# Words that stand before a box in prose without naming anything.
_NOT_LABELS = frozenset(
    {"it", "here", "there", "this", "that", "answer", "the answer", "point", "the point", "location", "the location"}
)
_ANSWER_PHRASE_RE = re.compile(r"^(?:so\s+|thus\s+|therefore\s+)?(?:the\s+)?(?:final\s+)?(?:answer|result)$", re.IGNORECASE)
_MAX_LABEL = 60
_ESCAPE_RE = re.compile(r"\\(.)")


@dataclass(frozen=True)
class Box:
    """A box in normalized coordinates (0..1000 of the sent image), as the model wrote it.

    Attributes:
        x1, y1, x2, y2: corners; not reordered, so a flipped box stays visible as flagged.
        label: the label the model gave, or "".
        problems: reasons the box is suspect; empty when it can be drawn.
        source: the text the box was parsed from.
    """

    x1: float
    y1: float
    x2: float
    y2: float
    label: str = ""
    problems: tuple[str, ...] = ()
    source: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def center(self) -> tuple[float, float]:
        return (self.x1 + self.x2) / 2, (self.y1 + self.y2) / 2

    @property
    def coords(self) -> tuple[float, ...]:
        return (self.x1, self.y1, self.x2, self.y2)


@dataclass(frozen=True)
class Point:
    """A point in normalized coordinates (0..1000 of the sent image)."""

    x: float
    y: float
    label: str = ""
    problems: tuple[str, ...] = ()
    source: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def center(self) -> tuple[float, float]:
        return self.x, self.y

    @property
    def coords(self) -> tuple[float, ...]:
        return (self.x, self.y)


GroundingItem = Box | Point


@dataclass(frozen=True)
class BoxParseResult:
    """What a grounding answer contained.

    Attributes:
        items: drawable boxes and points from the answer, in the order written.
        flagged: items from the answer with problems (out of range, flipped); not drawable.
        in_thinking: items found in the reasoning; informational only.
        errors: malformed coordinate text (wrong number of values, ...).
    """

    items: tuple[GroundingItem, ...] = ()
    flagged: tuple[GroundingItem, ...] = ()
    in_thinking: tuple[GroundingItem, ...] = ()
    errors: tuple[str, ...] = field(default=())

    @property
    def boxes(self) -> list[Box]:
        return [i for i in self.items if isinstance(i, Box)]

    @property
    def points(self) -> list[Point]:
        return [i for i in self.items if isinstance(i, Point)]

    @property
    def error(self) -> str | None:
        """One readable sentence when nothing drawable was found, else None."""
        if self.items:
            return None
        reasons: list[str] = []
        if self.flagged:
            first = self.flagged[0]
            reasons.append(f"{len(self.flagged)} suspect box(es) not drawn: {first.problems[0]}")
        reasons.extend(self.errors[:2])
        if self.in_thinking and not reasons:
            reasons.append("coordinates appeared only in the model's reasoning, not in its answer")
        if not reasons:
            reasons.append("the answer contains no box or point")
        return "No location found: " + "; ".join(reasons) + "."


def parse_boxes(answer: str, thinking: str = "") -> BoxParseResult:
    """Parse every box and point GLM wrote in ``answer``; those in ``thinking`` are kept apart.

    Reasoning written inline (``<think>...</think>`` inside ``answer``, as raw llama.cpp output has
    it) is moved to the thinking side first. Exact duplicates (the model restating its answer at the
    end) are dropped.

    Args:
        answer: the answer text (may contain inline reasoning).
        thinking: reasoning delivered separately (``reasoning_content``), if any.

    Returns:
        The parsed result; never raises for any text.
    """
    answer, inline_thinking = _split_inline_thinking(answer)
    answer_items, errors = _extract(answer)
    thinking_items, _ = _extract(thinking + "\n" + inline_thinking if inline_thinking else thinking)
    return _result(answer_items, errors, thinking_items)


def _result(answer_items: list[GroundingItem], errors: list[str], thinking_items: list[GroundingItem]) -> BoxParseResult:
    """Sort the answer's items into drawable and flagged ones, dropping restatements."""
    return _Sorted().with_more(answer_items, errors, thinking_items)


_Key = tuple[str, tuple[float, ...]]


class _Sorted:
    """Items sorted into drawable and flagged ones, restatements dropped, built one item at a time.

    A stream keeps one for what it has parsed for good, so each result costs only the new items;
    :meth:`undo_to` takes back the last items (a provisional cut given up).
    """

    def __init__(self) -> None:
        self.items: list[GroundingItem] = []
        self.flagged: list[GroundingItem] = []
        self.seen: dict[_Key, int] = {}
        # per item added: how to take it back (None: it was a plain restatement)
        self._undo: list[tuple[list[GroundingItem], int, GroundingItem | None, _Key | None] | None] = []

    def add(self, item: GroundingItem) -> None:
        self._undo.append(_sort_in(item, self.items, self.flagged, self.seen))

    def undo_to(self, count: int) -> None:
        while len(self._undo) > count:
            undo = self._undo.pop()
            if undo is None:
                continue
            target, index, previous, key = undo
            if previous is not None:
                target[index] = previous
            else:
                del target[index]
                del self.seen[key]  # type: ignore[arg-type]

    def with_more(self, more: list[GroundingItem], errors: list[str], thinking_items: list[GroundingItem]) -> BoxParseResult:
        """The result for these items and ``more`` after them, leaving this one as it is."""
        items, flagged = list(self.items), list(self.flagged)
        seen = dict(self.seen) if more else self.seen
        for item in more:
            _sort_in(item, items, flagged, seen)
        return BoxParseResult(tuple(items), tuple(flagged), tuple(thinking_items), tuple(errors))


def _sort_in(
    item: GroundingItem, items: list[GroundingItem], flagged: list[GroundingItem], seen: dict[_Key, int]
) -> tuple[list[GroundingItem], int, GroundingItem | None, _Key | None] | None:
    """Add ``item`` unless it restates an earlier one; returns how to take the change back."""
    key = (type(item).__name__, item.coords)
    target = items if item.ok else flagged
    if key in seen:
        # The same location twice is a restatement; keep the first, but take a label it lacked.
        index = seen[key]
        if not target[index].label and item.label:
            previous = target[index]
            target[index] = replace(previous, label=item.label)
            return target, index, previous, None
        return None
    seen[key] = len(target)
    target.append(item)
    return target, len(target) - 1, None, key


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


#: Tags that make :func:`parse_boxes` move or drop text before reading it (see _split_inline_thinking).
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
        self.sorted = _Sorted()
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
        items, errors = _extract(self.text[self.cut : until], self.in_skipped_wrapper, self.wrapper_label)
        return self.sorted.with_more(items, self.errors + errors, thinking_items or [])

    def items(self) -> list[GroundingItem]:
        """Every item of the text so far, in order (thinking side: sorting does not apply)."""
        items, _errors = _extract(self.text[self.cut :], self.in_skipped_wrapper, self.wrapper_label)
        return self.found + items

    def cut_result(self) -> BoxParseResult:
        """The result for the text before the cut."""
        return self.sorted.with_more([], self.errors, [])

    def settled(self) -> BoxParseResult:
        """The result for the text before the last cut that no later text can move."""
        found, errors = self._settled[3:]
        if found == len(self.found) and errors == len(self.errors):
            return self.cut_result()
        return _result(self.found[:found], self.errors[:errors], [])

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
        for group in _GROUP_RE.finditer(self.text, resume):
            last_end = group.end()
        open_run = _OPEN_GROUP_RUN_RE.search(self.text, max(resume, last_end))
        self._group_search = ((begin, start), open_run.start() if open_run else len(self.text), last_end)
        return last_end

    def _take(self, end: int, in_skipped: bool, wrapper_label: str | None) -> None:
        """Parse the segment up to ``end`` for good and move the cut there."""
        labels: list[str] = []
        items, errors = _extract(self.text[self.cut : end], self.in_skipped_wrapper, self.wrapper_label, labels)
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
            if opening == -1 or text.find("}", opening, end - 1) != -1 or not _KEY_RE.search(text[opening:end]):
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
    return any(_KEY_RE.search(obj.group(0)) for obj in _OBJECT_RE.finditer(text, start, end))


def _split_inline_thinking(text: str) -> tuple[str, str]:
    thoughts: list[str] = []

    def take(match: re.Match[str]) -> str:
        thoughts.append(match.group("inner"))
        return ""

    # A stray "</think>" without its opener means everything before it was reasoning
    # (templates pre-fill "<think>" in the prompt, so the output starts inside it).
    if "</think>" in text and "<think>" not in text.split("</think>", 1)[0]:
        before, text = text.split("</think>", 1)
        thoughts.append(before)
    text = _THINK_RE.sub(take, text)
    # GLM-4.1V-Thinking wraps the answer in <answer> tags; they carry no coordinates.
    text = text.replace("<answer>", "").replace("</answer>", "")
    return text, "\n".join(thoughts)


def _extract(
    text: str,
    in_skipped_wrapper: bool = False,
    wrapper_label: str | None = None,
    wrapper_labels: list[str] | None = None,
) -> tuple[list[GroundingItem], list[str]]:
    """All items in ``text`` in reading order, plus malformed-coordinate messages (also in reading order).

    ``in_skipped_wrapper``: ``text`` starts inside a box wrapper that holds a JSON object, so its
    wrappers start after the first end tag (see :class:`_SegmentedText`). ``wrapper_label``: ``text``
    starts inside a box wrapper read as one, after some of its groups; the groups up to its end tag
    are its boxes, with this label. ``wrapper_labels`` receives the label of each wrapper read here.
    """
    found: list[tuple[int, GroundingItem]] = []
    errors: list[tuple[int, str]] = []
    consumed: list[tuple[int, int]] = []

    # 1. JSON objects carry explicit labels, so read them before any bracket group inside them.
    for obj in _OBJECT_RE.finditer(text):
        source = obj.group(0)
        keys = list(_KEY_RE.finditer(source))
        if not keys:
            continue
        consumed.append(obj.span())
        label_match = _LABEL_RE.search(source)
        # An explicit JSON label is the model's own name for the thing: only tidy its whitespace.
        label = " ".join(_unescape(label_match.group("label")).split())[:_MAX_LABEL] if label_match else ""
        for key in keys:
            name, value = key.group("key", "value")
            values = _numbers(value)
            kind = "point" if name.lower().startswith("point") else "box"
            item = _make_item(values, label, source, kind_hint=kind)
            if item is None:
                message = f"{name} needs {2 if kind == 'point' else 4} numbers, got {len(values)}"
                errors.append((obj.start() + key.start(), message))
            else:
                found.append((obj.start() + key.start(), item))

    # 2. Box wrappers: every group inside counts, whatever its bracket.
    first = 0
    if in_skipped_wrapper or wrapper_label is not None:
        closing = text.find(END_BOX)
        first = len(text) if closing == -1 else closing + len(END_BOX)
    if wrapper_label is not None:
        consumed.append((0, first))
        for group in _GROUP_RE.finditer(text, 0, len(text) if closing == -1 else closing):
            _add_wrapper_group(group, 0, wrapper_label, found, errors)
    for wrapper in _WRAPPER_RE.finditer(text, first):
        if _overlaps(wrapper.span(), consumed):
            continue
        consumed.append(wrapper.span())
        inner = wrapper.group("inner")
        groups = list(_GROUP_RE.finditer(inner))
        if not groups:
            # A bare list of four numbers inside the wrapper is still a box.
            values = _numbers(inner)
            if len(values) in (2, 4) and not _has_letters(inner):
                groups_item = _make_item(values, _label_before(text, wrapper.start(), consumed), wrapper.group(0))
                if groups_item is not None:
                    found.append((wrapper.start(), groups_item))
            continue
        label = _label_before(text, wrapper.start(), consumed)
        if wrapper_labels is not None:
            wrapper_labels.append(label)
        for group in groups:
            _add_wrapper_group(group, wrapper.start(), label, found, errors)

    # 3. Bare groups elsewhere. Four numbers in any bracket form a box; a bare pair only in
    # square brackets, because "(1, 2)" in prose is far more often not a point.
    for group in _groups_outside(text, sorted(consumed)):  # sorted: a snapshot, the loop adds to consumed
        values = _numbers(group.group("body"))
        if len(values) == 2 and group.group("open") != "[":
            continue
        if len(values) not in (2, 4):
            continue
        item = _make_item(values, _label_before(text, group.start(), consumed), group.group(0))
        if item is not None:
            found.append((group.start(), item))
            consumed.append(group.span())  # for the labels of later groups on the same line

    found.sort(key=lambda pair: pair[0])
    errors.sort(key=lambda pair: pair[0])
    return [item for _, item in found], [message for _, message in errors]


def _add_wrapper_group(
    group: re.Match[str], offset: int, label: str, found: list[tuple[int, GroundingItem]], errors: list[tuple[int, str]]
) -> None:
    """A bracket group inside a box wrapper: a box or point, or an error when it holds another count."""
    values = _numbers(group.group("body"))
    item = _make_item(values, label, group.group(0))
    if item is None:
        message = f"a box must have 2 or 4 numbers, got {len(values)} in {_short(group.group(0))}"
        errors.append((offset + group.start(), message))
    else:
        found.append((offset + group.start(), item))


def _make_item(values: list[float], label: str, source: str, kind_hint: str = "") -> GroundingItem | None:
    if len(values) == 4 and kind_hint != "point":
        x1, y1, x2, y2 = values
        return Box(x1, y1, x2, y2, label, _box_problems(x1, y1, x2, y2), source)
    if len(values) == 2 and kind_hint != "box":
        x, y = values
        return Point(x, y, label, _range_problems((x, y)), source)
    return None


def _box_problems(x1: float, y1: float, x2: float, y2: float) -> tuple[str, ...]:
    problems = list(_range_problems((x1, y1, x2, y2)))
    if x2 < x1:
        problems.append(f"x2 {x2:g} is left of x1 {x1:g}")
    if y2 < y1:
        problems.append(f"y2 {y2:g} is above y1 {y1:g}")
    return tuple(problems)


def _range_problems(values: tuple[float, ...]) -> tuple[str, ...]:
    bad = [v for v in values if not 0 <= v <= NORMALIZED_MAX]
    if bad:
        return (f"value {bad[0]:g} is outside 0..1000 (the model may have answered in pixels)",)
    if all(v <= 1 for v in values) and any(v != int(v) for v in values):
        # Fractions of one: another model's 0..1 convention; drawn as 0..1000 it would be a dot in the corner.
        return ("all values are fractions of 1 (the model may have used 0..1 coordinates)",)
    return ()


def _numbers(text: str) -> list[float]:
    return [float(n) for n in _NUMBER_RE.findall(text)]


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in spans)


def _groups_outside(text: str, consumed: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    """The bracket groups of ``text`` that do not overlap the ``consumed`` spans (sorted), in order.

    Scans only the gaps between the spans (a 100-box JSON answer is almost all spans), which
    finds exactly the groups a scan of the whole text would keep: the spans are JSON objects
    (``{`` .. ``}``) and box wrappers (``<|`` .. ``|>`` or the end of the text), and no group can
    contain a brace or run into or out of a ``<|``/``|>`` tag, so no group straddles a span edge.
    The spans do not overlap each other (a wrapper overlapping an object is skipped).
    """
    position = 0
    for start, end in consumed:
        if start > position:
            yield from _GROUP_RE.finditer(text, position, start)
        position = max(position, end)
    if position < len(text):
        yield from _GROUP_RE.finditer(text, position)


def _has_letters(text: str) -> bool:
    return any(c.isalpha() for c in text)


def _label_before(text: str, position: int, consumed: list[tuple[int, int]]) -> str:
    """The prose on the same line before ``position`` and after any earlier coordinates."""
    # Only the nearby text can be a name; bounding it also keeps the label regexes cheap.
    line_start = max(text.rfind("\n", 0, position) + 1, position - 200)
    for start, end in consumed:
        if line_start <= end <= position and start < position:
            line_start = max(line_start, end)
    for group in _GROUP_RE.finditer(text, line_start, position):
        line_start = max(line_start, group.end())
    return _clean_label(text[line_start:position])


def _clean_label(raw: str) -> str:
    label = _LABEL_JUNK_RE.sub("", raw)
    label = _LABEL_PREFIX_RE.sub("", label)
    label = _LABEL_SUFFIX_RE.sub("", label).strip(" \t:,;.-\"'")
    if len(label) > _MAX_LABEL or label.lower() in _NOT_LABELS or _ANSWER_PHRASE_RE.match(label):
        # A whole sentence before the box is explanation, not a name.
        return ""
    return label


def _unescape(text: str) -> str:
    return _ESCAPE_RE.sub(r"\1", text) if "\\" in text else text


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"
