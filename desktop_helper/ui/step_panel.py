"""The GUI agent's step panel: a small always-on-top window that never takes the keyboard focus.

It shows what the agent is doing, the model's reasoning for the proposed step, the action in
words, and Confirm / Skip / Stop. It must not steal focus from the window the agent works on (the
next ``type`` goes to whatever has focus), hence ``WindowDoesNotAcceptFocus`` and
``WA_ShowWithoutActivating``; clicking its buttons still works because Qt delivers mouse events to
windows that do not take focus.

Signals (emitted on the GUI thread):
    confirmed(int): Confirm was pressed for the step with this number.
    skipped(int): Skip was pressed for the step with this number.
    stop_requested(): Stop was pressed.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

_WIDTH = 380


class StepPanel(QWidget):
    """Shows one proposed step at a time."""

    confirmed = Signal(int)
    skipped = Signal(int)
    stop_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            parent,
            Qt.WindowType.Tool
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
            | Qt.WindowType.WindowDoesNotAcceptFocus,
        )
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.setObjectName("agentStepPanel")
        self.setWindowTitle("Desktop Helper agent")
        self.setFixedWidth(_WIDTH)
        frame = QFrame(self)
        frame.setObjectName("panelFrame")
        frame.setStyleSheet(
            "#panelFrame { background: #202124; border: 2px solid #FF2D55; border-radius: 8px; }"
            "QLabel { color: #f1f3f4; } QPlainTextEdit { background: #2b2c2f; color: #e8eaed; border: none; }"
        )
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(12, 10, 12, 10)
        self.title = QLabel("Agent")
        self.title.setStyleSheet("font-weight: bold;")
        self.task = QLabel()
        self.task.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.reasoning = QPlainTextEdit()
        self.reasoning.setReadOnly(True)
        self.reasoning.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.reasoning.setMaximumHeight(110)
        self.action = QLabel()
        self.action.setWordWrap(True)
        self.action.setStyleSheet("font-weight: bold; color: #FFB000;")
        self.action.setTextFormat(Qt.TextFormat.PlainText)
        self.countdown = QLabel()
        buttons = QHBoxLayout()
        self.confirm_button = QPushButton("Confirm")
        self.skip_button = QPushButton("Skip")
        self.stop_button = QPushButton("Stop")
        for button in (self.confirm_button, self.skip_button, self.stop_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            buttons.addWidget(button)
        for widget in (self.title, self.task, self.status, self.reasoning, self.action, self.countdown):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        self._step = 0
        self._remaining = 0.0
        self._tick = QTimer(self)
        self._tick.setInterval(100)
        self._tick.timeout.connect(self._count_down)
        self.confirm_button.clicked.connect(lambda: self.confirmed.emit(self._step))
        self.skip_button.clicked.connect(lambda: self.skipped.emit(self._step))
        self.stop_button.clicked.connect(self.stop_requested.emit)
        self._set_waiting(False)

    # -- content ----------------------------------------------------------------------------

    def start(self, task: str, near: QRect | None = None) -> None:
        """Show the panel for a new run, in the bottom-right corner of ``near`` (logical px)."""
        self.title.setText("Agent")
        self.task.setText(f"Task: {task}")
        self.status.setText("Starting")
        self.reasoning.clear()
        self.action.clear()
        self.countdown.clear()
        self.stop_button.setText("Stop")
        self.stop_button.setEnabled(True)
        self._set_waiting(False)
        self._place(near)
        self.show()

    def show_status(self, text: str) -> None:
        self.status.setText(text)

    def show_proposal(self, number: int, reasoning: str, words: str, auto_seconds: float = 0.0) -> None:
        """Show a proposed step; with ``auto_seconds`` the buttons stay but a countdown runs."""
        self._step = number
        self.title.setText(f"Step {number}")
        self.status.setText("Proposed next step:" if auto_seconds <= 0 else "Next step (auto mode):")
        self.reasoning.setPlainText(reasoning.strip() or "(the model gave no explanation)")
        self.action.setText(words)
        self._remaining = auto_seconds
        if auto_seconds > 0:
            self._tick.start()
            self._count_down(elapsed=0.0)
        else:
            self._tick.stop()
            self.countdown.clear()
        self._set_waiting(True)

    def show_outcome(self, text: str, title: str = "Agent finished") -> None:
        """The run ended: say how (no step or action of the run stays shown), keep only a Close button."""
        self._tick.stop()
        self.countdown.clear()
        self.title.setText(title)
        self.reasoning.clear()
        self.action.clear()
        self.status.setText(text)
        self._set_waiting(False)
        self.stop_button.setText("Close")

    def clear_proposal(self) -> None:
        self._tick.stop()
        self.countdown.clear()
        self._set_waiting(False)

    # -- internals -------------------------------------------------------------------------------

    def _set_waiting(self, waiting: bool) -> None:
        self.confirm_button.setEnabled(waiting)
        self.skip_button.setEnabled(waiting)

    def _count_down(self, elapsed: float = 0.1) -> None:
        self._remaining = max(0.0, self._remaining - elapsed)
        self.countdown.setText(f"Acting in {self._remaining:.1f} s (Skip or Stop to prevent it)")
        if self._remaining <= 0:
            self._tick.stop()

    def _place(self, near: QRect | None) -> None:
        self.adjustSize()
        if near is None:
            screen = QGuiApplication.primaryScreen()
            near = screen.availableGeometry() if screen is not None else QRect(0, 0, 800, 600)
        margin = 16
        self.move(near.right() - self.width() - margin, near.bottom() - self.sizeHint().height() - margin)
