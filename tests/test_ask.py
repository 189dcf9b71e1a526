"""``desktop-helper ask``: the pure run_ask, the CLI on the tiny model, screen capture, forwarding."""

from __future__ import annotations

import argparse
import io
import json
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from desktop_helper import ask, ipc
from desktop_helper.__main__ import build_parser
from desktop_helper.backends.scripted import ScriptedBackend
from desktop_helper.core.errors import UserError
from desktop_helper.core.geometry import CaptureGeometry, Monitor, Rect
from desktop_helper.core.types import ImagePart
from desktop_helper.settings.paths import app_paths
from tests.fixtures.tiny_model import TinyModel

BOXED = "<think>It is near the top.</think>The button: <|begin_of_box|>[100,200,300,400]<|end_of_box|>"


def _png_file(path: Path, size: tuple[int, int] = (400, 300)) -> Path:
    Image.new("RGB", size, (0, 120, 255)).save(path)
    return path


def _args(*argv: str) -> argparse.Namespace:
    return build_parser().parse_args(["ask", *argv])


def test_run_ask_maps_boxes_to_image_and_screen() -> None:
    monitor = Monitor(2, "HDMI-1", Rect(1920, 0, 2560, 1440), 1.0)
    geometry = CaptureGeometry(monitor, Rect(2000, 100, 1000, 500))
    image = ImagePart(b"png", "image/png", 1000, 500, geometry=geometry)
    backend = ScriptedBackend([BOXED])
    pieces: list[str] = []
    result = ask.run_ask(backend, "Where is the button?", [image], on_answer=pieces.append)
    assert result.answer.startswith("The button:")
    assert "".join(pieces).strip() == result.answer
    assert result.thinking == "It is near the top."
    assert len(result.boxes) == 1
    box = result.boxes[0]
    assert box.normalized == (100, 200, 300, 400)
    assert box.image == (100.0, 100.0, 300.0, 200.0)
    # 0..1000 of a 1000x500 capture at (2000, 100) on the second monitor
    assert box.screen == (2100.0, 200.0, 2300.0, 300.0)
    data = result.to_dict()
    assert data["boxes"][0]["screen"] == [2100.0, 200.0, 2300.0, 300.0]
    assert data["finish_reason"] == "stop"
    json.dumps(data)


def test_cli_answers_with_the_tiny_model_as_json(tmp_path: Path, tiny_glm4v: TinyModel) -> None:
    image = _png_file(tmp_path / "shot.png")
    out, err = io.StringIO(), io.StringIO()
    args = _args(
        "What", "is", "this?", "--image", str(image), "--model", str(tiny_glm4v.model), "--mmproj", str(tiny_glm4v.mmproj),
        "--json", "--max-tokens", "5", "--image-budget", "64", "--no-think",
    )  # fmt: skip
    code = ask.main(args, app_paths(), out=out, err=err)
    assert code == 0, err.getvalue()
    data = json.loads(out.getvalue())
    assert data["backend"] == "local_gguf"
    assert data["error"] is None
    assert 0 < data["usage"]["completion_tokens"] <= 5
    assert 0 < data["usage"]["image_tokens"] <= 64
    assert data["images"][0]["name"] == "shot.png"
    assert data["timings"]["total_seconds"] > 0


def test_cli_streams_plain_text(tmp_path: Path, tiny_glm4v: TinyModel) -> None:
    out, err = io.StringIO(), io.StringIO()
    args = _args("Hello", "--model", str(tiny_glm4v.model), "--mmproj", str(tiny_glm4v.mmproj), "--max-tokens", "4")
    assert ask.main(args, app_paths(), out=out, err=err) == 0
    assert out.getvalue().endswith("\n")
    assert "[Model ready]" in err.getvalue()


def test_cli_reports_bad_model_with_a_fix(tmp_path: Path, tiny_glm4v: TinyModel) -> None:
    out, err = io.StringIO(), io.StringIO()
    args = _args("Hi", "--model", str(tmp_path / "missing.gguf"), "--mmproj", str(tiny_glm4v.mmproj), "--json")
    assert ask.main(args, app_paths(), out=out, err=err) == ask.EXIT_ERROR
    assert json.loads(out.getvalue())["error"].endswith("does not exist.")
    assert "Choose an existing GGUF file" in err.getvalue()


def test_cli_rejects_unreadable_images_and_bad_regions(tmp_path: Path, tiny_glm4v: TinyModel) -> None:
    bogus = tmp_path / "notes.png"
    bogus.write_text("not an image")
    err = io.StringIO()
    args = _args("Hi", "--image", str(bogus), "--model", str(tiny_glm4v.model), "--mmproj", str(tiny_glm4v.mmproj))
    assert ask.main(args, app_paths(), out=io.StringIO(), err=err) == ask.EXIT_ERROR
    assert "notes.png" in err.getvalue()
    with pytest.raises(UserError, match="X,Y,W,H"):
        ask.parse_region("10,20,30")


def test_screen_capture_has_geometry() -> None:
    # the session's Xvfb desktop is one 1920x1080 monitor
    part = ask.capture(monitor=1)
    assert (part.width, part.height) == (1920, 1080)
    assert part.geometry is not None
    assert part.geometry.rect.as_ints() == (0, 0, 1920, 1080)
    region = ask.capture(region=ask.parse_region("100,50,300,200"))
    assert (region.width, region.height) == (300, 200)
    assert region.geometry is not None
    assert region.geometry.normalized_to_physical(500, 500) == (250.0, 150.0)
    with Image.open(io.BytesIO(region.data)) as decoded:
        assert decoded.size == (300, 200)


