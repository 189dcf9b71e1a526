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
from typing import TYPE_CHECKING

from desktop_helper import APP_DISPLAY_NAME, APP_NAME, __version__
from desktop_helper.commands import CommandRouter, Output, Result
from desktop_helper.core.errors import UserError
from desktop_helper.core.i18n import t
from desktop_helper.core.messages import MessageBus, UserMessage
from desktop_helper.core.types import ImagePart
from desktop_helper.crash import CrashHandler
from desktop_helper.logging_setup import setup_logging
from desktop_helper.settings.paths import AppPaths
from desktop_helper.settings.secrets import SecretStore, open_secret_store
from desktop_helper.settings.store import Settings

if TYPE_CHECKING:
    from desktop_helper.history.store import HistoryStore
    from desktop_helper.ui.chat_window import ChatWindow

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
                t("The app's folders could not be created ({folders_problem}).", folders_problem=folders_problem),
                t("Settings and history are kept in memory only until you quit. Check the folder permissions."),
            )
        self.crash = CrashHandler(self.paths.logs)
        self.crash.install()
        self._service("crash handler", self.crash.uninstall)
        if not self._lock_instance(initial_argv):
            return False

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
        from desktop_helper.ui.i18n import install_translator, language_for

        self._translator = install_translator(self.qt, self.settings.get_str("language.ui"))
        self._language = language_for(self.settings.get_str("language.ui"))
        self.restart_requested = False
        from desktop_helper.ui.theme import Theme

        self.theme = Theme(self.qt, self.settings.get_str("general.theme"))
        self._service("Qt application")
        self._save_history_when_space_returns()

        # 4. single instance: listen before showing anything
        from desktop_helper import ipc
        from desktop_helper.ui.ipc_server import IpcServer

        try:
            self.ipc = IpcServer(ipc.server_name(self.paths), self.run_argv)
            if not self.ipc.listen():
                self.bus.error(t("Another copy may be starting; cannot accept commands from the command line."))
            self._service("command server", self.ipc.close)
        except UserError as exc:  # the socket's place is not private: run, but take no commands there
            self.bus.error(t("Commands from the command line are off: {message}", message=exc.message), exc.fix)

        # 5. user interface
        from desktop_helper.ui.message_bridge import MessageBridge
        from desktop_helper.ui.tray import Tray

        self.bridge = MessageBridge(self.bus)
        self.tray_available = _tray_available()
        self.tray = Tray() if self.tray_available else None
        if self.tray is not None:
            # first thing the user sees: show it and let the request reach the tray host now
            self.tray.command.connect(lambda argv: self.run_argv(argv, lambda _text: None))
            self.tray.show_hotkeys(self.settings.get)
            self.tray.show()
            self.qt.processEvents()
            self._service("tray icon", self.tray.hide)
        self.chat = self._build_chat_window()
        self.bridge.message.connect(self._show_message)
        self.crash.on_message(self.bus.send)
        if self.tray is None:
            self.bus.warning(
                t("No system tray was found, so the chat window stays open instead."),
                t("Use the window or the desktop-helper command (e.g. bind 'desktop-helper capture region' to a shortcut)."),
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
        steps: list[Callable[[], object]] = [
            self._build_capture,
            self._build_grounding,
            self._build_agent,
            lambda: self._finish_start(initial_argv),
        ]

        def next_step() -> None:
            steps.pop(0)()
            if steps:
                QTimer.singleShot(0, next_step)

        QTimer.singleShot(0, next_step)
        return True

    def _build_capture(self) -> None:
        # 7. capture: screenshots, region selector, recordings; global hotkeys run the same commands
        from desktop_helper.ui.capture_controller import CaptureController

        self.capture = CaptureController(self.settings, self.bus, self.run_argv, data_folder=self.paths.recordings)
        self.capture.captured.connect(self._show_capture)
        self.capture.recording_saved.connect(lambda path: self.chat.files.add_files([str(path)]))
        if self.tray is not None:
            tray = self.tray
            self.capture.recording_changed.connect(
                lambda status: tray.set_recording(int(status.seconds) if status.running else None)
            )
        self._service(f"capture ({self.capture.backend.name})", self.capture.close)
        self.capture.start()  # warms up the capture, recovers recordings the app was killed during

    def _show_capture(self, parts: list[ImagePart], quick_ask: bool) -> None:
        """A capture goes to the quick-ask prompt or to the chat with its question focused (``general.after_capture``)."""
        self.chat.attach_images(parts, focus_question=not quick_ask)
        if quick_ask:
            self.chat.show_mini()

    def _build_grounding(self) -> None:
        # 8. grounding: click-through overlay on every screen, and find-on-screen
        from desktop_helper.ui.find import FindController
        from desktop_helper.ui.overlay import OverlayController

        self.overlay = OverlayController(fade_seconds=self.settings.get_float("overlay.fade_seconds"))
        self._service("overlay", self.overlay.shutdown)
        self.overlay.use_hotkeys(self.capture.hotkeys)  # Escape dismisses shapes anywhere on the desktop
        self.capture.overlay = self.overlay  # captures take it off the screen (and it knows)
        self.find = FindController(
            self.overlay,
            lambda: self.backends.backend,
            self._capture_monitor_at,
            self.bus,
            options=lambda: {"thinking": self.settings.get_bool("models.thinking")},
        )
        self._service("find on screen", self.find.shutdown)
        self.chat.message_actions.overlay = self.overlay  # "Show on screen" under answers with boxes

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
        # runs are kept in the history: list them in the chat as they happen, not only after a restart
        self.agent.history_changed.connect(self.chat.conversations.reload)
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
        if self.settings.get_bool("general.show_chat_on_start"):
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

    def _open_history(self) -> HistoryStore:
        from desktop_helper.history.recovery import open_history
        from desktop_helper.history.store import HistoryStore

        session = self.paths.cache / f"session-attachments-{_pid()}"  # deleted when an unsaved history closes
        if not self.settings.get_bool("privacy.save_history"):
            return HistoryStore(None, session)
        # damaged, locked or full: the store says so in its notices and the app starts anyway
        history = open_history(self.paths.history_db, self.paths.attachments, session)
        for notice in history.notices:
            self.bus.send(notice)
        history.on_notice(self.bus.send)
        return history

    def _save_history_when_space_returns(self) -> None:
        """After a full disk the history lives in memory: try writing it out now and then (the store backs off)."""
        from PySide6.QtCore import QTimer

        self._history_retry = QTimer(self.qt)
        self._history_retry.setInterval(2000)
        self._history_retry.timeout.connect(lambda: self.history.saving_paused and self.history.save_unsaved())
        self._history_retry.start()

    def _build_chat_window(self) -> ChatWindow:
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

    def _setting_changed(self, key: str, value: object) -> None:
        if key == "language.ui":
            self._offer_restart(str(value))
        if key == "general.theme":
            self.theme.set_choice(str(value))
        if key.startswith("hotkeys.") and self.tray is not None:
            self.tray.show_hotkeys(self.settings.get)
        if key == "general.start_at_login":
            self._sync_autostart()
        if hasattr(self, "capture"):
            self.capture.setting_changed(key)

    def _sync_autostart(self, at_start: bool = False) -> None:
        wanted = self.settings.get_bool("general.start_at_login")
        try:
            if at_start and self.settings.is_default("general.start_at_login") and self.autostart.is_enabled():
                # an installer (or an older version) registered us: adopt that choice instead of undoing it
                self.settings.set("general.start_at_login", True)
                return
            if self.autostart.is_enabled() != wanted:
                self.autostart.apply(wanted)
        except OSError as exc:
            self.bus.warning(t("Start at login could not be changed: {exc}.", exc=exc))

    def _lock_instance(self, initial_argv: list[str]) -> bool:
        """Own this profile, or hand ``initial_argv`` to the instance that does and return False.

        Two launches at the same moment both find nobody answering on the command socket; the lock
        decides which one starts (a killed instance's lock is stale and taken over at once).
        """
        from PySide6.QtCore import QLockFile

        from desktop_helper import ipc

        lock = QLockFile(str(self.paths.data / "instance.lock"))
        lock.setStaleLockTime(0)  # stale only when its process is gone
        deadline = time.monotonic() + 30
        while not lock.tryLock(0):
            if lock.error() != QLockFile.LockError.LockFailedError:
                # no lock file can be made (a read-only profile): start without one, as before
                log.warning("cannot create %s (%s); not checking for a second instance", lock.fileName(), lock.error())
                return True
            # the other instance is starting: give it our command once it listens
            try:
                for reply in ipc.forward(self.paths, initial_argv or ["show-chat"]):
                    if reply.get("type") == "output":
                        print(reply.get("text", ""), flush=True)
                    elif reply.get("type") == "exit":
                        self.exit_code = int(reply.get("code", 0))
                log.info("another instance owns this profile; handed it %s", initial_argv or ["show-chat"])
                return False
            except ipc.NotRunningError:
                pass
            except (UserError, OSError, ValueError) as exc:
                print(f"desktop-helper: the running instance did not answer ({exc}).", file=sys.stderr)
                self.exit_code = 1
                return False
            if time.monotonic() > deadline:
                print(f"desktop-helper: another {APP_DISPLAY_NAME} is starting but does not answer.", file=sys.stderr)
                self.exit_code = 1
                return False
            time.sleep(0.2)
        self._instance_lock = lock
        self._service("instance lock", lock.unlock)
        return True

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
        self._build_mcp_host()
        r.register("mcp-call", self.mcp.command)

        def stop_all() -> None:
            self.agent.stop()  # first: the agent must halt before anything else runs
            self.find.cancel()
            self.overlay.clear()
            self.capture.stop()

        r.register("stop", _simple(stop_all))

    def _build_mcp_host(self) -> None:
        # 10. MCP: 'desktop-helper mcp' hands tool calls to this app (one model, one overlay, these settings)
        from desktop_helper.mcp.handoff import handoff_folder
        from desktop_helper.platform.window_list import window_lister_for_current_os
        from desktop_helper.ui.mcp_host import McpHost

        self.mcp = McpHost(
            self.settings,
            self.bus,
            self.capture.backend,
            window_lister_for_current_os(),
            lambda: self.backends.backend,
            self.find,
            self.agent,
            self.capture.hotkeys,
            lambda: getattr(self, "overlay", None),
            self.tray,
            lambda: handoff_folder(self.paths),
        )
        if getattr(self, "ipc", None) is not None:
            self.ipc.request_abandoned.connect(self.mcp.abandon)  # a cancelled MCP call stops here too
        self._service("MCP calls", self.mcp.shutdown)

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

    def _offer_restart(self, setting: str) -> None:
        """A new interface language takes effect at the next start: offer that start now."""
        from PySide6.QtCore import QTimer

        from desktop_helper.ui.i18n import RestartPrompt, language_for

        language = language_for(setting)
        if language == self._language:
            return
        prompt = getattr(self, "_restart_prompt", None)
        if prompt is None:
            prompt = self._restart_prompt = RestartPrompt(self.restart)
        # after the settings dialog that stored the change has closed
        QTimer.singleShot(0, lambda: prompt.offer(language))

    def restart(self) -> None:
        """Quit, then start again (run_app starts the new process once every service, lock and socket, is closed)."""
        log.info("restarting")
        self.restart_requested = True
        self.quit()

    def quit(self) -> None:
        from PySide6.QtCore import QTimer

        # let the reply to a forwarded "quit" go out before the event loop ends
        QTimer.singleShot(0, self.qt.quit)

    def run_argv(self, argv: list[str], output: Output) -> Result:
        """Run a command given as argv (forwarded from the CLI, the tray or a hotkey)."""
        from desktop_helper.cli import build_parser

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
    if app.restart_requested:
        app.shutdown()  # already done on aboutToQuit: the instance lock and the command socket are free
        _start_again(sys.orig_argv, sys.argv, frozen=bool(getattr(sys, "frozen", False)))
    return code or app.exit_code


def relaunch_command(orig_argv: list[str], argv: list[str], *, frozen: bool, executable: str) -> list[str]:
    """The command that starts this app again: the same interpreter and module or bundle, the same
    ``--profile`` and ``--verbose``, but not the command it was started with (``capture``, ``settings``...)."""
    args = argv[1:]
    prefix = [executable] if frozen else [executable, *orig_argv[1 : len(orig_argv) - len(args)]]
    kept: list[str] = []
    for index, arg in enumerate(args):
        if arg == "--verbose":
            kept.append(arg)
        elif arg == "--profile" and index + 1 < len(args):
            kept += [arg, args[index + 1]]
        elif arg.startswith("--profile="):
            kept.append(arg)
    return prefix + kept


def _start_again(orig_argv: list[str], argv: list[str], *, frozen: bool) -> None:
    import subprocess

    command = relaunch_command(orig_argv, argv, frozen=frozen, executable=sys.executable)
    log.info("starting again: %s", command)
    try:
        subprocess.Popen(command, close_fds=True)
    except OSError:
        log.exception("could not start again")
