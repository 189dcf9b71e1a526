"""The generated tiny GLM-4.6V-Flash pair: deterministic, small, and really runnable by llama.cpp.

These tests talk to llama-cpp-python directly (not through our backend), so they prove the
generator writes what llama.cpp's glm4 + glm4v code paths accept: an image + text prompt is
tokenized by mtmd, the image is encoded by the ViT and decoded with M-RoPE positions, and
sampling returns tokens.
"""

from __future__ import annotations

import ctypes
import hashlib
import io
import time
from pathlib import Path

import llama_cpp
import llama_cpp.mtmd_cpp as mtmd
import pytest
from PIL import Image

from tests.fixtures.tiny_model import TinyModel
from tests.tools.make_tiny_glm4v import (
    CONTROL_TOKENS,
    TEMPLATE_PATH,
    USER_DEFINED_TOKENS,
    build_vocab,
    write_tiny_glm4v,
)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_generation_is_byte_identical_fast_and_small(tmp_path: Path, tiny_glm4v: TinyModel) -> None:
    started = time.perf_counter()
    model, mmproj = write_tiny_glm4v(tmp_path / "again")
    elapsed = time.perf_counter() - started
    assert _digest(model) == _digest(tiny_glm4v.model)
    assert _digest(mmproj) == _digest(tiny_glm4v.mmproj)
    assert elapsed < 1.0
    assert model.stat().st_size + mmproj.stat().st_size < 3 * 1024 * 1024


def test_vocab_has_every_byte_and_glm_special_token() -> None:
    tokens, types, merges = build_vocab()
    assert len(set(tokens)) == len(tokens)
    assert all(t == 1 for t in types[:256])
    for special in (*CONTROL_TOKENS, *USER_DEFINED_TOKENS):
        assert special in tokens
    # every merge joins two tokens that exist into one that exists
    known = set(tokens)
    for merge in merges:
        left, right = merge.split(" ")
        assert left in known
        assert right in known
        assert left + right in known


def _load(tiny: TinyModel) -> tuple[llama_cpp.Llama, mtmd.mtmd_context_p]:
    llm = llama_cpp.Llama(str(tiny.model), n_ctx=4096, n_threads=2, verbose=False)
    params = mtmd.mtmd_context_params_default()
    params.use_gpu = False
    params.n_threads = 2
    params.print_timings = False
    params.image_max_tokens = 256
    ctx = mtmd.mtmd_init_from_file(str(tiny.mmproj).encode(), llm.model, params)
    assert ctx, "mtmd refused the generated mmproj"
    return llm, ctx


def test_embedded_metadata_matches_glm46v(tiny_glm4v: TinyModel) -> None:
    llm = llama_cpp.Llama(str(tiny_glm4v.model), n_ctx=512, n_threads=1, verbose=False)
    try:
        assert llm.metadata["general.architecture"] == "glm4"
        assert llm.metadata["tokenizer.ggml.pre"] == "glm4"
        assert llm.metadata["tokenizer.chat_template"] == TEMPLATE_PATH.read_text(encoding="utf-8")
        # the template's prefix is two single tokens and nothing is added in front of it
        ids = llm.tokenize(b"[gMASK]<sop><|user|>", add_bos=True, special=True)
        assert [llm.detokenize([i], special=True) for i in ids] == [b"[gMASK]", b"<sop>", b"<|user|>"]
    finally:
        llm.close()


