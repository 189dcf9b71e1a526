"""The GUI agent's "What should the agent do?" dialog: a comfortable, multi-line field for the task."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from desktop_helper.ui.icons import app_icon

# the field's width and height, in average characters and lines of the font (so they follow the scale and language)
_FIELD_COLUMNS = 56
_FIELD_LINES = 4


class _TaskEdit(QPlainTextEdit):
    """Enter starts the task; Shift+Enter makes a new line (like the chat's question box)."""

    def __init__(self, dialog: QDialog) -> None:
        super().__init__(dialog)
        self._dialog = dialog

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self._dialog.accept()
            return
        super().keyPressEvent(event)


class TaskDialog(QDialog):
    """Asks for the agent's task; :meth:`task` is what was typed, trimmed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agent_task_dialog")
        self.setWindowTitle(self.tr("GUI agent"))
        self.setWindowIcon(app_icon())
        question = QLabel(self.tr("What should the agent do?"), self)
        self.field = _TaskEdit(self)
        self.field.setObjectName("agent_task")
        self.field.setTabChangesFocus(True)
        self.field.setPlaceholderText(self.tr("For example: open the Downloads folder and sort it by date"))
        metrics = self.field.fontMetrics()
        self.field.setMinimumSize(metrics.averageCharWidth() * _FIELD_COLUMNS, metrics.lineSpacing() * _FIELD_LINES + 12)
        question.setBuddy(self.field)
        note = QLabel(self.tr("Enter starts the agent; Shift+Enter adds a line."), self)
        note.setProperty("hint", True)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.field, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.field.setFocus()

    def task(self) -> str:
        return self.field.toPlainText().strip()

    def accept(self) -> None:
        if self.task():  # an empty task starts nothing: the dialog stays until Cancel
            super().accept()
