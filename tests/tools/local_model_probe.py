"""Load the local backend in a fresh process and print, as one JSON line, where it ran and what it said.

Tests run it as a subprocess because llama.cpp's backends are loaded once per process: each run
gets its own CPU variant (``DESKTOP_HELPER_CPU_VARIANT``), Vulkan device list
(``GGML_VK_VISIBLE_DEVICES``) and ``--device`` setting. The answer is greedy (temperature 0), so two
runs on different backends can be compared token for token.

Usage::

    python tests/tools/local_model_probe.py MODEL MMPROJ --device auto|cpu|gpu [--image-side 448] [--tokens 24]
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from desktop_helper.backends import ggml_backends  # noqa: E402
from desktop_helper.backends.base import ChatRequest, Done, TextDelta, ThinkingDelta, Usage  # noqa: E402
from desktop_helper.backends.local_gguf import LocalGGUFBackend  # noqa: E402
from desktop_helper.core.types import ImagePart, Message, TextPart  # noqa: E402


def test_image(side: int) -> ImagePart:
    """A deterministic picture with detail everywhere (the vision encoder must see varied patches)."""
    image = Image.new("RGB", (side, side))
    image.putdata([((x * 7 + y * 3) % 256, (x * y) % 256, (x ^ y) % 256) for y in range(side) for x in range(side)])
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return ImagePart(buffer.getvalue(), "image/png", side, side, name="probe.png")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("model")
    parser.add_argument("mmproj")
    parser.add_argument("--device", default="auto", choices=("auto", "cpu", "gpu"))
    parser.add_argument("--image-side", type=int, default=448)
    parser.add_argument("--tokens", type=int, default=24)
    args = parser.parse_args(argv)
    question = Message("user", (test_image(args.image_side), TextPart("Describe the picture.")))
    with LocalGGUFBackend(
        args.model, args.mmproj, context_size=4096, threads=2, device=args.device, image_token_budget=1024, seed=1
    ) as backend:
        info = backend.load()
        request = ChatRequest((question,), thinking=False, temperature=0.0, max_tokens=args.tokens, repeat_penalty=1.0)
        text, usage, done = [], None, None
        for event in backend.stream(request):
            if isinstance(event, (TextDelta, ThinkingDelta)):
                text.append(event.text)
            elif isinstance(event, Usage):
                usage = event
            elif isinstance(event, Done):
                done = event
    report = ggml_backends.report()
    assert report is not None
    assert usage is not None
    assert done is not None
    print(
        json.dumps(
            {
                "text": "".join(text),
                "completion_tokens": usage.completion_tokens,
                "image_tokens": usage.image_tokens,
                "finish": done.reason.value,
                "load_info": info.as_dict(),
                "describe": info.describe(),
                "warnings": list(info.warnings),
                "backends": report.as_dict(),
                "cpu_label": report.cpu_label(),
            }
        ),
        flush=True,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
