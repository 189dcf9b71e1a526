"""Files the user attaches to a question: sniffed by content, checked, turned into model input.

Every file becomes an :class:`Attachment`: images (PNG, JPEG, WebP, BMP, the first frame of a
GIF), video (MP4, MOV, MKV, WebM: evenly sampled frames, plus the file for providers that take
video), PDF (pages rendered with pypdfium2; a page range for long documents), slides and
documents (PPTX, PPT, DOCX, ODP, ODT: converted to PDF by LibreOffice headless when it is
installed) and text or code (sent as text).

The type is decided by the file's content, not its name, so a renamed file is read as what it
is, and a file whose name promises a kind of content it does not have is refused. Every
problem raises :class:`MediaError` naming the file and the reason; nothing here touches the
conversation. Loading can take seconds (video, LibreOffice): call it off the GUI thread.

This module sniffs, checks and reads the file safely, then hands it to the loader of its kind
(:mod:`.image_files`, :mod:`.video_files`, :mod:`.pdf_pages`; text is read here).
"""

from __future__ import annotations

import io
import logging
import os
import shutil
import stat
from collections.abc import Callable, Collection
from pathlib import Path
from typing import BinaryIO

from desktop_helper.core.errors import MediaError
from desktop_helper.core.i18n import t
from desktop_helper.core.types import ImagePart
from desktop_helper.core.wording import line_count
from desktop_helper.media.attachment import Attachment, Kind, PageRange, unsupported_fix
from desktop_helper.media.image_files import decode_image, load_image
from desktop_helper.media.pdf_pages import load_document, load_pdf
from desktop_helper.media.video_files import load_video

log = logging.getLogger(__name__)

MB = 1024 * 1024
#: size limits per kind (the official app: images <= 10 MB, video <= 20 MB; we allow more, locally)
MAX_BYTES: dict[str, int] = {"image": 50 * MB, "video": 500 * MB, "pdf": 200 * MB, "document": 200 * MB, "text": 2 * MB}
#: pages or slides sent by default; longer documents need a page range
DEFAULT_MAX_PAGES = 20
DEFAULT_VIDEO_FRAMES = 8

_EXTENSION_KIND: dict[str, Kind] = {
    **dict.fromkeys((".png", ".jpg", ".jpeg", ".webp", ".bmp", ".gif"), "image"),
    **dict.fromkeys((".mp4", ".mov", ".m4v", ".mkv", ".webm"), "video"),
    ".pdf": "pdf",
    **dict.fromkeys((".pptx", ".ppt", ".docx", ".doc", ".odp", ".odt"), "document"),
}


