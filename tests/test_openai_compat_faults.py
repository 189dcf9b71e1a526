"""Faults of the OpenAI-compatible backend, each against a real socket on 127.0.0.1.

Every case checks the user-facing message (what happened and the fix), that a partial answer is kept
and marked, and that the same backend object answers the next request.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

import pytest

from desktop_helper.backends.base import CancelToken, ChatRequest, Done, Progress, TextDelta, collect
from desktop_helper.backends.openai_compat import OpenAICompatBackend
from desktop_helper.core.errors import BackendError
from desktop_helper.core.types import FinishReason, Message
from desktop_helper.settings.providers import from_preset
from tests.fixtures.servers import FakeOpenAIServer, Reply, chunk, error_reply, free_port, text_reply

KEY = "sk-faults-0123456789"

BackendFactory = Callable[..., OpenAICompatBackend]


@pytest.fixture
def make_backend() -> Iterator[BackendFactory]:
    made: list[OpenAICompatBackend] = []

    def factory(url: str, preset: str = "custom", api_key: str | None = KEY, **changes: Any) -> OpenAICompatBackend:
        config = replace(from_preset(preset, "Test server"), base_url=url, model="test-model", **changes)
        backend = OpenAICompatBackend(config, api_key)
        made.append(backend)
        return backend

    yield factory
    for backend in made:
        backend.close()


def ask() -> ChatRequest:
    return ChatRequest(messages=(Message.text("user", "hi"),))


def assert_next_request_works(server: FakeOpenAIServer, backend: OpenAICompatBackend) -> None:
    server.script(text_reply("next ", "answer"))
    answer, _, _, done = collect(backend.stream(ask()))
    assert answer == "next answer"
    assert done == Done(FinishReason.STOP)


@pytest.mark.parametrize(
    ("status", "words"),
    [
        (401, ["rejected the API key", "DESKTOP_HELPER_API_KEY_TEST_SERVER"]),
        (403, ["refused access", "test-model"]),
        (404, ["does not know the model 'test-model'", "base URL"]),
        (400, ["rejected the request", "HTTP 400"]),
    ],
)
def test_client_errors_name_the_fix_and_are_not_retried(
    fake_openai: FakeOpenAIServer, make_backend: BackendFactory, status: int, words: list[str]
) -> None:
    fake_openai.script(error_reply(status, "explained by the server"))
    backend = make_backend(fake_openai.url)
    with pytest.raises(BackendError) as excinfo:
        collect(backend.stream(ask()))
    error = excinfo.value
    for word in words:
        assert word in str(error)
    assert "explained by the server" in error.message
    assert error.fix
    assert len(fake_openai.chat_requests) == 1
    assert_next_request_works(fake_openai, backend)


def test_401_without_a_key_says_none_is_set(fake_openai: FakeOpenAIServer, make_backend: BackendFactory) -> None:
    fake_openai.script(error_reply(401, "missing key"))
    with pytest.raises(BackendError, match="none is set") as excinfo:
        collect(make_backend(fake_openai.url, api_key=None).stream(ask()))
    assert "Enter the key" in (excinfo.value.fix or "")


def test_429_retry_after_is_honoured_then_the_answer_streams(fake_openai: FakeOpenAIServer, make_backend: BackendFactory) -> None:
    fake_openai.script(error_reply(429, "slow down", {"Retry-After": "1"}), text_reply("made ", "it"))
    backend = make_backend(fake_openai.url)
    started = time.monotonic()
    events = list(backend.stream(ask()))
    elapsed = time.monotonic() - started
    progress = [e for e in events if isinstance(e, Progress)]
    assert len(progress) == 1
    assert "429" in progress[0].text
    assert "1 s" in progress[0].text
    assert collect(iter(events))[0] == "made it"
    assert elapsed >= 0.95, "the server asked for one second"
    assert len(fake_openai.chat_requests) == 2


def test_5xx_backoff_gives_up_after_max_retries(fake_openai: FakeOpenAIServer, make_backend: BackendFactory) -> None:
    fake_openai.script(error_reply(503, "overloaded", {"Retry-After": "0"}))
    backend = make_backend(fake_openai.url, max_retries=2)
    with pytest.raises(BackendError, match=r"server error \(HTTP 503: overloaded\)") as excinfo:
        collect(backend.stream(ask()))
    assert "log" in (excinfo.value.fix or "")
    assert len(fake_openai.chat_requests) == 3
    assert_next_request_works(fake_openai, backend)


def test_429_asking_for_too_long_a_wait_is_reported_not_waited(
    fake_openai: FakeOpenAIServer, make_backend: BackendFactory
) -> None:
    fake_openai.script(error_reply(429, "quota", {"Retry-After": "3600"}))
    started = time.monotonic()
    with pytest.raises(BackendError, match="wait 3600 s"):
        collect(make_backend(fake_openai.url).stream(ask()))
    assert time.monotonic() - started < 5
    assert len(fake_openai.chat_requests) == 1


def test_cancel_during_backoff(fake_openai: FakeOpenAIServer, make_backend: BackendFactory) -> None:
    fake_openai.script(error_reply(503, "busy", {"Retry-After": "30"}))
    cancel = CancelToken()
    timer = threading.Timer(0.3, cancel.cancel)
    timer.start()
    started = time.monotonic()
    events = list(make_backend(fake_openai.url).stream(ask(), cancel))
    timer.join()
    assert events[-1] == Done(FinishReason.CANCELLED)
    assert time.monotonic() - started < 5


def test_stream_cut_mid_answer_keeps_the_partial_answer_and_does_not_retry(
    fake_openai: FakeOpenAIServer, make_backend: BackendFactory
) -> None:
    fake_openai.script(Reply(events=[chunk("The answer "), chunk("is "), chunk("forty-two"), chunk(finish="stop")], cut_after=2))
    backend = make_backend(fake_openai.url)
    events = list(backend.stream(ask()))
    answer, _, _, done = collect(iter(events))
    assert answer == "The answer is "
    assert done is not None
    assert done.reason is FinishReason.ERROR
    assert "incomplete" in (done.error or "")
    assert "lost mid-answer" in (done.error or "")
    assert len(fake_openai.chat_requests) == 1, "no retry after the first token"
    assert_next_request_works(fake_openai, backend)


def test_stream_ending_without_finish_is_marked(fake_openai: FakeOpenAIServer, make_backend: BackendFactory) -> None:
    # a clean end of the body with no finish_reason and no [DONE]: the server gave up silently
    fake_openai.script(Reply(events=[chunk("partial")], done=False))
    _, _, _, done = collect(make_backend(fake_openai.url).stream(ask()))
    assert done is not None
    assert done.reason is FinishReason.ERROR
    assert "incomplete" in (done.error or "")


def test_stream_cut_before_any_token_raises(fake_openai: FakeOpenAIServer, make_backend: BackendFactory) -> None:
    fake_openai.script(Reply(events=[chunk(role="assistant"), chunk("x")], cut_after=1))
    backend = make_backend(fake_openai.url)
    with pytest.raises(BackendError, match="broke before any answer arrived"):
        collect(backend.stream(ask()))
    assert_next_request_works(fake_openai, backend)


def test_error_event_mid_stream(fake_openai: FakeOpenAIServer, make_backend: BackendFactory) -> None:
    fake_openai.script(Reply(events=[chunk("Half "), {"error": {"message": "engine crashed"}}]))
    answer, _, _, done = collect(make_backend(fake_openai.url).stream(ask()))
    assert answer == "Half "
    assert done is not None
    assert done.reason is FinishReason.ERROR
    assert "engine crashed" in (done.error or "")


def test_connection_refused(make_backend: BackendFactory) -> None:
    url = f"http://127.0.0.1:{free_port()}/v1"
    with pytest.raises(BackendError, match="connection refused") as excinfo:
        collect(make_backend(url).stream(ask()))
    assert "Start the server" in (excinfo.value.fix or "")


def test_tls_with_untrusted_certificate(fake_openai_tls: FakeOpenAIServer, make_backend: BackendFactory) -> None:
    fake_openai_tls.script(text_reply("never"))
    with pytest.raises(BackendError, match="TLS") as excinfo:
        collect(make_backend(fake_openai_tls.url).stream(ask()))
    assert "certificate" in str(excinfo.value)
    assert "SSL_CERT_FILE" in (excinfo.value.fix or "")


def test_read_timeout_before_headers(fake_openai: FakeOpenAIServer, make_backend: BackendFactory) -> None:
    fake_openai.script(Reply(events=[chunk("late"), chunk(finish="stop")], stall_before_headers=10), text_reply("quick"))
    backend = make_backend(fake_openai.url, read_timeout=0.5)
    started = time.monotonic()
    with pytest.raises(BackendError, match="did not answer in time") as excinfo:
        collect(backend.stream(ask()))
    assert time.monotonic() - started < 5
    assert "0.5 s" in (excinfo.value.fix or "")
    fake_openai.release()
    assert collect(backend.stream(ask()))[0] == "quick"


def test_read_timeout_mid_stream_keeps_partial(fake_openai: FakeOpenAIServer, make_backend: BackendFactory) -> None:
    fake_openai.script(Reply(events=[chunk("so far"), chunk("never"), chunk(finish="stop")], stall_after=1))
    backend = make_backend(fake_openai.url, read_timeout=0.5)
    answer, _, _, done = collect(backend.stream(ask()))
    assert answer == "so far"
    assert done is not None
    assert done.reason is FinishReason.ERROR
    assert "stopped sending" in (done.error or "")
    fake_openai.release()
    assert_next_request_works(fake_openai, backend)


def test_cancel_mid_stream_closes_the_http_stream(fake_openai: FakeOpenAIServer, make_backend: BackendFactory) -> None:
    # the server sends one token and then nothing: only closing the socket can end the read
    fake_openai.script(Reply(events=[chunk("first"), chunk("never"), chunk(finish="stop")], stall_after=1))
    backend = make_backend(fake_openai.url, read_timeout=60)
    cancel = CancelToken()
    events = []
    cancelled_at = 0.0
    for event in backend.stream(ask(), cancel):
        events.append(event)
        if isinstance(event, TextDelta) and not cancel.cancelled:
            threading.Timer(0.1, cancel.cancel).start()
            cancelled_at = time.monotonic() + 0.1
    ended = time.monotonic() - cancelled_at
    answer, _, _, done = collect(iter(events))
    assert answer == "first"
    assert done == Done(FinishReason.CANCELLED)
    assert ended < 2.0, f"cancel took {ended:.2f} s (the read timeout is 60 s)"
    assert fake_openai.client_gone.wait(5), "the server should see the connection closed"
    assert_next_request_works(fake_openai, backend)


def test_consumer_stopping_early_closes_the_stream(fake_openai: FakeOpenAIServer, make_backend: BackendFactory) -> None:
    fake_openai.script(Reply(events=[chunk("first"), chunk("never"), chunk(finish="stop")], stall_after=1))
    backend = make_backend(fake_openai.url)
    stream = backend.stream(ask())
    for event in stream:
        if isinstance(event, TextDelta):
            break
    stream.close()  # type: ignore[attr-defined]
    assert fake_openai.client_gone.wait(5)


def test_cancel_before_the_server_answers(fake_openai: FakeOpenAIServer, make_backend: BackendFactory) -> None:
    # the server accepts the request but sends no headers (busy, queueing): cancel must not wait for it
    fake_openai.script(Reply(events=[chunk("late"), chunk(finish="stop")], stall_before_headers=30), text_reply("next"))
    backend = make_backend(fake_openai.url, read_timeout=60)
    cancel = CancelToken()
    timer = threading.Timer(0.3, cancel.cancel)
    timer.start()
    started = time.monotonic()
    events = list(backend.stream(ask(), cancel))
    timer.join()
    assert events == [Done(FinishReason.CANCELLED)]
    assert time.monotonic() - started < 2
    fake_openai.release()
    assert collect(backend.stream(ask()))[0] == "next"
