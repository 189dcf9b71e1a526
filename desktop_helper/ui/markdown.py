"""Markdown -> Qt rich text, incrementally, for streaming answers (no Qt here; pure text).

Re-rendering a whole answer on every token costs O(length) per token, so long answers would
slow down as they grow. :class:`StreamingMarkdown` splits the text into *stable* blocks (ended by
a blank line outside a code fence, or by a closing fence) and the *tail* (the block still being
written). Stable blocks are rendered once; only the tail is re-rendered per token, so the per-token
cost depends on the size of the current block, not of the answer.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from desktop_helper.parsers.special_tokens import readable_text

_FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HTML_FENCE_RE = re.compile(r"```[ \t]*(html|htm)[^\n]*\n(.*?)(?:```|$)", re.DOTALL | re.IGNORECASE)
_HTML_DOC_RE = re.compile(r"(<!doctype html.*?</html>|<html.*?</html>)", re.DOTALL | re.IGNORECASE)

#: characters the unfinished block may reach before it is cut (keeps per-token work bounded)
MAX_TAIL = 2000
#: a line longer than this is shown folded: its first FOLD_HEAD and last FOLD_END characters around a
#: marker (Qt lays a line out as one unit; a 256 KB line took minutes). The text itself stays whole.
FOLD_LINE_CHARS = 4000
FOLD_HEAD = 2000
FOLD_END = 1000
#: the light look's colours; the chat view swaps them for the dark look's (ui/conversation_view.py)
CODE_BACKGROUND = "#f3f4f6"
TABLE_BORDER = "#d1d5db"
CODE_STYLE = f"background-color:{CODE_BACKGROUND}; font-family:monospace; white-space:pre-wrap;"
TABLE_ATTRS = f'border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse; border-color:{TABLE_BORDER};"'


def display_text(text: str) -> str:
    """Answer text as shown: GLM's box tokens become inline code, other special tokens vanish, TeX math is marked."""
    text = readable_text(text)
    if "$$" in text or "\\[" in text or "\\(" in text:
        text = _mark_math(text)
    return text


_CODE_SPLIT_RE = re.compile(r"(```.*?(?:```|$)|`[^`\n]*`)", re.DOTALL)
_DISPLAY_MATH_RE = re.compile(r"\$\$(.+?)\$\$|\\\[(.+?)\\\]", re.DOTALL)
_INLINE_MATH_RE = re.compile(r"\\\((.+?)\\\)")


def _mark_math(text: str) -> str:
    """Show TeX math as math-styled code (no TeX engine in Qt's rich text), leaving code untouched.

    Display math (``$$...$$``, ``\\[...\\]``) becomes a ``math`` code block; inline ``\\(...\\)``
    becomes inline code. Single ``$`` is left alone: it is far more often a price than math.
    """
    pieces = _CODE_SPLIT_RE.split(text)
    for index in range(0, len(pieces), 2):  # even pieces are outside code
        piece = _DISPLAY_MATH_RE.sub(lambda m: "\n```math\n" + (m.group(1) or m.group(2)).strip() + "\n```\n", pieces[index])
        pieces[index] = _INLINE_MATH_RE.sub(lambda m: "`" + m.group(1).strip() + "`", piece)
    return "".join(pieces)


@lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt

    # html=False: model output is shown, never interpreted as markup (screenshot-to-code answers
    # contain HTML, and it must appear as text, with a Preview button)
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False, "highlight": _highlight})
    md.enable("table")
    md.enable("strikethrough")
    return md


@lru_cache(maxsize=64)
def _lexer(language: str) -> Any:
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound

    try:
        return get_lexer_by_name(language or "text")
    except ClassNotFound:
        return get_lexer_by_name("text")


@lru_cache(maxsize=1)
def _formatter() -> Any:
    from pygments.formatters import HtmlFormatter

    return HtmlFormatter(noclasses=True, nowrap=True, style="default")


def _highlight(code: str, language: str, _attrs: str) -> str:
    from pygments import highlight

    body = highlight(code, _lexer(language.strip().lower()), _formatter())
    return f'<pre style="{CODE_STYLE}">{body}</pre>'


def render_markdown(text: str) -> str:
    """Render Markdown to the HTML subset Qt's rich text understands."""
    rendered: str = _parser().render(display_text(text))
    rendered = rendered.replace("<table>", f"<table {TABLE_ATTRS}>")
    rendered = rendered.replace("<pre><code", f'<pre style="{CODE_STYLE}"><code')
    return rendered.replace("<code>", f'<code style="background-color:{CODE_BACKGROUND};">')


