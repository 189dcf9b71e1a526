"""GLM's special tokens in answer text, turned into what a person reads (the chat, Markdown export).

The model wraps final answers and coordinates in ``<|begin_of_box|>`` ... ``<|end_of_box|>``; the
box content stays (as inline code), the markers and other chat-template tokens go.
"""

from __future__ import annotations

import re

from desktop_helper.parsers.boxes import BEGIN_BOX, END_BOX

_BOX_RE = re.compile(re.escape(BEGIN_BOX) + r"(.*?)(?:" + re.escape(END_BOX) + r"|$)", re.DOTALL)
_SPECIAL_TOKEN_RE = re.compile(r"<\|(?:begin_of_box|end_of_box|endoftext|user|assistant|observation)\|>")


def readable_text(text: str) -> str:
    """``text`` with each box shown as inline code (`` `[[1,2,3,4]]` ``) and other special tokens removed."""
    if "<|" not in text:
        return text
    text = _BOX_RE.sub(lambda m: f"`{m.group(1).strip()}`", text)
    return _SPECIAL_TOKEN_RE.sub("", text)
