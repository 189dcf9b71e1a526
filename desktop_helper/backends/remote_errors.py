"""What a remote server's errors mean, and how they read to the user.

Pure functions over the OpenAI SDK's exceptions and the servers' JSON bodies (a context overflow and its
numbers, Retry-After, the server's own words), and :class:`RemoteErrorMessages`, which turns a failure of
:mod:`desktop_helper.backends.openai_compat` into a message that says what happened and what to do.
"""

from __future__ import annotations

import email.utils
import json
import re
import socket
import ssl
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urlsplit

from desktop_helper.core.errors import BackendError
from desktop_helper.core.i18n import t
from desktop_helper.settings.providers import ProviderConfig


class BadReplyError(Exception):
    """The server sent something that is not a readable answer (or nothing at all).

    Attributes:
        what: completes "<server> ...", e.g. "sent a line that is not JSON ('oops')".
        fix: what the user can do.
    """

    def __init__(self, what: str, fix: str) -> None:
        super().__init__(what)
        self.what = what
        self.fix = fix


@dataclass(frozen=True)
class ContextOverflow:
    """A server's "the request does not fit the context" error, with its numbers when it gave them.

    Attributes:
        needed: tokens the request needs (prompt, or prompt and answer), or None.
        available: the server's context size in tokens, or None.
    """

    needed: int | None = None
    available: int | None = None

    @property
    def suggested_context(self) -> int:
        """A context size that fits the request with room for an answer (a power of two, at least 8192)."""
        wanted = max((self.needed or 0) + 1024, (self.available or 0) * 2, 8192)
        return 1 << (wanted - 1).bit_length()


#: how to give each kind of server a bigger context ({n}: a suggested size)
CONTEXT_OPTION = {
    "llamacpp": "llama-server -c {n}",
    "vllm": "vllm serve --max-model-len {n}",
    "sglang": "--context-length {n}",
    "ollama": "OLLAMA_CONTEXT_LENGTH={n}, or num_ctx {n} in the model's settings",
    "lmstudio": "a context length of {n} in the model's load settings",
    "custom": "for example llama-server -c {n}, or vLLM's --max-model-len {n}",
}

#: the words servers use for it, with the numbers: llama.cpp's two wordings ("request (N tokens) exceeds the
#: available context size (M tokens)", "input (N tokens) is larger than the max context size (M tokens)"), then
#: llama-cpp-python's, vLLM's and OpenAI's ("maximum context length is M tokens. However, you requested N"), then
#: vLLM's "prompt length of N is longer than the maximum model length of M"
_CONTEXT_PATTERNS = (
    re.compile(r"\((\d+) tokens\) exceeds the available context size \((\d+) tokens\)", re.I),
    re.compile(r"\((\d+) tokens\) is larger than the max context size \((\d+) tokens\)", re.I),
    re.compile(
        r"maximum context length is (?P<available>\d+) tokens\W+(?:however,? )?"
        r"(?:you requested|your request has|your messages resulted in) (?P<needed>\d+)",
        re.I,
    ),
    re.compile(r"(?:prompt|input)\D{0,30}?(\d+)\)? is longer than the maximum model length of (\d+)", re.I),
)
_CONTEXT_WORDS = re.compile(
    r"context[ _](?:length|size|window)|exceed_context_size|maximum model length|prompt is too long|input length exceeds",
    re.I,
)


def context_overflow(exc: BaseException) -> ContextOverflow | None:
    """The context overflow a server error describes, or None when it is about something else."""
    body = getattr(exc, "body", None)
    error: Any = body.get("error", body) if isinstance(body, Mapping) else body
    fields: Mapping[str, Any] = error if isinstance(error, Mapping) else {}
    kind = f"{fields.get('type', '')} {fields.get('code', '')}"
    message = server_message(exc) or (str(exc) if not isinstance(exc, BadReplyError) else "")
    for pattern in _CONTEXT_PATTERNS:
        found = pattern.search(message)
        if found:
            if pattern.groupindex:
                return ContextOverflow(int(found["needed"]), int(found["available"]))
            return ContextOverflow(int(found[1]), int(found[2]))
    if "exceed_context_size" in kind or "context_length_exceeded" in kind or _CONTEXT_WORDS.search(message):
        return ContextOverflow(_int_or_none(fields.get("n_prompt_tokens")), _int_or_none(fields.get("n_ctx")))
    return None


