"""Attachments from real files: content sniffing, decoding, budgets, and a clear refusal for each bad input."""

from __future__ import annotations

import io
import stat
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from desktop_helper.core.errors import MediaError
from desktop_helper.core.types import ImagePart, TextPart, VideoPart
from desktop_helper.media import documents
from desktop_helper.media.attachment import PageRange
from desktop_helper.media.documents import load_attachment, sniff
from tests.fixtures.chat_files import write_encrypted_pdf, write_huge_png, write_mp4, write_pdf, write_png, write_text


def test_png_jpeg_webp_bmp_and_gif_first_frame(tmp_path: Path) -> None:
    base = Image.new("RGB", (300, 200), "#2255aa")
    for fmt, ext in (("JPEG", "jpg"), ("WEBP", "webp"), ("BMP", "bmp"), ("PNG", "png")):
        path = tmp_path / f"image.{ext}"
        base.save(path, format=fmt)
        attachment = load_attachment(path)
        assert attachment.kind == "image"
        assert (attachment.images[0].width, attachment.images[0].height) == (300, 200)
    frames = [Image.new("RGB", (120, 80), color) for color in ("red", "green", "blue")]
    gif = tmp_path / "anim.gif"
    frames[0].save(gif, save_all=True, append_images=frames[1:], duration=100)
    attachment = load_attachment(gif)
    assert "first of 3 frames" in attachment.note
    with Image.open(io.BytesIO(attachment.images[0].data)) as first:
        r, g, b = first.convert("RGB").getpixel((60, 40))
    assert (r > 200, g < 60, b < 60) == (True, True, True)  # the first frame (red), not a later one


