"""JSON decoding for model output with a cap on nesting, so no input can exhaust the stack.

:mod:`json` decodes nested arrays and objects recursively and raises :class:`RecursionError` near
1,000 levels; model output (a ``Memory:`` list, tool-call arguments) can nest that deep by mistake or
on purpose. These functions check the depth first, with a linear scan, and raise a
:class:`JsonTooDeepError` (a :class:`ValueError`) with a readable message instead.
"""

from __future__ import annotations

import json
import re
from typing import Any

#: Deeper than anything a model writes on purpose, and far from the interpreter's recursion limit.
MAX_DEPTH = 100

# A string (possibly unterminated) or a bracket; everything else cannot change the depth.
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"?|[\[\]{}]', re.DOTALL)


class JsonTooDeepError(ValueError):
    """A JSON value nests deeper than :data:`MAX_DEPTH`."""


def check_depth(text: str, start: int = 0, limit: int = MAX_DEPTH) -> None:
    """Raise :class:`JsonTooDeepError` if the JSON value at ``text[start:]`` nests deeper than ``limit``.

    Reads only as far as that first value goes (its brackets balance), so chatter after it costs nothing.
    """
    depth = 0
    for match in _TOKEN.finditer(text, start):
        token = match.group()
        if token in ("[", "{"):
            depth += 1
            if depth > limit:
                raise JsonTooDeepError(f"it is nested more than {limit} levels deep")
        elif token in ("]", "}"):
            depth -= 1
            if depth <= 0:
                return
        elif depth == 0:
            return  # a top-level string: nothing can nest


def loads(text: str, limit: int = MAX_DEPTH) -> Any:
    """:func:`json.loads` that raises :class:`JsonTooDeepError` instead of recursing without bound."""
    check_depth(text, 0, limit)
    return json.loads(text)


def raw_decode(text: str, start: int = 0, limit: int = MAX_DEPTH) -> tuple[Any, int]:
    """:meth:`json.JSONDecoder.raw_decode` of ``text[start:]`` with the same cap; returns (value, end)."""
    check_depth(text, start, limit)
    return _DECODER.raw_decode(text, start)


_DECODER = json.JSONDecoder()
