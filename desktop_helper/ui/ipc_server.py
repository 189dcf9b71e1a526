"""The running instance's end of :mod:`desktop_helper.ipc`: a QLocalServer on the GUI thread.

Only this user's processes are served: the socket sits in a private folder (or is a user-only pipe
on Windows) and every connection's peer is checked before a byte of it is read. A request is one
line of at most :data:`~desktop_helper.ipc.MAX_REQUEST_BYTES`; anything else gets a clear ``exit``
reply and the connection is closed, without reading (or buffering) more.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from desktop_helper.ipc import MAX_REQUEST_BYTES, encode, parse_request
from desktop_helper.platform.local_socket import LocalSocketGuard, local_socket_for_current_os

log = logging.getLogger(__name__)

#: runs a forwarded argv; gets a function to print lines back (from any thread); returns the exit
#: code, or a Future of it for commands that answer later
CommandRunner = Callable[[list[str], Callable[[str], None]], "int | Future[int]"]

#: exit code of a refused request (like a usage error)
EXIT_REFUSED = 2


class IpcServer(QObject):
    """Accepts commands from later launches of the same user.

    Signals:
        command_received(list): argv of a forwarded command (GUI thread).
        request_abandoned(object): the Future of a command that answers later, whose caller
            disconnected before it was done (GUI thread): its handler may stop the work.
    """

    command_received = Signal(list)
    request_abandoned = Signal(object)
    _reply = Signal(object, dict)
    _finish = Signal(object, int)

    def __init__(
        self, name: str, runner: CommandRunner, guard: LocalSocketGuard | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._name = name
        self._runner = runner
        self._guard = guard or local_socket_for_current_os()
        self._server = QLocalServer(self)
        # only this user may connect (Unix: socket mode 0700; Windows: the pipe's ACL)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self._listening = False
        #: connections still sending their request line, with what arrived so far
        self._requests: dict[QLocalSocket, bytearray] = {}
        #: connections that may still be answered
        self._open: set[QLocalSocket] = set()
        #: connections whose command answers later, with its Future
        self._waiting: dict[QLocalSocket, Future[int]] = {}
        self._reply.connect(self._write, Qt.ConnectionType.QueuedConnection)
        self._finish.connect(self._close_with, Qt.ConnectionType.QueuedConnection)

    def listen(self) -> bool:
        """Listen on the socket; False when another program holds it.

        Raises:
            UnsafeSocketError: something this user did not create sits at the socket's path.
        """
        # Qt binds the socket in a temporary folder and renames it over the path, replacing what is
        # there: make sure that is our own leftover (a killed instance) before it goes
        self._guard.check_leftover(self._name)
        ok = self._server.listen(self._name)
        if not ok:
            # a crashed instance leaves its socket behind; the caller already checked nobody answers
            QLocalServer.removeServer(self._name)
            ok = self._server.listen(self._name)
        if ok:
            log.info("listening for commands on %s", self._name)
        else:
            log.error("cannot listen on %s: %s", self._name, self._server.errorString())
        self._listening = ok
        return ok

    def close(self) -> None:
        self._server.close()
        if self._listening:  # never remove the socket of another instance we failed to replace
            QLocalServer.removeServer(self._name)
            self._listening = False

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self._open.add(socket)
            socket.disconnected.connect(lambda s=socket: self._drop(s))
            if not self._peer_is_current_user(socket):
                log.warning("refused a command connection from a process of another user")
                self._refuse(socket, "refused: this Desktop Helper belongs to another user")
                continue
            # Qt stops reading from the OS once this much waits unread: a client that never sends a
            # newline cannot make the app buffer more than the cap
            socket.setReadBufferSize(MAX_REQUEST_BYTES + 1)
            self._requests[socket] = bytearray()
            socket.readyRead.connect(lambda s=socket: self._read(s))

    def _peer_is_current_user(self, socket: QLocalSocket) -> bool:
        try:
            return self._guard.peer_is_current_user(int(socket.socketDescriptor()))
        except (OSError, ValueError):
            return False

    def _drop(self, socket: QLocalSocket) -> None:
        self._requests.pop(socket, None)
        self._open.discard(socket)
        waiting = self._waiting.pop(socket, None)
        if waiting is not None and not waiting.done():
            log.info("the caller of a forwarded command went away before its answer")
            self.request_abandoned.emit(waiting)
        socket.deleteLater()

    def _read(self, socket: QLocalSocket) -> None:
        chunk = bytes(socket.readAll().data())
        request = self._requests.get(socket)
        if request is None:
            return  # the request was read (or refused) already: what follows it is ignored
        end = chunk.find(b"\n")
        request += chunk if end < 0 else chunk[:end]
        if len(request) > MAX_REQUEST_BYTES:
            self._refuse(
                socket,
                f"request too large (over {MAX_REQUEST_BYTES // (1024 * 1024)} MB): a command is one short line of JSON",
            )
            return
        if end < 0:
            return
        del self._requests[socket]
        try:
            argv = parse_request(bytes(request))
        except ValueError as exc:
            self._refuse(socket, f"malformed request: {exc}")
            return
        self._run(socket, argv)

    def _run(self, socket: QLocalSocket, argv: list[str]) -> None:
        def reply(message: dict[str, object]) -> None:
            # handlers that answer later (``ask``) reply from worker threads: hop to the GUI thread
            self._reply.emit(socket, message)

        log.info("forwarded command: %s", argv[:1])
        self.command_received.emit(argv)
        try:
            result = self._runner(argv, lambda text: reply({"type": "output", "text": text}))
        except SystemExit as exc:  # argparse exits on bad input
            code = exc.code if isinstance(exc.code, int) else EXIT_REFUSED
            if code:
                reply({"type": "output", "text": f"not a valid command: {' '.join(argv)} (see desktop-helper --help)"})
            result = code
        except Exception:
            # a bug: the caller still gets an answer, and the crash handler still gets the error
            self._finish.emit(socket, 1)
            raise
        if isinstance(result, Future):
            self._waiting[socket] = result
            result.add_done_callback(lambda done: self._finish.emit(socket, _exit_code(done)))
        else:
            self._finish.emit(socket, result)

    def _refuse(self, socket: QLocalSocket, text: str) -> None:
        """Answer with an exit and ``text`` at once (not queued: the close below must follow the write)."""
        self._requests.pop(socket, None)
        self._write(socket, {"type": "exit", "code": EXIT_REFUSED, "text": text})
        self._open.discard(socket)
        socket.disconnectFromServer()

    def _write(self, socket: QLocalSocket, message: dict[str, object]) -> None:
        if socket in self._open and socket.state() == QLocalSocket.LocalSocketState.ConnectedState:
            socket.write(encode(message))
            socket.flush()

    def _close_with(self, socket: QLocalSocket, code: int) -> None:
        self._waiting.pop(socket, None)
        self._write(socket, {"type": "exit", "code": code})
        if socket in self._open:
            self._open.discard(socket)
            socket.disconnectFromServer()


def _exit_code(done: Future[int]) -> int:
    if done.cancelled():
        return 1
    error = done.exception()
    if error is not None:
        log.error("forwarded command failed: %s", error)
        return 1
    return done.result()
