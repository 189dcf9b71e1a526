"""The chat window: conversations, streaming answers, attachments, model controls and history.

Layout: the conversation list (with full-text search) on the left; on the right the controls
(backend, thinking, image detail with its token estimate, system prompt), the conversation
view, the attachments waiting to be sent, and the question box. A compact always-on-top
:class:`MiniWindow` asks quick questions into the same conversation.

The window is a view: the requests, the answer streaming into the history and the images sent
belong to its :class:`~desktop_helper.conversation.ConversationSession` (Qt-free).
Generation runs on a worker (:class:`GenerationRunner`), one at a time; each event arrives as a
queued signal.
Files are read and decoded on worker threads; a file that cannot be used produces a notice
naming it and the reason, and nothing else changes.
"""

from __future__ import annotations

import functools
import logging
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QByteArray, QPoint, QRect, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDropEvent,
    QGuiApplication,
    QHideEvent,
    QImage,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_helper.agent.tools import ScreenTools, ToolRound
from desktop_helper.backends.base import ChatRequest, Done, Event, Progress, TextDelta, ThinkingDelta
from desktop_helper.backends.speed import approx_text_tokens
from desktop_helper.conversation import BoxesToDraw, ConversationSession
from desktop_helper.core.errors import MediaError, UserError
from desktop_helper.core.i18n import english, t
from desktop_helper.core.messages import Level, UserMessage
from desktop_helper.core.types import FinishReason, ImagePart
from desktop_helper.history.store import HistoryStore, StoredMessage
from desktop_helper.media.documents import Attachment, PageRange, from_image_bytes, from_image_part, load_attachment
from desktop_helper.settings.store import Settings
from desktop_helper.ui.attachments_bar import AttachmentsBar
from desktop_helper.ui.chat_widgets import FullTextViewer, ImageViewer, MiniWindow, QuestionEdit, png_bytes
from desktop_helper.ui.conversation_view import ConversationView, ViewImage, ViewMessage
from desktop_helper.ui.icons import action_icon, app_icon
from desktop_helper.ui.markdown import fold_long_lines, html_snippet, render_markdown
from desktop_helper.ui.preencode import PreEncoder
from desktop_helper.ui.workers import GenerationRunner, TaskRunner

log = logging.getLogger(__name__)

# (id, tokens per image); "max" uses the settings' budget or 8192
DETAIL_LEVELS: tuple[tuple[str, int], ...] = (("low", 256), ("medium", 1024), ("high", 2704), ("max", 8192))
# a burst of changes (several files dropped, the detail scrolled through) starts one pre-encode
PRIME_DELAY_MS = 150
# settings that change what the backend and model pickers offer
_BACKEND_SETTINGS = frozenset({"models.backend", "models.active_provider", "models.providers", "models.local_model_path"})


