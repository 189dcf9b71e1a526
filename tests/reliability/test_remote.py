"""The remote (OpenAI-compatible) backend against misbehaving servers on 127.0.0.1: garbage and faults.

Every case runs twice: through the backend (what the chat shows: a ``BackendError`` before any answer, or
``Done(ERROR, message)`` after a partial answer, which is kept), and through the CLI as a person runs it
(``python -m desktop_helper ask ... --no-forward`` with the provider saved in the profile's settings),
checking the message, the exit code, and that no traceback reaches stderr.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any

import pytest

from desktop_helper.backends.base import CancelToken, ChatRequest, Done, Event, Progress, collect
from desktop_helper.backends.openai_compat import OpenAICompatBackend
from desktop_helper.core.errors import BackendError
from desktop_helper.core.types import FinishReason, Message
from desktop_helper.settings.paths import app_paths
from desktop_helper.settings.providers import from_preset
from desktop_helper.settings.store import Settings
from tests.fixtures.servers import FakeOpenAIServer, Reply, SilentServer, chunk, free_port

#: longest any case may take: every timeout below is about a second
CASE_LIMIT = 20.0


@dataclass
class Outcome:
    """What the backend produced: the answer so far and the final Done, or the BackendError raised."""

    answer: str = ""
    done: Done | None = None
    error: BackendError | None = None
    events: list[Event] | None = None
    seconds: float = 0.0

    @property
    def message(self) -> str:
        if self.error is not None:
            return str(self.error)
        return (self.done.error or "") if self.done is not None else ""


def make_backend(url: str, **changes: Any) -> OpenAICompatBackend:
    changes.setdefault("model", "test-model")
    config = replace(from_preset("custom", "Test server"), base_url=url, **changes)
    return OpenAICompatBackend(config, None)


def run_backend(url: str, cancel: CancelToken | None = None, **changes: Any) -> Outcome:
    """Ask once; on a thread so that a hang fails the test instead of holding it (the bug some cases cover)."""
    outcome = Outcome()
    backend = make_backend(url, **changes)

    def run() -> None:
        started = time.monotonic()
        try:
            events = list(backend.stream(ChatRequest(messages=(Message.text("user", "hi"),)), cancel))
            outcome.events = events
            outcome.answer, _, _, outcome.done = collect(iter(events))
        except BackendError as exc:
            outcome.error = exc
        finally:
            outcome.seconds = time.monotonic() - started

    thread = threading.Thread(target=run, name="remote-case", daemon=True)
    thread.start()
    thread.join(CASE_LIMIT)
    backend.close()
    assert not thread.is_alive(), f"the backend hung for more than {CASE_LIMIT:g} s"
    return outcome


def save_provider(url: str, **changes: Any) -> None:
    """Make the profile's active backend a custom provider at ``url`` (as Settings > Models and providers would)."""
    settings = Settings(app_paths().settings_file)
    settings.set(
        "models.providers", [{"name": "Test server", "preset": "custom", "base_url": url, "model": "test-model", **changes}]
    )
    settings.set("models.active_provider", "Test server")
    settings.set("models.backend", "openai_compat")


def cli_command(*extra: str) -> list[str]:
    return [sys.executable, "-m", "desktop_helper", "ask", "What is this?", "--no-forward", "--no-think", *extra]


def run_cli(url: str, *extra: str, **changes: Any) -> subprocess.CompletedProcess[str]:
    save_provider(url, **changes)
    return subprocess.run(cli_command(*extra), capture_output=True, text=True, timeout=60, check=False)


def assert_clear(stderr: str, words: list[str]) -> None:
    assert "Traceback" not in stderr, stderr
    for word in words:
        assert word in stderr, f"{word!r} not in {stderr!r}"


@pytest.fixture
def server() -> Iterator[FakeOpenAIServer]:
    fake = FakeOpenAIServer().start()
    yield fake
    fake.stop()


def _with_usage_only(choices: Any) -> dict[str, Any]:
    body = chunk("x")
    body["choices"] = choices
    return body


def _content(value: Any) -> dict[str, Any]:
    body = chunk("x")
    body["choices"][0]["delta"]["content"] = value
    return body


# --------------------------------------------------------------------------- bad input

