"""``desktop-helper --self-test``: prove that an installed or frozen build has all its parts.

A PyInstaller bundle can start and show its tray icon while llama.cpp's shared libraries, a
keyring backend, pynput's X11 backend or PyAV's FFmpeg and libx264 were silently left out: those load lazily, through ctypes
or importlib, long after start-up. This hidden flag loads each of them now and prints one JSON
object, so the packaging smoke test (``packaging/smoke_test.py``) can fail a broken bundle before
it ships. The exit code is 0 only when every check passed.

llama.cpp's compute backends are loaded as the app loads them: the CPU variant that suits this CPU
(``libggml-cpu-<variant>``, chosen by each variant's own score) and the GPU backend (Vulkan; Metal
on macOS), which is skipped without a driver. With ``--model`` (and ``--mmproj``) it also loads a
GGUF model and decodes a few tokens, which runs the chosen CPU variant for real (an instruction-set
mismatch would crash it here).
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from desktop_helper import __version__
from desktop_helper.platform.system import current_os, has_display, is_frozen

FLAG = "--self-test"

Check = Callable[[argparse.Namespace], dict[str, Any]]

#: the pynput backend each OS must have (pynput picks it with importlib at run time)
_PYNPUT_BACKENDS = {"linux": "xorg", "windows": "win32", "macos": "darwin"}
#: the keyring backend module that stores secrets in each OS's real keychain
_KEYRING_BACKENDS = {
    "linux": ("keyring.backends.SecretService", "secretstorage"),
    "windows": ("keyring.backends.Windows", "win32ctypes.pywin32.win32cred"),
    "macos": ("keyring.backends.macOS", "keyring.backends.macOS.api"),
}

#: development tools in the same venv that a release bundle must leave out (size, and attack surface)
_NOT_IN_A_BUNDLE = ("pytest", "hypothesis", "mypy", "tests", "fastapi", "gguf", "PyInstaller")


def _app(_args: argparse.Namespace) -> dict[str, Any]:
    from desktop_helper.resources import resources_dir

    folder = resources_dir()
    icons = sorted(p.name for p in (folder / "icons").iterdir())
    if "desktop-helper.svg" not in icons:
        raise FileNotFoundError(f"desktop-helper.svg missing from {folder / 'icons'}")
    i18n = folder / "i18n"
    translations = sorted(p.name for p in i18n.glob("*.qm")) if i18n.is_dir() else []
    if is_frozen() and (unwanted := [name for name in _NOT_IN_A_BUNDLE if importlib.util.find_spec(name) is not None]):
        raise RuntimeError(f"development-only packages are in the bundle: {', '.join(unwanted)}")
    return {"version": __version__, "frozen": is_frozen(), "resources": str(folder), "icons": icons, "translations": translations}


def _llama(args: argparse.Namespace) -> dict[str, Any]:
    import llama_cpp
    import llama_cpp.mtmd_cpp as mtmd  # loads libmtmd (the vision part) through ctypes

    from desktop_helper.backends import ggml_backends

    log_lines = _quiet_llama_logs()
    # the CPU variant this CPU runs best and the GPU backend (skipped without a driver), as the app loads them
    backends = ggml_backends.ensure_loaded(gpu=True)
    result: dict[str, Any] = {
        "version": llama_cpp.__version__,
        "lib_dir": str(Path(llama_cpp.__file__).parent / "lib"),
        "system_info": llama_cpp.llama_print_system_info().decode(errors="replace").strip(),
        "mtmd": bool(mtmd.mtmd_context_params_default),
        "backends": backends.as_dict(),
        "cpu_backend": backends.cpu_label(),
    }
    if args.model:
        result["model"] = _decode_a_few_tokens(args.model, args.mmproj, log_lines)
    return result


def _quiet_llama_logs() -> list[str]:
    """Collect llama.cpp's and mtmd's C log lines instead of letting them reach stderr.

    The smoke test treats unexpected stderr as a failure; the model loaders write hundreds of lines.
    """
    import ctypes

    import llama_cpp
    import llama_cpp.mtmd_cpp as mtmd

    lines: list[str] = []

    @llama_cpp.llama_log_callback
    def collect(_level: int, text: bytes, _user_data: ctypes.c_void_p) -> None:
        lines.append(text.decode(errors="replace"))

    _KEEP_ALIVE.append(collect)  # ctypes calls it until the process ends
    llama_cpp.llama_log_set(collect, ctypes.c_void_p(0))
    mtmd.mtmd_log_set(collect, ctypes.c_void_p(0))
    mtmd.mtmd_helper_log_set(collect, ctypes.c_void_p(0))
    return lines


_KEEP_ALIVE: list[object] = []


def _decode_a_few_tokens(model: str, mmproj: str | None, log_lines: list[str]) -> dict[str, Any]:
    import llama_cpp
    import llama_cpp.mtmd_cpp as mtmd

    llm = llama_cpp.Llama(model, n_ctx=256, n_threads=1, n_batch=64, verbose=False)
    try:
        tokens = llm.tokenize(b"Hello", add_bos=True)
        generated = []
        for token in llm.generate(tokens, temp=0.0):
            generated.append(int(token))
            if len(generated) >= 4:
                break
        vision = None
        if mmproj:
            params = mtmd.mtmd_context_params_default()
            params.use_gpu = False
            params.n_threads = 1
            params.print_timings = False
            ctx = mtmd.mtmd_init_from_file(mmproj.encode(), llm.model, params)
            if not ctx:
                raise RuntimeError(f"mtmd could not load {mmproj}")
            vision = bool(mtmd.mtmd_support_vision(ctx))
            mtmd.mtmd_free(ctx)
        return {"prompt_tokens": len(tokens), "generated": len(generated), "vision": vision, "log_lines": len(log_lines)}
    finally:
        llm.close()


def _pynput(_args: argparse.Namespace) -> dict[str, Any]:
    wanted = _PYNPUT_BACKENDS[current_os()]
    if current_os() == "linux" and not os.environ.get("DISPLAY"):
        # pynput's X11 backend connects to the display when imported; the smoke test always has one
        return {"skipped": "no DISPLAY"}
    import pynput.keyboard
    import pynput.mouse

    keyboard = pynput.keyboard.Listener.__module__
    mouse = pynput.mouse.Controller.__module__
    for name in (keyboard, mouse):
        if not name.endswith("._" + wanted):
            raise ImportError(f"pynput chose {name}, expected its '{wanted}' backend")
    return {"keyboard": keyboard, "mouse": mouse}


def _keyring(_args: argparse.Namespace) -> dict[str, Any]:
    import keyring.backend

    module, dependency = _KEYRING_BACKENDS[current_os()]
    importlib.import_module(module)
    importlib.import_module(dependency)
    if importlib.util.find_spec("keyrings") is not None and importlib.util.find_spec("keyrings.alt") is not None:
        raise RuntimeError("keyrings.alt is in the build: it would store API keys in plain files")
    viable = sorted(f"{type(b).__module__}.{type(b).__name__}" for b in keyring.backend.get_all_keyring())
    return {"os_backend": module, "viable_here": viable}


def _libraries(_args: argparse.Namespace) -> dict[str, Any]:
    import ssl

    import certifi
    import cv2
    import mss
    import numpy
    import PIL.Image
    import pypdfium2

    ssl.create_default_context(cafile=certifi.where())  # openai's HTTPS needs the CA bundle in the build
    importlib.import_module("openai")
    return {
        "cv2": cv2.__version__,
        "numpy": numpy.__version__,
        "pillow": PIL.__version__,
        "mss": mss.__version__,
        "pdfium": str(pypdfium2.PDFIUM_INFO),
        "certifi": certifi.where(),
    }


def _video(_args: argparse.Namespace) -> dict[str, Any]:
    """Record two tiny H.264 segments, join them and decode the result: PyAV's FFmpeg and libx264
    are shared libraries that only load when a recording starts."""
    import tempfile

    import av
    import numpy

    from desktop_helper.media.h264 import VIDEO_CODEC, H264Writer, join_mp4

    with tempfile.TemporaryDirectory(prefix="desktop-helper-self-test-") as folder:
        segments = [Path(folder) / f"part-{index}.mp4" for index in range(2)]
        for segment in segments:
            writer = H264Writer(segment, (64, 48), 10, keyframe_interval=5)
            for _ in range(5):
                writer.write(numpy.zeros((48, 64, 3), numpy.uint8))
            writer.close()
        joined = join_mp4(segments, Path(folder) / "joined.mp4")
        with av.open(str(joined)) as container:
            codec = container.streams.video[0].codec_context.name
            frames = sum(1 for _ in container.decode(video=0))
    if (codec, frames) != ("h264", 10):
        raise RuntimeError(f"the test video came back as {frames} frames of {codec}, not 10 frames of h264")
    return {"pyav": av.__version__, "encoder": VIDEO_CODEC, "libavcodec": ".".join(map(str, av.library_versions["libavcodec"]))}


def _qt(_args: argparse.Namespace) -> dict[str, Any]:
    if current_os() == "linux" and not has_display():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop_helper.ui.selfcheck import check_qt

    return check_qt()


CHECKS: dict[str, Check] = {
    "app": _app,
    "libraries": _libraries,
    "llama_cpp": _llama,
    "video": _video,
    "keyring": _keyring,
    "pynput": _pynput,
    "qt": _qt,
}


def _describe(exc: BaseException) -> str:
    """The error and its first cause: a frozen app's ctypes wrapper hides the loader's own message
    ("libggml-cpu.so.0: cannot open shared object file") behind a generic one."""
    text = f"{type(exc).__name__}: {exc}"
    cause, seen = exc.__cause__ or exc.__context__, 0
    while cause is not None and seen < 5:
        if str(cause) and str(cause) not in text:
            text += f" (caused by {type(cause).__name__}: {cause})"
        cause, seen = cause.__cause__ or cause.__context__, seen + 1
    return text


def run_checks(args: argparse.Namespace) -> dict[str, Any]:
    """Run every check; each one's result, or its error, keyed by name, plus the list of failures."""
    report: dict[str, Any] = {"failed": []}
    for name, check in CHECKS.items():
        try:
            report[name] = check(args)
        except BaseException as exc:  # a missing library raises OSError, RuntimeError, ImportError...
            if isinstance(exc, KeyboardInterrupt):
                raise
            report[name] = {"error": _describe(exc), "traceback": traceback.format_exc(limit=4)}
            report["failed"].append(name)
    return report


def main(argv: Sequence[str]) -> int:
    """Entry for ``desktop-helper --self-test [--model GGUF [--mmproj GGUF]]``; prints one JSON line."""
    parser = argparse.ArgumentParser(prog="desktop-helper --self-test", description="check that this build has all its parts")
    parser.add_argument("--model", help="also load this GGUF text model and decode a few tokens")
    parser.add_argument("--mmproj", help="also load this GGUF vision projector (needs --model)")
    args = parser.parse_args([a for a in argv if a != FLAG])
    report = run_checks(args)
    print(json.dumps(report), flush=True)
    return 1 if report["failed"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
