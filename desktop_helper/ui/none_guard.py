"""Work around PySide6 6.12 dropping a reference to ``None`` on every call of a void Qt method (Python < 3.12).

Measured here (PySide6 6.12.0, CPython 3.11.7): each Python call of a Qt method returning
``void`` (``QTextCursor.insertHtml``, ``QScrollBar.setValue``, ``QApplication.processEvents``,
...) lowers ``sys.getrefcount(None)`` by one. ``None`` starts near 7,000 references, so after a few
thousand such calls (a streamed answer of ~1,500 tokens) the interpreter aborts with
"Fatal Python error: none_dealloc". From Python 3.12 ``None`` is immortal and the bug is harmless.

:func:`top_up` raises the count when it runs low, so it never gets near zero; call it from hot
paths (each streamed token) and from a periodic timer. It costs one ``getrefcount`` call when
nothing needs doing. The references are added to the object header directly (not held by a list):
a list would release them at interpreter exit, after the leaked ones, and the count would hit
zero during finalization.
"""

from __future__ import annotations

import ctypes
import platform
import sys

NEEDED = sys.version_info < (3, 12) and platform.python_implementation() == "CPython"
_LOW_WATER = 200_000
_BATCH = 1_000_000


def top_up() -> None:
    """Add references to ``None`` when its count runs low (no-op on Python 3.12+)."""
    if NEEDED and sys.getrefcount(None) < _LOW_WATER:
        # ob_refcnt is the first field of every CPython object (id() is its address)
        ctypes.c_ssize_t.from_address(id(None)).value += _BATCH
