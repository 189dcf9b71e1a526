"""An attached file as the model gets it: the :class:`Attachment` every loader of :mod:`.documents` returns.

The loaders per kind are :mod:`.image_files`, :mod:`.video_files`, :mod:`.pdf_pages` (PDF and office
documents) and, for text, :mod:`.documents` itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from desktop_helper.core.i18n import t
from desktop_helper.core.types import ImagePart, Part, TextPart, VideoPart
from desktop_helper.media.images import fit_to_token_budget, image_tokens, with_budget

Kind = Literal["image", "video", "pdf", "document", "text"]

#: the long side pages and frames are kept at before the per-image token budget applies
SOURCE_LONG_SIDE = 2048


@dataclass(frozen=True)
class Attachment:
    """A checked, decoded attachment.

    Attributes:
        name: the file name shown to the user.
        kind: what it is (by content).
        images: the image, pages or frames at source resolution (the token budget applies when sending).
        text: the text of a text or code file.
        note: a short description ("3 pages", "8 frames of 12.0 s", "pages 1-20 of 45").
        path: the original file (videos are sent whole to providers that take video).
        mime: the detected content type.
    """

    name: str
    kind: Kind
    images: tuple[ImagePart, ...] = ()
    text: str = ""
    note: str = ""
    path: str | None = None
    mime: str = ""

    def parts(self, budget: int | None) -> list[Part]:
        """What goes into the message, images resized to ``budget`` tokens each."""
        sized = tuple(with_budget(image, budget) for image in self.images)
        if self.kind == "video":
            return [VideoPart(sized, self.path, self.mime or "video/mp4", self.name)]
        if self.kind == "text":
            return [TextPart(f"File {self.name}:\n```\n{self.text}\n```")]
        if self.kind in ("pdf", "document"):
            return [TextPart(f"[{self.name}: {self.note}]"), *sized]
        return list(sized)

    def tokens(self, budget: int | None) -> int:
        """Image tokens this attachment costs at ``budget`` tokens per image."""
        return sum(image_tokens(*fit_to_token_budget(i.width, i.height, budget)) for i in self.images)


@dataclass(frozen=True)
class PageRange:
    """1-based inclusive page range."""

    first: int
    last: int

    @staticmethod
    def parse(text: str) -> PageRange:
        """``"5"`` or ``"3-12"``; raises ValueError with a readable reason."""
        pieces = text.replace("–", "-").split("-")
        try:
            numbers = [int(p.strip()) for p in pieces]
        except ValueError:
            raise ValueError(f"{text!r} is not a page range like 3-12.") from None
        if len(numbers) == 1:
            numbers *= 2
        if len(numbers) != 2 or numbers[0] < 1 or numbers[1] < numbers[0]:
            raise ValueError(f"{text!r} is not a page range like 3-12.")
        return PageRange(numbers[0], numbers[1])


def unsupported_fix() -> str:
    return t("Attach images (PNG, JPEG, WebP, BMP, GIF), videos (MP4, MOV, MKV, WebM), PDF, PPTX/DOCX/ODP/ODT, or text files.")
