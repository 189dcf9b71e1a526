"""A backend that replays fixed model text: for UI tests and demos that need a known answer.

It is never the only test of a real backend. The script is a list of raw model outputs, one per
request; raw GLM text is split like a real backend would split it (``<think>`` ... ``</think>``
becomes thinking), so downstream parsers see realistic input.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace

from desktop_helper.backends.base import (
    Backend,
    CancelToken,
    Capability,
    ChatRequest,
    Done,
    Event,
    ImagesSent,
    TextDelta,
    ThinkingDelta,
    Usage,
)
from desktop_helper.core.types import FinishReason, ImagePart
from desktop_helper.parsers.thinking import split_thinking

Responder = Callable[[ChatRequest], str]


class ScriptedBackend(Backend):
    """Replays ``script`` (one output per request, the last one repeated) or calls ``responder``.

    Args:
        script: raw model outputs, in order.
        responder: computes the raw output from the request (e.g. a box from the sent image).
        chunk_size: characters per streamed delta.
        delay: seconds to wait between deltas (cancellable), to exercise streaming UIs.
    """

    name = "scripted"
    capabilities = Capability.IMAGES | Capability.VIDEO | Capability.TOOLS | Capability.THINKING | Capability.GROUNDING

    def __init__(
        self,
        script: Sequence[str] = (),
        responder: Responder | None = None,
        chunk_size: int = 4,
        delay: float = 0.0,
    ) -> None:
        if not script and responder is None:
            raise ValueError("ScriptedBackend needs a script or a responder")
        self._script = list(script)
        self._responder = responder
        self._chunk_size = max(1, chunk_size)
        self._delay = delay
        self.requests: list[ChatRequest] = []

    def stream(self, request: ChatRequest, cancel: CancelToken | None = None) -> Iterator[Event]:
        self.requests.append(request)
        if self._responder is not None:
            raw = self._responder(request)
        else:
            raw = self._script[min(len(self.requests), len(self._script)) - 1]
        thinking, answer = split_thinking(raw)
        images = tuple(p for m in request.messages for p in m.parts if isinstance(p, ImagePart))
        if images:
            # sent as they are, like a server that takes them unchanged
            yield ImagesSent(tuple(_as_sent(image) for image in images))
        produced = 0
        for kind, text in (("thinking", thinking), ("answer", answer)):
            for start in range(0, len(text), self._chunk_size):
                if cancel is not None and (cancel.cancelled or (self._delay and cancel.wait(self._delay))):
                    yield Done(FinishReason.CANCELLED)
                    return
                if cancel is None and self._delay:
                    time.sleep(self._delay)  # as slow as with a token: a real model does not hurry for its caller
                chunk = text[start : start + self._chunk_size]
                produced += 1
                yield ThinkingDelta(chunk) if kind == "thinking" else TextDelta(chunk)
        yield Usage(prompt_tokens=sum(len(m.text_content) for m in request.messages) // 4, completion_tokens=produced)
        yield Done(FinishReason.STOP)


def _as_sent(image: ImagePart) -> ImagePart:
    if image.geometry is None or image.geometry.sent_size == (image.width, image.height):
        return image
    return replace(image, geometry=image.geometry.with_sent_size(image.width, image.height))
