"""Time to first token: our OpenAI-compatible backend vs the raw ``openai`` client, same server, same run.

Starts llama-cpp-python's OpenAI-compatible server (``python -m llama_cpp.server --chat_format mtmd``) on
127.0.0.1 with the tiny random-weights GLM-4.6V pair from ``tests/tools/make_tiny_glm4v.py``, then sends
the same image + text request many times, alternating between:

* **raw**: ``openai.OpenAI().chat.completions.create(stream=True)`` with the exact parameters our backend
  builds, timed from the call to the first chunk that carries text;
* **ours**: ``OpenAICompatBackend.stream(request)``, timed from the call (so building the messages and
  encoding the image count) to the first ``TextDelta``/``ThinkingDelta`` event.

The model is tiny, so the server's own time is small and the difference is our overhead. The goal is a
median overhead of at most 10 ms. The last line printed is one JSON object with the figures.

Usage::

    uv run python bench/remote_backend.py [--runs 40] [--image 448]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402

from bench._common import summary  # noqa: E402
from desktop_helper.backends.base import ChatRequest, TextDelta, ThinkingDelta  # noqa: E402
from desktop_helper.backends.openai_compat import OpenAICompatBackend, build_messages  # noqa: E402
from desktop_helper.core.types import ImagePart, Message, TextPart  # noqa: E402
from desktop_helper.settings.providers import from_preset  # noqa: E402
from tests.fixtures.servers import FakeOpenAIServer, start_llama_server, stop_llama_server, text_reply  # noqa: E402
from tests.tools.make_tiny_glm4v import write_tiny_glm4v  # noqa: E402


def test_image(side: int) -> ImagePart:
    """A screenshot-like PNG: flat panels and some text-like stripes."""
    image = Image.new("RGB", (side, side), (240, 240, 240))
    for row in range(0, side, 14):
        image.paste((30, 30, 30), (8, row + 4, side // 2 + (row * 7) % (side // 2), row + 8))
    image.paste((40, 90, 200), (side // 2, side // 2, side - 8, side - 8))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return ImagePart(buffer.getvalue(), "image/png", side, side, name="bench")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def measure(url: str, model: str, image: ImagePart, runs: int, warmup: int) -> tuple[list[float], list[float], list[float]]:
    """TTFT lists (raw, ours) and the paired differences for one server, alternating the order per run."""
    import openai

    config = replace(from_preset("llamacpp", "bench"), base_url=url, model=model)
    ours = OpenAICompatBackend(config, None)
    raw = openai.OpenAI(base_url=url, api_key="no-key", max_retries=0, timeout=120.0)
    request = ChatRequest(
        messages=(Message("user", (image, TextPart("What is on this screen?"))),),
        thinking=False,
        max_tokens=3,
        temperature=0.0,
    )
    # the raw client sends exactly what our backend would send
    messages, _ = build_messages(request.messages, config, request.image_token_budget)
    params = ours.request_params(request, messages)

    def time_raw() -> float:
        started = time.perf_counter()
        stream = raw.chat.completions.create(**params)
        first = None
        for chunk in stream:
            if first is None and chunk.choices and chunk.choices[0].delta.content:
                first = time.perf_counter()
        stream.close()
        if first is None:
            raise RuntimeError("the raw stream produced no text")
        return (first - started) * 1000.0

    def time_ours() -> float:
        started = time.perf_counter()
        first = None
        for event in ours.stream(request):
            if first is None and isinstance(event, (TextDelta, ThinkingDelta)):
                first = time.perf_counter()
        if first is None:
            raise RuntimeError("our stream produced no text")
        return (first - started) * 1000.0

    raw_ms: list[float] = []
    ours_ms: list[float] = []
    differences: list[float] = []
    try:
        for _ in range(warmup):
            time_raw()
            time_ours()
        for run in range(runs):
            # alternate the order so drift (other load, caches) hits both sides alike
            if run % 2 == 0:
                a = time_raw()
                b = time_ours()
            else:
                b = time_ours()
                a = time_raw()
            raw_ms.append(a)
            ours_ms.append(b)
            differences.append(b - a)
    finally:
        ours.close()
        raw.close()
    return raw_ms, ours_ms, differences


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=40, help="measured requests per client (default 40)")
    parser.add_argument("--warmup", type=int, default=3, help="unmeasured requests per client first")
    parser.add_argument("--image", type=int, default=448, help="side of the square test image in pixels")
    args = parser.parse_args(argv)
    image = test_image(args.image)

    with tempfile.TemporaryDirectory(prefix="bench-remote-") as tmp:
        model, mmproj = write_tiny_glm4v(Path(tmp))
        print("starting llama_cpp.server with the tiny GLM-4.6V model ...", flush=True)
        server = start_llama_server(Path(model), Path(mmproj), Path(tmp))
        try:
            raw_ms, ours_ms, differences = measure(server.url, server.model, image, args.runs, args.warmup)
        finally:
            stop_llama_server(server)

    # the same comparison against a server that answers instantly: no model time, so what is left is
    # the two clients' own cost, measured without the llama server's run-to-run noise
    fake = FakeOpenAIServer().start()
    try:
        fake.script(text_reply("It", " is", " a", " screen."))
        fake_raw, fake_ours, fake_differences = measure(fake.url, "test-model", image, args.runs, args.warmup)
    finally:
        fake.stop()

    result = {
        "runs": args.runs,
        "image_px": args.image,
        "image_bytes": len(image.data),
        "raw_ttft_median_ms": statistics.median(raw_ms),
        "ours_ttft_median_ms": statistics.median(ours_ms),
        "raw_ttft_p90_ms": percentile(raw_ms, 0.9),
        "ours_ttft_p90_ms": percentile(ours_ms, 0.9),
        "overhead_ms": statistics.median(differences),
        "overhead_of_medians_ms": statistics.median(ours_ms) - statistics.median(raw_ms),
        "instant_server_raw_median_ms": statistics.median(fake_raw),
        "instant_server_ours_median_ms": statistics.median(fake_ours),
        "client_overhead_ms": statistics.median(fake_differences),
        "goal_ms": 10.0,
    }
    result["meets_goal"] = result["overhead_ms"] <= result["goal_ms"]
    print()
    print(f"Time to first token, {args.runs} alternating requests each ({args.image}x{args.image} PNG + question):")
    print("  llama_cpp.server, tiny GLM-4.6V model:")
    print(f"    raw openai client   median {result['raw_ttft_median_ms']:8.2f} ms   p90 {result['raw_ttft_p90_ms']:8.2f} ms")
    print(f"    our backend         median {result['ours_ttft_median_ms']:8.2f} ms   p90 {result['ours_ttft_p90_ms']:8.2f} ms")
    print(f"    overhead (median of paired differences) {result['overhead_ms']:+.2f} ms  (goal <= 10 ms)")
    print("  instant local SSE server (client cost only):")
    print(f"    raw openai client   median {result['instant_server_raw_median_ms']:8.2f} ms")
    print(f"    our backend         median {result['instant_server_ours_median_ms']:8.2f} ms")
    print(f"    overhead (median of paired differences) {result['client_overhead_ms']:+.2f} ms")
    summary(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
