"""Conversation history in SQLite: versioned schema, full-text search, content-addressed attachments.

History is valuable data, so:

* the database runs in WAL mode and every write is its own short transaction, so a crash or a
  SIGKILL loses at most the write in flight (the streaming answer is saved every few tokens);
* the schema version lives in ``PRAGMA user_version`` and is upgraded by named migrations, each
  in one transaction, after the database file has been copied aside (``history.sqlite3.bak-v<N>``);
* attachments are files named by the SHA-256 of their content under ``attachments/ab/abcdef...``,
  so the same screenshot attached twice is stored once, and a file is removed only when no
  message refers to it any more.

* damaged, locked or unwritable state never stops the app (:func:`~desktop_helper.history.recovery.open_history`):
  a damaged file is moved aside and its readable rows copied into a new one; a locked or read-only one is
  shown from an in-memory copy and left untouched;
* a full disk never loses an answer: the store goes on in an in-memory copy, remembers the changes and
  writes them to the file when space returns (:meth:`HistoryStore.save_unsaved`, :mod:`.disk_full`).

The schema and its migrations are in :mod:`.schema`, the records in :mod:`.records`. The store is used
from one thread (the GUI thread); every call is short. It has no Qt in it.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import logging
import re
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from desktop_helper.core.errors import UserError
from desktop_helper.core.i18n import t
from desktop_helper.core.messages import Level, UserMessage
from desktop_helper.history import schema
from desktop_helper.history.disk_full import (
    UnsavedChanges,
    changed_meanwhile_notice,
    disk_full_fix,
    disk_full_message,
    is_disk_full,
    saved_again_notice,
    saving_stopped_notice,
    state_mark,
)
from desktop_helper.history.records import Conversation, MessageStatus, NewAttachment, SearchHit, StoredAttachment, StoredMessage
from desktop_helper.parsers.special_tokens import readable_text

log = logging.getLogger(__name__)


class HistoryError(UserError):
    """The history database cannot be opened, upgraded or written."""


class NewerHistoryError(HistoryError):
    """The history database was written by a newer version of the app."""


# SQLite's primary result codes (stable; the sqlite3 module names them only from Python 3.11)
_SQLITE_BUSY, _SQLITE_LOCKED = 5, 6


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
        # While the disk is full the store works on an in-memory copy: ``_unsaved`` holds the changes
        # made since (None while saving works), ``_unsaved_files`` the attachment files not yet written.
        self._unsaved: UnsavedChanges | None = None
        self._unsaved_files: dict[str, bytes] = {}
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
                    if not is_disk_full(exc, db_path):
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
                    if int(source.execute("PRAGMA user_version").fetchone()[0]) == schema.SCHEMA_VERSION:
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

    def add_notice(self, message: UserMessage) -> None:
        """Tell the user something about the history: logged, kept in :attr:`notices`, sent to the listeners."""
        log.log(logging.INFO if message.level == Level.INFO else logging.WARNING, "%s", message.full_text())
        self.notices.append(message)
        for listener in list(self._notice_listeners):
            listener(message)

    # ----- a full disk
    @property
    def saving_paused(self) -> bool:
        """True while changes are kept in memory because the disk was full."""
        return self._unsaved is not None

    def _start_unsaved(self, error: BaseException) -> None:
        """Go on in memory after the disk filled up; tell the user once."""
        if self._unsaved is not None:
            return
        file_db = None
        if self.db_path is not None and self._db_is_file():
            memory = _connect(":memory:")
            self._db.backup(memory)  # reading needs no space
            file_db, self._db = self._db, memory
        self._unsaved = UnsavedChanges(file_db, state_mark(file_db or self._db))
        log.warning("history kept in memory: %s", error)
        self.add_notice(saving_stopped_notice(self.db_path))

    def is_writable(self) -> bool:
        """Whether a write can start within a short wait (False: another program holds the database locked)."""
        self._db.execute("PRAGMA busy_timeout = 2000")
        try:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.execute("ROLLBACK")
        except sqlite3.OperationalError as exc:
            if is_locked(exc) or "readonly" in str(exc):
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
        unsaved = self._unsaved
        if unsaved is None:
            return True
        if not force and not unsaved.due:
            return False
        assert self.db_path is not None
        try:
            for digest, data in list(self._unsaved_files.items()):
                self._write_file(self._path_for(digest), data)
                del self._unsaved_files[digest]
            if unsaved.file_db is None:
                unsaved.file_db = _connect_file(self.db_path)
            written = unsaved.write(unsaved.file_db, self._db)
        except (sqlite3.Error, OSError) as exc:
            log.info("history still cannot be saved: %s", exc)
            unsaved.back_off()
            return False
        if not written:
            # another program changed the file meanwhile: writing our changes over it could mix up both
            unsaved.give_up()
            self.add_notice(changed_meanwhile_notice(self.db_path))
            return False
        self._db.close()
        self._db, self._unsaved = unsaved.file_db, None
        self.add_notice(saved_again_notice(self.db_path))
        return True

    def integrity_problem(self) -> str:
        """What SQLite's quick check finds wrong with the database; empty when it is sound."""
        try:
            problem = str(self._db.execute("PRAGMA quick_check(1)").fetchone()[0])
        except sqlite3.Error as exc:
            problem = str(exc)
        return "" if problem == "ok" else problem

    def import_rows(self, rows_by_table: Mapping[str, Iterable[sqlite3.Row]]) -> dict[str, int]:
        """Insert rows read from another history file, in one transaction; how many of each table went in.

        Columns this schema lacks are left out; a row that does not fit (e.g. a message whose conversation
        sat on a damaged page) is skipped.
        """
        counts = dict.fromkeys(rows_by_table, 0)
        with self._transaction() as db:
            for table, rows in rows_by_table.items():
                columns = {str(row[1]) for row in self._db.execute(f"PRAGMA table_info({table})")}
                for row in rows:
                    values = {key: row[key] for key in row.keys() if key in columns}  # noqa: SIM118 - a Row iterates values
                    marks = ", ".join("?" * len(values))
                    try:
                        db.execute(f"INSERT INTO {table}({', '.join(values)}) VALUES ({marks})", tuple(values.values()))  # noqa: S608 - names from the schema
                    except sqlite3.Error:
                        continue
                    counts[table] += 1
        return counts

    # ----- schema
    @property
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        version = self.schema_version
        if version > schema.SCHEMA_VERSION:
            raise NewerHistoryError(
                t(
                    "The history database {db_path} was written by a newer version (schema {version}).",
                    db_path=self.db_path,
                    version=version,
                ),
                t("Update Desktop Helper, or move the file aside to start a new history."),
            )
        if version == schema.SCHEMA_VERSION:
            return
        if version > 0 and self.db_path is not None:
            self.backup_path = self.db_path.with_name(f"{self.db_path.name}.bak-v{version}")
            backup = sqlite3.connect(str(self.backup_path))
            try:
                self._db.backup(backup)
            finally:
                backup.close()
            log.info("history backed up to %s before migrating from schema %d", self.backup_path, version)
        for number, (name, migrate) in enumerate(schema.MIGRATIONS[version:], start=version + 1):
            with self._transaction() as db:
                migrate(db)
                db.execute(f"PRAGMA user_version = {number}")
            log.info("history schema migrated to %d (%s)", number, name)

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[schema.RecordingExecutor]:
        """One short write transaction; when the disk is full it goes to the in-memory copy instead."""
        if self._unsaved is not None:
            self.save_unsaved()
        db = self._db
        executor = schema.RecordingExecutor(db)
        body_done = False
        db.execute("BEGIN IMMEDIATE")
        try:
            yield executor
            body_done = True
            db.execute("COMMIT")
        except BaseException as exc:
            if db.in_transaction:
                db.execute("ROLLBACK")
            if self._unsaved is not None or self.db_path is None or not is_disk_full(exc, self.db_path):
                raise
            self._start_unsaved(exc)
            if not body_done:
                raise HistoryError(disk_full_message(self.db_path), disk_full_fix()) from exc
            # the whole transaction ran and only its commit failed: run it again on the copy
            with self._transaction() as memory:
                for sql, parameters in executor.statements:
                    memory.execute(sql, parameters)
            return
        if self._unsaved is not None:
            self._unsaved.remember(executor.statements)

    def close(self) -> None:
        if self._unsaved is not None and not self.save_unsaved(force=True):
            log.error("%d history change(s) could not be saved for lack of disk space", len(self._unsaved))
        with contextlib.suppress(sqlite3.Error):
            self._db.execute("PRAGMA optimize")
        self._db.close()
        if self._unsaved is not None and self._unsaved.file_db is not None:
            self._unsaved.file_db.close()
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
                if self.db_path is None or not is_disk_full(exc, self.db_path):
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


def is_locked(error: sqlite3.Error) -> bool:
    """Whether ``error`` says another program holds the database locked."""
    code = getattr(error, "sqlite_errorcode", None)
    return (code is not None and code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED)) or "locked" in str(error)


_HASHES_OF_CONVERSATION = "SELECT a.sha256 FROM attachments a JOIN messages m ON m.id = a.message_id WHERE m.conversation_id = ?"


def _title_from(content: str, attachments: Sequence[NewAttachment]) -> str:
    text = " ".join(content.split())
    if not text and attachments:
        text = attachments[0].name or "Image"
    return text[:60] + ("…" if len(text) > 60 else "") if text else "New conversation"


def _extension(mime: str) -> str:
    return {"image/png": ".png", "image/jpeg": ".jpg", "image/webp": ".webp", "image/gif": ".gif"}.get(mime, ".bin")
