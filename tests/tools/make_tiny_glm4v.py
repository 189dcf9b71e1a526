"""Write a tiny, random-weights GGUF pair with GLM-4.6V-Flash's llama.cpp architecture.

The pair is what the local backend's tests load with the real llama.cpp: a text model of
architecture ``glm4`` with M-RoPE (``glm4.rope.dimension_sections``) and an mmproj with projector
type ``glm4v``. Shapes follow the real model's layout scaled down (hidden 64 instead of 4096,
2 layers instead of 40, a 2-layer ViT of width 32 with 14 px patches and a 2x2 merge), so every
code path llama.cpp takes for GLM-4.6V-Flash runs: byte-level BPE with the ``glm4`` pre-tokenizer,
the GLM special tokens, the real chat template, bicubic resize to multiples of 28 px, the fused-QKV
ViT with 2D rotary positions, the patch merger and the SwiGLU projector, and M-RoPE decoding of
image embeddings. The answers are garbage; that is expected.

The output is byte-identical on every run (seeded weights, fixed metadata order, no timestamps),
about 1 MB in total, and written in well under a second.

The embedded chat template is the data file ``glm46v_chat_template.jinja`` next to this script: the
GLM-4.6V family's template as zai-org publishes it in the tokenizer configuration of its
``Glm46VProcessor`` models (images as ``<|begin_of_image|><|image|><|end_of_image|>``, ``/nothink``
and a pre-filled empty ``<think></think>`` when thinking is off, XML-style tool calls, tool results
that may carry images). Replace the file to test another template; the generator embeds it as is.

Usage::

    python tests/tools/make_tiny_glm4v.py OUT_DIR
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from gguf import GGUFWriter

TEMPLATE_PATH = Path(__file__).with_name("glm46v_chat_template.jinja")
MODEL_NAME = "tiny-glm4v-model.gguf"
MMPROJ_NAME = "tiny-glm4v-mmproj.gguf"

# Every special token of GLM-4.6V's tokenizer, in the order the real vocabulary lists them.
# Control tokens are never produced by tokenizing plain text; user-defined ones (the reasoning and
# tool-call markup) are matched as whole tokens in text too, as in the real GGUF conversion.
CONTROL_TOKENS = (
    "<|endoftext|>",
    "[MASK]",
    "[gMASK]",
    "[sMASK]",
    "<sop>",
    "<eop>",
    "<|system|>",
    "<|user|>",
    "<|assistant|>",
    "<|observation|>",
    "<|begin_of_image|>",
    "<|end_of_image|>",
    "<|begin_of_video|>",
    "<|end_of_video|>",
    "<|begin_of_audio|>",
    "<|end_of_audio|>",
    "<|begin_of_transcription|>",
    "<|end_of_transcription|>",
    "<|code_prefix|>",
    "<|code_middle|>",
    "<|code_suffix|>",
)
USER_DEFINED_TOKENS = (
    "<think>",
    "</think>",
    "<tool_call>",
    "</tool_call>",
    "<tool_response>",
    "</tool_response>",
    "<arg_key>",
    "</arg_key>",
    "<arg_value>",
    "</arg_value>",
    "/nothink",
    "<|begin_of_box|>",
    "<|end_of_box|>",
    "<|image|>",
    "<|video|>",
)

# Words that get whole-word BPE merges, so tokenizing English text exercises real merges.
MERGE_WORDS = (
    "the", "a", "is", "of", "and", "to", "in", "what", "this", "image", "screen", "button",
    "click", "window", "where", "text", "box", "describe", "question", "answer", "user",
    "assistant", "system", "think", "tool", "call", "yes", "no",
)  # fmt: skip

TOKEN_NORMAL = 1
TOKEN_CONTROL = 3
TOKEN_USER_DEFINED = 4


@dataclass(frozen=True)
class TextShape:
    """Hyper-parameters of the tiny text model (GLM-4-9B layout, scaled down)."""

    n_embd: int = 64
    n_layer: int = 2
    n_head: int = 4
    n_head_kv: int = 2
    n_ff: int = 128
    context_length: int = 16384
    rope_theta: float = 10000.0

    @property
    def head_dim(self) -> int:
        return self.n_embd // self.n_head

    @property
    def rope_dims(self) -> int:
        # GLM rotates half of each head (partial_rotary_factor 0.5)
        return self.head_dim // 2

    @property
    def rope_sections(self) -> list[int]:
        # temporal / height / width sections; they must sum to half of the rotary dimensions.
        # The real model uses [8, 12, 12] for 64 rotary dims; keep the same proportions.
        half = self.rope_dims // 2
        first = half // 4
        rest = half - first
        return [first, rest // 2, rest - rest // 2, 0]


@dataclass(frozen=True)
class VisionShape:
    """Hyper-parameters of the tiny ViT + projector (GLM-4.6V's vision tower, scaled down)."""

    n_embd: int = 32
    n_layer: int = 2
    n_head: int = 2
    n_ff: int = 64
    image_size: int = 336
    patch_size: int = 14
    merge: int = 2
    projector_ff: int = 96


def bytes_to_unicode() -> dict[int, str]:
    """The GPT-2 byte-level alphabet: every byte maps to one printable character."""
    printable = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1))
    printable += list(range(ord("®"), ord("ÿ") + 1))
    mapping = {b: chr(b) for b in printable}
    extra = 0
    for b in range(256):
        if b not in mapping:
            mapping[b] = chr(256 + extra)
            extra += 1
    return mapping