def _fold_marker(hidden: int) -> str:
    return f" … ({hidden:,} characters not shown) … "


def fold_long_lines(text: str, marker: Callable[[int], str] = _fold_marker) -> tuple[str, int]:
    """``text`` with every line over :data:`FOLD_LINE_CHARS` cut to its head and end around ``marker(hidden)``.

    Returns the text to show and how many characters were left out (0: nothing was folded).
    The cost is one pass in C over the text, so it suits every streamed update.
    """
    if len(text) <= FOLD_LINE_CHARS:
        return text, 0
    lines = text.split("\n")
    if max(map(len, lines)) <= FOLD_LINE_CHARS:
        return text, 0
    hidden = 0
    for index, line in enumerate(lines):
        if len(line) > FOLD_LINE_CHARS:
            left_out = len(line) - FOLD_HEAD - FOLD_END
            hidden += left_out
            lines[index] = line[:FOLD_HEAD] + marker(left_out) + line[-FOLD_END:]
    return "\n".join(lines), hidden


def render_plain(text: str) -> str:
    """Plain text (thinking, user questions) as HTML that keeps line breaks."""
    return html.escape(text).replace("\n", "<br>")


@dataclass
class StreamingMarkdown:
    """Splits a growing Markdown text into stable blocks and a tail.

    Call :meth:`feed` with each delta; it returns the HTML of blocks that became stable since the
    last call. :meth:`tail_html` renders the unfinished block.
    """

    text: str = ""
    stable_end: int = 0
    #: what replaces the middle of a folded line (see :func:`fold_long_lines`)
    fold_marker: Callable[[int], str] | None = None
    _scan: int = 0
    _searched: int = 0
    _fence: str = ""
    _fence_line: str = ""
    _prefix: str = ""

    def feed(self, delta: str) -> list[str]:
        self.text += delta
        new: list[str] = []
        while True:
            # newlines before the text already searched were handled: a long line is not rescanned per delta
            newline = self.text.find("\n", max(self._scan, self._searched))
            if newline == -1:
                self._searched = len(self.text)
                break
            line = self.text[self._scan : newline]
            self._scan = newline + 1
            fence = _FENCE_RE.match(line)
            boundary = False
            if self._fence:
                if (
                    fence
                    and fence.group(1)[0] == self._fence[0]
                    and len(fence.group(1)) >= len(self._fence)
                    and not line.strip()[len(fence.group(1)) :].strip()
                ):
                    self._fence = ""
                    boundary = True
                elif self._scan - self.stable_end > MAX_TAIL:
                    # a long code block: close this piece and reopen the fence for the rest
                    self._close(self._scan, new, suffix=self._fence + "\n")
                    self._prefix = self._fence_line + "\n"
                    continue
            elif fence:
                self._fence = fence.group(1)
                self._fence_line = line.strip()
            elif not line.strip():
                boundary = True
            elif not self._fence and self._scan - self.stable_end > MAX_TAIL:
                # a very long paragraph (no blank line): cut at a line end so the tail stays
                # bounded; the lines after the cut become a new paragraph
                boundary = True
            if boundary:
                self._close(self._scan, new)
        if not self._fence and len(self.text) - self.stable_end > MAX_TAIL * 2:
            # one enormous line: cut at the last space
            cut = self.text.rfind(" ", self.stable_end + MAX_TAIL, len(self.text))
            if cut > self.stable_end:
                self._close(cut + 1, new)
                self._scan = max(self._scan, self.stable_end)
        return new

    def _close(self, end: int, new: list[str], suffix: str = "") -> None:
        block = self._prefix + self.text[self.stable_end : end] + suffix
        self._prefix = ""
        self.stable_end = end
        if block.strip():
            new.append(render_markdown(self._fold(block)))

    def tail(self) -> str:
        return self._prefix + self.text[self.stable_end :]

    def tail_html(self) -> str:
        tail = self._fold(self.tail())
        if not tail.strip():
            return ""
        if self._fence and not tail.rstrip().endswith(self._fence):
            # an open code block renders as code while it streams
            return render_markdown(tail + "\n" + self._fence)
        return render_markdown(tail)

    def _fold(self, text: str) -> str:
        return fold_long_lines(text, self.fold_marker or _fold_marker)[0]


def html_snippet(answer: str) -> str | None:
    """The HTML page an answer contains (a ```html block or a whole document), for Preview."""
    fence = _HTML_FENCE_RE.search(answer)
    if fence and fence.group(2).strip():
        return fence.group(2)
    document = _HTML_DOC_RE.search(answer)
    return document.group(1) if document else None
