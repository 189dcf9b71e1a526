"""Model manager logic: downloads from a real HTTP server on 127.0.0.1, GGUF headers, memory estimates.

The server serves the generated tiny model with HTTP Range support and can drop the connection
part-way, ignore Range, redirect like Hugging Face (with ``X-Linked-Etag``), or answer 404, so the
downloader's resume, retry, verification and error paths all run against real sockets.
"""

from __future__ import annotations

import hashlib
import http.server
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from desktop_helper.backends.base import CancelToken
from desktop_helper.core.errors import BackendError, CancelledError
from desktop_helper.models.catalog import (
    GLM46V_FLASH_SHAPE,
    KNOWN_MODELS,
    KnownModel,
    RemoteFile,
    installed_models,
    known_model,
)
from desktop_helper.models.download import DownloadError, DownloadProgress, download_file, part_path
from desktop_helper.models.gguf_info import read_gguf_info
from desktop_helper.models.manager import check_local_pair, download_known_model, needs_welcome, offer
from desktop_helper.models.memory import GIB, estimate_for_hint, estimate_for_pair
from desktop_helper.models.pair import check_pair
from desktop_helper.settings.store import Settings
from tests.fixtures.tiny_model import TinyModel


@dataclass
class ServerState:
    data: bytes = b""
    #: for the first N requests, close the connection after this many body bytes
    drop_after: int | None = None
    drops_left: int = 0
    ignore_range: bool = False
    linked_etag: str | None = None
    #: file name -> content, for paths ending in that name (else ``data``)
    files: dict[str, bytes] = field(default_factory=dict)
    requests: list[dict[str, str | None]] = field(default_factory=list)


class _Handler(http.server.BaseHTTPRequestHandler):
    state: ServerState

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - BaseHTTPRequestHandler's name
        pass

    def do_GET(self) -> None:
        state = self.server.state  # type: ignore[attr-defined]
        state.requests.append({"path": self.path, "range": self.headers.get("Range")})
        if "/resolve/" in self.path:
            self.send_response(302)
            self.send_header("Location", "/cdn/" + self.path.rsplit("/", 1)[1])
            if state.linked_etag:
                self.send_header("X-Linked-Etag", f'"{state.linked_etag}"')
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if not self.path.startswith(("/file/", "/cdn/")):
            self.send_error(404)
            return
        data = next((content for name, content in state.files.items() if self.path.endswith("/" + name)), state.data)
        start = 0
        ranged = self.headers.get("Range")
        if ranged and not state.ignore_range:
            start = int(ranged.removeprefix("bytes=").split("-")[0])
            if start >= len(data):
                self.send_response(416)
                self.send_header("Content-Range", f"bytes */{len(data)}")
                self.end_headers()
                return
            self.send_response(206)
            self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
        else:
            self.send_response(200)
        body = data[start:]
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if state.drops_left > 0 and state.drop_after is not None:
            state.drops_left -= 1
            self.wfile.write(body[: state.drop_after])
            self.wfile.flush()
            # an abrupt end: the client sees fewer bytes than Content-Length
            self.close_connection = True
            return
        self.wfile.write(body)


@pytest.fixture
def server(tiny_glm4v: TinyModel) -> Iterator[tuple[str, ServerState]]:
    state = ServerState(data=tiny_glm4v.model.read_bytes())
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.state = state  # type: ignore[attr-defined]
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", state
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_download_verifies_and_reports_progress(tmp_path: Path, server: tuple[str, ServerState]) -> None:
    base, state = server
    seen: list[DownloadProgress] = []
    target = tmp_path / "models" / "m.gguf"
    result = download_file(
        f"{base}/file/m.gguf",
        target,
        expected_size=len(state.data),
        expected_sha256=_sha(state.data),
        progress=seen.append,
        chunk_size=16 * 1024,
        disk_margin=0,
    )
    assert result == target
    assert target.read_bytes() == state.data
    assert not part_path(target).exists()
    assert seen[-1].phase == "done"
    assert seen[-1].fraction == 1.0
    assert [p.done for p in seen] == sorted(p.done for p in seen)


