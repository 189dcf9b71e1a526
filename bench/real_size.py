"""The local model at its real size: GLM-4.6V-Flash's shapes, Q4_K_M + Q8_0, on this machine's CPU.

What a user of the 9B model waits for, measured through the app's own local backend exactly as
``desktop-helper ask --no-forward --image shot.png`` runs it (a fresh process per question: load,
ask, exit), against llama.cpp's own multimodal CLI ``llama-mtmd-cli`` in the same run:

* the model: a random-weights GGUF pair with GLM-4.6V-Flash's exact tensor shapes and metadata,
  quantized like ggml-org's recommended download (Q4_K_M text model mixing Q4_K / Q6_K / Q5_0 /
  Q8_0 per tensor as llama-quantize does, Q8_0 projector). It is written once by
  ``tests/tools/make_tiny_glm4v.py``'s writers with the real hyper-parameters (quantized blocks
  directly: random quants, finite random scales; ~7 GB, a minute or two) into the benchmark cache
  outside the repository, never downloaded. Random weights cost the same arithmetic as real ones.
* the baseline: ``llama-mtmd-cli`` built once (cmake, into the same cache) from the llama.cpp
  source vendored in the llama-cpp-python sdist our wheel was compiled from, with the wheel's
  flags (see ``bench/_llama_cpp_build.py``); same threads, context, flash attention, image token
  cap, and the screenshot already resized to the size the app sends at each budget, so both read
  the same number of image tokens.
* per image budget (256, 1024, uncapped): image encode time, image tokens, prompt tokens/s, time
  to first token (TTFT, after the model is loaded), generation tokens/s and the peak RSS of the
  whole process (``wait4``'s ``ru_maxrss``), plus the app's own memory estimate for that setting
  (``desktop_helper/models/memory.py``, the welcome window's "needs about N GB").

Goals: ``ttft_ratio_vs_llama_cpp`` (ours / llama.cpp's, per budget, and the worst) <= 1.05;
``memory_estimate_error`` (|estimate - peak RSS| / peak RSS) <= 0.10.

The machine's load distorts CPU timings (ggml's threads spin and wait for each other), so the two
sides alternate, each figure is the best of ``--runs``, and the load average is printed with them.
No display is needed (the question is about an image file); the last line is one JSON object.

Usage::

    uv run python bench/real_size.py            # budgets 256, 1024 and uncapped, 2 runs each side
    uv run python bench/real_size.py --quick    # budget 256, 1 run each side
    uv run python bench/real_size.py --prepare  # only build llama-mtmd-cli and write the model
    uv run python bench/real_size.py --model GLM-4.6V-Flash-Q4_K_M.gguf --mmproj mmproj-GLM-4.6V-Flash-Q8_0.gguf
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench._common import median, summary  # noqa: E402
from bench._llama_cpp_build import build_tools, cache_dir, find_vendored_source  # noqa: E402
from bench.local_backend import screenshot  # noqa: E402

GIB = 1024**3
QUESTION = "What is on the screen?"
BUDGETS: dict[str, int | None] = {"256": 256, "1024": 1024, "uncapped": None}
#: the cap handed to the app for "uncapped" (its BUDGET_MAX: a 1920x1080 screenshot keeps its size)
UNCAPPED = 16384
CONTEXT = 16384  # the app's default context size
GENERATED = 32
REAL_SIZES = {"model": 6_166_577_888, "mmproj": 980_055_680}
#: bump when the generator's output for the real shapes changes (the cached pair is then rewritten)
PAIR_VERSION = 1


# ---------------------------------------------------------------------- the model pair


def real_size_pair() -> tuple[Path, Path]:
    """The random-weights GLM-4.6V-Flash pair in the cache; written once (per :data:`PAIR_VERSION`)."""
    from tests.tools.make_tiny_glm4v import write_glm46v_flash_q4_k_m

    folder = cache_dir() / f"glm46v-flash-random-v{PAIR_VERSION}"
    model, mmproj = folder / "GLM-4.6V-Flash-Q4_K_M.gguf", folder / "mmproj-GLM-4.6V-Flash-Q8_0.gguf"
    if model.is_file() and mmproj.is_file():
        return model, mmproj
    for stale in cache_dir().glob("glm46v-flash-random-*"):
        shutil.rmtree(stale, ignore_errors=True)  # an older generator's pair: 7 GB not to keep twice
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    print(f"writing the random-weights GLM-4.6V-Flash pair into {folder} (once, ~7 GB) ...", flush=True)
    started = time.monotonic()
    write_glm46v_flash_q4_k_m(partial, model_name=model.name, mmproj_name=mmproj.name)
    partial.rename(folder)
    print(f"written in {time.monotonic() - started:.0f} s", flush=True)
    return model, mmproj


def read_through(*paths: Path) -> None:
    """Read the files once so both sides start with them in the page cache (as after the first use)."""
    for path in paths:
        with open(path, "rb") as handle:
            while handle.read(64 << 20):
                pass


# ---------------------------------------------------------------------- processes


@dataclass
class Run:
    """One question asked by one side."""

    side: str
    budget: str
    image_tokens: int = 0
    prompt_tokens: int = 0
    encode_seconds: float = float("nan")
    ttft_seconds: float = float("nan")
    prompt_tokens_per_second: float = float("nan")
    generation_tokens_per_second: float = float("nan")
    peak_rss: int = 0
    wall_seconds: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)


def run_measured(argv: list[str], env: dict[str, str] | None = None) -> tuple[int, str, str, int, float]:
    """Run a process to its end; return (exit code, stdout, stderr, peak RSS in bytes, seconds)."""
    started = time.monotonic()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(argv, stdout=out, stderr=err, env=env)
        # wait4 gives the kernel's own peak resident set of the child (whole process, file pages included)
        _pid, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(errors="replace"), err.read().decode(errors="replace")
    return process.returncode, stdout, stderr, usage.ru_maxrss * 1024, time.monotonic() - started


def ask_ours(model: Path, mmproj: Path, image: Path, budget: int | None, home: Path, *, tokens: int = GENERATED) -> Run:
    """``desktop-helper ask --no-forward --json`` in a fresh process (the app's settings otherwise)."""
    argv = [
        sys.executable, "-m", "desktop_helper", "ask", "--no-forward", "--json",
        "--model", str(model), "--mmproj", str(mmproj), "--image", str(image),
        "--image-budget", str(budget or UNCAPPED), "--max-tokens", str(tokens), QUESTION,
    ]  # fmt: skip
    env = {**os.environ, "DESKTOP_HELPER_HOME": str(home)}
    code, stdout, stderr, rss, seconds = run_measured(argv, env)
    lines = [line for line in stdout.splitlines() if line.startswith("{")]
    if code != 0 or not lines:
        raise SystemExit(f"desktop-helper ask failed (exit {code}):\n{stdout[-2000:]}\n{stderr[-2000:]}")
    result = json.loads(lines[-1])
    timings, usage = result["timings"], result["usage"]
    evaluated = timings["evaluated_prompt_tokens"]
    return Run(
        "ours",
        label_of(budget),
        image_tokens=usage["image_tokens"],
        prompt_tokens=usage["prompt_tokens"],
        encode_seconds=timings["image_encode_seconds"],
        ttft_seconds=timings["ttft_seconds"],
        # the prompt's tokens (image embeddings included) over the time reading them, encoder excluded
        prompt_tokens_per_second=evaluated / max(1e-9, timings["prompt_seconds"] - timings["image_encode_seconds"]),
        generation_tokens_per_second=timings.get("tokens_per_second", float("nan")),
        peak_rss=rss,
        wall_seconds=seconds,
    )


_ENCODED = re.compile(r"(?:image slice encoded|mtmd batch encoding done) in (\d+) ms")
_PROMPT = re.compile(r"prompt eval time =\s*([\d.]+) ms /\s*(\d+) tokens")
_EVAL = re.compile(r"\beval time =\s*([\d.]+) ms /\s*(\d+) runs")
_CPU_LIBRARY = re.compile(r"loaded CPU backend from \S*?libggml-cpu-(\w+)\.")
_IMAGE_BATCH = re.compile(r"decoding image batch \d+/\d+, n_tokens_batch = (\d+)")
_IMAGE_DECODED = re.compile(r"image decoded \(batch \d+/\d+\) in (\d+) ms")


def ask_llama_cpp(
    cli: Path, pair: tuple[Path, Path], image: Path, budget: int | None, threads: int, *, tokens: int = GENERATED
) -> Run:
    """The same question through ``llama-mtmd-cli`` (its own timings, printed at exit)."""
    model, mmproj = pair
    argv = [
        str(cli), "-m", str(model), "--mmproj", str(mmproj), "--image", str(image), "-p", QUESTION,
        "-n", str(tokens), "-c", str(CONTEXT), "-t", str(threads), "-fa", "on",
        "--image-max-tokens", str(budget or UNCAPPED), "--perf", "-lv", "4",  # print its timings (llama.cpp logs them at level 4)
    ]  # fmt: skip
    code, stdout, stderr, rss, seconds = run_measured(argv)
    log = stdout + "\n" + stderr
    prompt, generated = _PROMPT.search(log), _EVAL.search(log)
    encoded = _ENCODED.findall(log)
    if code != 0 or not prompt or not encoded:
        raise SystemExit(f"llama-mtmd-cli failed (exit {code}):\n{log[-3000:]}")
    encode = sum(float(ms) for ms in encoded) / 1000
    image_decode = sum(float(ms) for ms in _IMAGE_DECODED.findall(log)) / 1000
    prompt_seconds, prompt_tokens = float(prompt.group(1)) / 1000, int(prompt.group(2))
    # llama.cpp's "prompt eval time" runs from the first decode of the prompt to the first
    # synchronize (the first sample): nothing synchronizes between the text before the image, the
    # encoder and the image's decode, so the encoder is inside it. Adding the encode time again
    # would count it twice (and flatter the app by a third at budget 256).
    encoder_inside = prompt_seconds >= encode + image_decode
    ttft = prompt_seconds if encoder_inside else encode + prompt_seconds
    run = Run(
        "llama.cpp",
        label_of(budget),
        image_tokens=sum(int(n) for n in _IMAGE_BATCH.findall(log)),
        prompt_tokens=prompt_tokens,
        encode_seconds=encode,
        ttft_seconds=ttft,
        prompt_tokens_per_second=prompt_tokens / max(1e-9, ttft - encode),
        peak_rss=rss,
        wall_seconds=seconds,
    )
    variant = _CPU_LIBRARY.search(log)
    run.extra["cpu_variant"] = variant.group(1) if variant else "not in its log"
    if generated and int(generated.group(2)):
        run.generation_tokens_per_second = int(generated.group(2)) / (float(generated.group(1)) / 1000)
    return run


def with_only_cpu_variant(bin_dir: Path, variant: str) -> Path:
    """A folder of links to ``bin_dir`` holding only the CPU variant our backend loads.

    llama-mtmd-cli loads the best-scoring variant beside it, which can be one the app never chooses
    (ggml_backends.NOT_CHOSEN_AUTOMATICALLY): both sides must run the same kernels.
    """
    if not variant:
        return bin_dir
    folder = bin_dir.parent / f"bin-{variant}"
    folder.mkdir(exist_ok=True)
    for item in bin_dir.iterdir():
        if item.name.startswith("libggml-cpu-") and item.name != f"libggml-cpu-{variant}.so":
            continue
        link = folder / item.name
        if link.exists() or link.is_symlink():
            continue
        if item.name.startswith("llama-"):
            # a copy, not a link: ggml looks for backends beside the executable's real path
            shutil.copy2(item, link)
        else:
            link.symlink_to(item)
    return folder


def label_of(budget: int | None) -> str:
    return "uncapped" if budget is None else str(budget)


# ---------------------------------------------------------------------- the benchmark


def memory_estimate(model: Path, mmproj: Path, image_tokens: int) -> int:
    """The app's estimate for this pair, the context and an image of ``image_tokens`` (memory.py).

    The app estimates with the budget setting; the bench passes the tokens the screenshot really
    used (the budget, give or take the 28 px grid; for "uncapped" the screenshot's own 2,691, not
    the 16,384 cap, which no full-HD screen reaches).
    """
    from desktop_helper.models.memory import estimate_for_pair
    from desktop_helper.models.pair import check_pair

    pair = check_pair(model, mmproj)
    return estimate_for_pair(pair, context_size=CONTEXT, image_tokens=image_tokens, flash_attention=True).total


def welcome_estimate() -> int:
    """The welcome window's figure for the recommended download at the default settings."""
    from desktop_helper.models.catalog import KNOWN_MODELS
    from desktop_helper.models.manager import DEFAULT_CONTEXT, DEFAULT_IMAGE_TOKENS
    from desktop_helper.models.memory import estimate_for_hint

    entry = KNOWN_MODELS[0]
    return estimate_for_hint(
        entry.shape,
        entry.download_size or 0,
        context_size=DEFAULT_CONTEXT,
        image_tokens=DEFAULT_IMAGE_TOKENS,
        flash_attention=True,
    ).total


def machine() -> dict[str, Any]:
    """CPU model, cores and SIMD flags, from /proc/cpuinfo (Linux) or platform."""
    import platform

    info: dict[str, Any] = {"cpu": platform.processor() or platform.machine(), "logical_cpus": os.cpu_count()}
    try:
        text = Path("/proc/cpuinfo").read_text()
        name = re.search(r"model name\s*:\s*(.+)", text)
        flags = set(re.search(r"flags\s*:\s*(.+)", text).group(1).split())  # type: ignore[union-attr]
        info["cpu"] = name.group(1).strip() if name else info["cpu"]
        info["simd"] = [f for f in ("avx2", "fma", "f16c", "avx512f", "avx512_vnni", "avx512_bf16", "avx_vnni") if f in flags]
    except (OSError, AttributeError):
        pass
    try:
        import psutil

        info["physical_cores"] = psutil.cpu_count(logical=False)
        info["ram_gib"] = round(psutil.virtual_memory().total / GIB, 1)
    except ImportError:
        pass
    return info


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="budget 256 only, one run each side")
    parser.add_argument("--runs", type=int, default=None, help="runs per side and budget (default 2; --quick 1)")
    parser.add_argument("--tokens", type=int, default=None, help=f"tokens generated per answer (default {GENERATED}; --quick 8)")
    parser.add_argument("--prepare", action="store_true", help="only build llama-mtmd-cli and write the model pair")
    parser.add_argument("--model", type=Path, help="measure this text model GGUF instead (e.g. the real download)")
    parser.add_argument("--mmproj", type=Path, help="its vision projector GGUF (with --model)")
    args = parser.parse_args(argv)
    if bool(args.model) != bool(args.mmproj):
        parser.error("--model and --mmproj go together")
    runs = args.runs or (1 if args.quick else 2)
    tokens = args.tokens or (8 if args.quick else GENERATED)
    budgets = {"256": 256} if args.quick else BUDGETS

    from PIL import Image

    from desktop_helper.backends import ggml_backends
    from desktop_helper.backends.local_gguf import _auto_threads
    from desktop_helper.media.images import fit_to_token_budget

    ours_cpu = ggml_backends.ensure_loaded(gpu=False).cpu_variant or ""
    cli = with_only_cpu_variant(build_tools(find_vendored_source()), ours_cpu) / "llama-mtmd-cli"
    model, mmproj = (args.model, args.mmproj) if args.model else real_size_pair()
    print(f"model:  {model} ({model.stat().st_size:,} bytes; the real file {REAL_SIZES['model']:,})")
    print(f"mmproj: {mmproj} ({mmproj.stat().st_size:,} bytes; the real file {REAL_SIZES['mmproj']:,})")
    if args.prepare:
        return 0
    threads = _auto_threads()  # the app's default (models.threads = 0)
    host = machine()
    print(f"machine: {host}; {threads} threads both sides; context {CONTEXT}; flash attention on; {tokens} tokens generated")
    read_through(model, mmproj)

    shot = screenshot()
    runs_by_side: dict[tuple[str, str], list[Run]] = {}
    loads: list[float] = []
    with tempfile.TemporaryDirectory(prefix="real-size-") as folder:
        work = Path(folder)
        original = work / "screenshot.png"
        original.write_bytes(shot.data)
        for label, budget in budgets.items():
            # llama.cpp gets the screenshot at the size the app sends (same image tokens on both sides)
            size = fit_to_token_budget(shot.width, shot.height, budget if budget is not None else UNCAPPED)
            resized = work / f"sent-{label}.png"
            with Image.open(original) as image:
                image.convert("RGB").resize(size, Image.Resampling.BICUBIC).save(resized)
            for index in range(runs):
                loads.append(os.getloadavg()[0])
                # alternate which side goes first: a drifting machine load then hurts both alike
                order = ("ours", "llama.cpp") if index % 2 == 0 else ("llama.cpp", "ours")
                for side in order:
                    if side == "ours":
                        run = ask_ours(model, mmproj, original, budget, work / "profile", tokens=tokens)
                    else:
                        run = ask_llama_cpp(cli, (model, mmproj), resized, budget, threads, tokens=tokens)
                    run.extra["sent"] = f"{size[0]}x{size[1]}"
                    runs_by_side.setdefault((side, label), []).append(run)
                    loads.append(os.getloadavg()[0])
                    print(
                        f"  {label:>8} {side:<9} run {index + 1}: TTFT {run.ttft_seconds:7.2f} s, "
                        f"encode {run.encode_seconds:6.2f} s, "
                        f"prompt {run.prompt_tokens_per_second:6.1f} tok/s, gen {run.generation_tokens_per_second:5.2f} tok/s, "
                        f"peak RSS {run.peak_rss / GIB:5.2f} GiB, wall {run.wall_seconds:6.1f} s",
                        flush=True,
                    )

    print(f"\nbest of {runs} per side (load average during the runs: {min(loads):.1f}-{max(loads):.1f} on {os.cpu_count()} CPUs)")
    print(
        f"{'budget':>8} {'side':<9} {'sent':>9} {'img tok':>7} {'encode s':>8} {'prompt t/s':>10} "
        f"{'TTFT s':>7} {'gen t/s':>7} {'peak RSS':>9}"
    )
    ratios: dict[str, float] = {}
    errors: dict[str, float] = {}
    figures: dict[str, Any] = {}
    for label in budgets:
        best: dict[str, Run] = {}
        for side in ("ours", "llama.cpp"):
            samples = runs_by_side[(side, label)]
            best[side] = min(samples, key=lambda r: r.ttft_seconds)
            b = best[side]
            image_tokens = b.image_tokens or best["ours"].image_tokens
            print(
                f"{label:>8} {side:<9} {b.extra['sent']:>9} {image_tokens:>7} {min(r.encode_seconds for r in samples):8.2f} "
                f"{max(r.prompt_tokens_per_second for r in samples):10.1f} {b.ttft_seconds:7.2f} "
                f"{max(r.generation_tokens_per_second for r in samples):7.2f} {max(r.peak_rss for r in samples) / GIB:7.2f} G"
            )
        ours, theirs = best["ours"], best["llama.cpp"]
        ratios[label] = ours.ttft_seconds / theirs.ttft_seconds
        peak = max(r.peak_rss for r in runs_by_side[("ours", label)])
        estimate = memory_estimate(model, mmproj, ours.image_tokens)
        errors[label] = abs(estimate - peak) / peak
        figures[label] = {
            "image_tokens": ours.image_tokens,
            "sent": ours.extra["sent"],
            "ours": _figures(runs_by_side[("ours", label)]),
            "llama_cpp": _figures(runs_by_side[("llama.cpp", label)]),
            "memory_estimate_gib": round(estimate / GIB, 2),
        }
        print(
            f"{'':>8} TTFT ratio ours/llama.cpp {ratios[label]:.3f} (goal <= 1.05); "
            f"memory estimate {estimate / GIB:.2f} GiB vs peak RSS {peak / GIB:.2f} GiB: error {errors[label]:.3f} (goal <= 0.10)"
        )
    theirs_runs = [r for (side, _), runs in runs_by_side.items() if side == "llama.cpp" for r in runs]
    theirs_cpu = sorted({str(r.extra.get("cpu_variant")) for r in theirs_runs})
    print(f"CPU variant: ours {ours_cpu or 'built in'}, llama.cpp {', '.join(theirs_cpu)}")
    welcome = welcome_estimate()
    print(
        f"\nthe welcome window says the recommended download needs about {welcome / GIB:.1f} GB (context {CONTEXT}, budget 1024)"
    )
    summary(
        {
            "ttft_ratio_vs_llama_cpp": {**{k: round(v, 3) for k, v in ratios.items()}, "worst": round(max(ratios.values()), 3)},
            "memory_estimate_error": {**{k: round(v, 3) for k, v in errors.items()}, "worst": round(max(errors.values()), 3)},
            "budgets": figures,
            "welcome_estimate_gib": round(welcome / GIB, 2),
            "model_bytes": model.stat().st_size,
            "mmproj_bytes": mmproj.stat().st_size,
            "threads": threads,
            "runs": runs,
            "generated_tokens": tokens,
            "load_average": [round(min(loads), 2), round(max(loads), 2)],
            "machine": host,
            "cpu_variant": {"ours": ours_cpu, "llama_cpp": theirs_cpu},
        }
    )
    return 0


def _figures(samples: list[Run]) -> dict[str, float]:
    return {
        "ttft_s": round(min(r.ttft_seconds for r in samples), 3),
        "ttft_median_s": round(median([r.ttft_seconds for r in samples]), 3),
        "encode_s": round(min(r.encode_seconds for r in samples), 3),
        "prompt_tok_s": round(max(r.prompt_tokens_per_second for r in samples), 2),
        "gen_tok_s": round(max(r.generation_tokens_per_second for r in samples), 2),
        "peak_rss_gib": round(max(r.peak_rss for r in samples) / GIB, 3),
        "prompt_tokens": max(r.prompt_tokens for r in samples),
    }


if __name__ == "__main__":
    sys.exit(main())
