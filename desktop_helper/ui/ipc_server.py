"""The running instance's end of :mod:`desktop_helper.ipc`: a QLocalServer on the GUI thread."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from concurrent.futures import Future

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from desktop_helper.ipc import encode

log = logging.getLogger(__name__)

#: runs a forwarded argv; gets a function to print lines back (from any thread); returns the exit
#: code, or a Future of it for commands that answer later
CommandRunner = Callable[[list[str], Callable[[str], None]], "int | Future[int]"]


class IpcServer(QObject):
    """Accepts commands from later launches.

    Signals:
        command_received(list): argv of a forwarded command (GUI thread).
    """

    command_received = Signal(list)
    _reply = Signal(object, dict)
    _finish = Signal(object, int)

    def __init__(self, name: str, runner: CommandRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._runner = runner
        self._server = QLocalServer(self)
        # only this user may connect
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}
        self._reply.connect(self._write, Qt.ConnectionType.QueuedConnection)
        self._finish.connect(self._close_with, Qt.ConnectionType.QueuedConnection)

    def listen(self) -> bool:
        if self._server.listen(self._name):
            log.info("listening for commands on %s", self._name)
            return True
        # a crashed instance leaves its socket behind; the caller already checked nobody answers
        QLocalServer.removeServer(self._name)
        ok = self._server.listen(self._name)
        if not ok:
            log.error("cannot listen on %s: %s", self._name, self._server.errorString())
        return ok

    def close(self) -> None:
        self._server.close()
        if os.name != "nt":
            QLocalServer.removeServer(self._name)

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._drop(s))

    def _drop(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()

    def _read(self, socket: QLocalSocket) -> None:
        self._buffers[socket] = self._buffers.get(socket, b"") + bytes(socket.readAll().data())
        if b"\n" not in self._buffers[socket]:
            return
        line = self._buffers[socket].split(b"\n", 1)[0]
        self._buffers[socket] = b""

        def reply(message: dict[str, object]) -> None:
            # handlers that answer later (``ask``) reply from worker threads: hop to the GUI thread
            self._reply.emit(socket, message)

        try:
            request = json.loads(line)
            argv = [str(a) for a in request["argv"]]
        except (ValueError, KeyError, TypeError):
            reply({"type": "exit", "code": 2, "text": "malformed request"})
            socket.disconnectFromServer()
            return
        log.info("forwarded command: %s", argv[:1])
        self.command_received.emit(argv)
        try:
            result = self._runner(argv, lambda text: reply({"type": "output", "text": text}))
        except SystemExit as exc:  # argparse exits on bad input
            result = int(exc.code or 0)
        if isinstance(result, Future):
            result.add_done_callback(lambda done: self._finish.emit(socket, _exit_code(done)))
        else:
            self._finish.emit(socket, result)

    def _write(self, socket: QLocalSocket, message: dict[str, object]) -> None:
        if socket in self._buffers and socket.state() == QLocalSocket.LocalSocketState.ConnectedState:
            socket.write(encode(message))
            socket.flush()

    def _close_with(self, socket: QLocalSocket, code: int) -> None:
        self._write(socket, {"type": "exit", "code": code})
        if socket in self._buffers:
            socket.disconnectFromServer()


def _exit_code(done: Future[int]) -> int:
    if done.cancelled():
        return 1
    error = done.exception()
    if error is not None:
        log.error("forwarded command failed: %s", error)
        return 1
    return done.result()
