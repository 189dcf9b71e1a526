"""GLM-4.6V-Flash in-process on llama.cpp (llama-cpp-python's C API + mtmd), behind :class:`Backend`.

Why not ``Llama.create_chat_completion`` with the stock multimodal handler: it does not forward
template arguments (no thinking switch), cannot cap image tokens, clears the KV cache on every
request (a follow-up question about the same screenshot would re-encode the image and re-read
the whole prompt), and with M-RoPE its bookkeeping of positions vs. tokens does not hold. So this
module drives the C API directly:

* the GGUF's own chat template is rendered here (:mod:`desktop_helper.backends.glm_template`) with
  ``enable_thinking`` and tools;
* images are resized to the image token budget (:mod:`desktop_helper.media.images`) and the mtmd
  context is created with the same cap (``image_max_tokens``), so nothing is resized twice;
* the prompt is kept as a list of *units* (text tokens and whole images, each with its position
  advance and its KV cell count): a new request reuses the longest common prefix already in the
  KV cache and only evaluates the rest. With M-RoPE an image advances positions by
  max(width, height) in tokens but fills width x height cells, so the context accounting counts
  cells, not positions;
* generation samples with GLM's recommended settings, stops on GLM's stop tokens, streams text
  through a splitter that separates ``<think>`` reasoning and ``<tool_call>`` blocks, and checks a
  cancel token between every token and every prompt batch;
* one generation runs at a time per model (a lock); loading reports progress and can be cancelled;
  llama.cpp's logging goes to Python logging; :meth:`LocalGGUFBackend.close` frees everything.
"""

from __future__ import annotations

import codecs
import ctypes
import hashlib
import logging
import os
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Generator, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from desktop_helper.backends.base import (
    GLM_REPEAT_PENALTY,
    GLM_TEMPERATURE,
    GLM_TOP_K,
    GLM_TOP_P,
    Backend,
    CancelToken,
    Capability,
    ChatRequest,
    Done,
    Event,
    ImagesSent,
    OptionSpec,
    PrimeState,
    Progress,
    ProgressCallback,
    TextDelta,
    ThinkingDelta,
    ToolCallEvent,
    Usage,
)
from desktop_helper.backends.glm_template import ChatTemplate, RenderedPrompt
from desktop_helper.backends.speed import TEMPLATE_TOKENS, SpeedBook, SpeedRates
from desktop_helper.backends.splitter import EventSplitter
from desktop_helper.core.errors import BackendError, CancelledError, MediaError, UserError
from desktop_helper.core.i18n import t
from desktop_helper.core.types import FinishReason, ImagePart, Message, Part, VideoPart
from desktop_helper.media.images import fit_image
from desktop_helper.models.memory import MemoryEstimate, available_ram, estimate_for_pair
from desktop_helper.models.pair import ModelPair, check_pair

log = logging.getLogger(__name__)

#: tokens that end GLM's turn besides the vocabulary's end-of-generation set
GLM_STOP_TOKENS = ("<|endoftext|>", "<|user|>", "<|observation|>", "<|code_middle|>")
#: image token budgets chosen from the hardware when the user leaves the setting at 0
BUDGET_CPU = 1024
BUDGET_GPU = 4096
#: the largest cap we ever hand to mtmd ("uncapped")
BUDGET_MAX = 16384
#: what mtmd writes right after an image's embeddings in GLM's prompt: part of a pre-encoded prefix
IMAGE_END_TOKENS = ("<|end_of_image|>", "<|end_of_video|>")
DEFAULT_MAX_TOKENS = 4096
N_UBATCH = 512
N_BATCH = 2048
#: where the model may run (the ``models.device`` setting): auto = the GPU when there is a usable one
DEVICES = ("auto", "cpu", "gpu")


def default_image_token_budget(gpu_offload: bool) -> int:
    """The budget used when the setting is 0: full-HD screenshots uncapped on a GPU, ~1k tokens on a CPU.

    On a CPU the 9B model reads roughly 20-60 prompt tokens per second, so the ~2,700 tokens
    of an uncapped 1920x1080 screenshot cost about a minute before the first word; 1,024
    tokens keep it around 15-30 s while small text stays mostly legible.
    """
    return BUDGET_GPU if gpu_offload else BUDGET_CPU


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
            gpu = f"GPU {', '.join(self.gpu_devices)}" if self.gpu_devices else "GPU"
            vision = "" if self.vision_on_gpu else ", vision encoder on the CPU"
            return f"{gpu}: {self.layers_offloaded}/{self.layers_total} layers{vision}"
        if self.device_setting == "cpu":
            reason = " (set to CPU in Settings)"
        elif self.gpu_offload_supported:
            reason = " (GPU available but not used)"
        else:
            reason = " (no usable GPU)"
        return f"CPU only{reason}"

    def describe(self) -> str:
        cpu = f"; {self.cpu_backend}" if self.cpu_backend else ""
        return (
            f"{self.model_name}: {self.where()}{cpu}; image budget {self.image_token_budget} tokens ({self.budget_source}); "
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


@dataclass(frozen=True)
class _Unit:
    """One element of the evaluated prompt: a text token or a whole image."""

    key: tuple[Any, ...]
    n_pos: int
    n_cells: int


@dataclass
class _RunStats:
    prompt_cells: int = 0
    reused_cells: int = 0
    image_tokens: int = 0
    evaluated_cells: int = 0
    evaluated_image_cells: int = 0
    prompt_seconds: float = 0.0
    image_seconds: float = 0.0
    prepare_seconds: float = 0.0
    image_encode_seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)


