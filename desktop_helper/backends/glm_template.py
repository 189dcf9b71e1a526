"""Render a GGUF's embedded chat template (GLM-4.6V's) for our message types, with its arguments.

llama-cpp-python's ``create_chat_completion`` does not pass template arguments such as
``enable_thinking``, and its multimodal handler substitutes images in a way that does not fit
GLM's template (which writes its own ``<|begin_of_image|><|image|><|end_of_image|>``). So we
render the template ourselves, in a sandbox like transformers and llama.cpp do, and replace each
image placeholder the template emits by mtmd's media marker (mtmd adds the begin/end tokens
around the image embeddings itself).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desktop_helper.core.errors import BackendError
from desktop_helper.core.i18n import t
from desktop_helper.core.types import ImagePart, Message, TextPart, ToolSpec, VideoPart

IMAGE_PLACEHOLDER = "<|begin_of_image|><|image|><|end_of_image|>"
VIDEO_PLACEHOLDER = "<|begin_of_video|><|video|><|end_of_video|>"


@dataclass(frozen=True)
class RenderedPrompt:
    """The prompt text with one media marker per image, and the images in marker order."""

    text: str
    images: tuple[ImagePart, ...]


class ChatTemplate:
    """A compiled chat template.

    Args:
        source: the Jinja source (``tokenizer.chat_template`` of the GGUF).
    """

    def __init__(self, source: str) -> None:
        import jinja2
        import jinja2.ext
        from jinja2.sandbox import ImmutableSandboxedEnvironment

        if not source.strip():
            raise BackendError(
                t("The model file has no chat template."), t("Use a GLM-4.6V-Flash GGUF that embeds its chat template.")
            )
        env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True, extensions=[jinja2.ext.loopcontrols])
        env.filters["tojson"] = _tojson
        env.globals["raise_exception"] = _raise
        env.globals["strftime_now"] = lambda fmt: datetime.now().strftime(fmt)
        try:
            self._template = env.from_string(source)
        except jinja2.TemplateError as exc:
            raise BackendError(
                t("The model's chat template is invalid: {exc}.", exc=exc), t("Use an unmodified GLM-4.6V-Flash GGUF.")
            ) from exc
        self.source = source

    def render(
        self,
        messages: Sequence[Message],
        *,
        media_marker: str,
        thinking: bool,
        tools: Sequence[ToolSpec] = (),
        add_generation_prompt: bool = True,
    ) -> RenderedPrompt:
        """Render ``messages`` for generation.

        Args:
            messages: the conversation; images become media markers, video parts their frames.
            media_marker: mtmd's marker, put where each image goes.
            thinking: ``enable_thinking`` for the template.
            tools: functions offered to the model (in the template's system block).
            add_generation_prompt: end with the assistant's turn opener.
        """
        import jinja2

        images: list[ImagePart] = []
        converted = [_message_dict(m, images) for m in messages]
        try:
            text = self._template.render(
                messages=converted,
                tools=[_tool_dict(t) for t in tools] or None,
                add_generation_prompt=add_generation_prompt,
                enable_thinking=thinking,
            )
        except (jinja2.TemplateError, TypeError, ValueError) as exc:
            raise BackendError(
                t("The chat template could not render this conversation: {exc}.", exc=exc), t("Start a new chat.")
            ) from exc
        count = text.count(IMAGE_PLACEHOLDER)
        if count != len(images):
            raise BackendError(
                t("The chat template placed {count} images but the conversation has {count2}.", count=count, count2=len(images)),
                t("Use an unmodified GLM-4.6V-Flash GGUF; its template marks each image."),
            )
        return RenderedPrompt(text.replace(IMAGE_PLACEHOLDER, media_marker), tuple(images))


def _message_dict(message: Message, images: list[ImagePart]) -> dict[str, Any]:
    content: list[dict[str, Any]] = []
    for part in message.parts:
        if isinstance(part, TextPart):
            content.append({"type": "text", "text": part.text})
        elif isinstance(part, ImagePart):
            images.append(part)
            content.append({"type": "image"})
        elif isinstance(part, VideoPart):
            # the local model takes video as its sampled frames, each an image, in order
            total = len(part.frames)
            content.append({"type": "text", "text": f"[video{': ' + part.name if part.name else ''}, {total} frames]"})
            for frame in part.frames:
                images.append(frame)
                content.append({"type": "image"})
    role = message.role
    result: dict[str, Any] = {"role": role}
    has_media = any(item["type"] == "image" for item in content)
    if role in ("assistant", "system", "tool") and not has_media:
        result["content"] = "".join(item.get("text", "") for item in content)
    else:
        result["content"] = content
    if role == "assistant":
        if message.thinking:
            result["reasoning_content"] = message.thinking
        if message.tool_calls:
            result["tool_calls"] = [
                {"id": c.id, "type": "function", "function": {"name": c.name, "arguments": c.arguments}}
                for c in message.tool_calls
            ]
    if role == "tool" and message.tool_call_id:
        result["tool_call_id"] = message.tool_call_id
    return result


def _tool_dict(tool: ToolSpec) -> dict[str, Any]:
    return {"type": "function", "function": {"name": tool.name, "description": tool.description, "parameters": tool.parameters}}


def _tojson(value: Any, indent: int | None = None, ensure_ascii: bool = False, sort_keys: bool = False) -> str:
    return json.dumps(value, indent=indent, ensure_ascii=ensure_ascii, sort_keys=sort_keys)


def _raise(message: str) -> None:
    raise ValueError(message)
