"""Talking to the running instance: a second launch forwards its command instead of starting.

The running app listens on a local socket (a Unix socket in a folder only this user can enter, or a
named pipe only this user can open on Windows; the Qt side is :mod:`desktop_helper.ui.ipc_server`).
Both ends check that the other end runs as the same user (:mod:`desktop_helper.platform.local_socket`).
The protocol is newline-delimited JSON: the client sends one line ``{"argv": [...], "cwd": "..."}``
of at most :data:`MAX_REQUEST_BYTES` and reads replies ``{"type": "output", "text": ...}`` ... until
``{"type": "exit", "code": N}`` (with a ``"text"`` when the request was refused).
This module is plain Python so forwarding a command does not pay for importing Qt.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from desktop_helper.core.i18n import t
from desktop_helper.platform.local_socket import LocalSocketGuard, UnsafeSocketError, local_socket_for_current_os
from desktop_helper.platform.system import current_os
from desktop_helper.settings.paths import AppPaths

__all__ = ["MAX_REQUEST_BYTES", "NotRunningError", "UnsafeSocketError", "encode", "forward", "parse_request", "server_name"]


#: the longest request line the running app reads (a command line with paths needs far less)
MAX_REQUEST_BYTES = 1024 * 1024
#: how often a forwarded call that may be cancelled looks whether it was
CANCEL_POLL_SECONDS = 0.2


def server_name(paths: AppPaths, guard: LocalSocketGuard | None = None) -> str:
    """The socket path (Unix: in this user's private folder) or pipe name (Windows) for this user and profile.

    Raises:
        UnsafeSocketError: the socket's folder exists but is not private to this user.
    """
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "user"
    return (guard or local_socket_for_current_os()).address(f"desktop-helper-{user}-{paths.instance_key()}")


def parse_request(line: bytes) -> list[str]:
    """The argv of one request line.

    Raises:
        ValueError: saying what is wrong with the line (never anything else, whatever the bytes).
    """
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 text (byte {exc.start})") from None
    try:
        request = json.loads(text)
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON ({exc.msg} at character {exc.pos})") from None
    if not isinstance(request, dict) or "argv" not in request:
        raise ValueError('expected a JSON object like {"argv": ["show-chat"]}')
    argv = request["argv"]
    if not isinstance(argv, list) or not all(isinstance(arg, str) for arg in argv):
        raise ValueError('"argv" must be a list of strings')
    return argv


def encode(message: dict[str, Any]) -> bytes:
    return json.dumps(message, ensure_ascii=False).encode("utf-8") + b"\n"


class _Connection:
    """A connection to the running instance, made only after checking that this user created it."""

    def __init__(self, address: str, guard: LocalSocketGuard, timeout: float) -> None:
        self._sock: socket.socket | None = None
        self._pipe: BinaryIO | None = None
        if current_os() == "windows":
            self._pipe = open(rf"\\.\pipe\{address}", "r+b", buffering=0)  # noqa: SIM115
            import msvcrt

            descriptor = int(msvcrt.get_osfhandle(self._pipe.fileno()))  # type: ignore[attr-defined]
        else:
            if not guard.check_before_connect(address):
                raise FileNotFoundError(f"no socket at {address}")
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            sock.settimeout(timeout)
            try:
                sock.connect(address)
            except OSError:
                sock.close()
                raise
            self._sock = sock
            descriptor = sock.fileno()
        if not guard.peer_is_current_user(descriptor):
            self.close()
            raise UnsafeSocketError(
                t(
                    "The program listening on {address} runs as another user, so your command was not sent to it.",
                    address=address,
                ),
                t("Quit that program (or ask an administrator to), then start Desktop Helper again."),
            )

    def send(self, data: bytes) -> None:
        if self._sock is not None:
            self._sock.sendall(data)
        elif self._pipe is not None:
            self._pipe.write(data)

    def lines(self, cancelled: Callable[[], bool] | None = None) -> Iterator[bytes]:
        buffer = b""
        if cancelled is not None and self._sock is not None:
            self._sock.settimeout(CANCEL_POLL_SECONDS)
        while True:
            if cancelled is not None and cancelled():
                return
            if self._sock is not None:
                try:
                    chunk = self._sock.recv(65536)
                except TimeoutError:
                    if cancelled is not None:
                        continue  # look again whether the caller gave up
                    raise
                except ConnectionResetError:
                    # the app closed without reading all we sent (a refused request): its reply came first
                    chunk = b""
            else:
                assert self._pipe is not None
                chunk = self._pipe.read(65536)
            if not chunk:
                if buffer:
                    yield buffer
                return
            buffer += chunk
            while b"\n" in buffer:
                line, buffer = buffer.split(b"\n", 1)
                yield line

    def close(self) -> None:
        if self._sock is not None:
            self._sock.close()
        if self._pipe is not None:
            self._pipe.close()


class NotRunningError(Exception):
    """No instance is listening for this profile."""


def forward(
    paths: AppPaths,
    argv: list[str],
    connect_timeout: float = 2.0,
    reply_timeout: float | None = 600.0,
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[dict[str, Any]]:
    """Send ``argv`` to the running instance and yield its replies.

    When ``cancelled`` turns true the connection is closed and the replies end: the app sees its
    caller go away and may stop the work (an MCP call its client cancelled). With ``cancelled``
    the replies are awaited without ``reply_timeout``.

    Raises:
        NotRunningError: when no instance listens (or a stale socket is left behind).
        UnsafeSocketError: the socket, its folder or the listening program is not this user's.
    """
    guard = local_socket_for_current_os()
    address = server_name(paths, guard)
    try:
        connection = _Connection(address, guard, connect_timeout)
    except OSError as exc:
        raise NotRunningError(str(exc)) from exc
    try:
        if connection._sock is not None:
            connection._sock.settimeout(reply_timeout)
        # the app may refuse a request before reading all of it (too large): its reply says why
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            connection.send(encode({"argv": argv, "cwd": str(Path.cwd())}))
        for line in connection.lines(cancelled):
            if line.strip():
                yield json.loads(line)
    finally:
        connection.close()
