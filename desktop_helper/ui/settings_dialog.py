"""The Settings dialog, built from the settings schema; other features add their own pages."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_helper.core.errors import SettingsError
from desktop_helper.parsers.hotkeys import HotkeyError, conflict_note, parse_hotkey
from desktop_helper.settings.schema import SCHEMA, SECTIONS, Setting
from desktop_helper.settings.store import Settings
from desktop_helper.ui.hotkey_edit import HotkeyEdit
from desktop_helper.ui.icons import action_icon, app_icon
from desktop_helper.ui.schema_i18n import tr as schema_tr
from desktop_helper.ui.window_geometry import resize_within_screen

_CHOICE_LABELS = {
    "system": "Follow the system",
    "light": "Light",
    "dark": "Dark",
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


#: settings that name a file ("file", with a name filter) or a folder ("folder"): their field gets a Browse button
_PATHS = {
    "models.local_model_path": ("file", "GGUF (*.gguf)"),
    "models.local_mmproj_path": ("file", "GGUF (*.gguf)"),
    "capture.save_folder": ("folder", ""),
    "capture.recordings_folder": ("folder", ""),
}


def special_values() -> dict[str, str]:
    """Settings whose lowest value means something else than a number: key -> what the field shows for it."""
    return {
        "models.threads": QCoreApplication.translate("SettingsDialog", "Automatic"),
        "models.gpu_layers": QCoreApplication.translate("SettingsDialog", "All layers that fit"),
        "models.image_token_budget": QCoreApplication.translate("SettingsDialog", "Automatic (from your hardware)"),
        "models.max_answer_tokens": QCoreApplication.translate("SettingsDialog", "The model's own limit"),
        "capture.delay_seconds": QCoreApplication.translate("SettingsDialog", "No delay"),
        "overlay.fade_seconds": QCoreApplication.translate("SettingsDialog", "Until Esc"),
    }


def _unit(setting: Setting) -> str:
    if "seconds" in setting.key:
        return QCoreApplication.translate("SettingsDialog", " s")
    if setting.key.endswith("_fps"):
        return QCoreApplication.translate("SettingsDialog", " fps")
    return ""


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
        spin.setSpecialValueText(special_values().get(setting.key, ""))
        spin.setSuffix(_unit(setting))
        widget = spin
    elif setting.type is float:
        dspin = QDoubleSpinBox(parent)
        dspin.setRange(
            setting.minimum if setting.minimum is not None else -1e9, setting.maximum if setting.maximum is not None else 1e9
        )
        dspin.setDecimals(1)
        dspin.setValue(float(value))
        dspin.setSpecialValueText(special_values().get(setting.key, ""))
        dspin.setSuffix(_unit(setting))
        widget = dspin
    elif setting.choices:
        combo = QComboBox(parent)
        for choice in setting.choices:
            combo.addItem(schema_tr(_CHOICE_LABELS.get(choice, choice)), choice)
        combo.setCurrentIndex(max(0, combo.findData(value)))
        widget = combo
    elif setting.section == "hotkeys":
        widget = HotkeyEdit(str(value), parent)
    elif setting.key in _PATHS:
        widget = PathEdit(str(value), *_PATHS[setting.key], parent=parent)
    else:
        line = QLineEdit(str(value), parent)
        widget = line
    if isinstance(widget, (QSpinBox, QDoubleSpinBox, QComboBox)):
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a wheel over the page scrolls it, not the value
    widget.setObjectName(setting.key)
    widget.setAccessibleName(schema_tr(setting.label))  # what a screen reader says (a bare check box has no text)
    if isinstance(widget, HotkeyEdit):
        widget.field.setAccessibleName(schema_tr(setting.label))  # the part that takes the focus
    elif isinstance(widget, PathEdit):
        widget.line.setAccessibleName(schema_tr(setting.label))
    widget.setToolTip(schema_tr(setting.description) + (schema_tr(" (takes effect after a restart)") if setting.restart else ""))
    return widget


def editor_value(setting: Setting, widget: QWidget) -> Any:
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, (QSpinBox, QDoubleSpinBox)):
        return widget.value()
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, (HotkeyEdit, PathEdit)):
        return widget.value()
    if isinstance(widget, QLineEdit):
        return widget.text().strip()
    raise TypeError(f"no value for {setting.key}")


class PathEdit(QWidget):
    """A path field with a Browse button (a file with ``name_filter``, or a folder)."""

    def __init__(self, value: str, kind: str, name_filter: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kind = kind
        self._filter = name_filter
        self.line = QLineEdit(value, self)
        self.line.setPlaceholderText(self.tr("Not set") if kind == "file" else self.tr("Default folder"))
        self.browse = QToolButton(self)
        self.browse.setObjectName("browse")
        self.browse.setIcon(action_icon("browse"))
        self.browse.setText(self.tr("Browse…"))
        self.browse.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.browse.clicked.connect(self.choose)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.browse)
        self.setFocusProxy(self.line)

    def value(self) -> str:
        return self.line.text().strip()

    def start_folder(self) -> str:
        return start_folder(self.value())

    def choose(self) -> None:
        if self._kind == "folder":
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder"), self.start_folder())
        else:
            chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a file"), self.start_folder(), self._filter)
        if chosen:
            self.line.setText(chosen)


def start_folder(path: str, fallback: Path | None = None) -> str:
    """Where a file dialog for ``path`` opens: its folder, else the nearest folder above it that exists, else
    ``fallback`` (if it exists) or the home folder; never the process's working directory, Qt's default."""
    home = fallback if fallback is not None and fallback.is_dir() else Path.home()
    if not path:
        return str(home)
    current = Path(path).expanduser()
    if not current.is_absolute():
        return str(home)
    for folder in (current, *current.parents):
        if folder.is_dir():
            return str(folder)
    return str(home)


def set_editor_value(widget: QWidget, value: Any) -> None:
    """Show ``value`` in an editor made by :func:`editor_for`."""
    if isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    elif isinstance(widget, QSpinBox):
        widget.setValue(int(value))
    elif isinstance(widget, QDoubleSpinBox):
        widget.setValue(float(value))
    elif isinstance(widget, QComboBox):
        widget.setCurrentIndex(max(0, widget.findData(value)))
    elif isinstance(widget, HotkeyEdit):
        widget.set_value(str(value))
    elif isinstance(widget, PathEdit):
        widget.line.setText(str(value))
    elif isinstance(widget, QLineEdit):
        widget.setText(str(value))


class SettingsDialog(QDialog):
    """Sections on the left, their settings on the right; Apply validates every value.

    Other pages (API providers, the tray, the chat) change settings while the dialog is open, so the
    stored settings are the one source of truth: Apply and OK write only the values the user changed
    in this dialog, and an editor the user has not touched follows the stored value as it changes.

    Signals (GUI thread):
        setting_changed(str): a setting was stored (by this dialog or anyone else) while it is shown.
    """

    setting_changed = Signal(str)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._built = False  # pages added later refit the dialog
        self.setObjectName("settings_dialog")
        self.setWindowTitle(self.tr("Settings"))
        self.setWindowIcon(app_icon())
        self._settings = settings
        self._editors: dict[str, tuple[Setting, QWidget]] = {}
        #: the value each editor last showed from the settings: an editor that still shows it is untouched
        self._loaded: dict[str, Any] = {}
        self._listening = False
        self.sections = QListWidget(self)
        self.sections.setObjectName("sections")
        self.pages = QStackedWidget(self)
        self.errors = QLabel(self)
        self.errors.setObjectName("errors")
        self.errors.setWordWrap(True)
        for section, title in SECTIONS.items():
            self._add_schema_page(section, schema_tr(title))
        self.sections.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.sections.setCurrentRow(0)
        # queued when another thread stores a setting
        self.setting_changed.connect(self._follow_setting)

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
        self._fit_sections()
        self._fit_to_screen()
        self._built = True

    def _fit_sections(self) -> None:
        """The section list as wide as its longest title (any language, any scale), no wider."""
        self.sections.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sections.setFixedWidth(self.sections.sizeHintForColumn(0) + 2 * self.sections.frameWidth() + 28)

    def _fit_to_screen(self) -> None:
        """Large enough for the widest page (API providers), within the screen it opens on."""
        wanted = self.sizeHint().expandedTo(self.minimumSizeHint())
        for index in range(self.pages.count()):
            page = self.pages.widget(index)
            inner = page.widget() if isinstance(page, QScrollArea) else page
            if inner is not None:
                wanted.setWidth(max(wanted.width(), inner.minimumSizeHint().width() + self.sections.width() + 60))
        resize_within_screen(self, max(wanted.width(), 860), max(wanted.height(), 600))

    def _add_schema_page(self, section: str, title: str) -> None:
        page = QWidget()
        form = QFormLayout(page)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for setting in SCHEMA:
            if setting.section != section or not setting.visible:
                continue
            value = self._settings.get(setting.key)
            editor = editor_for(setting, value, page)
            self._editors[setting.key] = (setting, editor)
            self._loaded[setting.key] = editor_value(setting, editor)
            label = QLabel(schema_tr(setting.label) + ("*" if setting.restart else ""), page)
            label.setToolTip(schema_tr(setting.description))
            label.setBuddy(editor)
            field = QWidget(page)
            column = QVBoxLayout(field)
            column.setContentsMargins(0, 0, 0, 4)
            column.setSpacing(2)
            column.addWidget(editor)
            hint = QLabel(self._hint(setting), field)
            hint.setObjectName(f"hint:{setting.key}")
            hint.setProperty("hint", True)
            hint.setWordWrap(True)
            column.addWidget(hint)
            if isinstance(editor, HotkeyEdit):
                editor.changed.connect(lambda _value, e=editor, h=hint, st=setting: h.setText(self._hint(st, e.value())))
            form.addRow(label, field)
        if any(s.restart for s in SCHEMA if s.section == section and s.visible):
            note = QLabel(self.tr("* takes effect after a restart"), page)
            note.setProperty("hint", True)
            form.addRow(note)
        self.add_page(title, page)

    def _hint(self, setting: Setting, hotkey: str | None = None) -> str:
        """The setting's description under its field; for a hotkey also who else may own it."""
        text = schema_tr(setting.description)
        if setting.section == "hotkeys" and setting.type is str:
            value = hotkey if hotkey is not None else str(self._settings.get(setting.key))
            try:
                note = conflict_note(parse_hotkey(value)) if value else None
            except HotkeyError:
                note = None
            if note:
                text += "\n" + self.tr("Careful: {0}.").format(note)
        return text

    def add_page(self, title: str, widget: QWidget) -> None:
        """Add a page (e.g. API providers) to the dialog.

        A page with a ``setting_changed(key)`` method is told of every setting stored while the
        dialog is shown, so what it shows stays true to the settings.
        """
        follow = getattr(widget, "setting_changed", None)
        if callable(follow):
            self.setting_changed.connect(follow)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(widget)
        self.pages.addWidget(scroll)
        self.sections.addItem(title)
        if self._built:
            # a page added after the dialog was built (API providers) may be its widest
            self._fit_sections()
            self._fit_to_screen()

    def show_page(self, title: str) -> None:
        """Select the section or page called ``title``."""
        for row in range(self.sections.count()):
            if self.sections.item(row).text() == title:
                self.sections.setCurrentRow(row)
                return

    def apply(self) -> bool:
        """Store the values the user changed; show what is invalid and keep the dialog open if anything is.

        An editor the user did not touch is never written back: another page may have changed its
        setting since (API providers' "Use this provider" sets the backend).
        """
        problems: list[str] = []
        hotkey_owners: dict[object, Setting] = {}
        for key, (setting, editor) in self._editors.items():
            typed = editor_value(setting, editor)
            value = typed
            # duplicates are found in stored form ("Ctrl+Alt+H" is stored as "<ctrl>+<alt>+h");
            # an invalid value is reported by set() below
            with contextlib.suppress(ValueError):
                value = setting.validate(value)
            if key.startswith("hotkeys.") and isinstance(value, str) and value:
                owner = hotkey_owners.setdefault(value, setting)
                if owner is not setting:
                    # only one action could get the chord: say so here, not in a balloon after OK
                    problems.append(
                        self.tr("{0} has the same hotkey as {1} ({2}).").format(
                            schema_tr(setting.label), schema_tr(owner.label), value
                        )
                    )
                    continue
            if typed == self._loaded[key]:
                continue
            try:
                self._settings.set(key, value)
            except SettingsError as exc:
                problems.append(str(exc))
                continue
            # show the stored form, so the next Apply sees no change to store again
            set_editor_value(editor, self._settings.get(key))
            self._loaded[key] = editor_value(setting, editor)
        self.errors.setText("\n".join(problems))
        return not problems

    def refresh_from_settings(self) -> None:
        """Show the stored value in every editor the user has not changed."""
        for key in self._editors:
            self._follow_setting(key)

    def _follow_setting(self, key: str) -> None:
        entry = self._editors.get(key)
        if entry is None:
            return
        setting, editor = entry
        if editor_value(setting, editor) != self._loaded[key]:
            return  # the user's pending edit wins until Apply or Cancel
        set_editor_value(editor, self._settings.get(key))
        self._loaded[key] = editor_value(setting, editor)

    def _stored(self, key: str, _value: object) -> None:
        # called on the thread that stored the setting; the signal hops to the GUI thread
        self.setting_changed.emit(key)

    def showEvent(self, event: QShowEvent) -> None:
        if not self._listening:
            self._listening = True
            self._settings.on_change(self._stored)
            self.refresh_from_settings()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        if self._listening:
            self._listening = False
            self._settings.remove_listener(self._stored)
        super().hideEvent(event)

    def reject(self) -> None:
        # Cancel drops pending edits: the next opening shows the stored values
        for key, (setting, editor) in self._editors.items():
            set_editor_value(editor, self._settings.get(key))
            self._loaded[key] = editor_value(setting, editor)
        self.errors.clear()
        super().reject()

    def accept(self) -> None:
        if self.apply():
            super().accept()
