"""What a remote server's errors mean: a context overflow and its numbers, Retry-After, the server's own words.

Pure functions over the OpenAI SDK's exceptions and the servers' JSON bodies, used by
:mod:`desktop_helper.backends.openai_compat` to turn a failure into a message that says what to do.
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