def test_interrupted_download_resumes_with_range(tmp_path: Path, server: tuple[str, ServerState]) -> None:
    base, state = server
    cut = len(state.data) * 2 // 5
    state.drop_after, state.drops_left = cut, 1
    target = tmp_path / "m.gguf"
    url = f"{base}/file/m.gguf"
    with pytest.raises(DownloadError, match="interrupted") as caught:
        download_file(url, target, expected_size=len(state.data), retries=0, chunk_size=8192, disk_margin=0)
    assert "resume" in (caught.value.fix or "")
    assert part_path(target).stat().st_size == cut
    assert not target.exists()
    seen: list[DownloadProgress] = []
    download_file(
        url, target, expected_size=len(state.data), expected_sha256=_sha(state.data), progress=seen.append, disk_margin=0
    )
    assert target.read_bytes() == state.data
    assert state.requests[-1]["range"] == f"bytes={cut}-"
    assert seen[0].resumed_from == cut
    assert seen[0].phase == "checking"


def test_lost_connection_is_retried_automatically(tmp_path: Path, server: tuple[str, ServerState]) -> None:
    base, state = server
    state.drop_after, state.drops_left = 50_000, 2
    target = tmp_path / "m.gguf"
    download_file(f"{base}/file/m.gguf", target, expected_sha256=_sha(state.data), retries=3, retry_delay=0.01, disk_margin=0)
    assert target.read_bytes() == state.data
    assert [r["range"] for r in state.requests] == [None, "bytes=50000-", "bytes=100000-"]


def test_cancel_keeps_the_part_for_later(tmp_path: Path, server: tuple[str, ServerState]) -> None:
    base, state = server
    cancel = CancelToken()
    target = tmp_path / "m.gguf"

    def stop_soon(progress: DownloadProgress) -> None:
        if progress.done > 0:
            cancel.cancel()

    with pytest.raises(CancelledError):
        download_file(f"{base}/file/m.gguf", target, progress=stop_soon, cancel=cancel, chunk_size=4096, disk_margin=0)
    kept = part_path(target).stat().st_size
    assert 0 < kept < len(state.data)
    download_file(f"{base}/file/m.gguf", target, expected_sha256=_sha(state.data), disk_margin=0)
    assert target.read_bytes() == state.data
    assert state.requests[-1]["range"] == f"bytes={kept}-"


def test_wrong_hash_deletes_the_damaged_file(tmp_path: Path, server: tuple[str, ServerState]) -> None:
    base, _state = server
    target = tmp_path / "m.gguf"
    with pytest.raises(DownloadError, match="damaged"):
        download_file(f"{base}/file/m.gguf", target, expected_sha256="0" * 64, disk_margin=0)
    assert not target.exists()
    assert not part_path(target).exists()


@pytest.mark.parametrize("good", [True, False])
def test_hash_from_a_hugging_face_style_redirect(tmp_path: Path, server: tuple[str, ServerState], good: bool) -> None:
    base, state = server
    state.linked_etag = _sha(state.data) if good else "f" * 64
    target = tmp_path / "m.gguf"
    if good:
        download_file(f"{base}/resolve/m.gguf", target, disk_margin=0)
        assert target.read_bytes() == state.data
    else:
        with pytest.raises(DownloadError, match="damaged"):
            download_file(f"{base}/resolve/m.gguf", target, disk_margin=0)
    assert [r["path"] for r in state.requests] == ["/resolve/m.gguf", "/cdn/m.gguf"]


def test_server_ignoring_range_restarts_cleanly(tmp_path: Path, server: tuple[str, ServerState]) -> None:
    base, state = server
    target = tmp_path / "m.gguf"
    part_path(target).write_bytes(state.data[:1000])
    state.ignore_range = True
    download_file(f"{base}/file/m.gguf", target, expected_sha256=_sha(state.data), disk_margin=0)
    assert target.read_bytes() == state.data


