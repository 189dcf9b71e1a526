"""The request as the local model reads it: the GGUF's chat template rendered, images fitted to the budget.

The template (:mod:`desktop_helper.backends.glm_template`) is rendered with ``enable_thinking`` and
tools. Images are resized to the image token budget (:mod:`desktop_helper.media.images`); the mtmd
context was created with the same cap (``image_max_tokens``), so nothing is resized twice. Their raw RGB
pixels are kept for mtmd (no PNG encode here and no second decode in llama.cpp).
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, NamedTuple

from desktop_helper.backends.base import ChatRequest
from desktop_helper.backends.glm_template import ChatTemplate, RenderedPrompt
from desktop_helper.core.errors import BackendError, MediaError
from desktop_helper.core.types import ImagePart, Message, Part, VideoPart
from desktop_helper.media.images import fit_image

#: images fitted recently, kept so a follow-up question about the same screenshot does not fit it again
IMAGE_CACHE_SIZE = 16


class PreparedImage(NamedTuple):
    """An image fitted to the budget: the record of what the model saw, its RGB pixels, and its id in the KV cache."""

    record: ImagePart
    rgb: bytes
    identity: str


@dataclass(frozen=True)
class RenderedRequest:
    """A rendered prompt (media markers in place of images) and the pixels of each of its images.

    Attributes:
        prompt: the template's text and the images as sent, in order.
        pixels: ``id(image)`` of each sent image -> its prepared pixels.
    """

    prompt: RenderedPrompt
    pixels: dict[int, PreparedImage]

    def prepared(self, image: ImagePart) -> PreparedImage:
        return self.pixels[id(image)]


class PromptRenderer:
    """Renders requests with the model's chat template at the image budget chosen when loading.

    Args:
        template: the GGUF's chat template.
        budget: the most tokens one image may use (a request may ask for fewer).
    """

    def __init__(self, template: ChatTemplate, budget: int) -> None:
        self.template = template
        self.budget = budget
        self._image_cache: OrderedDict[tuple[str, int], PreparedImage] = OrderedDict()

    def render(self, request: ChatRequest) -> RenderedRequest:
        """The request's prompt as the model reads it: images fitted to the budget, their pixels kept."""
        import llama_cpp.mtmd_cpp as mtmd

        budget = self.budget if request.image_token_budget is None else max(1, min(request.image_token_budget, self.budget))
        pixels: dict[int, PreparedImage] = {}
        try:
            messages = [self._with_budget(m, budget, pixels) for m in request.messages]
        except MediaError as exc:
            raise BackendError(exc.message, exc.fix) from exc
        marker = mtmd.mtmd_default_marker().decode("utf-8")
        prompt = self.template.render(messages, media_marker=marker, thinking=request.thinking, tools=request.tools)
        return RenderedRequest(prompt, pixels)

    def forget_images(self) -> None:
        self._image_cache.clear()

    def _with_budget(self, message: Message, budget: int, pixels: dict[int, PreparedImage]) -> Message:
        if not any(isinstance(p, (ImagePart, VideoPart)) for p in message.parts):
            return message
        parts: list[Part] = []
        for part in message.parts:
            if isinstance(part, ImagePart):
                parts.append(self._resized(part, budget, pixels))
            elif isinstance(part, VideoPart):
                parts.append(replace(part, frames=tuple(self._resized(f, budget, pixels) for f in part.frames)))
            else:
                parts.append(part)
        return replace(message, parts=tuple(parts))

    def _resized(self, part: ImagePart, budget: int, pixels: dict[int, PreparedImage]) -> ImagePart:
        """``part`` as sent at ``budget``; its raw RGB pixels go into ``pixels`` for mtmd.

        The returned ImagePart (the record of what the model saw: size, geometry) reuses the
        original bytes when no resize was needed, else a quickly compressed PNG.
        """
        digest = hashlib.sha256(part.data).hexdigest()
        key = (digest, budget)
        cached = self._image_cache.get(key)
        if cached is not None:
            self._image_cache.move_to_end(key)
        else:
            fitted = fit_image(part, budget, keep_pixels=True, png_level=1)  # the record only has to be fast
            cached = PreparedImage(fitted.part, fitted.rgb or b"", f"{digest[:32]}-{budget}")
            self._image_cache[key] = cached
            while len(self._image_cache) > IMAGE_CACHE_SIZE:
                self._image_cache.popitem(last=False)
        pixels[id(cached.record)] = cached
        return cached.record


def tokenize(vocab: Any, text: str) -> list[int]:
    """``text`` as the model's tokens (special tokens parsed, nothing added)."""
    import llama_cpp

    data = text.encode("utf-8")
    capacity = len(data) + 8
    tokens = (llama_cpp.llama_token * capacity)()
    count = llama_cpp.llama_tokenize(vocab, data, len(data), tokens, capacity, False, True)
    return [int(tokens[i]) for i in range(max(0, count))]


def special_ids(vocab: Any, texts: Sequence[str]) -> list[int]:
    """The token ids of those ``texts`` that are a single token in this vocabulary."""
    ids = []
    for text in texts:
        tokens = tokenize(vocab, text)
        if len(tokens) == 1:
            ids.append(tokens[0])
    return ids
