"""GLM-4.6V through any OpenAI-compatible server: Z.ai, vLLM, SGLang, Ollama, LM Studio, llama.cpp.

The backend speaks the chat-completions API with the ``openai`` SDK and adapts to each server through
its :class:`~desktop_helper.settings.providers.ProviderConfig`:

* the thinking switch in the server's own form, and reasoning read from ``reasoning_content``,
  ``reasoning`` or inline ``<think>`` ... ``</think>`` text;
* GLM's box tokens kept (``skip_special_tokens: false`` where the server would drop them);
* images as base64 data URIs, downscaled only when they exceed the server's limits or the request's
  token budget, with the sent size recorded in each capture's geometry (reported as :class:`ImagesSent`);
* video as ``video_url`` where the server takes it, else its sampled frames;
* tools, and tool calls whether the server parsed them or left GLM's raw ``<tool_call>`` text.

Faults: retries with backoff for 429 and 5xx (honouring ``Retry-After``) happen only before the first
token; afterwards a fault ends the stream with ``Done(FinishReason.ERROR, message)`` so the partial
answer is kept and marked. Faults before any output raise :class:`BackendError` with a fix. Cancelling
shuts the HTTP stream's socket from a watcher thread, so a blocked read returns at once; a cancel before
the server has sent its response headers returns at once too, and the late response is closed on arrival.

The API key is passed to the SDK only; it is never logged, and it is masked in any server message we
repeat to the user.

This module is the streaming client; the request it sends is built in
:mod:`~desktop_helper.backends.openai_request`, its failures are put in words by
:mod:`~desktop_helper.backends.remote_errors`, and the settings page's connection test is
:mod:`~desktop_helper.backends.connection_check`.
"""

from __future__ import annotations

import json
import logging
import math
import random
import socket
import threading
import time
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from desktop_helper.backends.base import (
    Backend,
    CancelToken,
    Capability,
    ChatRequest,
    Done,
    Event,
    ImagesSent,
    OptionSpec,
    Progress,
    ThinkingDelta,
    ToolCallEvent,
    Usage,
)
from desktop_helper.backends.openai_request import build_messages, request_params
from desktop_helper.backends.remote_errors import (
    BadReplyError,
    ContentTimeoutError,
    RemoteErrorMessages,
    content_type_of,
    empty_reply,
    excerpt,
    host_of,
    is_transport_error,
    retry_after_seconds,
    server_message_of,
    unreadable_reply,
    unreadable_reply_fix,
)
from desktop_helper.backends.splitter import EventSplitter
from desktop_helper.core.errors import BackendError
from desktop_helper.core.i18n import t
from desktop_helper.core.types import FinishReason, ToolCall
from desktop_helper.parsers.tool_calls import coerce_arguments, new_call_id
from desktop_helper.settings.providers import ProviderConfig

if TYPE_CHECKING:
    import openai


log = logging.getLogger(__name__)

#: longest we wait for a server that asks us to (Retry-After); longer is reported, not waited for
MAX_RETRY_WAIT = 60.0
#: how often the cancel watcher looks at the token, in seconds
CANCEL_POLL = 0.02
#: longest the check that a silent server is alive may take, in seconds
PROBE_TIMEOUT = 5.0
#: most of a 200 JSON reply (instead of a stream) we read to explain it
MAX_JSON_REPLY = 1 << 20

_FINISH = {
    "stop": FinishReason.STOP,
    "eos": FinishReason.STOP,
    "length": FinishReason.LENGTH,
    "tool_calls": FinishReason.TOOL_CALLS,
    "function_call": FinishReason.TOOL_CALLS,
}


