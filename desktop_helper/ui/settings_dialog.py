"""The Settings dialog, built from the settings schema; other features add their own pages."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_helper.core.errors import SettingsError
from desktop_helper.settings.schema import SCHEMA, SECTIONS, Setting
from desktop_helper.settings.store import Settings
from desktop_helper.ui.icons import app_icon
from desktop_helper.ui.schema_i18n import tr as schema_tr

_CHOICE_LABELS = {
    "system": "Follow the system",
    "en": "English",
    "zh_CN": "简体中文",
    "chat": "Open in chat",
    "quick_ask": "Quick-ask prompt",
    "local_gguf": "This computer (GGUF)",
    "openai_compat": "API provider",
    "auto": "Automatic",
    "cpu": "CPU (processor)",
    "gpu": "GPU (graphics card)",
}


def editor_for(setting: Setting, value: Any, parent: QWidget) -> QWidget:
    """A widget that edits one setting within its schema bounds."""
    widget: QWidget
    if setting.type is bool:
        box = QCheckBox(parent)
        box.setChecked(bool(value))
        widget = box
    elif setting.type is int:
        spin = QSpinBox(parent)
        spin.setRange(
            int(setting.minimum if setting.minimum is not None else -(2**31)),
            int(setting.maximum if setting.maximum is not None else 2**31 - 1),
        )
        spin.setValue(int(value))
        widget = spin
    elif setting.type is float:
        dspin = QDoubleSpinBox(parent)
        dspin.setRange(
            setting.minimum if setting.minimum is not None else -1e9, setting.maximum if setting.maximum is not None else 1e9
        )
        dspin.setDecimals(1)
        dspin.setValue(float(value))
        widget = dspin
    elif setting.choices:
        combo = QComboBox(parent)
        for choice in setting.choices:
            combo.addItem(schema_tr(_CHOICE_LABELS.get(choice, choice)), choice)
        combo.setCurrentIndex(max(0, combo.findData(value)))
        widget = combo
    else:
        line = QLineEdit(str(value), parent)
        widget = line
    widget.setObjectName(setting.key)
    widget.setToolTip(schema_tr(setting.description) + (schema_tr(" (takes effect after a restart)") if setting.restart else ""))
    return widget


def editor_value(setting: Setting, widget: QWidget) -> Any:
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, (QSpinBox, QDoubleSpinBox)):
        return widget.value()
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QLineEdit):
        return widget.text().strip()
    raise TypeError(f"no value for {setting.key}")


class SettingsDialog(QDialog):
    """Sections on the left, their settings on the right; Apply validates every value."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings_dialog")
        self.setWindowTitle(self.tr("Settings"))
        self.setWindowIcon(app_icon())
        self.resize(760, 520)
        self._settings = settings
        self._editors: dict[str, tuple[Setting, QWidget]] = {}
        self.sections = QListWidget(self)
        self.sections.setObjectName("sections")
        self.sections.setFixedWidth(190)
        self.pages = QStackedWidget(self)
        self.errors = QLabel(self)
        self.errors.setObjectName("errors")
        self.errors.setStyleSheet("color: #b91c1c;")
        self.errors.setWordWrap(True)
        for section, title in SECTIONS.items():
            self._add_schema_page(section, schema_tr(title))
        self.sections.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.sections.setCurrentRow(0)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Cancel,
            self,
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.apply)
        body = QHBoxLayout()
        body.addWidget(self.sections)
        body.addWidget(self.pages, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.errors)
        layout.addWidget(buttons)

    def _add_schema_page(self, section: str, title: str) -> None:
        page = QWidget()
        form = QFormLayout(page)
        for setting in SCHEMA:
            if setting.section != section or not setting.visible:
                continue
            editor = editor_for(setting, self._settings.get(setting.key), page)
            self._editors[setting.key] = (setting, editor)
            label = QLabel(schema_tr(setting.label) + ("*" if setting.restart else ""), page)
            label.setToolTip(schema_tr(setting.description))
            form.addRow(label, editor)
        self.add_page(title, page)

    def add_page(self, title: str, widget: QWidget) -> None:
        """Add a page (e.g. API providers) to the dialog."""
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(widget)
        self.pages.addWidget(scroll)
        self.sections.addItem(title)

    def show_page(self, title: str) -> None:
        """Select the section or page called ``title``."""
        for row in range(self.sections.count()):
            if self.sections.item(row).text() == title:
                self.sections.setCurrentRow(row)
                return

    def apply(self) -> bool:
        """Store every changed value; show what is invalid and keep the dialog open if anything is."""
        problems: list[str] = []
        for key, (setting, editor) in self._editors.items():
            value = editor_value(setting, editor)
            if value == self._settings.get(key):
                continue
            try:
                self._settings.set(key, value)
            except SettingsError as exc:
                problems.append(str(exc))
        self.errors.setText("\n".join(problems))
        return not problems

    def accept(self) -> None:
        if self.apply():
            super().accept()
