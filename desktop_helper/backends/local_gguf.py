"""GLM-4.6V-Flash in-process on llama.cpp (llama-cpp-python's C API + mtmd), behind :class:`Backend`.

Why not ``Llama.create_chat_completion`` with the stock multimodal handler: it does not forward
template arguments (no thinking switch), cannot cap image tokens, clears the KV cache on every
request (a follow-up question about the same screenshot would re-encode the image and re-read
the whole prompt), and with M-RoPE its bookkeeping of positions vs. tokens does not hold. So this
module drives the C API directly:

* :mod:`~desktop_helper.backends.llama_render` renders the GGUF's own chat template (thinking switch,
  tools) and fits images to the same token budget the mtmd context was created with;
* :mod:`~desktop_helper.backends.llama_evaluation` keeps the prompt in the KV cache as units (text
  tokens, whole images) and evaluates only what a new request does not share with it;
* :mod:`~desktop_helper.backends.llama_generation` samples the answer with GLM's settings and splits
  it into reasoning, text and tool calls; :mod:`~desktop_helper.backends.llama_preencode` evaluates
  a request's images before Send;
* one generation runs at a time per model (a lock); loading reports progress and can be cancelled;
  llama.cpp's logging goes to Python logging; :meth:`LocalGGUFBackend.close` frees everything.
"""

from __future__ import annotations

import ctypes
import logging
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from desktop_helper.backends.base import (
    Backend,
    CancelToken,
    Capability,
    ChatRequest,
    Event,
    OptionSpec,
    PrimeState,
    Progress,
    ProgressCallback,
)
from desktop_helper.backends.glm_template import ChatTemplate
from desktop_helper.backends.llama_abort import AbortFlag, install_abort_flag
from desktop_helper.backends.llama_evaluation import PromptEvaluator
from desktop_helper.backends.llama_generation import LoadedModel, answer, guarded
from desktop_helper.backends.llama_load_info import LoadInfo
from desktop_helper.backends.llama_preencode import PrefixPrimer
from desktop_helper.backends.llama_render import PromptRenderer, special_ids
from desktop_helper.backends.speed import SpeedBook, SpeedRates
from desktop_helper.core.errors import BackendError, CancelledError
from desktop_helper.core.i18n import t
from desktop_helper.models.memory import available_ram, estimate_for_pair
from desktop_helper.models.pair import ModelPair, check_pair

log = logging.getLogger(__name__)

