"""The chat-completions request for an OpenAI-compatible server, in its provider's dialect.

Our messages become the OpenAI form (images fitted to the server's limits and the token budget, video as
``video_url`` or its frames, tool calls and results), and a :class:`ChatRequest` becomes the keyword
arguments of ``chat.completions.create`` with the thinking switch, sampling and special-token options
the provider understands. :mod:`desktop_helper.backends.openai_compat` sends what this builds.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from desktop_helper.backends.base import GLM_REPEAT_PENALTY, GLM_TEMPERATURE, GLM_TOP_K, GLM_TOP_P, ChatRequest
from desktop_helper.core.errors import MediaError
from desktop_helper.core.i18n import t
from desktop_helper.core.types import ImagePart, Message, TextPart, ToolSpec, VideoPart
from desktop_helper.media.images import fit_image
from desktop_helper.settings.providers import ProviderConfig, SamplingDialect, ThinkingStyle


def request_params(config: ProviderConfig, request: ChatRequest, messages: list[dict[str, Any]]) -> dict[str, Any]:
    """The keyword arguments for ``chat.completions.create``, in the provider's dialect."""
    extra: dict[str, Any] = {}
    params: dict[str, Any] = {
        "model": config.model,
        "messages": messages,
        "stream": True,
        "temperature": GLM_TEMPERATURE if request.temperature is None else request.temperature,
        "top_p": GLM_TOP_P if request.top_p is None else request.top_p,
    }
    if request.max_tokens is not None:
        params["max_tokens"] = request.max_tokens
    if config.stream_usage:
        params["stream_options"] = {"include_usage": True}
    if request.tools:
        params["tools"] = [tool_schema(tool) for tool in request.tools]
        # Z.ai accepts only "auto"; it is also every other server's default
        params["tool_choice"] = "auto"
    if config.thinking is ThinkingStyle.ZAI:
        extra["thinking"] = {"type": "enabled" if request.thinking else "disabled"}
        if params["temperature"] <= 0:
            # Zhipu's API takes temperature in (0, 1]; greedy decoding is asked for with do_sample
            del params["temperature"], params["top_p"]
            extra["do_sample"] = False
    elif config.thinking is ThinkingStyle.TEMPLATE_KWARGS:
        extra["chat_template_kwargs"] = {"enable_thinking": request.thinking}
    elif config.thinking is ThinkingStyle.REASONING_EFFORT:
        params["reasoning_effort"] = "medium" if request.thinking else "none"
    if config.keep_special_tokens:
        # GLM's <|begin_of_box|> markers are special tokens; vLLM-likes drop them by default
        extra["skip_special_tokens"] = False
    top_k = GLM_TOP_K if request.top_k is None else request.top_k
    penalty = GLM_REPEAT_PENALTY if request.repeat_penalty is None else request.repeat_penalty
    if config.sampling is SamplingDialect.VLLM:
        extra["top_k"] = top_k
        extra["repetition_penalty"] = penalty
    elif config.sampling is SamplingDialect.LLAMA_CPP:
        extra["top_k"] = top_k
        extra["repeat_penalty"] = penalty
    extra.update(config.extra)
    if extra:
        params["extra_body"] = extra
    return params


def build_messages(
    messages: Sequence[Message], config: ProviderConfig, image_token_budget: int | None = None
) -> tuple[list[dict[str, Any]], list[ImagePart]]:
    """Our messages in the chat-completions form, and the images as sent.

    Earlier assistant turns go back without their reasoning (GLM's template drops it anyway). Images a
    tool returned follow the tool results as a user turn, since the OpenAI form allows only text there.
    """
    out: list[dict[str, Any]] = []
    sent: list[ImagePart] = []
    pending_tool_media: list[dict[str, Any]] = []

    def content_parts(parts: Sequence[Any]) -> list[dict[str, Any]]:
        result: list[dict[str, Any]] = []
        for part in parts:
            if isinstance(part, TextPart):
                if part.text:
                    result.append({"type": "text", "text": part.text})
            elif isinstance(part, ImagePart):
                fitted = _fit(part, config, image_token_budget)
                sent.append(fitted)
                result.append({"type": "image_url", "image_url": {"url": data_uri(fitted.data, fitted.mime)}})
            elif isinstance(part, VideoPart):
                result.extend(video_parts(part, config, image_token_budget, sent))
        return result

    def flush_tool_media() -> None:
        if pending_tool_media:
            out.append(
                {"role": "user", "content": [{"type": "text", "text": "Images returned by the tools:"}, *pending_tool_media]}
            )
            pending_tool_media.clear()

    for message in messages:
        if message.role != "tool":
            flush_tool_media()
        if message.role == "tool":
            media = [p for p in content_parts(message.parts) if p["type"] != "text"]
            pending_tool_media.extend(media)
            out.append({"role": "tool", "tool_call_id": message.tool_call_id or "", "content": message.text_content})
        elif message.role == "assistant":
            entry: dict[str, Any] = {"role": "assistant", "content": message.text_content}
            if message.tool_calls:
                entry["tool_calls"] = [
                    {"id": call.id, "type": "function", "function": {"name": call.name, "arguments": _json(call.arguments)}}
                    for call in message.tool_calls
                ]
            out.append(entry)
        elif message.role == "system":
            out.append({"role": "system", "content": message.text_content})
        elif all(isinstance(p, TextPart) for p in message.parts):
            out.append({"role": "user", "content": message.text_content})
        else:
            out.append({"role": "user", "content": content_parts(message.parts)})
    flush_tool_media()
    return out, sent


def video_parts(
    video: VideoPart, config: ProviderConfig, image_token_budget: int | None, sent: list[ImagePart]
) -> list[dict[str, Any]]:
    """The file as ``video_url`` if the provider takes it and it fits, else the sampled frames."""
    if config.video and video.path:
        path = Path(video.path)
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise MediaError(
                t("The video {path} cannot be read: {strerror}.", path=video.path, strerror=exc.strerror),
                t("Record or choose it again."),
            ) from exc
        # base64 grows the file by a third; the provider's limit applies to what it receives
        if size * 4 / 3 <= config.max_video_bytes:
            return [{"type": "video_url", "video_url": {"url": data_uri(path.read_bytes(), video.mime)}}]
    if not video.frames:
        raise MediaError(
            t("{name} cannot take this video file, and no frames were sampled from it.", name=config.name),
            t("Record a shorter video, or use a provider that accepts video."),
        )
    parts = []
    for frame in video.frames:
        fitted = _fit(frame, config, image_token_budget)
        sent.append(fitted)
        parts.append({"type": "image_url", "image_url": {"url": data_uri(fitted.data, fitted.mime)}})
    return parts


def tool_schema(tool: ToolSpec) -> dict[str, Any]:
    return {"type": "function", "function": {"name": tool.name, "description": tool.description, "parameters": tool.parameters}}


def data_uri(data: bytes, mime: str) -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def _fit(part: ImagePart, config: ProviderConfig, image_token_budget: int | None) -> ImagePart:
    """``part`` as this server gets it: within its size limits and the budget; unchanged when it fits."""
    budget = image_token_budget or None  # 0 means no cap, as it did before the fit was shared
    return fit_image(part, budget, align=False, max_side=config.max_image_side, max_bytes=config.max_image_bytes).part


def _json(value: Mapping[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False)
