"""Which of llama.cpp's compute backends this process uses: the CPU variant and the GPU, loaded by us.

llama.cpp is built with ``GGML_BACKEND_DL`` (see pyproject.toml): the CPU backend exists once per
x86-64 level (``libggml-cpu-x64`` ... ``-haswell`` (AVX2) ... ``-icelake`` (AVX-512 VNNI),
``-alderlake`` (AVX-VNNI), ``-sapphirerapids`` (AMX)) and the GPU backend (Vulkan; Metal on macOS)
is one more library, all in llama-cpp-python's ``llama_cpp/lib`` folder. Nothing is linked in, so
something must load them before the first model: llama.cpp's own ``ggml_backend_load_all()`` looks
next to the *executable* (python) and in the current directory, never in ``llama_cpp/lib``, and
would load whatever ``libggml-*.so`` the current directory holds. :func:`ensure_loaded` loads them
from ``llama_cpp/lib`` only, the same way ggml would: each CPU variant's own
``ggml_backend_score()`` says whether this CPU can run it (0: it cannot) and how good it is, and
the best one is loaded. ``DESKTOP_HELPER_CPU_VARIANT`` forces a lesser variant (tests, or to work
around a bad one). A GPU backend library that cannot load (no Vulkan driver, i.e. no
``libvulkan.so.1`` / ``vulkan-1.dll``) is skipped: the app then runs on the CPU.

A build without ``GGML_BACKEND_DL`` (backends linked in) is handled too: nothing to load, and the
report says "built in".
"""

from __future__ import annotations

import ctypes
import logging
import os
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_helper.platform.system import current_os

log = logging.getLogger(__name__)

#: names a CPU variant to load instead of the best one (e.g. "haswell", "x64"); for tests and workarounds
CPU_VARIANT_ENV = "DESKTOP_HELPER_CPU_VARIANT"

#: GPU backend libraries we load when the GPU is allowed (what llama.cpp may be built with)
GPU_BACKENDS = ("metal", "vulkan", "cuda", "hip", "sycl", "opencl", "musa")
#: accelerator libraries that always help the CPU (Apple's Accelerate BLAS on macOS)
ACCEL_BACKENDS = ("blas",)

# enum ggml_backend_dev_type (ggml-backend.h)
_DEVICE_KINDS = {0: "cpu", 1: "gpu", 2: "igpu", 3: "accel", 4: "meta"}

#: what each CPU variant adds, for people (the variants' names are Intel code names)
CPU_VARIANT_FEATURES = {
    "x64": "x86-64, no SIMD extensions",
    "sse42": "SSE4.2",
    "sandybridge": "AVX",
    "ivybridge": "AVX, F16C",
    "piledriver": "AVX, F16C, FMA",
    "haswell": "AVX2",
    "skylakex": "AVX-512",
    "cannonlake": "AVX-512 VBMI",
    "cascadelake": "AVX-512 VNNI",
    "icelake": "AVX-512 VBMI+VNNI",
    "cooperlake": "AVX-512 VNNI+BF16",
    "zen4": "AVX-512 VBMI+VNNI+BF16",
    "alderlake": "AVX2, AVX-VNNI",
    "sapphirerapids": "AVX-512, AMX",
}

#: variants never chosen automatically, and why; they still load when named in CPU_VARIANT_ENV.
#: The vendored llama.cpp's AMX matrix kernels run tile instructions on an invalid tile configuration
#: (llama.cpp PR #26954): the first prompt of GLM-4.6V-Flash's real Q4_K_M weights dies with SIGILL on
#: an AMX CPU (seen in bench/real_size.py, in our backend and llama-mtmd-cli alike); the tiny test model
#: is too small to reach those kernels. zen4 (AVX-512 VBMI+VNNI+BF16) is the best choice there instead.
NOT_CHOSEN_AUTOMATICALLY = {"sapphirerapids": "llama.cpp's AMX kernels crash with an illegal instruction"}


@dataclass(frozen=True)
class Device:
    """One compute device llama.cpp can use.

    Attributes:
        name: ggml's device name ("CPU", "Vulkan0", "MTL0").
        description: the hardware ("NVIDIA GeForce RTX 3060", "Intel(R) Core(TM) i5-8250U CPU").
        kind: "cpu", "gpu", "igpu" (integrated GPU sharing the RAM) or "accel".
        backend: the backend it belongs to ("CPU", "Vulkan", "Metal").
        memory_total: bytes (0 if unknown).
        memory_free: bytes (0 if unknown).
    """

    name: str
    description: str
    kind: str
    backend: str
    memory_total: int = 0
    memory_free: int = 0

    @property
    def is_gpu(self) -> bool:
        return self.kind in ("gpu", "igpu")

    def label(self) -> str:
        """For people: ``Vulkan0 (NVIDIA GeForce RTX 3060, 12.0 GB)``."""
        details = [self.description] if self.description and self.description != self.name else []
        if self.is_gpu and self.memory_total:
            details.append(f"{self.memory_total / 2**30:.1f} GB")
        return f"{self.name} ({', '.join(details)})" if details else self.name


