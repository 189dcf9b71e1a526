"""The backend interface: one streaming method, capability flags, validated options.

Every model backend (local llama.cpp, OpenAI-compatible servers, the scripted test backend)
implements :class:`Backend`. Callers build a :class:`ChatRequest`, call :meth:`Backend.stream`
from a worker thread, and consume :data:`Event` objects until the iterator ends. Cancelling is
cooperative: set the :class:`CancelToken`; the backend stops decoding or closes the HTTP stream
and ends the iterator with ``Done(FinishReason.CANCELLED)``.
"""

from __future__ import annotations

import enum
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar

from desktop_helper.core.types import FinishReason, Message, ToolCall, ToolSpec

#: GLM-4.6V's recommended sampling (GLM-V README / generation_config): what a ``None`` in
#: :class:`ChatRequest` stands for, in every backend
GLM_TEMPERATURE = 0.8
GLM_TOP_P = 0.6
GLM_TOP_K = 2
GLM_REPEAT_PENALTY = 1.1


class Capability(enum.Flag):
    NONE = 0
    IMAGES = enum.auto()
    VIDEO = enum.auto()
    TOOLS = enum.auto()
    THINKING = enum.auto()
    GROUNDING = enum.auto()


@dataclass(frozen=True)
class ChatRequest:
    """One generation request.

    Attributes:
        messages: the conversation so far, ending with the user's (or a tool's) turn.
        thinking: ask the model to reason before answering (GLM's thinking switch).
        tools: functions the model may call.
        temperature, top_p, top_k, repeat_penalty: sampling; ``None`` means the backend's GLM default.
        max_tokens: cap on generated tokens; ``None`` means the backend's default.
        image_token_budget: cap on tokens per image; ``None`` means the backend's default.
    """

    messages: tuple[Message, ...]
    thinking: bool = True
    tools: tuple[ToolSpec, ...] = ()
    temperature: float | None = None
    top_p: float | None = None
    top_k: int | None = None
    repeat_penalty: float | None = None
    max_tokens: int | None = None
    image_token_budget: int | None = None


@dataclass(frozen=True)
class TextDelta:
    """A piece of the answer."""

    text: str


@dataclass(frozen=True)
class ThinkingDelta:
    """A piece of the model's reasoning, kept apart from the answer."""

    text: str


@dataclass(frozen=True)
class ToolCallEvent:
    call: ToolCall


@dataclass(frozen=True)
class Progress:
    """Work before the first token (loading, encoding images, retrying), for a status line."""

    text: str
    fraction: float | None = None


@dataclass(frozen=True)
class Usage:
    prompt_tokens: int = 0
    completion_tokens: int = 0
    image_tokens: int = 0
    cached_tokens: int = 0
    timings: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Done:
    reason: FinishReason
    error: str | None = None


Event = TextDelta | ThinkingDelta | ToolCallEvent | Progress | Usage | Done


class CancelToken:
    """Cooperative cancel flag shared between the UI and a worker."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def wait(self, timeout: float) -> bool:
        """Sleep up to ``timeout`` seconds; return True early if cancelled."""
        return self._event.wait(timeout)


@dataclass(frozen=True)
class OptionSpec:
    """A backend option: name, type, default, bounds and a description for the settings UI."""

    name: str
    type: type
    default: Any
    description: str
    minimum: float | None = None
    maximum: float | None = None


class Backend(ABC):
    """A model that answers chat requests as a stream of events."""

    #: registry name, e.g. ``"local_gguf"``
    name: ClassVar[str]
    capabilities: ClassVar[Capability] = Capability.NONE
    options: ClassVar[tuple[OptionSpec, ...]] = ()

    @abstractmethod
    def stream(self, request: ChatRequest, cancel: CancelToken | None = None) -> Iterator[Event]:
        """Generate an answer; blocking, call it off the GUI thread.

        Raises:
            desktop_helper.core.errors.BackendError: for faults the user can fix, before the
                first event. Faults after the first event end the stream with
                ``Done(FinishReason.ERROR, message)`` so the partial answer is kept.
        """

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release models, sockets and threads."""

    def runtime(self) -> dict[str, Any]:
        """Where the model runs, for status displays: ``summary`` (one line) and details; {} if not local."""
        return {}

    @classmethod
    def validate_options(cls, values: dict[str, Any]) -> dict[str, Any]:
        """Return ``values`` completed with defaults, or raise ValueError naming the bad option."""
        known = {spec.name: spec for spec in cls.options}
        unknown = set(values) - set(known)
        if unknown:
            raise ValueError(f"unknown option(s) for {cls.name}: {', '.join(sorted(unknown))}")
        result: dict[str, Any] = {}
        for spec in cls.options:
            value: Any = values.get(spec.name, spec.default)
            if value is not None:
                if spec.type is float and isinstance(value, int):
                    value = float(value)
                if not isinstance(value, spec.type) or (spec.type is int and isinstance(value, bool)):
                    raise ValueError(f"option {spec.name} must be {spec.type.__name__}, not {value!r}")
                number: Any = value  # isinstance on a runtime type narrows to object
                if spec.minimum is not None and number < spec.minimum:
                    raise ValueError(f"option {spec.name} must be >= {spec.minimum}")
                if spec.maximum is not None and number > spec.maximum:
                    raise ValueError(f"option {spec.name} must be <= {spec.maximum}")
            result[spec.name] = value
        return result


def collect(
    events: Iterator[Event],
    on_event: Callable[[Event], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> tuple[str, str, list[ToolCall], Done | None]:
    """Drain a stream into (answer, thinking, tool calls, done).

    Args:
        events: the stream.
        on_event: sees every event as it arrives (progress displays).
        should_stop: checked after each event; the stream is abandoned once it returns True.
    """
    answer: list[str] = []
    thinking: list[str] = []
    calls: list[ToolCall] = []
    done: Done | None = None
    for event in events:
        if on_event is not None:
            on_event(event)
        if isinstance(event, TextDelta):
            answer.append(event.text)
        elif isinstance(event, ThinkingDelta):
            thinking.append(event.text)
        elif isinstance(event, ToolCallEvent):
            calls.append(event.call)
        elif isinstance(event, Done):
            done = event
        if should_stop is not None and should_stop():
            break
    return "".join(answer), "".join(thinking), calls, done
