"""The look and feel (issue 16): theme, icons, recorded hotkeys, settings layout, tray, recording indicator,
chat geometry and drop highlight, on the real X server with real input."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QWidget

from desktop_helper.__main__ import build_parser
from desktop_helper.settings.store import Settings
from tests.harness.xserver import XServer
from tests.test_capture_flow import controller  # noqa: F401  (fixture)

pytestmark = [pytest.mark.gui]


# ----- theme and icons
def test_stylesheet_and_palette_follow_the_chosen_scheme(qapp: QApplication) -> None:
    from desktop_helper.ui.theme import Theme, colours, palettes, stylesheet

    saved_style, saved_palette = qapp.styleSheet(), qapp.palette()
    try:
        theme = Theme(qapp, "dark")
        assert theme.scheme == "dark"
        assert colours() == palettes()["dark"]
        assert "@" not in stylesheet("dark")
        assert palettes()["dark"]["accent"] in qapp.styleSheet()
        theme.set_choice("light")
        assert colours() == palettes()["light"]
        assert qapp.palette().color(qapp.palette().ColorRole.Window).name() == palettes()["light"]["window"]
        theme.set_choice("system")  # Xvfb has no colour scheme: light
        assert theme.scheme == ("dark" if qapp.styleHints().colorScheme() == Qt.ColorScheme.Dark else "light")
    finally:
        qapp.setStyleSheet(saved_style)
        qapp.setPalette(saved_palette)


def test_icons_are_drawn_in_the_palette_text_colour(qapp: QApplication) -> None:
    from desktop_helper.ui.icons import ACTIONS, FILE_KINDS, action_icon, file_icon
    from desktop_helper.ui.theme import Theme, palettes

    saved_style, saved_palette = qapp.styleSheet(), qapp.palette()
    try:
        theme = Theme(qapp, "dark")
        for name in ACTIONS:
            assert not action_icon(name).pixmap(QSize(24, 24)).toImage().isNull(), name
        centre = action_icon("record").pixmap(QSize(32, 32)).toImage().pixelColor(16, 16)
        assert centre.name() == palettes()["dark"]["text"]
        theme.set_choice("light")
        centre = action_icon("record").pixmap(QSize(32, 32)).toImage().pixelColor(16, 16)
        assert centre.name() == palettes()["light"]["text"]
        for kind in [*FILE_KINDS, "unknown"]:
            image = file_icon(kind).pixmap(QSize(32, 32)).toImage()
            assert any(image.pixelColor(x, y).alpha() for x in range(32) for y in range(32)), kind
    finally:
        qapp.setStyleSheet(saved_style)
        qapp.setPalette(saved_palette)


def test_attachment_chips_use_svg_icons_not_emoji(qtbot: Any, tmp_path: Path) -> None:
    from desktop_helper.media.documents import load_attachment
    from desktop_helper.ui.attachments_bar import AttachmentChip

    text = tmp_path / "notes.txt"
    text.write_text("hello", encoding="utf-8")
    chip = AttachmentChip(load_attachment(str(text)))
    qtbot.addWidget(chip)
    icon = chip.findChild(type(chip.label), "attachment_icon")
    assert icon is not None
    assert icon.text() == ""
    assert not icon.pixmap().isNull()


# ----- hotkey field
def test_hotkey_field_records_real_key_presses(qtbot: Any, x_server: XServer) -> None:
    from desktop_helper.ui.hotkey_edit import HotkeyEdit

    edit = HotkeyEdit("<ctrl>+<alt>+<shift>+a")
    qtbot.addWidget(edit)
    edit.show()
    edit.activateWindow()
    qtbot.waitExposed(edit)
    assert edit.field.text() == "Ctrl+Alt+Shift+A"
    recorded: list[str] = []
    edit.changed.connect(recorded.append)
    x_server.xdotool("mousemove", *_centre(edit.field))
    x_server.xdotool("click", "1")
    qtbot.waitUntil(edit.field.hasFocus, timeout=5000)
    x_server.xdotool("key", "ctrl+alt+k")
    qtbot.waitUntil(lambda: recorded == ["<ctrl>+<alt>+k"], timeout=5000)
    assert edit.value() == "<ctrl>+<alt>+k"
    assert edit.field.text() == "Ctrl+Alt+K"
    qtbot.wait(700)  # not a double click
    x_server.xdotool("mousemove", *_centre(edit.field))
    x_server.xdotool("click", "1")
    qtbot.waitUntil(edit.field.hasFocus, timeout=5000)
    x_server.xdotool("key", "Escape")  # cancels: the hotkey stays
    qtbot.wait(200)
    assert edit.value() == "<ctrl>+<alt>+k"
    qtbot.wait(700)
    x_server.xdotool("mousemove", *_centre(edit.field))
    x_server.xdotool("click", "1")
    qtbot.waitUntil(edit.field.hasFocus, timeout=5000)
    x_server.xdotool("key", "BackSpace")  # removes it
    qtbot.waitUntil(lambda: edit.value() == "", timeout=5000)


def test_settings_dialog_refuses_two_actions_on_one_recorded_hotkey(qtbot: Any, tmp_path: Path) -> None:
    from desktop_helper.ui.hotkey_edit import HotkeyEdit
    from desktop_helper.ui.settings_dialog import SettingsDialog

    settings = Settings(tmp_path / "s.json")
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    find = _child(dialog, HotkeyEdit, "hotkeys.find")
    find.set_value("<ctrl>+<alt>+<shift>+a", notify=True)  # the region capture's hotkey
    assert not dialog.apply()
    assert "same hotkey" in dialog.errors.text()
    assert settings.get("hotkeys.find") == "<ctrl>+<alt>+<shift>+f"
    find.set_value("<cmd>+<shift>+s", notify=True)
    hint = dialog.findChild(QLabel, "hint:hotkeys.find")
    assert hint is not None
    assert "Snipping Tool" in hint.text()
    assert dialog.apply()
    assert settings.get("hotkeys.find") == "<shift>+<cmd>+s"  # canonical order


def test_special_values_are_named_and_paths_have_browse_buttons(qtbot: Any, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QSpinBox, QToolButton

    from desktop_helper.ui.settings_dialog import PathEdit, SettingsDialog

    dialog = SettingsDialog(Settings(tmp_path / "s.json"))
    qtbot.addWidget(dialog)
    for key, shown in (
        ("models.threads", "Automatic"),
        ("models.gpu_layers", "All layers that fit"),
        ("models.image_token_budget", "Automatic (from your hardware)"),
        ("models.max_answer_tokens", "The model's own limit"),
    ):
        spin = _child(dialog, QSpinBox, key)
        assert spin.text() == shown, key
    for key in ("models.local_model_path", "models.local_mmproj_path", "capture.save_folder", "capture.recordings_folder"):
        path = dialog.findChild(PathEdit, key)
        assert path is not None, key
        assert path.findChild(QToolButton, "browse") is not None, key
    model = tmp_path / "models" / "m.gguf"
    model.parent.mkdir()
    model.write_bytes(b"GGUF")
    path = _child(dialog, PathEdit, "models.local_model_path")
    path.line.setText(str(model))
    assert path.start_folder() == str(model.parent)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_settings_page_scrolls_sideways(qtbot: Any, qapp: QApplication, tmp_path: Path, language: str) -> None:
    """Every page, the API providers page included, fits the dialog; run again with QT_SCALE_FACTOR=2."""
    from desktop_helper.ui.i18n import install_translator, remove_translator
    from desktop_helper.ui.providers_page import ProvidersPage
    from desktop_helper.ui.settings_dialog import SettingsDialog

    translator = install_translator(qapp, language)
    try:
        settings = Settings(tmp_path / "s.json")
        providers = ProvidersPage(settings, None)
        dialog = SettingsDialog(settings)
        dialog.add_page("API providers", providers)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        room = (dialog.screen() or QGuiApplication.primaryScreen()).availableGeometry()
        assert dialog.frameGeometry().width() <= room.width()
        for row in range(dialog.sections.count()):
            dialog.sections.setCurrentRow(row)
            qtbot.wait(50)
            page = dialog.pages.widget(row)
            assert isinstance(page, QScrollArea)
            bar = page.horizontalScrollBar()
            assert not bar.isVisible(), f"{dialog.sections.item(row).text()} scrolls sideways ({bar.maximum()} px)"
        providers.shutdown()
    finally:
        if translator is not None:
            remove_translator(qapp, translator)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize("scale", ["1.5", "2"])
def test_windows_fit_and_show_all_their_text_at_150_and_200_percent(x_server: XServer, scale: str, language: str) -> None:
    """Every settings page, the chat at its default size, the welcome window, the agent's task dialog and step
    panel and the region selector's hint, at QT_SCALE_FACTOR 1.5 and 2 (1920x1080 is 960x540 logical at 200 %):
    within the screen, no settings page scrolling sideways, no label, check box, button or combo box cut off.

    This process's QApplication runs at scale 1: tests/tools/layout_probe.py builds the windows in a Qt of its own.
    """
    import json
    import sys

    probe = Path(__file__).parent / "tools" / "layout_probe.py"
    env = {**x_server.env, "QT_SCALE_FACTOR": scale, "QT_QPA_PLATFORM": "xcb"}
    done = subprocess.run(
        [sys.executable, str(probe), language], env=env, capture_output=True, text=True, timeout=180, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["scale"] == float(scale)
    assert report["screen"] == [round(1920 / float(scale)), round(1080 / float(scale))]
    assert report["language"] == language
    pages = [name for name in report["checked"] if name.startswith("settings-")]
    assert len(pages) == 10
    for window in ("chat", "welcome", "agent-task", "agent-panel-step", "region-selector"):
        assert report["checked"].get(window), window
    assert report["problems"] == []


# ----- tray
def test_tray_menu_has_every_command_with_its_hotkey(qapp: QApplication, tmp_path: Path) -> None:
    from desktop_helper.ui.tray import Tray

    settings = Settings(tmp_path / "s.json")
    settings.set("hotkeys.find", "<ctrl>+<alt>+<shift>+y")
    tray = Tray()
    tray.show_hotkeys(settings.get)
    entries = {a.objectName(): a for a in tray.menu.actions() if a.objectName()}
    assert list(entries) == [
        f"tray_{k}" for k in ("screenshot", "region", "record", "find", "agent", "stop", "chat", "settings", "quit")
    ]
    assert entries["tray_find"].shortcut().toString() == "Ctrl+Alt+Shift+Y"
    assert entries["tray_screenshot"].shortcut().toString() == "Ctrl+Alt+Shift+S"
    assert entries["tray_stop"].shortcut().toString() == "Ctrl+Alt+Shift+X"
    assert entries["tray_settings"].shortcut().isEmpty()
    emitted: list[list[str]] = []
    tray.command.connect(emitted.append)
    for name in ("find", "agent", "stop"):
        entries[f"tray_{name}"].trigger()
    assert emitted == [["find"], ["agent"], ["stop"]]
    tray.hide()


# ----- recording indicator
def test_recording_indicator_surrounds_the_region_and_is_not_in_the_video(
    qtbot: Any,
    x_server: XServer,
    controller: Any,  # noqa: F811
) -> None:
    import cv2

    from desktop_helper.ui.theme import palettes

    lines: list[str] = []
    assert controller.router.run(build_parser().parse_args(["record", "start", "--region"]), lines.append) == 0
    qtbot.waitUntil(lambda: controller.selector is not None and bool(controller.selector.views), timeout=10000)
    qtbot.wait(300)
    x_server.xdotool("mousemove", "400", "300")
    x_server.xdotool("mousedown", "1")
    x_server.xdotool("mousemove", "600", "500")
    x_server.xdotool("mousemove", "801", "601")
    x_server.xdotool("mouseup", "1")
    qtbot.waitUntil(lambda: controller.recorder is not None, timeout=10000)
    indicator = controller.indicator
    qtbot.waitUntil(lambda: indicator.bar.isVisible() and all(s.isVisible() for s in indicator.strips), timeout=5000)
    recorded = controller.recorder.rect
    x, y, w, h = recorded.as_ints()
    for strip in indicator.strips:
        assert not strip.geometry().intersects(indicator.area)
    assert not indicator.bar.geometry().intersects(indicator.area)
    # the clock starts once the first frame is grabbed (slow on a loaded machine): it must then count on
    qtbot.waitUntil(lambda: indicator.bar.time.text() in ("0:01", "0:02"), timeout=5000)
    # the border is really on the screen...
    red = np.array(_bgr(palettes()["light"]["recording"]))
    screen = np.ascontiguousarray(np.zeros((h + 16, w + 16, 3), np.uint8))
    controller.backend.grab_bgr(type(recorded)(x - 8, y - 8, w + 16, h + 16), screen)
    assert _near(screen, red).sum() > 100
    # ...and the Stop button on it ends the recording
    x_server.xdotool("mousemove", *_centre(indicator.bar.stop))
    x_server.xdotool("click", "1")
    qtbot.waitUntil(lambda: controller.recorder is None, timeout=30000)
    assert not indicator.bar.isVisible()
    videos = list(controller.recordings_folder().glob("recording-*.mp4"))
    assert len(videos) == 1
    capture = cv2.VideoCapture(str(videos[0]))
    frames = 0
    while True:
        ok, frame = capture.read()
        if not ok:
            break
        frames += 1
        assert _near(frame, red).sum() < 20, "the indicator is in the recording"
    capture.release()
    assert frames >= 10


def _bgr(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[4:6], 16), int(value[2:4], 16), int(value[0:2], 16)


def _near(pixels: np.ndarray, colour: np.ndarray) -> np.ndarray:
    return np.abs(pixels[..., :3].astype(int) - colour).sum(axis=-1) < 60


def _centre(widget: Any) -> tuple[str, str]:
    centre = widget.mapToGlobal(widget.rect().center())
    return str(centre.x()), str(centre.y())


# ----- chat window: geometry, history column, drop highlight
def test_a_long_status_line_wraps_instead_of_widening_the_chat(qtbot: Any, tmp_path: Path) -> None:
    """The cause of the restart bug: an unwrapped status label's text width was the window's minimum width."""
    from desktop_helper.ui.chat_window import ChatWindow

    settings = Settings(tmp_path / "s.json")
    first = ChatWindow(None, None, settings, preview_dir=tmp_path)
    qtbot.addWidget(first)
    first.setGeometry(300, 200, 1000, 700)
    first.save_geometry()
    first.shutdown()
    chat = ChatWindow(None, None, settings, preview_dir=tmp_path)
    qtbot.addWidget(chat)
    # what a fresh profile shows there: the "no model is set up yet" advice, well over 1000 px on one line
    chat.status.setText("No model is set up yet, choose a model in Settings. " * 4)
    chat.show()
    qtbot.waitExposed(chat)
    qtbot.wait(200)
    assert chat.minimumSizeHint().width() < 1000
    assert chat.width() == 1000
    assert chat.status.height() > chat.status.fontMetrics().height()  # wrapped, all of it readable
    chat.shutdown()


def test_chat_geometry_survives_a_restart_of_the_real_app(x_server: XServer, tmp_path: Path) -> None:
    from tests.harness.app_process import AppProcess
    from tests.test_app_e2e import visible_window, window_geometry

    profile = tmp_path / "profile"
    app = AppProcess(profile, x_server.env)
    try:
        app.wait_ready()
        assert app.cli("show-chat").returncode == 0
        x_server.wait_for(lambda: visible_window(x_server, "^Chat"), "the chat window")
        window = visible_window(x_server, "^Chat")
        assert window is not None
        x_server.xdotool("windowsize", window, "1100", "760")
        x_server.xdotool("windowmove", window, "500", "200")
        x_server.wait_for(lambda: window_geometry(x_server, window)[2:] == (1100, 760), "the resize")
        placed = window_geometry(x_server, window)
        assert app.cli("quit").returncode == 0
        assert app.wait_exit() == 0
    finally:
        app.kill()
    again = AppProcess(profile, x_server.env)
    try:
        again.wait_ready()
        assert again.cli("show-chat").returncode == 0
        x_server.wait_for(lambda: visible_window(x_server, "^Chat"), "the chat window after the restart")
        window = visible_window(x_server, "^Chat")
        assert window is not None
        x_server.wait_for(lambda: window_geometry(x_server, window) == placed, f"the chat back at {placed}")
    finally:
        again.kill()


def test_chat_saved_on_a_monitor_that_went_away_opens_on_screen(qtbot: Any, tmp_path: Path) -> None:
    from desktop_helper.ui.chat_window import ChatWindow

    settings = Settings(tmp_path / "s.json")
    first = ChatWindow(None, None, settings, preview_dir=tmp_path)
    qtbot.addWidget(first)
    first.setGeometry(4000, 300, 900, 650)  # where a second monitor used to be
    first.save_geometry()
    first.shutdown()
    assert settings.get("general.chat_geometry")
    chat = ChatWindow(None, None, settings, preview_dir=tmp_path)
    qtbot.addWidget(chat)
    chat.show()
    qtbot.waitExposed(chat)
    screen = QGuiApplication.primaryScreen().availableGeometry()
    assert screen.contains(chat.frameGeometry().center())
    chat.shutdown()


def test_history_column_keeps_its_width_when_files_are_attached(qtbot: Any, tmp_path: Path) -> None:
    from desktop_helper.ui.chat_window import ChatWindow

    chat = ChatWindow(None, None, Settings(tmp_path / "s.json"), preview_dir=tmp_path)
    qtbot.addWidget(chat)
    chat.show()
    qtbot.waitExposed(chat)
    chat.history.create_conversation("A conversation about a very long subject that does not fit the column at all")
    chat.conversations.reload()
    before = chat.splitter.sizes()
    assert before[0] >= chat.fontMetrics().averageCharWidth() * 24
    files = []
    for n in range(4):
        path = tmp_path / f"a-rather-long-file-name-number-{n}-for-the-attachment-bar.txt"
        path.write_text("hello", encoding="utf-8")
        files.append(str(path))
    with qtbot.waitSignal(chat.attachments_loaded, timeout=30000):
        chat.files.add_files(files)
    qtbot.waitUntil(lambda: len(chat.attachments.attachments()) == 4, timeout=10000)
    qtbot.wait(100)
    assert chat.splitter.sizes() == before
    assert not chat.conversations.list.horizontalScrollBar().isVisible()
    chat.shutdown()


class _FileDragSource(QLabel):
    """A widget that starts a real drag of one file when pressed (like a file manager)."""

    def __init__(self, path: Path) -> None:
        super().__init__("drag me")
        self.path = path
        self.resize(160, 80)

    def mousePressEvent(self, event: Any) -> None:
        from PySide6.QtCore import QMimeData, QUrl
        from PySide6.QtGui import QDrag

        data = QMimeData()
        data.setUrls([QUrl.fromLocalFile(str(self.path))])
        drag = QDrag(self)
        drag.setMimeData(data)
        drag.exec(Qt.DropAction.CopyAction)


def test_dragging_files_over_the_chat_highlights_it(qtbot: Any, qapp: QApplication, x_server: XServer, tmp_path: Path) -> None:
    from desktop_helper.ui.chat_window import ChatWindow
    from desktop_helper.ui.theme import Theme

    saved_style, saved_palette = qapp.styleSheet(), qapp.palette()
    Theme(qapp, "light")

    note = tmp_path / "note.txt"
    note.write_text("hello", encoding="utf-8")
    chat = ChatWindow(None, None, Settings(tmp_path / "s.json"), preview_dir=tmp_path)
    qtbot.addWidget(chat)
    chat.setGeometry(400, 100, 900, 650)
    chat.show()
    qtbot.waitExposed(chat)
    source = _FileDragSource(note)
    qtbot.addWidget(source)
    source.move(40, 100)
    source.show()
    qtbot.waitExposed(source)
    # the drag runs Qt's own event loop until the button is released: the mouse is moved from another process
    target = chat.view.viewport()
    x, y = (int(v) for v in _centre(target))
    sx, sy = (int(v) for v in _centre(source))
    moves = " ".join(f"mousemove {sx + (x - sx) * step // 12} {sy + (y - sy) * step // 12} sleep 0.1" for step in range(1, 13))
    script = f"xdotool mousemove {sx} {sy} mousedown 1 sleep 0.3 {moves} sleep 1.5 mouseup 1"
    seen: list[tuple[bool, str]] = []

    def look() -> None:
        if chat.file_drop.shown:
            seen.append((True, chat.view.grab().toImage().pixelColor(1, chat.view.height() // 2).name()))

    from PySide6.QtCore import QTimer

    poll = QTimer()
    poll.timeout.connect(look)
    poll.start(100)
    try:
        # a drag driven from another process on a loaded machine can miss its start (the press lands
        # before the source window takes the pointer): a person would simply drag again
        for _attempt in range(3):
            mover = subprocess.Popen(["sh", "-c", script], env=x_server.env)
            try:
                qtbot.waitUntil(lambda: len(chat.attachments.attachments()) == 1, timeout=20000)
                break
            except qtbot.TimeoutError:
                if _attempt == 2:
                    raise
            finally:
                mover.wait(20)
    finally:
        poll.stop()
    from desktop_helper.ui.theme import colours

    assert seen, "no highlight while the file was over the chat"
    assert seen[-1][1] == colours()["accent"]
    assert not chat.file_drop.shown
    qapp.setStyleSheet(saved_style)
    qapp.setPalette(saved_palette)
    chat.shutdown()


# ----- agent steps in screen terms
def test_agent_step_names_the_screen_pixel_and_monitor_not_model_coordinates() -> None:
    from desktop_helper.agent.plan import plan_action
    from desktop_helper.core.geometry import CaptureGeometry, Monitor, Rect
    from desktop_helper.parsers.gui_actions import GuiAction

    second = Monitor(2, "HDMI-1", Rect(1920, 0, 2560, 1440), 1.0)
    geometry = CaptureGeometry(second, Rect(1920, 0, 2560, 1440), sent_size=(1280, 720))
    plan = plan_action(GuiAction("left_click", point=(500, 500), element_info="OK"), geometry)
    assert plan.point is not None
    assert plan.words == f"Click on 'OK' at ({plan.point[0] - 1920}, {plan.point[1]}) of screen 2 (HDMI-1)"
    assert "(500, 500)" not in plan.words


def test_agent_step_does_not_repeat_screen_when_the_monitor_is_called_screen(x_server: XServer) -> None:
    from desktop_helper.agent.plan import plan_action
    from desktop_helper.core.geometry import CaptureGeometry
    from desktop_helper.parsers.gui_actions import GuiAction
    from desktop_helper.platform.capture import capture_backend_for_current_os

    backend = capture_backend_for_current_os()
    try:
        monitor = backend.monitors()[0]  # Xvfb's one output is named "screen"
    finally:
        backend.close()
    geometry = CaptureGeometry(monitor, monitor.physical, sent_size=(1280, 720))
    plan = plan_action(GuiAction("left_click", point=(500, 500)), geometry)
    assert plan.point is not None
    assert plan.words == f"Click at ({plan.point[0]}, {plan.point[1]}) of screen {monitor.id}"


W = TypeVar("W", bound=QWidget)


def _child(parent: QWidget, cls: type[W], name: str) -> W:
    widget = parent.findChild(cls, name)
    assert widget is not None, name
    return widget


def test_backend_picker_shows_its_whole_label_in_a_default_size_chat(qtbot: Any, tmp_path: Path) -> None:
    from desktop_helper.backends.factory import SCRIPTED_ENV
    from desktop_helper.history.store import HistoryStore
    from desktop_helper.settings.paths import app_paths
    from desktop_helper.ui.backend_service import BackendService
    from desktop_helper.ui.chat_window import ChatWindow

    paths = app_paths()
    paths.ensure()
    settings = Settings(paths.settings_file)
    history = HistoryStore(paths.history_db, paths.attachments)
    script = tmp_path / "lead-answers-for-the-journey.json"
    service = BackendService(settings, None, env={SCRIPTED_ENV: str(script)})
    chat = ChatWindow(history, service, settings, preview_dir=tmp_path)
    qtbot.addWidget(chat)
    try:
        chat.show()
        qtbot.waitExposed(chat)
        qtbot.wait(100)
        box = chat.model_picker.backend_box
        label = box.currentText()
        assert label.startswith("Scripted (test)")
        # the text the combo box paints is its width minus the frame and the arrow
        room = box.style().subControlRect(
            box.style().ComplexControl.CC_ComboBox, _combo_option(box), box.style().SubControl.SC_ComboBoxEditField, box
        ).width()
        assert box.fontMetrics().horizontalAdvance(label) <= room, (label, room, box.width())
        # the model is in the model box beside it (and in the tooltip), not repeated in the cut-off label
        assert chat.model_picker.model_box.currentText() == script.name
        assert box.toolTip() == f"Scripted (test) — {script.name}"
        assert chat.splitter.width() <= chat.width()  # no sideways overflow
    finally:
        chat.shutdown()
        service.shutdown()
        history.close()


def _combo_option(box: Any) -> Any:
    from PySide6.QtWidgets import QStyleOptionComboBox

    option = QStyleOptionComboBox()
    option.initFrom(box)
    option.editable = box.isEditable()
    option.currentText = box.currentText()
    return option


# ----- Chinese leftovers
def test_thinking_counts_chinese_by_character_in_chinese(qapp: QApplication, qtbot: Any) -> None:
    from desktop_helper.ui.conversation_view import ConversationView, ViewMessage
    from desktop_helper.ui.i18n import install_translator, remove_translator

    translator = install_translator(qapp, "zh_CN")
    assert translator is not None
    try:
        view = ConversationView(lambda _key: None)
        qtbot.addWidget(view)
        # 13 characters, no spaces: a split on spaces called it one word
        view.set_messages([ViewMessage(1, "assistant", "答案。", thinking="这个截图显示了四个彩色方块。")])
        assert "思考过程（13 字）" in view.toPlainText()
    finally:
        remove_translator(qapp, translator)


def test_every_thinking_style_of_the_providers_page_reads_in_chinese(qapp: QApplication, qtbot: Any, tmp_path: Path) -> None:
    from desktop_helper.ui.i18n import install_translator, remove_translator
    from desktop_helper.ui.providers_page import ProvidersPage

    translator = install_translator(qapp, "zh_CN")
    assert translator is not None
    try:
        page = ProvidersPage(Settings(tmp_path / "s.json"), None)
        qtbot.addWidget(page)
        labels = [page.thinking_combo.itemText(i) for i in range(page.thinking_combo.count())]
        assert 'Z.ai 的 "thinking" 字段' in labels
        assert not any("field" in label or "Not supported" in label for label in labels)
    finally:
        remove_translator(qapp, translator)


@pytest.mark.parametrize("scheme", ["dark", "light"])
def test_code_colours_are_readable_on_the_code_background(qapp: QApplication, qtbot: Any, scheme: str) -> None:
    from PySide6.QtGui import QTextCursor

    from desktop_helper.ui.conversation_view import ConversationView, ViewMessage
    from desktop_helper.ui.markdown import contrast
    from desktop_helper.ui.theme import Theme

    saved_style, saved_palette = qapp.styleSheet(), qapp.palette()
    try:
        Theme(qapp, scheme)
        view = ConversationView(lambda _key: None)
        qtbot.addWidget(view)
        code = '@cache\ndef area(width: int) -> int:\n    # the area, in pixels\n    return width * 42 + len("text")\n'
        view.set_messages([ViewMessage(1, "assistant", f"```python\n{code}```")])
        seen: dict[str, str] = {}
        backgrounds: set[str] = set()
        for word in ("@cache", "def", "area", "int", "the area", "return", "42", '"text"', "len"):
            cursor = view.document().find(word)
            assert not cursor.isNull(), word
            cursor.setPosition(cursor.selectionStart() + 1, QTextCursor.MoveMode.MoveAnchor)
            seen[word] = cursor.charFormat().foreground().color().name()
            backgrounds.add(cursor.blockFormat().background().color().name())  # what the code block is drawn on
        assert len(backgrounds) == 1
        background = backgrounds.pop()
        ratios = {word: round(contrast(colour, background), 2) for word, colour in seen.items()}
        low = {word: ratio for word, ratio in ratios.items() if ratio < 4.5}
        assert not low, f"{scheme}: {low} on {background}"
        assert len(set(seen.values())) >= 4  # still highlighted: keywords, strings, numbers, comments differ
    finally:
        qapp.setStyleSheet(saved_style)
        qapp.setPalette(saved_palette)


def test_dialog_buttons_carry_no_generic_qt_icons(qapp: QApplication, qtbot: Any) -> None:
    """Fusion put Qt's old stock icons on OK/Cancel/Apply (OK's dark arrow unreadable on the accent colour)."""
    from PySide6.QtWidgets import QDialogButtonBox

    from desktop_helper.ui.theme import Theme

    saved_style, saved_palette = qapp.styleSheet(), qapp.palette()
    try:
        Theme(qapp, "light")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Apply
        )
        qtbot.addWidget(buttons)
        buttons.show()
        qtbot.waitExposed(buttons)
        assert [b.icon().isNull() for b in buttons.buttons()] == [True, True, True]
    finally:
        qapp.setStyleSheet(saved_style)
        qapp.setPalette(saved_palette)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_disabled_field_does_not_look_editable(qapp: QApplication, qtbot: Any, scheme: str) -> None:
    """The API providers page with no provider showed its disabled form as white, editable-looking fields."""
    from PySide6.QtWidgets import QLineEdit

    from desktop_helper.ui.theme import Theme

    saved_style, saved_palette = qapp.styleSheet(), qapp.palette()
    try:
        Theme(qapp, scheme)
        fields = []
        for enabled in (True, False):
            field = QLineEdit()
            qtbot.addWidget(field)
            field.resize(200, 30)
            field.setEnabled(enabled)
            field.show()
            qtbot.waitExposed(field)
            fields.append(field.grab().toImage().pixelColor(100, 15).name())
        assert fields[0] != fields[1], fields
    finally:
        qapp.setStyleSheet(saved_style)
        qapp.setPalette(saved_palette)


# ----- agent: the task dialog, a slow step's time
def test_agent_task_dialog_has_a_wide_field_for_a_task_of_several_lines(qtbot: Any) -> None:
    """The task was asked in a QInputDialog line of ~170 px: a long task could not be read back."""
    from desktop_helper.ui.task_dialog import TaskDialog

    dialog = TaskDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    field = dialog.field
    assert field.width() >= field.fontMetrics().averageCharWidth() * 50
    assert field.height() >= field.fontMetrics().lineSpacing() * 3
    field.setFocus()
    qtbot.keyClicks(field, "Open the Downloads folder")
    qtbot.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)  # a new line, not OK
    qtbot.keyClicks(field, "and sort it by date")
    assert dialog.isVisible()
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.keyClick(field, Qt.Key.Key_Return)  # Enter starts it
    assert dialog.task() == "Open the Downloads folder\nand sort it by date"


def test_a_slow_agent_step_shows_how_long_it_has_lasted(qtbot: Any) -> None:
    from desktop_helper.ui.step_panel import StepPanel

    panel = StepPanel()
    qtbot.addWidget(panel)
    panel.start("Select the blue square")
    panel.show_status("Step 1: the model is deciding what to do")
    qtbot.waitUntil(lambda: panel.status.text() == "Step 1: the model is deciding what to do (2 s)", timeout=4000)
    panel.show_proposal(1, "It is there.", "Click at (10, 10)")
    qtbot.wait(1300)
    assert panel.status.text() == "Proposed next step:"  # a step waiting for the user has no clock


# ----- file dialogs start where the file is
def _file_dialog_directory(qtbot: Any, open_dialog: Any) -> str:
    """Where the Qt file dialog ``open_dialog()`` opens starts (it is closed at once)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QFileDialog

    seen: list[str] = []

    def look() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()]
        if not dialogs:
            QTimer.singleShot(50, look)
            return
        seen.append(dialogs[0].directory().absolutePath())
        dialogs[0].reject()

    QTimer.singleShot(50, look)
    open_dialog()
    return seen[0]


def test_browse_opens_in_the_fields_folder_or_home_never_the_working_directory(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_helper.ui.model_manager_page import ModelManagerPage
    from desktop_helper.ui.settings_dialog import PathEdit

    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)  # where the app was started from: no place to look for a model
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    models = tmp_path / "models"
    models.mkdir()
    page = ModelManagerPage(models)
    qtbot.addWidget(page)
    assert _file_dialog_directory(qtbot, page.pick_files) == str(models)
    # a model path whose folder was moved away: the nearest folder above it that still exists
    field = PathEdit(str(models / "gone" / "deeper" / "m.gguf"), "file", "GGUF (*.gguf)")
    qtbot.addWidget(field)
    assert _file_dialog_directory(qtbot, field.choose) == str(models)
    field.line.setText("")
    assert _file_dialog_directory(qtbot, field.choose) == str(tmp_path / "home")
