"""``desktop-helper ask``: answer one question without the GUI, for scripts and desktop shortcuts.

::

    desktop-helper ask "What does this error mean?" --screen
    desktop-helper ask "Where is the Save button?" --region 0,0,1280,800 --json
    desktop-helper ask "Describe it" --image shot.png --model GLM.gguf --mmproj mmproj.gguf --no-think

The answer streams to stdout (status lines and, with ``--show-thinking``, the reasoning go to
stderr). ``--json`` prints one JSON object instead: answer, thinking, boxes (normalized, in the
sent image's pixels, and in screen pixels when the image was a capture), tool calls, token counts
and timings. When the tray app is running, the question goes to it and its loaded model answers
(no second copy of a 6 GB model in memory); ``--no-forward`` or an explicit ``--model`` /
``--backend`` answers in this process.

:func:`run_ask` is the pure part (a backend and inputs in, an :class:`AskResult` out); the CLI
glue around it only parses arguments, builds the backend and prints.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from desktop_helper.backends.base import (
    Backend,
    CancelToken,
    ChatRequest,
    Done,
    ImagesSent,
    Progress,
    TextDelta,
    ThinkingDelta,
    ToolCallEvent,
    Usage,
)
from desktop_helper.core.errors import CaptureError, UserError
from desktop_helper.core.geometry import CaptureGeometry, Rect, normalized_to_pixels
from desktop_helper.core.i18n import t
from desktop_helper.core.types import FinishReason, ImagePart, Message, TextPart, ToolCall

log = logging.getLogger(__name__)

HELP = "answer a question about images or the screen without the GUI (streams to stdout)"
EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
#: the shell's code for a command stopped by Ctrl+C (128 + SIGINT)
EXIT_CANCELLED = 130


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``ask`` sub-command's arguments (called by ``desktop_helper.__main__``)."""
    parser.add_argument("question", nargs="+", help="the question (quote it, or pass several words)")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--image", action="append", default=[], metavar="FILE", help="an image to ask about (repeatable)")
    source.add_argument(
        "--screen", nargs="?", const=0, type=int, metavar="MONITOR", help="capture a monitor (1 = first; default: all monitors)"
    )
    source.add_argument("--region", metavar="X,Y,W,H", help="capture this region (global physical pixels)")
    parser.add_argument(
        "--backend", metavar="NAME", help="local_gguf, or an API provider's name or preset (zai, vllm, llamacpp, ...)"
    )
    parser.add_argument("--model", metavar="GGUF", help="text model GGUF for the local backend")
    parser.add_argument("--mmproj", metavar="GGUF", help="vision projector GGUF for the local backend")
    parser.add_argument("--base-url", metavar="URL", help="API base URL (overrides the provider's)")
    parser.add_argument("--api-model", metavar="NAME", help="model name at the API provider")
    parser.add_argument("--no-think", action="store_true", help="answer without reasoning first (faster)")
    parser.add_argument("--json", action="store_true", help="print one JSON object with answer, boxes, tool calls, usage")
    parser.add_argument("--show-thinking", action="store_true", help="stream the reasoning to stderr")
    parser.add_argument(
        "--image-budget", type=_positive_int, metavar="TOKENS", help="most tokens per image (local backend; at least 1)"
    )
    parser.add_argument("--max-tokens", type=_positive_int, metavar="N", help="cap the answer's length (at least 1 token)")
    parser.add_argument("--no-forward", action="store_true", help="do not use the running app's model; answer in this process")