def test_image_parts_follow_the_token_budget(tmp_path: Path) -> None:
    attachment = load_attachment(write_png(tmp_path / "big.png", (1920, 1080)))
    for budget in (64, 256, 1024):
        (part,) = attachment.parts(budget)
        assert isinstance(part, ImagePart)
        assert (part.width // 28) * (part.height // 28) <= budget
        assert attachment.tokens(budget) == (part.width // 28) * (part.height // 28)


def test_pdf_pages_and_page_range(tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "doc.pdf", pages=3)
    attachment = load_attachment(pdf)
    assert attachment.kind == "pdf"
    assert attachment.note == "3 pages"
    parts = attachment.parts(256)
    assert isinstance(parts[0], TextPart)
    assert "doc.pdf" in parts[0].text
    assert len([p for p in parts if isinstance(p, ImagePart)]) == 3
    # the pages really are the pages: page 3's red bar is wider than page 1's
    widths = []
    for image in attachment.images:
        with Image.open(io.BytesIO(image.data)) as page:
            row = page.convert("RGB").resize((620, 877)).crop((0, 130, 620, 131))
            widths.append(sum(1 for px in row.get_flattened_data() if px[0] > 150 and px[1] < 100))
    assert widths[0] < widths[1] < widths[2]
    second = load_attachment(pdf, page_range=PageRange(2, 3))
    assert second.note == "pages 2-3 of 3"
    with pytest.raises(MediaError, match="only 3 pages"):
        load_attachment(pdf, page_range=PageRange(5, 6))
    long_pdf = write_pdf(tmp_path / "long.pdf", pages=70, size=(100, 140))
    with pytest.raises(MediaError, match="at most 60 pages"):
        load_attachment(long_pdf, page_range=PageRange(1, 70))


@pytest.mark.parametrize(("text", "expected"), [("5", (5, 5)), ("3-12", (3, 12)), (" 2 – 4 ", (2, 4))])
def test_page_range_parsing(text: str, expected: tuple[int, int]) -> None:
    pages = PageRange.parse(text)
    assert (pages.first, pages.last) == expected


@pytest.mark.parametrize("text", ["", "a-b", "0-3", "5-2", "1-2-3"])
def test_bad_page_ranges(text: str) -> None:
    with pytest.raises(ValueError, match="page range"):
        PageRange.parse(text)


def test_video_frames_are_sampled_evenly(tmp_path: Path) -> None:
    video = write_mp4(tmp_path / "clip.mp4", frames=40, fps=10.0)
    attachment = load_attachment(video, video_frames=5)
    assert attachment.kind == "video"
    assert attachment.note == "5 frames of 4.0 s"
    (part,) = attachment.parts(128)
    assert isinstance(part, VideoPart)
    assert part.path == str(video)
    assert len(part.frames) == 5
    # the red square moves right: its position grows frame by frame
    positions = []
    for frame in attachment.images:
        with Image.open(io.BytesIO(frame.data)) as image:
            row = image.convert("RGB").crop((0, 120, 320, 121))
            xs = [x for x, px in enumerate(row.get_flattened_data()) if px[0] > 150 and px[1] < 100]
            positions.append(xs[0])
    assert positions == sorted(positions)
    assert positions[-1] - positions[0] > 200


def test_text_and_code_files_are_sent_as_text(tmp_path: Path) -> None:
    attachment = load_attachment(write_text(tmp_path / "main.rs", 'fn main() {\n    println!("你好");\n}\n'))
    assert attachment.kind == "text"
    (part,) = attachment.parts(256)
    assert isinstance(part, TextPart)
    assert "main.rs" in part.text
    assert 'println!("你好")' in part.text


def test_type_comes_from_content_not_the_name(tmp_path: Path) -> None:
    real_png = write_png(tmp_path / "real.png").read_bytes()
    renamed = tmp_path / "actually_png.pdf"
    renamed.write_bytes(real_png)
    assert load_attachment(renamed).kind == "image"
    pdf_as_txt = tmp_path / "report.txt"
    pdf_as_txt.write_bytes(write_pdf(tmp_path / "r.pdf").read_bytes())
    assert load_attachment(pdf_as_txt).kind == "pdf"
    assert sniff(b"BMW is a car brand, and this is text")[0] == "text"


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    png = write_png(tmp_path / "ok.png").read_bytes()
    pdf = write_pdf(tmp_path / "ok.pdf").read_bytes()
    mp4 = write_mp4(tmp_path / "ok.mp4").read_bytes()
    cases: dict[str, tuple[bytes, str]] = {
        "truncated.png": (png[: len(png) // 2], "damaged or truncated"),
        "garbage.jpg": (b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4, "damaged or truncated"),
        "truncated.pdf": (pdf[: len(pdf) // 3], "damaged or truncated"),
        "truncated.mp4": (mp4[:1000], "cannot be opened"),
        "random.mkv": (b"\x1a\x45\xdf\xa3" + bytes(200), "cannot be opened"),
        "empty.png": (b"", "empty (0 bytes)"),
        "lying.mp4": (b"hello, I am text\n", "contains plain text"),
        "binary.png": (bytes(range(256)) * 8, "not a valid PNG"),
        "latin1.txt": ("naïve café".encode("latin-1"), "not UTF-8"),
        "blob.bin": (bytes(range(256)) * 8, "unsupported file type"),
    }
    result: dict[str, tuple[Path, str]] = {}
    for name, (content, reason) in cases.items():
        path = tmp_path / name
        path.write_bytes(content)
        result[name] = (path, reason)
    result["locked.pdf"] = (write_encrypted_pdf(tmp_path / "locked.pdf"), "password-protected")
    result["huge.png"] = (write_huge_png(tmp_path / "huge.png"), "too large")
    (tmp_path / "folder").mkdir()
    result["folder"] = (tmp_path / "folder", "folder")
    (tmp_path / "broken.png").symlink_to(tmp_path / "missing-target.png")
    result["broken.png"] = (tmp_path / "broken.png", "does not exist")
    return result


def test_every_bad_input_is_a_media_error_naming_the_file_and_reason(tmp_path: Path) -> None:
    for name, (path, reason) in _bad_inputs(tmp_path).items():
        with pytest.raises(MediaError) as caught:
            load_attachment(path)
        assert caught.value.message.startswith(f"{name}:"), caught.value.message
        assert reason in caught.value.message, (name, caught.value.message)
        assert caught.value.fix


def test_size_limits_are_checked_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = write_text(tmp_path / "log.txt", "line\n" * 1000)
    monkeypatch.setitem(documents.MAX_BYTES, "text", 1000)
    with pytest.raises(MediaError, match=r"log\.txt: the file is too large"):
        load_attachment(text)


def _pptx(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("ppt/presentation.xml", "<presentation/>")
    return path


def test_slides_without_libreoffice_say_what_to_install(tmp_path: Path) -> None:
    slides = _pptx(tmp_path / "deck.pptx")
    with pytest.raises(MediaError) as caught:
        load_attachment(slides, which=lambda _name: None)
    assert caught.value.message.startswith("deck.pptx: PowerPoint files are converted with LibreOffice, which is not installed")
    assert caught.value.fix is not None
    assert "Install LibreOffice" in caught.value.fix
    # an ODF text document is recognised by its content, even with the wrong extension
    odt = tmp_path / "letter.docx"
    with zipfile.ZipFile(odt, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<doc/>")
    with pytest.raises(MediaError, match="OpenDocument files are converted with LibreOffice"):
        load_attachment(odt, which=lambda _name: None)


def test_slides_are_converted_by_a_libreoffice_compatible_program(tmp_path: Path) -> None:
    """A stand-in 'soffice' (a real program on disk) that writes a 2-page PDF where LibreOffice would."""
    fake = tmp_path / "bin" / "soffice"
    fake.parent.mkdir()
    pdf = write_pdf(tmp_path / "converted.pdf", pages=2)
    fake.write_text(
        "#!/bin/sh\n"
        "# arguments: -env:... --headless --norestore --convert-to pdf --outdir DIR FILE\n"
        'for last; do :; done\noutdir=""\nwhile [ $# -gt 0 ]; do [ "$1" = "--outdir" ] && outdir="$2"; shift; done\n'
        f'cp "{pdf}" "$outdir/input.pdf"\n'
    )
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    slides = _pptx(tmp_path / "deck.pptx")
    attachment = load_attachment(slides, which=lambda name: str(fake) if name == "soffice" else None)
    assert attachment.kind == "document"
    assert attachment.name == "deck.pptx"
    assert attachment.note == "2 slides"
    assert len(attachment.images) == 2
    # a converter that produces nothing: a clear message
    fake.write_text("#!/bin/sh\nexit 1\n")
    with pytest.raises(MediaError, match=r"deck\.pptx: LibreOffice could not convert it"):
        load_attachment(slides, which=lambda name: str(fake) if name == "soffice" else None)
