"""Bad image files for ``ask --image`` (in the CLI and forwarded to the running app), bad ``ask``
options, and recording faults (kill -9, a small disk): each gets a clear message and loses nothing.

Every file is real and cheap: a decompression bomb is a PNG whose header claims 30000x30000 px
over a few bytes of pixel data, a 64 MB text chunk is a sparse file, the FIFO is a real
``os.mkfifo``. The CLI runs under a 3 GB address-space limit, so a regression that reads
``/dev/zero`` fails with an error instead of eating the machine's memory.
"""

from __future__ import annotations

import io
import json
import os
import re
import resource
import signal
import struct
import subprocess
import sys
import time
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PIL import Image

from tests.harness.app_process import AppProcess
from tests.harness.xserver import XServer

MB = 1024 * 1024
CLI_TIMEOUT = 30


# ----------------------------------------------------------------- building bad files


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _png_header(width: int, height: int) -> bytes:
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))


def _claimed_size_png(path: Path, width: int, height: int) -> Path:
    """A PNG whose header claims ``width`` x ``height`` over a few bytes of pixel data (nothing is allocated)."""
    path.write_bytes(_png_header(width, height) + _chunk(b"IDAT", zlib.compress(b"\0" * 64)) + _chunk(b"IEND", b""))
    return path


def _valid_png(width: int = 64, height: int = 48) -> bytes:
    buffer = io.BytesIO()
    Image.effect_noise((width, height), 60).convert("RGB").save(buffer, format="PNG")
    return buffer.getvalue()


def _bomb(tmp: Path) -> Path:
    return _claimed_size_png(tmp / "bomb.png", 30000, 30000)


def _144_megapixels(tmp: Path) -> Path:
    # under Pillow's own bomb limit (179 Mpx), over the chat's 100 Mpx: the chat refused it, ask took it
    return _claimed_size_png(tmp / "huge.png", 12000, 12000)