def test_size_mismatch_and_missing_file_and_full_disk(tmp_path: Path, server: tuple[str, ServerState]) -> None:
    base, state = server
    with pytest.raises(DownloadError, match="were expected"):
        download_file(f"{base}/file/m.gguf", tmp_path / "a.gguf", expected_size=len(state.data) + 1, disk_margin=0)
    with pytest.raises(DownloadError, match="HTTP 404"):
        download_file(f"{base}/missing.gguf", tmp_path / "b.gguf", disk_margin=0)
    with pytest.raises(DownloadError, match="Not enough disk space") as caught:
        download_file(f"{base}/file/m.gguf", tmp_path / "c.gguf", disk_margin=10**18)
    assert "Free some disk space" in (caught.value.fix or "")
    assert not part_path(tmp_path / "c.gguf").exists()


def test_unreachable_server_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DownloadError, match="interrupted"):
        download_file(
            "http://127.0.0.1:9/nothing.gguf", tmp_path / "x.gguf", retries=1, retry_delay=0.01, timeout=2, disk_margin=0
        )


# ---------------------------------------------------------------------- headers, pairs, memory


def test_gguf_header_of_the_tiny_model(tiny_glm4v: TinyModel) -> None:
    info = read_gguf_info(tiny_glm4v.model)
    assert info.architecture == "glm4"
    assert info.get("tokenizer.ggml.pre") == "glm4"
    assert info.arch_value("rope.dimension_sections") == [1, 1, 2, 0]
    assert info.array_lengths["tokenizer.ggml.tokens"] > 256
    # the tensor table accounts for every byte of the file
    assert info.expected_size == info.file_size
    assert not info.is_truncated
    mmproj = read_gguf_info(tiny_glm4v.mmproj)
    assert mmproj.is_projector
    assert mmproj.projector_type == "glm4v"
    assert mmproj.expected_size == mmproj.file_size


def test_pair_check_reads_the_shapes(tiny_glm4v: TinyModel) -> None:
    pair = check_pair(tiny_glm4v.model, tiny_glm4v.mmproj)
    assert pair.text.has_mrope
    assert pair.text.n_layer == 2
    assert pair.vision is not None
    assert pair.vision.projection_dim == pair.text.n_embd
    with pytest.raises(BackendError, match="does not exist"):
        check_pair(tiny_glm4v.model.with_name("missing.gguf"), tiny_glm4v.mmproj)


def test_memory_estimate_for_glm46v_flash() -> None:
    entry = known_model("glm-4.6v-flash-q4_k_m")
    assert entry.download_size == 6_166_577_888 + 980_055_680
    roomy = estimate_for_hint(
        GLM46V_FLASH_SHAPE,
        entry.download_size or 0,
        context_size=16384,
        image_tokens=1024,
        flash_attention=True,
        available=64 * GIB,
    )
    # weights + a 16k f16 KV cache (40 layers x 2 KV heads x 128) + compute buffers
    assert roomy.weights == entry.download_size
    assert roomy.kv_cache == 2 * 40 * 16384 * 2 * 128 * 2
    assert 7 * GIB < roomy.total < 9 * GIB
    assert roomy.fits is True
    assert roomy.warning() is None
    tight = estimate_for_hint(
        GLM46V_FLASH_SHAPE,
        entry.download_size or 0,
        context_size=131072,
        image_tokens=4096,
        flash_attention=False,
        available=8 * GIB,
    )
    assert tight.fits is False
    assert "smaller" in (tight.warning() or "")
    assert tight.vision > roomy.vision
    assert tight.notes


def test_memory_estimate_from_files(tiny_glm4v: TinyModel) -> None:
    pair = check_pair(tiny_glm4v.model, tiny_glm4v.mmproj)
    estimate = estimate_for_pair(pair, context_size=4096, image_tokens=256, flash_attention=True)
    assert estimate.weights == tiny_glm4v.model.stat().st_size + tiny_glm4v.mmproj.stat().st_size
    assert estimate.kv_cache == 2 * 2 * 4096 * 2 * 16 * 2
    assert estimate.fits is None


