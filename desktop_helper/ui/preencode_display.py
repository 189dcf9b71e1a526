"""The chat's side of reading the image before Send (issue 20): when to start, and what the user sees of it.

Whenever something the next request depends on changes (attachments, detail, thinking, the
conversation), :class:`PreEncodeDisplay` starts a pre-encode once the burst of changes is over
(resizing the images on a worker first), shows its progress in the status line, and keeps the
token estimate with its "first answer in ≈ …" up to date. The reading itself is
:class:`~desktop_helper.ui.preencode.PreEncoder`'s. Its words keep the translation context
``ChatWindow`` (they were the window's, and so are their translations).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QLabel, QPlainTextEdit

from desktop_helper.backends.base import Backend, ChatRequest
from desktop_helper.backends.speed import approx_text_tokens
from desktop_helper.conversation import ConversationSession
from desktop_helper.media.attachment import Attachment
from desktop_helper.ui.attachments_bar import AttachmentsBar
from desktop_helper.ui.chat_widgets import DetailBox
from desktop_helper.ui.durations import duration_text
from desktop_helper.ui.preencode import PreEncoder
from desktop_helper.ui.workers import GenerationRunner, TaskRunner

log = logging.getLogger(__name__)

# a burst of changes (several files dropped, the detail scrolled through) starts one pre-encode
PRIME_DELAY_MS = 150


class PreEncodeHost(Protocol):
    """What the display reads of the chat window."""

    @property
    def attachments(self) -> AttachmentsBar: ...

    @property
    def session(self) -> ConversationSession: ...

    @property
    def status(self) -> QLabel: ...

    @property
    def tokens_label(self) -> QLabel: ...

    @property
    def input(self) -> QPlainTextEdit: ...

    @property
    def runner(self) -> GenerationRunner: ...

    @property
    def detail_box(self) -> DetailBox: ...

    def current_backend(self) -> Backend | None: ...

    def estimated_image_tokens(self) -> int: ...

    def next_request(self, pending: Sequence[Attachment]) -> ChatRequest: ...

    def show_backend_state(self) -> None: ...


class PreEncodeDisplay(QObject):
    """Schedules ``preencoder`` for ``window``'s next request and shows its progress and the first-answer estimate."""

    def __init__(self, window: PreEncodeHost, preencoder: PreEncoder, parent: QObject) -> None:
        super().__init__(parent)
        self.window = window
        self.preencoder = preencoder
        preencoder.changed.connect(self._show)
        preencoder.failed.connect(self._failed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PRIME_DELAY_MS)
        self._timer.timeout.connect(self._start)
        self._ticker = QTimer(self)  # moves the progress and the estimate on while an image is read
        self._ticker.setInterval(500)
        self._ticker.timeout.connect(self._show)
        # something the request depends on changed and the pre-encode has not caught up yet
        self._outdated = False
        self._sizer = TaskRunner(self)  # resizes images for the pre-encode off the GUI thread
        self._sizer.done.connect(self._sized)
        self._sizer.failed.connect(lambda _task, error: log.info("an image could not be resized ahead: %s", error))

    def schedule(self) -> None:
        """Something the next request depends on changed: read it again, once a burst of changes is over."""
        self._outdated = True
        self.update_estimate()
        self._timer.start()

    def hand_over(self) -> None:
        """Send: the answer continues from the image being read, unless that is outdated (then the send reads it)."""
        if self._outdated:
            self._timer.stop()
            self.preencoder.cancel()
        else:
            self.preencoder.hand_over()

    def shutdown(self) -> None:
        self._timer.stop()
        self._ticker.stop()
        self.preencoder.shutdown()  # first: an answer may be waiting for it
        self._sizer.shutdown()

    def update_estimate(self) -> None:
        window = self.window
        tokens = window.estimated_image_tokens()
        per_image = window.detail_box.budget()
        text = QCoreApplication.translate("ChatWindow", "≈ {0} image tokens (≤ {1} per image)").format(tokens, per_image)
        if tokens and self._can_prime():
            seconds = self.first_answer_estimate()
            if seconds is None:
                text += " · " + QCoreApplication.translate("ChatWindow", "first answer: measuring…")
            else:
                text += " · " + QCoreApplication.translate("ChatWindow", "first answer in ≈ {0}").format(duration_text(seconds))
        window.tokens_label.setText(text)

    def first_answer_estimate(self) -> float | None:
        """Seconds from Send to the first word, from the speeds measured on this computer; None before any."""
        backend = self.window.current_backend()
        rates = backend.speed_rates() if backend is not None else None
        if rates is None:
            return None
        # the local model caps images at the budget it was loaded with
        wanted = self.window.detail_box.budget()
        budget = min(wanted, int(getattr(backend, "image_token_budget", 0) or wanted))
        attachments = self.window.attachments.attachments()
        image_tokens, images = sum(a.tokens(budget) for a in attachments), sum(len(a.images) for a in attachments)
        image_left, text_left = float(image_tokens), 0.0
        progress = self.preencoder.progress(rates)
        if progress is not None and not self._outdated:
            image_left, text_left = progress.image_left, progress.text_left
        question = self.window.input.toPlainText()
        counted = backend.question_tokens(question) if backend is not None else None
        question_tokens = counted if counted is not None else approx_text_tokens(question)
        # an image's speed per token depends on its size: the rate for the attached images' size at this detail
        seconds = rates.first_token_seconds(round(image_left), round(text_left) + question_tokens, image_tokens / max(1, images))
        return float(seconds) if seconds is not None else None  # None: not measurable yet

    def _can_prime(self) -> bool:
        backend = self.window.current_backend()
        return backend is not None and backend.can_prime

    def _start(self, resized: bool = False) -> None:
        window = self.window
        backend = window.current_backend()
        pending = window.attachments.attachments()
        if backend is None or not backend.can_prime or window.runner.busy or not any(a.images for a in pending):
            # an answer being written changes the conversation: its end schedules the pre-encode again
            self._outdated = False
            self.preencoder.cancel()
            return
        budget = window.detail_box.budget()
        unsized = [a for a in pending if a.images and not window.session.is_sized(a, budget)]
        if unsized and not resized:
            # resizing a screenshot takes ~0.1-0.2 s: on a worker, then the pre-encode starts
            self._sizer.submit(lambda: [(a, budget, a.parts(budget)) for a in unsized], name="attachment-resize")
            return
        self._outdated = False
        self.preencoder.start(backend, window.next_request(pending))

    def _sized(self, _task: int, results: object) -> None:
        for attachment, budget, parts in results:  # type: ignore[attr-defined]
            self.window.session.remember_sized(attachment, budget, parts)
        if not self._timer.isActive():  # else a newer change starts it again anyway
            self._start(resized=True)

    def _show(self) -> None:
        prime = self.preencoder
        window = self.window
        backend = window.current_backend()
        progress = prime.progress(backend.speed_rates() if backend is not None else None)
        finished = prime.state is not None and prime.state.finished
        if prime.running and not finished:
            if not self._ticker.isActive():
                self._ticker.start()
            if progress is not None and (window.session.stream is None or prime.handed_over):
                window.status.setText(
                    QCoreApplication.translate("ChatWindow", "Reading the image… {0} %").format(int(progress.fraction * 100))
                )
        elif self._ticker.isActive():
            self._ticker.stop()
            if window.session.stream is None:
                # read, or cancelled (attachment removed...): no stale progress left behind
                if finished:
                    window.status.setText(
                        QCoreApplication.translate("ChatWindow", "Image read: the answer starts as soon as you send.")
                    )
                else:
                    window.show_backend_state()
        self.update_estimate()

    def _failed(self, error: str) -> None:
        # the send reads the image again and reports a lasting problem with its fix
        log.info("reading the image ahead failed: %s", error)
        if self.window.session.stream is None:
            self.window.status.setText(
                QCoreApplication.translate("ChatWindow", "The image could not be read ahead: {0}").format(error)
            )
