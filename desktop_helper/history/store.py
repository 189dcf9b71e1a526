"""Conversation history in SQLite: versioned schema, full-text search, content-addressed attachments.

History is valuable data, so:

* the database runs in WAL mode and every write is its own short transaction, so a crash or a
  SIGKILL loses at most the write in flight (the streaming answer is saved every few tokens);
* the schema version lives in ``PRAGMA user_version`` and is upgraded by named migrations, each
  in one transaction, after the database file has been copied aside (``history.sqlite3.bak-v<N>``);
* attachments are files named by the SHA-256 of their content under ``attachments/ab/abcdef...``,
  so the same screenshot attached twice is stored once, and a file is removed only when no
  message refers to it any more.

* damaged, locked or unwritable state never stops the app (:func:`open_history`): a damaged file is
  moved aside and its readable rows copied into a new one; a locked or read-only one is shown from an
  in-memory copy and left untouched;
* a full disk never loses an answer: the store goes on in an in-memory copy, remembers the changes and
  writes them to the file when space returns (:meth:`HistoryStore.save_unsaved`).

The store is used from one thread (the GUI thread); every call is short. It has no Qt in it.
"""

from __future__ import annotations

import base64
import contextlib
import errno
import functools
import hashlib
import json
import logging
import os
import re
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from desktop_helper.core.errors import UserError
from desktop_helper.core.i18n import t
from desktop_helper.core.messages import Level, UserMessage
from desktop_helper.parsers.special_tokens import readable_text

log = logging.getLogger(__name__)

MessageStatus = Literal["complete", "streaming", "cancelled", "error"]
AttachmentKind = Literal["image", "text"]


class HistoryError(UserError):
    """The history database cannot be opened, upgraded or written."""


class NewerHistoryError(HistoryError):
    """The history database was written by a newer version of the app."""


#: while the disk is full, saving is tried again after this many seconds, doubling up to the maximum
RETRY_FIRST_SECONDS = 1.0
RETRY_MAX_SECONDS = 30.0
#: an I/O error with less free space than this on the history's disk counts as a full disk
_FULL_BELOW_BYTES = 1024 * 1024
# SQLite's primary result codes (stable; the sqlite3 module names them only from Python 3.11)
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_NOTADB = 5, 6, 10, 11, 13, 26


def disk_full_fix() -> str:
    """What to do when the disk is full (a function: translated when it is said, not at import)."""
    return t("Free some space; your answer is kept and will be saved when space returns.")


