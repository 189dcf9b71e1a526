"""Send → first token with the image read while the question is typed (issue 20), against the same send without it.

One run, on the tiny random-weights GLM-4.6V model from ``tests/tools/make_tiny_glm4v.py`` (or, with
``--real-size --model M --mmproj P``, on the real-shape files of ``bench/real_size.py``), with a
synthetic 1920x1080 screenshot at the chosen image budget:

a. **cold**: nothing cached; Send renders, encodes the image and reads the prompt, then the first token.
b. **pre-encoded**: the image is attached, a worker thread pre-encodes it (``Backend.prime``, as the
   chat does), the user "types" for longer than the encode took, then Send.
c. **question alone**: the same request with the image prefix already cached by an earlier question
   about the same image: only the question's tokens are evaluated. The goal: (b) <= 1.2 x (c).
d. **joined**: Send while the pre-encode is still running (typing took half the encode time): the
   send waits for it and continues; it must not cost more than (a).

Time to first token is wall time from Send to the first sampled token, including any wait for the
pre-encode (the backend's own ``ttft_seconds`` starts after that wait). The estimate the chat shows
before Send ("first answer in ≈ N s") comes from speeds measured in this run (a fresh speed book,
fed by every request and pre-encode, as in the app) and is compared with (a) and (b): goal within 25 %.

Usage::

    uv run python bench/preencode.py [--runs 3] [--threads 1] [--budget 1024]
    uv run python bench/preencode.py --real-size --model text.gguf --mmproj mmproj.gguf [--threads 0]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench._common import summary  # noqa: E402
from bench.local_backend import screenshot  # noqa: E402
from desktop_helper.backends.base import ChatRequest, Done, Usage  # noqa: E402
from desktop_helper.backends.local_gguf import LocalGGUFBackend  # noqa: E402
from desktop_helper.backends.speed import SpeedBook, approx_text_tokens  # noqa: E402
from desktop_helper.core.types import ImagePart, Message, TextPart  # noqa: E402
from tests.tools.make_tiny_glm4v import write_tiny_glm4v  # noqa: E402

QUESTION = "Which window is in front, and what does its title bar say? Answer in one short sentence."
OTHER_QUESTION = "Describe the colours."


def requests(image: ImagePart, question: str, budget: int) -> tuple[ChatRequest, ChatRequest]:
    """(the pre-encode's prefix, the send's request): built alike, the question only in the second."""
    common = {"thinking": False, "temperature": 0.0, "max_tokens": 1, "image_token_budget": budget}
    system = Message.text("system", "You answer questions about the user's screen.")
    return (
        ChatRequest((system, Message("user", (image,))), **common),  # type: ignore[arg-type]
        ChatRequest((system, Message("user", (image, TextPart(question)))), **common),  # type: ignore[arg-type]
    )


def send(backend: LocalGGUFBackend, request: ChatRequest) -> tuple[float, Usage]:
    """Seconds from Send to the first sampled token (waits included), and the request's usage."""
    started = ended = time.perf_counter()
    usage: Usage | None = None
    for event in backend.stream(request):
        if isinstance(event, Usage):
            usage = event
            ended = time.perf_counter()
        elif isinstance(event, Done):
            assert event.error is None, event.error
    assert usage is not None
    # the backend's clock starts after any wait: what it spent after the first token is not Send → first token
    after_first = usage.timings["total_seconds"] - usage.timings["ttft_seconds"]
    return ended - started - after_first, usage


