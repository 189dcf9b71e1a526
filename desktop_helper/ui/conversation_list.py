"""The chat window's left column: New chat, the search over the history, and the conversations with their menu.

Its words keep the translation context ``ChatWindow`` (they were the window's, and so are their translations).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_helper.core.messages import Level, UserMessage
from desktop_helper.history.store import HistoryStore


class ConversationList(QWidget):
    """The conversations of ``history`` (or those matching the search), newest first.

    Args:
        history: where the conversations are.
        current: the id of the conversation the window shows (None: a new one).

    Signals (GUI thread):
        new_requested(): New chat was clicked.
        chosen(int): another conversation than the current one was clicked (its id).
        rename_requested(int, str): the user gave a conversation a new title.
        delete_requested(int): the user confirmed deleting a conversation.
        problem(object): a :class:`UserMessage` to show (an export that failed).
    """

    new_requested = Signal()
    chosen = Signal(int)
    rename_requested = Signal(int, str)
    delete_requested = Signal(int)
    problem = Signal(object)

    def __init__(self, history: HistoryStore, current: Callable[[], int | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history = history
        self._current = current
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        new = QPushButton(QCoreApplication.translate("ChatWindow", "New chat"), self)
        new.setObjectName("new_chat")
        new.clicked.connect(lambda _checked: self.new_requested.emit())
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(QCoreApplication.translate("ChatWindow", "Search history…"))
        self.search.textChanged.connect(self.reload)
        self.list = QListWidget(self)
        self.list.setObjectName("conversation_list")
        self.list.itemActivated.connect(self._clicked)
        self.list.itemClicked.connect(self._clicked)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        # long titles are elided, never scrolled sideways; the column keeps its width whatever the right side shows
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setUniformItemSizes(True)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 24)
        layout.addWidget(new)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)

    def reload(self) -> None:
        """List the conversations again (the search's hits while there is a search)."""
        query = self.search.text().strip()
        self.list.clear()
        if query:
            seen: set[int] = set()
            for hit in self.history.search(query):
                if hit.conversation_id in seen:
                    continue
                seen.add(hit.conversation_id)
                item = QListWidgetItem(hit.title or QCoreApplication.translate("ChatWindow", "Untitled"))
                item.setToolTip(hit.snippet)
                item.setData(Qt.ItemDataRole.UserRole, hit.conversation_id)
                self.list.addItem(item)
            return
        current = self._current()
        for conversation in self.history.conversations():
            item = QListWidgetItem(conversation.title or QCoreApplication.translate("ChatWindow", "New conversation"))
            item.setData(Qt.ItemDataRole.UserRole, conversation.id)
            self.list.addItem(item)
            if conversation.id == current:
                item.setSelected(True)

    def _clicked(self, item: QListWidgetItem) -> None:
        conversation_id = int(item.data(Qt.ItemDataRole.UserRole))
        if conversation_id != self._current():
            self.chosen.emit(conversation_id)

    def _menu(self, position: QPoint) -> None:
        item = self.list.itemAt(position)
        if item is None:
            return
        conversation_id = int(item.data(Qt.ItemDataRole.UserRole))
        menu = QMenu(self)
        rename = QAction(QCoreApplication.translate("ChatWindow", "Rename…"), menu)
        delete = QAction(QCoreApplication.translate("ChatWindow", "Delete"), menu)
        export_md = QAction(QCoreApplication.translate("ChatWindow", "Export as Markdown…"), menu)
        export_json = QAction(QCoreApplication.translate("ChatWindow", "Export as JSON…"), menu)
        for action in (rename, delete, export_md, export_json):
            menu.addAction(action)
        chosen = menu.exec(self.list.mapToGlobal(position))
        if chosen is rename:
            title, ok = QInputDialog.getText(
                self,
                QCoreApplication.translate("ChatWindow", "Rename"),
                QCoreApplication.translate("ChatWindow", "Title:"),
                text=item.text(),
            )
            if ok and title.strip():
                self.rename_requested.emit(conversation_id, title)
        elif chosen is delete:
            answer = QMessageBox.question(
                self,
                QCoreApplication.translate("ChatWindow", "Delete"),
                QCoreApplication.translate("ChatWindow", "Delete this conversation and its attachments?"),
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.delete_requested.emit(conversation_id)
        elif chosen in (export_md, export_json):
            self._export(conversation_id, markdown=chosen is export_md)

    def _export(self, conversation_id: int, *, markdown: bool) -> None:
        suffix = ".md" if markdown else ".json"
        path, _ = QFileDialog.getSaveFileName(
            self, QCoreApplication.translate("ChatWindow", "Export"), str(Path.home() / f"conversation{suffix}")
        )
        if not path:
            return
        target = Path(path).with_suffix(suffix)
        try:
            if markdown:
                self.history.export_markdown(conversation_id, target)
            else:
                self.history.export_json(conversation_id, target)
        except OSError as exc:
            failed = QCoreApplication.translate("ChatWindow", "Export failed: {0}").format(exc)
            self.problem.emit(UserMessage(Level.ERROR, failed))