class OpenAICompatBackend(Backend):
    """A chat backend on an OpenAI-compatible HTTP server.

    Args:
        config: which server and model, and how to talk to it.
        api_key: the key, or None for servers without authentication.
        client_factory: builds the ``openai.OpenAI`` client (tests inject one); by default a client
            with our timeouts and no SDK retries (we retry ourselves, and only before the first token).
    """

    name = "openai_compat"
    capabilities = Capability.IMAGES | Capability.VIDEO | Capability.TOOLS | Capability.THINKING | Capability.GROUNDING
    options = (
        OptionSpec("connect_timeout", float, 10.0, "Seconds to wait for a connection.", minimum=0.5, maximum=300.0),
        OptionSpec(
            "response_timeout",
            float,
            30.0,
            "Seconds to wait for the server to start answering before checking that it is alive.",
            minimum=0.5,
            maximum=3600.0,
        ),
        OptionSpec("read_timeout", float, 300.0, "Seconds to wait for the next piece of an answer.", minimum=1.0, maximum=3600.0),
        OptionSpec("max_retries", int, 3, "Retries for rate limits and server errors.", minimum=0, maximum=10),
    )

    def __init__(
        self,
        config: ProviderConfig,
        api_key: str | None = None,
        client_factory: Callable[[ProviderConfig, str | None], openai.OpenAI] | None = None,
    ) -> None:
        self.config = config
        self._api_key = api_key
        self._errors = RemoteErrorMessages(config, api_key)
        self._client_factory = client_factory or _default_client
        self._client: openai.OpenAI | None = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        # never show the key, even in a debugger or a crash report
        return (
            f"OpenAICompatBackend(provider={self.config.name!r}, base_url={self.config.base_url!r}, model={self.config.model!r})"
        )

    # ----- the client
    def client(self) -> openai.OpenAI:
        """The SDK client, created on first use and reused so connections are kept alive."""
        with self._lock:
            if self._client is None:
                self._client = self._client_factory(self.config, self._api_key)
            return self._client

    def close(self) -> None:
        with self._lock:
            client, self._client = self._client, None
        if client is not None:
            client.close()

    def list_models(self) -> list[str]:
        """Model ids from the server's ``/models``; raises BackendError with a fix on failure."""
        import openai

        try:
            return sorted(model.id for model in self.client().models.list())
        except openai.APIError as exc:
            raise self._errors.error(exc) from exc

    # ----- streaming
    def stream(self, request: ChatRequest, cancel: CancelToken | None = None) -> Iterator[Event]:
        """Stream the answer; see the module docstring for faults, retries and cancelling."""
        import openai

        cancel = cancel or CancelToken()
        started = time.perf_counter()
        messages, sent = build_messages(request.messages, self.config, request.image_token_budget)
        if sent:
            yield ImagesSent(tuple(sent))
        params = request_params(self.config, request, messages)
        log.info(
            "chat request to %s (%s), model %s, %d messages, %d images",
            self.config.name,
            host_of(self.config.base_url),
            self.config.model,
            len(messages),
            len(sent),
        )
        attempt = 0
        while True:
            if cancel.cancelled:
                yield Done(FinishReason.CANCELLED)
                return
            try:
                response = yield from self._open_stream(params, cancel)
                if response is None:
                    yield Done(FinishReason.CANCELLED)
                    return
                break
            except openai.APIStatusError as exc:
                delay = self._retry_delay(exc, attempt)
                if delay is None:
                    raise self._errors.error(exc) from exc
                attempt += 1
                log.info("HTTP %s from %s; retry %d in %.1f s", exc.status_code, self.config.name, attempt, delay)
                yield Progress(
                    t(
                        "{name} answered HTTP {status_code}; retrying in {delay:.0f} s ({attempt} of {max_retries}).",
                        name=self.config.name,
                        status_code=exc.status_code,
                        delay=delay,
                        attempt=attempt,
                        max_retries=self.config.max_retries,
                    )
                )
                if cancel.wait(delay):
                    yield Done(FinishReason.CANCELLED)
                    return
            except openai.APIError as exc:
                raise self._errors.error(exc) from exc
        yield from self._consume(response, request, cancel, started)

    def _open_stream(self, params: dict[str, Any], cancel: CancelToken) -> Generator[Event, None, Any]:
        """Send the request and wait for the response headers; returns the response, or None if cancelled.

        The SDK call blocks until the server answers, which a busy server may delay for a long time, and
        its socket cannot be reached before then. So the call runs on a helper thread: a cancel returns
        at once, and the helper closes the response as soon as it arrives.

        Some servers (llama.cpp's among them) send their headers only with the first token, after the
        prompt is processed, which takes minutes for a large image on a CPU. So a late answer alone is
        no fault: after ``response_timeout`` seconds a separate small request checks that the server
        still answers at all. A live server is waited for (with progress); a server that answers
        nothing, not even that, is reported instead of being waited for until the read timeout.
        """
        outcome: dict[str, Any] = {}
        arrived = threading.Event()
        lock = threading.Lock()
        abandoned = [False]

        def send() -> None:
            try:
                response = self.client().chat.completions.create(**params)
            except BaseException as exc:
                outcome["error"] = exc
            else:
                with lock:
                    if abandoned[0]:
                        response.close()
                        return
                    outcome["response"] = response
            arrived.set()

        def abandon() -> bool:
            """Give up on the request; False if its response has just arrived (then it is used)."""
            with lock:
                if arrived.is_set() or "response" in outcome:
                    return False
                abandoned[0] = True
                return True

        threading.Thread(target=send, name="openai-compat-send", daemon=True).start()
        response_timeout = _seconds(self.config.response_timeout, 30.0)
        sent_at = time.monotonic()
        next_check = sent_at + response_timeout
        probe: _LivenessProbe | None = None
        while not arrived.wait(CANCEL_POLL):
            if cancel.cancelled and abandon():
                log.info("request to %s cancelled before the server answered", self.config.name)
                return None
            now = time.monotonic()
            if probe is None and now >= next_check:
                probe = _LivenessProbe(self.config.base_url, min(PROBE_TIMEOUT, response_timeout))
            if probe is None or not probe.finished.is_set():
                continue
            waited = now - sent_at
            if probe.alive:
                probe, next_check = None, now + response_timeout
                yield Progress(
                    t(
                        "Waiting for {name} to start answering ({waited:.0f} s); it is still working on the request.",
                        name=self.config.name,
                        waited=waited,
                    )
                )
                continue
            if abandon():
                log.info("%s has not answered for %.0f s and does not answer a check either", self.config.name, waited)
                raise BackendError(
                    t(
                        "{name} ({host_of}) accepted the request but has not answered for {waited:.0f} s, and it does not "
                        "answer a simple check either: it seems stuck.",
                        name=self.config.name,
                        host_of=host_of(self.config.base_url),
                        waited=waited,
                    ),
                    t(
                        "Check that the server is running and not frozen (restart it if needed), then ask again. The wait is "
                        "the response timeout ({response_timeout:g} s) in the provider's settings.",
                        response_timeout=response_timeout,
                    ),
                )
        if "error" in outcome:
            raise outcome["error"]
        return outcome["response"]

    def _consume(self, response: Any, request: ChatRequest, cancel: CancelToken, started: float) -> Iterator[Event]:
        import openai

        splitter = EventSplitter(request.tools)
        calls = _ToolCallAccumulator()
        produced = False
        finish: str | None = None
        usage: Any = None
        first_token: float | None = None
        content_timeout = _seconds(self.config.read_timeout, 300.0)
        # the read timeout alone never fires while a server sends keep-alive comments, so content is timed too
        watcher = _StreamWatcher(cancel, response, content_timeout)
        failure: BaseException | None = None
        try:
            try:
                self._check_reply_type(response)
                for chunk in response:
                    if cancel.cancelled:
                        break
                    if getattr(chunk, "usage", None) is not None:
                        usage = chunk.usage
                    events: list[Event] = []
                    choices = _choices_of(chunk)
                    for choice in choices:
                        if choice.index not in (0, None):
                            continue
                        delta = choice.delta
                        if delta is not None:
                            reasoning = _reasoning_of(delta)
                            if reasoning:
                                events.append(ThinkingDelta(reasoning))
                            if delta.content:
                                events.extend(splitter.feed(_text_of(delta.content)))
                            if delta.tool_calls:
                                calls.add(delta.tool_calls)
                                watcher.touch()
                        if choice.finish_reason:
                            finish = choice.finish_reason
                    for event in events:
                        if first_token is None:
                            first_token = time.perf_counter()
                        produced = True
                        watcher.touch()
                        yield event
            except (openai.APIError, OSError, BadReplyError) as exc:
                failure = exc
            except (ValueError, TypeError, AttributeError, KeyError, IndexError) as exc:
                # the SDK builds chunks from whatever JSON arrives; garbage surfaces as these
                log.info("unreadable data from %s", self.config.name, exc_info=True)
                failure = unreadable_reply(exc)
            except Exception as exc:
                # httpx2 errors that escape the SDK's mapping (a socket shut by cancel, a cut chunk)
                if not is_transport_error(exc):
                    raise
                failure = exc
        finally:
            watcher.stop()
            response.close()

        if cancel.cancelled:
            for event in splitter.finish(keep_partial_calls=False):
                yield event
            yield Done(FinishReason.CANCELLED)
            return
        if watcher.timed_out:
            failure = ContentTimeoutError(content_timeout)
        if failure is None and finish is None:
            if produced:
                failure = ConnectionError("the stream ended before the server said it was finished")
            else:
                failure = empty_reply(response)
        if failure is not None and not produced:
            if isinstance(failure, (BadReplyError, ContentTimeoutError)):
                raise self._errors.fault_error(failure) from failure
            if isinstance(failure, openai.APITimeoutError) or (
                isinstance(failure, openai.APIError) and not isinstance(failure, openai.APIConnectionError)
            ):
                raise self._errors.error(failure) from failure
            raise BackendError(
                t(
                    "The connection to {name} ({host_of}) broke before any answer arrived.",
                    name=self.config.name,
                    host_of=host_of(self.config.base_url),
                ),
                t("Check that the server is still running, then ask again."),
            ) from failure

        tail = splitter.finish()
        try:
            tail.extend(ToolCallEvent(call) for call in calls.finish())
        except ValueError as exc:
            failure = failure or exc
        for event in tail:
            yield event
        yield self._usage(usage, started, first_token)
        if failure is not None:
            yield Done(FinishReason.ERROR, self._errors.mid_stream_message(failure))
            return
        if finish in ("sensitive", "content_filter"):
            yield Done(FinishReason.ERROR, f"{self.config.name} stopped the answer with its content filter.")
            return
        if finish == "network_error":
            yield Done(FinishReason.ERROR, f"{self.config.name} lost its connection to the model mid-answer; ask again.")
            return
        reason = _FINISH.get(finish or "", FinishReason.STOP)
        if splitter.produced_calls or calls.count:
            reason = FinishReason.TOOL_CALLS
        yield Done(reason)

    def _check_reply_type(self, response: Any) -> None:
        """Refuse a 200 reply that is not a stream of events: a web page, or a JSON document (often an error).

        Called under the stream watcher, so a cancel or a stalled body ends the read of a JSON reply too.

        Raises:
            BackendError: with what the reply was and what to do.
        """
        content_type = content_type_of(response)
        if content_type in ("text/html", "application/xhtml+xml"):
            response.close()
            raise self._errors.fault_error(
                BadReplyError(
                    t("answered with a web page (HTTP 200, {content_type}) instead of an API reply", content_type=content_type),
                    t(
                        "The base URL probably points at a website, a login page or a proxy rather than the API: use the "
                        "server's OpenAI-compatible API root, for example http://localhost:8080/v1 (often ending in /v1)."
                    ),
                )
            )
        if content_type != "application/json":
            return
        import openai

        try:
            body = _read_limited(response, MAX_JSON_REPLY)
        finally:
            response.close()
        try:
            document: Any = json.loads(body)
        except ValueError:
            document = None
        if isinstance(document, Mapping) and document.get("error"):
            # some servers report errors with status 200
            error = document["error"]
            said = server_message_of(document) or "error"
            raise self._errors.error(openai.APIError(said, response.response.request, body=error))
        quote = excerpt(body.decode("utf-8", "replace"))
        raise self._errors.fault_error(
            BadReplyError(
                t("answered with a single JSON document instead of a stream of events ({quote})", quote=quote),
                t(
                    "Check that the base URL is the server's OpenAI-compatible API root and that the server supports "
                    "streamed answers (stream: true)."
                ),
            )
        )

    def _usage(self, usage: Any, started: float, first_token: float | None) -> Usage:
        now = time.perf_counter()
        timings = {"total_ms": (now - started) * 1000.0}
        if first_token is not None:
            timings["first_token_ms"] = (first_token - started) * 1000.0
        if usage is None:
            return Usage(timings=timings)
        details = getattr(usage, "prompt_tokens_details", None)
        return Usage(
            prompt_tokens=getattr(usage, "prompt_tokens", 0) or 0,
            completion_tokens=getattr(usage, "completion_tokens", 0) or 0,
            cached_tokens=(getattr(details, "cached_tokens", 0) or 0) if details is not None else 0,
            timings=timings,
        )

    # ----- retries
    def _retry_delay(self, exc: openai.APIStatusError, attempt: int) -> float | None:
        """Seconds to wait before retrying ``exc``, or None if it must not be retried."""
        status = exc.status_code
        if not (status in (408, 429) or 500 <= status <= 599) or attempt >= self.config.max_retries:
            return None
        asked = retry_after_seconds(exc.response.headers)
        if asked is not None:
            return asked if asked <= MAX_RETRY_WAIT else None
        # exponential backoff with jitter, so clients that failed together do not retry together
        return min(MAX_RETRY_WAIT, 0.5 * 2.0**attempt) * random.uniform(0.75, 1.25)