class LocalGGUFBackend(Backend):
    """GLM-4.6V-Flash (or another llama.cpp vision model with a GLM template) in this process.

    Construction is cheap; :meth:`load` does the work (call it from a worker at start-up, with a
    progress callback). :meth:`stream` loads on first use if needed, reporting ``Progress``.

    Args:
        model_path: text model GGUF.
        mmproj_path: vision projector GGUF (required: the app is about screenshots).
        threads: CPU threads for text and the vision encoder (0: automatic).
        context_size: KV cache size in tokens (clamped to the model's training context).
        gpu_layers: layers to offload when on the GPU (-1: all, 0: CPU only).
        device: "auto" (the GPU when there is a usable one), "cpu" or "gpu" (see :data:`DEVICES`).
        flash_attention: use flash attention (text and vision).
        image_token_budget: cap per image (0: from the hardware; None: uncapped).
        max_tokens: default cap on answer length.
        seed: sampling seed (-1: random).
        speed_book: where measured speeds are kept (for the chat's time-to-first-answer estimate).
    """

    name = "local_gguf"
    can_prime = True
    capabilities = Capability.IMAGES | Capability.VIDEO | Capability.TOOLS | Capability.THINKING | Capability.GROUNDING
    options = (
        OptionSpec("model_path", str, "", "Text model GGUF file."),
        OptionSpec("mmproj_path", str, "", "Vision projector (mmproj) GGUF file of the same model."),
        OptionSpec("threads", int, 0, "CPU threads for text and vision (0: automatic).", 0, 256),
        OptionSpec("context_size", int, 16384, "Tokens the model can keep in mind.", 512, 131072),
        OptionSpec("gpu_layers", int, -1, "Layers to offload to the GPU (-1: all that fit, 0: CPU only).", -1, 1000),
        OptionSpec("device", str, "auto", "Where the model runs: auto, cpu or gpu."),
        OptionSpec("flash_attention", bool, True, "Flash attention for text and vision."),
        OptionSpec("image_token_budget", int, 0, "Most tokens one image may use (0: chosen from the hardware).", 0, BUDGET_MAX),
        OptionSpec("max_tokens", int, DEFAULT_MAX_TOKENS, "Default cap on answer length.", 1, 131072),
        OptionSpec("seed", int, -1, "Sampling seed (-1: random).", -1, 2**31 - 1),
    )

    def __init__(
        self,
        model_path: str | os.PathLike[str],
        mmproj_path: str | os.PathLike[str] | None,
        *,
        threads: int = 0,
        context_size: int = 16384,
        gpu_layers: int = -1,
        device: str = "auto",
        flash_attention: bool = True,
        image_token_budget: int | None = 0,
        max_tokens: int = DEFAULT_MAX_TOKENS,
        seed: int = -1,
        speed_book: SpeedBook | None = None,
    ) -> None:
        if device not in DEVICES:
            raise ValueError(f"device must be one of {', '.join(DEVICES)}, not {device!r}")
        self.model_path = Path(model_path)
        self.mmproj_path = Path(mmproj_path) if mmproj_path else None
        self.threads = threads
        self.context_size = context_size
        self.gpu_layers = gpu_layers
        self.device = device
        self.flash_attention = flash_attention
        self.requested_budget = image_token_budget
        self.max_tokens = max_tokens
        self.seed = seed
        # _lock guards loading and freeing; _gen_lock makes generations run one at a time (and
        # keeps close() and reset_cache() from pulling the model out from under one)
        self._lock = threading.RLock()
        self._gen_lock = threading.Lock()
        self._gen_owner: int | None = None
        self._free_pending = False
        self._model: Any = None
        self._ctx: Any = None
        self._mtmd: Any = None
        self._vocab: Any = None
        self._batch: Any = None
        self._template: ChatTemplate | None = None
        self._stop_ids: frozenset[int] = frozenset()
        self._units: list[_Unit] = []
        self._n_ctx = 0
        self._budget = 0
        self._load_info: LoadInfo | None = None
        self._pair: ModelPair | None = None
        self._image_cache: OrderedDict[tuple[str, int], tuple[ImagePart, bytes, str]] = OrderedDict()
        # per request: id(sent ImagePart) -> (record, RGB pixels, image id)
        self._pixels: dict[int, tuple[ImagePart, bytes, str]] = {}
        self._keepalive: list[Any] = []
        self._closed = False
        #: the last prompt as rendered (media markers in place of images), for diagnostics and tests
        self.last_prompt = ""
        self.speed_book = speed_book
        #: images run through the vision encoder since loading (a pre-encode joined by Send counts once)
        self.images_encoded = 0
        self._priming = False

    @classmethod
    def from_options(cls, values: dict[str, Any]) -> LocalGGUFBackend:
        """Build from validated option values (see :attr:`options`)."""
        v = cls.validate_options(values)
        budget = v["image_token_budget"]
        return cls(
            v["model_path"],
            v["mmproj_path"] or None,
            threads=v["threads"],
            context_size=v["context_size"],
            gpu_layers=v["gpu_layers"],
            device=v["device"],
            flash_attention=v["flash_attention"],
            image_token_budget=budget,
            max_tokens=v["max_tokens"],
            seed=v["seed"],
        )

    # ------------------------------------------------------------------ loading

    @property
    def loaded(self) -> bool:
        return self._ctx is not None

    @property
    def load_info(self) -> LoadInfo | None:
        return self._load_info

    def runtime(self) -> dict[str, Any]:
        return self._load_info.as_dict() if self._load_info is not None else {}

    @property
    def image_token_budget(self) -> int:
        """The effective cap per image (known after loading)."""
        return self._budget

    @property
    def context_tokens_used(self) -> int:
        """KV cells the cached prompt occupies (real token count, images included)."""
        return sum(u.n_cells for u in self._units)

    def load(self, progress: ProgressCallback | None = None, cancel: CancelToken | None = None) -> LoadInfo:
        """Check the files, estimate memory, load model + projector, and warm up.

        Args:
            progress: ``(fraction, text)`` callback, called from this thread.
            cancel: stops loading between steps and during the weights load.

        Raises:
            BackendError: for bad files, out-of-memory and other load failures.
            CancelledError: when cancelled (nothing stays allocated).
        """
        with self._lock:
            if self._closed:
                raise BackendError(t("The local model was closed."), t("Restart the model from Settings > Models."))
            if self._ctx is not None and self._load_info is not None:
                return self._load_info
            started = time.monotonic()
            report = progress or (lambda _f, _t: None)
            report(0.0, t("Checking the model files"))
            pair = check_pair(self.model_path, self.mmproj_path)
            self._pair = pair
            import llama_cpp
            import llama_cpp.mtmd_cpp as mtmd

            from desktop_helper.backends import ggml_backends, llama_logging

            llama_logging.install()
            try:
                # the CPU variant for this CPU, and the GPU backend unless the user chose the CPU
                runtime = ggml_backends.ensure_loaded(gpu=self.device != "cpu")
            except OSError as exc:
                raise BackendError(
                    f"llama.cpp's compute libraries could not be loaded: {exc}.",
                    "Reinstall Desktop Helper; if it persists, report it with the log file.",
                ) from exc
            _backend_init()
            warnings: list[str] = list(runtime.notes)
            gpus = runtime.gpus if self.device != "cpu" else ()
            gpu_supported = bool(gpus) and bool(llama_cpp.llama_supports_gpu_offload())
            want_gpu = gpu_supported and self.gpu_layers != 0
            if self.device == "gpu" and not gpu_supported:
                failed = "; ".join(f"{name}: {why}" for name, why in runtime.gpu_failed.items())
                warnings.append(
                    "The GPU was chosen in Settings but no usable GPU was found"
                    + (f" ({failed})" if failed else "")
                    + ": the model runs on the CPU. Install or update the graphics driver (Vulkan)."
                )
            budget, source = self._choose_budget(want_gpu)
            n_ctx = self._choose_context(pair)
            memory = estimate_for_pair(
                pair,
                context_size=n_ctx,
                image_tokens=budget,
                flash_attention=self.flash_attention,
                available=available_ram(),
            )
            warnings += [w for w in (memory.warning(),) if w]
            for warning in warnings:
                log.warning("%s", warning)
            log.info("loading %s + %s; estimate %s", pair.model.path, self.mmproj_path, memory.summary())
            if cancel is not None and cancel.cancelled:
                raise CancelledError("model load cancelled")

            llama_logging.clear_recent()
            report(0.05, t("Loading {name}", name=pair.name))
            threads = _auto_threads() if self.threads <= 0 else self.threads
            model_params = llama_cpp.llama_model_default_params()
            model_params.n_gpu_layers = -1 if self.gpu_layers < 0 else self.gpu_layers
            if not want_gpu:
                model_params.n_gpu_layers = 0
                # no device list at all, not just no layers: a loaded GPU backend would still take
                # large matrix products off the CPU ("op offload") and hold GPU memory
                no_devices = (ctypes.c_void_p * 1)(None)
                self._keepalive.append(no_devices)
                model_params.devices = ctypes.cast(no_devices, ctypes.c_void_p)
                # On the CPU llama.cpp repacks most weights into its own layout while loading; with the
                # file memory-mapped, the mapped pages stay resident beside the repacked copy (the 9B
                # Q4_K_M then holds ~9.5 GB instead of ~6.5). Reading the file instead keeps one copy.
                model_params.load_mode = llama_cpp.LLAMA_LOAD_MODE_NONE

            last_reported = [-1.0]

            @llama_cpp.llama_progress_callback
            def _on_progress(fraction: float, _user: ctypes.c_void_p) -> bool:
                try:
                    # llama.cpp calls this per tensor; report in 5 % steps
                    if fraction >= 1.0 or fraction - last_reported[0] >= 0.05:
                        last_reported[0] = fraction
                        report(0.05 + 0.75 * float(fraction), t("Loading {name}", name=pair.name))
                except Exception:
                    log.exception("load progress callback failed")
                return not (cancel is not None and cancel.cancelled)

            self._keepalive.append(_on_progress)
            model_params.progress_callback = _on_progress
            model = llama_cpp.llama_model_load_from_file(str(pair.model.path).encode(), model_params)
            if not model:
                if cancel is not None and cancel.cancelled:
                    raise CancelledError("model load cancelled")
                raise BackendError(
                    t("llama.cpp could not load {name}. {detail}", name=pair.model.path.name, detail=_last_error()).strip(),
                    t(
                        "The file may be damaged or too large for the free memory: check the memory estimate, close other "
                        "programs, or pick a smaller quantization."
                    ),
                )
            try:
                ctx_params = llama_cpp.llama_context_default_params()
                ctx_params.n_ctx = n_ctx
                ctx_params.n_batch = min(N_BATCH, n_ctx)
                ctx_params.n_ubatch = min(N_UBATCH, n_ctx)
                ctx_params.n_threads = threads
                ctx_params.n_threads_batch = threads
                ctx_params.no_perf = False
                ctx_params.flash_attn_type = (
                    llama_cpp.LLAMA_FLASH_ATTN_TYPE_ENABLED if self.flash_attention else llama_cpp.LLAMA_FLASH_ATTN_TYPE_DISABLED
                )
                report(0.82, t("Allocating the context"))
                ctx = llama_cpp.llama_init_from_model(model, ctx_params)
                if not ctx:
                    raise BackendError(
                        t(
                            "Not enough memory for a {n_ctx}-token context with {name}. {detail}",
                            n_ctx=n_ctx,
                            name=pair.name,
                            detail=_last_error(),
                        ).strip(),
                        t("Lower the context size in Settings > Models, or close other programs."),
                    )
                try:
                    report(0.88, t("Loading the vision projector"))
                    mparams = mtmd.mtmd_context_params_default()
                    mparams.use_gpu = want_gpu
                    mparams.n_threads = threads
                    mparams.print_timings = False
                    mparams.flash_attn_type = ctx_params.flash_attn_type
                    mparams.image_max_tokens = budget
                    mparams.warmup = True
                    assert self.mmproj_path is not None  # check_pair requires it
                    mctx = mtmd.mtmd_init_from_file(str(self.mmproj_path).encode(), model, mparams)
                    if not mctx:
                        raise BackendError(
                            t(
                                "llama.cpp could not use the vision projector {mmproj} with {model}. {detail}",
                                mmproj=self.mmproj_path.name,
                                model=pair.model.path.name,
                                detail=_last_error(),
                            ).strip(),
                            t("Use the mmproj file published with this model, and check the free memory."),
                        )
                    if not mtmd.mtmd_support_vision(mctx):
                        mtmd.mtmd_free(mctx)
                        raise BackendError(
                            t("{name} has no vision encoder.", name=self.mmproj_path.name),
                            t("Choose the model's vision mmproj file."),
                        )
                except BaseException:
                    llama_cpp.llama_free(ctx)
                    raise
            except BaseException:
                llama_cpp.llama_model_free(model)
                raise
            self._model, self._ctx, self._mtmd = model, ctx, mctx
            self._vocab = llama_cpp.llama_model_get_vocab(model)
            self._n_ctx = int(llama_cpp.llama_n_ctx(ctx))
            self._batch = llama_cpp.llama_batch_init(min(N_BATCH, self._n_ctx), 0, 1)
            self._budget = budget
            template_source = pair.model.get("tokenizer.chat_template") or ""
            self._template = ChatTemplate(str(template_source))
            self._stop_ids = frozenset(self._special_ids(GLM_STOP_TOKENS))
            self._units = []
            offloaded, total = _offload_from_log(llama_logging.recent_lines())
            if total is None:
                # llama.cpp only logs the offload with a GPU device; it counts the output layer too
                offloaded, total = 0, int(llama_cpp.llama_model_n_layer(model)) + 1
            if want_gpu and not offloaded:
                warnings.append("GPU offload was requested but llama.cpp put no layers on the GPU: the model runs on the CPU.")
                log.warning("%s", warnings[-1])
            info = LoadInfo(
                model_name=pair.name,
                gpu_offload_supported=gpu_supported,
                layers_offloaded=offloaded,
                layers_total=total,
                image_token_budget=budget,
                budget_source=source,
                context_size=self._n_ctx,
                memory=memory,
                seconds=time.monotonic() - started,
                warnings=tuple(warnings),
                device_setting=self.device,
                gpu_devices=tuple(d.label() for d in gpus) if want_gpu else (),
                vision_on_gpu=want_gpu,
                cpu_backend=runtime.cpu_label(),
            )
            self._load_info = info
            log.info("local model ready: %s", info.describe())
            report(1.0, t("Model ready"))
            return info

    def _choose_budget(self, gpu: bool) -> tuple[int, str]:
        if self.requested_budget is None:
            return BUDGET_MAX, "uncapped"
        if self.requested_budget > 0:
            return min(self.requested_budget, BUDGET_MAX), "setting"
        return default_image_token_budget(gpu), ("GPU default" if gpu else "CPU default")

    def _choose_context(self, pair: ModelPair) -> int:
        n_ctx = self.context_size
        if pair.text.n_ctx_train and n_ctx > pair.text.n_ctx_train:
            log.info("context %d exceeds the model's training context %d; using the latter", n_ctx, pair.text.n_ctx_train)
            n_ctx = pair.text.n_ctx_train
        return max(512, n_ctx)

    def _special_ids(self, texts: Sequence[str]) -> list[int]:
        ids = []
        for text in texts:
            tokens = self._tokenize(text)
            if len(tokens) == 1:
                ids.append(tokens[0])
        return ids

    def reset_cache(self) -> None:
        """Forget the cached prompt (KV cache) and resized images, e.g. for a new chat."""
        import llama_cpp

        if self._gen_owner == threading.get_ident():
            raise RuntimeError("reset_cache() inside a running generation of the same thread")
        with self._gen_lock, self._lock:
            if self._ctx is not None:
                llama_cpp.llama_memory_clear(llama_cpp.llama_get_memory(self._ctx), True)
            self._units = []
            self._image_cache.clear()

    def close(self) -> None:
        """Free the model, contexts and buffers.

        A generation running on another thread is waited for (cancel it first for a quick close).
        A generation this very thread has suspended (an unfinished stream iterator) ends at its
        next step and frees everything then.
        """
        self._closed = True
        if self._gen_owner == threading.get_ident():
            self._free_pending = True
            return
        with self._gen_lock:
            self._free()

    def _free(self) -> None:
        import llama_cpp

        with self._lock:
            self._free_pending = False
            if self._batch is not None:
                llama_cpp.llama_batch_free(self._batch)
                self._batch = None
            if self._mtmd is not None:
                import llama_cpp.mtmd_cpp as mtmd

                mtmd.mtmd_free(self._mtmd)
                self._mtmd = None
            if self._ctx is not None:
                llama_cpp.llama_free(self._ctx)
                self._ctx = None
            if self._model is not None:
                llama_cpp.llama_model_free(self._model)
                self._model = None
            self._units = []
            self._image_cache.clear()
            self._keepalive.clear()

    def __enter__(self) -> LocalGGUFBackend:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ generation

    def stream(self, request: ChatRequest, cancel: CancelToken | None = None) -> Iterator[Event]:
        if not request.messages:
            raise BackendError(t("There is nothing to answer."), t("Type a question first."))
        if self._closed:
            raise BackendError(t("The local model was closed."), t("Restart the model from Settings > Models."))
        return _guarded(self._generate(request, cancel or CancelToken()))

    def _generate(self, request: ChatRequest, cancel: CancelToken) -> Iterator[Event]:
        if not self._gen_lock.acquire(blocking=False):
            # a running pre-encode is this request's own prefix: waiting for it continues that work
            yield Progress(t("Finishing reading the image") if self._priming else t("Waiting for the previous answer to finish"))
            self._gen_lock.acquire()
        self._gen_owner = threading.get_ident()
        try:
            if self._closed:
                raise BackendError(t("The local model was closed."), t("Restart the model from Settings > Models."))
            if self._ctx is None:
                yield from self._load_with_events(cancel)
            yield from self._run(request, cancel)
        finally:
            self._gen_owner = None
            self._gen_lock.release()
            if self._free_pending:
                self._free()

    def _load_with_events(self, cancel: CancelToken) -> Iterator[Event]:
        # load() reports through a callback; forward the reports as events from this generator
        reports: list[Progress] = []
        self.load(lambda f, t: reports.append(Progress(t, f)), cancel)
        yield from reports

    def _run(self, request: ChatRequest, cancel: CancelToken) -> Iterator[Event]:
        import llama_cpp
        import llama_cpp.mtmd_cpp as mtmd

        started = time.monotonic()
        stats = _RunStats()
        rendered = self._render(request)
        self.last_prompt = rendered.text
        if rendered.images:
            yield ImagesSent(tuple(rendered.images))
            count = len(rendered.images)
            yield Progress(t("Reading 1 image") if count == 1 else t("Reading {count} images", count=count))
        chunks = self._tokenize_prompt(rendered.text, rendered.images)
        stats.prepare_seconds = time.monotonic() - started
        try:
            units, sources = self._units_of(chunks)
            stats.prompt_cells = sum(u.n_cells for u in units)
            stats.image_tokens = sum(u.n_cells for u in units if u.key[0] == "image")
            max_new = request.max_tokens or self.max_tokens
            if stats.prompt_cells + 1 > self._n_ctx:
                raise BackendError(
                    t(
                        "The conversation needs {prompt_cells:,} tokens but the context holds {n_ctx:,}.",
                        prompt_cells=stats.prompt_cells,
                        n_ctx=self._n_ctx,
                    ),
                    t("Start a new chat, lower the image token budget, or raise the context size in Settings > Models."),
                )
            max_new = min(max_new, self._n_ctx - stats.prompt_cells)
            keep = self._reuse_prefix(units)
            stats.reused_cells = sum(u.n_cells for u in units[:keep])
            n_past = sum(u.n_pos for u in units[:keep])
            prompt_started = time.monotonic()
            n_past = yield from self._evaluate(
                units=units, sources=sources, start=keep, n_past=n_past, cancel=cancel, stats=stats
            )
            stats.prompt_seconds = time.monotonic() - prompt_started
        finally:
            mtmd.mtmd_input_chunks_free(chunks)
            self._pixels = {}
        if cancel.cancelled:
            yield Usage(
                stats.prompt_cells, 0, stats.image_tokens, stats.reused_cells, self._timings(stats, started, None, 0, 0.0)
            )
            yield Done(FinishReason.CANCELLED)
            return

        sampler = self._make_sampler(request)
        splitter = EventSplitter(request.tools, parse_calls=True)
        decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        buffer = ctypes.create_string_buffer(256)
        produced = 0
        first_token_at: float | None = None
        generation_started = time.monotonic()
        reason = FinishReason.LENGTH
        try:
            while produced < max_new:
                if cancel.cancelled or self._closed:
                    reason = FinishReason.CANCELLED
                    break
                token = llama_cpp.llama_sampler_sample(sampler, self._ctx, -1)
                if first_token_at is None:
                    first_token_at = time.monotonic()
                if token in self._stop_ids or llama_cpp.llama_vocab_is_eog(self._vocab, token):
                    reason = FinishReason.STOP
                    break
                produced += 1
                n = llama_cpp.llama_token_to_piece(self._vocab, token, buffer, len(buffer), 0, True)
                piece = decoder.decode(buffer.raw[: max(0, n)])
                for event in splitter.feed(piece):
                    yield event
                # the sampled token must be evaluated before the next one can be sampled
                self._decode_tokens([token], n_past, logits_last=True)
                self._units.append(_Unit(("text", token), 1, 1))
                n_past += 1
            tail = decoder.decode(b"", final=True)
            for event in [*splitter.feed(tail), *splitter.finish()]:
                yield event
        finally:
            llama_cpp.llama_sampler_free(sampler)
        if splitter.produced_calls and reason is FinishReason.STOP:
            reason = FinishReason.TOOL_CALLS
        generation_seconds = time.monotonic() - generation_started
        ttft = (first_token_at - started) if first_token_at is not None else None
        timings = self._timings(stats, started, ttft, produced, generation_seconds)
        self._record_speed(timings)
        yield Usage(
            prompt_tokens=stats.prompt_cells,
            completion_tokens=produced,
            image_tokens=stats.image_tokens,
            cached_tokens=stats.reused_cells,
            timings=timings,
        )
        yield Done(reason)

    def _timings(self, stats: _RunStats, started: float, ttft: float | None, produced: int, gen_s: float) -> dict[str, float]:
        timings = {
            "prompt_seconds": round(stats.prompt_seconds, 4),
            "image_seconds": round(stats.image_seconds, 4),
            "prepare_seconds": round(stats.prepare_seconds, 4),
            "image_encode_seconds": round(stats.image_encode_seconds, 4),
            "total_seconds": round(time.monotonic() - started, 4),
            "evaluated_prompt_tokens": float(stats.evaluated_cells),
            "evaluated_image_tokens": float(stats.evaluated_image_cells),
        }
        if ttft is not None:
            timings["ttft_seconds"] = round(ttft, 4)
        if produced and gen_s > 0:
            timings["tokens_per_second"] = round(produced / gen_s, 2)
        return timings

    # ------------------------------------------------------------------ prompt handling

    def _render(self, request: ChatRequest) -> RenderedPrompt:
        """The request's prompt as the model reads it: images fitted to the budget (pixels kept in ``_pixels``)."""
        import llama_cpp.mtmd_cpp as mtmd

        assert self._template is not None
        budget = self._budget if request.image_token_budget is None else max(1, min(request.image_token_budget, self._budget))
        self._pixels = {}
        try:
            messages = [self._with_budget(m, budget) for m in request.messages]
        except MediaError as exc:
            raise BackendError(exc.message, exc.fix) from exc
        marker = mtmd.mtmd_default_marker().decode("utf-8")
        return self._template.render(messages, media_marker=marker, thinking=request.thinking, tools=request.tools)

    def _with_budget(self, message: Message, budget: int) -> Message:
        if not any(isinstance(p, (ImagePart, VideoPart)) for p in message.parts):
            return message
        parts: list[Part] = []
        for part in message.parts:
            if isinstance(part, ImagePart):
                parts.append(self._resized(part, budget))
            elif isinstance(part, VideoPart):
                parts.append(replace(part, frames=tuple(self._resized(f, budget) for f in part.frames)))
            else:
                parts.append(part)
        return replace(message, parts=tuple(parts))

    def _resized(self, part: ImagePart, budget: int) -> ImagePart:
        """``part`` as sent at ``budget``; its raw RGB pixels are kept for mtmd (see _tokenize_prompt).

        The pixels go to mtmd as a raw RGB bitmap: no PNG encode here and no second decode in
        llama.cpp. The returned ImagePart (the record of what the model saw: size, geometry) reuses
        the original bytes when no resize was needed, else a quickly compressed PNG.
        """
        digest = hashlib.sha256(part.data).hexdigest()
        key = (digest, budget)
        cached = self._image_cache.get(key)
        if cached is not None:
            self._image_cache.move_to_end(key)
        else:
            fitted = fit_image(part, budget, keep_pixels=True, png_level=1)  # the record only has to be fast
            cached = (fitted.part, fitted.rgb or b"", f"{digest[:32]}-{budget}")
            self._image_cache[key] = cached
            while len(self._image_cache) > 16:
                self._image_cache.popitem(last=False)
        record = cached[0]
        self._pixels[id(record)] = cached
        return record

    def _tokenize_prompt(self, text: str, images: Sequence[ImagePart]) -> Any:
        import llama_cpp.mtmd_cpp as mtmd

        bitmaps = []
        try:
            for index, image in enumerate(images):
                _record, rgb, identity = self._pixels[id(image)]
                array = (ctypes.c_uint8 * len(rgb)).from_buffer_copy(rgb)
                bitmap = mtmd.mtmd_bitmap_init(image.width, image.height, array)
                if not bitmap:
                    label = f" ({image.name})" if image.name else ""
                    raise BackendError(
                        t("Image {value}{label} could not be handed to llama.cpp.", value=index + 1, label=label),
                        t("Check the free memory, or try a smaller image token budget."),
                    )
                # the id makes an identical image recognisable across requests (prefix reuse)
                mtmd.mtmd_bitmap_set_id(bitmap, identity.encode())
                bitmaps.append(bitmap)
            encoded = text.encode("utf-8")
            input_text = mtmd.mtmd_input_text()
            input_text.text = encoded
            input_text.text_len = len(encoded)
            input_text.add_special = False  # the template writes [gMASK]<sop> itself
            input_text.parse_special = True
            chunks = mtmd.mtmd_input_chunks_init()
            array_type = mtmd.mtmd_bitmap_p_ctypes * max(1, len(bitmaps))
            result = mtmd.mtmd_tokenize(self._mtmd, chunks, ctypes.byref(input_text), array_type(*bitmaps), len(bitmaps))
            if result != 0:
                mtmd.mtmd_input_chunks_free(chunks)
                raise BackendError(
                    t("The prompt could not be prepared for the model (mtmd error {result}).", result=result),
                    t("Try again with fewer or smaller images."),
                )
            return chunks
        finally:
            for bitmap in bitmaps:
                mtmd.mtmd_bitmap_free(bitmap)

    def _units_of(self, chunks: Any) -> tuple[list[_Unit], list[tuple[int, Any]]]:
        """Flatten mtmd chunks into units; ``sources[i]`` says how to evaluate unit i."""
        import llama_cpp.mtmd_cpp as mtmd

        units: list[_Unit] = []
        sources: list[tuple[int, Any]] = []
        for index in range(mtmd.mtmd_input_chunks_size(chunks)):
            chunk = mtmd.mtmd_input_chunks_get(chunks, index)
            kind = mtmd.mtmd_input_chunk_get_type(chunk)
            if kind == mtmd.MTMD_INPUT_CHUNK_TYPE_TEXT:
                count = ctypes.c_size_t()
                pointer = mtmd.mtmd_input_chunk_get_tokens_text(chunk, ctypes.byref(count))
                for i in range(count.value):
                    token = int(pointer[i])
                    units.append(_Unit(("text", token), 1, 1))
                    sources.append((0, token))
            else:
                identity = (mtmd.mtmd_input_chunk_get_id(chunk) or b"").decode()
                n_cells = int(mtmd.mtmd_input_chunk_get_n_tokens(chunk))
                n_pos = int(mtmd.mtmd_input_chunk_get_n_pos(chunk))
                units.append(_Unit(("image", identity, n_cells, n_pos), n_pos, n_cells))
                sources.append((1, chunk))
        return units, sources

    def _reuse_prefix(self, units: list[_Unit]) -> int:
        """Keep the longest cached prefix of ``units`` in the KV cache; return its length."""
        import llama_cpp

        keep = 0
        for cached, new in zip(self._units, units, strict=False):
            if cached.key != new.key:
                break
            keep += 1
        if keep == len(units):
            # everything is cached, but the last token must be evaluated again for its logits
            keep -= 1
        memory = llama_cpp.llama_get_memory(self._ctx)
        position = sum(u.n_pos for u in units[:keep])
        if keep == 0 or not llama_cpp.llama_memory_seq_rm(memory, 0, position, -1):
            llama_cpp.llama_memory_clear(memory, True)
            keep = 0
        self._units = self._units[:keep]
        return keep

    def _evaluate(
        self,
        *,
        units: list[_Unit],
        sources: list[tuple[int, Any]],
        start: int,
        n_past: int,
        cancel: CancelToken,
        stats: _RunStats,
    ) -> Generator[Event, None, int]:
        """Evaluate ``units[start:]``; yields progress; returns the new position (generator return)."""
        import llama_cpp
        import llama_cpp.mtmd_cpp as mtmd

        n_batch = int(llama_cpp.llama_n_batch(self._ctx))
        index = start
        total = len(units)
        images_done = 0
        while index < total:
            if cancel.cancelled:
                return n_past
            kind, source = sources[index]
            if kind == 1:
                images_done += 1
                yield Progress(
                    t("Encoding image {images_done} ({n_cells} tokens)", images_done=images_done, n_cells=units[index].n_cells),
                    index / total,
                )
                # what mtmd_helper_eval_chunk_single does, in its two steps, to time the vision encoder alone
                began = time.monotonic()
                result = mtmd.mtmd_encode_chunk(self._mtmd, source)
                stats.image_encode_seconds += time.monotonic() - began
                new_n_past = llama_cpp.llama_pos(0)
                if result == 0:
                    embeddings = mtmd.mtmd_get_output_embd(self._mtmd)
                    result = mtmd.mtmd_helper_decode_image_chunk(
                        self._mtmd,
                        self._ctx,
                        source,
                        embeddings,
                        n_past,
                        0,
                        n_batch,
                        ctypes.byref(new_n_past),
                        mtmd.mtmd_helper_post_decode_callback(),  # NULL: no per-batch callback
                        None,
                    )
                stats.image_seconds += time.monotonic() - began
                if result != 0:
                    self._forget_cache()
                    raise BackendError(
                        t(
                            "llama.cpp could not process image {images_done} (error {result}); the computer may be out of "
                            "memory.",
                            images_done=images_done,
                            result=result,
                        ),
                        t("Lower the image token budget or the context size in Settings > Models."),
                    )
                n_past = int(new_n_past.value)
                stats.evaluated_cells += units[index].n_cells
                stats.evaluated_image_cells += units[index].n_cells
                self.images_encoded += 1
                self._units.append(units[index])
                index += 1
                continue
            end = index
            while end < total and sources[end][0] == 0 and end - index < n_batch:
                end += 1
            tokens = [int(sources[i][1]) for i in range(index, end)]
            if len(tokens) > 64:
                yield Progress(t("Reading the prompt ({end}/{total} tokens)", end=end, total=total), end / total)
            self._decode_tokens(tokens, n_past, logits_last=end == total)
            self._units.extend(units[index:end])
            stats.evaluated_cells += len(tokens)
            n_past += len(tokens)
            index = end
        return n_past

    def _decode_tokens(self, tokens: Sequence[int], n_past: int, *, logits_last: bool) -> None:
        import llama_cpp

        batch = self._batch
        batch.n_tokens = len(tokens)
        for i, token in enumerate(tokens):
            batch.token[i] = token
            batch.pos[i] = n_past + i
            batch.n_seq_id[i] = 1
            batch.seq_id[i][0] = 0
            batch.logits[i] = False
        if logits_last:
            batch.logits[len(tokens) - 1] = True
        result = llama_cpp.llama_decode(self._ctx, batch)
        if result != 0:
            self._forget_cache()
            raise BackendError(
                t(
                    "llama.cpp failed to process the prompt (error {result}): the context may be full or memory exhausted.",
                    result=result,
                ),
                t("Start a new chat, or lower the context size or image token budget in Settings > Models."),
            )

    def _forget_cache(self) -> None:
        # after a failed decode the KV cache may hold part of a batch: start the next request clean
        import llama_cpp

        llama_cpp.llama_memory_clear(llama_cpp.llama_get_memory(self._ctx), True)
        self._units = []

    def _make_sampler(self, request: ChatRequest) -> Any:
        import llama_cpp

        temperature = GLM_TEMPERATURE if request.temperature is None else request.temperature
        top_p = GLM_TOP_P if request.top_p is None else request.top_p
        top_k = GLM_TOP_K if request.top_k is None else request.top_k
        repeat = GLM_REPEAT_PENALTY if request.repeat_penalty is None else request.repeat_penalty
        chain = llama_cpp.llama_sampler_chain_init(llama_cpp.llama_sampler_chain_default_params())
        if repeat and repeat != 1.0:
            n_vocab = llama_cpp.llama_vocab_n_tokens(self._vocab)
            llama_cpp.llama_sampler_chain_add(chain, llama_cpp.llama_sampler_init_penalties(n_vocab, 64, repeat, 0.0, 0.0))
        if temperature <= 0:
            llama_cpp.llama_sampler_chain_add(chain, llama_cpp.llama_sampler_init_greedy())
            return chain
        if top_k and top_k > 0:
            llama_cpp.llama_sampler_chain_add(chain, llama_cpp.llama_sampler_init_top_k(top_k))
        if top_p and top_p < 1.0:
            llama_cpp.llama_sampler_chain_add(chain, llama_cpp.llama_sampler_init_top_p(top_p, 1))
        llama_cpp.llama_sampler_chain_add(chain, llama_cpp.llama_sampler_init_temp(temperature))
        seed = self.seed if self.seed >= 0 else int.from_bytes(os.urandom(4), "little")
        llama_cpp.llama_sampler_chain_add(chain, llama_cpp.llama_sampler_init_dist(seed))
        return chain

    def _tokenize(self, text: str) -> list[int]:
        import llama_cpp

        data = text.encode("utf-8")
        capacity = len(data) + 8
        tokens = (llama_cpp.llama_token * capacity)()
        count = llama_cpp.llama_tokenize(self._vocab, data, len(data), tokens, capacity, False, True)
        return [int(tokens[i]) for i in range(max(0, count))]

    # ------------------------------------------------------------------ pre-encoding (issue 20)

    def prime(self, request: ChatRequest, cancel: CancelToken | None = None) -> Iterator[PrimeState]:
        """Evaluate the prompt up to the end of its last image into the KV cache (see :meth:`Backend.prime`).

        Yields a :class:`PrimeState` before each image or large text batch and a finished one at
        the end. What was evaluated before a cancel stays cached, so a replacing pre-encode (or
        the send) starts from there. Nothing is yielded when the request has no image.
        """
        if self._closed:
            raise BackendError(t("The local model was closed."), t("Restart the model from Settings > Models."))
        return self._prime(request, cancel or CancelToken())

    def speed_rates(self) -> SpeedRates | None:
        return self.speed_book.rates(self._speed_key()) if self.speed_book is not None else None

    def question_tokens(self, text: str) -> int | None:
        if self._vocab is None:
            return None
        # the question follows the image on a new line; the template closes the turn after it
        return len(self._tokenize("\n" + text)) + TEMPLATE_TOKENS if text else TEMPLATE_TOKENS

    def _prime(self, request: ChatRequest, cancel: CancelToken) -> Iterator[PrimeState]:
        # a replaced pre-encode must not queue behind the work it was replaced by: give up once cancelled
        while not self._gen_lock.acquire(timeout=0.1):
            if cancel.cancelled:
                return
        self._gen_owner = threading.get_ident()
        self._priming = True
        try:
            if self._closed or cancel.cancelled:
                return
            if self._ctx is None:
                self.load(None, cancel)
            yield from self._prime_prefix(request, cancel)
        finally:
            self._priming = False
            self._gen_owner = None
            self._gen_lock.release()
            if self._free_pending:
                self._free()

    def _prime_prefix(self, request: ChatRequest, cancel: CancelToken) -> Iterator[PrimeState]:
        import llama_cpp.mtmd_cpp as mtmd

        started = time.monotonic()
        try:
            rendered = self._render(request)
            if not rendered.images:
                return
            chunks = self._tokenize_prompt(rendered.text, rendered.images)
        finally:
            self._pixels = {}
        prepared = time.monotonic() - started
        try:
            units, sources = self._units_of(chunks)
            # the prefix ends with the last image (and the marker closing it): what follows depends on the question
            cut = 1 + max(i for i, unit in enumerate(units) if unit.key[0] == "image")
            closing = frozenset(self._special_ids(IMAGE_END_TOKENS))
            while cut < len(units) and units[cut].key[0] == "text" and units[cut].key[1] in closing:
                cut += 1
            units, sources = units[:cut], sources[:cut]
            image_total = sum(u.n_cells for u in units if u.key[0] == "image")
            text_total = sum(u.n_cells for u in units) - image_total
            if image_total + text_total + 1 > self._n_ctx:
                return  # too long for the context: the send says so, with what to do
            cached = 0
            for old, new in zip(self._units, units, strict=False):
                if old.key != new.key:
                    break
                cached += 1
            if cached < cut:
                # keep the longest cached prefix (and the conversation after it, if all of it is cached)
                keep = self._reuse_prefix(units)
                yield _prime_state(self._units, units, sources, image_total, text_total)
                stats = _RunStats(prepare_seconds=prepared)
                n_past = sum(u.n_pos for u in units[:keep])
                evaluation_started = time.monotonic()
                evaluation = self._evaluate(units=units, sources=sources, start=keep, n_past=n_past, cancel=cancel, stats=stats)
                try:
                    for _progress in evaluation:
                        # _evaluate reports before each piece: a cancel seen here skips that piece
                        if cancel.cancelled:
                            return
                        yield _prime_state(self._units, units, sources, image_total, text_total)
                        if cancel.cancelled:
                            return
                finally:
                    evaluation.close()
                if cancel.cancelled:
                    return
                stats.prompt_seconds = time.monotonic() - evaluation_started
                timings = self._timings(stats, started, None, 0, 0.0)
                self._record_speed(timings)
            else:
                timings = {}
            yield PrimeState(image_total, text_total, image_total, text_total, finished=True, timings=timings)
        finally:
            mtmd.mtmd_input_chunks_free(chunks)

    def _speed_key(self) -> str:
        """Measured speeds belong to one set-up: these files, this many threads, this much on the GPU."""
        mmproj = self.mmproj_path.name if self.mmproj_path is not None else ""
        threads = _auto_threads() if self.threads <= 0 else self.threads
        return f"{self.model_path.name}|{mmproj}|threads={threads}|gpu_layers={self.gpu_layers}"

    def _record_speed(self, timings: dict[str, float]) -> None:
        if self.speed_book is not None:
            self.speed_book.record(self._speed_key(), timings)