def sniff(data: bytes) -> tuple[Kind | None, str]:
    """(kind, mime) from a file's first bytes; (None, "") when unknown, ("text", ...) for UTF-8 text."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image", "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image", "image/jpeg"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image", "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image", "image/webp"
    if data.startswith(b"BM") and len(data) > 26 and int.from_bytes(data[14:18], "little") in (12, 40, 52, 56, 64, 108, 124):
        return "image", "image/bmp"
    if data.startswith(b"%PDF-"):
        return "pdf", "application/pdf"
    if data[4:8] == b"ftyp":
        brand = data[8:12]
        return "video", "video/quicktime" if brand == b"qt  " else "video/mp4"
    if data.startswith(b"\x1a\x45\xdf\xa3"):
        return "video", "video/webm" if b"webm" in data[:64] else "video/x-matroska"
    if data.startswith(b"PK\x03\x04"):
        return "document", "application/zip"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "document", "application/x-ole-storage"
    if _looks_like_text(data):
        return "text", "text/plain"
    if _mostly_printable(data):
        # text in another encoding: taken as text so the UTF-8 check can name the problem
        return "text", "text/x-unknown-8bit"
    return None, ""


def _mostly_printable(data: bytes) -> bool:
    sample = data[:8192]
    if not sample or b"\x00" in sample:
        return False
    control = sum(1 for byte in sample if byte < 0x20 and byte not in (9, 10, 12, 13))
    return control <= len(sample) * 0.02


def _looks_like_text(data: bytes) -> bool:
    if b"\x00" in data[:8192]:
        return False
    sample = data[:8192]
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        # a multi-byte character cut at the sample's end is still text
        return exc.start >= len(sample) - 3 and len(data) > len(sample)
    return True


def load_attachment(
    path: str | Path,
    *,
    page_range: PageRange | None = None,
    max_pages: int = DEFAULT_MAX_PAGES,
    video_frames: int = DEFAULT_VIDEO_FRAMES,
    which: Callable[[str], str | None] = shutil.which,
    only: Collection[Kind] | None = None,
    keep_encoding: bool = False,
) -> Attachment:
    """Read, check and decode one file.

    Only regular files are read (a named pipe or a device could block forever or never end),
    never more than the size limit of their kind, and images only up to :data:`~.image_files.MAX_PIXELS`.

    Args:
        path: the file.
        page_range: pages of a PDF or slides of a presentation to take (default: the first ``max_pages``).
        max_pages: pages taken when no range is given.
        video_frames: frames sampled from a video.
        which: finds programs (tests replace it to simulate a missing LibreOffice).
        only: the kinds accepted (default: all); another kind is refused before it is decoded.
        keep_encoding: keep a PNG, JPEG or WebP image's own bytes instead of re-encoding it as PNG.

    Raises:
        MediaError: naming the file and the reason.
    """
    path = Path(path)
    name = path.name or str(path)
    handle, size = _open_regular_file(path, name)
    with handle:
        try:
            head = handle.read(8192)
        except OSError as exc:
            raise MediaError(
                t("{name}: cannot read it ({strerror}).", name=name, strerror=exc.strerror), t("Check the file's permissions.")
            ) from exc

        kind, mime = sniff(head)
        claimed = _EXTENSION_KIND.get(path.suffix.lower())
        if kind is None:
            if claimed is not None:
                raise MediaError(
                    t(
                        "{name}: the content is not a valid {suffix} file (unrecognised or damaged data).",
                        name=name,
                        suffix=path.suffix.lstrip(".").upper(),
                    ),
                    t("Re-save or re-export the file and attach it again."),
                )
            raise MediaError(
                t("{name}: unsupported file type (not an image, video, PDF, document or UTF-8 text).", name=name),
                unsupported_fix(),
            )
        if kind == "text" and claimed is not None:
            raise MediaError(
                t(
                    "{name}: the name says {suffix}, but the file contains plain text.",
                    name=name,
                    suffix=path.suffix.lstrip(".").upper(),
                ),
                t("Rename it to .txt to attach it as text, or attach the real file."),
            )
        if only is not None and kind not in only:
            wanted = " or ".join(_KIND_NAMES[k] for k in only)
            raise MediaError(
                t("{name}: this is {kind_names}, not {wanted}.", name=name, kind_names=_KIND_NAMES[kind], wanted=wanted),
                _only_fix(only),
            )
        if kind != claimed and claimed is not None and not (kind == "document" and claimed == "document"):
            log.info("%s: extension says %s, content is %s; using the content", name, claimed, kind)
        limit = MAX_BYTES[kind]
        if size > limit:
            raise _too_large(name, size, limit)
        if kind == "image":
            data = _read_within(handle, head, limit, name)
    if kind == "image":
        return load_image(path, name, mime, data, keep_encoding=keep_encoding)
    if kind == "video":
        return load_video(path, name, mime, video_frames)
    if kind == "pdf":
        return load_pdf(path, name, page_range, max_pages)
    if kind == "document":
        return load_document(path, name, head, page_range, max_pages, which)
    return _load_text(path, name, limit)


def load_image_file(path: str | Path) -> ImagePart:
    """One image file, checked and decoded with the chat's limits (``ask --image``), kept in its
    own encoding when every backend takes it (PNG, JPEG, WebP), otherwise converted to PNG.

    Raises:
        MediaError: naming the file and the reason.
    """
    images_only: tuple[Kind, ...] = ("image",)
    return load_attachment(path, only=images_only, keep_encoding=True).images[0]


_KIND_NAMES: dict[Kind, str] = {
    "image": "an image",
    "video": "a video",
    "pdf": "a PDF",
    "document": "an office document",
    "text": "a text file",
}


def _open_regular_file(path: Path, name: str) -> tuple[BinaryIO, int]:
    """``path`` opened for reading and its size, if it is a regular file that is not empty.

    Named pipes and devices are refused before they are opened: reading a FIFO waits for a
    writer forever and ``/dev/zero`` never ends. The file is opened without waiting (in case the
    path was replaced by a FIFO since it was checked) and checked again once open.

    Raises:
        MediaError: naming the file and the reason.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise MediaError(
                t("{name}: the link points to a file that does not exist.", name=name), t("Attach the file itself.")
            ) from None
        raise MediaError(t("{name}: the file does not exist.", name=name), t("Check the path.")) from None
    except OSError as exc:
        raise MediaError(
            t("{name}: cannot read it ({strerror}).", name=name, strerror=exc.strerror), t("Check the file's permissions.")
        ) from exc
    _check_regular(info, name)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as exc:
        raise MediaError(
            t("{name}: cannot read it ({strerror}).", name=name, strerror=exc.strerror), t("Check the file's permissions.")
        ) from exc
    handle = os.fdopen(descriptor, "rb")
    try:
        info = os.fstat(descriptor)
        _check_regular(info, name)
    except BaseException:
        handle.close()
        raise
    return handle, info.st_size


