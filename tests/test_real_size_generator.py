"""The real-shape GLM-4.6V-Flash generator behind ``bench/real_size.py``, checked without writing 7 GB.

The real shapes are checked by arithmetic: their Q4_K_M / Q8_0 data must add up to the published
files (ggml-org's GLM-4.6V-Flash-Q4_K_M.gguf and its Q8_0 mmproj) less their metadata, which only a
right shape for every tensor (heads, KV heads, FFN widths, vocabulary, ViT, projector) and the
right type mix does. The layout is checked by writing the same pair at a small scale and having
llama.cpp load it, encode an image and answer through the app's backend.
"""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

import pytest
from gguf import GGMLQuantizationType, GGUFReader
from PIL import Image

from desktop_helper.backends.base import ChatRequest, Done, TextDelta, ThinkingDelta, Usage
from desktop_helper.backends.local_gguf import LocalGGUFBackend
from desktop_helper.core.types import ImagePart, Message, TextPart
from tests.tools.make_tiny_glm4v import (
    GLM46V_FLASH_TEXT,
    GLM46V_FLASH_VISION,
    TextShape,
    VisionShape,
    mmproj_q8_0_type,
    mmproj_tensor_specs,
    q4_k_m_type,
    tensor_bytes,
    text_tensor_specs,
    write_glm46v_flash_q4_k_m,
)

Q = GGMLQuantizationType
PUBLISHED_MODEL_BYTES = 6_166_577_888
PUBLISHED_MMPROJ_BYTES = 980_055_680


def test_real_text_shapes_and_q4_k_m_mix_add_up_to_the_published_file() -> None:
    shape = GLM46V_FLASH_TEXT
    specs = text_tensor_specs(shape, shape.n_vocab or 0)
    kinds = {s.name: q4_k_m_type(s, shape.n_layer) for s in specs}
    data = sum(tensor_bytes(s, kinds[s.name]) for s in specs)
    # the rest of the published file is metadata: 151,552 tokens, their merges and the template (~9 MB)
    assert 0 < PUBLISHED_MODEL_BYTES - data < 12_000_000
    assert kinds["token_embd.weight"] == Q.Q4_K
    assert kinds["output.weight"] == Q.Q6_K
    by_role = Counter((name.split(".")[-2], kind) for name, kind in kinds.items() if name.startswith("blk."))
    # llama-quantize gives half the layers more bits; ffn_down's 13,696-wide rows take 32-value blocks
    assert by_role[("attn_v", Q.Q6_K)] == by_role[("attn_v", Q.Q4_K)] == 20
    assert by_role[("ffn_down", Q.Q8_0)] == by_role[("ffn_down", Q.Q5_0)] == 20
    assert by_role[("attn_q", Q.Q4_K)] == by_role[("ffn_up", Q.Q4_K)] == 40
    assert {kinds[n] for n in kinds if n.endswith(("norm.weight", ".bias"))} == {Q.F32}
    shapes = {s.name: s.shape for s in specs}
    assert shapes["blk.0.attn_k.weight"] == (256, 4096)  # 2 KV heads of 128
    assert shapes["blk.0.ffn_up.weight"] == (2 * 13696, 4096)  # gate and up fused
    assert shapes["output.weight"] == (151552, 4096)


def test_real_vision_shapes_and_q8_0_types_add_up_to_the_published_mmproj() -> None:
    specs = mmproj_tensor_specs(GLM46V_FLASH_VISION, GLM46V_FLASH_TEXT.n_embd)
    data = sum(tensor_bytes(s, mmproj_q8_0_type(s)) for s in specs)
    # the published mmproj holds about 12 kB of header and tensor names besides its data
    assert 0 < PUBLISHED_MMPROJ_BYTES - data < 20_000
    shapes = {s.name: s.shape for s in specs}
    assert shapes["v.blk.23.attn_qkv.weight"] == (3 * 1536, 1536)
    assert "v.blk.0.attn_qkv.bias" not in shapes
    assert shapes["v.blk.0.ffn_up.weight"] == (4096, 1536)
    assert shapes["mm.patch_merger.weight"] == (4096, 1536, 2, 2)
    assert shapes["mm.gate.weight"] == (13696, 4096)
    assert shapes["v.position_embd.weight"] == (576, 1536)


def _screenshot() -> ImagePart:
    image = Image.new("RGB", (640, 360), (230, 230, 240))
    image.paste((30, 60, 200), (40, 40, 300, 200))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return ImagePart(buffer.getvalue(), "image/png", 640, 360, name="shot.png")


@pytest.mark.model
@pytest.mark.slow
def test_small_scale_pair_has_the_planned_layout_and_answers(tmp_path: Path) -> None:
    # the real layout at a small scale: 256-wide rows split into K blocks, 384-wide ffn_down rows do
    # not (like 13,696), 8 layers give llama-quantize's more-bits pattern
    text = TextShape(n_embd=256, n_layer=8, n_head=4, n_head_kv=2, n_ff=384, n_vocab=1024)
    vision = VisionShape(n_embd=64, n_layer=2, n_head=2, n_ff=128, projector_ff=384, qkv_bias=False, feed_forward_length=384)
    model, mmproj = write_glm46v_flash_q4_k_m(tmp_path, text=text, vision=vision)

    for path, specs, rule in (
        (model, text_tensor_specs(text, 1024), lambda s: q4_k_m_type(s, text.n_layer)),
        (mmproj, mmproj_tensor_specs(vision, text.n_embd), mmproj_q8_0_type),
    ):
        written = {t.name: (tuple(int(n) for n in reversed(t.shape)), t.tensor_type) for t in GGUFReader(path).tensors}
        assert written == {s.name: (s.shape, rule(s)) for s in specs}
    kinds = {name: kind for name, (_shape, kind) in written.items()}
    assert kinds["mm.patch_merger.weight"] == Q.F16
    reader = GGUFReader(model)
    assert int(reader.fields["general.file_type"].parts[-1][0]) == 15  # MOSTLY_Q4_K_M
    down = {t.name: t.tensor_type for t in reader.tensors if t.name.endswith("ffn_down.weight")}
    more_bits = (0, 3, 6, 7)  # llama-quantize's use_more_bits for 8 layers
    assert [down[f"blk.{i}.ffn_down.weight"] for i in range(8)] == [Q.Q8_0 if i in more_bits else Q.Q5_0 for i in range(8)]

    # llama.cpp loads the quantized blocks, encodes an image and samples finite logits into tokens
    backend = LocalGGUFBackend(model, mmproj, context_size=2048, threads=2, image_token_budget=64, seed=1)
    try:
        events = list(
            backend.stream(
                ChatRequest((Message("user", (_screenshot(), TextPart("What is this?"))),), temperature=0.0, max_tokens=4)
            )
        )
    finally:
        backend.close()
    usage = next(e for e in events if isinstance(e, Usage))
    done = next(e for e in events if isinstance(e, Done))
    assert done.error is None
    assert usage.completion_tokens == 4
    assert any(isinstance(e, (TextDelta, ThinkingDelta)) for e in events)
    assert 0 < usage.image_tokens <= 64
    assert 0 < usage.timings["image_encode_seconds"] <= usage.timings["image_seconds"]
