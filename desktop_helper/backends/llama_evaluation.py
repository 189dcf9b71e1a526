"""The prompt in llama.cpp's KV cache: mtmd chunks, prefix reuse, and evaluating what is new.

The prompt is kept as a list of *units* (text tokens and whole images, each with its position
advance and its KV cell count): a new request reuses the longest common prefix already in the KV
cache and only evaluates the rest. With M-RoPE an image advances positions by max(width, height) in
tokens but fills width x height cells, so the context accounting counts cells, not positions. A cancel
token is checked between every prompt batch and every image, and aborts a running batch.
"""

from __future__ import annotations

import ctypes
import time
from collections.abc import Container, Generator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop_helper.backends.base import CancelToken, Event, Progress
from desktop_helper.backends.llama_abort import DECODE_ABORTED, AbortFlag, abortable
from desktop_helper.backends.llama_render import RenderedRequest
from desktop_helper.core.errors import BackendError
from desktop_helper.core.i18n import t
from desktop_helper.core.types import ImagePart

#: ``sources[i][0]`` of a unit: a text token, an image to encode, or an image the KV cache holds (never evaluated)
SOURCE_TEXT, SOURCE_IMAGE, SOURCE_CACHED_IMAGE = 0, 1, 2
#: side of the stand-in bitmap mtmd gets for an image the KV cache already holds (see PromptEvaluator.chunks)
STAND_IN_SIDE = 56

#: how to evaluate one unit: (SOURCE_TEXT, token), (SOURCE_IMAGE, mtmd chunk) or (SOURCE_CACHED_IMAGE, None)
Source = tuple[int, Any]


@dataclass(frozen=True)
class PromptUnit:
    """One element of the evaluated prompt: a text token or a whole image."""

    key: tuple[Any, ...]
    n_pos: int
    n_cells: int

    @property
    def is_image(self) -> bool:
        return bool(self.key[0] == "image")


@dataclass
class RunStats:
    """What one request's prompt cost; becomes the ``timings`` of its :class:`Usage`."""

    prompt_cells: int = 0
    reused_cells: int = 0
    image_tokens: int = 0
    evaluated_cells: int = 0
    evaluated_image_cells: int = 0
    evaluated_images: int = 0
    waited_seconds: float = 0.0
    prompt_seconds: float = 0.0
    image_seconds: float = 0.0
    prepare_seconds: float = 0.0
    image_encode_seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)


@dataclass
class PromptChunks:
    """A rendered prompt as mtmd chunks (``handle``; free it with :meth:`free`), its units and their sources."""

    handle: Any
    units: list[PromptUnit]
    sources: list[Source]

    def free(self) -> None:
        import llama_cpp.mtmd_cpp as mtmd

        mtmd.mtmd_input_chunks_free(self.handle)


