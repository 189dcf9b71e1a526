"""Pre-encoding (issue 20): the prompt up to the end of its last image evaluated before Send.

While the user types, the attached images are read into the KV cache; Send then reuses that prefix
(:meth:`PromptEvaluator.reuse_prefix`) and only evaluates the question. What follows the last image
depends on the question, so the primed prefix stops at the marker closing that image.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence

from desktop_helper.backends.base import CancelToken, ChatRequest, PrimeState
from desktop_helper.backends.llama_evaluation import SOURCE_TEXT, PromptUnit, RunStats, Source
from desktop_helper.backends.llama_generation import LoadedModel, run_timings
from desktop_helper.backends.llama_render import special_ids, tokenize
from desktop_helper.backends.speed import TEMPLATE_TOKENS

#: what mtmd writes right after an image's embeddings in GLM's prompt: part of a pre-encoded prefix
IMAGE_END_TOKENS = ("<|end_of_image|>", "<|end_of_video|>")


class PrefixPrimer:
    """Evaluates a request's image prefix ahead of Send and counts the tokens a question will add.

    Args:
        text_batch: tokens evaluated in one batch (for the size of the piece being read in progress).
    """

    def __init__(self, text_batch: int) -> None:
        self.text_batch = text_batch
        #: template tokens after a question (its thinking switch, the assistant's opener), counted by the last pre-encode
        self.question_tail_tokens: int | None = None

    def question_tokens(self, vocab: object, text: str) -> int:
        """Tokens ``text`` adds after a pre-encoded prefix, the template's tail included."""
        # the question follows the image's closing marker; the template's tail after it (the thinking switch,
        # the assistant's opener) was counted by the last pre-encode, which rendered the turn without a question
        tail = self.question_tail_tokens if self.question_tail_tokens is not None else TEMPLATE_TOKENS
        return len(tokenize(vocab, text)) + tail

    def prime(
        self,
        model: LoadedModel,
        request: ChatRequest,
        cancel: CancelToken,
        record_speed: Callable[[dict[str, float]], None],
    ) -> Iterator[PrimeState]:
        """Evaluate ``request`` up to its last image; see :meth:`Backend.prime` for what is yielded."""
        started = time.monotonic()
        rendered = model.renderer.render(request)
        if not rendered.prompt.images:
            return
        prompt = model.prompt.chunks(rendered)
        prepared = time.monotonic() - started
        try:
            units, sources = prompt.units, prompt.sources
            # the prefix ends with the last image (and the marker closing it): what follows depends on the question
            cut = 1 + max(i for i, unit in enumerate(units) if unit.is_image)
            closing = frozenset(special_ids(model.vocab, IMAGE_END_TOKENS))
            while cut < len(units) and units[cut].key[0] == "text" and units[cut].key[1] in closing:
                cut += 1
            self.question_tail_tokens = len(units) - cut
            units, sources = units[:cut], sources[:cut]
            image_total = sum(u.n_cells for u in units if u.is_image)
            text_total = sum(u.n_cells for u in units) - image_total
            if image_total + text_total + 1 > model.n_ctx:
                return  # too long for the context: the send says so, with what to do
            if model.prompt.cached_length(units) < cut:
                # keep the longest cached prefix (and the conversation after it, if all of it is cached)
                keep = model.prompt.reuse_prefix(units)
                yield self._state(model.prompt.units, units, sources, image_total, text_total)
                stats = RunStats(prepare_seconds=prepared)
                n_past = sum(u.n_pos for u in units[:keep])
                evaluation_started = time.monotonic()
                evaluation = model.prompt.evaluate(
                    units=units, sources=sources, start=keep, n_past=n_past, cancel=cancel, stats=stats
                )
                try:
                    for _progress in evaluation:
                        # evaluate() reports before each piece: a cancel seen here skips that piece
                        if cancel.cancelled:
                            return
                        yield self._state(model.prompt.units, units, sources, image_total, text_total)
                        if cancel.cancelled:
                            return
                finally:
                    evaluation.close()
                if cancel.cancelled:
                    return
                stats.prompt_seconds = time.monotonic() - evaluation_started
                timings = run_timings(stats, started, None, 0, 0.0)
                record_speed(timings)
            else:
                timings = {}
            yield PrimeState(image_total, text_total, image_total, text_total, finished=True, timings=timings)
        finally:
            prompt.free()

    def _state(
        self,
        cached: Sequence[PromptUnit],
        units: Sequence[PromptUnit],
        sources: Sequence[Source],
        image_total: int,
        text_total: int,
    ) -> PrimeState:
        """Progress of a pre-encode: ``cached`` is the prefix of ``units`` already in the KV cache."""
        done = units[: len(cached)]
        image_done = sum(u.n_cells for u in done if u.is_image)
        text_done = sum(u.n_cells for u in done) - image_done
        current, is_image = 0, False
        if len(done) < len(units):
            if sources[len(done)][0] != SOURCE_TEXT:
                current, is_image = units[len(done)].n_cells, True
            else:
                next_image = next((i for i in range(len(done), len(units)) if sources[i][0] != SOURCE_TEXT), len(units))
                current = min(self.text_batch, next_image - len(done))
        return PrimeState(image_total, text_total, image_done, text_done, current, is_image)
