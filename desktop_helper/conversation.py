"""A conversation with the model, without Qt: requests, the answer streaming into the history, images sent.

The chat window (ui/chat_window.py) is its view: it reads the question box and the controls,
shows what happens, and calls this for everything that concerns the data. :meth:`ConversationSession.build_request`
is the one request builder, used by Send and by the pre-encode (so the prefix read ahead is exactly
the one the answer starts with).

The answer is written to the history while it streams (every :data:`SAVE_INTERVAL` seconds), so
killing the app loses at most the last fraction of a second.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from desktop_helper.backends.base import ChatRequest, Done, Event, ImagesSent, TextDelta, ThinkingDelta, Usage
from desktop_helper.core.types import FinishReason, ImagePart, Message, Part, TextPart
from desktop_helper.history.store import HistoryStore, NewAttachment, StoredAttachment, StoredMessage
from desktop_helper.media.documents import Attachment
from desktop_helper.parsers.boxes import GroundingItem

log = logging.getLogger(__name__)

#: seconds between saves of a streaming answer
SAVE_INTERVAL = 0.2
#: attachments resized for sending, kept so the pre-encode and the send resize each image once (LRU)
SIZED_CACHE = 64

AnswerStatus = Literal["complete", "cancelled", "error"]


@dataclass
class AnswerStream:
    """The answer being generated."""

    conversation_id: int
    message_id: int
    content: str = ""
    thinking: str = ""
    saved_at: float = 0.0
    dirty: bool = False
    #: the last image of the request: the one the answer's boxes refer to
    image: ImagePart | None = None
    usage: Usage | None = None
    started: float = field(default_factory=time.monotonic)
    #: what the status line says the model is doing: "", "thinking" or "answer"
    phase: str = ""


@dataclass(frozen=True)
class BoxesToDraw:
    """An answer's boxes and the image they refer to."""

    image: bytes
    items: tuple[GroundingItem, ...]
    #: whether the image's place on the screen is known (a capture of this session), so the boxes can be shown there
    on_screen: bool

    def draw(self) -> bytes:
        """The boxes drawn on the image, as a PNG: decoding, drawing and encoding take a while, so call it on a worker."""
        from desktop_helper.media.annotate import draw_items_on_png

        return draw_items_on_png(self.image, self.items)