def build_vocab() -> tuple[list[str], list[int], list[str]]:
    """Return (tokens, token types, merges) of a small byte-level BPE vocabulary."""
    alphabet = bytes_to_unicode()
    tokens = [alphabet[b] for b in range(256)]
    types = [TOKEN_NORMAL] * 256
    known = set(tokens)
    merges: list[str] = []
    space = alphabet[ord(" ")]
    for word in MERGE_WORDS:
        for spelled in (word, space + word):
            current = spelled[0]
            for char in spelled[1:]:
                merged = current + char
                if merged not in known:
                    merges.append(f"{current} {char}")
                    tokens.append(merged)
                    types.append(TOKEN_NORMAL)
                    known.add(merged)
                current = merged
    for text in CONTROL_TOKENS:
        tokens.append(text)
        types.append(TOKEN_CONTROL)
    for text in USER_DEFINED_TOKENS:
        tokens.append(text)
        types.append(TOKEN_USER_DEFINED)
    return tokens, types, merges


class _Weights:
    """Deterministic random tensors: one generator per file, drawn in a fixed order."""

    def __init__(self, seed: int) -> None:
        self._rng = np.random.default_rng(seed)

    def normal(self, *shape: int, scale: float = 0.02) -> np.ndarray:
        return (self._rng.standard_normal(shape) * scale).astype(np.float32)

    @staticmethod
    def ones(*shape: int) -> np.ndarray:
        return np.ones(shape, dtype=np.float32)

    @staticmethod
    def zeros(*shape: int) -> np.ndarray:
        return np.zeros(shape, dtype=np.float32)


def _write(writer: GGUFWriter, tensors: Iterable[tuple[str, np.ndarray]]) -> None:
    for name, array in tensors:
        writer.add_tensor(name, array)
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()


