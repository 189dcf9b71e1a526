"""The composition root: builds every service in order, wires them, and shuts them down in reverse.

(Editing in parallel? Read CONTRIBUTING.md first.)

This module and :mod:`desktop_helper.ui` are the only places that import Qt. Services get their
dependencies through their constructors; nothing reaches for a global.
"""

from __future__ import annotations

import argparse
import functools
import json
import logging
import os
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from desktop_helper import APP_DISPLAY_NAME, APP_NAME, __version__
from desktop_helper.commands import CommandRouter, Output, Result
from desktop_helper.core.errors import UserError
from desktop_helper.core.messages import MessageBus, UserMessage
from desktop_helper.core.types import ImagePart
from desktop_helper.crash import CrashHandler
from desktop_helper.logging_setup import setup_logging
from desktop_helper.settings.paths import AppPaths
from desktop_helper.settings.secrets import SecretStore, open_secret_store
from desktop_helper.settings.store import Settings

log = logging.getLogger(__name__)

_START = time.monotonic()
PROVIDERS_PAGE = "API providers"


class Application:
    """Owns the services of one running instance."""

    def __init__(self, args: argparse.Namespace, paths: AppPaths) -> None:
        self.args = args
        self.paths = paths
        self.bus = MessageBus()
        self.router = CommandRouter()
        self._shutdown: list[tuple[str, Callable[[], None]]] = []
        self.exit_code = 0

    # ----- lifecycle
    def _service(self, name: str, close: Callable[[], None] | None = None) -> None:
        log.info("started %s (%.0f ms)", name, (time.monotonic() - _START) * 1000)
        if close is not None:
            self._shutdown.append((name, close))

    def shutdown(self) -> None:
        """Close services in the reverse order they were built; runs once, on aboutToQuit."""
        while self._shutdown:
            name, close = self._shutdown.pop()
            try:
                close()
                log.info("stopped %s", name)
            except Exception:
                log.exception("stopping %s failed", name)

    def build(self, initial_argv: list[str]) -> bool:
        """Build all services; False when another instance took over or the app cannot start."""
        # 1. folders, logging and the crash handler, before anything can fail
        folders_problem = None
        try:
            self.paths.ensure()
        except OSError as exc:
            folders_problem = f"{exc.filename or self.paths.config}: {exc.strerror}"
        log_file = setup_logging(self.paths.logs, verbose=self.args.verbose)
        log.info("%s %s starting, log %s", APP_NAME, __version__, log_file)
        if folders_problem:
            self.bus.warning(
                f"The app's folders could not be created ({folders_problem}).",
                "Settings and history are kept in memory only until you quit. Check the folder permissions.",
            )
        self.crash = CrashHandler(self.paths.logs)
        self.crash.install()
        self._service("crash handler", self.crash.uninstall)

        # 2. settings and secrets (pure services)
        self.settings = Settings(self.paths.settings_file)
        for problem in self.settings.problems:
            self.bus.warning(problem.message, problem.fix)
        self.settings.on_problem(lambda problem: self.bus.warning(problem.message, problem.fix))
        self._service(f"settings ({self.paths.settings_file})")
        self.history = self._open_history()
        self._service(f"history ({self.history.db_path or 'in memory'})", self.history.close)

        # 3. Qt
        from PySide6.QtCore import QCoreApplication, Qt, QTimer
        from PySide6.QtGui import QGuiApplication
        from PySide6.QtWidgets import QApplication

        from desktop_helper.ui.qt_logging import install_qt_message_handler

        install_qt_message_handler()
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        QCoreApplication.setApplicationName(APP_NAME)
        QCoreApplication.setApplicationVersion(__version__)
        QGuiApplication.setApplicationDisplayName(APP_DISPLAY_NAME)
        QGuiApplication.setDesktopFileName(APP_NAME)
        self.qt = QApplication.instance() or QApplication([sys.argv[0]])
        assert isinstance(self.qt, QApplication)
        self.qt.setQuitOnLastWindowClosed(False)
        from desktop_helper.ui.i18n import install_translator

        self._translator = install_translator(self.qt, str(self.settings.get("language.ui")))
        self._service("Qt application")

        # 4. single instance: listen before showing anything
        from desktop_helper import ipc
        from desktop_helper.ui.ipc_server import IpcServer

        self.ipc = IpcServer(ipc.server_name(self.paths), self.run_argv)
        if not self.ipc.listen():
            self.bus.error("Another copy may be starting; cannot accept commands from the command line.")
        self._service("command server", self.ipc.close)

        # 5. user interface
        from desktop_helper.ui.message_bridge import MessageBridge
        from desktop_helper.ui.tray import Tray

        self.bridge = MessageBridge(self.bus)
        self.tray_available = _tray_available()
        self.tray = Tray() if self.tray_available else None
        if self.tray is not None:
            # first thing the user sees: show it and let the request reach the tray host now
            self.tray.command.connect(lambda argv: self.run_argv(argv, lambda _text: None))
            self.tray.show()
            self.qt.processEvents()
            self._service("tray icon", self.tray.hide)
        self.chat = self._build_chat_window()
        self.bridge.message.connect(self._show_message)
        self.crash.on_crash(self._crash_reported)
        if self.tray is None:
            self.bus.warning(
                "No system tray was found, so the chat window stays open instead.",
                "Use the window or the desktop-helper command (e.g. bind 'desktop-helper capture region' to a shortcut).",
            )
            self.chat.bring_to_front()
        self.bridge.start()
        self._service("user interface", self.bridge.stop)

        # 6. OS integration
        from desktop_helper.platform.autostart import autostart_for_current_os
        from desktop_helper.platform.system import launch_command

        self.autostart = autostart_for_current_os(launch_command())
        self.settings.on_change(self._setting_changed)
        self._sync_autostart(at_start=True)
        self._service("autostart")
        self._register_basic_commands()
        self.qt.aboutToQuit.connect(self.shutdown)
        log.info("tray ready in %.0f ms (tray: %s)", (time.monotonic() - _START) * 1000, self.tray_available)
        # the features come up step by step once the event loop runs, so the tray answers meanwhile
        steps = [self._build_capture, self._build_grounding, self._build_agent, lambda: self._finish_start(initial_argv)]

        def next_step() -> None:
            steps.pop(0)()
            if steps:
                QTimer.singleShot(0, next_step)

        QTimer.singleShot(0, next_step)
        return True

    def _build_capture(self) -> None:
        # 7. capture: screenshots, region selector, recordings; global hotkeys run the same commands
        from desktop_helper.ui.capture_controller import CaptureController

        self.capture = CaptureController(
            self.settings, self.bus, self.chat, self.run_argv, self.tray, data_folder=self.paths.recordings
        )
        self._service(f"capture ({self.capture.backend.name})", self.capture.close)
        self.capture.start()  # warms up the capture, recovers recordings the app was killed during

    def _build_grounding(self) -> None:
        # 8. grounding: click-through overlay on every screen, and find-on-screen
        from desktop_helper.ui.find import FindController
        from desktop_helper.ui.overlay import OverlayController

        self.overlay = OverlayController(fade_seconds=float(self.settings.get("overlay.fade_seconds")))
        self._service("overlay", self.overlay.shutdown)
        self.find = FindController(
            self.overlay,
            lambda: self.backends.backend,
            self._capture_monitor_at,
            self.bus,
            options=lambda: {"thinking": bool(self.settings.get("models.thinking"))},
        )
        self._service("find on screen", self.find.shutdown)
        self.chat.set_overlay(self.overlay)  # "Show on screen" under answers with boxes

    def _build_agent(self) -> None:
        # 9. GUI agent: step panel, overlay markers, clipboard typing, its own stop hotkey
        from desktop_helper.ui.agent_session import AgentService

        self.agent = AgentService(
            self.settings,
            (self.paths.history_db, self.paths.attachments),
            lambda: self.backends.backend,
            self.capture,
            overlay=lambda: getattr(self, "overlay", None),
        )
        self._service("GUI agent", self.agent.shutdown)
        from desktop_helper.agent.tools import ScreenTools, capture_backend_grabber, capture_backend_region_grabber
        from desktop_helper.platform.window_list import window_lister_for_current_os

        self.chat.agent_requested.connect(lambda task: self.run_argv(["agent", task] if task else ["agent"], self.bus.info))
        self.chat.screen_tools = ScreenTools(
            capture_backend_grabber(self.capture.backend),
            window_lister_for_current_os(),
            capture_backend_region_grabber(self.capture.backend),
        )

    def _finish_start(self, initial_argv: list[str]) -> None:
        self._register_feature_commands()
        self.capture.start_hotkeys()
        self._service(f"hotkeys ({self.capture.hotkeys.name})", self.capture.hotkeys.stop)
        if self.settings.get("general.show_chat_on_start"):
            self.chat.bring_to_front()
        self._welcome_if_needed()
        if initial_argv:
            self.run_argv(initial_argv, self.bus.info)
        log.info("ready in %.0f ms", (time.monotonic() - _START) * 1000)

    # ----- pieces
    @functools.cached_property
    def secrets(self) -> SecretStore:
        """The keyring, opened on first use: importing its backends costs ~0.2 s of start-up."""
        store, problem = open_secret_store()
        if problem is not None:
            log.info("secret store: %s", problem.message)
        log.info("API keys are kept in %s", store.location)
        return store

    def _open_history(self):
        from desktop_helper.history.store import HistoryError, HistoryStore

        session = self.paths.cache / f"session-attachments-{_pid()}"  # deleted when an unsaved history closes
        if not self.settings.get("privacy.save_history"):
            return HistoryStore(None, session)
        try:
            return HistoryStore(self.paths.history_db, self.paths.attachments)
        except HistoryError as exc:
            self.bus.error(exc.message + " History is kept in memory until you quit.", exc.fix)
            return HistoryStore(None, session)

    def _build_chat_window(self):
        from desktop_helper.ui.backend_service import BackendService
        from desktop_helper.ui.chat_window import ChatWindow

        self.backends = BackendService(self.settings, lambda: self.secrets)
        self._service("model backends", self.backends.shutdown)
        chat = ChatWindow(self.history, self.backends, self.settings, preview_dir=self.paths.cache / "preview")
        self._service("chat window", chat.shutdown)
        self.backends.start()  # loads the local model now, in the background, with its state shown in the chat
        return chat

    def _capture_monitor_at(self, cursor_logical: tuple[int, int]) -> ImagePart:
        """The monitor under a logical point, as an image with its geometry (runs on a worker thread)."""
        from desktop_helper.agent.tools import frame_to_part

        return frame_to_part(self.capture.grab_monitor_at(cursor_logical), "screen.png")

    def _show_message(self, message: UserMessage) -> None:
        if self.tray is not None and self.tray.icon.isVisible():
            self.tray.notify(message)
        self.chat.show_notice(message)

    def _crash_reported(self, summary: str, report: Path | None) -> None:
        where = f" Details were saved to {report}." if report else ""
        self.bus.error(f"Something went wrong: {summary}.{where}", "Please report it with that file; the app keeps running.")

    def _setting_changed(self, key: str, value: object) -> None:
        if key == "general.start_at_login":
            self._sync_autostart()
        if hasattr(self, "capture"):
            self.capture.setting_changed(key)

    def _sync_autostart(self, at_start: bool = False) -> None:
        wanted = bool(self.settings.get("general.start_at_login"))
        try:
            if at_start and self.settings.is_default("general.start_at_login") and self.autostart.is_enabled():
                # an installer (or an older version) registered us: adopt that choice instead of undoing it
                self.settings.set("general.start_at_login", True)
                return
            if self.autostart.is_enabled() != wanted:
                self.autostart.apply(wanted)
        except OSError as exc:
            self.bus.warning(f"Start at login could not be changed: {exc}.")

    def _welcome_if_needed(self) -> None:
        """First start without a model or a provider: offer to download one, pick files, or use an API."""
        from desktop_helper.backends.factory import SCRIPTED_ENV
        from desktop_helper.models.manager import needs_welcome

        if os.environ.get(SCRIPTED_ENV) or not needs_welcome(self.settings, self.paths.models):
            return
        from desktop_helper.ui.welcome import WelcomeDialog

        self.welcome = WelcomeDialog(self.paths.models)
        self.welcome.page.model_chosen.connect(self._use_local_model)
        self.welcome.page.api_provider_requested.connect(lambda: self.open_settings(PROVIDERS_PAGE))
        self._service("welcome", self.welcome.shutdown)
        self.welcome.show()

    def _use_local_model(self, model: str, mmproj: str) -> None:
        self.settings.set("models.local_model_path", model)
        self.settings.set("models.local_mmproj_path", mmproj)
        self.settings.set("models.backend", "local_gguf")
        self.backends.start()
        self.chat.bring_to_front()

    def open_settings(self, page: str | None = None) -> None:
        from desktop_helper.ui import schema_i18n
        from desktop_helper.ui.settings_dialog import SettingsDialog

        dialog = getattr(self, "_settings_dialog", None)
        if dialog is None:
            from desktop_helper.ui.providers_page import ProvidersPage

            dialog = self._settings_dialog = SettingsDialog(self.settings)
            providers = ProvidersPage(self.settings, lambda: self.secrets)
            dialog.add_page(schema_i18n.tr(PROVIDERS_PAGE), providers)
            self._service("providers page", providers.shutdown)
        if page is not None:
            dialog.show_page(schema_i18n.tr(page))
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def _register_basic_commands(self) -> None:
        r = self.router
        r.register("show-chat", _simple(self.chat.bring_to_front))
        r.register("hide-chat", _simple(self.chat.hide))
        r.register("toggle-chat", _simple(lambda: self.chat.hide() if self.chat.isVisible() else self.chat.bring_to_front()))
        r.register("settings", _simple(self.open_settings))
        r.register("quit", _simple(self.quit))

    def _register_feature_commands(self) -> None:
        r = self.router
        r.register("status", self._status)
        r.register("capture", self.capture.capture_command)
        r.register("record", self.capture.record_command)
        r.register("agent", self.agent.command)
        r.register("find", self.find.find_command)
        r.register("ask", self._ask)

        def stop_all() -> None:
            self.agent.stop()  # first: the agent must halt before anything else runs
            self.find.cancel()
            self.overlay.clear()
            self.capture.stop()

        r.register("stop", _simple(stop_all))

    def _ask(self, args: argparse.Namespace, output: Output) -> Result:
        """Answer a forwarded ``desktop-helper ask`` with the model the app already has loaded."""
        from concurrent.futures import Future

        from desktop_helper.ask import serve_forwarded

        backend = self.backends.backend
        if backend is None:
            # exit 2 + "not available": the caller answers by itself instead
            output("The app's model is not available yet.")
            return 2
        result: Future[int] = Future()

        def work() -> None:
            try:
                result.set_result(serve_forwarded(args, output, backend))
            except BaseException as exc:  # the caller must always get an exit code
                result.set_exception(exc)

        threading.Thread(target=work, name="forwarded-ask", daemon=True).start()
        return result

    def _status(self, _args: argparse.Namespace, output: Output) -> int:
        state = {
            "version": __version__,
            "pid": _pid(),
            "tray": bool(self.tray is not None and self.tray.icon.isVisible()),
            "chat_visible": self.chat.isVisible(),
            "profile": str(self.paths.config.parent),
            "model": {
                "ready": self.backends.backend is not None,
                "state": self.backends.state,
                # where it runs: device, layers on the GPU, CPU backend variant ({} for an API provider)
                "runtime": self.backends.backend.runtime() if self.backends.backend is not None else {},
            },
            **self.capture.status(),
        }
        output(json.dumps(state))
        return 0

    def quit(self) -> None:
        from PySide6.QtCore import QTimer

        # let the reply to a forwarded "quit" go out before the event loop ends
        QTimer.singleShot(0, self.qt.quit)

    def run_argv(self, argv: list[str], output: Output) -> Result:
        """Run a command given as argv (forwarded from the CLI, the tray or a hotkey)."""
        from desktop_helper.__main__ import build_parser

        try:
            args = build_parser().parse_args(argv)
        except SystemExit as exc:
            output("Unknown command: " + " ".join(argv))
            return int(exc.code or 2)
        if args.command is None:
            args.command = "show-chat"
        try:
            return self.router.run(args, output)
        except UserError as exc:
            self.bus.error(exc.message, exc.fix)
            output(str(exc))
            return 1