# ----- reading streams


class _ToolCallAccumulator:
    """Joins OpenAI streamed ``tool_calls`` deltas (by index) into whole calls."""

    def __init__(self) -> None:
        self._calls: dict[int, dict[str, str]] = {}

    @property
    def count(self) -> int:
        return len(self._calls)

    def add(self, deltas: Sequence[Any]) -> None:
        for position, delta in enumerate(deltas):
            index = delta.index if getattr(delta, "index", None) is not None else position
            entry = self._calls.setdefault(index, {"id": "", "name": "", "arguments": ""})
            if delta.id:
                entry["id"] = delta.id
            function = delta.function
            if function is not None:
                if function.name:
                    entry["name"] += function.name
                if function.arguments:
                    entry["arguments"] += function.arguments

    def finish(self) -> list[ToolCall]:
        """The calls, arguments decoded leniently; ValueError names a call whose arguments are unreadable."""
        calls = []
        for _, entry in sorted(self._calls.items()):
            try:
                arguments = coerce_arguments(entry["arguments"])
            except ValueError as exc:
                raise ValueError(f"{entry['name']}: {exc}") from exc
            calls.append(ToolCall(entry["id"] or new_call_id(), entry["name"].strip(), arguments))
        return calls


def _reasoning_of(delta: Any) -> str:
    """Reasoning text of a delta: ``reasoning_content`` (vLLM, SGLang, Z.ai, llama.cpp) or ``reasoning`` (newer vLLM, Ollama)."""
    extra = getattr(delta, "model_extra", None) or {}
    for key in ("reasoning_content", "reasoning"):
        value = extra.get(key)
        if value is None:
            value = getattr(delta, key, None)
        if isinstance(value, str) and value:
            return value
    return ""


