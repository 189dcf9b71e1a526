"""The crash handler: any exception that is not a UserError is a bug; log it and tell the user.

Installed on both ``sys.excepthook`` (main thread, Qt slots) and ``threading.excepthook``
(workers), so no exception reaches the desktop as a dead app or a silent thread.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from desktop_helper import __version__
from desktop_helper.core.errors import UserError
from desktop_helper.logging_setup import redact

log = logging.getLogger(__name__)

#: called with (summary, report path or None) for a bug, or (message, None) for a UserError
CrashCallback = Callable[[str, "Path | None"], None]


class CrashHandler:
    def __init__(self, report_dir: Path | None) -> None:
        self.report_dir = report_dir
        self._callbacks: list[CrashCallback] = []
        self._previous_sys = sys.excepthook
        self._previous_threading = threading.excepthook

    def install(self) -> None:
        sys.excepthook = self._sys_hook
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        sys.excepthook = self._previous_sys
        threading.excepthook = self._previous_threading

    def on_crash(self, callback: CrashCallback) -> None:
        self._callbacks.append(callback)

    def _sys_hook(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous_sys(kind, value, tb)
            return
        self.handle(value, tb, "main thread")

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or isinstance(args.exc_value, SystemExit):
            return
        name = args.thread.name if args.thread is not None else "unknown thread"
        self.handle(args.exc_value, args.exc_traceback, name)

    def handle(self, error: BaseException, tb: TracebackType | None, where: str) -> None:
        if isinstance(error, UserError):
            log.warning("unhandled user error in %s: %s", where, error)
            self._notify(str(error), None)
            return
        text = "".join(traceback.format_exception(type(error), error, tb))
        log.critical("unhandled exception in %s:\n%s", where, text)
        report = self._write_report(text, where)
        self._notify(f"{type(error).__name__}: {error}", report)

    def _write_report(self, text: str, where: str) -> Path | None:
        if self.report_dir is None:
            return None
        try:
            self.report_dir.mkdir(parents=True, exist_ok=True)
            report = self.report_dir / f"crash-{time.strftime('%Y%m%d-%H%M%S')}.txt"
            report.write_text(
                f"desktop-helper {__version__}, Python {sys.version.split()[0]}, {sys.platform}\n"
                f"thread: {where}\n\n{redact(text)}",
                encoding="utf-8",
            )
            return report
        except OSError:
            return None

    def _notify(self, summary: str, report: Path | None) -> None:
        for callback in self._callbacks:
            try:
                callback(summary, report)
            except Exception:  # a failing crash callback must not recurse into the hook
                log.exception("crash callback failed")
