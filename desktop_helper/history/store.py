"""Conversation history in SQLite: versioned schema, full-text search, content-addressed attachments.

History is valuable data, so:

* the database runs in WAL mode and every write is its own short transaction, so a crash or a
  SIGKILL loses at most the write in flight (the streaming answer is saved every few tokens);
* the schema version lives in ``PRAGMA user_version`` and is upgraded by named migrations, each
  in one transaction, after the database file has been copied aside (``history.sqlite3.bak-v<N>``);
* attachments are files named by the SHA-256 of their content under ``attachments/ab/abcdef...``,
  so the same screenshot attached twice is stored once, and a file is removed only when no
  message refers to it any more.

The store is used from one thread (the GUI thread); every call is short. It has no Qt in it.
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
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from desktop_helper.core.errors import UserError
from desktop_helper.parsers.special_tokens import readable_text

log = logging.getLogger(__name__)

MessageStatus = Literal["complete", "streaming", "cancelled", "error"]
AttachmentKind = Literal["image", "text"]


class HistoryError(UserError):
    """The history database cannot be opened, upgraded or written."""


# ----- schema migrations: (name, function); the schema version is the number applied
def _run_script(db: sqlite3.Connection, script: str) -> None:
    """Run statements one by one (``executescript`` would commit the migration's transaction)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""


def _m001_initial(db: sqlite3.Connection) -> None:
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


def _m002_full_text_search(db: sqlite3.Connection) -> None:
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


MIGRATIONS: tuple[tuple[str, Callable[[sqlite3.Connection], None]], ...] = (
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

    def read(self) -> bytes:
        return self.path.read_bytes()


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
        try:
            if db_path is not None:
                db_path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(db_path) if db_path is not None else ":memory:", isolation_level=None)
            self._db.row_factory = sqlite3.Row
            self._db.execute("PRAGMA foreign_keys = ON")
            if db_path is not None:
                self._db.execute("PRAGMA journal_mode = WAL")
                # NORMAL in WAL mode: a committed transaction survives a process kill; only an OS
                # crash or power loss can drop the very last commits.
                self._db.execute("PRAGMA synchronous = NORMAL")
            self._db.execute("PRAGMA busy_timeout = 5000")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise HistoryError(
                f"The history database {db_path} cannot be opened: {exc}.",
                "Move the file aside to start a new history, or restore its backup.",
            ) from exc

    # ----- schema
    @property
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        version = self.schema_version
        if version > SCHEMA_VERSION:
            raise HistoryError(
                f"The history database {self.db_path} was written by a newer version (schema {version}).",
                "Update Desktop Helper, or move the file aside to start a new history.",
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
            with self._transaction():
                migrate(self._db)
                self._db.execute(f"PRAGMA user_version = {number}")
            log.info("history schema migrated to %d (%s)", number, name)

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self._db.execute("PRAGMA optimize")
        self._db.close()
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
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.write_bytes(data)
            tmp.replace(path)
        return digest

    def _path_for(self, digest: str) -> Path:
        return self.attachments_dir / digest[:2] / digest

    def _collect_garbage(self, hashes: Sequence[str]) -> None:
        for digest in set(hashes):
            if self._db.execute("SELECT 1 FROM attachments WHERE sha256 = ? LIMIT 1", (digest,)).fetchone() is None:
                self._path_for(digest).unlink(missing_ok=True)

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


_HASHES_OF_CONVERSATION = "SELECT a.sha256 FROM attachments a JOIN messages m ON m.id = a.message_id WHERE m.conversation_id = ?"


def _title_from(content: str, attachments: Sequence[NewAttachment]) -> str:
    text = " ".join(content.split())
    if not text and attachments:
        text = attachments[0].name or "Image"
    return text[:60] + ("…" if len(text) > 60 else "") if text else "New conversation"


def _extension(mime: str) -> str:
    return {"image/png": ".png", "image/jpeg": ".jpg", "image/webp": ".webp", "image/gif": ".gif"}.get(mime, ".bin")