def test_cli_screen_question_end_to_end(tiny_glm4v: TinyModel) -> None:
    out = io.StringIO()
    args = _args(
        "What is on screen?", "--screen", "1", "--model", str(tiny_glm4v.model), "--mmproj", str(tiny_glm4v.mmproj),
        "--json", "--max-tokens", "3", "--image-budget", "100",
    )  # fmt: skip
    assert ask.main(args, app_paths(), out=out, err=io.StringIO()) == 0
    data = json.loads(out.getvalue())
    assert data["images"][0]["capture"] == [0, 0, 1920, 1080]
    assert data["usage"]["image_tokens"] <= 100


@pytest.fixture
def fake_app(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[list[dict[str, object]]]:
    """A listener on the running app's socket that answers a forwarded ask (or says it cannot)."""
    knows_ask = getattr(request, "param", True)
    paths = app_paths()
    name = ipc.server_name(paths)
    received: list[dict[str, object]] = []
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(name)
    listener.listen(1)

    def serve() -> None:
        connection, _ = listener.accept()
        with connection:
            data = b""
            while not data.endswith(b"\n"):
                data += connection.recv(65536)
            received.append(json.loads(data))
            if knows_ask:
                connection.sendall(ipc.encode({"type": "output", "text": "answer from the running app"}))
                connection.sendall(ipc.encode({"type": "exit", "code": 0}))
            else:
                connection.sendall(ipc.encode({"type": "output", "text": "The command 'ask' is not available in this version."}))
                connection.sendall(ipc.encode({"type": "exit", "code": 2}))

    thread = threading.Thread(target=serve)
    thread.start()
    try:
        yield received
    finally:
        thread.join(timeout=10)
        listener.close()
        Path(name).unlink(missing_ok=True)


def test_forwards_to_the_running_app(tmp_path: Path, fake_app: list[dict[str, object]]) -> None:
    image = _png_file(tmp_path / "a.png")
    out = io.StringIO()
    code = ask.main(_args("What", "now?", "--image", str(image), "--json"), app_paths(), out=out, err=io.StringIO())
    assert code == 0
    assert out.getvalue() == "answer from the running app\n"
    argv = fake_app[0]["argv"]
    assert argv == ["ask", "What", "now?", "--image", str(image.absolute()), "--json", "--no-forward"]


def test_without_app_or_model_says_what_to_do() -> None:
    err = io.StringIO()
    code = ask.main(_args("Hi", "--backend", "local_gguf"), app_paths(), out=io.StringIO(), err=err)
    assert code == ask.EXIT_ERROR
    assert "--model" in err.getvalue()


def test_a_base_url_alone_asks_that_server() -> None:
    # --base-url names a server; it must not be ignored for the settings' local model ("No local model is set")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        dead_port = probe.getsockname()[1]
    err = io.StringIO()
    argv = ("Hi?", "--no-forward", "--base-url", f"http://127.0.0.1:{dead_port}/v1", "--api-model", "glm-4.6v")
    code = ask.main(_args(*argv), app_paths(), out=io.StringIO(), err=err)
    assert code == ask.EXIT_ERROR
    assert f"Nothing is listening at http://127.0.0.1:{dead_port}/v1" in err.getvalue()
    assert "No local model" not in err.getvalue()


@pytest.mark.parametrize("fake_app", [False], indirect=True)
def test_app_without_ask_support_falls_back_to_this_process(
    tiny_glm4v: TinyModel, fake_app: list[dict[str, object]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_helper.settings.store import Settings

    settings = Settings(app_paths().settings_file)
    settings.set("models.local_model_path", str(tiny_glm4v.model))
    settings.set("models.local_mmproj_path", str(tiny_glm4v.mmproj))
    out = io.StringIO()
    code = ask.main(_args("Hi", "--json", "--max-tokens", "2"), app_paths(), out=out, err=io.StringIO())
    assert code == 0
    assert fake_app[0]["argv"][0] == "ask"  # type: ignore[index]
    assert json.loads(out.getvalue())["backend"] == "local_gguf"


def test_a_pdf_given_as_image_gets_a_fix_that_does_not_contradict_it(tmp_path: Path, tiny_glm4v: TinyModel) -> None:
    """Found using the app: ``ask --image spec.pdf`` said "this is a PDF, not an image" and then
    "Attach images (...), videos (...), PDF, PPTX/DOCX/ODP/ODT, or text files"."""
    from tests.fixtures.chat_files import write_pdf

    pdf = write_pdf(tmp_path / "spec.pdf", pages=1)
    err = io.StringIO()
    args = _args("Hi", "--image", str(pdf), "--model", str(tiny_glm4v.model), "--mmproj", str(tiny_glm4v.mmproj))
    assert ask.main(args, app_paths(), out=io.StringIO(), err=err) == ask.EXIT_ERROR
    message = err.getvalue()
    assert "spec.pdf: this is a PDF, not an image." in message
    fix = message.split("not an image.", 1)[1]
    assert "PNG, JPEG" in fix
    assert "PDF" not in fix.split("chat")[0], message  # PDFs are offered only where they are taken: the chat
