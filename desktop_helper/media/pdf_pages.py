"""PDFs and office documents as page images: pages rendered with pypdfium2, documents converted by LibreOffice.

PPTX, PPT, DOCX, ODP and ODT files are converted to PDF by LibreOffice headless when it is installed
(found with ``which``, which tests replace to simulate a missing LibreOffice), then rendered like a PDF.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

from desktop_helper.core.errors import MediaError
from desktop_helper.core.i18n import t
from desktop_helper.core.types import ImagePart
from desktop_helper.media.attachment import SOURCE_LONG_SIDE, Attachment, PageRange, unsupported_fix

#: a page range can never ask for more (the official app caps PDFs at 60 pages)
HARD_MAX_PAGES = 60

_DOCUMENT_NAMES = {
    "pptx": "PowerPoint",
    "ppt": "PowerPoint",
    "docx": "Word",
    "doc": "Word",
    "odp": "OpenDocument",
    "odt": "OpenDocument",
}


def load_pdf(path: Path, name: str, page_range: PageRange | None, max_pages: int, shown_name: str | None = None) -> Attachment:
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


def load_document(  # noqa: PLR0917 - called once, by load_attachment
    path: Path, name: str, head: bytes, page_range: PageRange | None, max_pages: int, which: Callable[[str], str | None]
) -> Attachment:
    extension = path.suffix.lower().lstrip(".")
    if head.startswith(b"PK"):
        extension = _office_kind(path, name) or extension
    if extension not in _DOCUMENT_NAMES:
        raise MediaError(t("{name}: unsupported document type.", name=name), unsupported_fix())
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
        return load_pdf(pdf, name, page_range, max_pages, shown_name=name)


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
