"""The chat window's own widgets: the question box, the image and full-text viewers, the quick-ask mini window."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import (
    QFontDatabase,
    QGuiApplication,
    QImage,
    QKeyEvent,
    QPixmap,
    QTextBlockFormat,
    QTextCharFormat,
    QTextOption,
)
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_helper.ui.markdown import FOLD_LINE_CHARS, fold_long_lines, render_plain


class QuestionEdit(QPlainTextEdit):
    """The question box: Enter sends, Shift+Enter starts a new line, pasted images become attachments.

    Signals:
        submit(): Enter was pressed.
        pasted_images(list): images pasted from the clipboard (encoded PNG bytes).
        pasted_files(list): file paths pasted (as URLs).
    """

    submit = Signal()
    pasted_images = Signal(list)
    pasted_files = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._normal_wrap = self.wordWrapMode()
        self._wrap_chosen = False  # set while a whole new text goes in with its wrap mode picked beforehand
        self.document().contentsChange.connect(self._check_line_lengths)

    def setPlainText(self, text: str) -> None:
        self._insert_wrapped(text, lambda: super(QuestionEdit, self).setPlainText(text))

    def _insert_wrapped(self, text: str, insert: Callable[[], None]) -> None:
        """Run ``insert`` (which puts ``text`` in) with the wrap mode picked beforehand: the edit may
        clear the box first, and the new text must not be laid out word-wrapped on the way."""
        if fold_long_lines(text)[1]:
            self.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere)
        self._wrap_chosen = True
        try:
            insert()
        finally:
            self._wrap_chosen = False
        self._check_line_lengths(0, 0, self.document().characterCount())

    def _check_line_lengths(self, position: int, _removed: int, added: int) -> None:
        """Wrap anywhere while the text has a very long line: Qt's word-boundary wrapping of an unbroken
        megabyte takes minutes (a pasted log line, base64), wrapping anywhere a second or two."""
        if self._wrap_chosen:
            return
        document = self.document()
        if document.characterCount() <= FOLD_LINE_CHARS:
            long_line = False  # no line can be long: back to wrapping at word boundaries
        elif self.wordWrapMode() == QTextOption.WrapMode.WrapAnywhere:
            return
        else:
            long_line = False
            block = document.findBlock(position)
            while block.isValid() and block.position() <= position + added:
                if block.length() > FOLD_LINE_CHARS:
                    long_line = True
                    break
                block = block.next()
        wanted = QTextOption.WrapMode.WrapAnywhere if long_line else self._normal_wrap
        if self.wordWrapMode() != wanted:
            self.setWordWrapMode(wanted)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.submit.emit()
            return
        super().keyPressEvent(event)

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasImage() or source.hasUrls() or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasUrls() and all(url.isLocalFile() for url in source.urls()):
            self.pasted_files.emit([url.toLocalFile() for url in source.urls()])
            return
        if source.hasImage():
            image = QImage(source.imageData())
            if not image.isNull():
                self.pasted_images.emit([png_bytes(image)])
                return
        if source.hasText():
            self._insert_wrapped(source.text(), lambda: super(QuestionEdit, self).insertFromMimeData(source))
            return
        super().insertFromMimeData(source)


class ImageViewer(QDialog):
    """A larger view of an image, scrollable."""

    def __init__(self, image: QImage, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("image_viewer")
        self.setWindowTitle(title)
        label = QLabel(self)
        label.setPixmap(QPixmap.fromImage(image))
        scroll = QScrollArea(self)
        scroll.setWidget(label)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        screen = QGuiApplication.primaryScreen().availableGeometry()
        self.resize(min(image.width() + 40, screen.width() * 9 // 10), min(image.height() + 40, screen.height() * 9 // 10))


class FullTextViewer(QDialog):
    """The whole text of a message shown folded in the chat: plain, read-only, copyable.

    It wraps anywhere: Qt lays out an unwrapped (or word-wrapped) megabyte line in minutes, wrapped
    anywhere in a second or two.
    """

    def __init__(self, text: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("full_text_viewer")
        self.setWindowTitle(title)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("full_text")
        self.text.setReadOnly(True)
        self.text.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setPlainText(text)
        copy = QPushButton(self.tr("Copy all"), self)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(text))
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(copy)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)
        self.resize(900, 600)


class MiniWindow(QWidget):
    """The chat's compact always-on-top form: the conversation's last exchange, and quick questions.

    Signals:
        ask(str): a question was entered.
        open_full(): the user wants the full window.
    """

    ask = Signal(str)
    open_full = Signal()

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.Tool | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("mini_window")
        self.setWindowTitle(self.tr("Quick question"))
        self.resize(420, 260)
        layout = QVBoxLayout(self)
        self.answer = QTextBrowser(self)
        self.answer.setObjectName("mini_answer")
        self.input = QLineEdit(self)
        self.input.setObjectName("mini_input")
        self.input.setPlaceholderText(self.tr("Ask quickly…"))
        self.input.returnPressed.connect(self._ask)
        full = QPushButton(self.tr("Full window"), self)
        full.clicked.connect(self.open_full)
        row = QHBoxLayout()
        row.addWidget(self.input, 1)
        row.addWidget(full)
        layout.addWidget(self.answer, 1)
        layout.addLayout(row)
        self._answer_pending = False
        self._appended = 0

    def _ask(self) -> None:
        text = self.input.text().strip()
        if text:
            self.input.clear()
            self.show_exchange(text, "")
            self.ask.emit(text)

    def show_exchange(self, question: str, answer_html: str) -> None:
        """Show a question and its answer (HTML; empty while it is still to come)."""
        you = html.escape(self.tr("You"))
        self.answer.setHtml(f'<p style="color:#1d4ed8;"><b>{you}:</b> {render_plain(question)}</p>{answer_html}')
        self._answer_pending = not answer_html
        self._appended = 0

    def append(self, text: str) -> None:
        """Add streamed answer text; past :data:`FOLD_LINE_CHARS` the rest waits for the finished answer."""
        if self._appended > FOLD_LINE_CHARS:
            return
        self._appended += len(text)
        if self._appended > FOLD_LINE_CHARS:
            text += " …"
        cursor = self.answer.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        if self._answer_pending:  # the answer starts below the question, in plain colours
            self._answer_pending = False
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        cursor.insertText(text, QTextCharFormat())


def png_bytes(image: QImage) -> bytes:
    """``image`` encoded as PNG."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; PySide6 wants str
    buffer.close()
    return bytes(array.data())
