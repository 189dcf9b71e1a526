"""The chat window: conversations, streaming answers, attachments, model controls and history.

Layout: the conversation list (with full-text search) on the left; on the right the controls
(backend, thinking, image detail with its token estimate, system prompt), the conversation
view, the attachments waiting to be sent, and the question box. A compact always-on-top
:class:`MiniWindow` asks quick questions into the same conversation.

The window is a view: the requests, the answer streaming into the history and the images sent
belong to its :class:`~desktop_helper.conversation.ConversationSession` (Qt-free).
Generation runs on a worker (:class:`GenerationRunner`), one at a time; each event arrives as a
queued signal.
Its parts: the conversation list (:mod:`~desktop_helper.ui.conversation_list`), the backend and
model pickers (:mod:`~desktop_helper.ui.model_picker`), files read into attachments on workers
(:mod:`~desktop_helper.ui.attachment_loader`), the image read before Send with its progress and
estimate (:mod:`~desktop_helper.ui.preencode_display`), and answers' boxes drawn on a worker
(:mod:`~desktop_helper.ui.answer_boxes`); what a message's buttons open (:mod:`~desktop_helper.ui.message_actions`).
"""

from __future__ import annotations

import logging
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QGuiApplication,
    QHideEvent,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_helper.agent.tools import ScreenTools, ToolRound, offering
from desktop_helper.backends.base import Backend, ChatRequest, Done, Event, Progress, TextDelta, ThinkingDelta
from desktop_helper.conversation import ConversationSession
from desktop_helper.core.errors import UserError
from desktop_helper.core.messages import Level, UserMessage
from desktop_helper.core.types import FinishReason, ImagePart
from desktop_helper.history.records import StoredMessage
from desktop_helper.history.store import HistoryStore
from desktop_helper.media.attachment import Attachment
from desktop_helper.media.documents import from_image_part
from desktop_helper.settings.store import Settings
from desktop_helper.ui.answer_boxes import AnswerBoxes
from desktop_helper.ui.attachment_loader import AttachmentLoader, FileDropTarget
from desktop_helper.ui.attachments_bar import AttachmentsBar
from desktop_helper.ui.chat_widgets import DetailBox, MiniWindow, QuestionEdit
from desktop_helper.ui.conversation_list import ConversationList
from desktop_helper.ui.conversation_view import ConversationView, ViewMessage
from desktop_helper.ui.icons import action_icon, app_icon
from desktop_helper.ui.message_actions import MessageActions
from desktop_helper.ui.model_picker import ModelPicker
from desktop_helper.ui.preencode import PreEncoder
from desktop_helper.ui.preencode_display import PreEncodeDisplay
from desktop_helper.ui.window_geometry import encoded_geometry, resize_within_screen, restore_geometry
from desktop_helper.ui.workers import GenerationRunner

log = logging.getLogger(__name__)


