"""Opening the history when its file is damaged, locked or unwritable: the app starts all the same.

A damaged file is moved aside and its readable rows copied into a new one; a locked or read-only one is
shown from an in-memory copy and left untouched; one written by a newer version is left as it is. What
happened is said in the store's notices. (A full disk is handled while running: :mod:`.disk_full`.)
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from desktop_helper.core.i18n import t
from desktop_helper.core.messages import Level, UserMessage
from desktop_helper.history.store import HistoryError, HistoryStore, NewerHistoryError, is_locked

log = logging.getLogger(__name__)

# SQLite's primary result codes (stable; the sqlite3 module names them only from Python 3.11)
_SQLITE_CORRUPT, _SQLITE_NOTADB = 11, 26


def open_history(db_path: Path, attachments_dir: Path, session_dir: Path) -> HistoryStore:
    """The app's history; damaged, locked or unwritable state never stops the app.

    * damaged (not a database, a bad page): the file is moved aside as ``history.sqlite3.damaged-<time>``
      and the rows that can still be read are copied into a new history in its place;
    * locked by another program (after the busy timeout), in a read-only folder, or written by a newer
      version: the file is left untouched and the session works on a copy in memory;
    * a full disk: see :class:`HistoryStore` (kept in memory, saved when space returns).

    The store's :attr:`~HistoryStore.notices` say what happened and where the copy is.
    """
    session = functools.partial(HistoryStore, None, session_dir)
    try:
        store = HistoryStore(db_path, attachments_dir)
    except NewerHistoryError as exc:
        store = session()
        store.add_notice(
            UserMessage(
                Level.WARNING,
                t("{problem} It is left as it is; this session's chats are kept in memory only.", problem=exc.message),
                t("Update Desktop Helper to see and keep your history."),
            )
        )
        return store
    except HistoryError as exc:
        cause = exc.__cause__
        if not os.access(db_path.parent, os.W_OK):
            return _unwritable(db_path, attachments_dir, session_dir, "its folder cannot be written (read-only)")
        if isinstance(cause, sqlite3.Error) and is_locked(cause):
            return _unwritable(db_path, attachments_dir, session_dir, "another program holds it locked")
        if isinstance(cause, sqlite3.Error) and _is_damage(cause):
            log.warning("history database damaged: %s", cause)
            return _recover(db_path, attachments_dir, session_dir, "it is not a readable SQLite database")
        store = HistoryStore.in_memory_copy(db_path, attachments_dir, session_dir)
        kept = t("{problem} This session's chats are kept in memory only.", problem=exc.message)
        store.add_notice(UserMessage(Level.ERROR, kept, exc.fix))
        return store
    if store.saving_paused:
        return store
    problem = store.integrity_problem()
    if problem:
        log.warning("history database damaged: %s", problem)
        store.close()
        return _recover(db_path, attachments_dir, session_dir, "some of its pages are unreadable")
    if not store.is_writable():
        store.close()
        reason = (
            "another program holds it locked"
            if os.access(db_path.parent, os.W_OK)
            else "its folder cannot be written (read-only)"
        )
        return _unwritable(db_path, attachments_dir, session_dir, reason)
    return store


def _is_damage(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    text = str(error)
    return (
        (code is not None and code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)) or "malformed" in text or "not a database" in text
    )


def _unwritable(db_path: Path, attachments_dir: Path, session_dir: Path, reason: str) -> HistoryStore:
    store = HistoryStore.in_memory_copy(db_path, attachments_dir, session_dir)
    store.add_notice(
        UserMessage(
            Level.WARNING,
            t(
                "The history database {db_path} cannot be written: {reason}. Your earlier conversations are shown, but this "
                "session's chats are kept in memory only.",
                db_path=db_path,
                reason=reason,
            ),
            t("Close the other program (or make the folder writable) and restart Desktop Helper to save history again."),
        )
    )
    return store


def _recover(db_path: Path, attachments_dir: Path, session_dir: Path, reason: str) -> HistoryStore:
    """Move a damaged database aside and start a new one in its place with every row that can still be read."""
    copy = db_path.with_name(f"{db_path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
    if copy.exists():
        copy = copy.with_name(f"{copy.name}-{time.monotonic_ns()}")
    try:
        db_path.replace(copy)
        for suffix in ("-wal", "-shm"):  # the WAL belongs to the damaged file: it travels with it
            side = db_path.with_name(db_path.name + suffix)
            if side.exists():
                side.replace(copy.with_name(copy.name + suffix))
        store = HistoryStore(db_path, attachments_dir)
    except (OSError, HistoryError) as exc:
        log.warning("cannot start a new history next to the damaged one: %s", exc)
        store = HistoryStore(None, session_dir)
        store.add_notice(
            UserMessage(
                Level.ERROR,
                t(
                    "The history database {db_path} is damaged ({reason}) and could not be replaced. This session's chats "
                    "are kept in memory only.",
                    db_path=db_path,
                    reason=reason,
                ),
                t("Move the damaged file aside, or restore a backup of it."),
            )
        )
        return store
    conversations, messages = _copy_readable_rows(copy, store)
    recovered = (
        f"{messages} message(s) in {conversations} conversation(s) could still be read and were kept in a new history."
        if conversations or messages
        else "Nothing could be read from it; a new, empty history was started."
    )
    store.add_notice(
        UserMessage(
            Level.WARNING,
            t(
                "The history database {db_path} was damaged ({reason}). {recovered}",
                db_path=db_path,
                reason=reason,
                recovered=recovered,
            ),
            t("The damaged file was kept as {copy}.", copy=copy),
        )
    )
    return store


def _copy_readable_rows(source_path: Path, store: HistoryStore) -> tuple[int, int]:
    """Copy every conversation, message and attachment row that can be read into ``store``."""
    try:
        source = sqlite3.connect(f"{source_path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return 0, 0
    source.row_factory = sqlite3.Row
    with contextlib.suppress(sqlite3.Error):
        # tolerate schema errors (e.g. a statistics table on a lost page) that would hide every table;
        # the connection is read-only, so nothing can be written through it
        source.execute("PRAGMA writable_schema = ON")
    try:
        tables = ("conversations", "messages", "attachments")
        counts = store.import_rows({table: _readable_rows(source, table) for table in tables})
    finally:
        source.close()
    return counts["conversations"], counts["messages"]


def _readable_rows(source: sqlite3.Connection, table: str) -> Iterator[sqlite3.Row]:
    """The rows of ``table`` that can be read, in id order, stepping over damaged pages."""
    last, step, failures = 0, 1, 0
    while failures < 10_000:
        try:
            found = source.execute(f"SELECT id FROM {table} WHERE id > ? ORDER BY id LIMIT 1", (last,)).fetchone()  # noqa: S608
        except sqlite3.Error as exc:
            if "no such table" in str(exc) or "not a database" in str(exc):
                return
            # a damaged page of ids: step over it, faster the longer it lasts
            failures += 1
            last += step
            if failures % 64 == 0:
                step *= 2
            continue
        if found is None:
            return
        last = int(found[0])
        try:
            row = source.execute(f"SELECT * FROM {table} WHERE id = ?", (last,)).fetchone()  # noqa: S608
        except sqlite3.Error:
            failures += 1
            continue
        if row is not None:
            yield row
