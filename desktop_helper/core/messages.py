"""The one channel for messages to the user.

Non-UI code calls :func:`MessageBus.info` / ``warning`` / ``error``; the UI subscribes.
Messages sent before any subscriber exists are queued and delivered on subscription, so
services started before the UI never lose a message. Thread-safe; subscribers are called
on the sender's thread, so a Qt subscriber must forward through a queued signal.
"""

from __future__ import annotations

import enum
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from desktop_helper.core.i18n import english

log = logging.getLogger(__name__)


class Level(enum.Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class UserMessage:
    level: Level
    text: str
    fix: str | None = None

    def full_text(self) -> str:
        return f"{self.text}\n{self.fix}" if self.fix else self.text

    def english_text(self) -> str:
        """:meth:`full_text` in English (the log's language), whatever the interface's language."""
        text, fix = english(self.text), english(self.fix)
        return f"{text}\n{fix}" if fix else str(text)


Subscriber = Callable[[UserMessage], None]


class MessageBus:
    """Fan-out of user messages with a backlog for late subscribers."""

    def __init__(self, backlog_limit: int = 100) -> None:
        self._lock = threading.Lock()
        self._subscribers: list[Subscriber] = []
        self._backlog: list[UserMessage] = []
        self._backlog_limit = backlog_limit

    def subscribe(self, subscriber: Subscriber) -> None:
        with self._lock:
            self._subscribers.append(subscriber)
            backlog, self._backlog = self._backlog, []
        for message in backlog:
            subscriber(message)

    def unsubscribe(self, subscriber: Subscriber) -> None:
        with self._lock:
            if subscriber in self._subscribers:
                self._subscribers.remove(subscriber)

    def send(self, message: UserMessage) -> None:
        log_level = {Level.INFO: logging.INFO, Level.WARNING: logging.WARNING, Level.ERROR: logging.ERROR}
        log.log(log_level[message.level], "user message: %s", message.english_text())
        with self._lock:
            subscribers = list(self._subscribers)
            if not subscribers:
                self._backlog.append(message)
                del self._backlog[: -self._backlog_limit]
        for subscriber in subscribers:
            subscriber(message)

    def info(self, text: str, fix: str | None = None) -> None:
        self.send(UserMessage(Level.INFO, text, fix))

    def warning(self, text: str, fix: str | None = None) -> None:
        self.send(UserMessage(Level.WARNING, text, fix))

    def error(self, text: str, fix: str | None = None) -> None:
        self.send(UserMessage(Level.ERROR, text, fix))
