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
"""

from __future__ import annotations

import base64
import io
import json
import logging
import math
import random
import socket
import ssl
import threading
import time
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_helper.backends.base import (
    GLM_REPEAT_PENALTY,
    GLM_TEMPERATURE,
    GLM_TOP_K,
    GLM_TOP_P,
    Backend,
    CancelToken,
    Capability,
    ChatRequest,
    Done,
    Event,
    ImagesSent,
    OptionSpec,
    Progress,
    TextDelta,
    ThinkingDelta,
    ToolCallEvent,
    Usage,
)
from desktop_helper.backends.remote_errors import (
    CONTEXT_OPTION,
    BadReplyError,
    ContextOverflow,
    context_overflow,
    host_of,
    is_transport_error,
    retry_after_seconds,
    root_cause,
    server_message,
    server_message_of,
)
from desktop_helper.backends.splitter import EventSplitter
from desktop_helper.core.errors import BackendError, MediaError
from desktop_helper.core.i18n import t
from desktop_helper.core.types import FinishReason, ImagePart, Message, TextPart, ToolCall, ToolSpec, VideoPart
from desktop_helper.media.images import fit_image
from desktop_helper.parsers.tool_calls import coerce_arguments, new_call_id
from desktop_helper.settings.providers import ProviderConfig, SamplingDialect, ThinkingStyle

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
            raise self._error(exc) from exc

    # ----- streaming
    def stream(self, request: ChatRequest, cancel: CancelToken | None = None) -> Iterator[Event]:
        """Stream the answer; see the module docstring for faults, retries and cancelling."""
        import openai

        cancel = cancel or CancelToken()
        started = time.perf_counter()
        messages, sent = build_messages(request.messages, self.config, request.image_token_budget)
        if sent:
            yield ImagesSent(tuple(sent))
        params = self.request_params(request, messages)
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
                    raise self._error(exc) from exc
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
                raise self._error(exc) from exc
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

    def request_params(self, request: ChatRequest, messages: list[dict[str, Any]]) -> dict[str, Any]:
        """The keyword arguments for ``chat.completions.create``, in the provider's dialect."""
        config = self.config
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
                failure = _unreadable(exc)
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
            failure = _ContentTimeoutError(content_timeout)
        if failure is None and finish is None:
            if produced:
                failure = ConnectionError("the stream ended before the server said it was finished")
            else:
                failure = self._empty_reply(response)
        if failure is not None and not produced:
            if isinstance(failure, (BadReplyError, _ContentTimeoutError)):
                raise self._fault_error(failure) from failure
            if isinstance(failure, openai.APITimeoutError) or (
                isinstance(failure, openai.APIError) and not isinstance(failure, openai.APIConnectionError)
            ):
                raise self._error(failure) from failure
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
            yield Done(FinishReason.ERROR, self._mid_stream_message(failure))
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

    @staticmethod
    def _empty_reply(response: Any) -> BadReplyError:
        """The fault of a reply that ended cleanly without any answer in it."""
        content_type = _content_type(response)
        if content_type != "text/event-stream":
            return BadReplyError(
                t(
                    "answered with {value} that holds no answer (expected a stream of events)",
                    value=content_type or "content of no stated type",
                ),
                t(
                    "Check that the base URL is the server's OpenAI-compatible API root (for example "
                    "http://localhost:8080/v1); if it is, the server's log may say why it sent nothing."
                ),
            )
        return BadReplyError(
            t("ended its reply without sending any answer"),
            t(
                "The server's log says why. Often the request is too big for the server's context (llama-cpp-python's server "
                "ends the reply this way): start the server with a bigger context (e.g. --n_ctx 8192, or llama-server -c "
                "8192), or send less: lower the image token budget or ask about a region instead of the whole screen. Also "
                "check that the base URL is the server's OpenAI-compatible API root (for example http://localhost:8080/v1)."
            ),
        )

    def _check_reply_type(self, response: Any) -> None:
        """Refuse a 200 reply that is not a stream of events: a web page, or a JSON document (often an error).

        Called under the stream watcher, so a cancel or a stalled body ends the read of a JSON reply too.

        Raises:
            BackendError: with what the reply was and what to do.
        """
        content_type = _content_type(response)
        if content_type in ("text/html", "application/xhtml+xml"):
            response.close()
            raise self._fault_error(
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
            raise self._error(openai.APIError(server_message_of(document) or "error", response.response.request, body=error))
        quote = _excerpt(body.decode("utf-8", "replace"))
        raise self._fault_error(
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

    # ----- faults
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

    def _error(self, exc: BaseException) -> BackendError:
        """A BackendError that says what happened in words and how to fix it."""
        import openai

        config = self.config
        where = f"{config.name} ({host_of(config.base_url)})"
        server_says = self._redact(server_message(exc))
        detail = f": {server_says}" if server_says else ""
        overflow = context_overflow(exc)
        if overflow is not None:
            return self._context_error(overflow)
        if isinstance(exc, openai.APIStatusError):
            status = exc.status_code
            key_hint = f"Settings > Models and providers, or the environment variable {config.key_env_var}"
            if status == 401:
                if not self._api_key:
                    return BackendError(
                        t("{where} needs an API key, and none is set (HTTP 401{detail}).", where=where, detail=detail),
                        t("Enter the key in {key_hint}.", key_hint=key_hint),
                    )
                return BackendError(
                    t("{where} rejected the API key (HTTP 401{detail}).", where=where, detail=detail),
                    t("Check or replace the key in {key_hint}.", key_hint=key_hint),
                )
            if status == 403:
                return BackendError(
                    t("{where} refused access with this key (HTTP 403{detail}).", where=where, detail=detail),
                    t(
                        "Check that your key and plan allow the model {model!r}, or replace the key in {key_hint}.",
                        model=config.model,
                        key_hint=key_hint,
                    ),
                )
            if status == 404:
                return BackendError(
                    t(
                        "{where} does not know the model {model!r}, or the base URL is wrong (HTTP 404{detail}).",
                        where=where,
                        model=config.model,
                        detail=detail,
                    ),
                    t(
                        "Pick a model from the server's list in Settings > Models and providers, and check that the base URL "
                        "is the API root (for example http://localhost:8000/v1)."
                    ),
                )
            if status == 429:
                asked = retry_after_seconds(exc.response.headers)
                wait = f" It asks to wait {asked:.0f} s." if asked else ""
                return BackendError(
                    t("{where} is limiting requests (HTTP 429{detail}).{wait}", where=where, detail=detail, wait=wait),
                    t("Wait a little and ask again, or check your plan's quota and balance."),
                )
            if status == 413:
                return BackendError(
                    t("{where} says the request is too large (HTTP 413{detail}).", where=where, detail=detail),
                    t("Lower the image token budget in Settings, or send fewer images."),
                )
            if 500 <= status <= 599:
                return BackendError(
                    t("{where} failed with a server error (HTTP {status}{detail}).", where=where, status=status, detail=detail),
                    t("Try again later; if it is your own server, look at its log."),
                )
            return BackendError(
                t("{where} rejected the request (HTTP {status}{detail}).", where=where, status=status, detail=detail),
                t("If it mentions the image, lower the image token budget; if it mentions the model, pick another one."),
            )
        if isinstance(exc, openai.APITimeoutError):
            return BackendError(
                t("{where} did not answer in time.", where=where),
                t(
                    "Check that the server is running and not overloaded; the read timeout is {read_timeout:g} s and can be "
                    "raised in the provider's settings.",
                    read_timeout=config.read_timeout,
                ),
            )
        cause = root_cause(exc)
        if isinstance(cause, ssl.SSLError):
            reason = getattr(cause, "verify_message", None) or getattr(cause, "reason", None) or str(cause)
            return BackendError(
                t("The secure (TLS) connection to {where} failed: {reason}.", where=where, reason=reason),
                t(
                    "If the server uses a self-signed or private certificate, add it to your system's trusted certificates "
                    "(or point SSL_CERT_FILE at it); for a local server without TLS, use an http:// URL."
                ),
            )
        if isinstance(cause, ConnectionRefusedError):
            return BackendError(
                t("Nothing is listening at {base_url} (connection refused).", base_url=config.base_url),
                t("Start the server, or check the host and port in the provider's base URL."),
            )
        if isinstance(cause, socket.gaierror):
            return BackendError(
                t("The host {host_of} of {name} could not be found.", host_of=host_of(config.base_url), name=config.name),
                t("Check the base URL and your network connection."),
            )
        if isinstance(exc, openai.APIConnectionError):
            return BackendError(
                t("Could not reach {where}: {redact}.", where=where, redact=self._redact(str(cause) or type(cause).__name__)),
                t("Check the base URL, your network, and that the server is running."),
            )
        if isinstance(exc, openai.APIError):
            return BackendError(
                t("{where} reported an error{value}.", where=where, value=detail or ": " + self._redact(str(exc))),
                t("Ask again."),
            )
        return BackendError(
            t("Talking to {where} failed: {redact}.", where=where, redact=self._redact(str(exc))), t("Ask again.")
        )

    def _context_error(self, overflow: ContextOverflow) -> BackendError:
        """The request did not fit the server's context: the numbers, and the two ways out."""
        where = f"{self.config.name} ({host_of(self.config.base_url)})"
        if overflow.needed and overflow.available:
            sizes = t(
                ": it needs {needed} tokens, and the server's context holds {available}",
                needed=overflow.needed,
                available=overflow.available,
            )
        elif overflow.available:
            sizes = t(" of {available} tokens", available=overflow.available)
        elif overflow.needed:
            sizes = t(": it needs {needed} tokens", needed=overflow.needed)
        else:
            sizes = ""
        send_less = t(
            "lower the image token budget (Settings > Models and providers, or --image-budget), ask about a region "
            "instead of the whole screen, or start a new chat"
        )
        server_side = CONTEXT_OPTION.get(self.config.preset, CONTEXT_OPTION["custom"]).format(n=overflow.suggested_context)
        if self.config.needs_key:  # a hosted API: its context is what it is
            fix = t("Send less: {send_less}.", send_less=send_less)
        else:
            fix = t(
                "Start the server with a bigger context ({server_side}), or send less: {send_less}.",
                server_side=server_side,
                send_less=send_less,
            )
        return BackendError(t("The request is too big for the context of {where}{sizes}.", where=where, sizes=sizes), fix)

    def _fault_error(self, fault: BaseException) -> BackendError:
        """The BackendError for a :class:`BadReplyError` or :class:`_ContentTimeoutError` before any answer."""
        where = f"{self.config.name} ({host_of(self.config.base_url)})"
        if isinstance(fault, _ContentTimeoutError):
            return BackendError(
                t(
                    "{where} sent no answer for {seconds:g} s (at most keep-alive signals): it seems stuck.",
                    where=where,
                    seconds=fault.seconds,
                ),
                t(
                    "Check the server's log and load, restart it if it stays stuck, then ask again. The wait is the read "
                    "timeout ({seconds:g} s) in the provider's settings.",
                    seconds=fault.seconds,
                ),
            )
        if isinstance(fault, BadReplyError):
            return BackendError(t("{where} {redact}.", where=where, redact=self._redact(fault.what)), fault.fix)
        return self._error(fault)

    def _mid_stream_message(self, failure: BaseException) -> str:
        import openai

        where = f"{self.config.name} ({host_of(self.config.base_url)})"
        if isinstance(failure, _ContentTimeoutError):
            return (
                f"The answer above is incomplete: {where} stopped sending the answer for {failure.seconds:g} s "
                "(keep-alive signals do not count). Ask again."
            )
        if isinstance(failure, BadReplyError):
            return f"The answer above is incomplete: {where} {self._redact(failure.what)}. Ask again."
        overflow = context_overflow(failure)
        if overflow is not None:
            error = self._context_error(overflow)
            return f"The answer above is incomplete. {error.message} {error.fix}"
        if isinstance(failure, ValueError):
            return f"The answer above is incomplete: the model's tool call could not be read ({failure}). Ask again."
        if isinstance(failure, openai.APITimeoutError):
            return f"The answer above is incomplete: {where} stopped sending for {self.config.read_timeout:g} s. Ask again."
        if isinstance(failure, openai.APIError) and not isinstance(failure, openai.APIConnectionError):
            said = self._redact(server_message(failure) or str(failure))
            return f"The answer above is incomplete: {where} reported an error mid-answer ({said}). Ask again."
        return f"The answer above is incomplete: the connection to {where} was lost mid-answer. Ask again."

    def _redact(self, text: str) -> str:
        if self._api_key and len(self._api_key) >= 4:
            text = text.replace(self._api_key, "***")
        return text


# ----- building requests


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
    import json

    return json.dumps(value, ensure_ascii=False)


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


# ----- helpers for faults


class _ContentTimeoutError(Exception):
    """No answer content arrived for ``seconds`` (though keep-alive bytes may have)."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"no content for {seconds:g} s")
        self.seconds = seconds


def _garbage_fix() -> str:
    return t(
        "Check that the base URL is the API root of an OpenAI-compatible server (for example http://localhost:8080/v1) "
        "and that no proxy in between changes its replies; the server's log may say more."
    )


def _unreadable(exc: BaseException) -> BadReplyError:
    """Describe data the SDK or this module could not read, without repeating a parser's jargon."""
    if isinstance(exc, json.JSONDecodeError):
        return BadReplyError(t("sent a line that is not JSON ({excerpt})", excerpt=_excerpt(exc.doc)), _garbage_fix())
    if isinstance(exc, UnicodeDecodeError):
        return BadReplyError(t("sent bytes that are not UTF-8 text"), _garbage_fix())
    return BadReplyError(t("sent an answer in a shape this app cannot read"), _garbage_fix())


def _choices_of(chunk: Any) -> Sequence[Any]:
    """A chunk's choices (none when missing or null); BadReplyError when they are not a list."""
    from openai.types.chat import ChatCompletionChunk

    if not isinstance(chunk, ChatCompletionChunk):
        # the SDK passes a JSON value that is not an object (a number, a list...) through as it is
        raise BadReplyError(
            t("sent an answer in a shape this app cannot read ({excerpt})", excerpt=_excerpt(chunk)), _garbage_fix()
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
        raise BadReplyError(t("sent choices that are not a list ({excerpt})", excerpt=_excerpt(choices)), _garbage_fix())
    return choices


def _text_of(content: Any) -> str:
    """A delta's content as text; BadReplyError for a number, an object, a list..."""
    if isinstance(content, str):
        return content
    raise BadReplyError(t("sent an answer piece that is not text ({excerpt})", excerpt=_excerpt(content)), _garbage_fix())


def _excerpt(value: Any, limit: int = 60) -> str:
    """A short, single-line quote of something a server sent: text in quotes, anything else as JSON."""
    text = value if isinstance(value, str) else json.dumps(value, default=str)
    text = " ".join(text.split())
    text = text[:limit] + ("..." if len(text) > limit else "")
    return repr(text) if isinstance(value, str) else text


def _content_type(response: Any) -> str:
    """The media type of the HTTP reply behind an SDK stream, lower case, without parameters."""
    http_response = getattr(response, "response", None)
    headers = getattr(http_response, "headers", None)
    raw = headers.get("content-type", "") if headers is not None else ""
    return str(raw).split(";")[0].strip().lower()


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


# ----- connection test (used by the settings page, off the GUI thread)


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