def primed_send(
    backend: LocalGGUFBackend, prefix: ChatRequest, full: ChatRequest, typing: Callable[[float], float]
) -> tuple[float, Usage, float, float | None]:
    """Attach (the pre-encode starts on a worker), type, Send.

    Returns:
        (Send → first token, usage, seconds typed, the estimate shown at Send if the pre-encode had finished).
    """
    finished = threading.Event()

    def prime() -> None:
        for _state in backend.prime(prefix):
            pass
        finished.set()

    worker = threading.Thread(target=prime, name="bench-prime")
    worker.start()
    typed = typing(time.perf_counter())
    estimate = None
    if finished.is_set():
        rates = backend.speed_rates()
        estimate = (
            rates.first_token_seconds(0, backend.question_tokens(QUESTION) or approx_text_tokens(QUESTION))
            if rates is not None
            else None
        )
    try:
        seconds, usage = send(backend, full)
    finally:
        worker.join()
    return seconds, usage, typed, estimate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=3, help="runs of each variant (the median is reported)")
    parser.add_argument("--threads", type=int, default=1, help="CPU threads (0: automatic, as the app)")
    parser.add_argument("--budget", type=int, default=1024, help="image token budget (the CPU default is 1024)")
    parser.add_argument("--real-size", action="store_true", help="the real-shape model of bench/real_size.py (--model/--mmproj)")
    parser.add_argument("--model", type=Path, help="text model GGUF (default: the tiny model, generated)")
    parser.add_argument("--mmproj", type=Path, help="vision projector GGUF")
    args = parser.parse_args(argv)
    if (args.model is None) != (args.mmproj is None):
        parser.error("--model and --mmproj go together")
    if args.real_size and args.model is None:
        parser.error("--real-size needs --model and --mmproj: the real-shape files bench/real_size.py caches")

    image = screenshot()
    prefix, full = requests(image, QUESTION, args.budget)
    _other_prefix, other = requests(image, OTHER_QUESTION, args.budget)
    with tempfile.TemporaryDirectory(prefix="preencode-bench-") as folder:
        model, mmproj = (args.model, args.mmproj) if args.model is not None else write_tiny_glm4v(Path(folder))
        book = SpeedBook(Path(folder) / "speed.json")
        backend = LocalGGUFBackend(
            model, mmproj, context_size=8192, threads=args.threads, image_token_budget=args.budget, seed=1, speed_book=book
        )
        info = backend.load()
        print(f"model: {info.describe()}")
        print(f"screenshot 1920x1080 at <= {args.budget} image tokens; question {QUESTION!r}; {args.threads or 'auto'} threads\n")

        # warm up (first-call allocations) and give the speed book its first measurements
        backend.reset_cache()
        send(backend, full)
        backend.reset_cache()
        list(backend.prime(prefix))
        send(backend, full)

        cold: list[float] = []
        primed: list[float] = []
        alone: list[float] = []
        joined: list[float] = []
        estimates_cold: list[float] = []
        estimates_primed: list[float] = []
        usages: dict[str, Usage] = {}
        typing_seconds: list[float] = []
        for _ in range(args.runs):
            # (a) cold, with the estimate the chat shows before anything is read
            rates = book.rates(backend._speed_key())
            image_tokens = usages["cold"].image_tokens if "cold" in usages else args.budget
            estimate = rates.first_token_seconds(image_tokens, backend.question_tokens(QUESTION) or approx_text_tokens(QUESTION))
            if estimate is not None:
                estimates_cold.append(estimate)
            backend.reset_cache()
            seconds, usages["cold"] = send(backend, full)
            cold.append(seconds)
            encode = usages["cold"].timings["prompt_seconds"]

            # (b) pre-encoded, typing for longer than the encode took
            backend.reset_cache()

            def type_slowly(began: float, wait: float = encode * 1.3 + 0.05) -> float:
                time.sleep(max(0.0, began + wait - time.perf_counter()))
                return wait

            seconds, usages["primed"], typed, shown = primed_send(backend, prefix, full, type_slowly)
            primed.append(seconds)
            typing_seconds.append(typed)
            if shown is not None:
                estimates_primed.append(shown)

            # (c) the question alone: the image prefix cached by an earlier question about it
            backend.reset_cache()
            send(backend, other)
            seconds, usages["alone"] = send(backend, full)
            alone.append(seconds)

            # (d) Send while the pre-encode still runs
            backend.reset_cache()

            def type_quickly(began: float, wait: float = encode * 0.5) -> float:
                time.sleep(max(0.0, began + wait - time.perf_counter()))
                return wait

            seconds, usages["joined"], _typed, _shown = primed_send(backend, prefix, full, type_quickly)
            joined.append(seconds)
        encodes = backend.images_encoded
        backend.close()

    med = statistics.median
    cold_s, primed_s, alone_s, joined_s = med(cold), med(primed), med(alone), med(joined)
    ratio_alone = primed_s / alone_s
    est_cold = med(estimates_cold) if estimates_cold else float("nan")
    est_primed = med(estimates_primed) if estimates_primed else float("nan")
    error_cold = abs(est_cold - cold_s) / cold_s
    error_primed = abs(est_primed - primed_s) / primed_s
    u = usages
    print(f"Send → first token (median of {args.runs}):")
    print(
        f"  (a) cold           {cold_s * 1000:9.1f} ms  ({u['cold'].image_tokens} image + "
        f"{u['cold'].prompt_tokens - u['cold'].image_tokens} text tokens evaluated)"
    )
    print(
        f"  (b) pre-encoded    {primed_s * 1000:9.1f} ms  (typed {med(typing_seconds) * 1000:.0f} ms >= encode; "
        f"{int(u['primed'].timings['evaluated_prompt_tokens'])} tokens evaluated at Send, "
        f"{int(u['primed'].timings['evaluated_image_tokens'])} of them image)"
    )
    print(
        f"  (c) question alone {alone_s * 1000:9.1f} ms  ({int(u['alone'].timings['evaluated_prompt_tokens'])} tokens evaluated)"
    )
    print(f"  (d) joined         {joined_s * 1000:9.1f} ms  (Send at half the encode time; waits, encodes nothing again)")
    print(f"  ratio (b)/(c) {ratio_alone:.3f}  (goal <= 1.2)")
    print(f"  ratio (b)/(a) {primed_s / cold_s:.3f}   ratio (d)/(a) {joined_s / cold_s:.3f}  (goal <= 1)")
    print("estimate shown before Send vs measured:")
    print(f"  cold        {est_cold * 1000:9.1f} ms vs {cold_s * 1000:9.1f} ms  error {error_cold:.0%} (goal <= 25 %)")
    print(f"  pre-encoded {est_primed * 1000:9.1f} ms vs {primed_s * 1000:9.1f} ms  error {error_primed:.0%} (goal <= 25 %)")
    print(f"images encoded: {encodes}")
    summary(
        {
            "cold_ttft_ms": cold_s * 1000,
            "preencoded_ttft_ms": primed_s * 1000,
            "question_alone_ttft_ms": alone_s * 1000,
            "joined_ttft_ms": joined_s * 1000,
            "preencoded_vs_question_alone_ratio": ratio_alone,
            "preencoded_vs_cold_ratio": primed_s / cold_s,
            "joined_vs_cold_ratio": joined_s / cold_s,
            "estimate_cold_ms": est_cold * 1000,
            "estimate_preencoded_ms": est_primed * 1000,
            "estimate_cold_error": error_cold,
            "estimate_preencoded_error": error_primed,
            "image_tokens": u["cold"].image_tokens,
            "real_size": args.real_size,
            "runs": args.runs,
            "threads": args.threads,
        }
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