#: the chat's size (logical px) until the user resizes it, within the screen's room
_DEFAULT_SIZE = (980, 700)


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
        resize_within_screen(self, *_DEFAULT_SIZE)
        self._own_history = history is None
        self.history = (
            history if history is not None else HistoryStore(None, Path(tempfile.mkdtemp(prefix="desktop-helper-att-")))
        )
        self.backends = backends
        self.settings = settings
        #: what the controls read: the app's settings, or the schema's defaults for a window without them
        self._values = settings if settings is not None else Settings(None)
        self.conversation_id: int | None = None
        self.last_request: ChatRequest | None = None
        self._pending_system_prompt = ""
        self._editing: int | None = None
        #: the data side: requests, the answer streaming into the history, the images sent
        self.session = ConversationSession(self.history)
        self.runner = GenerationRunner(self)
        #: tools the model may call while answering (screen, zoom, windows); set by the app
        self.screen_tools: ScreenTools | None = None
        self.runner.produced.connect(self._on_event)
        #: reads the attached images into the local model while the question is typed (issue 20)
        self.preencoder = PreEncoder(self)
        self.preencode_display = PreEncodeDisplay(self, self.preencoder, self)
        self._build_ui()
        self.message_actions = MessageActions(
            self, self.history, self.session, self._values, self.boxes.image_for_key, preview_dir=preview_dir
        )
        self.message_actions.problem.connect(self.show_notice)
        self.view.image_clicked.connect(self.message_actions.enlarge_image)
        restore_geometry(self, self._values.get_str("general.chat_geometry"))
        self.mini = MiniWindow()
        self.mini.ask.connect(self._ask_from_mini)
        self.mini.open_full.connect(self.show_full)
        if backends is not None:
            backends.state_changed.connect(self._backend_state)  # type: ignore[attr-defined]
            backends.ready.connect(self.preencode_display.schedule)  # type: ignore[attr-defined]
            self._backend_state(backends.state)  # type: ignore[attr-defined]
        interrupted = self.history.mark_interrupted()
        if interrupted:
            log.info("%d answer(s) were interrupted by the last exit; kept as they were", interrupted)
        self.conversations.reload()

    # ----- construction
    def _build_ui(self) -> None:
        splitter = QSplitter(self)
        # the conversation list on the left
        left = self.conversations = ConversationList(self.history, lambda: self.conversation_id, splitter)
        left.new_requested.connect(self.new_conversation)
        left.chosen.connect(self.open_conversation)
        left.rename_requested.connect(self.rename_conversation)
        left.delete_requested.connect(self.delete_conversation)
        left.problem.connect(self.show_notice)
        # right: controls, conversation, attachments, question
        right = QWidget(splitter)
        layout = QVBoxLayout(right)
        layout.setContentsMargins(4, 4, 4, 4)
        controls = QHBoxLayout()
        self.model_picker = ModelPicker(self.backends, self.settings, right)
        self.model_picker.chosen.connect(self._load_choice)
        self.model_picker.problem.connect(self.show_notice)
        self.thinking_box = QCheckBox(self.tr("Thinking"), right)
        self.thinking_box.setObjectName("thinking_box")
        self.thinking_box.setChecked(self._values.get_bool("models.thinking"))
        self.thinking_box.toggled.connect(self.preencode_display.schedule)
        self.detail_box = DetailBox(self._values, right)
        self.detail_box.currentIndexChanged.connect(self.preencode_display.schedule)
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
        controls.addWidget(self.model_picker.backend_box)
        controls.addWidget(self.model_picker.model_box, 1)  # the model's file name gets the room there is
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
        # a long status ("No model is set up yet…", a path in an error) wraps instead of widening the window:
        # an unwrapped label's width is the window's minimum, and a restart restored the chat that much wider
        self.status.setWordWrap(True)
        self.status.setMinimumWidth(1)
        # the view asks the boxes for its images, and the boxes draw into the view: made one after the other
        self.view: ConversationView = ConversationView(lambda key: self.boxes.image_for_key(key), right)  # noqa: PLW0108
        self.boxes: AnswerBoxes = AnswerBoxes(self.session, self.history, self.view, self)
        self.view.action.connect(self._message_action)
        self.view.setAcceptDrops(False)  # files dropped on the conversation go to the window, which attaches them
        self.attachments = AttachmentsBar(right)
        self.attachments.changed.connect(self.preencode_display.schedule)
        self.files = AttachmentLoader(self.attachments, self)
        self.files.loading_changed.connect(self._show_loading)
        self.files.added.connect(self.clear_problem_notice)
        self.files.problem.connect(self.show_notice)
        self.attachments.page_range_requested.connect(self.files.choose_pages)
        self.input = QuestionEdit(right)
        self.input.setObjectName("question_input")
        self.input.setPlaceholderText(self.tr("Ask about your screen, or drop files here… (Enter sends, Shift+Enter: new line)"))
        self.input.setFixedHeight(72)
        self.input.submit.connect(self.send)
        self.input.textChanged.connect(self.preencode_display.update_estimate)
        self.input.pasted_images.connect(self.files.paste_images)
        self.input.pasted_files.connect(self.files.add_files)
        buttons = QHBoxLayout()
        attach = QPushButton(action_icon("attach"), self.tr("Attach…"), right)
        attach.setObjectName("attach_button")
        attach.clicked.connect(self.files.pick_files)
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
        # a window narrower than the default (a small or 200 % screen) gives the history column only its minimum:
        # the model's file name beside the backend picker needs those pixels more
        roomy = self.width() >= _DEFAULT_SIZE[0]
        splitter.setSizes([left.minimumWidth() + (40 if roomy else 0), 760])
        self.splitter = splitter
        self.setCentralWidget(splitter)
        self.file_drop = FileDropTarget(self, self.files, splitter, (self.view, self.input))
        QShortcut(QKeySequence("Escape"), self, self._escape)
        QShortcut(QKeySequence("Ctrl+N"), self, self.new_conversation)
        self.model_picker.fill()
        self.preencode_display.update_estimate()

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
        stream = self.session.stream
        self.mini.show_last_exchange(self.history.messages(self.conversation_id), stream.content if stream else None)

    def shutdown(self) -> None:
        """Stop the generation (saving what streamed), finish file loading, close the mini window."""
        if self.isVisible():
            self.save_geometry()
        self.message_actions.shutdown()
        self.preencode_display.shutdown()  # first: an answer may be waiting for the pre-encode
        self.boxes.shutdown()
        self.runner.shutdown()
        self.session.abandon(self.tr("The app was closed while this answer was being written."))
        self.files.shutdown()
        self.model_picker.shutdown()
        self.mini.close()
        if self._own_history:
            self.history.close()

    # ----- conversations
    def new_conversation(self) -> None:
        if self.runner.busy:
            return
        self.conversation_id = None
        self._pending_system_prompt = ""
        self._cancel_edit()
        self.show_backend_state()
        self.view.set_messages([])
        self.conversations.list.clearSelection()
        self.input.setFocus()
        self.preencode_display.schedule()

    def open_conversation(self, conversation_id: int) -> None:
        if self.runner.busy:
            self.show_notice(UserMessage(Level.INFO, self.tr("Wait for the answer to finish, or stop it, first.")))
            return
        self.conversation_id = conversation_id
        self._cancel_edit()
        self.show_backend_state()  # the last answer's time belongs to the conversation left
        messages = self.history.messages(conversation_id)
        self.view.set_messages([self._view_message(m, messages) for m in messages])
        self.preencode_display.schedule()

    def rename_conversation(self, conversation_id: int, title: str) -> None:
        self.history.rename_conversation(conversation_id, title)
        self.conversations.reload()

    def delete_conversation(self, conversation_id: int) -> None:
        stream = self.session.stream
        if stream is not None and stream.conversation_id == conversation_id:
            return
        self.history.delete_conversation(conversation_id)
        if self.conversation_id == conversation_id:
            self.new_conversation()
        self.conversations.reload()

    # ----- controls
    def estimated_image_tokens(self) -> int:
        budget = self.detail_box.budget()
        return sum(a.tokens(budget) for a in self.attachments.attachments())

    def current_backend(self) -> Backend | None:
        """The backend that answers now (None: none is loaded)."""
        return getattr(self.backends, "backend", None)

    def next_request(self, pending: Sequence[Attachment]) -> ChatRequest:
        """The request the next answer would start with, ``pending`` not sent yet (what the pre-encode reads)."""
        request = self.build_request(self.conversation_id, pending, before=self._editing)
        tools = self.chat_tools()
        # the answer's first round offers the screen tools in the system prompt: the prefix read ahead must too
        return offering(request, tools.specs) if tools is not None else request

    def chat_tools(self) -> ScreenTools | None:
        """The screen tools the model may call while answering (None: turned off in Settings)."""
        return self.screen_tools if self._values.get_bool("agent.chat_tools") else None

    def _load_choice(self, choice: object) -> None:
        """Load the backend or model chosen in the pickers; the conversation remembers it."""
        self.preencoder.cancel()  # the old model's cache is going away
        self.backends.load(choice)  # type: ignore[union-attr]
        if self.conversation_id is not None:
            self.history.update_conversation(
                self.conversation_id,
                backend=choice.key,  # type: ignore[attr-defined]
                model=choice.model,  # type: ignore[attr-defined]
            )

    def show_backend_state(self) -> None:
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
        self.preencode_display.schedule()

    def _edit_system_prompt(self) -> None:
        text, ok = QInputDialog.getMultiLineText(
            self, self.tr("System prompt"), self.tr("Instructions for this conversation:"), self.system_prompt()
        )
        if ok:
            self.set_system_prompt(text.strip())

    # ----- attachments
    def _show_loading(self, count: int) -> None:
        if count:
            self.status.setText(self.tr("Reading 1 file…") if count == 1 else self.tr("Reading {0} files…").format(count))
        else:
            if self.session.stream is None:
                self.show_backend_state()
            self.attachments_loaded.emit()

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
        if self.files.loading:
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
            choice = self.model_picker.backend_box.currentData()
            conversation = self.history.create_conversation(
                system_prompt=self._pending_system_prompt,
                backend=getattr(choice, "key", ""),
                model=getattr(choice, "model", ""),
            )
            self.conversation_id = conversation.id
        stored = self.session.add_question(self.conversation_id, text, attachments)
        self.preencode_display.hand_over()
        self.input.clear()
        self.attachments.clear()
        self.notice.hide()
        self.view.append_message(self._view_message(stored))
        self.question.emit(text)
        self._generate()
        self.conversations.reload()

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
            if self.status.text() == error.message:
                self.status.clear()  # the notice says it now, with what to do: once is enough
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
            budget=self.detail_box.budget(),
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
        self.runner.start(backend, request, self.chat_tools())

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
        self.preencode_display.schedule()  # images attached meanwhile are read now

    # ----- message actions
    def _message_action(self, name: str, message_id: int) -> None:
        if name == "copy":
            QGuiApplication.clipboard().setText(self.history.message(message_id).content)
        elif name == "regenerate":
            self.regenerate(message_id)
        elif name == "edit":
            self.edit(message_id)
        elif name == "preview":
            self.message_actions.preview(message_id)
        elif name == "screen":
            self.message_actions.show_on_screen(message_id)
        elif name == "full":
            self.message_actions.show_full_text(message_id)

    # ----- view models
    def _view_message(self, stored: StoredMessage, conversation: list[StoredMessage] | None = None) -> ViewMessage:
        """``conversation``: the conversation's messages when already loaded (spares a query per answer)."""
        if stored.role == "assistant" and stored.content:
            self.boxes.add(stored, conversation)
        return ViewMessage.of(stored)

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
            self.settings.set("general.chat_geometry", encoded_geometry(self))
