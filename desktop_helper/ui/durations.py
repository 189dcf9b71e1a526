"""A length of time as the status lines say it ("under a second", "12 s", "1 min 5 s")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def duration_text(seconds: float) -> str:
    # the context stays ChatWindow: the chat's status said these first, and their translations are there
    if seconds < 1:
        return QCoreApplication.translate("ChatWindow", "under a second")
    minutes, rest = divmod(round(seconds), 60)
    if minutes:
        return QCoreApplication.translate("ChatWindow", "{0} min {1} s").format(minutes, rest)
    return QCoreApplication.translate("ChatWindow", "{0} s").format(rest)
