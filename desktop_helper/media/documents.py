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
"""

from __future__ import annotations

import io
import logging
import os
import re
import shutil
import stat
import subprocess
import tempfile
import warnings
import zipfile
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Literal

from desktop_helper.core.errors import MediaError
from desktop_helper.core.i18n import t
from desktop_helper.core.types import ImagePart, Part, TextPart, VideoPart
from desktop_helper.core.wording import line_count
from desktop_helper.media.images import fit_to_token_budget, image_tokens, with_budget

log = logging.getLogger(__name__)

Kind = Literal["image", "video", "pdf", "document", "text"]

MB = 1024 * 1024
#: size limits per kind (the official app: images <= 10 MB, video <= 20 MB; we allow more, locally)
MAX_BYTES: dict[str, int] = {"image": 50 * MB, "video": 500 * MB, "pdf": 200 * MB, "document": 200 * MB, "text": 2 * MB}
#: images above this many pixels are refused before decoding (a 200-megapixel image would need ~600 MB)
MAX_PIXELS = 100_000_000
#: pages or slides sent by default; longer documents need a page range
DEFAULT_MAX_PAGES = 20
#: a page range can never ask for more (the official app caps PDFs at 60 pages)
HARD_MAX_PAGES = 60
DEFAULT_VIDEO_FRAMES = 8
#: the long side pages and frames are kept at before the per-image token budget applies
SOURCE_LONG_SIDE = 2048

_EXTENSION_KIND: dict[str, Kind] = {
    **dict.fromkeys((".png", ".jpg", ".jpeg", ".webp", ".bmp", ".gif"), "image"),
    **dict.fromkeys((".mp4", ".mov", ".m4v", ".mkv", ".webm"), "video"),
    ".pdf": "pdf",
    **dict.fromkeys((".pptx", ".ppt", ".docx", ".doc", ".odp", ".odt"), "document"),
}
_DOCUMENT_NAMES = {
    "pptx": "PowerPoint",
    "ppt": "PowerPoint",
    "docx": "Word",
    "doc": "Word",
    "odp": "OpenDocument",
    "odt": "OpenDocument",
}


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
    never more than the size limit of their kind, and images only up to :data:`MAX_PIXELS`.

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
                t("{name}: unsupported file type (not an image, video, PDF, document or UTF-8 text).", name=name), _supported()
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
        return _load_image(path, name, mime, data, keep_encoding=keep_encoding)
    if kind == "video":
        return _load_video(path, name, mime, video_frames)
    if kind == "pdf":
        return _load_pdf(path, name, page_range, max_pages)
    if kind == "document":
        return _load_document(path, name, head, page_range, max_pages, which)
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


def _supported() -> str:
    return t("Attach images (PNG, JPEG, WebP, BMP, GIF), videos (MP4, MOV, MKV, WebM), PDF, PPTX/DOCX/ODP/ODT, or text files.")


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


#: encodings every backend takes as they are
_SENDABLE_MIMES = ("image/png", "image/jpeg", "image/webp")


def _load_image(path: Path, name: str, mime: str, data: bytes, *, keep_encoding: bool = False) -> Attachment:
    rgb, frames = decode_image(data, name)
    if keep_encoding and mime in _SENDABLE_MIMES and frames == 1:
        part = ImagePart(data, mime, rgb.width, rgb.height, name=name)
    else:
        buffer = io.BytesIO()
        rgb.save(buffer, format="PNG")
        part = ImagePart(buffer.getvalue(), "image/png", rgb.width, rgb.height, name=name)
    note = f"{rgb.width}x{rgb.height}"
    if frames > 1:
        note = t("{size}, first of {frames} frames", size=note, frames=frames)
    return Attachment(name, "image", (part,), note=note, path=str(path), mime=mime)


def decode_image(data: bytes, name: str) -> tuple[Any, int]:
    """(the first frame as an RGB PIL image, the number of frames) of encoded image bytes.

    Images over :data:`MAX_PIXELS` are refused from their header, before their pixels are decoded.

    Raises:
        MediaError: naming ``name`` and the reason.
    """
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            # the pixel count is checked below, with a clearer message than Pillow's warning
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
        with image:
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise _too_many_pixels(name, width * height, f"{width}x{height} px, ")
            frames = getattr(image, "n_frames", 1)
            image.seek(0)
            image.load()
            rgb = image.convert("RGB")
    except MediaError:
        raise
    except Image.DecompressionBombError as exc:
        # Pillow refuses even to read the header of a gigantic image; its message has the pixel count
        found = re.search(r"\((\d+) pixels\)", str(exc))
        raise _too_many_pixels(name, int(found.group(1)) if found else None, "") from exc
    except UnidentifiedImageError as exc:
        # Pillow's own message names an in-memory buffer ("<_io.BytesIO object at 0x...>"), not the file
        raise MediaError(
            t("{name}: the image is damaged or truncated (a header or checksum is wrong, or the format is unknown).", name=name),
            t("Re-save the image and attach it again."),
        ) from exc
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        raise MediaError(
            t("{name}: the image is damaged or truncated ({exc}).", name=name, exc=exc),
            t("Re-save the image and attach it again."),
        ) from exc
    return rgb, frames


def _too_many_pixels(name: str, pixels: int | None, size: str) -> MediaError:
    count = f"{size}{pixels / 1e6:.0f} megapixels" if pixels is not None else "too many pixels to decode safely"
    return MediaError(
        t(
            "{name}: the image is too large ({count}; the limit is {value:.0f} megapixels).",
            name=name,
            count=count,
            value=MAX_PIXELS / 1e6,
        ),
        t("Downscale or crop it first."),
    )


def _load_video(path: Path, name: str, mime: str, frames: int) -> Attachment:
    import cv2

    capture = cv2.VideoCapture(str(path))
    try:
        if not capture.isOpened():
            raise MediaError(
                t("{name}: the video cannot be opened (damaged or unsupported codec).", name=name),
                t("Re-encode it as H.264 MP4."),
            )
        count = int(capture.get(cv2.CAP_PROP_FRAME_COUNT) or 0)
        fps = float(capture.get(cv2.CAP_PROP_FPS) or 0.0)
        if count <= 0:
            raise MediaError(t("{name}: the video has no readable frames.", name=name), t("Re-encode it as H.264 MP4."))
        wanted = min(max(1, frames), count)
        indices = sorted({round(i * (count - 1) / max(1, wanted - 1)) for i in range(wanted)}) if wanted > 1 else [0]
        parts: list[ImagePart] = []
        for index in indices:
            capture.set(cv2.CAP_PROP_POS_FRAMES, index)
            ok, frame = capture.read()
            if not ok or frame is None:
                continue
            frame = _fit_long_side(frame, cv2)
            ok, encoded = cv2.imencode(".png", frame)
            if ok:
                height, width = frame.shape[:2]
                seconds = index / fps if fps > 0 else 0.0
                parts.append(ImagePart(encoded.tobytes(), "image/png", width, height, name=f"{name} @ {seconds:.1f} s"))
        if not parts:
            raise MediaError(
                t("{name}: no frame of the video could be decoded (damaged or truncated).", name=name),
                t("Re-encode it as H.264 MP4."),
            )
    finally:
        capture.release()
    duration = count / fps if fps > 0 else 0.0
    frames_taken = t("1 frame") if len(parts) == 1 else t("{count} frames", count=len(parts))
    note = t("{frames} of {duration:.1f} s", frames=frames_taken, duration=duration) if duration else frames_taken
    return Attachment(name, "video", tuple(parts), note=note, path=str(path), mime=mime)


def _fit_long_side(frame: Any, cv2: Any) -> Any:
    height, width = frame.shape[:2]
    scale = SOURCE_LONG_SIDE / max(width, height)
    if scale >= 1:
        return frame
    return cv2.resize(frame, (max(1, round(width * scale)), max(1, round(height * scale))), interpolation=cv2.INTER_AREA)


def _load_pdf(path: Path, name: str, page_range: PageRange | None, max_pages: int, shown_name: str | None = None) -> Attachment:
    import pypdfium2 as pdfium

    shown = shown_name or name
    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        reason = str(exc)
        if "password" in reason.lower():
            raise MediaError(
                t("{shown}: the PDF is password-protected.", shown=shown), t("Save an unprotected copy and attach that.")
            ) from exc
        raise MediaError(
            t("{shown}: the PDF is damaged or truncated ({reason}).", shown=shown, reason=reason),
            t("Re-export the PDF and attach it again."),
        ) from exc
    try:
        total = len(document)
        if total == 0:
            raise MediaError(t("{shown}: the PDF has no pages.", shown=shown), t("Attach a PDF with content."))
        if page_range is None:
            first, last = 1, min(total, max_pages)
        else:
            if page_range.first > total:
                raise MediaError(
                    t(
                        "{shown}: it has only {pages}.",
                        shown=shown,
                        pages=t("1 page") if total == 1 else t("{count} pages", count=total),
                    ),
                    t("Choose pages between 1 and {total}.", total=total),
                )
            first, last = page_range.first, min(page_range.last, total)
            if last - first + 1 > HARD_MAX_PAGES:
                raise MediaError(
                    t("{shown}: at most {hard_max_pages} pages can be sent at once.", shown=shown, hard_max_pages=HARD_MAX_PAGES),
                    t("Choose a shorter page range."),
                )
        parts: list[ImagePart] = []
        for index in range(first - 1, last):
            page = document[index]
            try:
                width, height = page.get_size()
                scale = min(SOURCE_LONG_SIDE / max(width, height, 1), 4.0)
                bitmap = page.render(scale=scale)
                image = bitmap.to_pil().convert("RGB")
            except pdfium.PdfiumError as exc:
                raise MediaError(
                    t("{shown}: page {value} cannot be rendered ({exc}).", shown=shown, value=index + 1, exc=exc),
                    t("Re-export the PDF."),
                ) from exc
            finally:
                page.close()
            buffer = io.BytesIO()
            image.save(buffer, format="PNG")
            parts.append(ImagePart(buffer.getvalue(), "image/png", image.width, image.height, name=f"{shown} p.{index + 1}"))
    finally:
        document.close()
    slides, count = bool(shown_name), len(parts)
    if (first, last) == (1, total):
        if slides:
            note = t("1 slide") if count == 1 else t("{count} slides", count=count)
        else:
            note = t("1 page") if count == 1 else t("{count} pages", count=count)
    elif first == last:
        single = t("slide {first} of {total}", first=first, total=total)
        note = single if slides else t("page {first} of {total}", first=first, total=total)
    elif slides:
        note = t("slides {first}-{last} of {total}", first=first, last=last, total=total)
    else:
        note = t("pages {first}-{last} of {total}", first=first, last=last, total=total)
    return Attachment(
        shown, "pdf" if shown_name is None else "document", tuple(parts), note=note, path=str(path), mime="application/pdf"
    )


def _load_document(  # noqa: PLR0917 - private helper, called once
    path: Path, name: str, head: bytes, page_range: PageRange | None, max_pages: int, which: Callable[[str], str | None]
) -> Attachment:
    extension = path.suffix.lower().lstrip(".")
    if head.startswith(b"PK"):
        extension = _office_kind(path, name) or extension
    if extension not in _DOCUMENT_NAMES:
        raise MediaError(t("{name}: unsupported document type.", name=name), _supported())
    office = which("soffice") or which("libreoffice")
    if office is None:
        raise MediaError(
            t(
                "{name}: {document_names} files are converted with LibreOffice, which is not installed.",
                name=name,
                document_names=_DOCUMENT_NAMES[extension],
            ),
            t(
                "Install LibreOffice (e.g. 'sudo apt install libreoffice-impress libreoffice-writer', or from "
                "libreoffice.org), or export the file as PDF and attach that."
            ),
        )
    with tempfile.TemporaryDirectory(prefix="desktop-helper-convert-") as tmp:
        source = Path(tmp) / f"input.{extension}"
        shutil.copyfile(path, source)
        profile = Path(tmp) / "profile"
        command = [
            office,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            tmp,
            str(source),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=180, check=False, env={**os.environ, "HOME": tmp})
        except subprocess.TimeoutExpired as exc:
            raise MediaError(
                t("{name}: LibreOffice took too long to convert it.", name=name), t("Export it as PDF yourself and attach that.")
            ) from exc
        except OSError as exc:
            raise MediaError(
                t("{name}: LibreOffice could not be started ({strerror}).", name=name, strerror=exc.strerror),
                t("Reinstall LibreOffice."),
            ) from exc
        pdf = Path(tmp) / "input.pdf"
        if not pdf.is_file():
            raise MediaError(
                t("{name}: LibreOffice could not convert it (damaged or unsupported file).", name=name),
                t("Export it as PDF yourself."),
            )
        return _load_pdf(pdf, name, page_range, max_pages, shown_name=name)


def _office_kind(path: Path, name: str) -> str | None:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                mimetype = archive.read("mimetype").decode("ascii", "replace")
                if "presentation" in mimetype:
                    return "odp"
                if "text" in mimetype:
                    return "odt"
            if any(n.startswith("ppt/") for n in names):
                return "pptx"
            if any(n.startswith("word/") for n in names):
                return "docx"
    except (zipfile.BadZipFile, OSError) as exc:
        raise MediaError(
            t("{name}: the document is damaged or truncated ({exc}).", name=name, exc=exc), t("Re-save it and attach it again.")
        ) from exc
    return None


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
        raise MediaError(t("{name}: this looks like a binary file, not text.", name=name), _supported())
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