COMPLETION = {
    "id": "x",
    "object": "chat.completion",
    "choices": [{"index": 0, "message": {"role": "assistant", "content": "whole"}, "finish_reason": "stop"}],
}

#: (reply, words the message must have, the answer streamed before the fault)
BAD_REPLIES = [
    pytest.param(
        Reply(events=["this is not json"]), ["sent a line that is not JSON", "'this is not json'"], "", id="non_json_data_line"
    ),
    pytest.param(
        Reply(events=[chunk("Half "), '{"choices": [{"index": 0, "delta": {"content": "x"']),
        ["incomplete", "sent a line that is not JSON"],
        "Half",
        id="truncated_json_mid_answer",
    ),
    pytest.param(Reply(events=[_content(5)]), ["answer piece that is not text (5)"], "", id="content_is_a_number"),
    pytest.param(
        Reply(events=[_content({"text": "hi"})]), ["answer piece that is not text", "text"], "", id="content_is_an_object"
    ),
    pytest.param(
        Reply(
            body=b"<!DOCTYPE html><html><body><h1>Welcome to nginx!</h1></body></html>", content_type="text/html; charset=utf-8"
        ),
        ["answered with a web page", "text/html", "/v1"],
        "",
        id="html_page_with_200",
    ),
    pytest.param(Reply(events=[], done=False), ["ended its reply without sending any answer"], "", id="empty_body_200"),
    pytest.param(
        Reply(body=json.dumps(COMPLETION).encode(), content_type="application/json"),
        ["single JSON document instead of a stream", "stream: true"],
        "",
        id="json_document_instead_of_stream",
    ),
    pytest.param(
        Reply(body=b'{"error": {"message": "model is still loading"}}', content_type="application/json"),
        ["reported an error: model is still loading"],
        "",
        id="error_json_with_status_200",
    ),
    pytest.param(
        Reply(body=b"Service temporarily unavailable", content_type="text/plain"),
        ["text/plain", "no answer"],
        "",
        id="plain_text_with_200",
    ),
    pytest.param(Reply(events=["x" * (8 << 20)]), ["sent a line that is not JSON", "xxx..."], "", id="huge_single_sse_line"),
    pytest.param(Reply(events=[_with_usage_only(None)]), ["ended its reply without sending any answer"], "", id="null_choices"),
    pytest.param(Reply(events=[_with_usage_only("abc")]), ["choices that are not a list"], "", id="choices_is_a_string"),
    pytest.param(Reply(events=["5"]), ["in a shape this app cannot read"], "", id="data_is_a_bare_number"),
    pytest.param(Reply(events=[b"data: \xff\xfe\xfd\n\n"]), ["not"], "", id="data_not_utf8"),
    pytest.param(
        Reply(events=[chunk("Half "), b'event: error\ndata: {"error": {"message": "CUDA out of memory"}}\n\n']),
        ["incomplete", "CUDA out of memory"],
        "Half",
        id="error_event_mid_stream",
    ),
    pytest.param(
        Reply(events=[b'event: error\ndata: {"message": "the engine is overloaded"}\n\n']),
        ["reported an error: the engine is overloaded"],
        "",
        id="error_event_without_error_key",
    ),
    pytest.param(
        Reply(status=502, json_body="<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"),
        ["HTTP 502: 502 Bad Gateway"],
        "",
        id="proxy_html_error_page",
    ),
]


@pytest.mark.parametrize(("reply", "words", "partial"), BAD_REPLIES)
def test_bad_input_server_reply(server: FakeOpenAIServer, reply: Reply, words: list[str], partial: str) -> None:
    server.script(reply)
    outcome = run_backend(server.url, max_retries=0)
    if partial:
        assert outcome.error is None
        assert outcome.answer.strip() == partial
        assert outcome.done is not None
        assert outcome.done.reason is FinishReason.ERROR
    else:
        assert outcome.error is not None, f"expected a BackendError, got {outcome.done}"
        assert outcome.error.fix
    for word in words:
        assert word in outcome.message
    assert "Expecting" not in outcome.message
    assert "Traceback" not in outcome.message
    assert len(outcome.message) < 800

    result = run_cli(server.url, max_retries=0)
    assert result.returncode == 1
    assert_clear(result.stderr, words)
    assert result.stdout.strip() == partial


