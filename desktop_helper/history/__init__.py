"""Conversation history: SQLite with a versioned schema, full-text search and attachment files."""

from desktop_helper.history.records import Conversation, NewAttachment, SearchHit, StoredAttachment, StoredMessage
from desktop_helper.history.store import HistoryError, HistoryStore

__all__ = ["Conversation", "HistoryError", "HistoryStore", "NewAttachment", "SearchHit", "StoredAttachment", "StoredMessage"]
