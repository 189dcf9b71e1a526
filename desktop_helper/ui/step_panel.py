"""The GUI agent's step panel: a small always-on-top window that never takes the keyboard focus.

It shows what the agent is doing, the model's reasoning for the proposed step, the action in
words (a text to type in full, scrollable, with its length), and Confirm / Skip / Stop. A text that
needs a second look (:mod:`desktop_helper.agent.review`: long, several lines, or like a shell
command) gets a warning, and Confirm stays off until the user has scrolled to its end and ticked
"I have read the whole text". It must not steal focus from the window the agent works on (the
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
from PySide6.QtGui import QGuiApplication, QTextOption
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_helper.agent.review import TextReview

_WIDTH = 380
#: the text-to-type box grows up to this height, then scrolls
_TEXT_MAX_HEIGHT = 150


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
        self.setWindowTitle(self.tr("Desktop Helper agent"))
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
        self.title = QLabel(self.tr("Agent"))
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
        # the exact text a ``type`` step would type, all of it: it scrolls, and wraps anywhere so
        # nothing hides past the right edge
        self.action_text = QPlainTextEdit()
        self.action_text.setObjectName("actionText")
        self.action_text.setReadOnly(True)
        self.action_text.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.action_text.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.action_text.setMaximumHeight(_TEXT_MAX_HEIGHT)
        self.action_text.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.action_text.hide()
        self.warning = QLabel()
        self.warning.setObjectName("actionWarning")
        self.warning.setWordWrap(True)
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        self.warning.setStyleSheet("color: #FF6B6B; font-weight: bold;")
        self.warning.hide()
        self.read_check = QCheckBox(self.tr("I have read the whole text"))
        self.read_check.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.read_check.setStyleSheet("QCheckBox { color: #f1f3f4; }")
        self.read_check.hide()
        self.countdown = QLabel()
        buttons = QHBoxLayout()
        self.confirm_button = QPushButton(self.tr("Confirm"))
        self.skip_button = QPushButton(self.tr("Skip"))
        self.stop_button = QPushButton(self.tr("Stop"))
        for button in (self.confirm_button, self.skip_button, self.stop_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            buttons.addWidget(button)
        for widget in (
            self.title,
            self.task,
            self.status,
            self.reasoning,
            self.action,
            self.action_text,
            self.warning,
            self.read_check,
            self.countdown,
        ):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        self._step = 0
        self._waiting = False
        self._needs_reading = False
        self._near: QRect | None = None
        self._remaining = 0.0
        scroll_bar = self.action_text.verticalScrollBar()
        scroll_bar.valueChanged.connect(self._check_read_to_end)
        scroll_bar.rangeChanged.connect(self._check_read_to_end)
        self.read_check.toggled.connect(self._update_confirm)
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
        self.title.setText(self.tr("Agent"))
        self.task.setText(self.tr("Task: {0}").format(task))
        self.status.setText(self.tr("Starting"))
        self.reasoning.clear()
        self.reasoning.show()
        self.action.clear()
        self._show_text(None, None)
        self.countdown.clear()
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setEnabled(True)
        self._set_waiting(False)
        self._near = near
        self._place(near)
        self.show()

    def show_status(self, text: str) -> None:
        self.status.setText(text)

    def show_proposal(
        self,
        number: int,
        reasoning: str,
        words: str,
        auto_seconds: float = 0.0,
        *,
        text: str | None = None,
        review: TextReview | None = None,
        auto_paused: bool = False,
    ) -> None:
        """Show a proposed step; with ``auto_seconds`` the buttons stay but a countdown runs.

        Args:
            text: for a ``type`` step, the exact text it types (shown in full instead of ``words``).
            review: why that text needs a second look; if it does, Confirm waits until it was read.
            auto_paused: auto mode is on but holds this step for Confirm (said in the status).
        """
        self._step = number
        self.title.setText(self.tr("Step {0}").format(number))
        if auto_paused:
            self.status.setText(self.tr("Auto mode is paused for this step: check it, then confirm."))
        else:
            self.status.setText(self.tr("Proposed next step:") if auto_seconds <= 0 else self.tr("Next step (auto mode):"))
        self.reasoning.setPlainText(reasoning.strip() or "(the model gave no explanation)")
        self.reasoning.show()
        if text is None:
            self.action.setText(words)
        else:
            self.action.setText(self.tr("Type this text ({0} characters):").format(f"{len(text):,}"))
        self._show_text(text, review)
        self._remaining = auto_seconds
        if auto_seconds > 0:
            self._tick.start()
            self._count_down(elapsed=0.0)
        else:
            self._tick.stop()
            self.countdown.clear()
        self._set_waiting(True)
        # the panel grew or shrank with the text: keep its buttons on the screen
        self._place(self._near)

    def show_outcome(self, text: str, title: str | None = None) -> None:
        """The run ended: say how (no step or action of the run stays shown), keep only a Close button."""
        self._tick.stop()
        self.countdown.clear()
        self.title.setText(title if title is not None else self.tr("Agent finished"))
        self.status.setText(text)
        self.reasoning.clear()
        self.reasoning.hide()
        self.action.clear()
        self._show_text(None, None)
        self._set_waiting(False)
        self.stop_button.setText(self.tr("Close"))
        self._place(self._near)

    def clear_proposal(self) -> None:
        self._tick.stop()
        self.countdown.clear()
        self._set_waiting(False)

    # -- internals -------------------------------------------------------------------------------

    def _show_text(self, text: str | None, review: TextReview | None) -> None:
        self._needs_reading = review is not None and review.needs_second_look
        self.read_check.setChecked(False)
        self.read_check.setEnabled(False)
        if text is None:
            self.action_text.clear()
        else:
            self.action_text.setPlainText(text)
            self.action_text.verticalScrollBar().setValue(0)
        self.action_text.setVisible(text is not None)
        self.warning.setText(self._warning_text(review) if review is not None and self._needs_reading else "")
        self.warning.setVisible(self._needs_reading)
        self.read_check.setVisible(self._needs_reading)
        self._check_read_to_end()

    def _warning_text(self, review: TextReview) -> str:
        reasons = []
        if review.long:
            reasons.append(self.tr("it is long"))
        if review.multiline:
            reasons.append(self.tr("it has line breaks, and each one presses Enter"))
        if review.shell_hint:
            reasons.append(self.tr("it looks like a shell command ({0})").format(review.shell_hint))
        return self.tr("Read the whole text before you confirm: {0}. Scroll to its end, then tick the box.").format(
            "; ".join(reasons)
        )

    def _check_read_to_end(self) -> None:
        """The box can be ticked once the end of the text has been on screen."""
        if not self._needs_reading or self.read_check.isEnabled():
            return
        bar = self.action_text.verticalScrollBar()
        if self.action_text.isVisible() and bar.value() >= bar.maximum():
            self.read_check.setEnabled(True)

    def _update_confirm(self) -> None:
        self.confirm_button.setEnabled(self._waiting and (not self._needs_reading or self.read_check.isChecked()))

    def _set_waiting(self, waiting: bool) -> None:
        self._waiting = waiting
        self._update_confirm()
        self.skip_button.setEnabled(waiting)

    def _count_down(self, elapsed: float = 0.1) -> None:
        self._remaining = max(0.0, self._remaining - elapsed)
        self.countdown.setText(self.tr("Acting in {0:.1f} s (Skip or Stop to prevent it)").format(self._remaining))
        if self._remaining <= 0:
            self._tick.stop()

    def _place(self, near: QRect | None) -> None:
        # rows just hidden or shown must count now, not at the next layout pass: else the panel
        # keeps its old height and its buttons can end up below the screen's edge
        for layout in self.findChildren(QLayout):
            layout.activate()
        self.adjustSize()
        if near is None:
            screen = QGuiApplication.primaryScreen()
            near = screen.availableGeometry() if screen is not None else QRect(0, 0, 800, 600)
        margin = 16
        self.move(near.right() - self.width() - margin, near.bottom() - self.height() - margin)