#: what servers say when a request does not fit their context (status, body)
OVERFLOWS = [
    pytest.param(
        400,
        {
            "error": {
                "code": 400,
                "message": "request (4162 tokens) exceeds the available context size (2048 tokens), try increasing it",
                "type": "exceed_context_size_error",
                "n_prompt_tokens": 4162,
                "n_ctx": 2048,
            }
        },
        ["4162 tokens", "holds 2048", "-c 8192"],
        id="llama_cpp_server",
    ),
    pytest.param(
        400,
        {
            "error": {
                "code": 400,
                "message": "the request exceeds the available context size, try increasing it",
                "type": "exceed_context_size_error",
                "n_prompt_tokens": 5000,
                "n_ctx": 4096,
            }
        },
        ["5000 tokens", "holds 4096", "-c 8192"],
        id="llama_cpp_server_numbers_in_fields_only",
    ),
    pytest.param(
        400,
        {
            "error": {
                "message": "This model's maximum context length is 2048 tokens. However, you requested 4162 tokens "
                "(4162 in the messages, None in the completion). Please reduce the length of the messages or completion.",
                "type": "invalid_request_error",
                "param": "messages",
                "code": "context_length_exceeded",
            }
        },
        ["4162 tokens", "holds 2048"],
        id="llama_cpp_python_server",
    ),
    pytest.param(
        400,
        {
            "object": "error",
            "message": "This model's maximum context length is 8192 tokens. However, your request has 9500 input tokens. "
            "Please reduce the length of the input messages.",
            "type": "BadRequestError",
            "param": None,
            "code": 400,
        },
        ["9500 tokens", "holds 8192", "16384"],
        id="vllm",
    ),
    pytest.param(
        400,
        {
            "error": {
                "message": "This model's maximum context length is 128000 tokens. However, your messages resulted in "
                "130000 tokens. Please reduce the length of the messages.",
                "type": "invalid_request_error",
                "param": "messages",
                "code": "context_length_exceeded",
            }
        },
        ["130000 tokens", "holds 128000"],
        id="openai",
    ),
]


@pytest.mark.parametrize(("status", "body", "words"), OVERFLOWS)
def test_bad_input_context_overflow_is_named_with_its_numbers(
    server: FakeOpenAIServer, status: int, body: dict[str, Any], words: list[str]
) -> None:
    server.script(Reply(status=status, json_body=body))
    outcome = run_backend(server.url)
    assert outcome.error is not None
    message = str(outcome.error)
    assert "too big for the context" in message
    assert "connection" not in message
    assert "running" not in message
    assert "bigger context" in message
    assert "image token budget" in message
    for word in words:
        assert word in message

    result = run_cli(server.url)
    assert result.returncode == 1
    assert_clear(result.stderr, ["too big for the context", *words])


def test_bad_input_context_overflow_reported_inside_the_stream(server: FakeOpenAIServer) -> None:
    # older llama.cpp servers answered 200 and sent the error as the stream's first event
    error = {
        "code": 400,
        "message": "input (3000 tokens) is larger than the max context size (2048 tokens). skipping",
        "type": "exceed_context_size_error",
        "n_prompt_tokens": 3000,
        "n_ctx": 2048,
    }
    server.script(Reply(events=[{"error": error}]))
    outcome = run_backend(server.url)
    assert outcome.error is not None
    assert "too big for the context" in str(outcome.error)
    assert "3000 tokens" in str(outcome.error)
    assert "holds 2048" in str(outcome.error)

    # and mid-answer, when the answer itself fills the context: what came is kept
    server.script(Reply(events=[chunk("So far "), b"event: error\ndata: " + json.dumps({"error": error}).encode() + b"\n\n"]))
    outcome = run_backend(server.url)
    assert outcome.answer == "So far "
    assert outcome.done is not None
    assert outcome.done.reason is FinishReason.ERROR
    assert "incomplete" in outcome.message
    assert "too big for the context" in outcome.message


