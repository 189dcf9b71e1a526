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

The same writers take the real hyper-parameters (:data:`GLM46V_FLASH_TEXT`, :data:`GLM46V_FLASH_VISION`)
and a quantization (:func:`q4_k_m_type`, :func:`mmproj_q8_0_type`): ``bench/real_size.py`` writes
a pair with GLM-4.6V-Flash's exact tensor shapes that way, quantized blocks written directly
(random quants, finite random scales), no float weights in between.

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
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from gguf import GGML_QUANT_SIZES, GGMLQuantizationType, GGUFWriter, LlamaFileType

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
TOKEN_UNUSED = 5


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
    #: vocabulary size; None: just the small BPE vocabulary, else padded to this many tokens
    #: (the real embedding matrices have 151,552 rows, the tokenizer fewer words)
    n_vocab: int | None = None

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
    #: the ViT's fused QKV has a bias (GLM's vision config: attention_bias, false in the real model)
    qkv_bias: bool = True
    #: value of clip.vision.feed_forward_length; GLM's converter writes the HF ``intermediate_size``,
    #: which is the projector's width, not the ViT MLP's (None: ``n_ff``)
    feed_forward_length: int | None = None


#: GLM-4.6V-Flash's text decoder (GLM-4-9B layout; transformers' Glm4vTextConfig of GLM-4.1V-9B,
#: the same 9B decoder): 40 layers, hidden 4096, 32 heads of 128 with 2 KV heads, FFN 13696,
#: vocabulary 151,552, 128K context
GLM46V_FLASH_TEXT = TextShape(n_embd=4096, n_layer=40, n_head=32, n_head_kv=2, n_ff=13696, context_length=131072, n_vocab=151552)
#: its vision tower and projector (Glm4vVisionConfig): a 24-layer ViT of width 1536 with 12 heads and a
#: SwiGLU MLP of out_hidden_size 4096, no QKV bias; the merger's SwiGLU is intermediate_size 13696 wide
GLM46V_FLASH_VISION = VisionShape(
    n_embd=1536, n_layer=24, n_head=12, n_ff=4096, projector_ff=13696, qkv_bias=False, feed_forward_length=13696
)


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


def build_vocab(size: int | None = None) -> tuple[list[str], list[int], list[str]]:
    """Return (tokens, token types, merges) of a small byte-level BPE vocabulary.

    Args:
        size: pad with unused ``[PADn]`` tokens to this many (as the converter pads GLM's vocabulary).
    """
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
    if size is not None:
        if size < len(tokens):
            raise ValueError(f"a vocabulary of {size} tokens cannot hold the {len(tokens)} needed")
        tokens.extend(f"[PAD{i}]" for i in range(len(tokens), size))
        types.extend([TOKEN_UNUSED] * (size - len(types)))
    return tokens, types, merges


@dataclass(frozen=True)
class TensorSpec:
    """One tensor to write: its name, numpy shape (ggml's ``ne`` reversed) and how to fill it."""

    name: str
    shape: tuple[int, ...]
    fill: str = "normal"  # "normal", "ones" or "zeros"
    scale: float = 0.02

    @property
    def n_columns(self) -> int:
        """ggml's ne[0], the row length quantization blocks run along."""
        return self.shape[-1]


