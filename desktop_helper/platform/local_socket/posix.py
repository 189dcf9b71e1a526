"""Unix (Linux and macOS): the socket in a private folder, the peer's uid checked on every connection.

``$XDG_RUNTIME_DIR`` is private by design but often unset (su, ssh, cron, some desktops); the
fallback is the temporary folder, where any user can create the folder we would use first. So the
folder is never trusted by name: it must be a real directory (not a symlink), owned by us, and
closed to group and others, or we refuse to use it and say how to fix it.
"""

from __future__ import annotations

import os
import socket
import stat
import tempfile
from abc import abstractmethod
from pathlib import Path

from desktop_helper.core.i18n import t
from desktop_helper.platform.local_socket.base import LocalSocketGuard, UnsafeSocketError


def socket_folder() -> Path:
    """The private folder for this user's command sockets (not created here)."""
    base = os.environ.get("XDG_RUNTIME_DIR") or tempfile.gettempdir()
    return Path(base) / f"desktop-helper-{os.geteuid()}"


def check_private_folder(folder: Path) -> None:
    """Raise :class:`UnsafeSocketError` unless ``folder`` is a directory owned by us with mode 0700 or stricter."""
    info = folder.lstat()
    fix = t(
        "Remove it (as the user who owns it, or as administrator: rm -r '{folder}') and start again, "
        "or set XDG_RUNTIME_DIR to a private folder of yours.",
        folder=folder,
    )
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
        raise UnsafeSocketError(
            t("The folder for the command socket, {folder}, is not a plain folder, so it is not safe to use.", folder=folder), fix
        )
    if info.st_uid != os.geteuid():
        raise UnsafeSocketError(
            t(
                "The folder for the command socket, {folder}, belongs to another user (uid {st_uid}), who could read the "
                "commands you send to Desktop Helper.",
                folder=folder,
                st_uid=info.st_uid,
            ),
            fix,
        )
    if info.st_mode & 0o077:
        raise UnsafeSocketError(
            t(
                "The folder for the command socket, {folder}, can be used by other users (mode {s_imode:04o}, it must be 0700).",
                folder=folder,
                s_imode=stat.S_IMODE(info.st_mode),
            ),
            t("Make it private (chmod 700 '{folder}') or remove it, and start again.", folder=folder),
        )


class PosixLocalSocket(LocalSocketGuard):
    def address(self, name: str) -> str:
        folder = socket_folder()
        try:
            folder.mkdir(mode=0o700)
        except FileExistsError:
            pass
        except OSError as exc:
            raise UnsafeSocketError(
                t(
                    "The folder for the command socket, {folder}, cannot be created ({strerror}).",
                    folder=folder,
                    strerror=exc.strerror,
                ),
                t("Set XDG_RUNTIME_DIR to a private folder of yours, or free the temporary folder."),
            ) from exc
        check_private_folder(folder)
        return str(folder / f"{name}.sock")

    def private_folder(self) -> Path | None:
        return Path(self.address("probe")).parent  # created and checked like the socket's

    def check_before_connect(self, address: str) -> bool:
        path = Path(address)
        check_private_folder(path.parent)
        try:
            info = path.lstat()
        except FileNotFoundError:
            return False
        self._check_own_socket(path, info)
        return True

    def check_leftover(self, address: str) -> None:
        path = Path(address)
        check_private_folder(path.parent)
        try:
            info = path.lstat()
        except FileNotFoundError:
            return
        self._check_own_socket(path, info)

    @staticmethod
    def _check_own_socket(path: Path, info: os.stat_result) -> None:
        if not stat.S_ISSOCK(info.st_mode) or info.st_uid != os.geteuid():
            raise UnsafeSocketError(
                t("{path} is not a command socket created by you, so Desktop Helper will not use it.", path=path),
                t("Remove it (rm '{path}') and start again.", path=path),
            )

    def peer_is_current_user(self, descriptor: int) -> bool:
        # fromfd duplicates the descriptor: closing our copy leaves the caller's connection open
        with socket.fromfd(descriptor, socket.AF_UNIX, socket.SOCK_STREAM) as connection:
            try:
                uid = self.peer_uid(connection)
            except OSError:
                return False  # a peer we cannot identify is not trusted
        return uid == os.geteuid()

    @abstractmethod
    def peer_uid(self, connection: socket.socket) -> int:
        """The effective uid of the process at the other end of a connected Unix socket."""
