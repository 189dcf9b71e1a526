"""Talking to the running instance: a second launch forwards its command instead of starting.

The running app listens on a local socket (a Unix socket, or a named pipe on Windows; the Qt
side is :mod:`desktop_helper.ui.ipc_server`). The protocol is newline-delimited JSON:
the client sends ``{"argv": [...], "cwd": "..."}`` and reads replies
``{"type": "output", "text": ...}`` ... until ``{"type": "exit", "code": N}``.
This module is plain Python so forwarding a command does not pay for importing Qt.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from desktop_helper.settings.paths import AppPaths


def server_name(paths: AppPaths) -> str:
    """The socket path (Unix) or pipe name (Windows) for this user and profile."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "user"
    name = f"desktop-helper-{user}-{paths.instance_key()}"
    if sys.platform == "win32":
        return name
    base = os.environ.get("XDG_RUNTIME_DIR") or tempfile.gettempdir()
    return str(Path(base) / f"{name}.sock")


def encode(message: dict[str, Any]) -> bytes:
    return json.dumps(message, ensure_ascii=False).encode("utf-8") + b"\n"


class _Connection:
    def __init__(self, name: str, timeout: float) -> None:
        self._sock: socket.socket | None = None
        self._pipe: BinaryIO | None = None
        if sys.platform == "win32":
            self._pipe = open(rf"\\.\pipe\{name}", "r+b", buffering=0)  # noqa: SIM115
        else:
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            sock.settimeout(timeout)
            try:
                sock.connect(name)
            except OSError:
                sock.close()
                raise
            self._sock = sock

    def send(self, data: bytes) -> None:
        if self._sock is not None:
            self._sock.sendall(data)
        elif self._pipe is not None:
            self._pipe.write(data)

    def lines(self) -> Iterator[bytes]:
        buffer = b""
        while True:
            if self._sock is not None:
                chunk = self._sock.recv(65536)
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
) -> Iterator[dict[str, Any]]:
    """Send ``argv`` to the running instance and yield its replies.

    Raises:
        NotRunningError: when no instance listens (or a stale socket is left behind).
    """
    try:
        connection = _Connection(server_name(paths), connect_timeout)
    except OSError as exc:
        raise NotRunningError(str(exc)) from exc
    try:
        if connection._sock is not None:
            connection._sock.settimeout(reply_timeout)
        connection.send(encode({"argv": argv, "cwd": str(Path.cwd())}))
        for line in connection.lines():
            if line.strip():
                yield json.loads(line)
    finally:
        connection.close()