#: tokens that end GLM's turn besides the vocabulary's end-of-generation set
GLM_STOP_TOKENS = ("<|endoftext|>", "<|user|>", "<|observation|>", "<|code_middle|>")
#: image token budgets chosen from the hardware when the user leaves the setting at 0
BUDGET_CPU = 1024
BUDGET_GPU = 4096
#: the largest cap we ever hand to mtmd ("uncapped")
BUDGET_MAX = 16384
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
        self._n_ctx = 0
        self._budget = 0
        self._load_info: LoadInfo | None = None
        self._pair: ModelPair | None = None
        #: what the loaded model answers with: its prompt renderer and KV cache (None until loaded, and once freed)
        self._loaded: LoadedModel | None = None
        self._primer = PrefixPrimer(N_BATCH)
        self._keepalive: list[Any] = []
        self._abort: AbortFlag | None = None
        self._closed = False
        #: the last prompt as rendered (media markers in place of images), for diagnostics and tests
        self.last_prompt = ""
        self.speed_book = speed_book
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
        return self._loaded.prompt.cells_used if self._loaded is not None else 0

    @property
    def images_encoded(self) -> int:
        """Images run through the vision encoder since loading (a pre-encode joined by Send counts once)."""
        return self._loaded.prompt.images_encoded if self._loaded is not None else 0

    @property
    def images_prepared(self) -> int:
        """Images whose pixels were handed to mtmd (preprocessed) since loading; a cached one is not handed again."""
        return self._loaded.prompt.images_prepared if self._loaded is not None else 0

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
                    t("llama.cpp's compute libraries could not be loaded: {exc}.", exc=exc),
                    t("Reinstall Desktop Helper; if it persists, report it with the log file."),
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
                    t(
                        "llama.cpp could not load {name}. {detail}", name=pair.model.path.name, detail=llama_logging.last_error()
                    ).strip(),
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
                            detail=llama_logging.last_error(),
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
                                detail=llama_logging.last_error(),
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
            self._abort = install_abort_flag(ctx)
            self._n_ctx = int(llama_cpp.llama_n_ctx(ctx))
            self._batch = llama_cpp.llama_batch_init(min(N_BATCH, self._n_ctx), 0, 1)
            self._budget = budget
            template_source = pair.model.get("tokenizer.chat_template") or ""
            self._loaded = LoadedModel(
                ctx=ctx,
                vocab=self._vocab,
                n_ctx=self._n_ctx,
                stop_ids=frozenset(special_ids(self._vocab, GLM_STOP_TOKENS)),
                renderer=PromptRenderer(ChatTemplate(str(template_source)), budget),
                prompt=PromptEvaluator(ctx, mctx, self._batch, self._abort),
            )
            offloaded, total = llama_logging.offload_from_log(llama_logging.recent_lines())
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

    def reset_cache(self) -> None:
        """Forget the cached prompt (KV cache) and resized images, e.g. for a new chat."""
        if self._gen_owner == threading.get_ident():
            raise RuntimeError("reset_cache() inside a running generation of the same thread")
        with self._gen_lock, self._lock:
            if self._loaded is not None:
                self._loaded.prompt.forget()
                self._loaded.renderer.forget_images()

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
            self._loaded = None
            self._keepalive.clear()
            self._abort = None

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
        return guarded(self._generate(request, cancel or CancelToken()))

    def _generate(self, request: ChatRequest, cancel: CancelToken) -> Iterator[Event]:
        waited = 0.0
        if not self._gen_lock.acquire(blocking=False):
            # a running pre-encode is this request's own prefix: waiting for it continues that work
            yield Progress(t("Finishing reading the image") if self._priming else t("Waiting for the previous answer to finish"))
            began = time.monotonic()
            self._gen_lock.acquire()
            waited = time.monotonic() - began
        self._gen_owner = threading.get_ident()
        try:
            if self._closed:
                raise BackendError(t("The local model was closed."), t("Restart the model from Settings > Models."))
            if self._ctx is None:
                yield from self._load_with_events(cancel)
            yield from self._run(request, cancel, waited)
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

    def _run(self, request: ChatRequest, cancel: CancelToken, waited: float = 0.0) -> Iterator[Event]:
        model = self._loaded
        assert model is not None  # loaded by _generate
        started = time.monotonic()
        rendered = model.renderer.render(request)
        self.last_prompt = rendered.prompt.text
        yield from answer(
            model,
            request,
            rendered,
            cancel,
            started=started,
            waited=waited,
            max_tokens=self.max_tokens,
            seed=self.seed,
            closed=lambda: self._closed,
            record_speed=self._record_speed,
        )

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
        if self._loaded is None:
            return None
        return self._primer.question_tokens(self._loaded.vocab, text)

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
            assert self._loaded is not None
            yield from self._primer.prime(self._loaded, request, cancel, self._record_speed)
        finally:
            self._priming = False
            self._gen_owner = None
            self._gen_lock.release()
            if self._free_pending:
                self._free()

    def _speed_key(self) -> str:
        """Measured speeds belong to one set-up: these files, this many threads, this much on the GPU."""
        mmproj = self.mmproj_path.name if self.mmproj_path is not None else ""
        threads = _auto_threads() if self.threads <= 0 else self.threads
        return f"{self.model_path.name}|{mmproj}|threads={threads}|gpu_layers={self.gpu_layers}"

    def _record_speed(self, timings: dict[str, float]) -> None:
        if self.speed_book is not None:
            self.speed_book.record(self._speed_key(), timings)


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