def _huge_text_chunk(tmp: Path) -> Path:
    """A valid PNG with a 64 MB tEXt chunk, written sparse (the zeros take no disk)."""
    path = tmp / "text-chunk.png"
    size = 64 * MB + 100
    keyword = b"Comment\0"
    crc = zlib.crc32(b"tEXt" + keyword)
    block = bytes(MB)
    for _ in range((size - len(keyword)) // MB):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(bytes((size - len(keyword)) % MB), crc)
    with path.open("wb") as out:
        out.write(_png_header(64, 48))
        out.write(struct.pack(">I", size) + b"tEXt" + keyword)
        out.seek(size - len(keyword), os.SEEK_CUR)
        out.write(struct.pack(">I", crc))
        out.write(_chunk(b"IDAT", zlib.compress(b"\0" * (1 + 64 * 3) * 48)) + _chunk(b"IEND", b""))
    return path


def _compressed_text_bomb(tmp: Path) -> Path:
    """A 20 KB PNG whose zTXt chunk inflates to 20 MB (Pillow's text limit is 1 MB)."""
    path = tmp / "ztxt.png"
    text = b"Comment\0\0" + zlib.compress(b"A" * (20 * MB), 9)
    png = _valid_png()
    path.write_bytes(png[:33] + _chunk(b"zTXt", text) + png[33:])
    return path


def _dev_zero(tmp: Path) -> Path:
    return Path("/dev/zero")


def _fifo(tmp: Path) -> Path:
    path = tmp / "screen.png"
    os.mkfifo(path)
    return path


def _directory(tmp: Path) -> Path:
    path = tmp / "folder.png"
    path.mkdir()
    return path


def _missing(tmp: Path) -> Path:
    return tmp / "missing.png"


def _bad_crc(tmp: Path) -> Path:
    data = bytearray(_valid_png())
    data[29] ^= 0xFF  # the last byte of the IHDR chunk's CRC
    path = tmp / "bad-crc.png"
    path.write_bytes(bytes(data))
    return path


def _truncated(tmp: Path) -> Path:
    data = _valid_png(400, 300)
    path = tmp / "truncated.png"
    path.write_bytes(data[: len(data) // 2])
    return path


def _zero_bytes(tmp: Path) -> Path:
    path = tmp / "empty.png"
    path.write_bytes(b"")
    return path


def _text_named_png(tmp: Path) -> Path:
    path = tmp / "notes.png"
    path.write_text("not an image at all\n")
    return path


def _binary_named_png(tmp: Path) -> Path:
    path = tmp / "random.png"
    path.write_bytes(bytes(range(256)) * 40)
    return path


def _symlink_loop(tmp: Path) -> Path:
    (tmp / "a.png").symlink_to(tmp / "b.png")
    (tmp / "b.png").symlink_to(tmp / "a.png")
    return tmp / "a.png"


def _dangling_symlink(tmp: Path) -> Path:
    (tmp / "link.png").symlink_to(tmp / "gone.png")
    return tmp / "link.png"


def _just_over_50_mb(tmp: Path) -> Path:
    """A JPEG start and 50.3 MB in all (sparse): the size message must tell 50.3 MB from the 50 MB limit."""
    path = tmp / "big.jpg"
    with path.open("wb") as out:
        out.write(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
        out.truncate(int(50.3 * MB))
    return path


def _pdf_as_image(tmp: Path) -> Path:
    path = tmp / "paper.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    return path


#: id -> (make the file, what the message must say)
BAD_IMAGES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "decompression-bomb-30000x30000": (_bomb, "the image is too large (900 megapixels; the limit is 100 megapixels)"),
    "144-megapixels": (_144_megapixels, "12000x12000 px, 144 megapixels; the limit is 100 megapixels"),
    "64-MB-text-chunk": (_huge_text_chunk, "too large (64 MB; the limit for this kind of file is 50 MB)"),
    "zTXt-inflating-to-20-MB": (_compressed_text_bomb, "damaged or truncated"),
    "dev-zero": (_dev_zero, "zero: this is a device, not a normal file"),
    "fifo-named-png": (_fifo, "screen.png: this is a named pipe (FIFO), not a normal file"),
    "directory": (_directory, "folder.png: this is a folder, not a file"),
    "missing-file": (_missing, "missing.png: the file does not exist"),
    "bad-crc": (_bad_crc, "bad-crc.png: the image is damaged or truncated"),
    "truncated-png": (_truncated, "truncated.png: the image is damaged or truncated"),
    "zero-bytes": (_zero_bytes, "empty.png: the file is empty (0 bytes)"),
    "text-named-png": (_text_named_png, "notes.png: the name says PNG, but the file contains plain text"),
    "binary-named-png": (_binary_named_png, "random.png: the content is not a valid PNG file"),
    "symlink-loop": (_symlink_loop, "Too many levels of symbolic links"),
    "dangling-symlink": (_dangling_symlink, "link.png: the link points to a file that does not exist"),
    "50.3-MB-jpeg": (_just_over_50_mb, "too large (50.3 MB; the limit for this kind of file is 50 MB)"),
    "pdf-as-image": (_pdf_as_image, "paper.pdf: this is a PDF, not an image"),
}


# ----------------------------------------------------------------- running the CLI


def _limit_memory() -> None:
    # a regression that reads /dev/zero must fail, not take the machine's memory
    resource.setrlimit(resource.RLIMIT_AS, (3 * 1024 * MB, 3 * 1024 * MB))


def _cli(env: dict[str, str], *argv: str, timeout: float = CLI_TIMEOUT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop_helper", *argv],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        preexec_fn=_limit_memory,
    )


@pytest.fixture
def cli_env(tmp_path: Path, profile: Path) -> dict[str, str]:
    answer = tmp_path / "answer.txt"
    answer.write_text("A blue picture.")
    return dict(os.environ, DESKTOP_HELPER_HOME=str(profile), DESKTOP_HELPER_SCRIPTED_BACKEND=str(answer))


def _assert_clear(result: subprocess.CompletedProcess[str], expected: str) -> None:
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert expected in output, output
    assert "Traceback" not in output, output
    assert "BytesIO" not in output, output


def test_a_good_image_is_answered(cli_env: dict[str, str], tmp_path: Path) -> None:
    """The control: the checks below refuse bad files, not every file."""
    image = tmp_path / "good.png"
    image.write_bytes(_valid_png())
    result = _cli(cli_env, "ask", "what is it?", "--image", str(image), "--no-forward")
    assert result.returncode == 0, result.stderr
    assert "A blue picture." in result.stdout


@pytest.mark.parametrize("case", list(BAD_IMAGES))
def test_bad_input_ask_image_in_the_cli(case: str, cli_env: dict[str, str], tmp_path: Path) -> None:
    make, expected = BAD_IMAGES[case]
    path = make(tmp_path)
    started = time.monotonic()
    result = _cli(cli_env, "ask", "what is it?", "--image", str(path), "--no-forward")
    _assert_clear(result, expected)
    assert time.monotonic() - started < CLI_TIMEOUT / 2
    # --json: one JSON object with the error on stdout
    result = _cli(cli_env, "ask", "what is it?", "--image", str(path), "--no-forward", "--json")
    assert result.returncode != 0
    error = json.loads(result.stdout.strip().splitlines()[-1])
    assert expected in error["error"], error


@pytest.mark.parametrize(
    ("option", "value", "expected"),
    [
        ("--max-tokens", "-1", "argument --max-tokens: must be at least 1, not -1"),
        ("--max-tokens", "0", "argument --max-tokens: must be at least 1, not 0"),
        ("--image-budget", "-5", "argument --image-budget: must be at least 1, not -5"),
        ("--image-budget", "lots", "argument --image-budget: must be a whole number, not 'lots'"),
    ],
    ids=["max-tokens-minus-1", "max-tokens-0", "image-budget-minus-5", "image-budget-not-a-number"],
)
def test_bad_input_ask_option(option: str, value: str, expected: str, cli_env: dict[str, str], tmp_path: Path) -> None:
    image = tmp_path / "good.png"
    image.write_bytes(_valid_png())
    result = _cli(cli_env, "ask", "what is it?", "--image", str(image), option, value, "--no-forward")
    assert result.returncode == 2, result.stdout + result.stderr
    assert expected in result.stderr
    assert result.stdout == ""  # no empty "answer"


# ----------------------------------------------------------------- forwarded to the running app


@pytest.fixture(scope="module")
def running_app(x_server: XServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppProcess]:
    root = tmp_path_factory.mktemp("media-app")
    answer = root / "answer.txt"
    answer.write_text("A blue picture.")
    app = AppProcess(root / "profile", dict(x_server.env, DESKTOP_HELPER_SCRIPTED_BACKEND=str(answer)))
    try:
        app.wait_ready()
        x_server.wait_for(lambda: json.loads(app.cli("status").stdout)["model"]["ready"], "the app's model", timeout=60)
        yield app
        assert app.cli("quit").returncode == 0
        assert app.wait_exit() == 0
        assert "Traceback" not in app.log_text()
    finally:
        app.kill()


FORWARDED = ["decompression-bomb-30000x30000", "fifo-named-png", "dev-zero", "144-megapixels", "bad-crc"]


@pytest.mark.gui
@pytest.mark.slow
@pytest.mark.parametrize("case", FORWARDED)
def test_bad_input_ask_image_forwarded_to_the_app(case: str, running_app: AppProcess, tmp_path: Path) -> None:
    make, expected = BAD_IMAGES[case]
    path = make(tmp_path)
    result = _cli(running_app.env, "ask", "what is it?", "--image", str(path))
    _assert_clear(result, expected)
    result = _cli(running_app.env, "ask", "what is it?", "--image", str(path), "--json")
    assert result.returncode != 0
    error = json.loads(result.stdout.strip().splitlines()[-1])
    assert expected in error["error"], error
    # the app answered it, and is free for the next command right away
    assert "forwarded command: ['ask']" in running_app.log_text()
    status = running_app.cli("status", timeout=5)
    assert status.returncode == 0
    assert json.loads(status.stdout)["model"]["ready"]
    good = tmp_path / "good.png"
    good.write_bytes(_valid_png())
    answered = _cli(running_app.env, "ask", "what is it?", "--image", str(good))
    assert answered.returncode == 0, answered.stderr
    assert "A blue picture." in answered.stdout


# ----------------------------------------------------------------- recording faults


def _recordings_profile(root: Path, folder: Path) -> Path:
    profile = root / "profile"
    (profile / "config").mkdir(parents=True)
    values = {"capture.recordings_folder": str(folder)}
    (profile / "config" / "settings.json").write_text(json.dumps({"version": 1, "values": values}))
    return profile


def _seconds_playable(path: Path) -> float:
    import cv2

    capture = cv2.VideoCapture(str(path))
    try:
        assert capture.isOpened(), path
        fps = capture.get(cv2.CAP_PROP_FPS)
        frames = 0
        while capture.grab():
            frames += 1
    finally:
        capture.release()
    assert fps > 0
    return frames / fps


@pytest.mark.gui
@pytest.mark.slow
def test_fault_app_killed_5_s_into_a_recording_recovers_it_at_the_next_start(x_server: XServer, tmp_path: Path) -> None:
    folder = tmp_path / "videos"
    profile = _recordings_profile(tmp_path, folder)
    app = AppProcess(profile, x_server.env)
    try:
        app.wait_ready()
        assert app.cli("record", "start").returncode == 0
        # 5 s of frames written (a loaded machine drops some; what was written is what must survive)
        x_server.wait_for(lambda: json.loads(app.cli("status").stdout)["recording"]["frames"] >= 75, "5 s of frames", timeout=30)
        app.process.send_signal(signal.SIGKILL)
        app.process.wait(10)
    finally:
        app.kill()
    assert list(folder.glob("*.parts")), "the killed recording left its segments"

    app = AppProcess(profile, x_server.env)
    try:
        app.wait_ready()
        x_server.wait_for(lambda: "Recovered a recording interrupted at" in app.log_text(), "the recovery notice", timeout=30)
        notice = re.search(r"Recovered a recording interrupted at [\d: -]+ \([\d.]+ s\): (\S+\.mp4)", app.log_text())
        assert notice is not None, app.log_text()
        video = Path(notice.group(1))
        assert video.parent == folder
        assert _seconds_playable(video) >= 4.0
        assert not list(folder.glob("*.parts")), "the segments were joined and removed"
        assert app.cli("quit").returncode == 0
        assert app.wait_exit() == 0
    finally:
        app.kill()


KILLED_RECORDER = """
import sys, time
from pathlib import Path
import numpy as np
from desktop_helper.core.geometry import Rect
from desktop_helper.media.recording import Recorder
frames = [np.random.default_rng(i).integers(0, 255, (240, 320, 3), dtype=np.uint8) for i in range(8)]
counter = iter(range(10**9))
recorder = Recorder(lambda: frames[next(counter) % 8], Rect(0, 0, 320, 240), Path(sys.argv[1]), "killed", fps=15)
recorder.start()
print("started", flush=True)
time.sleep(float(sys.argv[2]))
print(recorder.status.frames_written, flush=True)
time.sleep(60)
"""


@pytest.mark.slow
def test_fault_recorder_killed_at_14_s_loses_about_a_second(tmp_path: Path) -> None:
    from desktop_helper.media.recording import recover_interrupted

    with subprocess.Popen(
        [sys.executable, "-c", KILLED_RECORDER, str(tmp_path), "14"], stdout=subprocess.PIPE, text=True
    ) as process:
        try:
            assert process.stdout is not None
            assert process.stdout.readline().strip() == "started"
            written = int(process.stdout.readline())
        finally:
            process.send_signal(signal.SIGKILL)
            process.wait(10)
    assert written >= 13 * 15 * 0.9, f"the machine was too slow to test this: {written} frames in 14 s"
    recovered = recover_interrupted(tmp_path)
    assert [r.path for r in recovered] == [tmp_path / "killed.mp4"]
    seconds = _seconds_playable(recovered[0].path)
    assert seconds >= written / 15 - 1.2, (seconds, written)
    assert recovered[0].seconds == pytest.approx(seconds, abs=0.1)
    assert abs(recovered[0].interrupted_at - time.time()) < 60


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 2 MB tmpfs (the test machine's CI runs as root in a container that allows it)."""
    folder = tmp_path / "small"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(folder)], capture_output=True, check=False)
    assert mounted.returncode == 0, f"cannot mount a tmpfs here: {mounted.stderr!r}"
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_fault_recording_on_a_nearly_full_disk_says_how_much_is_free_and_needed(small_disk: Path) -> None:
    import numpy as np

    from desktop_helper.core.errors import MediaError
    from desktop_helper.core.geometry import Rect
    from desktop_helper.media.recording import Recorder

    recorder = Recorder(lambda: np.zeros((240, 320, 3), np.uint8), Rect(0, 0, 320, 240), small_disk, "low")
    with pytest.raises(MediaError) as caught:
        recorder.start()
    message = caught.value.message
    assert re.search(r": [12]\.\d MB free, and a recording needs at least 100 MB\.", message), message
    assert "is full" not in message
    assert list(small_disk.iterdir()) == [], "nothing is left behind"


def test_fault_disk_filling_during_a_recording_stops_it_with_the_numbers_and_keeps_the_video(small_disk: Path) -> None:
    import numpy as np

    from desktop_helper.core.geometry import Rect
    from desktop_helper.media.recording import Recorder

    noise = [np.random.default_rng(i).integers(0, 255, (240, 320, 3), dtype=np.uint8) for i in range(4)]
    counter = iter(range(10**9))
    recorder = Recorder(lambda: noise[next(counter) % 4], Rect(0, 0, 320, 240), small_disk, "filling", fps=15, min_free_bytes=MB)
    recorder.start()
    status = recorder.wait(60)
    assert status.error is not None
    assert re.search(r"The disk is almost full \([01]\.\d MB free; a recording keeps at least 1\.0 MB free\)", status.error), (
        status.error
    )
    assert "What was recorded so far is kept" in status.error
    kept = [p for p in [status.path, *status.segments] if p is not None]
    assert kept, "the segments written before the disk filled are kept"
    assert sum(_seconds_playable(p) for p in kept) > 0
