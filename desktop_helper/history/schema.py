"""The history database's schema: named migrations, each run in one transaction; the version is the number applied.

The version lives in ``PRAGMA user_version``; :class:`~desktop_helper.history.store.HistoryStore` copies the
file aside before it upgrades an older one. A new migration is appended to :data:`MIGRATIONS`, never edited in.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from typing import Any


class RecordingExecutor:
    """A connection's ``execute`` that remembers what it ran, so a transaction can be run again elsewhere."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self.statements: list[tuple[str, tuple[Any, ...]]] = []

    def execute(self, sql: str, parameters: Sequence[Any] = ()) -> sqlite3.Cursor:
        cursor = self._db.execute(sql, parameters)
        self.statements.append((sql, tuple(parameters)))
        return cursor


def _run_script(db: RecordingExecutor, script: str) -> None:
    """Run statements one by one (``executescript`` would commit the migration's transaction)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""


def _m001_initial(db: RecordingExecutor) -> None:
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


def _m002_full_text_search(db: RecordingExecutor) -> None:
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


MIGRATIONS: tuple[tuple[str, Callable[[RecordingExecutor], None]], ...] = (
    ("initial", _m001_initial),
    ("full_text_search", _m002_full_text_search),
)
SCHEMA_VERSION = len(MIGRATIONS)