def test_catalog_and_installed_models(tmp_path: Path) -> None:
    assert any(m.recommended for m in KNOWN_MODELS)
    for entry in KNOWN_MODELS:
        assert entry.model.url.startswith("https://huggingface.co/")
        assert entry.mmproj.filename.startswith("mmproj-")
    assert installed_models(tmp_path) == []
    entry = KNOWN_MODELS[0]
    model, mmproj = entry.local_paths(tmp_path)
    model.parent.mkdir(parents=True)
    model.write_bytes(b"x")
    assert installed_models(tmp_path) == []
    mmproj.write_bytes(b"y")
    assert installed_models(tmp_path) == [(entry, model, mmproj)]


# ---------------------------------------------------------------------- the welcome page's logic


def test_download_known_model_pair_with_progress_and_resume(
    tmp_path: Path, server: tuple[str, ServerState], tiny_glm4v: TinyModel
) -> None:
    base, state = server
    model_bytes, mmproj_bytes = tiny_glm4v.model.read_bytes(), tiny_glm4v.mmproj.read_bytes()
    state.files = {"m.gguf": model_bytes, "mmproj-m.gguf": mmproj_bytes}
    entry = KnownModel(
        id="tiny",
        title="Tiny",
        description="test",
        model=RemoteFile("org/repo", "m.gguf", len(model_bytes), size_exact=True, sha256=_sha(model_bytes)),
        mmproj=RemoteFile("org/repo", "mmproj-m.gguf", len(mmproj_bytes), size_exact=True),
        shape=GLM46V_FLASH_SHAPE,
    )
    models_dir = tmp_path / "models"
    # a part of the model is already on disk from an earlier, interrupted attempt
    reports: list[tuple[float | None, str]] = []
    first_model, _ = entry.local_paths(models_dir)
    first_model.parent.mkdir(parents=True)
    part_path(first_model).write_bytes(model_bytes[:100_000])
    model, mmproj = download_known_model(entry, models_dir, progress=lambda f, t: reports.append((f, t)), endpoint=base)
    assert model.read_bytes() == model_bytes
    assert mmproj.read_bytes() == mmproj_bytes
    assert reports[-1] == (1.0, "Tiny is ready")
    fractions = [f for f, _ in reports if f is not None]
    assert fractions == sorted(fractions)
    # the model resumed from its part; requests went through the Hugging Face style redirect
    assert {"path": "/org/repo/resolve/main/m.gguf", "range": "bytes=100000-"} in state.requests
    check_local_pair(model, mmproj)
    # a second call finds both files and fetches nothing
    before = len(state.requests)
    download_known_model(entry, models_dir, endpoint=base)
    assert len(state.requests) == before


def test_welcome_offer_and_first_start(tmp_path: Path) -> None:
    offers = offer(tmp_path / "models")
    assert [o.model.id for o in offers] == [m.id for m in KNOWN_MODELS]
    recommended = offers[0]
    assert recommended.download_bytes == 6_166_577_888 + 980_055_680
    assert recommended.already_downloaded == 0
    assert recommended.memory.total > recommended.download_bytes
    assert "GB" in recommended.summary()

    # the real settings store: a misspelt key would raise here instead of reading as unset
    settings = Settings(tmp_path / "settings.json")
    assert needs_welcome(settings, tmp_path)
    settings.set("models.providers", [{"name": "zai"}])
    assert not needs_welcome(settings, tmp_path)
    settings.set("models.providers", [])
    model, mmproj = tmp_path / "a.gguf", tmp_path / "b.gguf"
    model.write_bytes(b"x")
    mmproj.write_bytes(b"y")
    settings.set("models.local_model_path", str(model))
    settings.set("models.local_mmproj_path", str(mmproj))
    assert not needs_welcome(settings, tmp_path)
