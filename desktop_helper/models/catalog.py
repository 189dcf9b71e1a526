"""Models the app knows how to download, and the pair the user picked themselves.

Sizes marked exact come from the publisher's file listing; the downloader checks every file
against its size and, when the server publishes one, its sha256 (Hugging Face sends the LFS
sha256 of a file in the ``X-Linked-Etag`` header), so a pinned hash is not required to detect a
damaged download.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop_helper.core.i18n import marked

HF_BASE = "https://huggingface.co"


@dataclass(frozen=True)
class RemoteFile:
    """One downloadable file.

    Attributes:
        repo: Hugging Face repository (``owner/name``).
        filename: file name in the repository (and on disk).
        size: size in bytes, if known in advance.
        size_exact: ``size`` is the real size (else an approximation for display).
        sha256: expected hash, if pinned.
    """

    repo: str
    filename: str
    size: int | None = None
    size_exact: bool = False
    sha256: str | None = None

    @property
    def url(self) -> str:
        return self.url_at(HF_BASE)

    def url_at(self, base: str) -> str:
        """Where to download it from ``base`` (Hugging Face, or a mirror with the same paths)."""
        return f"{base}/{self.repo}/resolve/main/{self.filename}"


@dataclass(frozen=True)
class ShapeHint:
    """Architecture numbers for a memory estimate before the file is on disk."""

    n_layer: int
    n_embd: int
    n_head: int
    n_head_kv: int
    head_dim: int
    n_vocab: int
    n_ff: int
    vision_n_embd: int
    vision_n_layer: int
    vision_n_head: int
    vision_n_ff: int


#: GLM-4.6V-Flash (GLM-4-9B decoder + 24-layer ViT)
GLM46V_FLASH_SHAPE = ShapeHint(
    n_layer=40, n_embd=4096, n_head=32, n_head_kv=2, head_dim=128, n_vocab=151552, n_ff=13696,
    vision_n_embd=1536, vision_n_layer=24, vision_n_head=12, vision_n_ff=13696,
)  # fmt: skip


@dataclass(frozen=True)
class KnownModel:
    """A downloadable model + vision projector pair."""

    id: str
    title: str
    description: str
    model: RemoteFile
    mmproj: RemoteFile
    shape: ShapeHint
    recommended: bool = False

    @property
    def download_size(self) -> int | None:
        if self.model.size is None or self.mmproj.size is None:
            return None
        return self.model.size + self.mmproj.size

    def local_paths(self, models_dir: Path) -> tuple[Path, Path]:
        folder = models_dir / self.id
        return folder / self.model.filename, folder / self.mmproj.filename


_GGML_ORG = "ggml-org/GLM-4.6V-Flash-GGUF"
_MMPROJ_Q8 = RemoteFile(_GGML_ORG, "mmproj-GLM-4.6V-Flash-Q8_0.gguf", 980_055_680, size_exact=True)

KNOWN_MODELS: tuple[KnownModel, ...] = (
    KnownModel(
        id="glm-4.6v-flash-q4_k_m",
        title="GLM-4.6V-Flash Q4_K_M",
        description=marked(
            "The best choice for most computers: the full GLM-4.6V-Flash vision model, "
            "compressed to about a third of its size with little loss in the quality of its answers."
        ),
        model=RemoteFile(_GGML_ORG, "GLM-4.6V-Flash-Q4_K_M.gguf", 6_166_577_888, size_exact=True),
        mmproj=_MMPROJ_Q8,
        shape=GLM46V_FLASH_SHAPE,
        recommended=True,
    ),
    KnownModel(
        id="glm-4.6v-flash-q8_0",
        title="GLM-4.6V-Flash Q8_0",
        description=marked(
            "A little more accurate, but it needs about 1.7 times the memory and answers more slowly "
            "on a computer without a graphics card."
        ),
        # size approximate (about 10 GB); checked against the server's Content-Length on download
        model=RemoteFile("unsloth/GLM-4.6V-Flash-GGUF", "GLM-4.6V-Flash-Q8_0.gguf", 10_000_000_000, size_exact=False),
        # the projector only has to belong to the same model; the quantization of the text model does not matter
        mmproj=_MMPROJ_Q8,
        shape=GLM46V_FLASH_SHAPE,
    ),
)


def known_model(model_id: str) -> KnownModel:
    for entry in KNOWN_MODELS:
        if entry.id == model_id:
            return entry
    raise KeyError(model_id)


def installed_models(models_dir: Path) -> list[tuple[KnownModel, Path, Path]]:
    """Known models whose two files are fully downloaded under ``models_dir``."""
    found = []
    for entry in KNOWN_MODELS:
        model, mmproj = entry.local_paths(models_dir)
        if model.is_file() and mmproj.is_file():
            found.append((entry, model, mmproj))
    return found
