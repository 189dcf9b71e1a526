"""Guards against a broken Qt binding release (PySide6 6.12.0 on Python < 3.12 leaks None references)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QRect


def test_void_methods_keep_none_alive() -> None:
    rect = QRect()
    before = sys.getrefcount(None)
    for _ in range(1000):
        rect.setX(1)
    # a leak of one reference per call aborts the app with "none_dealloc" after a few thousand repaints
    assert abs(sys.getrefcount(None) - before) < 50