class PromptEvaluator:
    """Evaluates prompts into one llama.cpp context, keeping track of what its KV cache holds.

    Args:
        ctx: the llama.cpp context.
        mtmd_ctx: the mtmd (vision) context.
        batch: a ``llama_batch`` of the context's batch size.
        abort: the context's abort flag, None if this llama.cpp has none (see :mod:`desktop_helper.backends.llama_abort`).
    """

    def __init__(self, ctx: Any, mtmd_ctx: Any, batch: Any, abort: AbortFlag | None) -> None:
        self._ctx = ctx
        self._mtmd = mtmd_ctx
        self._batch = batch
        self._abort = abort
        #: what the KV cache holds, in order
        self.units: list[PromptUnit] = []
        #: images run through the vision encoder since loading (a pre-encode joined by Send counts once)
        self.images_encoded = 0
        #: images whose pixels were handed to mtmd (preprocessed) since loading; a cached one is not handed again
        self.images_prepared = 0

    @property
    def cells_used(self) -> int:
        """KV cells the cached prompt occupies (real token count, images included)."""
        return sum(u.n_cells for u in self.units)

    def chunks(self, rendered: RenderedRequest) -> PromptChunks:
        """The rendered prompt as mtmd chunks (the caller frees them), with its units and their sources.

        mtmd preprocesses every image it is given (resampling and normalising the pixels: tens of
        milliseconds for a screenshot, paid after Send even when the KV cache holds the image). An
        image that the reusable cached prefix holds is therefore given as a tiny stand-in with the
        same id, and its unit is the cached one; it is never evaluated. If the prompt diverges from
        the cache before such an image, the prompt is tokenized again with the real pixels.
        """
        cached = {u.key[1]: u for u in self.units if u.is_image}
        if cached:
            prompt = self._chunks_with(rendered, cached)
            image_chunks = sum(1 for kind, _ in prompt.sources if kind != SOURCE_TEXT)
            reusable = self.reusable_length(prompt.units)
            if image_chunks == len(rendered.prompt.images) and all(
                kind != SOURCE_CACHED_IMAGE for kind, _ in prompt.sources[reusable:]
            ):
                return prompt
            prompt.free()
        return self._chunks_with(rendered, {})

    def _chunks_with(self, rendered: RenderedRequest, stand_ins: Mapping[str, PromptUnit]) -> PromptChunks:
        import llama_cpp.mtmd_cpp as mtmd

        chunks = self._tokenize_prompt(rendered, stand_ins)
        try:
            units, sources = self._units_of(chunks, stand_ins)
        except BaseException:
            mtmd.mtmd_input_chunks_free(chunks)
            raise
        return PromptChunks(chunks, units, sources)

    def _tokenize_prompt(self, rendered: RenderedRequest, stand_ins: Container[str]) -> Any:
        """mtmd chunks of the prompt; the images whose id is in ``stand_ins`` get a tiny bitmap instead."""
        import llama_cpp.mtmd_cpp as mtmd

        bitmaps = []
        try:
            for index, image in enumerate(rendered.prompt.images):
                bitmaps.append(self._bitmap(index, image, rendered, stand_ins))
            encoded = rendered.prompt.text.encode("utf-8")
            input_text = mtmd.mtmd_input_text()
            input_text.text = encoded
            input_text.text_len = len(encoded)
            input_text.add_special = False  # the template writes [gMASK]<sop> itself
            input_text.parse_special = True
            chunks = mtmd.mtmd_input_chunks_init()
            array_type = mtmd.mtmd_bitmap_p_ctypes * max(1, len(bitmaps))
            result = mtmd.mtmd_tokenize(self._mtmd, chunks, ctypes.byref(input_text), array_type(*bitmaps), len(bitmaps))
            if result != 0:
                mtmd.mtmd_input_chunks_free(chunks)
                raise BackendError(
                    t("The prompt could not be prepared for the model (mtmd error {result}).", result=result),
                    t("Try again with fewer or smaller images."),
                )
            return chunks
        finally:
            for bitmap in bitmaps:
                mtmd.mtmd_bitmap_free(bitmap)

    def _bitmap(self, index: int, image: ImagePart, rendered: RenderedRequest, stand_ins: Container[str]) -> Any:
        import llama_cpp.mtmd_cpp as mtmd

        _record, rgb, identity = rendered.prepared(image)
        if identity in stand_ins:
            side = STAND_IN_SIDE
            array = (ctypes.c_uint8 * (side * side * 3))()
            bitmap = mtmd.mtmd_bitmap_init(side, side, array)
        else:
            array = (ctypes.c_uint8 * len(rgb)).from_buffer_copy(rgb)
            bitmap = mtmd.mtmd_bitmap_init(image.width, image.height, array)
            self.images_prepared += 1
        if not bitmap:
            label = f" ({image.name})" if image.name else ""
            raise BackendError(
                t("Image {value}{label} could not be handed to llama.cpp.", value=index + 1, label=label),
                t("Check the free memory, or try a smaller image token budget."),
            )
        # the id makes an identical image recognisable across requests (prefix reuse)
        mtmd.mtmd_bitmap_set_id(bitmap, identity.encode())
        return bitmap

    def _units_of(self, chunks: Any, stand_ins: Mapping[str, PromptUnit]) -> tuple[list[PromptUnit], list[Source]]:
        """Flatten mtmd chunks into units; ``sources[i]`` says how to evaluate unit i (``stand_ins``: cached images)."""
        import llama_cpp.mtmd_cpp as mtmd

        units: list[PromptUnit] = []
        sources: list[Source] = []
        for index in range(mtmd.mtmd_input_chunks_size(chunks)):
            chunk = mtmd.mtmd_input_chunks_get(chunks, index)
            kind = mtmd.mtmd_input_chunk_get_type(chunk)
            if kind == mtmd.MTMD_INPUT_CHUNK_TYPE_TEXT:
                count = ctypes.c_size_t()
                pointer = mtmd.mtmd_input_chunk_get_tokens_text(chunk, ctypes.byref(count))
                for i in range(count.value):
                    token = int(pointer[i])
                    units.append(PromptUnit(("text", token), 1, 1))
                    sources.append((SOURCE_TEXT, token))
            else:
                identity = (mtmd.mtmd_input_chunk_get_id(chunk) or b"").decode()
                if identity in stand_ins:
                    units.append(stand_ins[identity])
                    sources.append((SOURCE_CACHED_IMAGE, None))
                    continue
                n_cells = int(mtmd.mtmd_input_chunk_get_n_tokens(chunk))
                n_pos = int(mtmd.mtmd_input_chunk_get_n_pos(chunk))
                units.append(PromptUnit(("image", identity, n_cells, n_pos), n_pos, n_cells))
                sources.append((SOURCE_IMAGE, chunk))
        return units, sources

    def cached_length(self, units: Sequence[PromptUnit]) -> int:
        """Length of the prefix of ``units`` the KV cache holds."""
        count = 0
        for cached, new in zip(self.units, units, strict=False):
            if cached.key != new.key:
                break
            count += 1
        return count

    def reusable_length(self, units: Sequence[PromptUnit]) -> int:
        """Length of the prefix of ``units`` the KV cache holds and a request can keep."""
        keep = self.cached_length(units)
        if keep == len(units):
            # everything is cached, but the last token must be evaluated again for its logits
            keep -= 1
        return keep

    def reuse_prefix(self, units: list[PromptUnit]) -> int:
        """Keep the longest cached prefix of ``units`` in the KV cache; return its length."""
        import llama_cpp

        keep = self.reusable_length(units)
        memory = llama_cpp.llama_get_memory(self._ctx)
        position = sum(u.n_pos for u in units[:keep])
        if keep == 0 or not llama_cpp.llama_memory_seq_rm(memory, 0, position, -1):
            llama_cpp.llama_memory_clear(memory, True)
            keep = 0
        self.units = self.units[:keep]
        return keep

    def evaluate(
        self,
        *,
        units: list[PromptUnit],
        sources: list[Source],
        start: int,
        n_past: int,
        cancel: CancelToken,
        stats: RunStats,
    ) -> Generator[Event, None, int]:
        """Evaluate ``units[start:]``; yields progress; returns the new position (generator return)."""
        import llama_cpp

        n_batch = int(llama_cpp.llama_n_batch(self._ctx))
        index = start
        total = len(units)
        images_done = 0
        while index < total:
            if cancel.cancelled:
                return n_past
            kind, source = sources[index]
            if kind == SOURCE_CACHED_IMAGE:
                raise AssertionError("an image stand-in reached evaluation")  # chunks() rules this out
            if kind == SOURCE_IMAGE:
                images_done += 1
                yield Progress(
                    t("Encoding image {images_done} ({n_cells} tokens)", images_done=images_done, n_cells=units[index].n_cells),
                    index / total,
                )
                new_n_past = self._evaluate_image(
                    source, n_past, n_batch=n_batch, images_done=images_done, cancel=cancel, stats=stats
                )
                if new_n_past is None:
                    return n_past
                n_past = new_n_past
                stats.evaluated_cells += units[index].n_cells
                stats.evaluated_image_cells += units[index].n_cells
                stats.evaluated_images += 1
                self.images_encoded += 1
                self.units.append(units[index])
                index += 1
                continue
            end = index
            while end < total and sources[end][0] == SOURCE_TEXT and end - index < n_batch:
                end += 1
            tokens = [int(sources[i][1]) for i in range(index, end)]
            if len(tokens) > 64:
                yield Progress(t("Reading the prompt ({end}/{total} tokens)", end=end, total=total), end / total)
            if not self.decode_tokens(tokens, n_past, logits_last=end == total, cancel=cancel):
                return n_past
            self.units.extend(units[index:end])
            stats.evaluated_cells += len(tokens)
            n_past += len(tokens)
            index = end
        return n_past

    def _evaluate_image(
        self, chunk: Any, n_past: int, *, n_batch: int, images_done: int, cancel: CancelToken, stats: RunStats
    ) -> int | None:
        """Encode one image chunk and decode its embeddings at ``n_past``; the new position, or None when cancelled."""
        import llama_cpp
        import llama_cpp.mtmd_cpp as mtmd

        # what mtmd_helper_eval_chunk_single does, in its two steps, to time the vision encoder alone
        began = time.monotonic()
        result = mtmd.mtmd_encode_chunk(self._mtmd, chunk)
        stats.image_encode_seconds += time.monotonic() - began
        if cancel.cancelled:
            # the encoder cannot be interrupted (mtmd has no abort hook), but the text model's reading of
            # its output, as long again or longer, need not start
            return None
        new_n_past = llama_cpp.llama_pos(0)
        if result == 0:
            embeddings = mtmd.mtmd_get_output_embd(self._mtmd)
            with abortable(self._abort, cancel):
                result = mtmd.mtmd_helper_decode_image_chunk(
                    self._mtmd,
                    self._ctx,
                    chunk,
                    embeddings,
                    n_past,
                    0,
                    n_batch,
                    ctypes.byref(new_n_past),
                    mtmd.mtmd_helper_post_decode_callback(),  # NULL: no per-batch callback
                    None,
                )
        stats.image_seconds += time.monotonic() - began
        if result == DECODE_ABORTED and cancel.cancelled:
            self._drop_from(n_past)
            return None
        if result != 0:
            self.forget()
            raise BackendError(
                t(
                    "llama.cpp could not process image {images_done} (error {result}); the computer may be out of memory.",
                    images_done=images_done,
                    result=result,
                ),
                t("Lower the image token budget or the context size in Settings > Models."),
            )
        return int(new_n_past.value)

    def decode_tokens(self, tokens: Sequence[int], n_past: int, *, logits_last: bool, cancel: CancelToken | None = None) -> bool:
        """Evaluate ``tokens`` from position ``n_past``; False if ``cancel`` stopped it (nothing of it stays cached)."""
        import llama_cpp

        batch = self._batch
        batch.n_tokens = len(tokens)
        for i, token in enumerate(tokens):
            batch.token[i] = token
            batch.pos[i] = n_past + i
            batch.n_seq_id[i] = 1
            batch.seq_id[i][0] = 0
            batch.logits[i] = False
        if logits_last:
            batch.logits[len(tokens) - 1] = True
        if cancel is None:
            result = llama_cpp.llama_decode(self._ctx, batch)
        else:
            with abortable(self._abort, cancel):
                result = llama_cpp.llama_decode(self._ctx, batch)
        if result == DECODE_ABORTED and cancel is not None and cancel.cancelled:
            self._drop_from(n_past)
            return False
        if result != 0:
            self.forget()
            raise BackendError(
                t(
                    "llama.cpp failed to process the prompt (error {result}): the context may be full or memory exhausted.",
                    result=result,
                ),
                t("Start a new chat, or lower the context size or image token budget in Settings > Models."),
            )
        return True

    def _drop_from(self, n_past: int) -> None:
        """Forget an aborted decode: llama.cpp keeps the micro-batches it finished, the unit list does not have them."""
        import llama_cpp

        if not llama_cpp.llama_memory_seq_rm(llama_cpp.llama_get_memory(self._ctx), 0, n_past, -1):
            self.forget()

    def forget(self) -> None:
        """Empty the KV cache (a new chat, or after a failed decode that may have left part of a batch)."""
        import llama_cpp

        llama_cpp.llama_memory_clear(llama_cpp.llama_get_memory(self._ctx), True)
        self.units = []
