"""Small helpers for user-visible text outside the Qt UI: English counts ("1 page", "3 pages"), undecodable text.

Qt code translates its sentences with ``tr``; plain modules (media, agent) build English notes
with :func:`count_of` so a count of one never reads "1 pages".
"""

from __future__ import annotations

import re


def count_of(number: int, singular: str, plural: str | None = None) -> str:
    """``"1 page"``, ``"0 pages"``, ``"3 pages"``; ``plural`` defaults to ``singular + "s"``."""
    return f"{number} {singular if number == 1 else (plural or singular + 's')}"


def line_count(text: str) -> int:
    """Lines as an editor counts them: a final newline ends the last line, it does not start another."""
    if not text:
        return 0
    return text.count("\n") + (0 if text.endswith("\n") else 1)


def has_undecodable_text(text: str) -> bool:
    """True for text read with ``surrogateescape`` from bytes that are not UTF-8 (lone surrogates)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


#: Han ideographs (with extension A and the compatibility block) and kana (no spaces between words): each one counts as a word
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff]")
_WORDLIKE = re.compile(r"\w")  # a run of punctuation alone ("。", "—") is no word


def word_count(text: str) -> int:
    """Words as a word processor counts them: runs between spaces, and each CJK character on its own
    (Chinese and Japanese put no spaces between words, so a split on spaces counted a paragraph as one)."""
    spaced = _CJK.sub(" ", text).split()
    return len(_CJK.findall(text)) + sum(1 for word in spaced if _WORDLIKE.search(word))