def test_image_and_text_chat_produces_tokens(tiny_glm4v: TinyModel) -> None:
    llm, ctx = _load(tiny_glm4v)
    try:
        assert mtmd.mtmd_support_vision(ctx)
        assert mtmd.mtmd_decode_use_mrope(ctx)
        image = Image.new("RGB", (300, 200), (200, 30, 30))
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        data = buffer.getvalue()
        bitmap = mtmd.mtmd_helper_bitmap_init_from_buf(ctx, (ctypes.c_uint8 * len(data)).from_buffer_copy(data), len(data), False)
        assert bitmap
        marker = mtmd.mtmd_default_marker().decode()
        prompt = f"[gMASK]<sop><|user|>\n{marker}What is in this image?<|assistant|>\n"
        text = mtmd.mtmd_input_text()
        encoded = prompt.encode()
        text.text, text.text_len, text.add_special, text.parse_special = encoded, len(encoded), False, True
        chunks = mtmd.mtmd_input_chunks_init()
        bitmaps = (mtmd.mtmd_bitmap_p_ctypes * 1)(bitmap)
        assert mtmd.mtmd_tokenize(ctx, chunks, ctypes.byref(text), bitmaps, 1) == 0
        n_chunks = mtmd.mtmd_input_chunks_size(chunks)
        kinds = [mtmd.mtmd_input_chunk_get_type(mtmd.mtmd_input_chunks_get(chunks, i)) for i in range(n_chunks)]
        assert mtmd.MTMD_INPUT_CHUNK_TYPE_IMAGE in kinds
        image_chunk = mtmd.mtmd_input_chunks_get(chunks, kinds.index(mtmd.MTMD_INPUT_CHUNK_TYPE_IMAGE))
        # 300x200 -> 308x196 px on the 28 px grid = 11 x 7 tokens; M-RoPE advances by the longer side
        assert mtmd.mtmd_input_chunk_get_n_tokens(image_chunk) == 77
        assert mtmd.mtmd_input_chunk_get_n_pos(image_chunk) == 11
        new_n_past = llama_cpp.llama_pos(0)
        assert mtmd.mtmd_helper_eval_chunks(ctx, llm.ctx, chunks, 0, 0, 512, True, ctypes.byref(new_n_past)) == 0
        mtmd.mtmd_input_chunks_free(chunks)
        mtmd.mtmd_bitmap_free(bitmap)

        sampler = llama_cpp.llama_sampler_init_greedy()
        vocab = llama_cpp.llama_model_get_vocab(llm.model)
        batch = llama_cpp.llama_batch_init(1, 0, 1)
        produced = []
        n_past = new_n_past.value
        for _ in range(8):
            token = llama_cpp.llama_sampler_sample(sampler, llm.ctx, -1)
            produced.append(token)
            batch.n_tokens = 1
            batch.token[0], batch.pos[0], batch.n_seq_id[0], batch.logits[0] = token, n_past, 1, True
            batch.seq_id[0][0] = 0
            assert llama_cpp.llama_decode(llm.ctx, batch) == 0
            n_past += 1
        llama_cpp.llama_batch_free(batch)
        llama_cpp.llama_sampler_free(sampler)
        n_vocab = llama_cpp.llama_vocab_n_tokens(vocab)
        assert len(produced) == 8
        assert all(0 <= t < n_vocab for t in produced)
    finally:
        mtmd.mtmd_free(ctx)
        llm.close()


@pytest.mark.parametrize("size", [(1920, 1080), (64, 64)])
def test_image_budget_caps_tokens(tiny_glm4v: TinyModel, size: tuple[int, int]) -> None:
    llm, ctx = _load(tiny_glm4v)
    try:
        image = Image.new("RGB", size, (10, 120, 200))
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        data = buffer.getvalue()
        bitmap = mtmd.mtmd_helper_bitmap_init_from_buf(ctx, (ctypes.c_uint8 * len(data)).from_buffer_copy(data), len(data), False)
        marker = mtmd.mtmd_default_marker()
        text = mtmd.mtmd_input_text()
        text.text, text.text_len, text.add_special, text.parse_special = marker, len(marker), False, True
        chunks = mtmd.mtmd_input_chunks_init()
        assert mtmd.mtmd_tokenize(ctx, chunks, ctypes.byref(text), (mtmd.mtmd_bitmap_p_ctypes * 1)(bitmap), 1) == 0
        n_tokens = sum(
            mtmd.mtmd_input_chunk_get_n_tokens(mtmd.mtmd_input_chunks_get(chunks, i))
            for i in range(mtmd.mtmd_input_chunks_size(chunks))
            if mtmd.mtmd_input_chunk_get_type(mtmd.mtmd_input_chunks_get(chunks, i)) == mtmd.MTMD_INPUT_CHUNK_TYPE_IMAGE
        )
        assert 8 <= n_tokens <= 256
        mtmd.mtmd_input_chunks_free(chunks)
        mtmd.mtmd_bitmap_free(bitmap)
    finally:
        mtmd.mtmd_free(ctx)
        llm.close()
