"""Conversation-level types shared by backends, history, the agent and the UI."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any, Literal

from desktop_helper.core.geometry import CaptureGeometry

Role = Literal["system", "user", "assistant", "tool"]


@dataclass(frozen=True)
class ImagePart:
    """An encoded image (PNG/JPEG/WebP bytes) ready to send, with where it came from if it was a capture."""

    data: bytes
    mime: str
    width: int
    height: int
    geometry: CaptureGeometry | None = None
    name: str = ""


@dataclass(frozen=True)
class VideoPart:
    """A video: sampled frames for backends that take images, the file for those that take video."""

    frames: tuple[ImagePart, ...]
    path: str | None = None
    mime: str = "video/mp4"
    name: str = ""


@dataclass(frozen=True)
class TextPart:
    text: str


Part = TextPart | ImagePart | VideoPart


@dataclass(frozen=True)
class ToolCall:
    id: str
    name: str
    arguments: dict[str, Any]


@dataclass(frozen=True)
class ToolSpec:
    """A function the model may call; ``parameters`` is a JSON schema object."""

    name: str
    description: str
    parameters: dict[str, Any] = field(default_factory=lambda: {"type": "object", "properties": {}})


@dataclass(frozen=True)
class Message:
    role: Role
    parts: tuple[Part, ...] = ()
    tool_calls: tuple[ToolCall, ...] = ()
    tool_call_id: str | None = None
    thinking: str = ""

    @staticmethod
    def text(role: Role, text: str) -> Message:
        return Message(role, (TextPart(text),))

    @property
    def text_content(self) -> str:
        return "".join(p.text for p in self.parts if isinstance(p, TextPart))

    @property
    def images(self) -> list[ImagePart]:
        return [p for p in self.parts if isinstance(p, ImagePart)]


class FinishReason(enum.Enum):
    STOP = "stop"
    LENGTH = "length"
    TOOL_CALLS = "tool_calls"
    CANCELLED = "cancelled"
    ERROR = "error"
