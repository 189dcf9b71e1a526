"""The conversation: one rich-text document, rendered once per message and incrementally per token.

Finished messages are HTML appended to a :class:`QTextBrowser`. A streaming answer occupies the
end of the document: blocks that are complete are inserted once, and only the unfinished last
block (the *tail*) is replaced per token, so the cost of a token does not grow with the answer.
Actions (copy, regenerate, edit, preview, show on screen, thinking on/off) are links in each
message's footer; images are links that open a larger view.

Qt lays out a paragraph as one unit, so a huge single line (a 256 KB answer line, a 1 MB pasted
question) used to block the GUI thread for minutes. Lines over
:data:`~desktop_helper.ui.markdown.FOLD_LINE_CHARS` are shown folded (head … end) with a
"Show full text" link, unbroken runs wrap anywhere, and streamed deltas are rendered at most once
per frame (:data:`RENDER_INTERVAL_MS`), so the cost of an update stays bounded.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QTimer, QUrl, Signal
from PySide6.QtGui import QImage, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument, QTextOption
from PySide6.QtWidgets import QTextBrowser, QWidget

from desktop_helper.ui.markdown import (
    CODE_BACKGROUND,
    TABLE_BORDER,
    StreamingMarkdown,
    fold_long_lines,
    html_snippet,
    render_markdown,
    render_plain,
)
from desktop_helper.ui.theme import colours, current_scheme

THUMB_WIDTH = 320
#: messages rendered when a conversation opens (older ones behind a "Show earlier" link)
PAGE = 60
_THINKING_LIVE_CHARS = 600
#: streamed deltas that arrive within this many milliseconds are rendered together (one frame)
RENDER_INTERVAL_MS = 16


@dataclass
class ViewImage:
    """An image shown in a message: ``key`` names its resource in the view."""

    key: str
    name: str = ""


@dataclass
class ViewMessage:
    """What the view shows for one message."""

    id: int
    role: str
    content: str = ""
    thinking: str = ""
    status: str = "complete"
    error: str = ""
    images: list[ViewImage] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    boxed_image: ViewImage | None = None
    box_note: str = ""
    can_show_on_screen: bool = False


class ConversationView(QTextBrowser):
    """Signals (GUI thread):
    action(str, int): a footer link was clicked: (action, message id); actions are copy, regenerate,
        edit, preview, screen, full (the whole text of a message shown folded).
    image_clicked(str): an image was clicked (its resource key).
    """

    action = Signal(str, int)
    image_clicked = Signal(str)

    def __init__(self, image_source: Callable[[str], QImage | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conversation_view")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._clicked)
        self._image_source = image_source
        self._thumbs: dict[str, QImage] = {}
        self._messages: list[ViewMessage] = []
        self._expanded: set[int] = set()
        self._shown_from = 0
        self._html_cache: dict[tuple[object, ...], tuple[str, int]] = {}
        # unbroken runs (a URL, base64, minified code) wrap instead of making one endless line
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        # streaming state
        self._stream: ViewMessage | None = None
        self._stream_start = 0
        self._tail_start = 0
        self._markdown = StreamingMarkdown(fold_marker=self._fold_marker)
        self._thinking_closed = False
        self._unrendered: list[str] = []  # answer text streamed since the last render
        self._thinking_unrendered = False
        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(RENDER_INTERVAL_MS)
        self._render_timer.timeout.connect(self.flush)
        self.document().setDefaultStyleSheet("p { margin: 2px 0; } pre { margin: 4px 0; }")

    # ----- whole conversation
    def set_messages(self, messages: list[ViewMessage]) -> None:
        """Show a conversation (one document build of its latest :data:`PAGE` messages)."""
        self._stream = None
        self._messages = list(messages)
        self._shown_from = max(0, len(self._messages) - PAGE)
        self._rebuild()
        self._scroll_to_end()

    def show_earlier(self) -> None:
        """Render :data:`PAGE` more of the older messages (the "Show earlier messages" link)."""
        self._shown_from = max(0, self._shown_from - PAGE)
        self._rebuild()

    @property
    def hidden_count(self) -> int:
        """Older messages not rendered yet."""
        return self._shown_from

    def _rebuild(self) -> None:
        parts = []
        if self._shown_from:
            label = html.escape(self.tr("Show {0} earlier messages").format(self._shown_from))
            parts.append(f'<p align="center"><a href="act:earlier:0">{label}</a></p>')
        parts.extend(self._message_html(m) for m in self._messages[self._shown_from :])
        self.setHtml("".join(parts))

    def messages(self) -> list[ViewMessage]:
        return list(self._messages)

    def append_message(self, message: ViewMessage) -> None:
        self._messages.append(message)
        cursor = self._end_cursor()
        cursor.insertHtml(self._message_html(message))
        self._scroll_to_end()

    def replace_message(self, message: ViewMessage) -> None:
        """Re-render one message (after it finished, or thinking was toggled)."""
        for index, existing in enumerate(self._messages):
            if existing.id == message.id:
                self._messages[index] = message
        if self._stream is None:
            scroll = self.verticalScrollBar().value()
            self._rebuild()
            self.verticalScrollBar().setValue(scroll)

    # ----- streaming
    def begin_stream(self, message: ViewMessage) -> None:
        """Start showing an answer as it streams; it is the last message until :meth:`end_stream`."""
        self._messages.append(message)
        self._stream = message
        self._markdown = StreamingMarkdown(fold_marker=self._fold_marker)
        self._thinking_closed = False
        self._unrendered.clear()
        self._thinking_unrendered = False
        cursor = self._end_cursor()
        self._stream_start = cursor.position()
        cursor.insertHtml(self._header_html(message))
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        self._tail_start = cursor.position()
        waiting = html.escape(self.tr("Waiting for the model…"))
        self._set_tail(f'<p style="color:{colours()["muted"]};"><i>{waiting}</i></p>')

    def stream_thinking(self, text: str) -> None:
        message = self._stream
        if message is None:
            return
        message.thinking += text
        if not self._thinking_closed:
            self._thinking_unrendered = True
            self._schedule_render()

    def stream_text(self, text: str) -> None:
        message = self._stream
        if message is None:
            return
        message.content += text
        self._unrendered.append(text)
        self._schedule_render()

    def _schedule_render(self) -> None:
        if not self._render_timer.isActive():
            self._render_timer.start()

    def flush(self) -> None:
        """Render what streamed since the last render (the timer calls it at most once per frame)."""
        self._render_timer.stop()
        if self._stream is None:
            return
        if self._unrendered:
            text = "".join(self._unrendered)
            self._unrendered.clear()
            self._thinking_unrendered = False
            self._render_text(text)
        elif self._thinking_unrendered:
            self._thinking_unrendered = False
            self._render_thinking()

    def _render_thinking(self) -> None:
        message = self._stream
        if message is None or self._thinking_closed:
            return
        live = message.thinking[-_THINKING_LIVE_CHARS:]
        prefix = "…" if len(message.thinking) > _THINKING_LIVE_CHARS else ""
        title = html.escape(self.tr("Thinking…"))
        self._set_tail(f'<p style="color:{colours()["muted"]};"><b>{title}</b><br><i>{render_plain(prefix + live)}</i></p>')

    def _render_text(self, text: str) -> None:
        message = self._stream
        if message is None:
            return
        if not self._thinking_closed:
            self._thinking_closed = True
            cursor = self._tail_cursor()
            cursor.removeSelectedText()
            if message.thinking:
                cursor.insertHtml(self._thinking_html(message, expanded=False))
                cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
            self._tail_start = cursor.position()
        stable = self._markdown.feed(text)
        if stable:
            cursor = self._tail_cursor()
            cursor.removeSelectedText()
            for block in stable:
                cursor.insertHtml(_themed(block))
                cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
            self._tail_start = cursor.position()
        self._set_tail(self._markdown.tail_html())

    def end_stream(self, message: ViewMessage) -> None:
        """Replace the streamed rendering with the finished message (footer, boxes, thinking block)."""
        if self._stream is None:
            return
        self._stream = None
        self._render_timer.stop()
        self._unrendered.clear()
        self._messages[-1] = message
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._stream_start)
        cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        cursor.insertHtml(self._message_html(message))
        self._scroll_to_end()

    @property
    def streaming(self) -> bool:
        return self._stream is not None

    # ----- rendering
    def _header_html(self, message: ViewMessage) -> str:
        who = {"user": self.tr("You"), "assistant": self.tr("Assistant"), "system": self.tr("System")}.get(
            message.role, message.role
        )
        color = colours()["user_name" if message.role == "user" else "assistant_name"]
        return f'<p style="color:{color}; margin-top:10px;"><b>{html.escape(who)}</b></p>'

    def _thinking_html(self, message: ViewMessage, expanded: bool) -> str:
        words = len(message.thinking.split())
        if expanded:
            label = html.escape(self.tr("▼ Thinking ({0} words)").format(words))
            shown, _hidden = fold_long_lines(message.thinking, self._fold_marker)
            body = f'<blockquote style="color:{colours()["muted"]};">{render_plain(shown)}</blockquote>'
        else:
            label = html.escape(self.tr("▶ Thinking ({0} words)").format(words))
            body = ""
        return f'<p><a href="act:thinking:{message.id}" style="color:{colours()["muted"]};">{label}</a></p>{body}'

    def _message_html(self, message: ViewMessage) -> str:
        parts = [self._header_html(message)]
        if message.images:
            thumbs = " ".join(self._image_html(i.key) for i in message.images)
            parts.append(f"<p>{thumbs}</p>")
        if message.files:
            names = ", ".join(html.escape(f) for f in message.files)
            files = html.escape(self.tr("Files:"))  # outside the f-string, where lupdate sees it
            parts.append(f'<p style="color:{colours()["muted"]};">{files} {names}</p>')
        if message.thinking:
            parts.append(self._thinking_html(message, message.id in self._expanded))
        key = (message.id, message.role, message.content)
        cached = self._html_cache.get(key)
        if cached is None:
            shown, hidden = fold_long_lines(message.content, self._fold_marker)
            body = f"<p>{render_plain(shown)}</p>" if message.role == "user" else render_markdown(shown)
            cached = self._html_cache[key] = (body, hidden)
        rendered, folded = cached
        parts.append(_themed(rendered))
        if message.boxed_image is not None:
            parts.append(
                f"<p>{self._image_html(message.boxed_image.key)}"
                f'<br><span style="color:{colours()["muted"]};">{html.escape(message.box_note)}</span></p>'
            )
        if message.status in ("cancelled", "error"):
            text = message.error or (self.tr("Stopped.") if message.status == "cancelled" else self.tr("Failed."))
            parts.append(f'<p style="color:{colours()["danger"]};"><i>{html.escape(text)}</i></p>')
        parts.append(self._footer_html(message, folded=bool(folded)))
        if message.role != "user":
            return "".join(parts)
        # the user's turns sit in a tinted bubble on the right, the answers on the page itself
        return (
            f'<table width="88%" align="right" cellspacing="0" cellpadding="10" '
            f'style="background-color:{colours()["user_bubble"]}; margin-top:8px;"><tr><td>{"".join(parts)}</td></tr></table>'
            '<p style="margin:0;"></p>'
        )

    def _fold_marker(self, hidden: int) -> str:
        return self.tr(" … ({0} characters not shown) … ").format(f"{hidden:,}")

    def _footer_html(self, message: ViewMessage, folded: bool = False) -> str:
        links = [("copy", self.tr("Copy"))]
        if folded:
            size = max(1, round(len(message.content.encode("utf-8", "replace")) / 1024))
            links.append(("full", self.tr("Show full text ({0} KB)").format(f"{size:,}")))
        if message.role == "user":
            links.append(("edit", self.tr("Edit")))
        else:
            links.append(("regenerate", self.tr("Regenerate")))
            if html_snippet(message.content):
                links.append(("preview", self.tr("Preview")))
            if message.can_show_on_screen:
                links.append(("screen", self.tr("Show on screen")))
        anchors = " · ".join(f'<a href="act:{name}:{message.id}">{html.escape(label)}</a>' for name, label in links)
        return f'<p style="font-size:small;">{anchors}</p>'

    def _image_html(self, key: str) -> str:
        safe = html.escape(key)
        return f'<a href="img:{safe}"><img src="thumb:{safe}" width="{self._thumb_width(key)}"></a>'

    def _thumb_width(self, key: str) -> int:
        image = self._thumb(key)
        return min(THUMB_WIDTH, image.width()) if image is not None else THUMB_WIDTH

    def _thumb(self, key: str) -> QImage | None:
        if key not in self._thumbs:
            image = self._image_source(key)
            if image is None or image.isNull():
                return None
            if image.width() > THUMB_WIDTH * 2:
                image = image.scaledToWidth(THUMB_WIDTH * 2)
            self._thumbs[key] = image
        return self._thumbs[key]

    def forget_image(self, key: str) -> None:
        self._thumbs.pop(key, None)

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        text = name.toString() if isinstance(name, QUrl) else name
        if kind == QTextDocument.ResourceType.ImageResource.value and text.startswith("thumb:"):
            image = self._thumb(text.removeprefix("thumb:"))
            if image is not None:
                return image
        return super().loadResource(kind, name)

    def changeEvent(self, event: QEvent) -> None:
        # the light/dark switch: the HTML carries the palette's colours, so render it again
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._stream is None and self._messages:
            scroll = self.verticalScrollBar().value()
            self._rebuild()
            self.verticalScrollBar().setValue(scroll)

    # ----- helpers
    def _end_cursor(self) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        return cursor

    def _tail_cursor(self) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(self._tail_start, self._end_cursor().position()))
        cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _set_tail(self, tail_html: str) -> None:
        at_end = self.verticalScrollBar().value() >= self.verticalScrollBar().maximum() - 4
        cursor = self._tail_cursor()
        cursor.removeSelectedText()
        if tail_html:
            cursor.insertHtml(_themed(tail_html))
        if at_end:
            self._scroll_to_end()

    def _scroll_to_end(self) -> None:
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())

    def _clicked(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("img:"):
            self.image_clicked.emit(text.removeprefix("img:"))
        elif text.startswith("act:"):
            _, name, ident = text.split(":", 2)
            if name == "thinking":
                self._toggle_thinking(int(ident))
            elif name == "earlier":
                self.show_earlier()
            else:
                self.action.emit(name, int(ident))

    def _toggle_thinking(self, message_id: int) -> None:
        if message_id in self._expanded:
            self._expanded.discard(message_id)
        else:
            self._expanded.add(message_id)
        for message in self._messages:
            if message.id == message_id:
                self.replace_message(message)
                return


def _themed(rendered: str) -> str:
    """Markdown's light-look code and table colours, swapped for the dark look's when it is in use."""
    if current_scheme() == "light":
        return rendered
    palette = colours()
    return rendered.replace(CODE_BACKGROUND, palette["alternate"]).replace(TABLE_BORDER, palette["border"])
