"""Small helpers for English counts in user-visible text ("1 page", "3 pages"), outside the Qt UI.

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
