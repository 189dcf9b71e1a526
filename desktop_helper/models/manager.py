"""What the welcome page and the model settings do, without Qt: choose, download, check a model pair.

The UI shows :func:`offer` on first start (no usable local model and no API provider), runs
:func:`download_known_model` in a worker with a progress callback and a cancel token, or checks
files the user picked with :func:`check_local_pair`, then saves the two paths in the settings.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_helper.core.cancel import CancelToken
from desktop_helper.core.errors import BackendError
from desktop_helper.core.i18n import t
from desktop_helper.models.catalog import HF_BASE, KNOWN_MODELS, KnownModel, RemoteFile
from desktop_helper.models.download import DISK_MARGIN, DownloadError, DownloadProgress, download_file, part_path
from desktop_helper.models.memory import MemoryEstimate, available_ram, estimate_for_hint, estimate_for_pair
from desktop_helper.models.pair import ModelPair, check_pair

#: context and image budget assumed for the estimates shown before a download
DEFAULT_CONTEXT = 16384
DEFAULT_IMAGE_TOKENS = 1024


@dataclass(frozen=True)
class Offer:
    """One choice on the welcome page for a known model."""

    model: KnownModel
    download_bytes: int | None
    already_downloaded: int
    disk_free: int
    memory: MemoryEstimate

    @property
    def enough_disk(self) -> bool:
        remaining = (self.download_bytes or 0) - self.already_downloaded
        return remaining + DISK_MARGIN <= self.disk_free

    def summary(self) -> str:
        size = t("{size:.1f} GB", size=self.download_bytes / 1e9) if self.download_bytes else t("size unknown")
        resumed = t(", {done:.1f} GB already downloaded", done=self.already_downloaded / 1e9) if self.already_downloaded else ""
        return t(
            "{title}: download {size}{resumed}; {free:.0f} GB free; needs {memory}",
            title=self.model.title,
            size=size,
            resumed=resumed,
            free=self.disk_free / 1e9,
            memory=self.memory.summary(),
        )


def needs_welcome(settings: Any, models_dir: Path) -> bool:
    """True on a first start: no working local model pair configured and no API provider."""
    if settings.get("models.providers"):
        return False
    model, mmproj = settings.get_str("models.local_model_path"), settings.get_str("models.local_mmproj_path")
    return not (model and mmproj and Path(model).is_file() and Path(mmproj).is_file())


def offer(models_dir: Path, *, context_size: int = DEFAULT_CONTEXT, image_tokens: int = DEFAULT_IMAGE_TOKENS) -> list[Offer]:
    """The known models with download size, what is already on disk, free disk and a memory estimate."""
    folder = _existing_parent(models_dir)
    free = shutil.disk_usage(folder).free
    ram = available_ram()
    offers = []
    for entry in KNOWN_MODELS:
        done = 0
        for local in entry.local_paths(models_dir):
            if local.is_file():
                done += local.stat().st_size
            elif part_path(local).is_file():
                done += part_path(local).stat().st_size
        memory = estimate_for_hint(
            entry.shape,
            entry.download_size or 0,
            context_size=context_size,
            image_tokens=image_tokens,
            flash_attention=True,
            available=ram,
        )
        offers.append(Offer(entry, entry.download_size, done, free, memory))
    return offers


def download_known_model(
    entry: KnownModel,
    models_dir: Path,
    *,
    progress: Callable[[float | None, str], None] | None = None,
    cancel: CancelToken | None = None,
    endpoint: str | None = None,
    retries: int = 3,
) -> tuple[Path, Path]:
    """Download (or resume) both files of ``entry``; return (model path, mmproj path).

    Args:
        entry: the model to fetch.
        models_dir: the app's models folder (``AppPaths.models``).
        progress: ``(overall fraction or None, text)``; called from this thread.
        cancel: stops the download; the parts stay for resuming.
        endpoint: Hugging Face endpoint (default ``$HF_ENDPOINT`` or huggingface.co; mirrors and tests).
        retries: retries per file after a lost connection.

    Raises:
        DownloadError: network, disk or verification problems (with a fix).
        CancelledError: when cancelled.
    """
    base = (endpoint or os.environ.get("HF_ENDPOINT") or HF_BASE).rstrip("/")
    targets = entry.local_paths(models_dir)
    total = entry.download_size
    files: list[tuple[RemoteFile, Path]] = list(zip((entry.model, entry.mmproj), targets, strict=True))
    # check the disk for everything still missing before fetching anything
    remaining = 0
    for remote, local in files:
        if local.is_file():
            continue
        have = part_path(local).stat().st_size if part_path(local).is_file() else 0
        remaining += max(0, (remote.size or 0) - have)
    folder = _existing_parent(models_dir)
    free = shutil.disk_usage(folder).free
    if remaining + DISK_MARGIN > free:
        raise DownloadError(
            t(
                "Not enough disk space for {title}: {value:.1f} GB more are needed, {value2:.1f} GB are free.",
                title=entry.title,
                value=remaining / 1e9,
                value2=free / 1e9,
            ),
            t("Free some disk space or choose another models folder in Settings."),
        )
    finished = 0
    for index, (remote, local) in enumerate(files):
        label = f"{entry.title} ({index + 1}/{len(files)}: {remote.filename})"
        if local.is_file() and (remote.size is None or not remote.size_exact or local.stat().st_size == remote.size):
            finished += local.stat().st_size
            continue

        def report(p: DownloadProgress, label: str = label, before: int = finished) -> None:
            if progress is None:
                return
            overall = (before + p.done) / total if total else None
            speed = f", {p.speed / 1e6:.1f} MB/s" if p.speed else ""
            phases = {
                "checking": t("Checking {label}: {done:.0f} MB{speed}", label=label, done=p.done / 1e6, speed=speed),
                "downloading": t("Downloading {label}: {done:.0f} MB{speed}", label=label, done=p.done / 1e6, speed=speed),
                "verifying": t("Verifying {label}: {done:.0f} MB{speed}", label=label, done=p.done / 1e6, speed=speed),
                "done": t("Done {label}: {done:.0f} MB{speed}", label=label, done=p.done / 1e6, speed=speed),
            }
            progress(overall, phases.get(p.phase, phases["downloading"]))

        download_file(
            remote.url_at(base),
            local,
            expected_size=remote.size if remote.size_exact else None,
            expected_sha256=remote.sha256,
            progress=report,
            cancel=cancel,
            retries=retries,
        )
        finished += local.stat().st_size
    if progress is not None:
        progress(1.0, t("{title} is ready", title=entry.title))
    return targets


def check_local_pair(
    model: str | Path, mmproj: str | Path | None, *, context_size: int = DEFAULT_CONTEXT, image_tokens: int = DEFAULT_IMAGE_TOKENS
) -> tuple[ModelPair, MemoryEstimate]:
    """Check files the user picked and estimate their memory (raises BackendError with a fix)."""
    pair = check_pair(model, mmproj)
    if pair.mmproj is None:  # pragma: no cover - check_pair requires it
        raise BackendError(t("No vision projector was chosen."), t("Pick the model's mmproj file too."))
    estimate = estimate_for_pair(
        pair, context_size=context_size, image_tokens=image_tokens, flash_attention=True, available=available_ram()
    )
    return pair, estimate


def _existing_parent(path: Path) -> Path:
    current = path
    while not current.exists() and current.parent != current:
        current = current.parent
    return current
