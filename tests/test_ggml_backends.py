"""llama.cpp's loadable backends: the CPU variant chosen for this CPU, a forced lesser one, and Vulkan.

Each case runs in a fresh Python process (``tests/tools/local_model_probe.py`` or a short script)
because ggml loads its backends once per process. The Vulkan case runs on Mesa's software Vulkan
driver (lavapipe, Debian package ``mesa-vulkan-drivers``): ggml-vulkan skips CPU-type Vulkan
devices unless ``GGML_VK_VISIBLE_DEVICES`` names them, so the test names lavapipe's index, which is
also why a machine with only lavapipe never runs the model on it by default.
"""

from __future__ import annotations

import importlib.util
import json
import os
import platform
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from desktop_helper.backends import factory, ggml_backends
from desktop_helper.core.errors import SettingsError
from desktop_helper.settings.store import Settings
from tests.fixtures.tiny_model import TinyModel

ROOT = Path(__file__).resolve().parent.parent
PROBE = ROOT / "tests" / "tools" / "local_model_probe.py"

#: the instruction-set flags (as /proc/cpuinfo names them) each x86-64 CPU variant needs; ggml's own
#: ggml_backend_score() must agree with them
VARIANT_NEEDS: dict[str, set[str]] = {
    "x64": set(),
    "sse42": {"sse4_2"},
    "sandybridge": {"sse4_2", "avx"},
    "ivybridge": {"sse4_2", "avx", "f16c"},
    "piledriver": {"sse4_2", "avx", "f16c", "fma"},
    "haswell": {"sse4_2", "avx", "f16c", "fma", "avx2", "bmi2"},
}
VARIANT_NEEDS["skylakex"] = VARIANT_NEEDS["haswell"] | {"avx512f", "avx512cd", "avx512vl", "avx512dq", "avx512bw"}
VARIANT_NEEDS["cannonlake"] = VARIANT_NEEDS["skylakex"] | {"avx512vbmi"}
VARIANT_NEEDS["cascadelake"] = VARIANT_NEEDS["skylakex"] | {"avx512_vnni"}
VARIANT_NEEDS["icelake"] = VARIANT_NEEDS["skylakex"] | {"avx512vbmi", "avx512_vnni"}
VARIANT_NEEDS["cooperlake"] = VARIANT_NEEDS["skylakex"] | {"avx512_vnni", "avx512_bf16"}
VARIANT_NEEDS["zen4"] = VARIANT_NEEDS["skylakex"] | {"avx512vbmi", "avx512_vnni", "avx512_bf16"}
VARIANT_NEEDS["alderlake"] = VARIANT_NEEDS["haswell"] | {"avx_vnni"}
VARIANT_NEEDS["sapphirerapids"] = VARIANT_NEEDS["zen4"] | {"amx_tile", "amx_int8"}

_REPORT_SCRIPT = """
import json
from desktop_helper.backends import ggml_backends
report = ggml_backends.ensure_loaded(gpu=False)
print(json.dumps({**report.as_dict(), "notes": list(report.notes), "cpu_label": report.cpu_label()}))
"""

x86_64_only = pytest.mark.skipif(platform.machine() not in ("x86_64", "AMD64"), reason="the x86-64 CPU variants")


def _python(args: list[str], env: dict[str, str] | None = None, timeout: float = 300) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, timeout=timeout, env={**os.environ, **(env or {})}, cwd=ROOT
    )
    assert result.returncode == 0, f"exit {result.returncode}\nstdout: {result.stdout[-3000:]}\nstderr: {result.stderr[-3000:]}"
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def _cpu_flags() -> set[str]:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("flags"):
            return set(line.partition(":")[2].split())
    raise AssertionError("no flags line in /proc/cpuinfo")


@x86_64_only
def test_every_x86_variant_is_shipped_and_the_best_one_for_this_cpu_is_loaded() -> None:
    report = _python(["-c", _REPORT_SCRIPT], env={ggml_backends.CPU_VARIANT_ENV: ""})
    scores: dict[str, int] = report["cpu_variants"]
    # one build for every x86-64 CPU: from no SIMD at all (pre-AVX2 CPUs) to AVX-512, AVX-VNNI and AMX
    assert set(VARIANT_NEEDS) <= set(scores), f"missing CPU variants: {set(VARIANT_NEEDS) - set(scores)}"
    flags = _cpu_flags()
    for variant, needs in VARIANT_NEEDS.items():
        runnable = needs <= flags
        assert (scores[variant] > 0) == runnable, (
            f"{variant}: ggml's score {scores[variant]}, /proc/cpuinfo lacks {needs - flags}"
        )
    assert scores["x64"] > 0, "the baseline variant must run on any x86-64 CPU"
    # the AMX variant crashes on real weights (llama.cpp's AMX kernels): never the automatic choice
    automatic = {name: score for name, score in scores.items() if name not in ggml_backends.NOT_CHOSEN_AUTOMATICALLY}
    assert "sapphirerapids" not in automatic
    best = max(automatic, key=lambda name: automatic[name])
    assert report["cpu_variant"] == best
    assert not report["cpu_forced"]
    assert report["cpu_label"].startswith(f"CPU backend {best} (")
    assert [d["kind"] for d in report["devices"]] == ["cpu"]
    # a CPU-only load does not touch a GPU backend, even where one is shipped
    assert report["gpu_loaded"] == []


