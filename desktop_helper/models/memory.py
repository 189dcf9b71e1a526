"""Estimate the memory a local model needs before loading it, and compare with what is free.

The estimate adds the weights (file sizes), the KV cache for the chosen context, the text
model's compute buffer, and the vision encoder's compute buffer for the image token budget. It is
an estimate for a warning ("this will not fit"), not an allocator: llama.cpp's real numbers vary
by backend and version, so the figures are rounded up and the UI shows them as approximate.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_helper.core.i18n import t
from desktop_helper.models.catalog import ShapeHint
from desktop_helper.models.pair import ModelPair

GIB = 1024**3
#: llama.cpp's default physical batch (ubatch) size
N_UBATCH = 512
#: patches per image token (2x2 merge)
PATCHES_PER_TOKEN = 4


@dataclass(frozen=True)
class MemoryEstimate:
    """Bytes needed, by part.

    Attributes:
        weights: model + mmproj files (mapped into memory).
        kv_cache: keys and values for the whole context (f16).
        compute: text model compute buffer.
        vision: vision encoder compute buffer at the image token budget.
        available: free RAM (or VRAM when offloading) at estimate time, if known.
        device: "RAM" or "VRAM".
    """

    weights: int
    kv_cache: int
    compute: int
    vision: int
    available: int | None = None
    device: str = "RAM"
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def total(self) -> int:
        return self.weights + self.kv_cache + self.compute + self.vision

    @property
    def fits(self) -> bool | None:
        return None if self.available is None else self.total <= self.available

    def summary(self) -> str:
        parts = t(
            "about {total:.1f} GB {device}: weights {weights:.1f} GB, context {context:.2f} GB, compute {compute:.2f} GB",
            total=self.total / GIB,
            device=self.device,
            weights=self.weights / GIB,
            context=self.kv_cache / GIB,
            compute=(self.compute + self.vision) / GIB,
        )
        if self.available is not None:
            return t("{parts}; {free:.1f} GB free", parts=parts, free=self.available / GIB)
        return parts

    def warning(self) -> str | None:
        """A user-facing warning when the model will likely not fit, else None."""
        if self.fits is False:
            return t(
                "The model needs {summary}. Loading it may fail or make the computer swap. "
                "Choose a smaller context size or image token budget, or a smaller quantization.",
                summary=self.summary(),
            )
        return None


def estimate_for_hint(
    hint: ShapeHint,
    weights_bytes: int,
    *,
    context_size: int,
    image_tokens: int,
    flash_attention: bool,
    available: int | None = None,
    device: str = "RAM",
) -> MemoryEstimate:
    """Estimate from architecture numbers (the catalog's, for a model not downloaded yet)."""
    f16, f32 = 2, 4
    kv = 2 * hint.n_layer * context_size * hint.n_head_kv * hint.head_dim * f16
    ubatch = min(N_UBATCH, context_size)
    # logits for one ubatch + the widest activations; without flash attention the KQ matrix
    # of a full ubatch against the whole context dominates
    compute = ubatch * (hint.n_vocab + 2 * hint.n_ff + 4 * hint.n_embd) * f32
    if not flash_attention:
        compute += ubatch * context_size * hint.n_head * f32
    patches = max(1, image_tokens) * PATCHES_PER_TOKEN
    vision = patches * (4 * hint.vision_n_embd + 2 * hint.vision_n_ff) * f32
    if not flash_attention:
        # the ViT attends over all patches of the image at once: quadratic in the budget
        vision += patches * patches * hint.vision_n_head * f32
    notes = []
    if not flash_attention and image_tokens > 2048:
        notes.append(t("Without flash attention the vision encoder's memory grows with the square of the image token budget."))
    return MemoryEstimate(weights_bytes, kv, compute, vision, available, device, tuple(notes))


def estimate_for_pair(
    pair: ModelPair,
    *,
    context_size: int,
    image_tokens: int,
    flash_attention: bool,
    available: int | None = None,
    device: str = "RAM",
) -> MemoryEstimate:
    """Estimate for files on disk (numbers read from their headers)."""
    text, vision = pair.text, pair.vision
    hint = ShapeHint(
        n_layer=text.n_layer,
        n_embd=text.n_embd,
        n_head=text.n_head,
        n_head_kv=text.n_head_kv,
        head_dim=text.head_dim,
        n_vocab=text.n_vocab,
        n_ff=text.n_ff,
        vision_n_embd=vision.n_embd if vision else 0,
        vision_n_layer=vision.n_layer if vision else 0,
        vision_n_head=vision.n_head if vision else 0,
        vision_n_ff=vision.n_ff if vision else 0,
    )
    weights = pair.model.file_size + (pair.mmproj.file_size if pair.mmproj else 0)
    return estimate_for_hint(
        hint,
        weights,
        context_size=context_size,
        image_tokens=image_tokens if vision else 0,
        flash_attention=flash_attention,
        available=available,
        device=device,
    )


def available_ram() -> int | None:
    """Bytes of RAM available to a new allocation (psutil), or None if unknown."""
    try:
        import psutil

        return int(psutil.virtual_memory().available)
    except Exception:
        return None
