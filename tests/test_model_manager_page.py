"""The welcome / model page: offers, a real download from a 127.0.0.1 server, picking files, cancelling."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QPushButton

from desktop_helper.models import catalog
from desktop_helper.models.catalog import GLM46V_FLASH_SHAPE, KnownModel, RemoteFile
from desktop_helper.ui.model_manager_page import ModelManagerPage
from tests.fixtures.tiny_model import TinyModel
from tests.test_model_manager import ServerState, server  # noqa: F401 - the HTTP server fixture

pytestmark = pytest.mark.gui


def _tiny_entry(tiny: TinyModel) -> KnownModel:
    return KnownModel(
        id="tiny",
        title="Tiny GLM",
        description="test model",
        model=RemoteFile("org/repo", "m.gguf", tiny.model.stat().st_size, size_exact=True),
        mmproj=RemoteFile("org/repo", "mmproj-m.gguf", tiny.mmproj.stat().st_size, size_exact=True),
        shape=GLM46V_FLASH_SHAPE,
        recommended=True,
    )


def test_page_lists_the_known_models(qtbot: Any, tmp_path: Path) -> None:
    page = ModelManagerPage(tmp_path / "models")
    qtbot.addWidget(page)
    texts = [b.text() for b in page.findChildren(QPushButton)]
    assert texts.count("Download") == len(catalog.KNOWN_MODELS)
    assert "Use GGUF files I already have…" in texts
    with qtbot.waitSignal(page.api_provider_requested, timeout=1000):
        next(b for b in page.findChildren(QPushButton) if b.text().startswith("Set up an API")).click()
    page.shutdown()


def test_download_then_choose(
    qtbot: Any,
    tmp_path: Path,
    tiny_glm4v: TinyModel,
    server: tuple[str, ServerState],  # noqa: F811 - the imported fixture
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    base, state = server
    state.files = {"m.gguf": tiny_glm4v.model.read_bytes(), "mmproj-m.gguf": tiny_glm4v.mmproj.read_bytes()}
    entry = _tiny_entry(tiny_glm4v)
    monkeypatch.setattr("desktop_helper.models.manager.KNOWN_MODELS", (entry,))
    monkeypatch.setenv("HF_ENDPOINT", base)
    page = ModelManagerPage(tmp_path / "models")
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.model_chosen, timeout=30000) as chosen:
        page.start_download(entry)
    model, mmproj = chosen.args
    assert Path(model).read_bytes() == tiny_glm4v.model.read_bytes()
    assert Path(mmproj).read_bytes() == tiny_glm4v.mmproj.read_bytes()
    assert "is ready" in page.status.text()
    assert not page.progress.isVisible()
    page.shutdown()


def test_pick_existing_files(qtbot: Any, tmp_path: Path, tiny_glm4v: TinyModel, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = iter([(str(tiny_glm4v.model), ""), (str(tiny_glm4v.mmproj), "")])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: next(answers)))
    page = ModelManagerPage(tmp_path / "models")
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.model_chosen, timeout=1000) as chosen:
        page.pick_files()
    assert chosen.args == [str(tiny_glm4v.model), str(tiny_glm4v.mmproj)]
    # swapped files are refused with the reason and nothing is chosen
    answers = iter([(str(tiny_glm4v.mmproj), ""), (str(tiny_glm4v.model), "")])
    with qtbot.assertNotEmitted(page.model_chosen):
        page.pick_files()
    assert "vision projector" in page.status.text()
    page.shutdown()


def test_cancel_keeps_a_resumable_part(
    qtbot: Any,
    tmp_path: Path,
    tiny_glm4v: TinyModel,
    server: tuple[str, ServerState],  # noqa: F811 - the imported fixture
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    base, state = server
    state.files = {"m.gguf": tiny_glm4v.model.read_bytes(), "mmproj-m.gguf": tiny_glm4v.mmproj.read_bytes()}
    # the connection drops part-way and never recovers within the retries
    state.drop_after, state.drops_left = 50_000, 100
    entry = _tiny_entry(tiny_glm4v)
    monkeypatch.setattr("desktop_helper.models.manager.KNOWN_MODELS", (entry,))
    monkeypatch.setenv("HF_ENDPOINT", base)
    page = ModelManagerPage(tmp_path / "models")
    qtbot.addWidget(page)
    page.start_download(entry)
    qtbot.waitUntil(lambda: "Downloading" in page.status.text() or "Checking" in page.status.text(), timeout=20000)
    page.cancel_download()
    qtbot.waitUntil(lambda: page._cancel is None, timeout=30000)
    assert "resume" in page.status.text().lower()
    page.shutdown()
