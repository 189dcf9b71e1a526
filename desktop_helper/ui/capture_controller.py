"""Qt glue for capturing: hotkeys, the capture and record commands, the region selector, the tray.

Every hotkey runs the same command the CLI would (``capture region``, ``record toggle``...), so
``desktop-helper capture region`` bound to a desktop shortcut behaves exactly like the hotkey.

Threads: pynput calls back on its listener thread and only emits a signal, connected with a
queued connection, so the command runs on the GUI thread. Grabs run on one worker thread that
owns the capture backend's mss instance (mss wants one per thread); results come back as queued
signals. Recordings have their own capture and writer threads (media/recording.py).

Signals (GUI thread), connected by the app to the chat window and the tray:
    captured(object, bool): the list of ImagePart a capture produced, and whether to open them in the
        quick-ask prompt (``general.after_capture``) rather than the chat with its question focused.
    recording_changed(object): the RecordingStatus when a recording starts, ticks or ends
        (``running`` is False once it ended).
    recording_saved(object): the Path of a finished recording.
"""

from __future__ import annotations

import argparse
import logging
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol

import shiboken6
from PySide6.QtCore import QObject, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication

from desktop_helper.commands import Output, Result
from desktop_helper.core.errors import CaptureError, UserError
from desktop_helper.core.geometry import Monitor, Rect, monitor_at_logical, nearest_monitor
from desktop_helper.core.i18n import t
from desktop_helper.core.messages import MessageBus
from desktop_helper.core.types import ImagePart
from desktop_helper.media.frames import encode_pixels
from desktop_helper.media.recording import Recorder, RecordingStatus, recover_interrupted
from desktop_helper.platform.capture import CaptureBackend, Frame, capture_backend_for_current_os, monitor_for_rect
from desktop_helper.platform.capture.macos import ScreenRecordingDeniedError, open_screen_recording_settings
from desktop_helper.platform.hotkeys import HOTKEY_COMMANDS, HotkeyService, hotkeys_for_current_os
from desktop_helper.platform.window_list import WindowInfo, list_windows, window_at
from desktop_helper.settings.store import Settings
from desktop_helper.ui.recording_indicator import RecordingIndicator
from desktop_helper.ui.region_selector import RegionSelector, physical_rect_of, screen_scales

log = logging.getLogger(__name__)

#: time for the window system to repaint after we hide our own windows, before grabbing
HIDE_SETTLE_MS = 120
#: Qt's own top-level widget of the tray icon on X11 (embedded in the panel): hidden, the panel lets
#: go of it and showing it again does not bring it back, so it is never hidden (it is not on our
#: windows anyway, it sits in the panel)
_TRAY_ICON_WIDGET = "QSystemTrayIconSys"


class OwnOverlay(Protocol):
    """The app's on-screen shapes (ui/overlay.OverlayController), taken off the screen during a capture."""

    @property
    def drawn_count(self) -> int: ...

    def windows(self) -> list[Any]: ...

    def hidden(self) -> AbstractContextManager[object]: ...


