"""The files waiting to be sent with the next question: each visible, removable, with what it costs."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QToolButton, QWidget

from desktop_helper.media.documents import Attachment
from desktop_helper.ui.icons import action_icon, file_icon


class AttachmentChip(QFrame):
    """One attachment: a thumbnail or icon, its name and note, a page-range and a remove button."""

    def __init__(self, attachment: Attachment, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.attachment = attachment
        self.setObjectName("attachment_chip")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        icon = QLabel(self)
        icon.setObjectName("attachment_icon")
        if attachment.images:
            image = QImage.fromData(attachment.images[0].data)
            icon.setPixmap(
                QPixmap.fromImage(
                    image.scaled(40, 40, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
                )
            )
        else:
            icon.setPixmap(file_icon(attachment.kind).pixmap(QSize(32, 32)))
        layout.addWidget(icon)
        self.label = QLabel(f"{attachment.name}\n{attachment.note}", self)
        self.label.setToolTip(attachment.path or attachment.name)
        layout.addWidget(self.label)
        self.pages = QToolButton(self)
        self.pages.setObjectName("pages_button")
        self.pages.setText(self.tr("Pages…"))
        self.pages.setVisible(attachment.kind in ("pdf", "document"))
        layout.addWidget(self.pages)
        self.remove = QToolButton(self)
        self.remove.setObjectName("remove_attachment")
        self.remove.setIcon(action_icon("remove"))
        self.remove.setToolTip(self.tr("Remove"))
        layout.addWidget(self.remove)


class AttachmentsBar(QScrollArea):
    """Signals (GUI thread):
    changed(): attachments were added or removed.
    page_range_requested(int): the user wants to choose pages of attachment N.
    """

    changed = Signal()
    page_range_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachments_bar")
        self.setWidgetResizable(True)
        self.setFixedHeight(64)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget(self)
        self._layout = QHBoxLayout(inner)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addStretch(1)
        self.setWidget(inner)
        self._chips: list[AttachmentChip] = []
        self.hide()

    def add(self, attachment: Attachment) -> None:
        chip = AttachmentChip(attachment, self.widget())
        chip.remove.clicked.connect(lambda: self.remove(self._chips.index(chip)))
        chip.pages.clicked.connect(lambda: self.page_range_requested.emit(self._chips.index(chip)))
        self._layout.insertWidget(len(self._chips), chip)
        self._chips.append(chip)
        self.show()
        self.changed.emit()

    def replace(self, index: int, attachment: Attachment) -> None:
        self.remove(index, notify=False)
        self.add(attachment)
        # keep its place
        chip = self._chips.pop()
        self._chips.insert(index, chip)
        self._layout.removeWidget(chip)
        self._layout.insertWidget(index, chip)

    def remove(self, index: int, notify: bool = True) -> None:
        chip = self._chips.pop(index)
        self._layout.removeWidget(chip)
        chip.deleteLater()
        self.setVisible(bool(self._chips))
        if notify:
            self.changed.emit()

    def clear(self) -> None:
        while self._chips:
            self.remove(0, notify=False)
        self.changed.emit()

    def attachments(self) -> list[Attachment]:
        return [chip.attachment for chip in self._chips]

    def chips(self) -> list[AttachmentChip]:
        return list(self._chips)
