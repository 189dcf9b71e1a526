"""The OpenAI-compatible backend against a real server: llama-cpp-python's ``llama_cpp.server``.

The server runs the tiny random-weights GLM-4.6V pair (GLM's chat template, the glm4v projector), so the
answers are gibberish; what is checked is the plumbing: an image + text chat streams through, the
image reaches the projector, a cancel ends the stream, a killed server gives a marked partial answer
and a clear message, and the same backend works again when the server is back.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from desktop_helper.backends.base import CancelToken, ChatRequest, Done, TextDelta, Usage, collect, sent_images
from desktop_helper.backends.openai_compat import OpenAICompatBackend, check_connection, tiny_test_image
from desktop_helper.core.errors import BackendError
from desktop_helper.core.types import FinishReason, Message, TextPart
from desktop_helper.settings.providers import from_preset
from tests.fixtures.servers import LlamaServer, start_llama_server, stop_llama_server

pytestmark = [pytest.mark.model, pytest.mark.slow]


def backend_for(server_url: str, model: str, **changes: Any) -> OpenAICompatBackend:
    config = replace(from_preset("llamacpp", "local llama.cpp"), base_url=server_url, model=model, **changes)
    return OpenAICompatBackend(config, None)


@pytest.fixture
def backend(llama_server: LlamaServer) -> Iterator[OpenAICompatBackend]:
    made = backend_for(llama_server.url, llama_server.model)
    yield made
    made.close()


def image_question(max_tokens: int = 12) -> ChatRequest:
    return ChatRequest(
        messages=(Message("user", (tiny_test_image(), TextPart("What is in this image?"))),),
        max_tokens=max_tokens,
        temperature=0.0,
    )


def test_image_chat_streams_from_llama_cpp_server(backend: OpenAICompatBackend, llama_server: LlamaServer) -> None:
    log_before = llama_server.log_path.read_text(errors="replace")
    events = list(backend.stream(image_question()))
    _, _, _, done = collect(iter(events))
    assert done is not None
    assert done.reason in (FinishReason.STOP, FinishReason.LENGTH), done
    assert any(isinstance(e, TextDelta) for e in events) or done.reason is FinishReason.STOP
    usage = next(e for e in events if isinstance(e, Usage))
    assert usage.timings["total_ms"] > 0
    # the image went through the projector: llama.cpp logs the clip encode of this request
    new_log = llama_server.log_path.read_text(errors="replace")[len(log_before) :]
    assert "clip_encode" in new_log or "image slice encoded" in new_log, new_log[-2000:]
    assert sent_images(events)[0].width == 56


def test_models_are_listed(backend: OpenAICompatBackend, llama_server: LlamaServer) -> None:
    assert llama_server.model in backend.list_models()


def test_connection_check_against_real_server(backend: OpenAICompatBackend) -> None:
    report = check_connection(backend)
    assert report.ok, report.error
    assert report.latency_ms is not None
    assert report.latency_ms > 0


def test_cancel_mid_stream_then_next_request(backend: OpenAICompatBackend) -> None:
    cancel = CancelToken()
    events = []
    for event in backend.stream(image_question(max_tokens=400), cancel):
        events.append(event)
        if isinstance(event, TextDelta):
            cancel.cancel()
    done = events[-1]
    assert isinstance(done, Done)
    # a model that ends after its first token finishes normally; otherwise the cancel must win
    assert done.reason in (FinishReason.CANCELLED, FinishReason.STOP)
    if done.reason is FinishReason.CANCELLED:
        assert sum(isinstance(e, TextDelta) for e in events) <= 3
    _, _, _, next_done = collect(backend.stream(image_question()))
    assert next_done is not None
    assert next_done.reason in (FinishReason.STOP, FinishReason.LENGTH)


def test_killed_server_mid_answer_then_restarted(tiny_glm4v: Any, tmp_path: Path) -> None:
    server = start_llama_server(tiny_glm4v.model, tiny_glm4v.mmproj, tmp_path)
    port = int(server.url.rsplit(":", 1)[1].split("/")[0])
    # min_tokens keeps the random model from stopping early, so there is an answer to cut
    slow = backend_for(server.url, server.model, extra={"min_tokens": 150})
    try:
        events = []
        killer: threading.Thread | None = None
        for event in slow.stream(ChatRequest(messages=(Message.text("user", "hi"),), max_tokens=150)):
            events.append(event)
            if isinstance(event, TextDelta) and killer is None:
                killer = threading.Thread(target=server.process.kill)
                killer.start()
        assert killer is not None, "the server sent no token"
        killer.join()
        answer, _, _, done = collect(iter(events))
        assert answer, "the partial answer is kept"
        assert done is not None
        assert done.reason is FinishReason.ERROR
        assert "incomplete" in (done.error or "")
        assert "lost mid-answer" in (done.error or "")
        server.process.wait(timeout=10)

        with pytest.raises(BackendError, match="connection refused") as excinfo:
            collect(slow.stream(ChatRequest(messages=(Message.text("user", "hi"),), max_tokens=4)))
        assert "Start the server" in (excinfo.value.fix or "")

        server = start_llama_server(tiny_glm4v.model, tiny_glm4v.mmproj, tmp_path, port=port)
        started = time.monotonic()
        _, _, _, done = collect(slow.stream(ChatRequest(messages=(Message.text("user", "hi"),), max_tokens=4)))
        assert done is not None
        assert done.reason in (FinishReason.STOP, FinishReason.LENGTH), done
        assert time.monotonic() - started < 60
    finally:
        slow.close()
        stop_llama_server(server)