def _int_or_none(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None


def retry_after_seconds(headers: Mapping[str, str]) -> float | None:
    """Seconds a server asks us to wait, from ``retry-after-ms`` or ``Retry-After`` (seconds or an HTTP date)."""
    raw_ms = headers.get("retry-after-ms")
    if raw_ms:
        try:
            return max(0.0, float(raw_ms) / 1000.0)
        except ValueError:
            pass
    raw = headers.get("retry-after")
    if not raw:
        return None
    try:
        return max(0.0, float(raw))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(raw)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


def server_message(exc: BaseException) -> str:
    """The server's own words about an error, from the usual body shapes."""
    return server_message_of(getattr(exc, "body", None))


def server_message_of(body: Any) -> str:
    """The message in an error body: ``{"error": {"message": ...}}``, ``{"detail": ...}``, plain text or HTML."""
    message: Any = None
    if isinstance(body, Mapping):
        error = body.get("error", body)
        if isinstance(error, Mapping):
            message = error.get("message") or error.get("msg")
        elif isinstance(error, str):
            message = error
        message = message or body.get("message") or body.get("detail")
    elif isinstance(body, str):
        message = body
    if not message:
        return ""
    text = message if isinstance(message, str) else json.dumps(message, default=str)
    if text.lstrip().startswith("<"):
        # an HTML error page from a proxy: its words, not its markup
        title = re.search(r"<title[^>]*>(.*?)</title>", text, re.I | re.S)
        text = title.group(1) if title else re.sub(r"<[^>]*>", " ", text)
    text = " ".join(text.split())
    return text[:300] + ("..." if len(text) > 300 else "")


def root_cause(exc: BaseException) -> BaseException:
    """The most specific OS/TLS error in the chain, else the deepest cause."""
    seen: set[int] = set()
    current: BaseException | None = exc
    deepest = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, (ssl.SSLError, ConnectionRefusedError, socket.gaierror)):
            return current
        deepest = current
        current = current.__cause__ or current.__context__
    return deepest


def is_transport_error(exc: BaseException) -> bool:
    try:
        import httpx2
    except ImportError:  # pragma: no cover - the SDK depends on it
        return False
    return isinstance(exc, (httpx2.TransportError, httpx2.StreamError))


def host_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.netloc or url


class ContentTimeoutError(Exception):
    """No answer content arrived for ``seconds`` (though keep-alive bytes may have)."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"no content for {seconds:g} s")
        self.seconds = seconds


def unreadable_reply_fix() -> str:
    return t(
        "Check that the base URL is the API root of an OpenAI-compatible server (for example http://localhost:8080/v1) "
        "and that no proxy in between changes its replies; the server's log may say more."
    )


def unreadable_reply(exc: BaseException) -> BadReplyError:
    """Describe data the SDK or this module could not read, without repeating a parser's jargon."""
    if isinstance(exc, json.JSONDecodeError):
        return BadReplyError(t("sent a line that is not JSON ({excerpt})", excerpt=excerpt(exc.doc)), unreadable_reply_fix())
    if isinstance(exc, UnicodeDecodeError):
        return BadReplyError(t("sent bytes that are not UTF-8 text"), unreadable_reply_fix())
    return BadReplyError(t("sent an answer in a shape this app cannot read"), unreadable_reply_fix())


