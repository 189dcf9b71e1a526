"""The chat window (first cut: messages from the app and a question box; the conversation view grows here)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QMainWindow, QPlainTextEdit, QVBoxLayout, QWidget

from desktop_helper.core.messages import Level, UserMessage
from desktop_helper.core.types import ImagePart
from desktop_helper.ui.icons import app_icon


class ChatWindow(QMainWindow):
    """Signals:
    question(str): the user asked something (GUI thread).
    """

    question = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("chat_window")
        self.setWindowTitle("Chat")
        self.setWindowIcon(app_icon())
        self.resize(720, 640)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        self.notice = QLabel(central)
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.log = QPlainTextEdit(central)
        self.log.setReadOnly(True)
        self.input = QLineEdit(central)
        self.input.setObjectName("question_input")
        self.input.setPlaceholderText("Ask about your screen...")
        self.input.returnPressed.connect(self._ask)
        layout.addWidget(self.notice)
        layout.addWidget(self.log, 1)
        layout.addWidget(self.input)
        self.setCentralWidget(central)

    def show_notice(self, message: UserMessage) -> None:
        colours = {Level.INFO: "#1e40af", Level.WARNING: "#92400e", Level.ERROR: "#991b1b"}
        self.notice.setStyleSheet(f"color: {colours[message.level]}; padding: 4px;")
        self.notice.setText(message.full_text())
        self.notice.show()

    def bring_to_front(self) -> None:
        self.show()
        self.raise_()
        self.activateWindow()
        self.input.setFocus()

    def attach_images(self, parts: list[ImagePart], focus_question: bool = True) -> None:
        """Add images (e.g. a fresh capture) to the next question and show the window.

        Args:
            parts: encoded images, capture geometry kept so boxes map back to the screen.
            focus_question: raise the window and put the cursor in the question box.
        """
        self.pending_images = [*getattr(self, "pending_images", []), *parts]
        for part in parts:
            self.log.appendPlainText(f"[image {part.name or 'capture'} {part.width}x{part.height}]")
        if focus_question:
            self.bring_to_front()

    def _ask(self) -> None:
        text = self.input.text().strip()
        if text:
            self.input.clear()
            self.log.appendPlainText(f"You: {text}")
            self.question.emit(text)
