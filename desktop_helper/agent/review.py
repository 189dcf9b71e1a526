"""Which typed texts deserve a second look before the agent types them.

The step panel shows every proposed action, but a long text, a text with line breaks (each one
presses Enter) or one that reads like a shell command can hide its harm past what the eye takes in:
a 3,000-character paragraph ending in ``; rm -rf ~``. :func:`review_typed_text` flags such texts;
the panel then warns and keeps Confirm off until the user has read the whole text, and auto mode
waits for that Confirm instead of counting down. Pure and cheap: no I/O, and at most a few tenths of a second on any text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: a text longer than this is not taken in at a glance
LONG_TEXT_CHARS = 200
#: the shell-command hint is looked for in this much of the text (a longer one is flagged as long anyway)
_SCAN_CHARS = 50_000

#: commands that are harmful on their own, whatever surrounds them
_DANGEROUS = (
    r"\brm\s+-[a-z]*[rf][a-z]*\b",  # rm -rf, rm -r, rm -f, rm -fr
    r"\bsudo\b",
    r"\bsu\s+-",
    r"\b(?:curl|wget|iwr|Invoke-WebRequest)\b[^\n]*\|\s*(?:sudo\s+)?(?:ba|z|da|k)?sh\b",  # download | sh
    r"\b(?:curl|wget)\b[^\n]*\|\s*(?:python3?|perl|ruby|node)\b",
    r"\bpowershell(?:\.exe)?\b[^\n]*\s-(?:e|en|enc|encodedcommand)\b",
    r"\b(?:pwsh|powershell)(?:\.exe)?\b[^\n]*\s-(?:c|command)\b",
    r"\b(?:iex|Invoke-Expression)\b",
    r"\bmkfs(?:\.\w+)?\b",
    r"\bdd\s+[^\n]*\bof=/dev/",
    r">\s*/dev/(?:sd|nvme|hd|disk)",
    r"\bchmod\s+(?:-R\s+)?[0-7]*777\b",
    r"\bchown\s+-R\b",
    r":\(\)\s*\{\s*:\s*\|\s*:\s*&\s*\}\s*;",  # fork bomb
    r"^\s*(?:sudo\s+)?(?:shutdown|reboot|halt|poweroff)\b(?:\s+[-/]|\s*$)",
    r"\bformat\s+[a-z]:",
    r"\b(?:del|erase)\s+/[sfq]\b",
    r"\b(?:rd|rmdir)\s+/s\b",
    r"\breg\s+(?:delete|add)\b",
    r"\bRemove-Item\b[^\n]*-Recurse\b",
    r"\b(?:ba|z)?sh\s+-c\b",
    r"\beval\s",
    r"\bbase64\s+(?:-d|--decode)\b",
    r"\bnc\s+(?:-[a-z]*e|-[a-z]*c)\b",
    r"/dev/tcp/",
    r"\bcrontab\s+-",
    r"\bhistory\s+-c\b",
)

#: common command words: after ``;``, ``&&``, ``||``, ``|``, ``$(`` or a backtick they make a command line
_COMMANDS = (
    "rm|mv|cp|dd|sh|bash|zsh|sudo|su|curl|wget|chmod|chown|python3?|perl|ruby|node|nc|ncat|ssh|scp|"
    "git|kill|killall|pkill|cat|echo|tee|xargs|find|tar|apt|apt-get|yum|dnf|pip|npm|brew|systemctl|"
    "crontab|export|cd|ls|powershell|pwsh|cmd|del|erase|rd|rmdir|reg|start|iex|certutil|bitsadmin|mshta|"
    "rundll32|regsvr32|osascript|open|launchctl|defaults|mkfs|shutdown|reboot"
)
_CHAINED = rf"(?:;|&&|\|\||\||\$\(|`)\s*(?:sudo\s+)?(?:{_COMMANDS})\b"

_DANGEROUS_RE = re.compile("|".join(f"(?:{pattern})" for pattern in _DANGEROUS), re.IGNORECASE | re.MULTILINE)
_CHAINED_RE = re.compile(_CHAINED, re.IGNORECASE)


@dataclass(frozen=True)
class TextReview:
    """Why a text to type needs a second look (all false/empty: it does not).

    Attributes:
        length: characters in the text.
        long: longer than :data:`LONG_TEXT_CHARS`.
        multiline: holds a line break (typing it presses Enter).
        shell_hint: the part that reads like a shell command, or "" when none does.
    """

    length: int
    long: bool
    multiline: bool
    shell_hint: str

    @property
    def needs_second_look(self) -> bool:
        return self.long or self.multiline or bool(self.shell_hint)


def review_typed_text(text: str) -> TextReview:
    """Review a text the agent proposes to type."""
    # the harmful part itself makes the better hint than the separator before it
    scanned = text[:_SCAN_CHARS]
    match = _DANGEROUS_RE.search(scanned) or _CHAINED_RE.search(scanned)
    hint = " ".join(match.group(0).split())[:60] if match else ""
    return TextReview(
        length=len(text),
        long=len(text) > LONG_TEXT_CHARS,
        multiline=any(mark in text for mark in ("\n", "\r", "\u2028", "\u2029", "\x0b", "\x0c", "\x85")),
        shell_hint=hint,
    )
