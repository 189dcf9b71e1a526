"""The history's records: conversations, messages and their attachments as stored, and search hits."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

MessageStatus = Literal["complete", "streaming", "cancelled", "error"]
AttachmentKind = Literal["image", "text"]


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