def test_bad_input_context_overflow_from_the_real_llama_cpp_server(llama_server: Any) -> None:
    # llama-cpp-python's server (mtmd chat format, 2048-token context) answers 200, then finds the prompt too long and
    # ends the stream empty; its reason is only in its log, so the message points there and names the likely cause
    backend = make_backend(llama_server.url, model=llama_server.model)
    long_question = " ".join(f"word{i}" for i in range(3000))
    with pytest.raises(BackendError) as excinfo:
        collect(backend.stream(ChatRequest(messages=(Message.text("user", long_question),), max_tokens=4)))
    backend.close()
    message = str(excinfo.value)
    assert "ended its reply without sending any answer" in message
    assert "log" in message
    assert "bigger context" in message
    assert "--n_ctx 8192" in message
    assert "connection" not in message.split(".", maxsplit=1)[0], "the connection is fine; the server gave up"
    # the server's own reason, which the message sends the user to (written to its log just after the reply)
    deadline = time.monotonic() + 10
    while "Prompt exceeds n_ctx" not in llama_server.log_tail(200):
        assert time.monotonic() < deadline, "the server's log should say why"
        time.sleep(0.1)


# --------------------------------------------------------------------------- faults


def test_fault_stall_with_keep_alives_times_out_on_content_and_keeps_the_answer(server: FakeOpenAIServer) -> None:
    # llama.cpp's server pings while it is silent; those pings must not keep a stalled answer alive
    server.script(Reply(events=[chunk(role="assistant"), chunk("The first part"), chunk("never")], keepalive_after=2))
    outcome = run_backend(server.url, read_timeout=1.0)
    assert outcome.answer == "The first part"
    assert outcome.done is not None
    assert outcome.done.reason is FinishReason.ERROR
    assert "stopped sending the answer for 1 s" in outcome.message
    assert outcome.seconds < 6

    result = run_cli(server.url, read_timeout=1.0)
    assert result.returncode == 1
    assert result.stdout.strip() == "The first part"
    assert_clear(result.stderr, ["incomplete", "stopped sending the answer for 1 s"])


def test_fault_keep_alives_only_before_any_answer(server: FakeOpenAIServer) -> None:
    server.script(Reply(events=[chunk(role="assistant")], keepalive_after=1))
    outcome = run_backend(server.url, read_timeout=1.0)
    assert outcome.error is not None
    assert "sent no answer for 1 s" in str(outcome.error)
    assert "read timeout" in (outcome.error.fix or "")
    assert outcome.seconds < 6


def test_fault_server_never_answers(silent_server: SilentServer) -> None:
    # it accepts the connection and never sends a byte: reported after the response timeout, not the read timeout
    outcome = run_backend(silent_server.url, response_timeout=1.0, read_timeout=300.0)
    assert outcome.error is not None
    assert "accepted the request but has not answered for 2 s" in str(outcome.error)  # 1 s, then a 1 s check
    assert "seems stuck" in str(outcome.error)
    assert "response timeout (1 s)" in (outcome.error.fix or "")
    assert outcome.seconds < 6

    started = time.monotonic()
    result = run_cli(silent_server.url, response_timeout=1.0)
    assert result.returncode == 1
    assert_clear(result.stderr, ["has not answered", "restart it"])
    assert time.monotonic() - started < 20


def test_fault_slow_server_that_is_alive_is_waited_for(server: FakeOpenAIServer) -> None:
    # a server processing a big image sends its headers late, but answers the liveness check at once
    server.script(Reply(events=[chunk("worth "), chunk("the wait"), chunk(finish="stop")], stall_before_headers=2.5))
    outcome = run_backend(server.url, response_timeout=0.5)
    assert outcome.error is None
    assert outcome.answer == "worth the wait"
    assert outcome.done == Done(FinishReason.STOP)
    assert any(isinstance(e, Progress) and "to start answering" in e.text for e in outcome.events or [])


def test_fault_slow_drip_below_the_content_timeout_is_not_cut(server: FakeOpenAIServer) -> None:
    pieces = [chunk(role="assistant")] + [chunk(f"w{i} ") for i in range(8)] + [chunk(finish="stop")]
    server.script(Reply(events=pieces, delay=0.3))
    outcome = run_backend(server.url, read_timeout=1.0)
    assert outcome.done == Done(FinishReason.STOP), outcome.message
    assert outcome.answer == "".join(f"w{i} " for i in range(8))
    assert outcome.seconds > 1.0, "the whole answer took longer than the timeout"