@x86_64_only
def test_a_forced_lesser_variant_runs_the_model_without_avx(tiny_glm4v: TinyModel) -> None:
    # the x64 variant is what a CPU without AVX2 (or AVX) gets: prove it loads and answers
    result = _python(
        [str(PROBE), str(tiny_glm4v.model), str(tiny_glm4v.mmproj), "--device", "cpu", "--tokens", "6"],
        env={ggml_backends.CPU_VARIANT_ENV: "x64"},
    )
    assert result["backends"]["cpu_variant"] == "x64"
    assert result["backends"]["cpu_forced"]
    assert result["cpu_label"] == "CPU backend x64 (x86-64, no SIMD extensions, forced)"
    assert result["completion_tokens"] > 0
    assert result["image_tokens"] > 0
    assert "CPU backend x64" in result["describe"]
    assert result["load_info"]["summary"] == "CPU only (set to CPU in Settings)"


@x86_64_only
def test_a_forced_variant_this_cpu_cannot_run_is_refused_with_a_note() -> None:
    flags = _cpu_flags()
    impossible = next((v for v, needs in VARIANT_NEEDS.items() if not needs <= flags), "no-such-variant")
    report = _python(["-c", _REPORT_SCRIPT], env={ggml_backends.CPU_VARIANT_ENV: impossible})
    assert report["cpu_variant"] != impossible
    assert not report["cpu_forced"]
    assert report["cpu_variants"][report["cpu_variant"]] > 0
    assert len(report["notes"]) == 1
    assert report["notes"][0].startswith(f"{ggml_backends.CPU_VARIANT_ENV}={impossible} ignored")


def _lavapipe_index() -> int:
    """Index of Mesa's lavapipe among the Vulkan devices (it is the only one on this machine)."""
    icds = list(Path("/usr/share/vulkan/icd.d").glob("lvp_icd*.json"))
    assert icds, "Mesa's software Vulkan driver is missing: apt-get install mesa-vulkan-drivers"
    return 0


def _has_vulkan_backend() -> bool:
    # without importing llama_cpp (which loads libllama) while tests are being collected
    spec = importlib.util.find_spec("llama_cpp")
    if spec is None or spec.origin is None:
        return False
    return ggml_backends.backend_library(Path(spec.origin).parent / "lib", "vulkan").is_file()


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.skipif(
    not _has_vulkan_backend(),
    reason="llama.cpp's Vulkan backend is not installed: run packaging/build_vulkan_backend.sh (.ci/run does)",
)
def test_vulkan_on_lavapipe_gives_the_cpu_backends_greedy_tokens(tiny_glm4v: TinyModel) -> None:
    args = [str(PROBE), str(tiny_glm4v.model), str(tiny_glm4v.mmproj), "--tokens", "24", "--image-side", "448"]
    on_cpu = _python([*args, "--device", "cpu"])
    on_vulkan = _python(
        [*args, "--device", "gpu"],
        # lavapipe is a CPU-type Vulkan device, which ggml-vulkan only uses when asked by index
        env={"GGML_VK_VISIBLE_DEVICES": str(_lavapipe_index())},
        timeout=900,
    )
    vulkan = on_vulkan["load_info"]
    assert on_vulkan["backends"]["gpu_loaded"] == ["vulkan"], on_vulkan["backends"]
    assert vulkan["on_gpu"], on_vulkan["describe"]
    # every layer went to the GPU, and the app says so
    assert vulkan["layers_total"]
    assert vulkan["layers_offloaded"] == vulkan["layers_total"]
    assert len(vulkan["gpu_devices"]) == 1
    assert vulkan["gpu_devices"][0].startswith("Vulkan0 (llvmpipe")
    assert vulkan["summary"].startswith("GPU Vulkan0 (llvmpipe")
    assert f"{vulkan['layers_total']}/{vulkan['layers_total']} layers" in vulkan["summary"]
    assert on_cpu["load_info"]["summary"] == "CPU only (set to CPU in Settings)"
    assert on_cpu["image_tokens"] == on_vulkan["image_tokens"] > 0
    # the same greedy answer from both backends, image encoder included
    assert on_vulkan["completion_tokens"] == on_cpu["completion_tokens"] > 0
    assert on_vulkan["text"] == on_cpu["text"]


@pytest.mark.model
def test_gpu_chosen_without_a_usable_gpu_runs_on_the_cpu_and_says_why(tiny_glm4v: TinyModel) -> None:
    # no Vulkan driver at all: the loader finds no ICD (as on a PC without GPU drivers)
    result = _python(
        [str(PROBE), str(tiny_glm4v.model), str(tiny_glm4v.mmproj), "--device", "gpu", "--tokens", "4"],
        env={"VK_ICD_FILENAMES": "/nonexistent/icd.json", "VK_DRIVER_FILES": "/nonexistent/icd.json"},
    )
    assert not result["load_info"]["on_gpu"]
    assert result["load_info"]["summary"] == "CPU only (no usable GPU)"
    assert result["completion_tokens"] > 0
    assert any(w.startswith("The GPU was chosen in Settings but no usable GPU was found") for w in result["warnings"])


def test_the_device_setting_reaches_the_local_backend(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.json")
    assert settings.get("models.device") == "auto"
    for device in ("auto", "cpu", "gpu"):
        settings.set("models.device", device)
        assert factory.local_from_settings(settings, "model.gguf", "mmproj.gguf").device == device
    with pytest.raises(SettingsError, match="Run the local model on must be one of: auto, cpu, gpu"):
        settings.set("models.device", "cuda")
