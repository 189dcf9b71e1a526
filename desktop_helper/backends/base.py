"""The backend interface: one streaming method, capability flags, validated options.

Every model backend (local llama.cpp, OpenAI-compatible servers, the scripted test backend)
implements :class:`Backend`. Callers build a :class:`ChatRequest`, call :meth:`Backend.stream`
from a worker thread, and consume :data:`Event` objects until the iterator ends. Cancelling is
cooperative: set the :class:`CancelToken`; the backend stops decoding or closes the HTTP stream
and ends the iterator with ``Done(FinishReason.CANCELLED)``.
"""

from __future__ import annotations

import enum
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar

from desktop_helper.backends.speed import SpeedRates
from desktop_helper.core.cancel import CancelToken as CancelToken  # noqa: PLC0414 - re-exported: part of the backend interface
from desktop_helper.core.types import FinishReason, ImagePart, Message, ToolCall, ToolSpec

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
class ImagesSent:
    """The request's images as the backend sent them, in order, before the first token.

    Each is what the model saw: resized to the budget and the server's limits, its ``geometry``
    carrying the sent size, so a caller maps the answer's boxes through the right image. A backend
    that sends no image sends no such event.
    """

    images: tuple[ImagePart, ...]


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


Event = TextDelta | ThinkingDelta | ToolCallEvent | Progress | ImagesSent | Usage | Done


@dataclass(frozen=True)
class PrimeState:
    """Where a pre-encode (:meth:`Backend.prime`) stands, in tokens of the prompt prefix.

    Attributes:
        image_tokens, text_tokens: the prefix's image and text tokens (KV cells).
        image_done, text_done: those already in the KV cache (found there or evaluated now).
        current_tokens: the size of the piece being evaluated now (an image, a text batch), 0 between pieces.
        current_is_image: that piece is an image.
        finished: the whole prefix is in the KV cache.
        timings: when finished, what the pre-encode measured (as in ``Usage.timings``).
    """

    image_tokens: int
    text_tokens: int
    image_done: int = 0
    text_done: int = 0
    current_tokens: int = 0
    current_is_image: bool = False
    finished: bool = False
    timings: dict[str, float] = field(default_factory=dict)


#: ``(fraction, text)`` reports while a backend loads, called on the loading thread (the
#: :class:`Progress` event is the streamed form of the same report)
ProgressCallback = Callable[[float, str], None]


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
    #: :meth:`prime` does something (a local model with a KV cache); remote backends leave it False
    can_prime: ClassVar[bool] = False

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

    def prime(self, request: ChatRequest, cancel: CancelToken | None = None) -> Iterator[PrimeState]:
        """Evaluate ``request``'s prompt up to the end of its last image ahead of time; blocking, off the GUI thread.

        The request is rendered exactly as the final one will be (the question's text left out), so
        the final :meth:`stream` finds that prefix in its cache and only reads the question. One
        generation runs at a time: a :meth:`stream` started meanwhile waits for the prime and then
        continues from it. Cancel stops at the next piece (an image or a batch of text). The
        default does nothing (remote backends have nothing to keep).

        Raises:
            desktop_helper.core.errors.BackendError: the prefix cannot be evaluated (the send would fail the same way).
        """
        return iter(())

    def speed_rates(self) -> SpeedRates | None:
        """What this backend measured about its speed on this computer (None: no local measurements)."""
        return None

    def question_tokens(self, text: str) -> int | None:
        """Tokens a question of this text adds to the prompt (None: this backend cannot count them)."""
        return None

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


def sent_images(events: Iterable[Event]) -> tuple[ImagePart, ...]:
    """The images the backend reported sending in ``events`` (the last :class:`ImagesSent`), or none."""
    found: tuple[ImagePart, ...] = ()
    for event in events:
        if isinstance(event, ImagesSent):
            found = event.images
    return found