@dataclass(frozen=True)
class BackendReport:
    """What is loaded.

    Attributes:
        library_dir: where llama-cpp-python's libraries are.
        dynamic: the backends are separate libraries (a ``GGML_BACKEND_DL`` build).
        cpu_variant: the CPU variant in use ("haswell"), "" for a single CPU library, None if built in.
        cpu_variants: every CPU variant shipped, with its score on this CPU (0: cannot run here).
        cpu_forced: the variant came from :data:`CPU_VARIANT_ENV`.
        gpu_libraries: GPU backend libraries shipped ("vulkan").
        gpu_loaded: GPU backends that loaded.
        gpu_failed: GPU backend library -> why it did not load (e.g. no Vulkan driver).
        devices: every device now registered, the CPU included.
        notes: things the user may want to know (a forced variant that cannot run here, ...).
    """

    library_dir: Path
    dynamic: bool
    cpu_variant: str | None
    cpu_variants: dict[str, int] = field(default_factory=dict)
    cpu_forced: bool = False
    gpu_libraries: tuple[str, ...] = ()
    gpu_loaded: tuple[str, ...] = ()
    gpu_failed: dict[str, str] = field(default_factory=dict)
    devices: tuple[Device, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def gpus(self) -> tuple[Device, ...]:
        return tuple(d for d in self.devices if d.is_gpu)

    def cpu_label(self) -> str:
        """For people: ``CPU backend haswell (AVX2)``; ``CPU backend built in`` for a build without variants."""
        if self.cpu_variant is None:
            return "CPU backend built in"
        if not self.cpu_variant:
            return "CPU backend (single build)"
        features = CPU_VARIANT_FEATURES.get(self.cpu_variant)
        forced = ", forced" if self.cpu_forced else ""
        return f"CPU backend {self.cpu_variant} ({features}{forced})" if features else f"CPU backend {self.cpu_variant}{forced}"

    def as_dict(self) -> dict[str, object]:
        """For ``status``, ``ask --json`` and the benches."""
        return {
            "cpu_variant": self.cpu_variant,
            "cpu_variant_features": CPU_VARIANT_FEATURES.get(self.cpu_variant or "", ""),
            "cpu_forced": self.cpu_forced,
            "cpu_variants": dict(self.cpu_variants),
            "gpu_libraries": list(self.gpu_libraries),
            "gpu_loaded": list(self.gpu_loaded),
            "gpu_failed": dict(self.gpu_failed),
            "devices": [
                {
                    "name": d.name,
                    "description": d.description,
                    "kind": d.kind,
                    "backend": d.backend,
                    "memory_total": d.memory_total,
                }
                for d in self.devices
            ],
        }


def library_dir() -> Path:
    """llama-cpp-python's ``llama_cpp/lib`` (imports llama_cpp, which loads libllama and libggml)."""
    import llama_cpp

    return Path(llama_cpp.__file__).resolve().parent / "lib"


def _prefix_and_suffix() -> tuple[str, str]:
    # ggml's own naming (ggml-backend-reg.cpp): [lib]ggml-<name>[-<variant>].<so|dll>; .so on macOS too
    return ("ggml-", ".dll") if current_os() == "windows" else ("libggml-", ".so")


def backend_library(folder: Path, name: str) -> Path:
    """The file of backend ``name`` ("vulkan", "cpu-haswell") in ``folder``."""
    prefix, suffix = _prefix_and_suffix()
    return folder / f"{prefix}{name}{suffix}"


def shipped_cpu_variants(folder: Path) -> list[str]:
    """CPU variants present in ``folder`` ("haswell", "x64", ...), sorted by name."""
    prefix, suffix = _prefix_and_suffix()
    pattern = re.compile(re.escape(f"{prefix}cpu-") + r"(.+)" + re.escape(suffix) + "$")
    return sorted(m.group(1) for p in folder.iterdir() if (m := pattern.match(p.name)))


def shipped_gpu_backends(folder: Path) -> list[str]:
    return [name for name in GPU_BACKENDS if backend_library(folder, name).is_file()]


class _Ggml:
    """The few ggml registry functions we call, from libggml (loader) and libggml-base (devices)."""

    def __init__(self, folder: Path) -> None:
        # libggml-base holds the device functions; on Windows GetProcAddress does not look into a
        # DLL's dependencies, so both are opened
        self._libs = [_open_linked_copy("ggml", folder), _open_linked_copy("ggml-base", folder)]
        p, size = ctypes.c_void_p, ctypes.c_size_t
        self.load = self._fn("ggml_backend_load", p, [ctypes.c_char_p])
        self.reg_count = self._fn("ggml_backend_reg_count", size, [])
        self.reg_get = self._fn("ggml_backend_reg_get", p, [size])
        self.reg_name = self._fn("ggml_backend_reg_name", ctypes.c_char_p, [p])
        self.dev_count = self._fn("ggml_backend_dev_count", size, [])
        self.dev_get = self._fn("ggml_backend_dev_get", p, [size])
        self.dev_name = self._fn("ggml_backend_dev_name", ctypes.c_char_p, [p])
        self.dev_description = self._fn("ggml_backend_dev_description", ctypes.c_char_p, [p])
        self.dev_type = self._fn("ggml_backend_dev_type", ctypes.c_int, [p])
        self.dev_memory = self._fn("ggml_backend_dev_memory", None, [p, ctypes.POINTER(size), ctypes.POINTER(size)])
        self.dev_backend_reg = self._fn("ggml_backend_dev_backend_reg", p, [p])

    def _fn(self, name: str, restype: object, argtypes: list[object]) -> Any:
        for lib in self._libs:
            function = getattr(lib, name, None)
            if function is not None:
                function.restype = restype
                function.argtypes = argtypes
                return function
        raise OSError(f"{name} is not exported by libggml / libggml-base")

    def registered(self) -> list[str]:
        return [(self.reg_name(self.reg_get(i)) or b"").decode() for i in range(self.reg_count())]

    def devices(self) -> tuple[Device, ...]:
        found = []
        for i in range(self.dev_count()):
            dev = self.dev_get(i)
            free, total = ctypes.c_size_t(0), ctypes.c_size_t(0)
            self.dev_memory(dev, ctypes.byref(free), ctypes.byref(total))
            found.append(
                Device(
                    name=(self.dev_name(dev) or b"").decode(errors="replace"),
                    description=(self.dev_description(dev) or b"").decode(errors="replace").strip(),
                    kind=_DEVICE_KINDS.get(int(self.dev_type(dev)), "other"),
                    backend=(self.reg_name(self.dev_backend_reg(dev)) or b"").decode(errors="replace"),
                    memory_total=int(total.value),
                    memory_free=int(free.value),
                )
            )
        return tuple(found)


def _open_linked_copy(name: str, folder: Path) -> ctypes.CDLL:
    """Open library ``name`` as the file libllama and libmtmd are linked against.

    A Linux wheel holds each library as separate files (``libggml.so`` and ``libggml.so.0``: wheels
    cannot hold symlinks), and the dynamic linker treats them as two libraries, each with its own
    backend registry. libllama links the soname file (``libggml.so.0``), so backends must be
    registered there, or llama.cpp reports "no backends are loaded".
    """
    if current_os() == "linux":
        sonames = sorted(folder.glob(f"lib{name}.so.[0-9]*"), key=lambda p: (p.name.count("."), p.name))
        if sonames:
            return ctypes.CDLL(str(sonames[0]))
    import llama_cpp._ctypes_extensions as ctypes_ext

    library: ctypes.CDLL = ctypes_ext.load_shared_library(name, folder)
    return library


def variant_score(path: Path) -> int:
    """``ggml_backend_score()`` of a CPU variant library: 0 when this CPU lacks an instruction it needs.

    Opening a variant is safe on any CPU (ggml itself does it to choose): only its score function runs.
    """
    try:
        library = ctypes.CDLL(str(path))
    except OSError as exc:
        log.info("cannot open %s: %s", path.name, exc)
        return 0
    score = getattr(library, "ggml_backend_score", None)
    if score is None:
        return 0
    score.restype = ctypes.c_int
    score.argtypes = []
    try:
        return int(score())
    finally:
        _close(library)


def _close(library: ctypes.CDLL) -> None:
    # like ggml after scoring: do not keep a dozen unused variants mapped
    import _ctypes

    close = getattr(_ctypes, "FreeLibrary" if current_os() == "windows" else "dlclose", None)
    if close is not None:
        close(library._handle)


class _State:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.ggml: _Ggml | None = None
        self.folder: Path | None = None
        self.dynamic = False
        self.cpu_variant: str | None = None
        self.cpu_variants: dict[str, int] = {}
        self.cpu_forced = False
        self.gpu_tried = False
        self.gpu_loaded: list[str] = []
        self.gpu_failed: dict[str, str] = {}
        self.notes: list[str] = []


_state = _State()


def ensure_loaded(*, gpu: bool, env: dict[str, str] | None = None) -> BackendReport:
    """Load the best CPU variant (once) and, when ``gpu``, the GPU backends (once); report what is loaded.

    Call before the first llama.cpp model or ``llama_backend_init()``. Safe to call again: a later
    call with ``gpu=True`` adds the GPU backends to a process that started CPU-only.
    """
    env = dict(os.environ) if env is None else env
    with _state.lock:
        if _state.ggml is None:
            _state.folder = library_dir()
            _state.ggml = _Ggml(_state.folder)
            _load_cpu(_state, env)
        if gpu and _state.dynamic and not _state.gpu_tried:
            _state.gpu_tried = True
            _load_gpu(_state)
        return _report(_state)


def report() -> BackendReport | None:
    """What is loaded so far (None before :func:`ensure_loaded`)."""
    with _state.lock:
        return _report(_state) if _state.ggml is not None else None


def _load_cpu(state: _State, env: dict[str, str]) -> None:
    assert state.ggml is not None
    assert state.folder is not None
    ggml, folder = state.ggml, state.folder
    if ggml.reg_count() > 0:
        # backends linked into libggml (a build without GGML_BACKEND_DL, e.g. macOS with Metal)
        state.dynamic = False
        state.cpu_variant = None
        log.info("ggml backends already registered: %s", ", ".join(ggml.registered()))
        return
    state.dynamic = True
    for name in ACCEL_BACKENDS:
        path = backend_library(folder, name)
        if path.is_file() and not ggml.load(str(path).encode()):
            log.info("the %s backend in %s did not load", name, path.name)
    variants = shipped_cpu_variants(folder)
    if not variants:
        single = backend_library(folder, "cpu")
        if not single.is_file() or not ggml.load(str(single).encode()):
            raise OSError(f"no CPU backend library (libggml-cpu*) in {folder}")
        state.cpu_variant = ""
        return
    scores = {name: variant_score(backend_library(folder, f"cpu-{name}")) for name in variants}
    state.cpu_variants = scores
    choosable = [name for name in variants if name not in NOT_CHOSEN_AUTOMATICALLY] or variants
    best = max(choosable, key=lambda name: (scores[name], name))
    if scores[best] <= 0:
        raise OSError(f"none of the CPU backend variants in {folder} can run on this CPU ({', '.join(variants)})")
    chosen = best
    wanted = env.get(CPU_VARIANT_ENV, "").strip()
    if wanted:
        if scores.get(wanted, 0) > 0:
            chosen = wanted
            state.cpu_forced = True
        else:
            reason = "is not shipped" if wanted not in scores else "needs instructions this CPU lacks"
            note = f"{CPU_VARIANT_ENV}={wanted} ignored: that CPU variant {reason}; using {best}."
            state.notes.append(note)
            log.warning("%s", note)
    if not ggml.load(str(backend_library(folder, f"cpu-{chosen}")).encode()):
        raise OSError(f"the CPU backend {chosen} did not load from {folder}")
    state.cpu_variant = chosen
    log.info("CPU backend %s (scores on this CPU: %s)", chosen, ", ".join(f"{k}={v}" for k, v in sorted(scores.items())))


def _load_gpu(state: _State) -> None:
    assert state.ggml is not None
    assert state.folder is not None
    for name in shipped_gpu_backends(state.folder):
        path = backend_library(state.folder, name)
        # open it ourselves first: a missing driver (libvulkan.so.1) is an ordinary case, not an error to log
        try:
            ctypes.CDLL(str(path))
        except OSError as exc:
            state.gpu_failed[name] = str(exc)
            log.info("GPU backend %s not usable (no driver?): %s", name, exc)
            continue
        if state.ggml.load(str(path).encode()):
            state.gpu_loaded.append(name)
        else:
            state.gpu_failed[name] = "ggml_backend_load failed"
            log.info("GPU backend %s did not register", name)


def _report(state: _State) -> BackendReport:
    assert state.ggml is not None
    assert state.folder is not None
    folder = state.folder
    return BackendReport(
        library_dir=folder,
        dynamic=state.dynamic,
        cpu_variant=state.cpu_variant,
        cpu_variants=dict(state.cpu_variants),
        cpu_forced=state.cpu_forced,
        gpu_libraries=tuple(shipped_gpu_backends(folder)),
        gpu_loaded=tuple(state.gpu_loaded),
        gpu_failed=dict(state.gpu_failed),
        devices=state.ggml.devices(),
        notes=tuple(state.notes),
    )