#: picks a tensor's type in the file (None: all F32)
Quantization = Callable[[TensorSpec], GGMLQuantizationType]


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

    def floats(self, spec: TensorSpec) -> np.ndarray:
        if spec.fill == "ones":
            return self.ones(*spec.shape)
        if spec.fill == "zeros":
            return self.zeros(*spec.shape)
        return self.normal(*spec.shape, scale=spec.scale)

    def tensor(self, spec: TensorSpec, kind: GGMLQuantizationType) -> np.ndarray:
        """``spec``'s data in ``kind``: floats, or random quantized blocks of about ``spec.scale`` spread."""
        if kind == GGMLQuantizationType.F32:
            return self.floats(spec)
        if kind == GGMLQuantizationType.F16:
            return self.floats(spec).astype(np.float16)
        if spec.fill != "normal":
            raise ValueError(f"{spec.name}: only random weights are quantized")
        return self._blocks(spec, kind)

    def _blocks(self, spec: TensorSpec, kind: GGMLQuantizationType) -> np.ndarray:
        # random bytes are valid quants and sub-block scales in every type used here; only the f16
        # block scales must be set, to finite values giving weights of about spec.scale spread
        block_values, block_bytes = GGML_QUANT_SIZES[kind]
        n_blocks = int(np.prod(spec.shape)) // block_values
        data = self._rng.integers(0, 256, size=(n_blocks, block_bytes), dtype=np.uint8)
        # (offset of the f16 scale, factor giving spread ~1 for random quants); dmin for Q4_K
        layout = {
            GGMLQuantizationType.Q8_0: (0, 1 / 74.0),  # d * int8
            GGMLQuantizationType.Q5_0: (0, 1 / 9.2),  # d * (5-bit - 16)
            GGMLQuantizationType.Q4_K: (0, 1 / 150.0),  # d * 6-bit scale * 4-bit - dmin * 6-bit min
            GGMLQuantizationType.Q6_K: (block_bytes - 2, 1 / 1370.0),  # d * int8 scale * (6-bit - 32)
        }
        if kind not in layout:
            raise ValueError(f"{spec.name}: no random block layout for {kind.name}")
        offset, factor = layout[kind]
        d = (spec.scale * factor * self._rng.uniform(0.5, 1.5, n_blocks)).astype(np.float16)
        data[:, offset : offset + 2] = d.view(np.uint8).reshape(n_blocks, 2)
        if kind == GGMLQuantizationType.Q4_K:
            # dmin = 7.5 d centres each sub-block's values around zero on average
            data[:, 2:4] = (d.astype(np.float32) * 7.5).astype(np.float16).view(np.uint8).reshape(n_blocks, 2)
        return data.reshape(*spec.shape[:-1], spec.n_columns // block_values * block_bytes)


def tensor_bytes(spec: TensorSpec, kind: GGMLQuantizationType) -> int:
    """Bytes of ``spec``'s data stored as ``kind``."""
    block_values, block_bytes = GGML_QUANT_SIZES[kind]
    if spec.n_columns % block_values:
        raise ValueError(f"{spec.name}: rows of {spec.n_columns} do not split into {kind.name} blocks")
    return int(np.prod(spec.shape)) // block_values * block_bytes


def _write(writer: GGUFWriter, specs: list[TensorSpec], weights: _Weights, quantization: Quantization | None) -> None:
    """Write the header, then each tensor as it is made (a 6 GB model never sits in memory whole)."""
    kinds = [quantization(spec) if quantization else GGMLQuantizationType.F32 for spec in specs]
    for spec, kind in zip(specs, kinds, strict=True):
        block_values, block_bytes = GGML_QUANT_SIZES[kind]
        nbytes = tensor_bytes(spec, kind)
        if kind in (GGMLQuantizationType.F32, GGMLQuantizationType.F16):
            dtype = np.dtype(np.float32 if kind == GGMLQuantizationType.F32 else np.float16)
            writer.add_tensor_info(spec.name, spec.shape, dtype, nbytes)
        else:
            byte_shape = (*spec.shape[:-1], spec.n_columns // block_values * block_bytes)
            writer.add_tensor_info(spec.name, byte_shape, np.dtype(np.uint8), nbytes, raw_dtype=kind)
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_ti_data_to_file()
    for spec, kind in zip(specs, kinds, strict=True):
        writer.write_tensor_data(weights.tensor(spec, kind))
    writer.close()


def _more_bits(i_layer: int, n_layer: int) -> bool:
    # llama-quantize's use_more_bits (src/llama-quant.cpp): the first and last eighth and every third layer
    return i_layer < n_layer // 8 or i_layer >= 7 * n_layer // 8 or (i_layer - n_layer // 8) % 3 == 2


def _fallback(spec: TensorSpec, kind: GGMLQuantizationType) -> GGMLQuantizationType:
    # llama-quantize's tensor_type_fallback: rows that do not split into 256-value K blocks
    # (GLM's ffn_down rows of 13,696) get the 32-value type of about the same size
    if spec.n_columns % GGML_QUANT_SIZES[kind][0] == 0:
        return kind
    smaller = {GGMLQuantizationType.Q4_K: GGMLQuantizationType.Q5_0, GGMLQuantizationType.Q6_K: GGMLQuantizationType.Q8_0}
    kind = smaller.get(kind, kind)
    return kind if spec.n_columns % GGML_QUANT_SIZES[kind][0] == 0 else GGMLQuantizationType.F16


def q4_k_m_type(spec: TensorSpec, n_layer: int) -> GGMLQuantizationType:
    """The type ``llama-quantize ... Q4_K_M`` gives a ``glm4`` tensor (no experts, untied output)."""
    if len(spec.shape) < 2 or not spec.name.endswith("weight") or spec.name.endswith("_norm.weight"):
        return GGMLQuantizationType.F32
    if spec.name == "output.weight":
        return GGMLQuantizationType.Q6_K if spec.n_columns % 256 == 0 else GGMLQuantizationType.Q8_0
    kind = GGMLQuantizationType.Q4_K
    layer = re.match(r"blk\.(\d+)\.(attn_v|ffn_down)\.weight$", spec.name)
    if layer and _more_bits(int(layer.group(1)), n_layer):
        kind = GGMLQuantizationType.Q6_K
    return _fallback(spec, kind)


def mmproj_q8_0_type(spec: TensorSpec) -> GGMLQuantizationType:
    """The types of ggml-org's ``mmproj-GLM-4.6V-Flash-Q8_0.gguf``.

    As the converter writes with ``--outtype q8_0``: norms, 1-D tensors, the position embedding and
    the patch embedding in F32; the merger's 2x2 conv, whose rows of 2 cannot be Q8_0, in F16 (the
    published file's size, 980,055,680 bytes, holds exactly that; today's converter would write it
    in F32); every other weight in Q8_0.
    """
    if len(spec.shape) < 2 or ".patch_embd." in spec.name or ".position_embd." in spec.name:
        return GGMLQuantizationType.F32
    return GGMLQuantizationType.Q8_0 if spec.n_columns % 32 == 0 else GGMLQuantizationType.F16


def text_tensor_specs(shape: TextShape, n_vocab: int) -> list[TensorSpec]:
    """The ``glm4`` text model's tensors, in the converter's order."""
    d, hd = shape.n_embd, shape.head_dim
    specs = [
        TensorSpec("token_embd.weight", (n_vocab, d), scale=1.0),
        TensorSpec("output_norm.weight", (d,), "ones"),
        TensorSpec("output.weight", (n_vocab, d), scale=0.5),
    ]
    for i in range(shape.n_layer):
        specs += [
            TensorSpec(f"blk.{i}.attn_norm.weight", (d,), "ones"),
            TensorSpec(f"blk.{i}.attn_q.weight", (shape.n_head * hd, d)),
            TensorSpec(f"blk.{i}.attn_k.weight", (shape.n_head_kv * hd, d)),
            TensorSpec(f"blk.{i}.attn_v.weight", (shape.n_head_kv * hd, d)),
            TensorSpec(f"blk.{i}.attn_q.bias", (shape.n_head * hd,)),
            TensorSpec(f"blk.{i}.attn_k.bias", (shape.n_head_kv * hd,)),
            TensorSpec(f"blk.{i}.attn_v.bias", (shape.n_head_kv * hd,)),
            TensorSpec(f"blk.{i}.attn_output.weight", (d, shape.n_head * hd)),
            TensorSpec(f"blk.{i}.post_attention_norm.weight", (d,), "ones"),
            TensorSpec(f"blk.{i}.ffn_norm.weight", (d,), "ones"),
            # GLM-4 fuses gate and up into one matrix of twice the width
            TensorSpec(f"blk.{i}.ffn_up.weight", (2 * shape.n_ff, d)),
            TensorSpec(f"blk.{i}.ffn_down.weight", (d, shape.n_ff)),
            TensorSpec(f"blk.{i}.post_ffw_norm.weight", (d,), "ones"),
        ]
    return specs


def mmproj_tensor_specs(shape: VisionShape, projection_dim: int) -> list[TensorSpec]:
    """The ``glm4v`` projector's tensors (ViT, patch merger, SwiGLU projector)."""
    d, p, out = shape.n_embd, shape.patch_size, projection_dim
    n_pos = (shape.image_size // p) ** 2
    # GLM's patch embedding is a 3D conv over 2 frames; llama.cpp splits it into two 2D convs
    specs = [
        TensorSpec("v.patch_embd.weight", (d, 3, p, p), scale=0.05),
        TensorSpec("v.patch_embd.weight.1", (d, 3, p, p), scale=0.05),
        TensorSpec("v.patch_embd.bias", (d,)),
        # GLM-4.6V normalises right after the patch embedding ("post_conv_layernorm")
        TensorSpec("v.norm_embd.weight", (d,), "ones"),
        TensorSpec("v.position_embd.weight", (n_pos, d)),
    ]
    for i in range(shape.n_layer):
        specs += [
            TensorSpec(f"v.blk.{i}.ln1.weight", (d,), "ones"),
            TensorSpec(f"v.blk.{i}.attn_qkv.weight", (3 * d, d)),
            *([TensorSpec(f"v.blk.{i}.attn_qkv.bias", (3 * d,))] if shape.qkv_bias else []),
            TensorSpec(f"v.blk.{i}.attn_out.weight", (d, d)),
            TensorSpec(f"v.blk.{i}.ln2.weight", (d,), "ones"),
            TensorSpec(f"v.blk.{i}.ffn_gate.weight", (shape.n_ff, d)),
            TensorSpec(f"v.blk.{i}.ffn_up.weight", (shape.n_ff, d)),
            TensorSpec(f"v.blk.{i}.ffn_down.weight", (d, shape.n_ff)),
        ]
    specs += [
        TensorSpec("v.post_ln.weight", (d,), "ones"),
        # patch merger: a 2x2 stride-2 conv from the ViT width to the text width
        TensorSpec("mm.patch_merger.weight", (out, d, shape.merge, shape.merge), scale=0.1),
        TensorSpec("mm.patch_merger.bias", (out,), "zeros"),
        TensorSpec("mm.model.fc.weight", (out, out), scale=0.1),
        TensorSpec("mm.post_norm.weight", (out,), "ones"),
        TensorSpec("mm.post_norm.bias", (out,), "zeros"),
        TensorSpec("mm.gate.weight", (shape.projector_ff, out), scale=0.1),
        TensorSpec("mm.up.weight", (shape.projector_ff, out), scale=0.1),
        TensorSpec("mm.down.weight", (out, shape.projector_ff), scale=0.1),
    ]
    return specs


def write_text_model(
    path: Path,
    *,
    seed: int = 1234,
    shape: TextShape = TextShape(),
    mrope: bool = True,
    chat_template: str | None = None,
    quantization: Quantization | None = None,
    file_type: int = LlamaFileType.ALL_F32,
    name: str = "tiny GLM-4.6V-Flash (random weights, tests only)",
) -> Path:
    """Write the ``glm4`` text model (tiny by default).

    Args:
        path: output file.
        seed: weight seed.
        shape: hyper-parameters.
        mrope: write ``glm4.rope.dimension_sections``; without it the file looks like a text-only
            GLM-4 conversion, which llama.cpp refuses to feed image embeddings.
        chat_template: template to embed; defaults to GLM-4.6V's.
        quantization: each tensor's type (default: all F32).
        file_type: ``general.file_type`` (a ``LlamaFileType``) matching ``quantization``.
        name: ``general.name``.
    """
    tokens, types, merges = build_vocab(shape.n_vocab)
    template = chat_template if chat_template is not None else TEMPLATE_PATH.read_text(encoding="utf-8")
    ids = {text: i for i, text in enumerate(tokens)}
    arch = "glm4"
    writer = GGUFWriter(str(path), arch)
    writer.add_string("general.name", name)
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
    writer.add_uint32("general.file_type", int(file_type))
    if quantization is not None:
        writer.add_uint32("general.quantization_version", 2)
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
    _write(writer, text_tensor_specs(shape, len(tokens)), _Weights(seed), quantization)
    return path


def write_mmproj(
    path: Path,
    *,
    seed: int = 5678,
    shape: VisionShape = VisionShape(),
    projection_dim: int = TextShape().n_embd,
    quantization: Quantization | None = None,
    file_type: int = LlamaFileType.ALL_F32,
    name: str = "tiny GLM-4.6V-Flash mmproj (random weights, tests only)",
) -> Path:
    """Write the ``glm4v`` projector (tiny by default).

    Args:
        path: output file.
        seed: weight seed.
        shape: hyper-parameters.
        projection_dim: width of the embeddings handed to the text model; it must equal the text
            model's hidden size (pass another value to make a mismatched mmproj for tests).
        quantization: each tensor's type (default: all F32).
        file_type: ``general.file_type`` matching ``quantization``.
        name: ``general.name``.
    """
    writer = GGUFWriter(str(path), "clip")
    writer.add_string("general.name", name)
    writer.add_uint32("general.file_type", int(file_type))
    if quantization is not None:
        writer.add_uint32("general.quantization_version", 2)
    writer.add_string("clip.projector_type", "glm4v")
    writer.add_bool("clip.has_vision_encoder", True)
    writer.add_bool("clip.use_silu", True)
    writer.add_uint32("clip.vision.image_size", shape.image_size)
    writer.add_uint32("clip.vision.patch_size", shape.patch_size)
    writer.add_uint32("clip.vision.embedding_length", shape.n_embd)
    writer.add_uint32("clip.vision.feed_forward_length", shape.feed_forward_length or shape.n_ff)
    writer.add_uint32("clip.vision.block_count", shape.n_layer)
    writer.add_uint32("clip.vision.projection_dim", projection_dim)
    writer.add_uint32("clip.vision.attention.head_count", shape.n_head)
    writer.add_float32("clip.vision.attention.layer_norm_epsilon", 1e-5)
    writer.add_uint32("clip.vision.spatial_merge_size", shape.merge)
    # CLIP normalisation constants, as in GLM-4.6V's preprocessor config
    writer.add_array("clip.vision.image_mean", [0.48145466, 0.4578275, 0.40821073])
    writer.add_array("clip.vision.image_std", [0.26862954, 0.26130258, 0.27577711])
    _write(writer, mmproj_tensor_specs(shape, projection_dim), _Weights(seed), quantization)
    return path


def write_glm46v_flash_q4_k_m(
    out_dir: Path,
    *,
    text: TextShape = GLM46V_FLASH_TEXT,
    vision: VisionShape = GLM46V_FLASH_VISION,
    model_name: str = "GLM-4.6V-Flash-Q4_K_M.gguf",
    mmproj_name: str = "mmproj-GLM-4.6V-Flash-Q8_0.gguf",
) -> tuple[Path, Path]:
    """Write a random-weights pair shaped and quantized like ggml-org's GLM-4.6V-Flash download.

    Q4_K_M text model (Q4_K, with Q6_K for the output and half the attn_v / ffn_down layers, the
    32-value fallbacks for ffn_down's 13,696-wide rows, as llama-quantize mixes them) and a Q8_0
    projector. Pass smaller shapes to check the layout quickly (the tests do).
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    model = write_text_model(
        out_dir / model_name,
        shape=text,
        quantization=lambda spec: q4_k_m_type(spec, text.n_layer),
        file_type=LlamaFileType.MOSTLY_Q4_K_M,
        name="GLM-4.6V-Flash shapes, Q4_K_M (random weights, benchmarks only)",
    )
    mmproj = write_mmproj(
        out_dir / mmproj_name,
        shape=vision,
        projection_dim=text.n_embd,
        quantization=mmproj_q8_0_type,
        file_type=LlamaFileType.MOSTLY_Q8_0,
        name="GLM-4.6V-Flash mmproj shapes, Q8_0 (random weights, benchmarks only)",
    )
    return model, mmproj


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
    "GLM46V_FLASH_TEXT",
    "GLM46V_FLASH_VISION",
    "MMPROJ_NAME",
    "MODEL_NAME",
    "TensorSpec",
    "TextShape",
    "VisionShape",
    "build_vocab",
    "mmproj_q8_0_type",
    "mmproj_tensor_specs",
    "q4_k_m_type",
    "tensor_bytes",
    "text_tensor_specs",
    "write_glm46v_flash_q4_k_m",
    "write_mmproj",
    "write_text_model",
    "write_tiny_glm4v",
]