def write_text_model(
    path: Path,
    *,
    seed: int = 1234,
    shape: TextShape = TextShape(),
    mrope: bool = True,
    chat_template: str | None = None,
) -> Path:
    """Write the tiny ``glm4`` text model.

    Args:
        path: output file.
        seed: weight seed.
        shape: hyper-parameters.
        mrope: write ``glm4.rope.dimension_sections``; without it the file looks like a text-only
            GLM-4 conversion, which llama.cpp refuses to feed image embeddings.
        chat_template: template to embed; defaults to GLM-4.6V's.
    """
    tokens, types, merges = build_vocab()
    template = chat_template if chat_template is not None else TEMPLATE_PATH.read_text(encoding="utf-8")
    ids = {text: i for i, text in enumerate(tokens)}
    arch = "glm4"
    writer = GGUFWriter(str(path), arch)
    writer.add_string("general.name", "tiny GLM-4.6V-Flash (random weights, tests only)")
    writer.add_uint32(f"{arch}.context_length", shape.context_length)
    writer.add_uint32(f"{arch}.embedding_length", shape.n_embd)
    writer.add_uint32(f"{arch}.block_count", shape.n_layer)
    writer.add_uint32(f"{arch}.feed_forward_length", shape.n_ff)
    writer.add_uint32(f"{arch}.attention.head_count", shape.n_head)
    writer.add_uint32(f"{arch}.attention.head_count_kv", shape.n_head_kv)
    writer.add_float32(f"{arch}.attention.layer_norm_rms_epsilon", 1e-5)
    writer.add_uint32(f"{arch}.rope.dimension_count", shape.rope_dims)
    writer.add_float32(f"{arch}.rope.freq_base", shape.rope_theta)
    if mrope:
        writer.add_array(f"{arch}.rope.dimension_sections", shape.rope_sections)
    writer.add_uint32("general.file_type", 0)  # all F32
    writer.add_string("tokenizer.ggml.model", "gpt2")
    writer.add_string("tokenizer.ggml.pre", "glm4")
    writer.add_array("tokenizer.ggml.tokens", tokens)
    writer.add_array("tokenizer.ggml.token_type", types)
    writer.add_array("tokenizer.ggml.merges", merges)
    writer.add_uint32("tokenizer.ggml.eos_token_id", ids["<|endoftext|>"])
    writer.add_uint32("tokenizer.ggml.eot_token_id", ids["<|user|>"])
    writer.add_uint32("tokenizer.ggml.unknown_token_id", ids["<|endoftext|>"])
    writer.add_uint32("tokenizer.ggml.bos_token_id", ids["<|endoftext|>"])
    writer.add_uint32("tokenizer.ggml.padding_token_id", ids["<|endoftext|>"])
    writer.add_bool("tokenizer.ggml.add_bos_token", False)
    writer.add_string("tokenizer.chat_template", template)

    w = _Weights(seed)
    d, hd, n_vocab = shape.n_embd, shape.head_dim, len(tokens)

    def tensors() -> Iterable[tuple[str, np.ndarray]]:
        # numpy shapes are the reverse of ggml's ne: (rows=out, cols=in)
        yield "token_embd.weight", w.normal(n_vocab, d, scale=1.0)
        yield "output_norm.weight", w.ones(d)
        yield "output.weight", w.normal(n_vocab, d, scale=0.5)
        for i in range(shape.n_layer):
            yield f"blk.{i}.attn_norm.weight", w.ones(d)
            yield f"blk.{i}.attn_q.weight", w.normal(shape.n_head * hd, d)
            yield f"blk.{i}.attn_k.weight", w.normal(shape.n_head_kv * hd, d)
            yield f"blk.{i}.attn_v.weight", w.normal(shape.n_head_kv * hd, d)
            yield f"blk.{i}.attn_q.bias", w.normal(shape.n_head * hd)
            yield f"blk.{i}.attn_k.bias", w.normal(shape.n_head_kv * hd)
            yield f"blk.{i}.attn_v.bias", w.normal(shape.n_head_kv * hd)
            yield f"blk.{i}.attn_output.weight", w.normal(d, shape.n_head * hd)
            yield f"blk.{i}.post_attention_norm.weight", w.ones(d)
            yield f"blk.{i}.ffn_norm.weight", w.ones(d)
            # GLM-4 fuses gate and up into one matrix of twice the width
            yield f"blk.{i}.ffn_up.weight", w.normal(2 * shape.n_ff, d)
            yield f"blk.{i}.ffn_down.weight", w.normal(d, shape.n_ff)
            yield f"blk.{i}.post_ffw_norm.weight", w.ones(d)

    _write(writer, tensors())
    return path