def excerpt(value: Any, limit: int = 60) -> str:
    """A short, single-line quote of something a server sent: text in quotes, anything else as JSON."""
    text = value if isinstance(value, str) else json.dumps(value, default=str)
    text = " ".join(text.split())
    text = text[:limit] + ("..." if len(text) > limit else "")
    return repr(text) if isinstance(value, str) else text


def content_type_of(response: Any) -> str:
    """The media type of the HTTP reply behind an SDK stream, lower case, without parameters."""
    http_response = getattr(response, "response", None)
    headers = getattr(http_response, "headers", None)
    raw = headers.get("content-type", "") if headers is not None else ""
    return str(raw).split(";")[0].strip().lower()


def empty_reply(response: Any) -> BadReplyError:
    """The fault of a reply that ended cleanly without any answer in it."""
    content_type = content_type_of(response)
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


class RemoteErrorMessages:
    """Failures talking to one provider, in words with a fix; the API key never shows in them.

    Args:
        config: the provider, named in every message.
        api_key: the key, masked wherever a server's words are repeated.
    """

    def __init__(self, config: ProviderConfig, api_key: str | None) -> None:
        self.config = config
        self._api_key = api_key

    def error(self, exc: BaseException) -> BackendError:
        """A BackendError that says what happened in words and how to fix it."""
        import openai

        config = self.config
        where = f"{config.name} ({host_of(config.base_url)})"
        server_says = self.redact(server_message(exc))
        detail = f": {server_says}" if server_says else ""
        overflow = context_overflow(exc)
        if overflow is not None:
            return self.context_error(overflow)
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
                t("Could not reach {where}: {redact}.", where=where, redact=self.redact(str(cause) or type(cause).__name__)),
                t("Check the base URL, your network, and that the server is running."),
            )
        if isinstance(exc, openai.APIError):
            return BackendError(
                t("{where} reported an error{value}.", where=where, value=detail or ": " + self.redact(str(exc))),
                t("Ask again."),
            )
        return BackendError(
            t("Talking to {where} failed: {redact}.", where=where, redact=self.redact(str(exc))), t("Ask again.")
        )

    def context_error(self, overflow: ContextOverflow) -> BackendError:
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

    def fault_error(self, fault: BaseException) -> BackendError:
        """The BackendError for a :class:`BadReplyError` or :class:`ContentTimeoutError` before any answer."""
        where = f"{self.config.name} ({host_of(self.config.base_url)})"
        if isinstance(fault, ContentTimeoutError):
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
            return BackendError(t("{where} {redact}.", where=where, redact=self.redact(fault.what)), fault.fix)
        return self.error(fault)

    def mid_stream_message(self, failure: BaseException) -> str:
        import openai

        where = f"{self.config.name} ({host_of(self.config.base_url)})"
        if isinstance(failure, ContentTimeoutError):
            return (
                f"The answer above is incomplete: {where} stopped sending the answer for {failure.seconds:g} s "
                "(keep-alive signals do not count). Ask again."
            )
        if isinstance(failure, BadReplyError):
            return f"The answer above is incomplete: {where} {self.redact(failure.what)}. Ask again."
        overflow = context_overflow(failure)
        if overflow is not None:
            error = self.context_error(overflow)
            return f"The answer above is incomplete. {error.message} {error.fix}"
        if isinstance(failure, ValueError):
            return f"The answer above is incomplete: the model's tool call could not be read ({failure}). Ask again."
        if isinstance(failure, openai.APITimeoutError):
            return f"The answer above is incomplete: {where} stopped sending for {self.config.read_timeout:g} s. Ask again."
        if isinstance(failure, openai.APIError) and not isinstance(failure, openai.APIConnectionError):
            said = self.redact(server_message(failure) or str(failure))
            return f"The answer above is incomplete: {where} reported an error mid-answer ({said}). Ask again."
        return f"The answer above is incomplete: the connection to {where} was lost mid-answer. Ask again."

    def redact(self, text: str) -> str:
        if self._api_key and len(self._api_key) >= 4:
            text = text.replace(self._api_key, "***")
        return text
