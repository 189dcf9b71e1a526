"""One answer of the local model: its prompt evaluated, then tokens sampled until a stop token.

Generation samples with GLM's recommended settings (a request may override them), stops on GLM's
stop tokens, streams text through a splitter that separates ``<think>`` reasoning and ``<tool_call>``
blocks, and checks the cancel token between every token.
"""

from __future__ import annotations

import codecs
import ctypes
import logging
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from desktop_helper.backends.base import (
    GLM_REPEAT_PENALTY,
    GLM_TEMPERATURE,
    GLM_TOP_K,
    GLM_TOP_P,
    CancelToken,
    ChatRequest,
    Done,
    Event,
    ImagesSent,
    Progress,
    TextDelta,
    ThinkingDelta,
    ToolCallEvent,
    Usage,
)
from desktop_helper.backends.llama_evaluation import PromptEvaluator, PromptUnit, RunStats
from desktop_helper.backends.llama_render import PromptRenderer, RenderedRequest
from desktop_helper.backends.splitter import EventSplitter
from desktop_helper.core.errors import BackendError, CancelledError, UserError
from desktop_helper.core.i18n import t
from desktop_helper.core.types import FinishReason

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LoadedModel:
    """What a loaded model answers with (built by :meth:`LocalGGUFBackend.load`).

    Attributes:
        ctx: the llama.cpp context.
        vocab: the model's vocabulary.
        n_ctx: the context actually allocated, in tokens.
        stop_ids: tokens that end GLM's turn besides the vocabulary's end-of-generation set.
        renderer: renders requests with the model's chat template.
        prompt: what the KV cache holds, and evaluates what it does not.
    """

    ctx: Any
    vocab: Any
    n_ctx: int
    stop_ids: frozenset[int]
    renderer: PromptRenderer
    prompt: PromptEvaluator


def answer(
    model: LoadedModel,
    request: ChatRequest,
    rendered: RenderedRequest,
    cancel: CancelToken,
    *,
    started: float,
    waited: float,
    max_tokens: int,
    seed: int,
    closed: Callable[[], bool],
    record_speed: Callable[[dict[str, float]], None],
) -> Iterator[Event]:
    """Evaluate ``rendered`` (reusing the cached prefix) and stream the answer to ``request``.

    Args:
        started: when the request started (``time.monotonic``), for its timings.
        waited: seconds it waited for the previous generation.
        max_tokens: the cap on answer length when the request has none.
        seed: sampling seed (-1: random).
        closed: whether the backend was closed meanwhile (ends the answer as cancelled).
        record_speed: takes the timings once the answer is out.
    """
    import llama_cpp

    stats = RunStats(waited_seconds=waited)
    if rendered.prompt.images:
        yield ImagesSent(tuple(rendered.prompt.images))
        count = len(rendered.prompt.images)
        yield Progress(t("Reading 1 image") if count == 1 else t("Reading {count} images", count=count))
    prompt = model.prompt.chunks(rendered)
    stats.prepare_seconds = time.monotonic() - started
    try:
        units = prompt.units
        stats.prompt_cells = sum(u.n_cells for u in units)
        stats.image_tokens = sum(u.n_cells for u in units if u.is_image)
        max_new = request.max_tokens or max_tokens
        if stats.prompt_cells + 1 > model.n_ctx:
            raise BackendError(
                t(
                    "The conversation needs {prompt_cells:,} tokens but the context holds {n_ctx:,}.",
                    prompt_cells=stats.prompt_cells,
                    n_ctx=model.n_ctx,
                ),
                t("Start a new chat, lower the image token budget, or raise the context size in Settings > Models."),
            )
        max_new = min(max_new, model.n_ctx - stats.prompt_cells)
        keep = model.prompt.reuse_prefix(units)
        stats.reused_cells = sum(u.n_cells for u in units[:keep])
        n_past = sum(u.n_pos for u in units[:keep])
        prompt_started = time.monotonic()
        n_past = yield from model.prompt.evaluate(
            units=units, sources=prompt.sources, start=keep, n_past=n_past, cancel=cancel, stats=stats
        )
        stats.prompt_seconds = time.monotonic() - prompt_started
    finally:
        prompt.free()
    if cancel.cancelled:
        yield Usage(stats.prompt_cells, 0, stats.image_tokens, stats.reused_cells, run_timings(stats, started, None, 0, 0.0))
        yield Done(FinishReason.CANCELLED)
        return

    sampler = make_sampler(model.vocab, request, seed)
    splitter = EventSplitter(request.tools, parse_calls=True)
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    buffer = ctypes.create_string_buffer(256)
    produced = 0
    first_token_at: float | None = None
    generation_started = time.monotonic()
    reason = FinishReason.LENGTH
    try:
        while produced < max_new:
            if cancel.cancelled or closed():
                reason = FinishReason.CANCELLED
                break
            token = llama_cpp.llama_sampler_sample(sampler, model.ctx, -1)
            if first_token_at is None:
                first_token_at = time.monotonic()
            if token in model.stop_ids or llama_cpp.llama_vocab_is_eog(model.vocab, token):
                reason = FinishReason.STOP
                break
            produced += 1
            n = llama_cpp.llama_token_to_piece(model.vocab, token, buffer, len(buffer), 0, True)
            piece = decoder.decode(buffer.raw[: max(0, n)])
            for event in splitter.feed(piece):
                yield event
            # the sampled token must be evaluated before the next one can be sampled
            model.prompt.decode_tokens([token], n_past, logits_last=True)
            model.prompt.units.append(PromptUnit(("text", token), 1, 1))
            n_past += 1
        tail = decoder.decode(b"", final=True)
        for event in [*splitter.feed(tail), *splitter.finish()]:
            yield event
    finally:
        llama_cpp.llama_sampler_free(sampler)
    if splitter.produced_calls and reason is FinishReason.STOP:
        reason = FinishReason.TOOL_CALLS
    generation_seconds = time.monotonic() - generation_started
    ttft = (first_token_at - started) if first_token_at is not None else None
    timings = run_timings(stats, started, ttft, produced, generation_seconds)
    try:
        yield Usage(
            prompt_tokens=stats.prompt_cells,
            completion_tokens=produced,
            image_tokens=stats.image_tokens,
            cached_tokens=stats.reused_cells,
            timings=timings,
        )
        yield Done(reason)
    finally:
        # saved after the answer is out: writing the profile file is no part of the wait for it
        record_speed(timings)


