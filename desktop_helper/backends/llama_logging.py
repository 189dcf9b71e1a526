"""Route llama.cpp's, ggml's and mtmd's own log output into Python logging.

llama.cpp prints to stderr unless a callback is installed; llama-cpp-python installs one that
prints too. We install ours for the three C loggers (llama/ggml, mtmd's clip, mtmd's helpers):
complete lines go to the ``desktop_helper.llama_cpp`` logger at a matching level (INFO lines as
DEBUG, since a model load writes hundreds of them), and the most recent lines are kept so the
backend can read facts only the log states, such as how many layers were offloaded to the GPU.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import re
import threading
from collections import deque
from collections.abc import Sequence

log = logging.getLogger("desktop_helper.llama_cpp")

# ggml_log_level (ggml.h): NONE=0, DEBUG=1, INFO=2, WARN=3, ERROR=4, CONT=5 (continues the previous line).
# llama-cpp-python's own bridge still assumes the older order; we follow the vendored header.
_LEVELS = {0: logging.DEBUG, 1: logging.DEBUG, 2: logging.DEBUG, 3: logging.WARNING, 4: logging.ERROR}
_CONT = 5
# Warnings every GLM-4.x GGUF triggers: the conversion deliberately marks <|user|> as end-of-turn
# and llama.cpp adds it to the end-of-generation set itself. Shown to users they only alarm.
_BENIGN = ("special_eot_id is not in special_eog_ids", "special_eos_id is not in special_eog_ids")
# What a decode stopped on purpose (a cancel: backends/llama_abort.py) logs as errors: GGML_STATUS_ABORTED is 1 and
# llama_decode's "aborted" is 2, so these lines mean nothing else; the removal of the stopped batch follows them.
_ABORTED = re.compile(r"(failed with error 1|compute status: 1|failed to decode, ret = 2)$")
_OFFLOAD = re.compile(r"offloaded (\d+)/(\d+) layers to GPU")
_ROLLBACK = "removing memory module entries"


class _Bridge:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.partial = ""
        self.level = logging.DEBUG
        self.recent: deque[str] = deque(maxlen=400)
        self.callback: object = None
        self.after_abort = False

    def write(self, level: int, text: str) -> None:
        with self.lock:
            if level != _CONT:
                self.level = _LEVELS.get(level, logging.DEBUG)
            self.partial += text
            lines = self.partial.split("\n")
            self.partial = lines.pop()
            level_now = self.level
        for raw in lines:
            line = raw.rstrip()
            if line:
                self.recent.append(line)
                level = logging.INFO if level_now == logging.WARNING and any(b in line for b in _BENIGN) else level_now
                aborted = bool(_ABORTED.search(line))
                if aborted or (self.after_abort and _ROLLBACK in line):
                    level = logging.DEBUG
                self.after_abort = aborted or (self.after_abort and _ROLLBACK in line)
                log.log(level, "%s", line)


_bridge = _Bridge()
_install_lock = threading.Lock()


def install() -> None:
    """Install the callback on llama.cpp and mtmd (idempotent; after importing llama_cpp)."""
    with _install_lock:
        if _bridge.callback is not None:
            return
        import llama_cpp
        import llama_cpp.mtmd_cpp as mtmd

        @llama_cpp.llama_log_callback
        def _callback(level: int, text: bytes, _user_data: ctypes.c_void_p) -> None:
            # an exception must never cross back into C
            with contextlib.suppress(Exception):
                _bridge.write(int(level), text.decode("utf-8", errors="replace") if text else "")

        # keep a reference: ctypes callbacks are freed when garbage-collected
        _bridge.callback = _callback
        llama_cpp.llama_log_set(_callback, ctypes.c_void_p(0))
        mtmd.mtmd_log_set(_callback, ctypes.c_void_p(0))
        mtmd.mtmd_helper_log_set(_callback, ctypes.c_void_p(0))


def recent_lines() -> list[str]:
    """The latest complete log lines (oldest first)."""
    with _bridge.lock:
        return list(_bridge.recent)


def clear_recent() -> None:
    with _bridge.lock:
        _bridge.recent.clear()


def offload_from_log(lines: Sequence[str]) -> tuple[int | None, int | None]:
    """(layers offloaded to the GPU, layers there were) as the last load logged them; (None, None) if it did not."""
    for line in reversed(lines):
        match = _OFFLOAD.search(line)
        if match:
            return int(match.group(1)), int(match.group(2))
    return None, None


def last_error() -> str:
    """The latest error llama.cpp logged, as "llama.cpp said: ..." for a message; empty if none."""
    for line in reversed(recent_lines()):
        lowered = line.lower()
        if "error" in lowered or "failed" in lowered or "unable" in lowered:
            return f"llama.cpp said: {line.strip()}"
    return ""
