"""A full disk never loses an answer: the history goes on in memory and is written when space returns.

When a write fails for lack of space, :class:`~desktop_helper.history.store.HistoryStore` switches to an
in-memory copy of its database; :class:`UnsavedChanges` remembers the statements run on the copy since,
and replays them onto the file when space returns, unless another program changed the file meanwhile
(then writing over it could mix up both, and the changes stay in memory until the app quits).
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
import time
from pathlib import Path
from typing import Any

from desktop_helper.core.i18n import t
from desktop_helper.core.messages import Level, UserMessage

#: while the disk is full, saving is tried again after this many seconds, doubling up to the maximum
RETRY_FIRST_SECONDS = 1.0
RETRY_MAX_SECONDS = 30.0
#: an I/O error with less free space than this on the history's disk counts as a full disk
_FULL_BELOW_BYTES = 1024 * 1024
# SQLite's primary result codes (stable; the sqlite3 module names them only from Python 3.11)
_SQLITE_IOERR, _SQLITE_FULL = 10, 13

Statement = tuple[str, tuple[Any, ...]]


def disk_full_fix() -> str:
    """What to do when the disk is full (a function: translated when it is said, not at import)."""
    return t("Free some space; your answer is kept and will be saved when space returns.")


def disk_full_message(db_path: Path | None) -> str:
    return t("The disk is full: the history could not be saved to {db_path}.", db_path=db_path)


def is_disk_full(error: BaseException, db_path: Path | None) -> bool:
    """Whether ``error`` means the disk of the history file ``db_path`` is full."""
    if isinstance(error, OSError):
        return error.errno in (errno.ENOSPC, errno.EDQUOT)
    if not isinstance(error, sqlite3.Error):
        return False
    code = getattr(error, "sqlite_errorcode", None)
    if code == _SQLITE_FULL or "disk is full" in str(error):
        return True
    io_error = (code is not None and code & 0xFF == _SQLITE_IOERR) or "disk I/O error" in str(error)
    if not io_error or db_path is None:
        return False
    try:
        return shutil.disk_usage(db_path.parent).free < _FULL_BELOW_BYTES
    except OSError:
        return False


def state_mark(db: sqlite3.Connection) -> tuple[int, ...]:
    """What identifies the state of a history for replaying changes onto it: schema and highest ids."""
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    if version == 0:
        return (0,)
    row = db.execute(
        "SELECT (SELECT ifnull(max(id), 0) FROM conversations), (SELECT ifnull(max(id), 0) FROM messages),"
        " (SELECT ifnull(max(id), 0) FROM attachments), (SELECT count(*) FROM messages)"
    ).fetchone()
    return (version, *(int(value) for value in row))


class UnsavedChanges:
    """The changes a history made in memory since its disk filled up, and when to try saving them again.

    Args:
        file_db: the connection to the file, or None when it could not even be opened (it is opened to save).
        file_mark: :func:`state_mark` of the file when the changes began; a file that no longer has it was
            changed by another program meanwhile.
    """

    def __init__(self, file_db: sqlite3.Connection | None, file_mark: tuple[int, ...]) -> None:
        self.file_db = file_db
        self._file_mark = file_mark
        self._statements: list[Statement] = []
        self._retry_delay = RETRY_FIRST_SECONDS
        self._retry_at = time.monotonic() + self._retry_delay

    def __len__(self) -> int:
        return len(self._statements)

    def remember(self, statements: list[Statement]) -> None:
        for sql, parameters in statements:
            last = self._statements[-1] if self._statements else None
            # a streaming answer is saved every few tokens: only its latest text needs saving later
            if last is not None and sql.startswith("UPDATE messages SET") and last[0] == sql and last[1][-1] == parameters[-1]:
                self._statements[-1] = (sql, parameters)
            else:
                self._statements.append((sql, parameters))

    @property
    def due(self) -> bool:
        """Whether the back-off interval since the last try has passed."""
        return time.monotonic() >= self._retry_at

    def back_off(self) -> None:
        """Saving failed again: wait twice as long (up to the maximum) before the next try."""
        self._retry_delay = min(self._retry_delay * 2, RETRY_MAX_SECONDS)
        self._retry_at = time.monotonic() + self._retry_delay

    def give_up(self) -> None:
        self._retry_at = float("inf")

    def write(self, file_db: sqlite3.Connection, memory: sqlite3.Connection) -> bool:
        """Replay the changes onto ``file_db`` in one transaction; False (nothing written) when the file was changed.

        Raises:
            sqlite3.Error, OSError: the disk is still full (the transaction is rolled back).
        """
        try:
            if state_mark(file_db) != self._file_mark:
                return False
            file_db.execute("BEGIN IMMEDIATE")
            for sql, parameters in self._statements:
                file_db.execute(sql, parameters)
            if state_mark(file_db) != state_mark(memory):
                file_db.execute("ROLLBACK")
                return False
            file_db.execute("COMMIT")
        except (sqlite3.Error, OSError):
            if file_db.in_transaction:
                file_db.execute("ROLLBACK")
            raise
        return True


def saving_stopped_notice(db_path: Path | None) -> UserMessage:
    return UserMessage(Level.ERROR, disk_full_message(db_path), disk_full_fix())


def saved_again_notice(db_path: Path | None) -> UserMessage:
    return UserMessage(Level.INFO, t("There is space again: the history was saved to {db_path}.", db_path=db_path))


def changed_meanwhile_notice(db_path: Path | None) -> UserMessage:
    return UserMessage(
        Level.WARNING,
        t("The history file {db_path} was changed by another program while the disk was full.", db_path=db_path),
        t("This session's new messages are kept in memory only until you quit; the file is left as it is."),
    )
