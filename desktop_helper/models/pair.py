"""Check that a text model and an mmproj form a usable GLM-4.6V pair, before llama.cpp sees them.

Each refusal is a :class:`~desktop_helper.core.errors.BackendError` with a fix. The checks catch
what llama.cpp would otherwise turn into a crash or a silent wrong answer:

* a missing, non-GGUF or truncated file;
* the two files swapped (the projector chosen as the model, or the other way round);
* no mmproj at all (a text-only setup cannot see screenshots);
* a GLM-4 text model converted without M-RoPE sections (llama.cpp aborts the process as soon as it
  decodes image embeddings with such a model);
* an mmproj whose projection width differs from the model's hidden size (a different model's
  projector; llama.cpp would refuse it with a bare error).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from desktop_helper.core.errors import BackendError
from desktop_helper.core.i18n import t
from desktop_helper.models.gguf_info import GGUFInfo, read_gguf_info

log = logging.getLogger(__name__)

#: projectors of the GLM-V family that llama.cpp's mtmd supports
GLM_PROJECTORS = ("glm4v", "glm5v")


@dataclass(frozen=True)
class ModelShape:
    """The numbers the memory estimate and the context accounting need."""

    architecture: str
    n_layer: int
    n_embd: int
    n_head: int
    n_head_kv: int
    head_dim: int
    n_vocab: int
    n_ctx_train: int
    n_ff: int
    has_mrope: bool


@dataclass(frozen=True)
class VisionShape:
    projector_type: str
    n_embd: int
    n_layer: int
    n_head: int
    n_ff: int
    projection_dim: int
    patch_size: int


@dataclass(frozen=True)
class ModelPair:
    model: GGUFInfo
    mmproj: GGUFInfo | None
    text: ModelShape
    vision: VisionShape | None

    @property
    def name(self) -> str:
        return str(self.model.get("general.name") or self.model.path.stem)


def text_shape(info: GGUFInfo) -> ModelShape:
    arch = info.architecture
    n_embd = int(info.arch_value("embedding_length", 0) or 0)
    n_head = _first_int(info.arch_value("attention.head_count", 1))
    n_head_kv = _first_int(info.arch_value("attention.head_count_kv", n_head))
    head_dim = int(info.arch_value("attention.key_length", 0) or (n_embd // max(1, n_head)))
    n_vocab = int(info.array_lengths.get("tokenizer.ggml.tokens", 0))
    sections = info.arch_value("rope.dimension_sections")
    has_mrope = isinstance(sections, list) and any(int(s) > 0 for s in sections)
    return ModelShape(
        architecture=arch,
        n_layer=int(info.arch_value("block_count", 0) or 0),
        n_embd=n_embd,
        n_head=n_head,
        n_head_kv=n_head_kv,
        head_dim=head_dim,
        n_vocab=n_vocab,
        n_ctx_train=int(info.arch_value("context_length", 0) or 0),
        n_ff=_first_int(info.arch_value("feed_forward_length", 0)),
        has_mrope=has_mrope,
    )


def vision_shape(info: GGUFInfo) -> VisionShape:
    return VisionShape(
        projector_type=info.projector_type,
        n_embd=int(info.get("clip.vision.embedding_length", 0) or 0),
        n_layer=int(info.get("clip.vision.block_count", 0) or 0),
        n_head=int(info.get("clip.vision.attention.head_count", 1) or 1),
        n_ff=int(info.get("clip.vision.feed_forward_length", 0) or 0),
        projection_dim=int(info.get("clip.vision.projection_dim", 0) or 0),
        patch_size=int(info.get("clip.vision.patch_size", 14) or 14),
    )


def check_pair(model_path: str | Path, mmproj_path: str | Path | None, *, require_vision: bool = True) -> ModelPair:
    """Read both headers and refuse combinations llama.cpp would crash on or misuse.

    Args:
        model_path: the text model GGUF.
        mmproj_path: the vision projector GGUF (``None``: none chosen).
        require_vision: refuse a missing mmproj (the assistant is about screenshots).

    Raises:
        BackendError: with a message and a fix for every problem found.
    """
    model = read_gguf_info(model_path)
    if model.is_projector:
        raise BackendError(
            t("{name} is a vision projector (mmproj), not a language model.", name=model.path.name),
            t("Choose the main model file as the model and this file as the vision projector."),
        )
    if model.is_truncated:
        raise BackendError(
            t(
                "{name} is incomplete ({file_size:,} bytes, its header promises {value:,}).",
                name=model.path.name,
                file_size=model.file_size,
                value=model.expected_size or 0,
            ),
            t("Download the model again; the download was cut short."),
        )
    text = text_shape(model)
    if text.n_layer <= 0 or text.n_embd <= 0:
        raise BackendError(
            t("{name} does not describe a language model llama.cpp can run.", name=model.path.name),
            t("Choose a GLM-4.6V-Flash GGUF file."),
        )
    if text.architecture != "glm4":
        log.warning(
            "model %s has architecture %r, not glm4 (GLM-4.6V-Flash); the GLM template and parsers may not fit",
            model.path,
            text.architecture,
        )

    if mmproj_path is None or str(mmproj_path) == "":
        if require_vision:
            raise BackendError(
                t("No vision projector (mmproj) is set for {name}, so the model cannot see images.", name=model.path.name),
                t(
                    "Choose the matching mmproj GGUF file in Settings > Models (for GLM-4.6V-Flash: "
                    "mmproj-GLM-4.6V-Flash-Q8_0.gguf)."
                ),
            )
        return ModelPair(model, None, text, None)

    mmproj = read_gguf_info(mmproj_path)
    if not mmproj.is_projector:
        raise BackendError(
            t("{name} is a language model, not a vision projector (mmproj).", name=mmproj.path.name),
            t("Choose the mmproj-*.gguf file that belongs to the model as the vision projector."),
        )
    if mmproj.is_truncated:
        raise BackendError(
            t("{name} is incomplete ({file_size:,} bytes).", name=mmproj.path.name, file_size=mmproj.file_size),
            t("Download the vision projector again; the download was cut short."),
        )
    vision = vision_shape(mmproj)
    if vision.projection_dim and vision.projection_dim != text.n_embd:
        raise BackendError(
            t(
                "The vision projector {name} does not match the model {name2} (it produces {projection_dim}-wide embeddings, "
                "the model expects {n_embd}).",
                name=mmproj.path.name,
                name2=model.path.name,
                projection_dim=vision.projection_dim,
                n_embd=text.n_embd,
            ),
            t("Use the mmproj file published together with this model."),
        )
    if text.architecture == "glm4" and not text.has_mrope:
        # llama.cpp GGML_ABORTs the whole process on the first image with such a file
        raise BackendError(
            t("{name} is a text-only GLM-4 conversion (it lacks the M-RoPE rope sections images need).", name=model.path.name),
            t("Download a GLM-4.6V-Flash GGUF converted with vision support, e.g. ggml-org/GLM-4.6V-Flash-GGUF."),
        )
    if vision.projector_type not in GLM_PROJECTORS:
        log.warning("projector %s has type %r, not a GLM-V projector", mmproj.path, vision.projector_type)
    return ModelPair(model, mmproj, text, vision)


def _first_int(value: object) -> int:
    # some architectures store per-layer arrays (e.g. head counts); the first entry is representative
    if isinstance(value, list):
        return int(value[0]) if value else 0
    if isinstance(value, int):
        return value
    return int(str(value)) if value not in (None, "") else 0
