"""The API providers settings page, driven like a user would (pytest-qt on the harness's X server)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_helper.settings.providers import load_providers
from desktop_helper.settings.secrets import SessionStore
from desktop_helper.settings.store import Settings
from desktop_helper.ui.providers_page import ProvidersPage
from desktop_helper.ui.settings_dialog import SettingsDialog
from tests.fixtures.servers import FakeOpenAIServer, LlamaServer, error_reply, text_reply

pytestmark = pytest.mark.gui

KEY = "sk-page-SECRET-987654321"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "settings.json")


@pytest.fixture
def store() -> SessionStore:
    return SessionStore()


@pytest.fixture
def page(qtbot: QtBot, settings: Settings, store: SessionStore) -> Iterator[ProvidersPage]:
    widget = ProvidersPage(settings, store)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget.shutdown()


def type_into(qtbot: QtBot, line_edit: object, text: str) -> None:
    line_edit.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(line_edit, text)
    qtbot.keyClick(line_edit, Qt.Key.Key_Return)


def add_custom(page: ProvidersPage, qtbot: QtBot, url: str, model: str = "test-model") -> None:
    page.add_provider("custom")
    type_into(qtbot, page.url_edit, url)
    page.model_combo.setCurrentText(model)


def test_add_provider_from_the_preset_menu(page: ProvidersPage, settings: Settings) -> None:
    labels = [action.text() for action in page.add_menu.actions()]
    assert "Z.ai (international)" in labels
    assert "Zhipu BigModel (mainland China)" in labels
    assert {"vLLM", "SGLang", "Ollama", "LM Studio", "llama.cpp server", "Custom server"} <= set(labels)
    zai = next(a for a in page.add_menu.actions() if a.text() == "Z.ai (international)")
    zai.trigger()
    assert page.provider_list.count() == 1
    assert page.url_edit.text() == "https://api.z.ai/api/paas/v4"
    offered = [page.model_combo.itemText(i) for i in range(page.model_combo.count())]
    assert offered == ["glm-4.6v-flash", "glm-4.6v", "glm-4.5v"]
    assert page.thinking_combo.currentData() == "zai"
    stored = settings.get("models.providers")
    assert stored == [{"name": "Z.ai (international)", "preset": "zai", "base_url": "https://api.z.ai/api/paas/v4"}]
    assert "No key yet" in page.key_status.text()
    assert "DESKTOP_HELPER_API_KEY_Z_AI_INTERNATIONAL" in page.key_status.text()
    # a second one of the same kind gets its own name
    zai.trigger()
    assert [p.name for p in load_providers(settings.get("models.providers"))] == [
        "Z.ai (international)",
        "Z.ai (international) 2",
    ]


def test_edits_are_saved_at_once(page: ProvidersPage, settings: Settings, qtbot: QtBot) -> None:
    page.add_provider("vllm")
    type_into(qtbot, page.url_edit, "http://gpu-box:8000/v1")
    page.model_combo.setCurrentText("zai-org/GLM-4.6V")
    page.special_tokens_check.setChecked(False)
    page.image_side_spin.setValue(4096)
    (provider,) = load_providers(settings.get("models.providers"))
    assert provider.base_url == "http://gpu-box:8000/v1"
    assert provider.model == "zai-org/GLM-4.6V"
    assert provider.keep_special_tokens is False
    assert provider.max_image_side == 4096
    # and they survive a restart of the app
    again = Settings(settings.path)
    (reloaded,) = load_providers(again.get("models.providers"))
    assert reloaded == provider


def test_key_is_stored_in_the_secret_store_and_never_in_settings(
    page: ProvidersPage, settings: Settings, store: SessionStore, qtbot: QtBot
) -> None:
    page.add_provider("zai")
    type_into(qtbot, page.key_edit, KEY)
    assert store.get("Z.ai (international)") == KEY
    assert page.key_edit.text() == ""
    assert store.location in page.key_status.text()
    assert "forgotten when the app quits" in page.key_status.text()
    assert settings.path is not None
    assert KEY not in settings.path.read_text()
    # renaming moves the key with the provider
    type_into(qtbot, page.name_edit, "My Z.ai")
    assert store.get("My Z.ai") == KEY
    assert store.get("Z.ai (international)") is None
    qtbot.mouseClick(page.forget_key_button, Qt.MouseButton.LeftButton)
    assert store.get("My Z.ai") is None
    assert "No key yet" in page.key_status.text()


def test_environment_variable_is_mentioned(page: ProvidersPage, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESKTOP_HELPER_API_KEY_VLLM", "from-env")
    page.add_provider("vllm")
    assert "DESKTOP_HELPER_API_KEY_VLLM is set and is used instead" in page.key_status.text()


def test_remove_and_use(page: ProvidersPage, settings: Settings, store: SessionStore) -> None:
    page.add_provider("ollama")
    page.add_provider("lmstudio")
    page.provider_list.setCurrentRow(0)
    page.use_button.click()
    assert settings.get("models.active_provider") == "Ollama"
    assert settings.get("models.backend") == "openai_compat"
    assert page.provider_list.item(0).text() == "Ollama  (in use)"
    store.set("Ollama", "k")
    page.provider_list.setCurrentRow(0)
    page.remove_button.click()
    assert [p.name for p in load_providers(settings.get("models.providers"))] == ["LM Studio"]
    assert settings.get("models.active_provider") == ""
    assert store.get("Ollama") is None


def test_model_list_from_the_server(page: ProvidersPage, fake_openai: FakeOpenAIServer, qtbot: QtBot) -> None:
    fake_openai.models = ["glm-4.6v", "glm-4.6v-flash", "other"]
    add_custom(page, qtbot, fake_openai.url, model="")
    with qtbot.waitSignal(page.models_listed, timeout=10_000):
        qtbot.mouseClick(page.refresh_models_button, Qt.MouseButton.LeftButton)
    assert [page.model_combo.itemText(i) for i in range(page.model_combo.count())] == fake_openai.models
    assert page.current is not None
    assert page.current.model == "glm-4.6v"
    assert "offers 3 models." in page.status.text()


def test_connection_test_reports_latency(
    page: ProvidersPage, fake_openai: FakeOpenAIServer, qtbot: QtBot, store: SessionStore
) -> None:
    fake_openai.script(text_reply("red ", "and ", "blue"))
    add_custom(page, qtbot, fake_openai.url)
    store.set(page.current.name if page.current else "", KEY)
    with qtbot.waitSignal(page.test_finished, timeout=15_000) as blocker:
        qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    report = blocker.args[0]
    assert report is not None
    assert report.ok
    text = page.test_result.text()
    assert text.startswith("OK: first answer after")
    assert "ms" in text
    assert "red and blue" in text
    request = fake_openai.chat_requests[0]
    assert request.headers["authorization"] == f"Bearer {KEY}"
    assert request.body["messages"][0]["content"][0]["type"] == "image_url"
    assert KEY not in text


def test_connection_test_reports_the_exact_failure(page: ProvidersPage, fake_openai: FakeOpenAIServer, qtbot: QtBot) -> None:
    fake_openai.script(error_reply(401, "invalid api key"))
    add_custom(page, qtbot, fake_openai.url)
    with qtbot.waitSignal(page.test_finished, timeout=15_000):
        qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    text = page.test_result.text()
    assert text.startswith("Failed:")
    assert "HTTP 401: invalid api key" in text
    assert "needs an API key" in text


def test_connection_test_without_a_needed_key(page: ProvidersPage, qtbot: QtBot) -> None:
    page.add_provider("zai")
    with qtbot.waitSignal(page.test_finished, timeout=5_000):
        qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    assert "No API key is set" in page.test_result.text()
    assert page.test_button.isEnabled()


@pytest.mark.model
@pytest.mark.slow
def test_connection_test_against_llama_cpp_server(page: ProvidersPage, llama_server: LlamaServer, qtbot: QtBot) -> None:
    page.add_provider("llamacpp")
    type_into(qtbot, page.url_edit, llama_server.url)
    with qtbot.waitSignal(page.models_listed, timeout=30_000):
        page.refresh_models()
    page.model_combo.setCurrentText(llama_server.model)
    with qtbot.waitSignal(page.test_finished, timeout=120_000):
        qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    assert page.test_result.text().startswith("OK: first answer after"), page.test_result.text()


def test_page_fits_in_the_settings_dialog(qtbot: QtBot, settings: Settings, store: SessionStore) -> None:
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    page = ProvidersPage(settings, lambda: store)
    dialog.add_page("API providers", page)
    titles = [dialog.sections.item(i).text() for i in range(dialog.sections.count())]
    assert titles[-1] == "API providers"
    page.add_provider("sglang")
    # the dialog's own Apply must not undo what the page saved
    assert dialog.apply()
    assert json.loads(json.dumps(settings.get("models.providers")))[0]["preset"] == "sglang"
    page.shutdown()


def test_every_field_has_an_accessible_name(page: ProvidersPage) -> None:
    """A screen reader names each field of the form by its label, not just "edit" or "spin box"."""
    from tests.test_settings_dialog import spoken_labels

    fields = {
        page.provider_list: "API providers",
        page.name_edit: "Name",
        page.url_edit: "Base URL",
        page.model_combo: "Model",
        page.key_edit: "API key",
        page.thinking_combo: "Thinking switch",
        page.image_side_spin: "Largest image side",
        page.image_mb_spin: "Largest image file size",
        page.timeout_spin: "Read timeout",
    }
    for field, label in fields.items():
        assert field.accessibleName() == label, field.objectName()
        assert label in spoken_labels(field), field.objectName()
    # the form's labels are linked to their fields (a combo box on Linux is named by its linked label)
    labelled = {"provider_name": "Name", "base_url": "Base URL", "model": "Model", "api_key": "API key"}
    labelled |= {"thinking_style": "Thinking switch", "max_image_side": "Largest image", "read_timeout": "Read timeout"}
    for field in fields:
        if field.objectName() in labelled:
            assert labelled[field.objectName()] in spoken_labels(field), field.objectName()
    for check in (page.special_tokens_check, page.video_check):
        assert check.text() in spoken_labels(check)
