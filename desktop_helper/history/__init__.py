"""Conversation history: SQLite with a versioned schema, full-text search and attachment files."""

from desktop_helper.history.store import (
    Conversation,
    HistoryError,
    HistoryStore,
    NewAttachment,
    SearchHit,
    StoredAttachment,
    StoredMessage,
)

__all__ = ["Conversation", "HistoryError", "HistoryStore", "NewAttachment", "SearchHit", "StoredAttachment", "StoredMessage"]