class ConversationSession:
    """The data side of the chat: what is sent, what is saved, which image an answer saw.

    Args:
        history: where conversations, messages and attachments are kept.
    """

    def __init__(self, history: HistoryStore) -> None:
        self.history = history
        self.stream: AnswerStream | None = None
        # user message id -> attachments as loaded (capture geometry kept, which the history does not store)
        self._live: dict[int, list[Attachment]] = {}
        # assistant message id -> the image its boxes refer to
        self._sent_images: dict[int, ImagePart] = {}
        self._sized: OrderedDict[tuple[int, int], tuple[Attachment, list[Part]]] = OrderedDict()

    # ----- requests
    def build_request(
        self,
        conversation_id: int | None,
        pending: Sequence[Attachment] = (),
        before: int | None = None,
        *,
        system_prompt: str,
        budget: int,
        thinking: bool,
        max_tokens: int,
    ) -> ChatRequest:
        """The request for the conversation's next answer (what would be sent).

        Args:
            conversation_id: the conversation; None: a new one (with ``system_prompt``).
            pending: attachments not sent yet: the next user turn without its question (the pre-encode's prefix).
            before: leave out the messages from this id on (the question being edited).
            system_prompt: the system prompt of a new conversation (a stored one keeps its own).
            budget: image tokens per image.
            thinking: whether the model reasons first.
            max_tokens: the answer's length limit; 0: the backend's.
        """
        messages: list[Message] = []
        system = system_prompt if conversation_id is None else self.history.conversation(conversation_id).system_prompt
        if system:
            messages.append(Message.text("system", system))
        for stored in self.history.messages(conversation_id) if conversation_id is not None else []:
            if before is not None and stored.id >= before:
                break
            if stored.role == "user":
                messages.append(self._user_message(self.attachments_of(stored), stored.content, budget))
            elif stored.role == "assistant" and stored.content and stored.status == "complete":
                messages.append(Message.text("assistant", stored.content))
        if pending:
            messages.append(self._user_message(pending, "", budget))
        return ChatRequest(tuple(messages), thinking=thinking, image_token_budget=budget, max_tokens=max_tokens or None)

    def _user_message(self, attachments: Sequence[Attachment], text: str, budget: int) -> Message:
        parts: list[Part] = []
        for attachment in attachments:
            parts.extend(self._sized_parts(attachment, budget))
        if text:
            parts.append(TextPart(text))
        return Message("user", tuple(parts))

    def is_sized(self, attachment: Attachment, budget: int) -> bool:
        """Whether ``attachment`` was resized for ``budget`` already (else a worker should, before a request)."""
        return (id(attachment), budget) in self._sized

    def _sized_parts(self, attachment: Attachment, budget: int) -> list[Part]:
        """``attachment.parts(budget)``, resized once for the pre-encode and the send (the entry keeps the id valid)."""
        entry = self._sized.get((id(attachment), budget))
        if entry is not None and entry[0] is attachment:
            self._sized.move_to_end((id(attachment), budget))
            return entry[1]
        return self.remember_sized(attachment, budget, attachment.parts(budget))

    def remember_sized(self, attachment: Attachment, budget: int, parts: list[Part]) -> list[Part]:
        """Keep ``attachment``'s parts resized for ``budget`` (made on a worker) for the next request."""
        self._sized[(id(attachment), budget)] = (attachment, parts)
        self._sized.move_to_end((id(attachment), budget))
        while len(self._sized) > SIZED_CACHE:
            self._sized.popitem(last=False)
        return parts

    # ----- questions
    def add_question(self, conversation_id: int, text: str, attachments: list[Attachment]) -> StoredMessage:
        """Store a question with its attachments (kept as loaded, for their capture geometry)."""
        stored = self.history.add_message(conversation_id, "user", text, attachments=_to_store(attachments))
        self._live[stored.id] = attachments
        return stored

    def attachments_of(self, message: StoredMessage) -> list[Attachment]:
        """A question's attachments: as loaded in this session, or rebuilt from the history."""
        return self._live.get(message.id) or _attachments_from_stored(message.attachments)

    # ----- the answer
    def start_answer(self, conversation_id: int, request: ChatRequest) -> AnswerStream:
        """Store an empty streaming answer for ``request`` and start recording into it."""
        answer = self.history.add_message(conversation_id, "assistant", "", status="streaming")
        images = [p for m in request.messages for p in m.parts if isinstance(p, ImagePart)]
        self.stream = AnswerStream(conversation_id, answer.id, image=images[-1] if images else None)
        return self.stream

    def record(self, event: Event) -> None:
        """Add a streamed event to the answer (text, thinking, usage, the images sent) and save it when it is time."""
        stream = self.stream
        if stream is None:
            return
        if isinstance(event, TextDelta):
            stream.content += event.text
            stream.dirty = True
        elif isinstance(event, ThinkingDelta):
            stream.thinking += event.text
            stream.dirty = True
        elif isinstance(event, Usage):
            stream.usage = event
        elif isinstance(event, ImagesSent) and event.images:
            stream.image = event.images[-1]  # what the model saw: its boxes refer to this image
        if stream.dirty and time.monotonic() - stream.saved_at >= SAVE_INTERVAL:
            self.save_stream("streaming")

    def save_stream(self, status: Literal["streaming", "complete", "cancelled", "error"], error: str = "") -> None:
        stream = self.stream
        if stream is None:
            return
        self.history.update_message(
            stream.message_id,
            content=stream.content,
            thinking=stream.thinking,
            status=status,
            error=error if status != "streaming" else None,
        )
        stream.saved_at = time.monotonic()
        stream.dirty = False

    def finish(self, done: Done, error: str) -> tuple[AnswerStream, AnswerStatus]:
        """Save the ended answer with its final status and ``error``, and remember the image it saw."""
        stream = self.stream
        assert stream is not None
        status: AnswerStatus = {FinishReason.CANCELLED: "cancelled", FinishReason.ERROR: "error"}.get(  # type: ignore[assignment]
            done.reason, "complete"
        )
        self.save_stream(status, error)
        self.stream = None
        if stream.image is not None:
            self._sent_images[stream.message_id] = stream.image
        else:
            # SQLite hands a deleted answer's id out again (after edit or regenerate): its capture is not this one's.
            self._sent_images.pop(stream.message_id, None)
        return stream, status

    def abandon(self, error: str) -> None:
        """Save the streaming answer as cancelled (the app is closing)."""
        if self.stream is not None:
            self.save_stream("cancelled", error)
            self.stream = None

    # ----- images
    def sent_image(self, message_id: int) -> ImagePart | None:
        """The image answer ``message_id`` saw, when it was sent in this session (with its capture geometry)."""
        return self._sent_images.get(message_id)

    def boxes_of(self, stored: StoredMessage, conversation: list[StoredMessage] | None = None) -> BoxesToDraw | None:
        """The answer's boxes and the image they refer to, or None (no boxes, no image).

        Args:
            conversation: the conversation's messages when already loaded (spares a query per answer).
        """
        from desktop_helper.parsers.boxes import parse_boxes

        result = parse_boxes(stored.content, stored.thinking)
        if not result.items:
            return None
        image = self._sent_images.get(stored.id)
        data = image.data if image is not None else self._last_image_before(stored, conversation)
        if data is None:
            return None
        return BoxesToDraw(data, tuple(result.items), image is not None and image.geometry is not None)

    def _last_image_before(self, stored: StoredMessage, conversation: list[StoredMessage] | None) -> bytes | None:
        if conversation is None:
            conversation = self.history.messages(stored.conversation_id)
        for earlier in reversed(conversation):
            if earlier.id >= stored.id or earlier.role != "user":
                continue
            images = [a for a in earlier.attachments if a.kind == "image"]
            if images:
                try:
                    return images[-1].read()
                except OSError:
                    return None
        return None