class CaptureController(QObject):
    """Captures and recordings for the app.

    Args:
        settings: the app settings (hotkeys.*, capture.*, general.after_capture).
        bus: the user-message channel.
        run_argv: runs a command like the CLI does (hotkeys go through it).
        data_folder: fallback folder for recordings.
        backend / hotkeys: injected for tests; default: the ones for this OS.
    """

    captured = Signal(object, bool)
    recording_changed = Signal(object)
    recording_saved = Signal(object)
    _hotkey = Signal(str)
    _done = Signal(object)
    _background = Signal(object)

    def __init__(
        self,
        settings: Settings,
        bus: MessageBus,
        run_argv: Callable[[list[str], Output], Result],
        *,
        data_folder: Path | None = None,
        backend: CaptureBackend | None = None,
        hotkeys: HotkeyService | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.bus = bus
        self.run_argv = run_argv
        self.data_folder = data_folder or Path.home()
        self.backend = backend or capture_backend_for_current_os()
        self.hotkeys = hotkeys or hotkeys_for_current_os()
        self.last_region: Rect | None = None
        self.selector: RegionSelector | None = None
        self.recorder: Recorder | None = None
        self._recording_backend: CaptureBackend | None = None
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="capture")
        self._hidden: list[Any] = []
        #: the app's overlay (set by the app once built): hidden through it, so it knows its shapes are off the screen
        self.overlay: OwnOverlay | None = None
        self._overlay_hidden: AbstractContextManager[object] | None = None
        self._busy = False
        self._closed = False
        self._warned_drops = False
        self._opened_permission_pane = False
        self.open_permission_settings: Callable[[], None] = open_screen_recording_settings
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._recording_tick)
        #: the border, timer and Stop button around a running recording (outside the recorded area)
        self.indicator = RecordingIndicator()
        self.indicator.bar.stop_clicked.connect(self.stop)
        # the listener thread can die (X connection lost, OS revoked input monitoring): notice and restart once
        self._watchdog = QTimer(self)
        self._watchdog.setInterval(5000)
        self._watchdog.timeout.connect(self._check_hotkeys)
        self._hotkeys_restarted = False
        # the settings dialog stores each changed hotkey in turn: restart the listener once for all
        self._hotkeys_changed = QTimer(self)
        self._hotkeys_changed.setSingleShot(True)
        self._hotkeys_changed.setInterval(0)
        self._hotkeys_changed.timeout.connect(self.start_hotkeys)
        self._hotkey.connect(self._run_hotkey, Qt.ConnectionType.QueuedConnection)
        self._done.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._background.connect(self._background_done, Qt.ConnectionType.QueuedConnection)
        self._update_scales()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenAdded.connect(lambda *_: self._update_scales())
            app.screenRemoved.connect(lambda *_: self._update_scales())

    # ----- hotkeys
    def start_hotkeys(self) -> None:
        """(Re)start the global hotkeys from the settings; problems go to the user."""
        self._watchdog.stop()
        self.hotkeys.stop()
        if not self.settings.get_bool("hotkeys.enabled"):
            return
        bindings = {action: self.settings.get_str(f"hotkeys.{action}") for action in HOTKEY_COMMANDS}
        for problem in self.hotkeys.start(bindings, self._hotkey.emit):
            self.bus.warning(problem.message, problem.fix)
        if self.hotkeys.running:
            self._watchdog.start()

    def _check_hotkeys(self) -> None:
        if self.hotkeys.running or self._closed:
            return
        self._watchdog.stop()
        if self._hotkeys_restarted:
            self.bus.error(t("Global hotkeys stopped working."), t("Restart the app, or use the tray menu and the command line."))
            return
        log.warning("the hotkey listener stopped; restarting it")
        self._hotkeys_restarted = True
        self.start_hotkeys()

    def setting_changed(self, key: str) -> None:
        if key.startswith("hotkeys.") and not self._closed:
            self._hotkeys_changed.start()

    def _run_hotkey(self, action: str) -> None:
        argv = HOTKEY_COMMANDS.get(action)
        if argv:
            log.info("hotkey %s -> %s", action, " ".join(argv))
            self.run_argv(list(argv), lambda _text: None)

    # ----- commands
    def capture_command(self, args: argparse.Namespace, output: Output) -> int:
        delay = args.delay if args.delay is not None else self.settings.get_int("capture.delay_seconds")
        what = args.what
        if what == "last-region" and self.last_region is None:
            what = "region"
        if what == "monitor" and args.monitor is not None:
            monitors = self._monitors()
            if not 1 <= args.monitor <= len(monitors):
                raise CaptureError(
                    t("There is no monitor {monitor}; this desktop has {count}.", monitor=args.monitor, count=len(monitors))
                )
        if self._busy or self.selector is not None:
            output("A capture is already in progress.")
            return 1
        self._busy = True
        # precise: a coarse timer may fire up to 5 % early, and a delay is a promise to the user;
        # parented, so it dies with the controller instead of firing after close()
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.timeout.connect(lambda: self._begin(what, args.monitor))
        timer.timeout.connect(timer.deleteLater)
        timer.start(max(0, delay) * 1000)
        output(f"Capturing {what}" + (f" in {delay} s" if delay else "") + ".")
        return 0

    def record_command(self, args: argparse.Namespace, output: Output) -> int:
        action = args.action
        if action == "toggle":
            action = "stop" if self.recorder is not None else "start"
        if action == "stop":
            if self.recorder is None:
                output("No recording is running.")
                return 1
            self.recorder.stop()
            output("Stopping the recording.")
            return 0
        if self.recorder is not None:
            output("A recording is already running.")
            return 1
        if args.region:
            self._busy = True
            self._begin("record-region", None)
            output("Select the region to record.")
            return 0
        monitor = self._monitor_under_cursor()
        self._start_recording(monitor.physical)
        output(f"Recording monitor {monitor.id} ({monitor.physical.width:g}x{monitor.physical.height:g}).")
        return 0

    def stop(self) -> None:
        """The stop command: end a recording and a region selection."""
        if self.recorder is not None:
            self.recorder.stop()
        if self.selector is not None:
            self.selector.cancel()

    # ----- capture flow
    def _monitors(self) -> list[Monitor]:
        return self.backend.monitors()

    def _monitor_under_cursor(self) -> Monitor:
        position = QCursor.pos()
        return self.monitor_at((position.x(), position.y()))

    def monitor_at(self, logical: tuple[float, float]) -> Monitor:
        """The monitor under a global logical point (the nearest one if the point is in a gap)."""
        monitors = self._monitors()
        if not monitors:
            raise CaptureError(t("No monitor was found."))
        return monitor_at_logical(monitors, *logical) or nearest_monitor(monitors, *logical)

    def grab_monitor_at(self, logical: tuple[float, float]) -> Frame:
        """Grab the monitor under a logical point on the capture thread, whose mss instance is warm.

        Blocks until the grab is done: call it from a worker thread, never the GUI thread.
        """
        return self._executor.submit(lambda: self.backend.grab_monitor(self.monitor_at(logical))).result()

    def _update_scales(self) -> None:
        self.backend.set_scales(screen_scales())
        self.backend.set_monitors(
            [
                Monitor(i, s.name(), Rect(*physical_rect_of(s)), s.devicePixelRatio(), s is QGuiApplication.primaryScreen())
                for i, s in enumerate(QGuiApplication.screens(), start=1)
            ]
        )

    def _hide_own_windows(self) -> bool:
        """Hide our visible windows so they are not in the capture (restored after the grab); the tray icon stays.

        Returns:
            Whether anything was hidden (then the screen needs a moment to repaint).
        """
        overlay_windows: list[Any] = []
        overlay_shown = False
        if self.overlay is not None and self._overlay_hidden is None:
            overlay_windows = self.overlay.windows()
            overlay_shown = self.overlay.drawn_count > 0
            self._overlay_hidden = self.overlay.hidden()
            self._overlay_hidden.__enter__()
        self._hidden = [
            w
            for w in QApplication.topLevelWidgets()
            if w.isVisible()
            and w.objectName() != "region_selector"
            and w.metaObject().className() != _TRAY_ICON_WIDGET
            and w not in overlay_windows
        ]
        for widget in self._hidden:
            widget.hide()
        return bool(self._hidden) or overlay_shown

    def _restore_own_windows(self) -> None:
        overlay_hidden, self._overlay_hidden = self._overlay_hidden, None
        if overlay_hidden is not None:
            overlay_hidden.__exit__(None, None, None)
        hidden, self._hidden = self._hidden, []
        for widget in hidden:
            if shiboken6.isValid(widget):  # a dialog hidden while it ran has ended, and may be deleted since
                widget.show()

    def _begin(self, what: str, monitor_number: int | None) -> None:
        if self._closed:
            return
        delay = HIDE_SETTLE_MS if self._hide_own_windows() else 0
        QTimer.singleShot(delay, lambda: self._grab(what, monitor_number))

    def _grab(self, what: str, monitor_number: int | None) -> None:
        if self._closed:
            return
        cursor = QCursor.pos()
        cursor_logical = (cursor.x(), cursor.y())
        display = None

        def work() -> tuple[str, Any]:
            monitors = self.backend.monitors()
            if what in ("region", "record-region"):
                frames = self.backend.grab_monitors(monitors)
                return what, (frames, list_windows(display))
            if what == "screen":
                found = monitor_at_logical(monitors, *cursor_logical) or nearest_monitor(monitors, *cursor_logical)
                return what, _encoded(self.backend.grab_monitor(found))
            if what == "monitor":
                return what, _encoded(self.backend.grab_monitor(monitors[(monitor_number or 1) - 1]))
            if what == "last-region":
                assert self.last_region is not None
                return what, _encoded(self.backend.grab(self.last_region, monitor_for_rect(monitors, self.last_region)))
            if what == "window":
                found = monitor_at_logical(monitors, *cursor_logical) or nearest_monitor(monitors, *cursor_logical)
                x, y = found.logical_to_physical(*cursor_logical)
                window = window_at(list_windows(display), x, y)
                rect = window.rect.intersection(found.physical) if window is not None and window.rect is not None else None
                return what, _encoded(self.backend.grab(rect or found.physical, found))
            raise CaptureError(t("Unknown capture '{what}'.", what=what))

        self._submit(work)

    def _submit(self, work: Callable[[], Any], done: Callable[[Future[Any]], None] | None = None) -> None:
        """Run ``work`` on the capture thread; ``done`` (a signal's emit: queued to the GUI thread) gets the future."""
        if self._closed:
            return
        future: Future[Any] = self._executor.submit(work)
        future.add_done_callback(done or self._done.emit)

    def _deliver(self, item: Future[Any] | RecordingStatus) -> None:
        if isinstance(item, RecordingStatus):
            self._recording_finished(item)
            return
        future = item
        if self._closed:
            return
        selecting = future.exception() is None and future.result()[0] in ("region", "record-region")
        if not selecting:
            # the region selector brings them back when it closes: a window shown now would take the focus from it
            self._restore_own_windows()
        try:
            what, result = future.result()
        except UserError as exc:
            self._busy = False
            self.bus.error(exc.message, exc.fix)
            if isinstance(exc, ScreenRecordingDeniedError) and not self._opened_permission_pane:
                # take the user straight to the switch (once per run; macOS applies it after a restart)
                self._opened_permission_pane = True
                self.open_permission_settings()
            return
        except Exception as exc:
            self._busy = False
            log.exception("capture failed")
            self.bus.error(
                t("The screen could not be captured: {exc}.", exc=exc), t("Try again; if it keeps failing, check the log.")
            )
            return
        if what in ("region", "record-region"):
            frames, windows = result
            self._select(frames, windows, record=what == "record-region")
            return
        self._busy = False
        self._hand_on(*result)

    def _select(self, frames: list[Frame], windows: list[WindowInfo], record: bool) -> None:
        selector = RegionSelector(
            frames,
            windows,
            last_region=self.last_region,
            confirm_on_release=self.settings.get_bool("capture.confirm_on_release"),
            parent=self,
        )
        self.selector = selector

        def chosen(rect: Rect) -> None:
            self.selector = None
            self._restore_own_windows()
            self.last_region = rect
            if record:
                self._busy = False
                self._start_recording(rect)
                return
            try:
                frame = selector.frame_for(rect)
            except ValueError as exc:
                self._busy = False
                self.bus.error(t("The region could not be captured: {exc}.", exc=exc), t("Select it again."))
                return
            # still busy until the PNG, encoded on the capture thread, is handed on (_deliver)
            self._submit(lambda: ("selection", _encoded(frame)))
            selector.deleteLater()

        def cancelled() -> None:
            self.selector = None
            self._restore_own_windows()
            self._busy = False
            selector.deleteLater()

        selector.selected.connect(chosen)
        selector.cancelled.connect(cancelled)
        selector.show()

    def _hand_on(self, frame: Frame, part: ImagePart) -> None:
        """After a capture (``part``: its PNG): copy/save if asked, and open it in the chat or the quick-ask prompt."""
        rect = frame.geometry.rect
        log.info("capture: %dx%d at (%g, %g) on monitor %d", part.width, part.height, rect.x, rect.y, frame.geometry.monitor.id)
        if self.settings.get_bool("capture.copy_to_clipboard"):
            image = QImage(frame.pixels.data, frame.width, frame.height, frame.pixels.strides[0], QImage.Format.Format_RGB32)
            QGuiApplication.clipboard().setImage(image.copy())
        folder = self.settings.get_str("capture.save_folder")
        if folder:
            try:
                Path(folder).mkdir(parents=True, exist_ok=True)
                (Path(folder) / part.name).write_bytes(part.data)
            except OSError as exc:
                self.bus.warning(
                    t("The capture could not be saved to {folder}: {value}.", folder=folder, value=exc.strerror or exc),
                    t("Check the folder in Settings > Capture."),
                )
        self.captured.emit([part], self.settings.get_str("general.after_capture") == "quick_ask")

    def start(self) -> None:
        """Background start-up: open the capture (the first X11 grab sets up shared memory, ~0.3 s,
        better spent now than after the first hotkey) and recover interrupted recordings."""

        def warm_up() -> list[Path]:
            try:
                monitors = self.backend.monitors()
                if monitors and not self.backend.slow:
                    self.backend.grab_monitor(monitors[0])
            except Exception as exc:  # reported when the user really captures
                log.info("capture warm-up failed: %s", exc)
            return []

        self._submit(warm_up, self._background.emit)
        self.recover_recordings()

    # ----- recording
    def recover_recordings(self) -> None:
        """Join the segments of recordings the app was killed during (run once at start, off the GUI thread)."""

        folder = self.recordings_folder()
        self._submit(lambda: recover_interrupted(folder), self._background.emit)

    def _background_done(self, future: Future[Any]) -> None:
        try:
            recovered = future.result()
        except Exception:
            log.exception("a background capture job failed")
            return
        for recording in recovered:
            when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(recording.interrupted_at))
            self.bus.info(
                self.tr("Recovered a recording interrupted at {0} ({1} s): {2}").format(
                    when, f"{recording.seconds:.1f}", recording.path
                )
            )

    def recordings_folder(self) -> Path:
        chosen = self.settings.get_str("capture.recordings_folder")
        if chosen:
            return Path(chosen)
        movies = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.MoviesLocation)
        if movies and Path(movies).is_dir():
            return Path(movies) / "Desktop Helper"
        return self.data_folder

    def _start_recording(self, rect: Rect) -> None:
        backend = self.backend.recording_backend(screen_scales())
        self._recording_backend = backend
        self.recorder = Recorder(
            None,
            rect,
            self.recordings_folder(),
            time.strftime("recording-%Y%m%d-%H%M%S"),
            fps=self.settings.get_int("capture.record_fps"),
            max_seconds=self.settings.get_int("capture.record_max_seconds"),
            on_finished=self._done.emit,
            on_release_thread=backend.release_thread,
            grab_into=lambda out: backend.grab_bgr(rect, out),
        )
        try:
            self.recorder.start()
        except UserError:
            self.recorder = None
            backend.close()
            raise
        self._warned_drops = False
        self.indicator.show(rect, self.backend.monitors())
        self._tick.start()
        self._recording_tick()

    def _recording_tick(self) -> None:
        recorder = self.recorder
        if recorder is None:
            return
        status = recorder.status
        self.indicator.set_seconds(int(status.seconds))
        if status.frames_dropped and status.dropped_percent > 5 and not self._warned_drops and status.seconds > 3:
            self._warned_drops = True
            self.bus.warning(
                t(
                    "The recording is dropping frames ({frames_dropped}, {dropped_percent:.0f}%): this computer cannot "
                    "encode that fast.",
                    frames_dropped=status.frames_dropped,
                    dropped_percent=status.dropped_percent,
                ),
                t("Lower the recording frame rate in Settings > Capture, or record a smaller region."),
            )
        self.recording_changed.emit(status)

    def _recording_finished(self, status: RecordingStatus) -> None:
        self._tick.stop()
        self.indicator.hide()
        if self.recorder is not None:
            self.recorder.wait(30)
        self.recorder = None
        if self._recording_backend is not None:
            self._recording_backend.close()
            self._recording_backend = None
        self.recording_changed.emit(status)
        dropped = f", {status.frames_dropped} frames dropped ({status.dropped_percent:.1f}%)" if status.frames_dropped else ""
        if status.error:
            self.bus.error(status.error, t("What was recorded is in {value}.", value=status.path or self.recordings_folder()))
        elif status.path is not None:
            self.bus.info(
                t(
                    "Recording saved: {path} ({seconds:.0f} s{dropped}).",
                    path=status.path,
                    seconds=status.seconds,
                    dropped=dropped,
                )
            )
            self.recording_saved.emit(status.path)

    def status(self) -> dict[str, Any]:
        """For the ``status`` command: capture backend, hotkeys, and the recording if one runs."""
        recording = None
        if self.recorder is not None:
            current = self.recorder.status
            recording = {
                "seconds": round(current.seconds, 1),
                "frames": current.frames_written,
                "dropped": current.frames_dropped,
            }
        return {"capture": self.backend.name, "hotkeys": self.hotkeys.running, "recording": recording}

    # ----- lifecycle
    def close(self) -> None:
        """Stop hotkeys and any recording, end the worker thread."""
        self._closed = True
        self._tick.stop()
        self.indicator.close()
        self._watchdog.stop()
        self._hotkeys_changed.stop()
        self.hotkeys.stop()
        if self.selector is not None:
            self.selector.cancel()
        if self.recorder is not None:
            self.recorder.stop("the app is quitting")
            self.recorder.wait(60)
            self.recorder = None
        if self._recording_backend is not None:
            self._recording_backend.close()
        self._executor.submit(self.backend.release_thread)
        self._executor.shutdown(wait=True)
        self.backend.close()


def _encoded(frame: Frame) -> tuple[Frame, ImagePart]:
    """A capture and its PNG, made on the capture thread (a 1080p screen takes ~20-80 ms, a 4K one four times that)."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    return frame, encode_pixels(frame.pixels, geometry=frame.geometry, name=f"capture-{stamp}.png")
