"""Small helpers for user-visible text outside the Qt UI: English counts ("1 page", "3 pages"), undecodable text.

Qt code translates its sentences with ``tr``; plain modules (media, agent) build English notes
with :func:`count_of` so a count of one never reads "1 pages".
"""

from __future__ import annotations


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