class _StreamWatcher:
    """Shuts the stream's socket when the cancel token fires, or when no content came for ``content_timeout`` s.

    Shutting the socket makes a read blocked on a slow server return now. The content clock is needed
    because keep-alive comments (llama.cpp's server pings while it is silent) reset the HTTP read timeout,
    so a server stalled mid-answer would otherwise hold the reader for as long as it lives.
    """

    def __init__(self, cancel: CancelToken, response: Any, content_timeout: float) -> None:
        self._cancel = cancel
        self._response = response
        self._content_timeout = content_timeout
        self._last_content = time.monotonic()
        self.timed_out = False
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="openai-compat-cancel", daemon=True)
        self._thread.start()

    def touch(self) -> None:
        """Some content arrived: restart the content clock."""
        self._last_content = time.monotonic()

    def _run(self) -> None:
        while not self._stopped.is_set():
            cancelled = self._cancel.wait(CANCEL_POLL)
            if not cancelled and time.monotonic() - self._last_content >= self._content_timeout:
                self.timed_out = True
            if cancelled or self.timed_out:
                if not self._stopped.is_set():
                    _shutdown_stream(self._response)
                return

    def stop(self) -> None:
        self._stopped.set()
        self._thread.join(timeout=1.0)


def _shutdown_stream(response: Any) -> None:
    """Wake the reading thread: shut the socket down (closing it alone does not interrupt a blocked recv)."""
    http_response = getattr(response, "response", None)
    network = getattr(http_response, "extensions", {}).get("network_stream") if http_response is not None else None
    sock = network.get_extra_info("socket") if network is not None else None
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
            return
        except OSError:
            pass
    try:
        response.close()
    except Exception:  # closing from another thread may race with the reader; the shutdown is best effort
        log.debug("closing the stream from the cancel watcher failed", exc_info=True)


