"""Open the app's windows at the scale Qt was started with and report, as JSON, what does not fit.

    QT_SCALE_FACTOR=2 DISPLAY=:NN python tests/tools/layout_probe.py zh_CN [--shots DIR]

The test process's QApplication runs at scale 1 and cannot change it, so tests/test_look.py starts this
script once per scale and language (``QT_SCALE_FACTOR`` in its environment) on the test X server. It
builds the real windows as the app does (translator, theme, the Settings dialog with the API providers
page, the chat with a scripted model, the welcome window, the agent's task dialog and step panel, the
region selector on a real capture) and checks each one:

- the window lies within the screen's available geometry;
- no settings page scrolls sideways;
- no label, check box or button shows less than its text: a one-line text's size hint fits its width, a
  wrapped one's height for that width fits its height, a combo box's current text fits its edit field.

The last line of the output is the report: ``{"scale", "screen", "language", "checked", "problems"}``.
With ``--shots DIR`` each window is also saved as ``DIR/<name>.png`` to look at.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from PySide6.QtCore import QRect  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QScrollArea,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)


class Probe:
    def __init__(self, shots: Path | None) -> None:
        self.shots = shots
        self.problems: list[str] = []
        self.checked: dict[str, int] = {}

    def settle(self, seconds: float = 0.3) -> None:
        """Let the window manager place and frame what was shown, and the layouts settle."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.01)

    def window(self, name: str, window: QWidget) -> None:
        """The window within the available screen, and nothing in it cut off."""
        self.settle()
        screen = window.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry()
        frame = window.frameGeometry()
        if not room.contains(frame):
            self.problems.append(f"{name}: the window ({_rect(frame)}) is not within the screen ({_rect(room)})")
        self.texts(name, window)
        if self.shots is not None:
            window.grab().save(str(self.shots / f"{name}.png"))

    def texts(self, name: str, root: QWidget) -> None:
        count = 0
        for widget in root.findChildren(QWidget):
            if not widget.isVisibleTo(root.window()) or not _on_shown_page(widget):
                continue
            problem = cut_off(widget)
            count += isinstance(widget, (QLabel, QAbstractButton, QComboBox))
            if problem:
                self.problems.append(f"{name}: {_describe(widget)} {problem}")
        self.checked[name] = self.checked.get(name, 0) + count

    def report(self, language: str) -> dict[str, Any]:
        screen = QGuiApplication.primaryScreen()
        size = screen.geometry()
        return {
            "scale": screen.devicePixelRatio(),
            "screen": [size.width(), size.height()],
            "language": language,
            "checked": self.checked,
            "problems": self.problems,
        }


def cut_off(widget: QWidget) -> str:
    """What of ``widget``'s text is not shown ("" when all of it is)."""
    if isinstance(widget, QLabel):
        if not widget.text():
            return ""
        if widget.wordWrap():
            needed = widget.heightForWidth(widget.width())
            if needed > widget.height():
                return f"needs {needed} px of height, has {widget.height()}"
            return ""
        if widget.sizeHint().width() > widget.width():
            return f"needs {widget.sizeHint().width()} px, has {widget.width()}"
        return ""
    if isinstance(widget, QAbstractButton):
        if widget.text() and widget.sizeHint().width() > widget.width():
            return f"needs {widget.sizeHint().width()} px, has {widget.width()}"
        return ""
    if isinstance(widget, QComboBox):
        text = widget.currentText()
        option = QStyleOptionComboBox()
        option.initFrom(widget)
        option.editable = widget.isEditable()
        option.currentText = text
        style = widget.style()
        room = style.subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, widget
        ).width()
        needed = widget.fontMetrics().horizontalAdvance(text)
        if text and needed > room:
            return f"shows {room} px of {needed} ({text!r})"
    return ""


def _on_shown_page(widget: QWidget) -> bool:
    """Not on a page of a stacked widget that is not the current one."""
    from PySide6.QtWidgets import QStackedWidget

    child: QWidget | None = widget
    while child is not None:
        parent = child.parentWidget()
        if isinstance(parent, QStackedWidget) and parent.currentWidget() is not child:
            return False
        child = parent
    return True


def _describe(widget: QWidget) -> str:
    text = widget.currentText() if isinstance(widget, QComboBox) else getattr(widget, "text", lambda: "")()
    return f"{type(widget).__name__} {widget.objectName() or ''} {str(text)[:60]!r}".replace("  ", " ")


def _rect(rect: QRect) -> str:
    return f"{rect.x()},{rect.y()} {rect.width()}x{rect.height()}"


