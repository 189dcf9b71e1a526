"""What loading the local model found out: the device it runs on, its budgets and its memory estimate."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop_helper.core.i18n import english, t
from desktop_helper.models.memory import MemoryEstimate


@dataclass(frozen=True)
class LoadInfo:
    """What loading found out; shown in the model status line and ``ask --json``.

    Attributes:
        model_name: the model's name from its metadata.
        gpu_offload_supported: a GPU backend is loaded and has a usable device.
        layers_offloaded: layers llama.cpp reported on the GPU (None if it did not say).
        layers_total: layers it could have offloaded.
        device_setting: the ``models.device`` choice ("auto", "cpu", "gpu").
        gpu_devices: the GPUs the model may use ("Vulkan0 (NVIDIA GeForce RTX 3060, 12.0 GB)"); empty on the CPU.
        vision_on_gpu: the vision encoder (mmproj) runs on the GPU.
        cpu_backend: the CPU backend in use ("CPU backend haswell (AVX2)").
        image_token_budget: the effective cap per image.
        budget_source: "setting", "GPU default", "CPU default" or "uncapped".
        context_size: the context actually allocated.
        memory: the estimate made before loading.
        seconds: load time.
    """

    model_name: str
    gpu_offload_supported: bool
    layers_offloaded: int | None
    layers_total: int | None
    image_token_budget: int
    budget_source: str
    context_size: int
    memory: MemoryEstimate | None
    seconds: float
    warnings: tuple[str, ...] = ()
    device_setting: str = "auto"
    gpu_devices: tuple[str, ...] = ()
    vision_on_gpu: bool = False
    cpu_backend: str = ""

    @property
    def on_gpu(self) -> bool:
        return bool(self.layers_offloaded)

    def where(self) -> str:
        """Which device runs the model: "GPU Vulkan0 (...): 41/41 layers" or "CPU only (...)"."""
        if self.layers_offloaded:
            layers = {"offloaded": self.layers_offloaded, "total": self.layers_total}
            if self.gpu_devices:
                on_gpu = t("GPU {devices}: {offloaded}/{total} layers", devices=", ".join(self.gpu_devices), **layers)
            else:
                on_gpu = t("GPU: {offloaded}/{total} layers", **layers)
            return on_gpu if self.vision_on_gpu else t("{where}, vision encoder on the CPU", where=on_gpu)
        if self.device_setting == "cpu":
            return t("CPU only (set to CPU in Settings)")
        if self.gpu_offload_supported:
            return t("CPU only (GPU available but not used)")
        return t("CPU only (no usable GPU)")

    def describe(self) -> str:
        """For the log, in English whatever the interface language."""
        cpu = f"; {self.cpu_backend}" if self.cpu_backend else ""
        where = english(self.where())
        return (
            f"{self.model_name}: {where}{cpu}; image budget {self.image_token_budget} tokens ({self.budget_source}); "
            f"context {self.context_size} tokens; loaded in {self.seconds:.1f}s"
        )

    def as_dict(self) -> dict[str, Any]:
        """For ``desktop-helper status`` and the benches."""
        return {
            "summary": self.where(),
            "device_setting": self.device_setting,
            "on_gpu": self.on_gpu,
            "gpu_devices": list(self.gpu_devices),
            "layers_offloaded": self.layers_offloaded,
            "layers_total": self.layers_total,
            "vision_on_gpu": self.vision_on_gpu,
            "cpu_backend": self.cpu_backend,
            "image_token_budget": self.image_token_budget,
            "context_size": self.context_size,
        }