# ----- reading what the server sent


def _choices_of(chunk: Any) -> Sequence[Any]:
    """A chunk's choices (none when missing or null); BadReplyError when they are not a list."""
    from openai.types.chat import ChatCompletionChunk

    if not isinstance(chunk, ChatCompletionChunk):
        # the SDK passes a JSON value that is not an object (a number, a list...) through as it is
        raise BadReplyError(
            t("sent an answer in a shape this app cannot read ({excerpt})", excerpt=excerpt(chunk)), unreadable_reply_fix()
        )
    choices = getattr(chunk, "choices", None)
    if choices is None:
        extra = getattr(chunk, "model_extra", None) or {}
        said = server_message_of(extra) if isinstance(extra, Mapping) else ""
        if said and not getattr(chunk, "usage", None):
            # an error object without the "error" key the SDK looks for (e.g. {"message": ...} or {"detail": ...})
            raise BadReplyError(t("reported an error: {said}", said=said), t("Look at the server's log, then ask again."))
        return ()
    if not isinstance(choices, list):
        raise BadReplyError(t("sent choices that are not a list ({excerpt})", excerpt=excerpt(choices)), unreadable_reply_fix())
    return choices


def _text_of(content: Any) -> str:
    """A delta's content as text; BadReplyError for a number, an object, a list..."""
    if isinstance(content, str):
        return content
    raise BadReplyError(t("sent an answer piece that is not text ({excerpt})", excerpt=excerpt(content)), unreadable_reply_fix())