# ----- the windows
def settings_pages(probe: Probe, home: Path) -> None:
    from desktop_helper.app import PROVIDERS_PAGE
    from desktop_helper.settings.store import Settings
    from desktop_helper.ui import schema_i18n
    from desktop_helper.ui.providers_page import ProvidersPage
    from desktop_helper.ui.settings_dialog import SettingsDialog

    settings = Settings(home / "settings.json")
    dialog = SettingsDialog(settings)
    providers = ProvidersPage(settings, None)
    dialog.add_page(schema_i18n.tr(PROVIDERS_PAGE), providers)
    dialog.show()
    probe.settle()
    sections = dialog.sections
    if sections.sizeHintForColumn(0) > sections.viewport().width():
        probe.problems.append(f"settings: the list of pages needs {sections.sizeHintForColumn(0)} px")
    for row in range(sections.count()):
        sections.setCurrentRow(row)
        probe.settle()
        title = sections.item(row).text()
        page = dialog.pages.widget(row)
        assert isinstance(page, QScrollArea)
        bar = page.horizontalScrollBar()
        if bar.isVisible():
            probe.problems.append(f"settings/{title}: scrolls sideways ({bar.maximum()} px)")
        probe.window(f"settings-{row}", dialog)
    providers.shutdown()
    dialog.close()


def chat(probe: Probe, home: Path) -> None:
    from desktop_helper.backends.factory import SCRIPTED_ENV
    from desktop_helper.history.store import HistoryStore
    from desktop_helper.settings.store import Settings
    from desktop_helper.ui.backend_service import BackendService
    from desktop_helper.ui.chat_window import ChatWindow

    settings = Settings(home / "settings.json")
    history = HistoryStore(home / "history.db", home / "attachments")
    # a name as long as the model's real file name
    script = home / "GLM-4.6V-Flash-Q4_K_M.gguf"
    script.write_text(json.dumps({"script": ["An answer."]}), encoding="utf-8")
    service = BackendService(settings, None, env={SCRIPTED_ENV: str(script)})
    window = ChatWindow(history, service, settings, preview_dir=home)
    window.show()
    probe.settle(1.0)
    window.status.setText(window.tr("Waiting for the model…"))
    probe.window("chat", window)
    window.shutdown()
    service.shutdown()
    history.close()


def welcome(probe: Probe, home: Path) -> None:
    from desktop_helper.ui.welcome import WelcomeDialog

    dialog = WelcomeDialog(home / "models")
    dialog.show()
    probe.window("welcome", dialog)
    dialog.shutdown()


def agent(probe: Probe) -> None:
    from desktop_helper.ui.step_panel import StepPanel
    from desktop_helper.ui.task_dialog import TaskDialog

    task = TaskDialog()
    task.show()
    probe.window("agent-task", task)
    task.close()
    panel = StepPanel()
    panel.start(panel.tr("Select the blue square"))
    probe.window("agent-panel-start", panel)
    panel.show_proposal(1, "The blue square is at the bottom left of the window; clicking it selects it.", "Click at (600, 400)")
    probe.window("agent-panel-step", panel)
    panel.show_outcome(panel.tr("Stopped."))
    probe.window("agent-panel-end", panel)
    panel.close()


def region_selector(probe: Probe) -> None:
    from desktop_helper.platform.capture import capture_backend_for_current_os
    from desktop_helper.ui.region_selector import RegionSelector

    backend = capture_backend_for_current_os()
    try:
        frames = [backend.grab_monitor(monitor) for monitor in backend.monitors()]
    finally:
        backend.close()
    from desktop_helper.core.geometry import Rect

    selector = RegionSelector(frames, last_region=Rect(10, 10, 100, 100))
    selector.show()
    probe.settle()
    for view in selector.views:
        hint = view.hint_rect()
        if not view.rect().contains(hint):
            probe.problems.append(f"region selector: the hint ({_rect(hint)}) does not fit the screen ({_rect(view.rect())})")
        probe.checked["region-selector"] = probe.checked.get("region-selector", 0) + 1
        if probe.shots is not None:
            view.grab().save(str(probe.shots / "region-selector.png"))
    selector.cancel()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("language", choices=["en", "zh_CN"])
    parser.add_argument("--shots", type=Path)
    args = parser.parse_args()
    from desktop_helper.settings.paths import app_paths
    from desktop_helper.ui.i18n import install_translator
    from desktop_helper.ui.theme import Theme

    app = QApplication([sys.argv[0]])
    translator = install_translator(app, args.language)  # noqa: F841 - kept alive while the windows show
    Theme(app, "light")
    if args.shots is not None:
        args.shots.mkdir(parents=True, exist_ok=True)
    probe = Probe(args.shots)
    app_paths().ensure()
    with tempfile.TemporaryDirectory(prefix="layout-probe-") as folder:
        home = Path(folder)
        settings_pages(probe, home)
        chat(probe, home)
        welcome(probe, home)
        agent(probe)
        region_selector(probe)
    print(json.dumps(probe.report(args.language), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
