"""Delivers the core's user messages to the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal

from desktop_helper.core.messages import MessageBus, UserMessage


class MessageBridge(QObject):
    """Re-emits :class:`MessageBus` messages as a Qt signal.

    Signals:
        message(UserMessage): emitted on the GUI thread, whatever thread sent the message.
    """

    message = Signal(object)
    _incoming = Signal(object)

    def __init__(self, bus: MessageBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bus = bus
        # queued: senders on worker threads must never touch widgets
        self._incoming.connect(self.message.emit, Qt.ConnectionType.QueuedConnection)

    def start(self) -> None:
        """Subscribe; messages queued since start-up arrive now."""
        self._bus.subscribe(self._receive)

    def stop(self) -> None:
        self._bus.unsubscribe(self._receive)

    def _receive(self, message: UserMessage) -> None:
        self._incoming.emit(message)