def _read_limited(response: Any, limit: int) -> bytes:
    """Up to ``limit`` bytes of the body behind an SDK stream."""
    data = bytearray()
    for piece in response.response.iter_bytes():
        data += piece
        if len(data) >= limit:
            break
    return bytes(data[:limit])


def _seconds(value: Any, default: float) -> float:
    """A timeout from settings, or ``default`` when it is not a positive finite number."""
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        return default
    return seconds if math.isfinite(seconds) and seconds > 0 else default


class _LivenessProbe:
    """Checks on a thread that a server answers a plain GET at all (any HTTP status means alive)."""

    def __init__(self, url: str, timeout: float) -> None:
        self.alive = False
        self.finished = threading.Event()
        self._url = url
        self._timeout = timeout
        threading.Thread(target=self._run, name="openai-compat-probe", daemon=True).start()

    def _run(self) -> None:
        import httpx2

        try:
            # no key: the check needs none, and a status such as 401 or 404 still proves the server answers
            httpx2.get(self._url, timeout=self._timeout, follow_redirects=False)
            self.alive = True
        except Exception:  # any failure to get an answer means "not alive"; the caller reports it
            log.info("liveness check of %s failed", host_of(self._url), exc_info=True)
        finally:
            self.finished.set()


def _default_client(config: ProviderConfig, api_key: str | None) -> openai.OpenAI:
    import httpx2
    import openai

    return openai.OpenAI(
        # the SDK insists on a key; servers without authentication ignore this placeholder, and passing it
        # keeps the SDK from picking up OPENAI_API_KEY and sending the user's OpenAI key elsewhere
        api_key=api_key or "no-key",
        base_url=config.base_url,
        timeout=httpx2.Timeout(config.read_timeout, connect=config.connect_timeout),
        max_retries=0,
    )