class ChatWindow(QMainWindow):
    """The full chat window.

    Args:
        history: where conversations are kept (``None``: an in-memory history for this session).
        backends: the backend service (``None``: the window cannot answer, e.g. in a bare test).
        settings: for the default image budget and thinking switch.
        preview_dir: where HTML previews are written (default: a temporary folder).

    Signals (GUI thread):
        question(str): the user asked something.
        generation_finished(int): an answer finished (its history message id), whatever the reason.
        attachments_loaded(): files dropped or picked have been read (or refused).
        agent_requested(str): the user typed ``/agent <task>``: the GUI agent should work on the task.
    """

    question = Signal(str)
    agent_requested = Signal(str)
    generation_finished = Signal(int)
    attachments_loaded = Signal()
    _backend_settings_stored = Signal()

    def __init__(
        self,
        history: HistoryStore | None = None,
        backends: object | None = None,
        settings: Settings | None = None,
        preview_dir: Path | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("chat_window")
        self.setWindowTitle(self.tr("Chat"))
        self.setWindowIcon(app_icon())
        self.resize(980, 700)
        self.setAcceptDrops(True)
        self._own_history = history is None
        self.history = (
            history if history is not None else HistoryStore(None, Path(tempfile.mkdtemp(prefix="desktop-helper-att-")))
        )
        self.backends = backends
        self.settings = settings
        #: what the controls read: the app's settings, or the schema's defaults for a window without them
        self._values = settings if settings is not None else Settings(None)
        self.preview_dir = preview_dir or Path(tempfile.gettempdir()) / "desktop-helper-preview"
        self.overlay: object | None = None
        self._own_overlay: object | None = None
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        self.conversation_id: int | None = None
        self.last_request: ChatRequest | None = None
        self._pending_system_prompt = ""
        self._editing: int | None = None
        #: the data side: requests, the answer streaming into the history, the images sent
        self.session = ConversationSession(self.history)
        self._images: dict[str, bytes] = {}  # view image key -> PNG (answers' boxes)
        self._boxer = TaskRunner(self)  # draws answers' boxes off the GUI thread
        self._boxer.done.connect(self._boxes_drawn)
        self._boxer.failed.connect(self._boxes_failed)
        self._boxes_wanted: dict[int, int] = {}  # answer id -> the drawing its message waits for
        self._box_jobs: dict[int, tuple[int, BoxesToDraw]] = {}  # drawing task -> (answer id, what it draws)
        self._loading_files: dict[int, str] = {}
        self._viewers: list[QDialog] = []
        self.runner = GenerationRunner(self)
        #: tools the model may call while answering (screen, zoom, windows); set by the app
        self.screen_tools: ScreenTools | None = None
        self.runner.produced.connect(self._on_event)
        self.tasks = TaskRunner(self)
        self.tasks.done.connect(self._file_loaded)
        self.tasks.failed.connect(self._file_failed)
        #: reads the attached images into the local model while the question is typed (issue 20)
        self.preencoder = PreEncoder(self)
        self.preencoder.changed.connect(self._show_prime)
        self.preencoder.failed.connect(self._prime_failed)
        self._prime_timer = QTimer(self)
        self._prime_timer.setSingleShot(True)
        self._prime_timer.setInterval(PRIME_DELAY_MS)
        self._prime_timer.timeout.connect(self._start_prime)
        self._prime_ticker = QTimer(self)  # moves the progress and the estimate on while an image is read
        self._prime_ticker.setInterval(500)
        self._prime_ticker.timeout.connect(self._show_prime)
        # something the request depends on changed and the pre-encode has not caught up yet
        self._prime_outdated = False
        self._sizer = TaskRunner(self)  # resizes images for the pre-encode off the GUI thread
        self._sizer.done.connect(self._attachments_sized)
        self._sizer.failed.connect(lambda _task, error: log.info("an image could not be resized ahead: %s", error))
        self._build_ui()
        self.restore_geometry()
        self.mini = MiniWindow()
        self.mini.ask.connect(self._ask_from_mini)
        self.mini.open_full.connect(self.show_full)
        if backends is not None:
            backends.state_changed.connect(self._backend_state)  # type: ignore[attr-defined]
            backends.ready.connect(self._schedule_prime)  # type: ignore[attr-defined]
            self._backend_state(backends.state)  # type: ignore[attr-defined]
        if settings is not None:
            # the backend and model are chosen elsewhere too (welcome window, Settings, providers page): follow them
            self._backend_settings_stored.connect(self._fill_backends, Qt.ConnectionType.QueuedConnection)
            settings.on_change(self._setting_stored)
        interrupted = self.history.mark_interrupted()
        if interrupted:
            log.info("%d answer(s) were interrupted by the last exit; kept as they were", interrupted)
        self.reload_conversations()

    # ----- construction
    def _build_ui(self) -> None:
        splitter = QSplitter(self)
        # the conversation list on the left
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(4, 4, 4, 4)
        new = QPushButton(self.tr("New chat"), left)
        new.setObjectName("new_chat")
        new.clicked.connect(self.new_conversation)
        self.search = QLineEdit(left)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search history…"))
        self.search.textChanged.connect(self.reload_conversations)
        self.conversation_list = QListWidget(left)
        self.conversation_list.setObjectName("conversation_list")
        self.conversation_list.itemActivated.connect(self._conversation_clicked)
        self.conversation_list.itemClicked.connect(self._conversation_clicked)
        self.conversation_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.conversation_list.customContextMenuRequested.connect(self._conversation_menu)
        # long titles are elided, never scrolled sideways; the column keeps its width whatever the right side shows
        self.conversation_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.conversation_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.conversation_list.setUniformItemSizes(True)
        left.setMinimumWidth(self.fontMetrics().averageCharWidth() * 24)
        left_layout.addWidget(new)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.conversation_list, 1)
        # right: controls, conversation, attachments, question
        right = QWidget(splitter)
        layout = QVBoxLayout(right)
        layout.setContentsMargins(4, 4, 4, 4)
        controls = QHBoxLayout()
        self.backend_box = QComboBox(right)
        self.backend_box.setObjectName("backend_box")
        self.backend_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.backend_box.activated.connect(self._backend_chosen)
        self.model_box = QComboBox(right)
        self.model_box.setObjectName("model_box")
        self.model_box.setEditable(True)
        self.model_box.setMinimumContentsLength(18)
        self.model_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        editor = self.model_box.lineEdit()
        assert editor is not None  # an editable combo box always has its line edit
        editor.editingFinished.connect(self._model_chosen)
        self.model_box.activated.connect(lambda _index: self._model_chosen())
        self.thinking_box = QCheckBox(self.tr("Thinking"), right)
        self.thinking_box.setObjectName("thinking_box")
        self.thinking_box.setChecked(self._values.get_bool("models.thinking"))
        self.thinking_box.toggled.connect(self._schedule_prime)
        self.detail_box = QComboBox(right)
        self.detail_box.setObjectName("detail_box")
        labels = {
            "low": self.tr("Low detail"),
            "medium": self.tr("Medium detail"),
            "high": self.tr("High detail"),
            "max": self.tr("Max detail"),
        }
        for name, _tokens in DETAIL_LEVELS:
            self.detail_box.addItem(labels[name], name)
        self.detail_box.setCurrentIndex(self._default_detail())
        self.detail_box.currentIndexChanged.connect(self._schedule_prime)
        self.tokens_label = QLabel(right)
        self.tokens_label.setObjectName("tokens_label")
        system = QToolButton(right)
        system.setObjectName("system_prompt_button")
        system.setText(self.tr("System prompt…"))
        system.clicked.connect(self._edit_system_prompt)
        mini = QToolButton(right)
        mini.setText(self.tr("Mini"))
        mini.setIcon(action_icon("mini"))
        mini.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        mini.setToolTip(self.tr("A small always-on-top window for quick questions"))
        mini.clicked.connect(self.show_mini)
        controls.addWidget(self.backend_box)
        controls.addWidget(self.model_box, 1)  # the model's file name gets the room there is
        for widget in (self.thinking_box, self.detail_box):
            controls.addWidget(widget)
        controls.addWidget(system)
        controls.addWidget(mini)
        self.notice = QLabel(right)
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice.hide()
        self.status = QLabel(right)
        self.status.setObjectName("status")
        self.view = ConversationView(self._image_for_key, right)
        self.view.action.connect(self._message_action)
        self.view.image_clicked.connect(self.enlarge_image)
        self.view.setAcceptDrops(False)  # files dropped on the conversation go to the window, which attaches them
        self.attachments = AttachmentsBar(right)
        self.attachments.changed.connect(self._schedule_prime)
        self.attachments.page_range_requested.connect(self._choose_pages)
        self.input = QuestionEdit(right)
        self.input.setObjectName("question_input")
        self.input.setPlaceholderText(self.tr("Ask about your screen, or drop files here… (Enter sends, Shift+Enter: new line)"))
        self.input.setFixedHeight(72)
        self.input.submit.connect(self.send)
        self.input.textChanged.connect(self._update_estimate)
        self.input.pasted_images.connect(self._paste_images)
        self.input.pasted_files.connect(self.add_files)
        buttons = QHBoxLayout()
        attach = QPushButton(action_icon("attach"), self.tr("Attach…"), right)
        attach.setObjectName("attach_button")
        attach.clicked.connect(self._pick_files)
        self.edit_label = QLabel(right)
        self.edit_label.hide()
        self.send_button = QPushButton(action_icon("send"), self.tr("Send"), right)
        self.send_button.setObjectName("send_button")
        self.send_button.clicked.connect(self.send)
        self.stop_button = QPushButton(action_icon("stop"), self.tr("Stop"), right)
        self.stop_button.setObjectName("stop_button")
        self.stop_button.clicked.connect(self.stop)
        self.stop_button.setEnabled(False)
        buttons.addWidget(attach)
        buttons.addWidget(self.tokens_label)  # here its changing text cannot push the history column aside
        buttons.addWidget(self.edit_label)
        buttons.addStretch(1)
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.send_button)
        layout.addLayout(controls)
        layout.addWidget(self.notice)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.attachments)
        layout.addWidget(self.input)
        layout.addLayout(buttons)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(0, False)
        splitter.setSizes([left.minimumWidth() + 40, 760])
        self.splitter = splitter
        self.setCentralWidget(splitter)
        QShortcut(QKeySequence("Escape"), self, self._escape)
        QShortcut(QKeySequence("Ctrl+N"), self, self.new_conversation)
        self._fill_backends()
        self._update_estimate()

    # ----- public API used by the app
    def show_notice(self, message: UserMessage) -> None:
        colours = {Level.INFO: "#1e40af", Level.WARNING: "#92400e", Level.ERROR: "#991b1b"}
        self.notice.setStyleSheet(f"color: {colours[message.level]}; padding: 4px;")
        self.notice.setText(message.full_text())
        self.notice.setProperty("level", message.level.name)
        self.notice.show()

    def clear_problem_notice(self) -> None:
        """Hide a warning or error banner: something just worked, so the problem it reported is gone."""
        if self.notice.isVisible() and self.notice.property("level") in (Level.WARNING.name, Level.ERROR.name):
            self.notice.hide()

    def bring_to_front(self) -> None:
        self.show()
        self.raise_()
        self.activateWindow()
        self.input.setFocus()

    def attach_images(self, parts: list[ImagePart], focus_question: bool = True) -> None:
        """Add images (e.g. a fresh capture) to the next question and show the window.

        Args:
            parts: encoded images; a capture's geometry is kept so its boxes map back to the screen.
            focus_question: raise the window and put the cursor in the question box.
        """
        for part in parts:
            self.attachments.add(from_image_part(part))
        if focus_question:
            self.bring_to_front()

    def set_overlay(self, overlay: object) -> None:
        """The screen overlay controller that "Show on screen" draws with (``show_boxes_on_screen``)."""
        self.overlay = overlay

    def show_mini(self) -> None:
        """Turn the chat into its mini form: the same conversation, in a small always-on-top window."""
        self._fill_mini()
        if self.isVisible():
            # the mini window takes the full window's place (its top-right corner)
            frame = self.frameGeometry()
            self.mini.move(max(frame.left(), frame.right() - self.mini.frameGeometry().width()), frame.top())
            self.hide()
        self.mini.show()
        self.mini.raise_()
        self.mini.activateWindow()
        self.mini.input.setFocus()

    def show_full(self) -> None:
        """Back from the mini form to the full window."""
        self.mini.hide()
        self.bring_to_front()

    def _fill_mini(self) -> None:
        """Show the conversation's last question and answer (or the one streaming) in the mini window."""
        if self.conversation_id is None:
            self.mini.answer.clear()
            return
        question, answer = "", ""
        for message in self.history.messages(self.conversation_id):
            if message.role == "user":
                question, answer = message.content, ""
            elif message.role == "assistant":
                answer = message.content
        if self.session.stream is not None:
            answer = self.session.stream.content
        shown_question = fold_long_lines(question)[0]
        self.mini.show_exchange(shown_question, render_markdown(fold_long_lines(answer)[0]) if answer else "")

    def shutdown(self) -> None:
        """Stop the generation (saving what streamed), finish file loading, close the mini window."""
        if self.isVisible():
            self.save_geometry()
        if self._own_overlay is not None:
            self._own_overlay.shutdown()  # type: ignore[attr-defined]
        self._prime_timer.stop()
        self._prime_ticker.stop()
        self.preencoder.shutdown()  # first: an answer may be waiting for it
        self._sizer.shutdown()
        self._boxer.shutdown()
        self.runner.shutdown()
        self.session.abandon(self.tr("The app was closed while this answer was being written."))
        self.tasks.shutdown()
        if self.settings is not None:
            self.settings.remove_listener(self._setting_stored)
        self.mini.close()
        for viewer in self._viewers:
            viewer.close()
        if self._own_history:
            self.history.close()

    # ----- conversations
    def reload_conversations(self) -> None:
        query = self.search.text().strip()
        self.conversation_list.clear()
        if query:
            seen: set[int] = set()
            for hit in self.history.search(query):
                if hit.conversation_id in seen:
                    continue
                seen.add(hit.conversation_id)
                item = QListWidgetItem(hit.title or self.tr("Untitled"))
                item.setToolTip(hit.snippet)
                item.setData(Qt.ItemDataRole.UserRole, hit.conversation_id)
                self.conversation_list.addItem(item)
            return
        for conversation in self.history.conversations():
            item = QListWidgetItem(conversation.title or self.tr("New conversation"))
            item.setData(Qt.ItemDataRole.UserRole, conversation.id)
            self.conversation_list.addItem(item)
            if conversation.id == self.conversation_id:
                item.setSelected(True)

    def new_conversation(self) -> None:
        if self.runner.busy:
            return
        self.conversation_id = None
        self._pending_system_prompt = ""
        self._cancel_edit()
        self._show_backend_state()
        self.view.set_messages([])
        self.conversation_list.clearSelection()
        self.input.setFocus()
        self._schedule_prime()

    def open_conversation(self, conversation_id: int) -> None:
        if self.runner.busy:
            self.show_notice(UserMessage(Level.INFO, self.tr("Wait for the answer to finish, or stop it, first.")))
            return
        self.conversation_id = conversation_id
        self._cancel_edit()
        self._show_backend_state()  # the last answer's time belongs to the conversation left
        messages = self.history.messages(conversation_id)
        self.view.set_messages([self._view_message(m, messages) for m in messages])
        self._schedule_prime()

    def rename_conversation(self, conversation_id: int, title: str) -> None:
        self.history.rename_conversation(conversation_id, title)
        self.reload_conversations()

    def delete_conversation(self, conversation_id: int) -> None:
        stream = self.session.stream
        if stream is not None and stream.conversation_id == conversation_id:
            return
        self.history.delete_conversation(conversation_id)
        if self.conversation_id == conversation_id:
            self.new_conversation()
        self.reload_conversations()

    def _conversation_clicked(self, item: QListWidgetItem) -> None:
        conversation_id = int(item.data(Qt.ItemDataRole.UserRole))
        if conversation_id != self.conversation_id:
            self.open_conversation(conversation_id)

    def _conversation_menu(self, position: QPoint) -> None:
        item = self.conversation_list.itemAt(position)
        if item is None:
            return
        conversation_id = int(item.data(Qt.ItemDataRole.UserRole))
        menu = QMenu(self)
        rename = QAction(self.tr("Rename…"), menu)
        delete = QAction(self.tr("Delete"), menu)
        export_md = QAction(self.tr("Export as Markdown…"), menu)
        export_json = QAction(self.tr("Export as JSON…"), menu)
        for action in (rename, delete, export_md, export_json):
            menu.addAction(action)
        chosen = menu.exec(self.conversation_list.mapToGlobal(position))
        if chosen is rename:
            title, ok = QInputDialog.getText(self, self.tr("Rename"), self.tr("Title:"), text=item.text())
            if ok and title.strip():
                self.rename_conversation(conversation_id, title)
        elif chosen is delete:
            answer = QMessageBox.question(self, self.tr("Delete"), self.tr("Delete this conversation and its attachments?"))
            if answer == QMessageBox.StandardButton.Yes:
                self.delete_conversation(conversation_id)
        elif chosen in (export_md, export_json):
            markdown = chosen is export_md
            suffix = ".md" if markdown else ".json"
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export"), str(Path.home() / f"conversation{suffix}"))
            if path:
                target = Path(path).with_suffix(suffix)
                try:
                    if markdown:
                        self.history.export_markdown(conversation_id, target)
                    else:
                        self.history.export_json(conversation_id, target)
                except OSError as exc:
                    self.show_notice(UserMessage(Level.ERROR, self.tr("Export failed: {0}").format(exc)))

    # ----- controls
    def _default_detail(self) -> int:
        budget = self._values.get_int("models.image_token_budget")
        if budget <= 0:
            return 1
        return min(range(len(DETAIL_LEVELS)), key=lambda i: abs(DETAIL_LEVELS[i][1] - budget))

    def image_budget(self) -> int:
        """Tokens per image at the chosen detail level."""
        name = self.detail_box.currentData()
        tokens = dict(DETAIL_LEVELS)[name]
        if name == "max":
            configured = self._values.get_int("models.image_token_budget")
            tokens = max(tokens, configured)
        return tokens

    def estimated_image_tokens(self) -> int:
        budget = self.image_budget()
        return sum(a.tokens(budget) for a in self.attachments.attachments())

    def _update_estimate(self) -> None:
        tokens = self.estimated_image_tokens()
        per_image = self.image_budget()
        text = self.tr("≈ {0} image tokens (≤ {1} per image)").format(tokens, per_image)
        if tokens and self._can_prime():
            seconds = self.first_answer_estimate()
            if seconds is None:
                text += " · " + self.tr("first answer: measuring…")
            else:
                text += " · " + self.tr("first answer in ≈ {0}").format(self._duration(seconds))
        self.tokens_label.setText(text)

    def first_answer_estimate(self) -> float | None:
        """Seconds from Send to the first word, from the speeds measured on this computer; None before any."""
        backend = getattr(self.backends, "backend", None)
        rates = backend.speed_rates() if backend is not None else None
        if rates is None:
            return None
        # the local model caps images at the budget it was loaded with
        budget = min(self.image_budget(), int(getattr(backend, "image_token_budget", 0) or self.image_budget()))
        image_left, text_left = float(sum(a.tokens(budget) for a in self.attachments.attachments())), 0.0
        progress = self.preencoder.progress(rates)
        if progress is not None and not self._prime_outdated:
            image_left, text_left = progress.image_left, progress.text_left
        question = self.input.toPlainText()
        counted = backend.question_tokens(question) if backend is not None else None
        question_tokens = counted if counted is not None else approx_text_tokens(question)
        seconds = rates.first_token_seconds(round(image_left), round(text_left) + question_tokens)
        return float(seconds) if seconds is not None else None  # None: not measurable yet

    def _duration(self, seconds: float) -> str:
        if seconds < 1:
            return self.tr("under a second")
        minutes, rest = divmod(round(seconds), 60)
        return self.tr("{0} min {1} s").format(minutes, rest) if minutes else self.tr("{0} s").format(rest)

    # ----- reading the image before Send (issue 20)
    def _can_prime(self) -> bool:
        backend = getattr(self.backends, "backend", None)
        return backend is not None and backend.can_prime

    def _schedule_prime(self) -> None:
        """Something the next request depends on changed: read it again, once a burst of changes is over."""
        self._prime_outdated = True
        self._update_estimate()
        self._prime_timer.start()

    def _start_prime(self, resized: bool = False) -> None:
        backend = getattr(self.backends, "backend", None)
        pending = self.attachments.attachments()
        if backend is None or not backend.can_prime or self.runner.busy or not any(a.images for a in pending):
            # an answer being written changes the conversation: its end schedules the pre-encode again
            self._prime_outdated = False
            self.preencoder.cancel()
            return
        budget = self.image_budget()
        unsized = [a for a in pending if a.images and not self.session.is_sized(a, budget)]
        if unsized and not resized:
            # resizing a screenshot takes ~0.1-0.2 s: on a worker, then the pre-encode starts
            self._sizer.submit(lambda: [(a, budget, a.parts(budget)) for a in unsized], name="attachment-resize")
            return
        self._prime_outdated = False
        self.preencoder.start(backend, self.build_request(self.conversation_id, pending, before=self._editing))

    def _attachments_sized(self, _task: int, results: object) -> None:
        for attachment, budget, parts in results:  # type: ignore[attr-defined]
            self.session.remember_sized(attachment, budget, parts)
        if not self._prime_timer.isActive():  # else a newer change starts it again anyway
            self._start_prime(resized=True)

    def _show_prime(self) -> None:
        prime = self.preencoder
        backend = getattr(self.backends, "backend", None)
        progress = prime.progress(backend.speed_rates() if backend is not None else None)
        finished = prime.state is not None and prime.state.finished
        if prime.running and not finished:
            if not self._prime_ticker.isActive():
                self._prime_ticker.start()
            if progress is not None and (self.session.stream is None or prime.handed_over):
                self.status.setText(self.tr("Reading the image… {0} %").format(int(progress.fraction * 100)))
        elif self._prime_ticker.isActive():
            self._prime_ticker.stop()
            if self.session.stream is None:
                # read, or cancelled (attachment removed...): no stale progress left behind
                if finished:
                    self.status.setText(self.tr("Image read: the answer starts as soon as you send."))
                else:
                    self._show_backend_state()
        self._update_estimate()

    def _prime_failed(self, error: str) -> None:
        # the send reads the image again and reports a lasting problem with its fix
        log.info("reading the image ahead failed: %s", error)
        if self.session.stream is None:
            self.status.setText(self.tr("The image could not be read ahead: {0}").format(error))

    def _setting_stored(self, key: str, _value: object) -> None:
        if key in _BACKEND_SETTINGS:
            self._backend_settings_stored.emit()  # queued: settings may be stored from any thread

    def _fill_backends(self) -> None:
        self.backend_box.clear()
        if self.backends is None:
            self.backend_box.addItem(self.tr("No backend"))
            self.backend_box.setEnabled(False)
            return
        active = self.backends.active_choice()  # type: ignore[attr-defined]
        for choice in self.backends.choices():  # type: ignore[attr-defined]
            label = t(choice.label) if not choice.model else f"{t(choice.label)} — {choice.model}"
            if choice.kind == "local_gguf":
                label = self.tr("Local model") + (f" — {choice.model}" if choice.model else "")
            self.backend_box.addItem(label, choice)
            if choice.key == active.key:
                self.backend_box.setCurrentIndex(self.backend_box.count() - 1)
        self._fill_models()

    def _fill_models(self) -> None:
        choice = self.backend_box.currentData()
        self.model_box.clear()
        if choice is None or self.backends is None:
            self.model_box.setEnabled(False)
            return
        self.model_box.addItems(self.backends.models_for(choice))  # type: ignore[attr-defined]
        # the local backend's model is a file chosen in the settings; API models can be typed in
        self.model_box.setEnabled(choice.kind == "openai_compat")

    def _model_chosen(self) -> None:
        choice = self.backend_box.currentData()
        model = self.model_box.currentText().strip()
        if choice is None or self.backends is None or not model or model == choice.model:
            return
        from dataclasses import replace

        choice = replace(choice, model=model)
        self.backend_box.setItemData(self.backend_box.currentIndex(), choice)
        self.preencoder.cancel()  # the old model's cache is going away
        self.backends.load(choice)  # type: ignore[attr-defined]
        if self.conversation_id is not None:
            self.history.update_conversation(self.conversation_id, backend=choice.key, model=model)

    def _backend_chosen(self, index: int) -> None:
        choice = self.backend_box.itemData(index)
        if choice is None or self.backends is None:
            return
        from desktop_helper.backends import factory

        if self.settings is not None:
            try:
                factory.select(self.settings, choice)
            except UserError as exc:
                self.show_notice(UserMessage(Level.ERROR, exc.message, exc.fix))
                return
        self._fill_models()
        self.preencoder.cancel()  # the old model's cache is going away
        self.backends.load(choice)  # type: ignore[attr-defined]
        if self.conversation_id is not None:
            self.history.update_conversation(self.conversation_id, backend=choice.key, model=choice.model)

    def _show_backend_state(self) -> None:
        self.status.setText(str(getattr(self.backends, "state", "")))

    def _backend_state(self, text: str) -> None:
        if self.session.stream is None:  # while an answer streams, the status line is about the answer
            self.status.setText(text)
        if self.backends is not None and getattr(self.backends, "backend", None) is not None:
            self.clear_problem_notice()  # a model is ready: "no model" or "could not load" is over
        if getattr(self.backends, "loading", False):
            self.preencoder.cancel()  # the model it reads into is being replaced

    def system_prompt(self) -> str:
        if self.conversation_id is None:
            return self._pending_system_prompt
        return self.history.conversation(self.conversation_id).system_prompt

    def set_system_prompt(self, text: str) -> None:
        if self.conversation_id is None:
            self._pending_system_prompt = text
        else:
            self.history.update_conversation(self.conversation_id, system_prompt=text)
        self._schedule_prime()

    def _edit_system_prompt(self) -> None:
        text, ok = QInputDialog.getMultiLineText(
            self, self.tr("System prompt"), self.tr("Instructions for this conversation:"), self.system_prompt()
        )
        if ok:
            self.set_system_prompt(text.strip())

    # ----- attachments
    def add_files(self, paths: list[str]) -> None:
        """Read files on worker threads; each becomes an attachment or a notice naming the problem."""
        for path in paths:
            task = self.tasks.submit(functools.partial(load_attachment, path), name="attachment-load")
            self._loading_files[task] = path
        self._update_loading()

    @property
    def loading_files(self) -> int:
        return len(self._loading_files)

    def _file_loaded(self, task_id: int, result: object) -> None:
        self._loading_files.pop(task_id, None)
        if isinstance(result, tuple):  # a page-range reload: (index, attachment)
            index, attachment = result
            if index < len(self.attachments.attachments()):
                self.attachments.replace(index, attachment)
        elif isinstance(result, Attachment):
            self.attachments.add(result)
            self.clear_problem_notice()
            if " of " in str(english(result.note)) and result.kind in ("pdf", "document"):
                self.show_notice(
                    UserMessage(
                        Level.INFO,
                        self.tr("{0}: only {1} will be sent.").format(result.name, result.note),
                        self.tr("Use its Pages… button to choose other pages."),
                    )
                )
        self._update_loading()

    def _file_failed(self, task_id: int, error: object) -> None:
        path = self._loading_files.pop(task_id, "")
        if isinstance(error, UserError):
            self.show_notice(UserMessage(Level.ERROR, error.message, error.fix))
        else:
            self.show_notice(UserMessage(Level.ERROR, self.tr("{0}: cannot be read ({1}).").format(Path(path).name, error)))
        self._update_loading()

    def _update_loading(self) -> None:
        if self._loading_files:
            count = len(self._loading_files)
            self.status.setText(self.tr("Reading 1 file…") if count == 1 else self.tr("Reading {0} files…").format(count))
        else:
            if self.session.stream is None:
                self._show_backend_state()
            self.attachments_loaded.emit()

    def _paste_images(self, images: list[bytes]) -> None:
        for number, data in enumerate(images, start=1):
            try:
                self.attachments.add(from_image_bytes(data, self.tr("pasted image {0}").format(number)))
            except MediaError as exc:
                self.show_notice(UserMessage(Level.ERROR, exc.message, exc.fix))

    def _pick_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Attach files"),
            str(Path.home()),
            self.tr("Supported files ({0});;All files (*)").format(_PATTERNS),
        )
        if paths:
            self.add_files(paths)

    def _choose_pages(self, index: int) -> None:
        attachment = self.attachments.attachments()[index]
        text, ok = QInputDialog.getText(
            self, self.tr("Pages"), self.tr("Pages of {0} to send (e.g. 3-12):").format(attachment.name)
        )
        if ok and text.strip():
            self.set_page_range(index, text)

    def set_page_range(self, index: int, text: str) -> None:
        """Reload attachment ``index`` (a PDF or slides) with only the pages in ``text`` ("3-12")."""
        attachment = self.attachments.attachments()[index]
        try:
            pages = PageRange.parse(text)
        except ValueError as exc:
            self.show_notice(UserMessage(Level.ERROR, t("{name}: {exc}", name=attachment.name, exc=exc)))
            return
        if attachment.path is None:
            return
        path = attachment.path
        task = self.tasks.submit(lambda: (index, load_attachment(path, page_range=pages)), name="attachment-load")
        self._loading_files[task] = path
        self._update_loading()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() or event.mimeData().hasImage():
            event.acceptProposedAction()
            self._show_drop_target(True)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._show_drop_target(False)

    def _show_drop_target(self, active: bool) -> None:
        """Highlight the conversation and the question box (app.qss, ``dropActive``) while files hover."""
        if bool(self.splitter.property("dropActive")) == active:
            return
        self.splitter.setProperty("dropActive", active)
        for widget in (self.view, self.input):
            widget.style().unpolish(widget)
            widget.style().polish(widget)
            widget.update()

    @property
    def drop_target_shown(self) -> bool:
        return bool(self.splitter.property("dropActive"))

    def dropEvent(self, event: QDropEvent) -> None:
        self._show_drop_target(False)
        data = event.mimeData()
        paths = [url.toLocalFile() for url in data.urls() if url.isLocalFile()]
        if paths:
            self.add_files(paths)
            event.acceptProposedAction()
        elif data.hasImage():
            self._paste_images([png_bytes(QImage(data.imageData()))])
            event.acceptProposedAction()

    # ----- asking
    def send(self) -> None:
        """Send the question box's text and the attachments."""
        text = self.input.toPlainText().strip()
        attachments = self.attachments.attachments()
        if not text and not attachments:
            return
        if text.startswith("/agent") and text[6:7] in ("", " ", "\n"):
            # the GUI agent runs apart from the conversation, with its own panel
            self.input.clear()
            self.agent_requested.emit(text[6:].strip())
            return
        if self.runner.busy:
            self.show_notice(UserMessage(Level.INFO, self.tr("An answer is still being written; stop it first.")))
            return
        if self._loading_files:
            self.show_notice(UserMessage(Level.INFO, self.tr("Files are still being read; send again in a moment.")))
            return
        backend = getattr(self.backends, "backend", None)
        if backend is None:
            self._no_backend()
            return
        if self._editing is not None:
            self.history.delete_messages_from(self._editing)
            self._cancel_edit()
            self.open_conversation(self.conversation_id or 0)
        if self.conversation_id is None:
            choice = self.backend_box.currentData()
            conversation = self.history.create_conversation(
                system_prompt=self._pending_system_prompt,
                backend=getattr(choice, "key", ""),
                model=getattr(choice, "model", ""),
            )
            self.conversation_id = conversation.id
        stored = self.session.add_question(self.conversation_id, text, attachments)
        if self._prime_outdated:
            self._prime_timer.stop()
            self.preencoder.cancel()  # outdated: the send reads what changed itself
        else:
            self.preencoder.hand_over()  # the answer continues from the image being read
        self.input.clear()
        self.attachments.clear()
        self.notice.hide()
        self.view.append_message(self._view_message(stored))
        self.question.emit(text)
        self._generate()
        self.reload_conversations()

    def regenerate(self, message_id: int) -> None:
        """Drop answer ``message_id`` (and anything after it) and ask again."""
        if self.runner.busy or self.conversation_id is None:
            return
        if getattr(self.backends, "backend", None) is None:
            self._no_backend()
            return
        self.history.delete_messages_from(message_id)
        self.open_conversation(self.conversation_id)
        self._generate()

    def edit(self, message_id: int) -> None:
        """Put question ``message_id`` back in the question box; sending replaces it and what followed."""
        if self.runner.busy:
            return
        message = self.history.message(message_id)
        self.attachments.clear()
        for attachment in self.session.attachments_of(message):
            self.attachments.add(attachment)
        self.input.setPlainText(message.content)
        self._editing = message_id
        self.edit_label.setText(self.tr("Editing a question (Esc cancels)"))
        self.edit_label.show()
        self.input.setFocus()

    def stop(self) -> None:
        self.runner.cancel()
        self.preencoder.stop_handed_over()

    def _cancel_edit(self) -> None:
        self._editing = None
        self.edit_label.hide()

    def _escape(self) -> None:
        if self.runner.busy:
            self.stop()
        elif self._editing is not None:
            self._cancel_edit()
            self.input.clear()
            self.attachments.clear()

    def _ask_from_mini(self, text: str) -> None:
        self.input.setPlainText(text)
        self.send()

    def _no_backend(self) -> None:
        loading = bool(getattr(self.backends, "loading", False))
        error = getattr(self.backends, "error", None)
        if loading:
            self.show_notice(UserMessage(Level.INFO, self.tr("The model is still loading; ask again in a moment.")))
        elif isinstance(error, UserError):
            self.show_notice(UserMessage(Level.ERROR, error.message, error.fix))
        else:
            self.show_notice(
                UserMessage(Level.ERROR, self.tr("No model is available."), self.tr("Set one up in Settings > Models."))
            )

    def build_request(
        self, conversation_id: int | None, pending: Sequence[Attachment] = (), before: int | None = None
    ) -> ChatRequest:
        """The request for the conversation's next answer (what would be sent).

        The pre-encode and Send both build their request here, so the prefix read ahead is
        exactly the one the answer starts with.

        Args:
            conversation_id: the conversation; None: a new one (with the system prompt chosen for it).
            pending: attachments not sent yet: the next user turn without its question (the pre-encode's prefix).
            before: leave out the messages from this id on (the question being edited).
        """
        return self.session.build_request(
            conversation_id,
            pending,
            before,
            system_prompt=self.system_prompt(),
            budget=self.image_budget(),
            thinking=self.thinking_box.isChecked(),
            max_tokens=self._values.get_int("models.max_answer_tokens"),
        )

    def _generate(self) -> None:
        assert self.conversation_id is not None
        backend = getattr(self.backends, "backend", None)
        if backend is None:
            self._no_backend()
            return
        request = self.build_request(self.conversation_id)
        self.last_request = request
        answer = self.session.start_answer(self.conversation_id, request)
        self.view.begin_stream(ViewMessage(answer.message_id, "assistant", status="streaming"))
        self.send_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.status.setText(self.tr("Waiting for the model…"))
        self.runner.start(backend, request, self.screen_tools if self._values.get_bool("agent.chat_tools") else None)

    def _on_event(self, event: Event) -> None:
        stream = self.session.stream
        if stream is None:
            return
        if isinstance(event, Done):
            self._finish(event)
            return
        self.session.record(event)
        if isinstance(event, TextDelta):
            if stream.phase != "answer":
                stream.phase = "answer"
                self.status.setText(self.tr("Writing the answer…"))
            self.view.stream_text(event.text)
            if self.mini.isVisible():
                self.mini.append(event.text)
        elif isinstance(event, ThinkingDelta):
            if stream.phase != "thinking":
                stream.phase = "thinking"
                self.status.setText(self.tr("Thinking…"))
            self.view.stream_thinking(event.text)
        elif isinstance(event, Progress):
            if not stream.phase:  # image encoding and the like come before the first token
                self.status.setText(event.text)
        elif isinstance(event, ToolRound):
            names = ", ".join(call.name for call in event.assistant.tool_calls)
            self.status.setText(self.tr("The model used: {0}").format(names))

    def _finish(self, done: Done) -> None:
        error = done.error or ""
        if done.reason == FinishReason.LENGTH:
            error = self.tr("The answer reached the length limit.")
        stream, status = self.session.finish(done, error)
        message = self._view_message(self.history.message(stream.message_id))
        self.view.end_stream(message)
        if self.mini.isVisible():
            self._fill_mini()  # the streamed plain text becomes the rendered answer
        self.send_button.setEnabled(True)
        self.stop_button.setEnabled(False)
        seconds = time.monotonic() - stream.started
        usage = stream.usage
        summary = self.tr("Answered in {0:.1f} s").format(seconds)
        if usage is not None and usage.completion_tokens:
            summary += self.tr(", {0} tokens").format(usage.completion_tokens)
        if status == "complete":
            self.status.setText(summary)
            self.clear_problem_notice()
        elif status == "cancelled":
            self.status.setText(self.tr("Stopped after {0:.1f} s").format(seconds))
        else:
            self.status.setText(self.tr("The answer failed."))
        self.generation_finished.emit(stream.message_id)
        self._schedule_prime()  # images attached meanwhile are read now

    # ----- message actions
    def _message_action(self, name: str, message_id: int) -> None:
        if name == "copy":
            QGuiApplication.clipboard().setText(self.history.message(message_id).content)
        elif name == "regenerate":
            self.regenerate(message_id)
        elif name == "edit":
            self.edit(message_id)
        elif name == "preview":
            self.preview(message_id)
        elif name == "screen":
            self.show_on_screen(message_id)
        elif name == "full":
            self.show_full_text(message_id)

    def show_full_text(self, message_id: int) -> FullTextViewer:
        """Open a message's whole text (shown folded in the conversation) in a plain viewer."""
        message = self.history.message(message_id)
        title = self.tr("Your question") if message.role == "user" else self.tr("The answer")
        viewer = FullTextViewer(message.content, title, self)
        self._viewers.append(viewer)
        viewer.finished.connect(lambda _code: self._viewers.remove(viewer) if viewer in self._viewers else None)
        viewer.show()
        return viewer

    def preview(self, message_id: int) -> Path | None:
        """Open the HTML an answer contains in the system browser; returns the file written."""
        snippet = html_snippet(self.history.message(message_id).content)
        if snippet is None:
            return None
        self.preview_dir.mkdir(parents=True, exist_ok=True)
        target = self.preview_dir / f"answer-{message_id}.html"
        target.write_text(snippet, encoding="utf-8")
        self.open_url(QUrl.fromLocalFile(str(target)))
        return target

    def show_on_screen(self, message_id: int) -> None:
        """Draw the answer's boxes on the real screen, where the captured image came from."""
        image = self.session.sent_image(message_id)
        if image is None or image.geometry is None:
            return
        if self.overlay is None:
            # no app-wide overlay was handed over: make one for the chat (closed in shutdown)
            from desktop_helper.ui.overlay import OverlayController

            fade = self._values.get_float("overlay.fade_seconds")
            self.overlay = self._own_overlay = OverlayController(fade_seconds=fade, parent=self)
        result = self.overlay.show_boxes_on_screen(self.history.message(message_id).content, image.geometry)  # type: ignore[attr-defined]
        error = getattr(result, "error", None)
        if error:
            self.show_notice(UserMessage(Level.INFO, str(error)))

    def enlarge_image(self, key: str) -> None:
        image = self._image_for_key(key)
        if image is None:
            return
        viewer = ImageViewer(image, key.split(":", 1)[-1][:16], self)
        self._viewers.append(viewer)
        viewer.finished.connect(lambda _code: self._viewers.remove(viewer) if viewer in self._viewers else None)
        viewer.show()

    # ----- view models
    def _view_message(self, stored: StoredMessage, conversation: list[StoredMessage] | None = None) -> ViewMessage:
        """``conversation``: the conversation's messages when already loaded (spares a query per answer)."""
        message = ViewMessage(stored.id, stored.role, stored.content, stored.thinking, stored.status, stored.error)
        for attachment in stored.attachments:
            if attachment.kind == "image":
                key = f"att:{attachment.sha256}"
                message.images.append(ViewImage(key, attachment.name))
            else:
                message.files.append(attachment.name)
        if stored.role == "assistant" and stored.content:
            self._add_boxes(stored, conversation)
        return message

    def _add_boxes(self, stored: StoredMessage, conversation: list[StoredMessage] | None) -> None:
        """Draw the answer's boxes on a worker; the message shows them when they are drawn (:meth:`_boxes_drawn`)."""
        boxes = self.session.boxes_of(stored, conversation)
        if boxes is None:
            self._boxes_wanted.pop(stored.id, None)  # an id handed out again: a drawing for the old answer is stale
            return
        task = self._boxer.submit(boxes.draw, name="draw-boxes")
        self._boxes_wanted[stored.id] = task
        self._box_jobs[task] = (stored.id, boxes)

    def _boxes_drawn(self, task: int, png: object) -> None:
        answer_id, boxes = self._box_jobs.pop(task)
        if self._boxes_wanted.get(answer_id) != task:
            return  # the answer was replaced or redrawn since
        del self._boxes_wanted[answer_id]
        shown = next((m for m in self.view.messages() if m.id == answer_id), None)
        if shown is None or not isinstance(png, bytes):
            return  # another conversation is shown now
        key = f"boxed:{answer_id}"
        self._images[key] = png
        self.view.forget_image(key)
        shown.boxed_image = ViewImage(key, "boxes")
        count = len(boxes.items)
        shown.box_note = (
            self.tr("1 location the model marked (its estimate)")
            if count == 1
            else self.tr("{0} locations the model marked (its estimate)").format(count)
        )
        shown.can_show_on_screen = boxes.on_screen
        self.view.replace_message(shown)

    def _boxes_failed(self, task: int, error: object) -> None:
        answer_id, _boxes = self._box_jobs.pop(task)
        if self._boxes_wanted.get(answer_id) == task:
            del self._boxes_wanted[answer_id]
        log.warning("the boxes of answer %d could not be drawn: %s", answer_id, error)

    def _image_for_key(self, key: str) -> QImage | None:
        if key.startswith("att:"):
            try:
                return QImage.fromData(self.history.read_attachment(key[4:]))
            except OSError:
                return None
        data = self._images.get(key)
        return QImage.fromData(data) if data is not None else None

    # ----- window
    def closeEvent(self, event: QCloseEvent) -> None:
        # closing hides the window; the app lives in the tray and the answer keeps streaming
        event.accept()

    def hideEvent(self, event: QHideEvent) -> None:
        if not event.spontaneous():  # hidden by us or the user, not minimised
            self.save_geometry()
        super().hideEvent(event)

    def save_geometry(self) -> None:
        """Remember where the window is and how large (``general.chat_geometry``)."""
        if self.settings is not None:
            encoded = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
            self.settings.set("general.chat_geometry", encoded)

    def restore_geometry(self) -> None:
        """Put the window where it was; if that monitor is gone, centre it on the primary one."""
        saved = self._values.get_str("general.chat_geometry")
        if saved:
            self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii")))
        if not _mostly_on_a_screen(self.frameGeometry()):
            screen = QGuiApplication.primaryScreen()
            if screen is not None:
                room = screen.availableGeometry()
                self.resize(min(self.width(), room.width() - 40), min(self.height(), room.height() - 60))
                self.move(room.center() - self.rect().center())


def _mostly_on_a_screen(frame: QRect) -> bool:
    """At least a grabbable part (the title bar's middle) of ``frame`` is on some screen."""
    probe = QRect(frame.left() + frame.width() // 4, frame.top(), frame.width() // 2, 40)
    return any(screen.availableGeometry().intersects(probe) for screen in QGuiApplication.screens())


_PATTERNS = "*.png *.jpg *.jpeg *.webp *.bmp *.gif *.mp4 *.mov *.mkv *.webm *.pdf *.pptx *.ppt *.docx *.odp *.odt *.txt *.md *.py"
