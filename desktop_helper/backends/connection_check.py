"""The connection test of the API providers page: a tiny image question, timed, with the exact failure.

Run off the GUI thread; it never raises for a user's error, it reports it.
"""

from __future__ import annotations

import io
import time
from dataclasses import dataclass

from desktop_helper.backends.base import CancelToken, ChatRequest, Done, TextDelta, ThinkingDelta
from desktop_helper.backends.openai_compat import OpenAICompatBackend
from desktop_helper.core.types import FinishReason, ImagePart, Message, TextPart


@dataclass(frozen=True)
class ConnectionReport:
    """What a connection test found.

    Attributes:
        ok: the server answered the image question.
        latency_ms: time to the first piece of the answer.
        total_ms: time to the end of the answer.
        answer: the (short) answer, for the user to judge.
        error: the failure in words, with its fix, when not ok.
    """

    ok: bool
    latency_ms: float | None = None
    total_ms: float | None = None
    answer: str = ""
    error: str = ""


def tiny_test_image() -> ImagePart:
    """A 56x56 PNG, red on the left and blue on the right: small enough for any server, and checkable."""
    from PIL import Image

    image = Image.new("RGB", (56, 56), (220, 30, 30))
    image.paste((30, 60, 220), (28, 0, 56, 56))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return ImagePart(buffer.getvalue(), "image/png", 56, 56, name="connection test")


def check_connection(backend: OpenAICompatBackend, cancel: CancelToken | None = None, max_tokens: int = 24) -> ConnectionReport:
    """Send a tiny image question and report latency or the exact failure; never raises for user errors."""
    from desktop_helper.core.errors import UserError

    question = Message(
        "user",
        (tiny_test_image(), TextPart("What two colours are in this image? Answer in three words.")),
    )
    request = ChatRequest(messages=(question,), thinking=False, max_tokens=max_tokens, temperature=0.0)
    started = time.perf_counter()
    first: float | None = None
    answer: list[str] = []
    try:
        for event in backend.stream(request, cancel):
            if isinstance(event, (TextDelta, ThinkingDelta)) and first is None:
                first = time.perf_counter()
            if isinstance(event, TextDelta):
                answer.append(event.text)
            elif isinstance(event, Done):
                total = (time.perf_counter() - started) * 1000.0
                latency = (first - started) * 1000.0 if first is not None else None
                if event.reason is FinishReason.ERROR:
                    return ConnectionReport(False, latency, total, "".join(answer), event.error or "failed")
                if event.reason is FinishReason.CANCELLED:
                    return ConnectionReport(False, latency, total, "".join(answer), "Cancelled.")
                return ConnectionReport(True, latency if latency is not None else total, total, "".join(answer).strip())
    except UserError as exc:
        return ConnectionReport(False, error=str(exc))
    return ConnectionReport(False, error="The server ended the answer without finishing it.")