def _to_store(attachments: list[Attachment]) -> list[NewAttachment]:
    stored: list[NewAttachment] = []
    for group, attachment in enumerate(attachments):
        meta = {"group": group, "kind": attachment.kind, "note": attachment.note, "source": attachment.name}
        if attachment.kind == "text":
            stored.append(NewAttachment("text", attachment.text.encode("utf-8"), "text/plain", attachment.name, meta=meta))
        for image in attachment.images:
            stored.append(
                NewAttachment("image", image.data, image.mime, image.name or attachment.name, image.width, image.height, meta)
            )
    return stored


def _attachments_from_stored(stored: tuple[StoredAttachment, ...]) -> list[Attachment]:
    """Rebuild attachments from history rows (grouped as they were attached)."""
    groups: dict[int, list[StoredAttachment]] = {}
    for row in stored:
        groups.setdefault(int(row.meta.get("group", row.id)), []).append(row)
    result: list[Attachment] = []
    for rows in groups.values():
        first = rows[0]
        kind = first.meta.get("kind", first.kind)
        name = first.meta.get("source", first.name)
        try:
            if kind == "text":
                result.append(
                    Attachment(name, "text", text=first.read().decode("utf-8", "replace"), note=first.meta.get("note", ""))
                )
                continue
            images = tuple(ImagePart(r.read(), r.mime, r.width, r.height, name=r.name) for r in rows if r.kind == "image")
        except OSError:
            log.warning("attachment files of %s are missing", name)
            continue
        result.append(Attachment(name, kind, images, note=first.meta.get("note", "")))
    return result