class _Executor:
    """A connection's ``execute`` that remembers what it ran, so a transaction can be run again elsewhere."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self.statements: list[tuple[str, tuple[Any, ...]]] = []

    def execute(self, sql: str, parameters: Sequence[Any] = ()) -> sqlite3.Cursor:
        cursor = self._db.execute(sql, parameters)
        self.statements.append((sql, tuple(parameters)))
        return cursor


# ----- schema migrations: (name, function); the schema version is the number applied
def _run_script(db: _Executor, script: str) -> None:
    """Run statements one by one (``executescript`` would commit the migration's transaction)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""


def _m001_initial(db: _Executor) -> None:
    _run_script(
        db,
        """
        CREATE TABLE conversations (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL DEFAULT '',
            system_prompt TEXT NOT NULL DEFAULT '',
            backend TEXT NOT NULL DEFAULT '',
            model TEXT NOT NULL DEFAULT '',
            created REAL NOT NULL,
            updated REAL NOT NULL
        );
        CREATE TABLE messages (
            id INTEGER PRIMARY KEY,
            conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
            role TEXT NOT NULL,
            content TEXT NOT NULL DEFAULT '',
            thinking TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'complete',
            error TEXT NOT NULL DEFAULT '',
            created REAL NOT NULL
        );
        CREATE INDEX messages_by_conversation ON messages(conversation_id, id);
        CREATE TABLE attachments (
            id INTEGER PRIMARY KEY,
            message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            kind TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            mime TEXT NOT NULL,
            name TEXT NOT NULL DEFAULT '',
            width INTEGER NOT NULL DEFAULT 0,
            height INTEGER NOT NULL DEFAULT 0,
            meta TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX attachments_by_message ON attachments(message_id, position);
        CREATE INDEX attachments_by_hash ON attachments(sha256);
        """,
    )


def _m002_full_text_search(db: _Executor) -> None:
    # external-content FTS5 index over message text, kept in step by triggers
    _run_script(
        db,
        """
        CREATE VIRTUAL TABLE messages_fts USING fts5(content, thinking, content='messages', content_rowid='id',
                                                     tokenize='unicode61 remove_diacritics 2');
        CREATE TRIGGER messages_ai AFTER INSERT ON messages BEGIN
            INSERT INTO messages_fts(rowid, content, thinking) VALUES (new.id, new.content, new.thinking);
        END;
        CREATE TRIGGER messages_ad AFTER DELETE ON messages BEGIN
            INSERT INTO messages_fts(messages_fts, rowid, content, thinking) VALUES ('delete', old.id, old.content, old.thinking);
        END;
        CREATE TRIGGER messages_au AFTER UPDATE OF content, thinking ON messages BEGIN
            INSERT INTO messages_fts(messages_fts, rowid, content, thinking) VALUES ('delete', old.id, old.content, old.thinking);
            INSERT INTO messages_fts(rowid, content, thinking) VALUES (new.id, new.content, new.thinking);
        END;
        INSERT INTO messages_fts(messages_fts) VALUES ('rebuild');
        """,
    )


MIGRATIONS: tuple[tuple[str, Callable[[_Executor], None]], ...] = (
    ("initial", _m001_initial),
    ("full_text_search", _m002_full_text_search),
)
SCHEMA_VERSION = len(MIGRATIONS)


# ----- records
@dataclass(frozen=True)
class StoredAttachment:
    """An attachment as stored: its content is the file at ``path`` (named by ``sha256``)."""

    id: int
    kind: AttachmentKind
    sha256: str
    mime: str
    name: str
    width: int
    height: int
    path: Path
    meta: dict[str, Any] = field(default_factory=dict)
    #: the content while the disk is too full to write its file
    unsaved_data: bytes | None = field(default=None, repr=False, compare=False)

    def read(self) -> bytes:
        return self.unsaved_data if self.unsaved_data is not None else self.path.read_bytes()


@dataclass(frozen=True)
class NewAttachment:
    """An attachment to store with a message."""

    kind: AttachmentKind
    data: bytes
    mime: str
    name: str = ""
    width: int = 0
    height: int = 0
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class StoredMessage:
    id: int
    conversation_id: int
    role: str
    content: str
    thinking: str
    status: MessageStatus
    error: str
    created: float
    attachments: tuple[StoredAttachment, ...] = ()


@dataclass(frozen=True)
class Conversation:
    id: int
    title: str
    system_prompt: str
    backend: str
    model: str
    created: float
    updated: float


@dataclass(frozen=True)
class SearchHit:
    conversation_id: int
    message_id: int
    title: str
    snippet: str


class HistoryStore:
    """The history database and its attachment folder.

    Args:
        db_path: the SQLite file, or ``None`` for a throw-away in-memory history (history off).
        attachments_dir: folder for attachment files; with ``db_path=None`` it is a session folder
            that :meth:`close` deletes, so nothing of an unsaved history stays on disk.
    """

    def __init__(self, db_path: Path | None, attachments_dir: Path) -> None:
        self.db_path = db_path
        self.attachments_dir = attachments_dir
        self.backup_path: Path | None = None
        #: attachments of a history copied into memory are read from here (never written or deleted)
        self.shared_attachments_dir: Path | None = None
        # While the disk is full the store works on an in-memory copy: ``_unsaved`` holds the statements
        # run since (None while saving works), ``_unsaved_files`` the attachment files not yet written.
        self._file_db: sqlite3.Connection | None = None
        self._unsaved: list[tuple[str, tuple[Any, ...]]] | None = None
        self._unsaved_files: dict[str, bytes] = {}
        self._file_mark: tuple[int, ...] = ()
        self._retry_delay = RETRY_FIRST_SECONDS
        self._retry_at = 0.0
        self._notice_listeners: list[Callable[[UserMessage], None]] = []
        self.notices: list[UserMessage] = []
        try:
            if db_path is None:
                self._db = _connect(":memory:")
            else:
                db_path.parent.mkdir(parents=True, exist_ok=True)
                try:
                    self._db = _connect_file(db_path)
                except sqlite3.Error as exc:
                    if not self._disk_full(exc):
                        raise
                    # the file cannot even be opened for writing: read what is there, save later
                    self._db = _snapshot(db_path)
                    self._start_unsaved(exc)
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise HistoryError(
                t("The history database {db_path} cannot be opened: {exc}.", db_path=db_path, exc=exc),
                t("Move the file aside to start a new history, or restore its backup."),
            ) from exc

    @classmethod
    def in_memory_copy(cls, db_path: Path, attachments_dir: Path, session_dir: Path) -> HistoryStore:
        """A throw-away history that starts as a copy of what can be read of ``db_path`` (never written back).

        For a database another program holds locked: its conversations stay visible, its file untouched.
        """
        store = cls(None, session_dir)
        store.shared_attachments_dir = attachments_dir
        # read-only first (sees a live WAL); immutable when even that needs a write (a read-only folder)
        for options in ("mode=ro", "immutable=1"):
            try:
                source = sqlite3.connect(f"{db_path.as_uri()}?{options}", uri=True)
                try:
                    source.execute("PRAGMA busy_timeout = 2000")
                    if int(source.execute("PRAGMA user_version").fetchone()[0]) == SCHEMA_VERSION:
                        source.backup(store._db)
                    return store
                finally:
                    source.close()
            except sqlite3.Error as exc:
                log.info("cannot copy %s (%s): %s", db_path, options, exc)
        return store

    # ----- messages for the user
    def on_notice(self, listener: Callable[[UserMessage], None]) -> None:
        """Be told (on the writing thread) when saving stops for lack of space and when it works again."""
        self._notice_listeners.append(listener)

    def _notify(self, message: UserMessage) -> None:
        log.log(logging.INFO if message.level == Level.INFO else logging.WARNING, "%s", message.full_text())
        self.notices.append(message)
        for listener in list(self._notice_listeners):
            listener(message)

    # ----- a full disk
    @property
    def saving_paused(self) -> bool:
        """True while changes are kept in memory because the disk was full."""
        return self._unsaved is not None

    def _disk_full(self, error: BaseException) -> bool:
        if isinstance(error, OSError):
            return error.errno in (errno.ENOSPC, errno.EDQUOT)
        if not isinstance(error, sqlite3.Error):
            return False
        code = getattr(error, "sqlite_errorcode", None)
        if code == _SQLITE_FULL or "disk is full" in str(error):
            return True
        io_error = (code is not None and code & 0xFF == _SQLITE_IOERR) or "disk I/O error" in str(error)
        if not io_error or self.db_path is None:
            return False
        try:
            return shutil.disk_usage(self.db_path.parent).free < _FULL_BELOW_BYTES
        except OSError:
            return False

    def _start_unsaved(self, error: BaseException) -> None:
        """Go on in memory after the disk filled up; tell the user once."""
        if self._unsaved is not None:
            return
        if self._file_db is None and self.db_path is not None and self._db_is_file():
            memory = _connect(":memory:")
            self._db.backup(memory)  # reading needs no space
            self._file_db, self._db = self._db, memory
        self._file_mark = _mark(self._file_db or self._db)
        self._unsaved = []
        self._retry_delay = RETRY_FIRST_SECONDS
        self._retry_at = time.monotonic() + self._retry_delay
        log.warning("history kept in memory: %s", error)
        self._notify(
            UserMessage(
                Level.ERROR,
                t("The disk is full: the history could not be saved to {db_path}.", db_path=self.db_path),
                disk_full_fix(),
            )
        )

    def _writable(self) -> bool:
        """Whether a write can start within a short wait (False: another program holds the database locked)."""
        self._db.execute("PRAGMA busy_timeout = 2000")
        try:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.execute("ROLLBACK")
        except sqlite3.OperationalError as exc:
            if _is_locked(exc) or "readonly" in str(exc):
                return False
            raise
        finally:
            self._db.execute("PRAGMA busy_timeout = 5000")
        return True

    def _db_is_file(self) -> bool:
        return any(row[2] for row in self._db.execute("PRAGMA database_list") if row[1] == "main")

    def save_unsaved(self, force: bool = False) -> bool:
        """Write what was kept in memory since the disk filled up; True when nothing is left unsaved.

        Tried on every write and by the app's timer, at most once per back-off interval unless ``force``.
        """
        if self._unsaved is None:
            return True
        if not force and time.monotonic() < self._retry_at:
            return False
        assert self.db_path is not None
        file_db = self._file_db
        try:
            for digest, data in list(self._unsaved_files.items()):
                self._write_file(self._path_for(digest), data)
                del self._unsaved_files[digest]
            if file_db is None:
                file_db = self._file_db = _connect_file(self.db_path)
            if _mark(file_db) != self._file_mark:
                self._give_up_saving()
                return False
            file_db.execute("BEGIN IMMEDIATE")
            for sql, parameters in self._unsaved:
                file_db.execute(sql, parameters)
            if _mark(file_db) != _mark(self._db):
                file_db.execute("ROLLBACK")
                self._give_up_saving()
                return False
            file_db.execute("COMMIT")
        except (sqlite3.Error, OSError) as exc:
            if file_db is not None and file_db.in_transaction:
                file_db.execute("ROLLBACK")
            log.info("history still cannot be saved: %s", exc)
            self._retry_delay = min(self._retry_delay * 2, RETRY_MAX_SECONDS)
            self._retry_at = time.monotonic() + self._retry_delay
            return False
        self._db.close()
        self._db, self._file_db, self._unsaved = file_db, None, None
        self._notify(
            UserMessage(Level.INFO, t("There is space again: the history was saved to {db_path}.", db_path=self.db_path))
        )
        return True

    def _give_up_saving(self) -> None:
        """Another program changed the file meanwhile: writing our changes over it could mix up both."""
        self._retry_at = float("inf")
        self._notify(
            UserMessage(
                Level.WARNING,
                t("The history file {db_path} was changed by another program while the disk was full.", db_path=self.db_path),
                t("This session's new messages are kept in memory only until you quit; the file is left as it is."),
            )
        )

    def _remember(self, statements: list[tuple[str, tuple[Any, ...]]]) -> None:
        assert self._unsaved is not None
        for sql, parameters in statements:
            last = self._unsaved[-1] if self._unsaved else None
            # a streaming answer is saved every few tokens: only its latest text needs saving later
            if last is not None and sql.startswith("UPDATE messages SET") and last[0] == sql and last[1][-1] == parameters[-1]:
                self._unsaved[-1] = (sql, parameters)
            else:
                self._unsaved.append((sql, parameters))

    # ----- schema
    @property
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        version = self.schema_version
        if version > SCHEMA_VERSION:
            raise NewerHistoryError(
                t(
                    "The history database {db_path} was written by a newer version (schema {version}).",
                    db_path=self.db_path,
                    version=version,
                ),
                t("Update Desktop Helper, or move the file aside to start a new history."),
            )
        if version == SCHEMA_VERSION:
            return
        if version > 0 and self.db_path is not None:
            self.backup_path = self.db_path.with_name(f"{self.db_path.name}.bak-v{version}")
            backup = sqlite3.connect(str(self.backup_path))
            try:
                self._db.backup(backup)
            finally:
                backup.close()
            log.info("history backed up to %s before migrating from schema %d", self.backup_path, version)
        for number, (name, migrate) in enumerate(MIGRATIONS[version:], start=version + 1):
            with self._transaction() as db:
                migrate(db)
                db.execute(f"PRAGMA user_version = {number}")
            log.info("history schema migrated to %d (%s)", number, name)

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[_Executor]:
        """One short write transaction; when the disk is full it goes to the in-memory copy instead."""
        if self._unsaved is not None:
            self.save_unsaved()
        db = self._db
        executor = _Executor(db)
        body_done = False
        db.execute("BEGIN IMMEDIATE")
        try:
            yield executor
            body_done = True
            db.execute("COMMIT")
        except BaseException as exc:
            if db.in_transaction:
                db.execute("ROLLBACK")
            if self._unsaved is not None or self.db_path is None or not self._disk_full(exc):
                raise
            self._start_unsaved(exc)
            if not body_done:
                raise HistoryError(
                    t("The disk is full: the history could not be saved to {db_path}.", db_path=self.db_path), disk_full_fix()
                ) from exc
            # the whole transaction ran and only its commit failed: run it again on the copy
            with self._transaction() as memory:
                for sql, parameters in executor.statements:
                    memory.execute(sql, parameters)
            return
        if self._unsaved is not None:
            self._remember(executor.statements)

    def close(self) -> None:
        if self._unsaved is not None and not self.save_unsaved(force=True):
            log.error("%d history change(s) could not be saved for lack of disk space", len(self._unsaved))
        with contextlib.suppress(sqlite3.Error):
            self._db.execute("PRAGMA optimize")
        self._db.close()
        if self._file_db is not None:
            self._file_db.close()
        if self.db_path is None:
            shutil.rmtree(self.attachments_dir, ignore_errors=True)

    # ----- conversations
    def create_conversation(self, title: str = "", system_prompt: str = "", backend: str = "", model: str = "") -> Conversation:
        now = time.time()
        with self._transaction() as db:
            cursor = db.execute(
                "INSERT INTO conversations(title, system_prompt, backend, model, created, updated) VALUES (?, ?, ?, ?, ?, ?)",
                (title, system_prompt, backend, model, now, now),
            )
        return self.conversation(int(cursor.lastrowid or 0))

    def conversation(self, conversation_id: int) -> Conversation:
        row = self._db.execute("SELECT * FROM conversations WHERE id = ?", (conversation_id,)).fetchone()
        if row is None:
            raise KeyError(conversation_id)
        return Conversation(**dict(row))

    def conversations(self) -> list[Conversation]:
        """All conversations, most recently updated first."""
        rows = self._db.execute("SELECT * FROM conversations ORDER BY updated DESC, id DESC").fetchall()
        return [Conversation(**dict(row)) for row in rows]

    def update_conversation(self, conversation_id: int, **fields: str) -> None:
        """Change ``title``, ``system_prompt``, ``backend`` or ``model``."""
        allowed = {"title", "system_prompt", "backend", "model"}
        if not fields or set(fields) - allowed:
            raise ValueError(f"can only update {sorted(allowed)}")
        assignments = ", ".join(f"{name} = ?" for name in fields)
        with self._transaction() as db:
            db.execute(
                f"UPDATE conversations SET {assignments}, updated = ? WHERE id = ?",  # noqa: S608 - names checked above
                (*fields.values(), time.time(), conversation_id),
            )

    def rename_conversation(self, conversation_id: int, title: str) -> None:
        self.update_conversation(conversation_id, title=title.strip())

    def delete_conversation(self, conversation_id: int) -> None:
        hashes = [r[0] for r in self._db.execute(_HASHES_OF_CONVERSATION, (conversation_id,))]
        with self._transaction() as db:
            db.execute("DELETE FROM conversations WHERE id = ?", (conversation_id,))
        self._collect_garbage(hashes)

    # ----- messages
    def add_message(
        self,
        conversation_id: int,
        role: str,
        content: str = "",
        *,
        thinking: str = "",
        status: MessageStatus = "complete",
        attachments: Sequence[NewAttachment] = (),
    ) -> StoredMessage:
        """Append a message (and its attachments' files) in one transaction."""
        stored = [(a, self._store_file(a.data, a.mime)) for a in attachments]
        now = time.time()
        with self._transaction() as db:
            cursor = db.execute(
                "INSERT INTO messages(conversation_id, role, content, thinking, status, created) VALUES (?, ?, ?, ?, ?, ?)",
                (conversation_id, role, content, thinking, status, now),
            )
            message_id = int(cursor.lastrowid or 0)
            for position, (attachment, digest) in enumerate(stored):
                db.execute(
                    "INSERT INTO attachments(message_id, position, kind, sha256, mime, name, width, height, meta)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        message_id,
                        position,
                        attachment.kind,
                        digest,
                        attachment.mime,
                        attachment.name,
                        attachment.width,
                        attachment.height,
                        json.dumps(attachment.meta),
                    ),
                )
            db.execute("UPDATE conversations SET updated = ? WHERE id = ?", (now, conversation_id))
            if role == "user":
                # a new conversation is named after its first question
                db.execute(
                    "UPDATE conversations SET title = ? WHERE id = ? AND title = ''",
                    (_title_from(content, attachments), conversation_id),
                )
        return self.message(message_id)

    def update_message(
        self,
        message_id: int,
        *,
        content: str | None = None,
        thinking: str | None = None,
        status: MessageStatus | None = None,
        error: str | None = None,
    ) -> None:
        """Save a streaming answer's text so far, or its final state; one short transaction."""
        pairs = (("content", content), ("thinking", thinking), ("status", status), ("error", error))
        fields = {k: v for k, v in pairs if v is not None}
        if not fields:
            return
        assignments = ", ".join(f"{name} = ?" for name in fields)
        with self._transaction() as db:
            db.execute(f"UPDATE messages SET {assignments} WHERE id = ?", (*fields.values(), message_id))  # noqa: S608

    def message(self, message_id: int) -> StoredMessage:
        row = self._db.execute("SELECT * FROM messages WHERE id = ?", (message_id,)).fetchone()
        if row is None:
            raise KeyError(message_id)
        return self._message_from(row, self._attachments_of([message_id]).get(message_id, ()))

    def messages(self, conversation_id: int) -> list[StoredMessage]:
        rows = self._db.execute("SELECT * FROM messages WHERE conversation_id = ? ORDER BY id", (conversation_id,)).fetchall()
        attachments = self._attachments_of([row["id"] for row in rows])
        return [self._message_from(row, attachments.get(row["id"], ())) for row in rows]

    def delete_messages_from(self, message_id: int) -> None:
        """Delete a message and every later one of its conversation (edit-and-resend, regenerate)."""
        row = self._db.execute("SELECT conversation_id FROM messages WHERE id = ?", (message_id,)).fetchone()
        if row is None:
            return
        hashes = [
            r[0]
            for r in self._db.execute(
                _HASHES_OF_CONVERSATION + " AND m.id >= ?",
                (row[0], message_id),
            )
        ]
        with self._transaction() as db:
            db.execute("DELETE FROM messages WHERE conversation_id = ? AND id >= ?", (row[0], message_id))
        self._collect_garbage(hashes)

    def interrupted_messages(self) -> list[StoredMessage]:
        """Answers that were still streaming when the app stopped (crash, kill)."""
        rows = self._db.execute("SELECT * FROM messages WHERE status = 'streaming' ORDER BY id").fetchall()
        return [self._message_from(row, ()) for row in rows]

    def mark_interrupted(self) -> int:
        """Mark answers left ``streaming`` by a previous run as cancelled; returns how many."""
        with self._transaction() as db:
            cursor = db.execute(
                "UPDATE messages SET status = 'cancelled', error = 'The app stopped while this answer was being written.'"
                " WHERE status = 'streaming'"
            )
        return cursor.rowcount

    # ----- search
    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Full-text search over message text and thinking, plus conversation titles; best matches first."""
        terms = [t for t in re.findall(r"\w+", query, flags=re.UNICODE) if t]
        if not terms:
            return []
        # each term as a quoted prefix query: user text never reaches FTS5 as syntax
        match = " ".join('"' + t.replace('"', '""') + '"*' for t in terms)
        rows = self._db.execute(
            "SELECT m.conversation_id, m.id, c.title, snippet(messages_fts, 0, '[', ']', '…', 12) AS snip"
            " FROM messages_fts JOIN messages m ON m.id = messages_fts.rowid JOIN conversations c ON c.id = m.conversation_id"
            " WHERE messages_fts MATCH ? ORDER BY rank LIMIT ?",
            (match, limit),
        ).fetchall()
        hits = [SearchHit(int(r[0]), int(r[1]), str(r[2]), str(r[3])) for r in rows]
        seen = {h.conversation_id for h in hits}
        like = "%" + query.strip().replace("%", r"\%").replace("_", r"\_") + "%"
        for row in self._db.execute(
            "SELECT id, title FROM conversations WHERE title LIKE ? ESCAPE '\\' ORDER BY updated DESC LIMIT ?", (like, limit)
        ):
            if row[0] not in seen:
                hits.append(SearchHit(int(row[0]), 0, str(row[1]), str(row[1])))
        return hits

    # ----- export
    def export_markdown(self, conversation_id: int, target: Path) -> Path:
        """Write the conversation to ``target`` (.md) with its images in ``<stem>_files/``; returns ``target``."""
        conversation = self.conversation(conversation_id)
        files = target.with_name(target.stem + "_files")
        lines = [f"# {conversation.title or 'Conversation'}", ""]
        if conversation.system_prompt:
            lines += ["> System prompt: " + conversation.system_prompt.replace("\n", "\n> "), ""]
        for message in self.messages(conversation_id):
            lines.append(f"## {message.role.capitalize()}")
            lines.append("")
            for attachment in message.attachments:
                if attachment.kind == "image":
                    files.mkdir(parents=True, exist_ok=True)
                    name = f"{attachment.sha256[:16]}{_extension(attachment.mime)}"
                    shutil.copyfile(attachment.path, files / name)
                    lines += [f"![{attachment.name or 'image'}]({files.name}/{name})", ""]
                else:
                    text = attachment.read().decode("utf-8", "replace")
                    lines += [f"Attached file `{attachment.name}`:", "", "```", text, "```", ""]
            # GLM's box markers are tokens, not Markdown: export what the chat shows
            if message.thinking:
                lines += ["<details><summary>Thinking</summary>", "", readable_text(message.thinking), "", "</details>", ""]
            lines += [readable_text(message.content), ""]
            if message.status != "complete":
                lines += [f"*({message.status}{': ' + message.error if message.error else ''})*", ""]
        target.write_text("\n".join(lines), encoding="utf-8")
        return target

    def export_json(self, conversation_id: int, target: Path) -> Path:
        """Write the conversation, with attachments inlined as base64, to ``target`` (.json)."""
        conversation = self.conversation(conversation_id)
        data = {
            "format": "desktop_helper.conversation",
            "version": 1,
            "title": conversation.title,
            "system_prompt": conversation.system_prompt,
            "backend": conversation.backend,
            "model": conversation.model,
            "created": conversation.created,
            "messages": [
                {
                    "role": m.role,
                    "content": m.content,
                    "thinking": m.thinking,
                    "status": m.status,
                    "error": m.error,
                    "created": m.created,
                    "attachments": [
                        {
                            "kind": a.kind,
                            "name": a.name,
                            "mime": a.mime,
                            "width": a.width,
                            "height": a.height,
                            "sha256": a.sha256,
                            "meta": a.meta,
                            "data_base64": base64.b64encode(a.read()).decode("ascii"),
                        }
                        for a in m.attachments
                    ],
                }
                for m in self.messages(conversation_id)
            ],
        }
        target.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        return target

    # ----- attachment files
    def _store_file(self, data: bytes, mime: str) -> str:
        digest = hashlib.sha256(data).hexdigest()
        path = self._path_for(digest)
        if not path.exists() and digest not in self._unsaved_files:
            try:
                self._write_file(path, data)
            except OSError as exc:
                if self.db_path is None or not self._disk_full(exc):
                    raise
                self._unsaved_files[digest] = data
                self._start_unsaved(exc)
        return digest

    @staticmethod
    def _write_file(path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        try:
            tmp.write_bytes(data)
            tmp.replace(path)
        except OSError:
            tmp.unlink(missing_ok=True)
            raise

    def read_attachment(self, digest: str) -> bytes:
        """The content of the attachment file named ``digest`` (its sha256).

        Raises:
            OSError: the file is missing or unreadable.
        """
        unsaved = self._unsaved_files.get(digest)  # the disk was full: kept in memory until it can be written
        return unsaved if unsaved is not None else self._path_for(digest).read_bytes()

    def _path_for(self, digest: str) -> Path:
        path = self.attachments_dir / digest[:2] / digest
        if self.shared_attachments_dir is not None and not path.exists():
            shared = self.shared_attachments_dir / digest[:2] / digest
            if shared.exists():
                return shared
        return path

    def _collect_garbage(self, hashes: Sequence[str]) -> None:
        for digest in set(hashes):
            if self._db.execute("SELECT 1 FROM attachments WHERE sha256 = ? LIMIT 1", (digest,)).fetchone() is None:
                self._unsaved_files.pop(digest, None)
                # only this store's own folder: a shared one belongs to a history we must not change
                (self.attachments_dir / digest[:2] / digest).unlink(missing_ok=True)

    def _attachments_of(self, message_ids: Sequence[int]) -> dict[int, tuple[StoredAttachment, ...]]:
        result: dict[int, list[StoredAttachment]] = {}
        for start in range(0, len(message_ids), 500):
            chunk = list(message_ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            for row in self._db.execute(
                f"SELECT * FROM attachments WHERE message_id IN ({marks}) ORDER BY message_id, position",  # noqa: S608
                chunk,
            ):
                result.setdefault(row["message_id"], []).append(
                    StoredAttachment(
                        id=row["id"],
                        kind=row["kind"],
                        sha256=row["sha256"],
                        mime=row["mime"],
                        name=row["name"],
                        width=row["width"],
                        height=row["height"],
                        path=self._path_for(row["sha256"]),
                        meta=json.loads(row["meta"] or "{}"),
                        unsaved_data=self._unsaved_files.get(row["sha256"]),
                    )
                )
        return {k: tuple(v) for k, v in result.items()}

    @staticmethod
    def _message_from(row: sqlite3.Row, attachments: tuple[StoredAttachment, ...]) -> StoredMessage:
        return StoredMessage(
            id=row["id"],
            conversation_id=row["conversation_id"],
            role=row["role"],
            content=row["content"],
            thinking=row["thinking"],
            status=row["status"],
            error=row["error"],
            created=row["created"],
            attachments=attachments,
        )


def _connect(target: str, **options: Any) -> sqlite3.Connection:
    db: sqlite3.Connection = sqlite3.connect(target, isolation_level=None, **options)
    db.row_factory = sqlite3.Row
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA busy_timeout = 5000")
    return db


def _connect_file(path: Path) -> sqlite3.Connection:
    db = _connect(str(path))
    try:
        db.execute("PRAGMA journal_mode = WAL")
        # NORMAL in WAL mode: a committed transaction survives a process kill; only an OS
        # crash or power loss can drop the very last commits.
        db.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.Error:
        db.close()
        raise
    return db


def _snapshot(path: Path) -> sqlite3.Connection:
    """An in-memory copy of what the file holds, read without writing anything next to it (no -shm, no -wal)."""
    memory = _connect(":memory:")
    if path.exists() and path.stat().st_size > 0:
        source = sqlite3.connect(f"{path.as_uri()}?immutable=1", uri=True)
        try:
            source.backup(memory)
        finally:
            source.close()
    return memory


def _mark(db: sqlite3.Connection) -> tuple[int, ...]:
    """What identifies the state of a history for replaying changes onto it: schema and highest ids."""
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    if version == 0:
        return (0,)
    row = db.execute(
        "SELECT (SELECT ifnull(max(id), 0) FROM conversations), (SELECT ifnull(max(id), 0) FROM messages),"
        " (SELECT ifnull(max(id), 0) FROM attachments), (SELECT count(*) FROM messages)"
    ).fetchone()
    return (version, *(int(value) for value in row))


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
        store._notify(
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
        if isinstance(cause, sqlite3.Error) and _is_locked(cause):
            return _unwritable(db_path, attachments_dir, session_dir, "another program holds it locked")
        if isinstance(cause, sqlite3.Error) and _is_damage(cause):
            log.warning("history database damaged: %s", cause)
            return _recover(db_path, attachments_dir, session_dir, "it is not a readable SQLite database")
        store = HistoryStore.in_memory_copy(db_path, attachments_dir, session_dir)
        kept = t("{problem} This session's chats are kept in memory only.", problem=exc.message)
        store._notify(UserMessage(Level.ERROR, kept, exc.fix))
        return store
    if store.saving_paused:
        return store
    try:
        problem = store._db.execute("PRAGMA quick_check(1)").fetchone()[0]
    except sqlite3.Error as exc:
        problem = str(exc)
    if problem != "ok":
        log.warning("history database damaged: %s", problem)
        store.close()
        return _recover(db_path, attachments_dir, session_dir, "some of its pages are unreadable")
    if not store._writable():
        store.close()
        reason = (
            "another program holds it locked"
            if os.access(db_path.parent, os.W_OK)
            else "its folder cannot be written (read-only)"
        )
        return _unwritable(db_path, attachments_dir, session_dir, reason)
    return store


def _is_locked(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    return (code is not None and code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED)) or "locked" in str(error)


def _is_damage(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    text = str(error)
    return (
        (code is not None and code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)) or "malformed" in text or "not a database" in text
    )


def _unwritable(db_path: Path, attachments_dir: Path, session_dir: Path, reason: str) -> HistoryStore:
    store = HistoryStore.in_memory_copy(db_path, attachments_dir, session_dir)
    store._notify(
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
        store._notify(
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
    store._notify(
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
    counts = {"conversations": 0, "messages": 0, "attachments": 0}
    source.row_factory = sqlite3.Row
    with contextlib.suppress(sqlite3.Error):
        # tolerate schema errors (e.g. a statistics table on a lost page) that would hide every table;
        # the connection is read-only, so nothing can be written through it
        source.execute("PRAGMA writable_schema = ON")
    try:
        with store._transaction() as db:
            for table in counts:
                columns = {str(row[1]) for row in store._db.execute(f"PRAGMA table_info({table})")}
                for row in _readable_rows(source, table):
                    values = {key: row[key] for key in row.keys() if key in columns}  # noqa: SIM118 - a Row iterates values
                    marks = ", ".join("?" * len(values))
                    try:
                        db.execute(f"INSERT INTO {table}({', '.join(values)}) VALUES ({marks})", tuple(values.values()))  # noqa: S608 - names from the schema
                    except sqlite3.Error:  # e.g. a message whose conversation sat on a damaged page
                        continue
                    counts[table] += 1
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


_HASHES_OF_CONVERSATION = "SELECT a.sha256 FROM attachments a JOIN messages m ON m.id = a.message_id WHERE m.conversation_id = ?"


def _title_from(content: str, attachments: Sequence[NewAttachment]) -> str:
    text = " ".join(content.split())
    if not text and attachments:
        text = attachments[0].name or "Image"
    return text[:60] + ("…" if len(text) > 60 else "") if text else "New conversation"


def _extension(mime: str) -> str:
    return {"image/png": ".png", "image/jpeg": ".jpg", "image/webp": ".webp", "image/gif": ".gif"}.get(mime, ".bin")