def test_fault_server_closes_mid_answer(server: FakeOpenAIServer) -> None:
    server.script(Reply(events=[chunk("Kept "), chunk("part"), chunk("lost"), chunk(finish="stop")], cut_after=2))
    outcome = run_backend(server.url)
    assert outcome.answer == "Kept part"
    assert outcome.done is not None
    assert "lost mid-answer" in outcome.message

    result = run_cli(server.url)
    assert result.returncode == 1
    assert result.stdout.strip() == "Kept part"
    assert_clear(result.stderr, ["incomplete", "lost mid-answer"])


def test_fault_server_dies_after_headers(server: FakeOpenAIServer) -> None:
    server.script(Reply(events=[chunk("never")], cut_after=0))
    outcome = run_backend(server.url)
    assert outcome.error is not None
    assert "broke before any answer arrived" in str(outcome.error)

    result = run_cli(server.url)
    assert result.returncode == 1
    assert_clear(result.stderr, ["broke before any answer arrived", "still running"])


def test_fault_connection_refused_through_the_cli() -> None:
    result = run_cli(f"http://127.0.0.1:{free_port()}/v1")
    assert result.returncode == 1
    assert_clear(result.stderr, ["connection refused", "Start the server"])


def _wait_until(process: subprocess.Popen[str], ready: Callable[[], bool]) -> None:
    deadline = time.monotonic() + 30
    while not ready():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the CLI never reached the point to interrupt"
        time.sleep(0.05)


@pytest.mark.parametrize("when", ["mid_answer", "before_the_server_answers"])
def test_fault_ctrl_c_in_the_cli(server: FakeOpenAIServer, when: str) -> None:
    if when == "mid_answer":
        server.script(Reply(events=[chunk("Partial answer"), chunk("never")], stall_after=1))
    else:
        server.script(Reply(events=[chunk("late")], stall_before_headers=30))
    save_provider(server.url)
    process = subprocess.Popen(
        cli_command(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"}
    )
    try:
        if when == "mid_answer":
            first = process.stdout.read(len("Partial answer")) if process.stdout else ""
            assert first == "Partial answer"
            process.send_signal(signal.SIGINT)
        else:
            _wait_until(process, lambda: bool(server.chat_requests))
            time.sleep(0.3)
            process.send_signal(signal.SIGINT)
        _out, err = process.communicate(timeout=15)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 130
    assert_clear(err, ["Cancelled."])
    assert "KeyboardInterrupt" not in err
    if when == "mid_answer":
        assert server.client_gone.wait(5), "the HTTP stream should be closed"


# --------------------------------------------------------------------------- the chat


@pytest.mark.parametrize(
    ("reply", "partial", "words"),
    [
        pytest.param(
            Reply(events=[chunk("Half "), "{'not': json}"]), "Half ", ["incomplete", "not JSON"], id="garbage_mid_answer"
        ),
        pytest.param(Reply(events=[_content(5)]), "", ["not text (5)", "base URL"], id="content_is_a_number"),
    ],
)
def test_bad_input_reaches_the_chat_as_a_clear_message(
    qtbot: Any, server: FakeOpenAIServer, reply: Reply, partial: str, words: list[str]
) -> None:
    # the chat window runs the backend through GenerationRunner and shows the final Done's message
    from desktop_helper.backends.base import TextDelta
    from desktop_helper.ui.workers import GenerationRunner

    server.script(reply)
    backend = make_backend(server.url)
    runner = GenerationRunner()
    events: list[Any] = []
    runner.produced.connect(events.append)
    try:
        with qtbot.waitSignal(runner.finished, timeout=10000):
            runner.start(backend, ChatRequest((Message.text("user", "hi"),)))
    finally:
        runner.shutdown()
        backend.close()
    assert "".join(e.text for e in events if isinstance(e, TextDelta)) == partial
    done = events[-1]
    assert isinstance(done, Done)
    assert done.reason is FinishReason.ERROR
    for word in words:
        assert word in (done.error or "")
    assert "Expecting" not in (done.error or "")
    assert "The model failed" not in (done.error or "")