def _prime_state(
    cached: Sequence[_Unit], units: Sequence[_Unit], sources: Sequence[tuple[int, Any]], image_total: int, text_total: int
) -> PrimeState:
    """Progress of a pre-encode: ``cached`` is the prefix of ``units`` already in the KV cache."""
    done = units[: len(cached)]
    image_done = sum(u.n_cells for u in done if u.key[0] == "image")
    text_done = sum(u.n_cells for u in done) - image_done
    current, is_image = 0, False
    if len(done) < len(units):
        if sources[len(done)][0] == 1:
            current, is_image = units[len(done)].n_cells, True
        else:
            current = min(N_BATCH, next((i for i in range(len(done), len(units)) if sources[i][0] == 1), len(units)) - len(done))
    return PrimeState(image_total, text_total, image_done, text_done, current, is_image)


def _guarded(events: Iterator[Event]) -> Iterator[Event]:
    """Raise user errors before the first token; after it, end the stream with ``Done(ERROR)``.

    ``Progress`` events (loading, encoding) are not part of the answer, so a fault after them is
    still raised, like the remote backend does after its retry notices: the caller shows the error
    with its fix instead of an empty answer.
    """
    started = False
    try:
        for event in events:
            if isinstance(event, (TextDelta, ThinkingDelta, ToolCallEvent)):
                started = True
            yield event
    except UserError as exc:
        if not started:
            raise
        log.warning("local generation failed: %s", exc)
        yield Done(FinishReason.ERROR, str(exc))
    except CancelledError:
        yield Done(FinishReason.CANCELLED)


_backend_state = {"initialised": False}
_backend_lock = threading.Lock()


def _backend_init() -> None:
    with _backend_lock:
        if not _backend_state["initialised"]:
            import llama_cpp

            llama_cpp.llama_backend_init()
            _backend_state["initialised"] = True


def _auto_threads() -> int:
    try:
        import psutil

        physical = psutil.cpu_count(logical=False)
    except Exception:
        physical = None
    return max(1, physical or os.cpu_count() or 1)


_OFFLOAD = re.compile(r"offloaded (\d+)/(\d+) layers to GPU")


def _offload_from_log(lines: Sequence[str]) -> tuple[int | None, int | None]:
    for line in reversed(lines):
        match = _OFFLOAD.search(line)
        if match:
            return int(match.group(1)), int(match.group(2))
    return None, None


def _last_error() -> str:
    from desktop_helper.backends import llama_logging

    for line in reversed(llama_logging.recent_lines()):
        lowered = line.lower()
        if "error" in lowered or "failed" in lowered or "unable" in lowered:
            return f"llama.cpp said: {line.strip()}"
    return ""