def _positive_int(text: str) -> int:
    """argparse type: a whole number of at least 1 (0 or less would give an empty answer or no image)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, not {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


@dataclass
class AskBox:
    """A box the model gave, in every coordinate space we know."""

    normalized: tuple[float, ...]
    label: str = ""
    image: tuple[float, ...] | None = None
    screen: tuple[float, ...] | None = None
    problems: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "normalized": list(self.normalized),
            "image": [round(v, 1) for v in self.image] if self.image else None,
            "screen": [round(v, 1) for v in self.screen] if self.screen else None,
            "problems": list(self.problems),
        }


@dataclass
class AskResult:
    answer: str = ""
    thinking: str = ""
    tool_calls: list[ToolCall] = field(default_factory=list)
    boxes: list[AskBox] = field(default_factory=list)
    usage: Usage | None = None
    finish_reason: str = ""
    error: str | None = None
    seconds: float = 0.0
    ttft: float | None = None
    backend: str = ""
    images: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        usage = self.usage or Usage()
        return {
            "answer": self.answer,
            "thinking": self.thinking,
            "boxes": [b.to_dict() for b in self.boxes],
            "tool_calls": [{"id": c.id, "name": c.name, "arguments": c.arguments} for c in self.tool_calls],
            "usage": {
                "prompt_tokens": usage.prompt_tokens,
                "completion_tokens": usage.completion_tokens,
                "image_tokens": usage.image_tokens,
                "cached_tokens": usage.cached_tokens,
            },
            "timings": {"total_seconds": round(self.seconds, 3), "ttft_seconds": self.ttft, **usage.timings},
            "finish_reason": self.finish_reason,
            "error": self.error,
            "backend": self.backend,
            "images": self.images,
        }


def run_ask(
    backend: Backend,
    question: str,
    images: Sequence[ImagePart] = (),
    *,
    thinking: bool = True,
    max_tokens: int | None = None,
    image_token_budget: int | None = None,
    on_answer: Callable[[str], None] | None = None,
    on_thinking: Callable[[str], None] | None = None,
    on_progress: Callable[[str], None] | None = None,
    cancel: CancelToken | None = None,
) -> AskResult:
    """Ask ``backend`` one question about ``images``; stream through the callbacks; return everything.

    Boxes in the answer are parsed and mapped to the sent image's pixels and, for captures, to
    screen pixels (through each image's :class:`CaptureGeometry`). With several images, boxes are
    mapped through the last one (GLM answers about the image the question refers to; with several
    the mapping is ambiguous and the normalized values are what to trust).

    Raises:
        UserError: for problems the user can fix (from the backend, before anything streamed).
    """
    from desktop_helper.grounding import screen_coords
    from desktop_helper.parsers.boxes import parse_boxes

    started = time.monotonic()
    message = Message("user", (*images, TextPart(question)))
    request = ChatRequest((message,), thinking=thinking, max_tokens=max_tokens, image_token_budget=image_token_budget)
    result = AskResult(backend=getattr(backend, "name", type(backend).__name__))
    answer: list[str] = []
    reasoning: list[str] = []
    sent_images: list[ImagePart] = list(images)  # until the backend says how it sent them
    for event in backend.stream(request, cancel):
        if isinstance(event, (TextDelta, ThinkingDelta)) and result.ttft is None:
            result.ttft = round(time.monotonic() - started, 3)
        if isinstance(event, TextDelta):
            answer.append(event.text)
            if on_answer:
                on_answer(event.text)
        elif isinstance(event, ThinkingDelta):
            reasoning.append(event.text)
            if on_thinking:
                on_thinking(event.text)
        elif isinstance(event, ToolCallEvent):
            result.tool_calls.append(event.call)
        elif isinstance(event, Progress):
            if on_progress:
                on_progress(event.text)
        elif isinstance(event, ImagesSent):
            sent_images = list(event.images)
        elif isinstance(event, Usage):
            result.usage = event
        elif isinstance(event, Done):
            result.finish_reason = event.reason.value
            result.error = event.error
    result.answer = "".join(answer).strip()
    result.thinking = "".join(reasoning).strip()
    result.seconds = time.monotonic() - started
    geometry = _geometry_for_boxes(sent_images)
    parsed = parse_boxes(result.answer, result.thinking)
    for item in [*parsed.items, *parsed.flagged]:
        coords = tuple(float(v) for v in item.coords)
        box = AskBox(coords, item.label, problems=tuple(item.problems))
        if sent_images:
            box.image = normalized_to_pixels(coords, sent_images[-1].width, sent_images[-1].height)
        if geometry is not None:
            box.screen = screen_coords(item, geometry)
        result.boxes.append(box)
    result.images = [
        {"name": p.name, "width": p.width, "height": p.height, "capture": p.geometry.rect.as_ints() if p.geometry else None}
        for p in images
    ]
    return result


def _geometry_for_boxes(images: Sequence[ImagePart]) -> CaptureGeometry | None:
    return images[-1].geometry if images and images[-1].geometry is not None else None


# ---------------------------------------------------------------------- inputs


def load_image_file(path: str | Path) -> ImagePart:
    """Read an image file with the chat's checks and limits (regular file, size, pixels, decodable);
    PNG, JPEG and WebP keep their bytes, other formats become PNG. The backend fits it to its budget.

    Raises:
        MediaError: if the file cannot be read, is not an image, or is too large.
    """
    from desktop_helper.media.documents import load_image_file as load_checked_image

    return load_checked_image(Path(path).expanduser())


def parse_region(text: str) -> Rect:
    """``"X,Y,W,H"`` -> Rect (global physical pixels)."""
    try:
        x, y, w, h = (int(v.strip()) for v in text.split(","))
    except ValueError:
        raise UserError(
            t("--region must be X,Y,W,H in pixels, not {text!r}.", text=text), t("For example: --region 100,200,800,600")
        ) from None
    if w <= 0 or h <= 0:
        raise UserError(t("--region needs a positive width and height."), t("For example: --region 100,200,800,600"))
    return Rect(x, y, w, h)


def capture(monitor: int | None = None, region: Rect | None = None) -> ImagePart:
    """Capture a monitor (1-based; 0 = every monitor) or a region as a PNG with its geometry.

    Goes through the app's capture backend (:mod:`desktop_helper.platform.capture`), so the Wayland
    portal and the macOS permission check apply here too.

    Raises:
        CaptureError: no display, unknown monitor, region off screen.
    """
    from desktop_helper.media.frames import encode_pixels
    from desktop_helper.platform.capture import capture_backend_for_current_os, monitor_for_rect

    backend = capture_backend_for_current_os()
    try:
        monitors = backend.monitors()
        if region is not None:
            try:
                target = monitor_for_rect(monitors, region)
            except CaptureError:
                raise CaptureError(
                    t("The region {as_ints} is not on any monitor.", as_ints=region.as_ints()), t("Check the coordinates.")
                ) from None
            frame = backend.grab(region, target)
        elif monitor:
            if not 1 <= monitor <= len(monitors):
                raise CaptureError(
                    t("There is no monitor {monitor} (found {count}).", monitor=monitor, count=len(monitors)),
                    t("Use 1 to {count}.", count=len(monitors)),
                )
            frame = backend.grab_monitor(monitors[monitor - 1])
        else:
            frame = backend.grab_desktop()
    finally:
        backend.close()
    return encode_pixels(frame.pixels, geometry=frame.geometry, name="screen.png")


# ---------------------------------------------------------------------- CLI glue


def _images_from_args(args: argparse.Namespace) -> list[ImagePart]:
    """The ``--image`` files, then the ``--screen`` or ``--region`` capture (taken now).

    Raises:
        MediaError, CaptureError, UserError: unreadable image, no display, bad region.
    """
    images = [load_image_file(p) for p in args.image]
    if args.screen is not None:
        images.append(capture(monitor=args.screen))
    elif args.region:
        images.append(capture(region=parse_region(args.region)))
    return images


def _run_from_args(
    args: argparse.Namespace,
    backend: Backend,
    images: Sequence[ImagePart],
    *,
    on_answer: Callable[[str], None] | None = None,
    on_thinking: Callable[[str], None] | None = None,
    on_progress: Callable[[str], None] | None = None,
    cancel: CancelToken | None = None,
) -> AskResult:
    return run_ask(
        backend,
        " ".join(args.question),
        images,
        thinking=not args.no_think,
        max_tokens=args.max_tokens,
        image_token_budget=args.image_budget,
        on_answer=on_answer,
        on_thinking=on_thinking,
        on_progress=on_progress,
        cancel=cancel,
    )


def open_backend(args: argparse.Namespace, paths: Any) -> Backend:
    """The backend the arguments and settings ask for (a test script's when one is set, as in the app); not loaded yet."""
    from desktop_helper.backends.factory import Overrides, build_backend, choice_named
    from desktop_helper.settings.secrets import open_secret_store
    from desktop_helper.settings.store import Settings

    settings = Settings(paths.settings_file)
    for problem in settings.problems:  # a damaged settings file: say so, then answer with what could be read
        print(f"desktop-helper: {problem}", file=sys.stderr, flush=True)
    # a model file means the local backend, a base URL a server; else what the settings say
    implied = "local_gguf" if args.model else "openai_compat" if args.base_url else None
    choice = choice_named(settings, args.backend or implied)
    overrides = Overrides(args.model, args.mmproj, args.image_budget, args.base_url, args.api_model)
    secrets = open_secret_store()[0] if choice.kind == "openai_compat" else None
    return build_backend(settings, secrets, choice, overrides=overrides, load=False)


def _forward_argv(args: argparse.Namespace) -> list[str]:
    argv = ["ask", *args.question]
    for image in args.image:
        argv += ["--image", str(Path(image).expanduser().absolute())]
    if args.screen is not None:
        argv += ["--screen", str(args.screen)]
    if args.region:
        argv += ["--region", args.region]
    for flag in ("no_think", "json", "show_thinking"):
        if getattr(args, flag):
            argv.append("--" + flag.replace("_", "-"))
    for option in ("image_budget", "max_tokens"):
        value = getattr(args, option)
        if value is not None:
            argv += ["--" + option.replace("_", "-"), str(value)]
    return [*argv, "--no-forward"]


def _try_forward(args: argparse.Namespace, paths: Any, out: TextIO, err: TextIO) -> int | None:
    """Let the running app answer; None when no app runs or it cannot answer questions."""
    from desktop_helper import ipc

    try:
        replies = list(ipc.forward(paths, _forward_argv(args)))
    except ipc.NotRunningError:
        return None
    except ipc.UnsafeSocketError as exc:
        # answer here instead: the question and image paths never go to a socket we cannot trust
        print(f"desktop-helper: {exc.message}\n{exc.fix or ''}".rstrip(), file=sys.stderr)
        return None
    except (OSError, ValueError):
        return None
    lines = [str(r.get("text", "")) for r in replies if r.get("type") == "output"]
    code = next((int(r.get("code", 0)) for r in replies if r.get("type") == "exit"), 0)
    if code == EXIT_USAGE and any("not available" in line for line in lines):
        return None
    # an error's message goes where a local error's would: stderr, unless the caller wants JSON
    stream = out if code == EXIT_OK or args.json else err
    for line in lines:
        print(line, file=stream, flush=True)
    if code != EXIT_OK and not lines:
        print(f"desktop-helper ask: the running app could not answer (exit code {code}); its log has the details.", file=err)
    return code


def main(args: argparse.Namespace, paths: Any, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run ``ask`` from parsed arguments; returns the exit code."""
    out = out or sys.stdout
    err = err or sys.stderr
    explicit_backend = bool(args.model or args.mmproj or args.backend or args.base_url or args.api_model)
    if not args.no_forward and not explicit_backend:
        forwarded = _try_forward(args, paths, out, err)
        if forwarded is not None:
            return forwarded
    backend: Backend | None = None
    cancel = CancelToken()
    try:
        with _ctrl_c_cancels(cancel):
            try:
                images = _images_from_args(args)
                backend = open_backend(args, paths)
                stream_out = None if args.json else _writer(out)
                stream_think = _writer(err) if args.show_thinking and not args.json else None
                result = _run_from_args(
                    args,
                    backend,
                    images,
                    on_answer=stream_out,
                    on_thinking=stream_think,
                    on_progress=_status_printer(err) if not args.json else None,
                    cancel=cancel,
                )
            finally:
                if backend is not None:
                    backend.close()
    except UserError as exc:
        if args.json:
            print(json.dumps({"error": exc.message, "fix": exc.fix}), file=out)
        print(f"desktop-helper ask: {exc.message}" + (f"\n{exc.fix}" if exc.fix else ""), file=err)
        return EXIT_ERROR
    except KeyboardInterrupt:
        # a second Ctrl+C, or one before the question was sent: stop at once, without a traceback
        if args.json:
            print(json.dumps({"error": "Cancelled.", "fix": None}), file=out)
        print("\ndesktop-helper ask: Cancelled.", file=err)
        return EXIT_CANCELLED
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False), file=out)
    else:
        out.write("\n")
        if result.finish_reason == FinishReason.CANCELLED.value:
            print("desktop-helper ask: Cancelled.", file=err)
        elif result.error:
            print(f"desktop-helper ask: {result.error}", file=err)
    if result.finish_reason == FinishReason.CANCELLED.value:
        return EXIT_CANCELLED
    return EXIT_ERROR if result.finish_reason == FinishReason.ERROR.value else EXIT_OK


@contextlib.contextmanager
def _ctrl_c_cancels(cancel: CancelToken) -> Iterator[None]:
    """While asking, the first Ctrl+C cancels the answer (what streamed is kept); a second one stops at once."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_sigint(signum: int, frame: Any) -> None:
        if cancel.cancelled:
            raise KeyboardInterrupt
        cancel.cancel()

    previous = signal.signal(signal.SIGINT, on_sigint)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _writer(stream: TextIO) -> Callable[[str], None]:
    def write(text: str) -> None:
        stream.write(text)
        stream.flush()

    return write


def _status_printer(err: TextIO) -> Callable[[str], None]:
    last = [""]

    def show(text: str) -> None:
        if text != last[0]:
            last[0] = text
            print(f"[{text}]", file=err, flush=True)

    return show


def serve_forwarded(args: argparse.Namespace, output: Callable[[str], None], backend: Backend) -> int:
    """Answer a forwarded ``ask`` with the app's loaded backend (the app registers this for "ask").

    Runs the generation synchronously; call it off the GUI thread. Every line goes back through
    ``output``; with ``--json`` that is one JSON line. A failure is always answered with a message
    (the caller would otherwise see only an exit code).
    """
    try:
        result = _run_from_args(args, backend, _images_from_args(args))
    except UserError as exc:
        _output_error(args, output, exc.message, exc.fix)
        return EXIT_ERROR
    except Exception as exc:  # a bug: the caller still gets a message, the app's log the traceback
        log.exception("a forwarded ask failed")
        message = f"The running app failed to answer ({type(exc).__name__}: {exc})."
        _output_error(args, output, message, "Its log has the details.")
        return EXIT_ERROR
    failed = result.finish_reason == FinishReason.ERROR.value
    if args.json:
        output(json.dumps(result.to_dict(), ensure_ascii=False))
    else:
        if result.answer:
            output(result.answer)
        if failed and result.error:
            output(result.error)
    return EXIT_ERROR if failed else EXIT_OK


def _output_error(args: argparse.Namespace, output: Callable[[str], None], message: str, fix: str | None) -> None:
    output(json.dumps({"error": message, "fix": fix}) if args.json else message + (f"\n{fix}" if fix else ""))
