"""The crash handler: any exception that is not a UserError is a bug; log it and tell the user.

Installed on both ``sys.excepthook`` (main thread, Qt slots) and ``threading.excepthook``
(workers), so no exception reaches the desktop as a dead app or a silent thread.
"""

from __future__ import annotations

import functools
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
from desktop_helper.core.i18n import t
from desktop_helper.core.messages import Level, UserMessage
from desktop_helper.logging_setup import redact

log = logging.getLogger(__name__)

#: called with (summary, report path or None) for a bug, or (message, None) for a UserError
CrashCallback = Callable[[str, "Path | None"], None]

#: the same error again within this many seconds is logged but neither reported nor shown again
#: (a failing timer would otherwise write a report and show a message several times a second)
REPEAT_QUIET_SECONDS = 60.0


class CrashHandler:
    def __init__(self, report_dir: Path | None) -> None:
        self.report_dir = report_dir
        self._callbacks: list[CrashCallback] = []
        self._message_callbacks: list[Callable[[UserMessage], None]] = []
        self._last_seen: dict[str, float] = {}
        self._lock = threading.Lock()
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

    def on_message(self, callback: Callable[[UserMessage], None]) -> None:
        """Be given the message for the user: what went wrong and, only if one was written, the report file."""
        self._message_callbacks.append(callback)

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
            if self._first_in_a_while(str(error)):
                self._notify(str(error), None, UserMessage(Level.ERROR, error.message, error.fix))
            return
        text = "".join(traceback.format_exception(type(error), error, tb))
        log.critical("unhandled exception in %s:\n%s", where, text)
        summary = f"{type(error).__name__}: {error}"
        if not self._first_in_a_while(summary):
            return
        report = self._write_report(text, where)
        if report is not None:
            message = UserMessage(
                Level.ERROR,
                t("Something went wrong: {summary}. Details were saved to {report}.", summary=summary, report=report),
                t("Please report it with that file; the app keeps running."),
            )
        else:
            message = UserMessage(
                Level.ERROR,
                t("Something went wrong: {summary}. No report file could be written (is the disk full?).", summary=summary),
                t("The app keeps running. If it happens again, please report what you were doing."),
            )
        self._notify(summary, report, message)

    def _first_in_a_while(self, key: str) -> bool:
        now = time.monotonic()
        with self._lock:
            last = self._last_seen.get(key)
            if last is not None and now - last < REPEAT_QUIET_SECONDS:
                return False
            self._last_seen[key] = now
        return True

    def _write_report(self, text: str, where: str) -> Path | None:
        if self.report_dir is None:
            return None
        try:
            self.report_dir.mkdir(parents=True, exist_ok=True)
        except OSError:
            return None
        report = self.report_dir / f"crash-{time.strftime('%Y%m%d-%H%M%S')}.txt"
        try:
            report.write_text(
                f"desktop-helper {__version__}, Python {sys.version.split()[0]}, {sys.platform}\n"
                f"thread: {where}\n\n{redact(text)}",
                encoding="utf-8",
            )
            return report
        except OSError:
            report.unlink(missing_ok=True)  # a half-written report is no report
            return None

    def _notify(self, summary: str, report: Path | None, message: UserMessage) -> None:
        callbacks: list[Callable[[], None]] = [functools.partial(c, summary, report) for c in self._callbacks]
        callbacks += [functools.partial(c, message) for c in self._message_callbacks]
        for callback in callbacks:
            try:
                callback()
            except Exception:  # a failing crash callback must not recurse into the hook
                log.exception("crash callback failed")