def write_mmproj(
    path: Path,
    *,
    seed: int = 5678,
    shape: VisionShape = VisionShape(),
    projection_dim: int = TextShape().n_embd,
) -> Path:
    """Write the tiny ``glm4v`` projector.

    Args:
        path: output file.
        seed: weight seed.
        shape: hyper-parameters.
        projection_dim: width of the embeddings handed to the text model; it must equal the text
            model's hidden size (pass another value to make a mismatched mmproj for tests).
    """
    writer = GGUFWriter(str(path), "clip")
    writer.add_string("general.name", "tiny GLM-4.6V-Flash mmproj (random weights, tests only)")
    writer.add_uint32("general.file_type", 0)
    writer.add_string("clip.projector_type", "glm4v")
    writer.add_bool("clip.has_vision_encoder", True)
    writer.add_bool("clip.use_silu", True)
    writer.add_uint32("clip.vision.image_size", shape.image_size)
    writer.add_uint32("clip.vision.patch_size", shape.patch_size)
    writer.add_uint32("clip.vision.embedding_length", shape.n_embd)
    writer.add_uint32("clip.vision.feed_forward_length", shape.n_ff)
    writer.add_uint32("clip.vision.block_count", shape.n_layer)
    writer.add_uint32("clip.vision.projection_dim", projection_dim)
    writer.add_uint32("clip.vision.attention.head_count", shape.n_head)
    writer.add_float32("clip.vision.attention.layer_norm_epsilon", 1e-5)
    writer.add_uint32("clip.vision.spatial_merge_size", shape.merge)
    # CLIP normalisation constants, as in GLM-4.6V's preprocessor config
    writer.add_array("clip.vision.image_mean", [0.48145466, 0.4578275, 0.40821073])
    writer.add_array("clip.vision.image_std", [0.26862954, 0.26130258, 0.27577711])

    w = _Weights(seed)
    d, p, out = shape.n_embd, shape.patch_size, projection_dim
    n_pos = (shape.image_size // p) ** 2

    def tensors() -> Iterable[tuple[str, np.ndarray]]:
        # GLM's patch embedding is a 3D conv over 2 frames; llama.cpp splits it into two 2D convs
        yield "v.patch_embd.weight", w.normal(d, 3, p, p, scale=0.05)
        yield "v.patch_embd.weight.1", w.normal(d, 3, p, p, scale=0.05)
        yield "v.patch_embd.bias", w.normal(d)
        # GLM-4.6V normalises right after the patch embedding ("post_conv_layernorm")
        yield "v.norm_embd.weight", w.ones(d)
        yield "v.position_embd.weight", w.normal(n_pos, d)
        for i in range(shape.n_layer):
            yield f"v.blk.{i}.ln1.weight", w.ones(d)
            yield f"v.blk.{i}.attn_qkv.weight", w.normal(3 * d, d)
            yield f"v.blk.{i}.attn_qkv.bias", w.normal(3 * d)
            yield f"v.blk.{i}.attn_out.weight", w.normal(d, d)
            yield f"v.blk.{i}.ln2.weight", w.ones(d)
            yield f"v.blk.{i}.ffn_gate.weight", w.normal(shape.n_ff, d)
            yield f"v.blk.{i}.ffn_up.weight", w.normal(shape.n_ff, d)
            yield f"v.blk.{i}.ffn_down.weight", w.normal(d, shape.n_ff)
        yield "v.post_ln.weight", w.ones(d)
        # patch merger: a 2x2 stride-2 conv from the ViT width to the text width
        yield "mm.patch_merger.weight", w.normal(out, d, shape.merge, shape.merge, scale=0.1)
        yield "mm.patch_merger.bias", w.zeros(out)
        yield "mm.model.fc.weight", w.normal(out, out, scale=0.1)
        yield "mm.post_norm.weight", w.ones(out)
        yield "mm.post_norm.bias", w.zeros(out)
        yield "mm.gate.weight", w.normal(shape.projector_ff, out, scale=0.1)
        yield "mm.up.weight", w.normal(shape.projector_ff, out, scale=0.1)
        yield "mm.down.weight", w.normal(out, shape.projector_ff, scale=0.1)

    _write(writer, tensors())
    return path


def write_tiny_glm4v(out_dir: Path) -> tuple[Path, Path]:
    """Write the model + mmproj pair into ``out_dir``; return (model path, mmproj path)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    model = write_text_model(out_dir / MODEL_NAME)
    mmproj = write_mmproj(out_dir / MMPROJ_NAME)
    return model, mmproj


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out_dir", type=Path)
    args = parser.parse_args(argv)
    model, mmproj = write_tiny_glm4v(args.out_dir)
    for path in (model, mmproj):
        print(f"{path} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())


__all__ = [
    "MMPROJ_NAME",
    "MODEL_NAME",
    "TextShape",
    "VisionShape",
    "build_vocab",
    "write_mmproj",
    "write_text_model",
    "write_tiny_glm4v",
]