def _simple(action: Callable[[], None]) -> Callable[[argparse.Namespace, Output], int]:
    """A command handler that runs ``action`` and succeeds."""

    def handler(_args: argparse.Namespace, _output: Output) -> int:
        action()
        return 0

    return handler


def _pid() -> int:
    return os.getpid()


def _tray_available() -> bool:
    from PySide6.QtWidgets import QSystemTrayIcon

    return QSystemTrayIcon.isSystemTrayAvailable()


def _quit_on_signals(app: Application) -> socket.socket:
    """Quit cleanly on Ctrl+C / SIGTERM without a polling timer.

    Python runs signal handlers only when the interpreter gets control; a socket that the
    signal wakes up, watched by Qt, gives it control exactly when a signal arrives.
    """
    from PySide6.QtCore import QSocketNotifier

    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno())
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app.qt)
    notifier.activated.connect(lambda *_: reader.recv(64))
    signal.signal(signal.SIGINT, lambda *_: app.quit())
    signal.signal(signal.SIGTERM, lambda *_: app.quit())
    app._signal_sockets = (reader, writer, notifier)  # type: ignore[attr-defined]
    return reader


def run_app(args: argparse.Namespace, paths: AppPaths, initial_argv: list[str] | None = None) -> int:
    app = Application(args, paths)
    if not app.build(initial_argv or []):
        return app.exit_code
    wakeup = _quit_on_signals(app)
    code = app.qt.exec()
    wakeup.close()
    log.info("exited with %s", code)
    return code or app.exit_code
