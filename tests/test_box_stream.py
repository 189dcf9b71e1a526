"""The streaming grounding parser gives exactly what the whole-text parser gives, however the text is split."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_helper.parsers.box_stream import BoxStream
from desktop_helper.parsers.boxes import BEGIN_BOX, END_BOX, parse_boxes

DATA = Path(__file__).parent / "data" / "boxes"
SAMPLES = sorted(DATA.glob("*.json"))


def streamed(chunks: list[str], thinking_chunks: list[str] = ()) -> BoxStream:  # type: ignore[assignment]
    stream = BoxStream()
    for index in range(max(len(chunks), len(thinking_chunks))):
        stream.feed(
            chunks[index] if index < len(chunks) else "",
            thinking_chunks[index] if index < len(thinking_chunks) else "",
        )
    return stream


def split(text: str, cuts: list[int]) -> list[str]:
    points = sorted({min(max(0, c), len(text)) for c in cuts} | {0, len(text)})
    return [text[a:b] for a, b in itertools.pairwise(points)]


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_recorded_samples_streamed_a_character_at_a_time(path: Path) -> None:
    case = json.loads(path.read_text(encoding="utf-8"))
    answer, thinking = case["answer"], case["thinking"]
    stream = BoxStream()
    for index, char in enumerate(answer):
        stream.feed(char)
        # every intermediate state is what the whole parser says about that prefix
        assert stream.result() == parse_boxes(answer[: index + 1]), index
    stream.feed(thinking=thinking)
    assert stream.result() == parse_boxes(answer, thinking)


# Fragments chosen to open and close every construct the parser reads, in any order.
_FRAGMENTS = st.sampled_from(
    [BEGIN_BOX, END_BOX, "<think>", "</think>", "<answer>", "[", "]", "(", ")", "<", ">", "{", "}", ",", " ", "\n",
     '"bbox_2d": ', '"point_2d": ', '"label": ', '"', "-", ".", "1000", "0", "12", "999", "Save", "1.", "**", "\\",
     '{"label": "OK", "bbox_2d": [1, 2, 3, 4]}', "[10, 20, 30, 40]", "[5, 6]", "the button: "]
)
_TEXTS = st.lists(st.one_of(_FRAGMENTS, st.integers(-50, 1500).map(str), st.text(max_size=4)), max_size=50).map("".join)


@settings(max_examples=600, deadline=None)
@given(_TEXTS, _TEXTS, st.lists(st.integers(0, 400), max_size=12), st.lists(st.integers(0, 400), max_size=6))
def test_any_split_gives_the_whole_text_result(answer: str, thinking: str, cuts: list[int], thinking_cuts: list[int]) -> None:
    stream = streamed(split(answer, cuts), split(thinking, thinking_cuts))
    assert stream.result() == parse_boxes(answer, thinking)


# Whole constructs, so that many texts have places to cut (the fragments above rarely close everything).
_CONSTRUCTS = st.sampled_from(
    ['{"label": "OK", "bbox_2d": [1, 2, 3, 4]}', '{"bbox_2d": [1, 2, 3, 4], "label": "x y"}', '{"point_2d": [3, 4]}',
     BEGIN_BOX + '[{"label": "a", "bbox_2d": [1,2,3,4]}, ', '{"bbox_2d": [5,6,7,8]}]' + END_BOX,
     '{"note": 2}', "[10, 20, 30, 40]", "[5, 6]", "(7, 8, 9, 10)", "<7, 8, 9, 10>", "[[3,3,4,4],[5,5,6,6]]",
     BEGIN_BOX + "[[1,2,3,4]]" + END_BOX, BEGIN_BOX, END_BOX, "the button: ", "1. ", "**Save**", "\n", ", ", "{", "}",
     "[", "]", "1", " 2", "-", "a" * 30]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_CONSTRUCTS, max_size=40).map("".join), st.lists(st.integers(0, 600), max_size=15))
def test_any_split_of_well_formed_answers_gives_the_whole_text_result(answer: str, cuts: list[int]) -> None:
    assert streamed(split(answer, cuts)).result() == parse_boxes(answer)


@settings(max_examples=400, deadline=None)
@given(st.lists(_CONSTRUCTS, max_size=40).map("".join), st.lists(st.integers(0, 600), max_size=15))
def test_boxes_shown_while_streaming_are_not_taken_back(answer: str, cuts: list[int]) -> None:
    # Settled items never; the boxes of an open wrapper only when a JSON object follows in it.
    final = [item.coords for item in parse_boxes(answer).items]
    stream = BoxStream()
    for chunk in split(answer, cuts):
        stream.feed(chunk)
        settled = [item.coords for item in stream.settled().items]
        assert settled == final[: len(settled)]
        so_far = [item.coords for item in stream.so_far().items]
        if "{" not in answer and "}" not in answer:
            assert so_far == final[: len(so_far)]
    assert stream.so_far() == stream.settled() or BEGIN_BOX in answer


def test_boxes_in_one_wrapper_come_one_by_one() -> None:
    groups = [f"[{i}, {i}, {i + 10}, {i + 10}]" for i in range(100)]
    answer = "Found them: " + BEGIN_BOX + "[" + ", ".join(groups) + "]" + END_BOX
    stream = BoxStream()
    counts = []
    for start in range(0, len(answer), 5):
        stream.feed(answer[start : start + 5])
        counts.append(len(stream.so_far().items))
        assert stream.so_far().items == parse_boxes(answer).items[: counts[-1]]
    assert counts == sorted(counts)
    assert len(set(counts)) > 50  # the boxes came in many steps, not at the end tag
    assert stream.so_far() == stream.settled() == parse_boxes(answer)


def test_a_wrapper_that_turns_out_to_hold_json_is_read_again() -> None:
    answer = BEGIN_BOX + "(5, 6) [1, 2, 3, 4] " + '{"label": "OK", "bbox_2d": [7, 8, 9, 10]}' + END_BOX
    stream = BoxStream()
    stream.feed(answer[: answer.index("{")])
    assert [item.coords for item in stream.so_far().items] == [(5, 6), (1, 2, 3, 4)]  # read as the wrapper's
    stream.feed(answer[answer.index("{") :])
    assert stream.so_far() == stream.settled() == parse_boxes(answer)  # now plain text: "(5, 6)" is no point
    assert [item.coords for item in stream.so_far().items] == [(1, 2, 3, 4), (7, 8, 9, 10)]


@pytest.mark.parametrize("wrapped", [False, True], ids=["bare", "in box tokens"])
def test_a_json_answer_is_settled_box_by_box(wrapped: bool) -> None:
    # The point of the stream: at the end only the unfinished tail is parsed again.
    objects = [f'{{"label": "item {i}", "bbox_2d": [{i}, {i}, {i + 10}, {i + 10}]}}' for i in range(100)]
    stream = BoxStream()
    stream.feed(BEGIN_BOX + "[" if wrapped else "[")
    for index, text in enumerate(objects):
        stream.feed(text + ", " if index < 99 else text)
        assert len(stream.result().items) == index + 1
        assert stream.settled_chars == len(stream.answer) - (2 if index < 99 else 0)  # up to the object's brace
    stream.feed("]" + END_BOX if wrapped else "]")
    assert stream.result() == parse_boxes(stream.answer)


@pytest.mark.parametrize(
    ("answer", "settled_at"),
    [
        # a label written before a brace-less object stays with the prose: no cut there
        ('{"note": 1} Save [1, 2, 3, 4]', 0),
        # a wrapper holding a JSON object is read as plain text: cut after the object, not after the wrapper
        (BEGIN_BOX + '{"bbox_2d": [1, 2, 3, 4]}' + END_BOX + " x", len(BEGIN_BOX + '{"bbox_2d": [1, 2, 3, 4]}')),
        # ... and the rest of such a wrapper too, up to its end tag
        (BEGIN_BOX + '[{"bbox_2d": [1, 2, 3, 4]},\n' + BEGIN_BOX + "(5, 6)" + END_BOX + "(7, 8, 9, 9)",
         len(BEGIN_BOX + '[{"bbox_2d": [1, 2, 3, 4]},\n')),
        # a group still open across a line end
        ("Save: [100, 200,\n300, 400", 0),
        # inside an unclosed wrapper, lines are not cuts
        (BEGIN_BOX + "[[1, 2, 3, 4],\n[5, 6, 7, 8]]", 0),
        # a closed wrapper and a finished line are
        (BEGIN_BOX + "[[1, 2, 3, 4]]" + END_BOX + " and [5", len(BEGIN_BOX + "[[1, 2, 3, 4]]" + END_BOX)),
        ("1. Save [1, 2, 3, 4]\n2. Open [", len("1. Save [1, 2, 3, 4]\n")),
    ],
)
def test_cuts_only_where_nothing_is_open(answer: str, settled_at: int) -> None:
    stream = BoxStream()
    for char in answer:
        stream.feed(char)
    assert stream.settled_chars == settled_at
    assert stream.result() == parse_boxes(answer)


def test_each_place_to_cut_is_checked_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # With a brace left open early, no cut ever fits; checking every line end again at each token
    # made a long answer quadratic (2.7 s of a CPU for 20 kB).
    from desktop_helper.parsers import box_stream

    checks: list[int] = []
    state_at = box_stream._SegmentedText._state_at

    def counted(self: box_stream._SegmentedText, match: re.Match[str]) -> bool | None:
        checks.append(match.end())
        return state_at(self, match)

    monkeypatch.setattr(box_stream._SegmentedText, "_state_at", counted)
    answer = "{ note\n" + "1. Save [1, 2, 3, 4]\n" * 300 + BEGIN_BOX + "[5, 6, 7, 8]" + END_BOX
    stream = BoxStream()
    for start in range(0, len(answer), 3):
        stream.feed(answer[start : start + 3])
    assert stream.settled_chars == 0
    assert sorted(checks) == sorted(set(checks))  # no place twice
    assert len(checks) == answer.count("\n") + 1  # every line end and the wrapper's end tag
    assert stream.result() == parse_boxes(answer)