def _check_regular(info: os.stat_result, name: str) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise MediaError(t("{name}: this is a folder, not a file.", name=name), t("Attach the files inside it one by one."))
    if not stat.S_ISREG(info.st_mode):
        what = (
            "a named pipe (FIFO)"
            if stat.S_ISFIFO(info.st_mode)
            else "a device"
            if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode)
            else "a socket"
            if stat.S_ISSOCK(info.st_mode)
            else "not a regular file"
        )
        raise MediaError(t("{name}: this is {what}, not a normal file.", name=name, what=what), t("Attach a normal file."))
    if info.st_size == 0:
        raise MediaError(t("{name}: the file is empty (0 bytes).", name=name), t("Attach a file with content."))


def _read_within(handle: BinaryIO, head: bytes, limit: int, name: str) -> bytes:
    """The rest of the file after ``head``, refusing it if it grew past ``limit`` since it was checked."""
    try:
        data = head + handle.read(limit + 1 - len(head))
    except OSError as exc:
        raise MediaError(
            t("{name}: cannot read it ({strerror}).", name=name, strerror=exc.strerror), t("Check the file's permissions.")
        ) from exc
    if len(data) > limit:
        raise _too_large(name, len(data), limit)
    return data


def _too_large(name: str, size: int, limit: int) -> MediaError:
    shown_size, shown_limit = describe_sizes(size, limit)
    return MediaError(
        t(
            "{name}: the file is too large ({shown_size}; the limit for this kind of file is {shown_limit}).",
            name=name,
            shown_size=shown_size,
            shown_limit=shown_limit,
        ),
        t("Attach a smaller file or a part of it."),
    )


def describe_sizes(size: int, limit: int) -> tuple[str, str]:
    """``size`` and ``limit`` in MB with just enough decimals to tell them apart (bytes if MB cannot)."""
    shown_limit = f"{limit / MB:.0f} MB" if limit % MB == 0 else f"{limit / MB:.1f} MB"
    for decimals in (0, 1, 2):
        shown_size = f"{size / MB:.{decimals}f} MB"
        if shown_size != shown_limit and f"{size / MB:.{decimals}f}" != f"{limit / MB:.{decimals}f}":
            return shown_size, shown_limit
    return f"{size:,} bytes", f"{limit:,} bytes"




_KIND_FORMATS: dict[Kind, str] = {
    "image": "an image (PNG, JPEG, WebP, BMP, GIF)",
    "video": "a video (MP4, MOV, MKV, WebM)",
    "pdf": "a PDF",
    "document": "a PPTX/DOCX/ODP/ODT document",
    "text": "a text file",
}


def _only_fix(only: Collection[Kind]) -> str:
    """What to give instead when only some kinds are taken here (the chat takes every kind)."""
    wanted = " or ".join(_KIND_FORMATS[k] for k in only)
    return t("Give {wanted} here; other files can be dropped into the chat window.", wanted=wanted)



def _load_text(path: Path, name: str, limit: int) -> Attachment:
    handle, _size = _open_regular_file(path, name)
    with handle:
        data = _read_within(handle, b"", limit, name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise MediaError(
            t("{name}: the text is not UTF-8 (invalid byte at position {start}).", name=name, start=exc.start),
            t("Save it as UTF-8 and attach it again."),
        ) from exc
    if "\x00" in text:
        raise MediaError(t("{name}: this looks like a binary file, not text.", name=name), unsupported_fix())
    lines = line_count(text)
    note = t("1 line") if lines == 1 else t("{count} lines", count=lines)
    return Attachment(name, "text", text=text.removeprefix("\ufeff"), note=note, path=str(path), mime="text/plain")


def from_image_part(part: ImagePart) -> Attachment:
    """An attachment for an image that is already in memory (a capture, a pasted image)."""
    return Attachment(part.name or "capture", "image", (part,), note=f"{part.width}x{part.height}", mime=part.mime)


def from_image_bytes(data: bytes, name: str) -> Attachment:
    """An attachment from encoded image bytes (the clipboard), checked like a file, kept at its size."""
    if len(data) > MAX_BYTES["image"]:
        raise _too_large(name, len(data), MAX_BYTES["image"])
    rgb, _frames = decode_image(data, name)
    buffer = io.BytesIO()
    rgb.save(buffer, format="PNG")
    part = ImagePart(buffer.getvalue(), "image/png", rgb.width, rgb.height, name=name)
    return Attachment(name, "image", (part,), note=f"{part.width}x{part.height}", mime=part.mime)
