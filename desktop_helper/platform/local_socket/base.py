"""The command socket's trust rules, behind one interface per OS.

A later launch forwards its command (and, for ``ask``, a question and image paths) to the running
app over a local socket, and prints what comes back. So the socket must be reachable only by the
user who runs the app, in both directions: the server serves only that user's connections, and the
client talks only to a server that user started. On Unix the socket lives in a private folder
(created 0700, ownership and mode checked before every use) and both ends check the peer's uid;
on Windows the named pipe's ACL admits only the current user and both ends check the user owning
the process at the other end.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from pathlib import Path

from desktop_helper.core.errors import PlatformError


class UnsafeSocketError(PlatformError):
    """The socket's folder or file, or the program at its other end, does not belong to this user."""


class LocalSocketGuard(ABC):
    """Where the command socket lives and who may talk on it."""

    @abstractmethod
    def address(self, name: str) -> str:
        """The socket path (Unix) or pipe name (Windows) for ``name``.

        Creates the private folder when missing. Raises :class:`UnsafeSocketError` when the
        folder exists but is not private to this user.
        """

    @abstractmethod
    def check_before_connect(self, address: str) -> bool:
        """Client side, before connecting: False when nothing listens there.

        Raises :class:`UnsafeSocketError` when something is there that this user did not create.
        """

    @abstractmethod
    def check_leftover(self, address: str) -> None:
        """Server side, before replacing a socket nobody answers on (left by a killed app).

        Raises :class:`UnsafeSocketError` when it is not this user's own socket.
        """

    def private_folder(self) -> Path | None:
        """A folder only this user can enter, beside the socket (for files handed between our processes);
        None where the OS keeps no such folder for the socket (Windows named pipes)."""
        return None

    @abstractmethod
    def peer_is_current_user(self, descriptor: int) -> bool:
        """True when the process at the other end of the connected ``descriptor`` runs as this user.

        The descriptor is a socket file descriptor on Unix, a pipe handle on Windows. False also
        when the OS cannot tell: a peer that cannot be identified is not trusted.
        """