def make_sampler(vocab: Any, request: ChatRequest, seed: int) -> Any:
    """A sampler chain with GLM's settings, or the request's (the caller frees it); ``seed`` -1: random."""
    import llama_cpp

    temperature = GLM_TEMPERATURE if request.temperature is None else request.temperature
    top_p = GLM_TOP_P if request.top_p is None else request.top_p
    top_k = GLM_TOP_K if request.top_k is None else request.top_k
    repeat = GLM_REPEAT_PENALTY if request.repeat_penalty is None else request.repeat_penalty
    chain = llama_cpp.llama_sampler_chain_init(llama_cpp.llama_sampler_chain_default_params())
    if repeat and repeat != 1.0:
        n_vocab = llama_cpp.llama_vocab_n_tokens(vocab)
        llama_cpp.llama_sampler_chain_add(chain, llama_cpp.llama_sampler_init_penalties(n_vocab, 64, repeat, 0.0, 0.0))
    if temperature <= 0:
        llama_cpp.llama_sampler_chain_add(chain, llama_cpp.llama_sampler_init_greedy())
        return chain
    if top_k and top_k > 0:
        llama_cpp.llama_sampler_chain_add(chain, llama_cpp.llama_sampler_init_top_k(top_k))
    if top_p and top_p < 1.0:
        llama_cpp.llama_sampler_chain_add(chain, llama_cpp.llama_sampler_init_top_p(top_p, 1))
    llama_cpp.llama_sampler_chain_add(chain, llama_cpp.llama_sampler_init_temp(temperature))
    chosen = seed if seed >= 0 else int.from_bytes(os.urandom(4), "little")
    llama_cpp.llama_sampler_chain_add(chain, llama_cpp.llama_sampler_init_dist(chosen))
    return chain


def run_timings(stats: RunStats, started: float, ttft: float | None, produced: int, gen_s: float) -> dict[str, float]:
    """The ``timings`` of a request's :class:`Usage` (and of a finished pre-encode)."""
    timings = {
        "prompt_seconds": round(stats.prompt_seconds, 4),
        "image_seconds": round(stats.image_seconds, 4),
        "prepare_seconds": round(stats.prepare_seconds, 4),
        "image_encode_seconds": round(stats.image_encode_seconds, 4),
        "total_seconds": round(time.monotonic() - started, 4),
        "evaluated_prompt_tokens": float(stats.evaluated_cells),
        "evaluated_image_tokens": float(stats.evaluated_image_cells),
        "evaluated_images": float(stats.evaluated_images),
    }
    if stats.waited_seconds:
        timings["waited_seconds"] = round(stats.waited_seconds, 4)
    if ttft is not None:
        timings["ttft_seconds"] = round(ttft, 4)
    if produced and gen_s > 0:
        timings["tokens_per_second"] = round(produced / gen_s, 2)
    return timings


def guarded(events: Iterator[Event]) -> Iterator[Event]:
    """Raise user errors before the first token; after it, end the stream with ``Done(ERROR)``.

    ``Progress`` events (loading, encoding) are not part of the answer, so a fault after them is
    still raised, like the remote backend does after its retry notices: the caller shows the error
    with its fix instead of an empty answer.
    """
    started = False
    try:
        for event in events:
            if isinstance(event, (TextDelta, ThinkingDelta, ToolCallEvent)):
                started = True
            yield event
    except UserError as exc:
        if not started:
            raise
        log.warning("local generation failed: %s", exc)
        yield Done(FinishReason.ERROR, str(exc))
    except CancelledError:
        yield Done(FinishReason.CANCELLED)
