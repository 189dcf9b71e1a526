"""Tests of the grounding parser on sample answers, edge cases and fuzzed input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_helper.parsers.boxes import BEGIN_BOX, END_BOX, Box, BoxParseResult, Point, parse_boxes

DATA = Path(__file__).parent / "data" / "boxes"
SAMPLES = sorted(DATA.glob("*.json"))


def _load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def test_samples_exist() -> None:
    assert len(SAMPLES) >= 15


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_recorded_sample(path: Path) -> None:
    case = _load(path)
    result = parse_boxes(case["answer"], case["thinking"])
    assert [list(b.coords) for b in result.boxes] == [[float(v) for v in b] for b in case["boxes"]]
    assert [list(p.coords) for p in result.points] == [[float(v) for v in p] for p in case["points"]]
    assert len(result.flagged) == case["flagged"]
    assert len(result.errors) == case["errors"]
    assert len(result.in_thinking) == case["thinking_items"]
    if case["labels"] is not None:
        assert [i.label for i in result.items] == case["labels"]
    # Exactly one of "something to draw" and "a readable error".
    assert (result.error is None) == bool(result.items)


def test_flagged_box_keeps_its_values_and_reasons() -> None:
    result = parse_boxes(f"{BEGIN_BOX}[[1500, 700, 1200, 760]]{END_BOX}")
    (box,) = result.flagged
    assert isinstance(box, Box)
    assert box.coords == (1500, 700, 1200, 760)  # never clamped or swapped
    assert any("outside 0..1000" in p for p in box.problems)
    assert any("left of" in p for p in box.problems)
    assert result.error is not None
    assert "suspect" in result.error


def test_y_flipped_and_negative_are_flagged() -> None:
    assert parse_boxes("[10, 500, 20, 400]").flagged[0].problems == ("y2 400 is above y1 500",)
    assert "outside" in parse_boxes("[-5, 10, 20, 40]").flagged[0].problems[0]


def test_boundaries_are_valid() -> None:
    result = parse_boxes("[0, 0, 1000, 1000] and [1000, 0]")
    assert [i.coords for i in result.items] == [(0, 0, 1000, 1000), (1000, 0)]
    assert isinstance(result.items[1], Point)


def test_degenerate_box_is_drawable() -> None:
    # A zero-size box is a point the model wrote as a box; still a location.
    assert parse_boxes("[500, 500, 500, 500]").boxes[0].ok


def test_reading_order_across_forms() -> None:
    text = 'first [1,2,3,4] then {"label": "j", "bbox_2d": [5,6,7,8]} then ' + f"{BEGIN_BOX}(9,10,11,12){END_BOX}"
    assert [i.coords[0] for i in parse_boxes(text).items] == [1, 5, 9]


def test_answer_and_thinking_separate_channels() -> None:
    result = parse_boxes("no box here", thinking="candidate [1,2,3,4]")
    assert not result.items
    assert len(result.in_thinking) == 1
    assert result.error is not None
    assert "reasoning" in result.error


def test_prefilled_think_without_opener() -> None:
    # Templates pre-fill "<think>" in the prompt, so raw output may start inside the reasoning.
    result = parse_boxes("try [1,2,3,4]</think>answer [5,6,7,8]")
    assert [b.coords for b in result.boxes] == [(5, 6, 7, 8)]
    assert [b.coords for b in result.in_thinking] == [(1, 2, 3, 4)]


def test_json_point_and_wrong_count() -> None:
    result = parse_boxes('[{"point_2d": [300, 400], "label": "dot"}, {"bbox_2d": [1, 2, 3], "label": "bad"}]')
    assert [(type(i), i.coords, i.label) for i in result.items] == [(Point, (300, 400), "dot")]
    assert result.errors == ("bbox_2d needs 4 numbers, got 3",)


def test_bare_four_numbers_in_wrapper() -> None:
    assert parse_boxes(f"{BEGIN_BOX}100 200 300 400{END_BOX}").boxes[0].coords == (100, 200, 300, 400)


def test_long_label_sentence_is_dropped() -> None:
    sentence = "After looking carefully at every part of the window I believe the thing you want is right here"
    assert parse_boxes(sentence + " [1,2,3,4]").boxes[0].label == ""


def test_pathological_digits_are_fast() -> None:
    # Regexes that split digit runs ambiguously backtrack exponentially; this must stay instant.
    result = parse_boxes("[" + "1" * 20000 + " " + "2" * 5000 + ",")
    assert isinstance(result, BoxParseResult)


_TOKENS = st.sampled_from(
    [BEGIN_BOX, END_BOX, "<think>", "</think>", "[", "]", "(", ")", "<", ">", "{", "}", ",", " ", "\n", '"bbox_2d":',
     '"point_2d":', '"label":', '"', "-", ".", "1000", "0", "999", "1e9", "label", ":", "**", "\\"]
)
_ANSWERS = st.lists(st.one_of(_TOKENS, st.integers(-5000, 5000).map(str), st.text(max_size=8)), max_size=60).map("".join)


@settings(max_examples=400, deadline=None)
@given(_ANSWERS, _ANSWERS)
def test_fuzz_never_raises(answer: str, thinking: str) -> None:
    result = parse_boxes(answer, thinking)
    assert (result.error is None) == bool(result.items)
    for item in result.items:
        assert item.ok
        assert all(0 <= v <= 1000 for v in item.coords)
        if isinstance(item, Box):
            assert item.x1 <= item.x2
            assert item.y1 <= item.y2
    for item in result.flagged:
        assert item.problems


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_fuzz_arbitrary_unicode(text: str) -> None:
    assert isinstance(parse_boxes(text, text), BoxParseResult)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(*[st.integers(0, 1000)] * 4), min_size=1, max_size=6),
    st.sampled_from(["[{}]", "[[{}]]", "({})", "<{}>", BEGIN_BOX + "[[{}]]" + END_BOX]),
)
def test_fuzz_roundtrip_valid_boxes(boxes: list[tuple[int, int, int, int]], form: str) -> None:
    ordered = [(min(a, c), min(b, d), max(a, c), max(b, d)) for a, b, c, d in boxes]
    text = "\n".join(f"item {i}: " + form.format(", ".join(map(str, box))) for i, box in enumerate(ordered))
    result = parse_boxes(text)
    unique = list(dict.fromkeys(ordered))
    # The same location twice is a restatement: kept once, at its first place, with its first label.
    assert [tuple(int(v) for v in b.coords) for b in result.boxes] == unique
    assert [b.label for b in result.boxes] == [f"item {ordered.index(box)}" for box in unique]
