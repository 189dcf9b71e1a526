"""Provider presets, saved providers, resolving ``--backend``/``--base-url``/``--api-model``, keys, and the headless ask."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image

from desktop_helper.backends import backend_class
from desktop_helper.backends.factory import build_api
from desktop_helper.backends.openai_compat import OpenAICompatBackend
from desktop_helper.core.errors import BackendError
from desktop_helper.settings.providers import (
    PRESETS,
    ProviderConfig,
    SamplingDialect,
    ThinkingStyle,
    api_key_for,
    from_preset,
    load_providers,
    resolve_provider,
    unique_name,
)
from desktop_helper.settings.secrets import SessionStore
from desktop_helper.settings.store import Settings
from tests.fixtures.servers import FakeOpenAIServer, text_reply

REPO = Path(__file__).resolve().parents[1]


def test_presets_cover_the_issue() -> None:
    assert PRESETS["zai"].base_url == "https://api.z.ai/api/paas/v4"
    assert PRESETS["zai_cn"].base_url == "https://open.bigmodel.cn/api/paas/v4"
    for zai in ("zai", "zai_cn"):
        preset = PRESETS[zai]
        assert preset.models == ("glm-4.6v-flash", "glm-4.6v", "glm-4.5v")
        assert preset.thinking is ThinkingStyle.ZAI
        assert preset.needs_key
        assert (preset.max_image_bytes, preset.max_image_side) == (5 * 1024 * 1024, 6000)
        assert preset.video
    for local in ("vllm", "sglang", "llamacpp"):
        assert PRESETS[local].thinking is ThinkingStyle.TEMPLATE_KWARGS
        assert not PRESETS[local].needs_key
    assert PRESETS["vllm"].keep_special_tokens
    assert PRESETS["sglang"].keep_special_tokens
    assert PRESETS["llamacpp"].sampling is SamplingDialect.LLAMA_CPP
    assert {"ollama", "lmstudio", "custom"} <= set(PRESETS)


def test_registry_finds_the_backend() -> None:
    assert backend_class("openai_compat") is OpenAICompatBackend


def test_config_round_trip_stores_only_changes() -> None:
    config = replace(from_preset("vllm", "cluster"), base_url="http://gpu:8000/v1", max_image_side=4096)
    stored = config.to_dict()
    assert stored == {"name": "cluster", "preset": "vllm", "base_url": "http://gpu:8000/v1", "max_image_side": 4096}
    assert json.loads(json.dumps(stored)) == stored
    assert ProviderConfig.from_dict(stored) == config


@pytest.mark.parametrize(
    ("stored", "words"),
    [
        ({"preset": "zai"}, "has no name"),
        ({"name": "x", "preset": "zai", "max_image_side": "big"}, "invalid max_image_side"),
        ({"name": "x", "preset": "zai", "thinking": "telepathy"}, "invalid thinking"),
        ({"name": "x", "preset": "zai", "video": 1}, "invalid video"),
    ],
)
def test_bad_stored_provider_is_a_user_error(stored: dict[str, object], words: str) -> None:
    with pytest.raises(BackendError, match=words):
        ProviderConfig.from_dict(stored)


def test_unknown_preset_and_keys_are_tolerated() -> None:
    config = ProviderConfig.from_dict({"name": "old", "preset": "gone", "base_url": "http://h/v1", "future_field": 1})
    assert config.preset == "custom"
    assert config.base_url == "http://h/v1"


def test_unique_name() -> None:
    assert unique_name("vLLM", []) == "vLLM"
    assert unique_name("vLLM", ["vllm"]) == "vLLM 2"
    assert unique_name("vLLM", ["vLLM", "vLLM 2"]) == "vLLM 3"


SAVED = [
    {"name": "Cluster", "preset": "vllm", "base_url": "http://gpu:8000/v1", "model": "zai-org/GLM-4.6V"},
    {"name": "Z", "preset": "zai", "base_url": "https://api.z.ai/api/paas/v4"},
]


def test_resolve_by_name_active_preset_and_overrides() -> None:
    assert resolve_provider(SAVED, active="Z").name == "Z"
    assert resolve_provider(SAVED, active="Z", backend="cluster").name == "Cluster"
    assert resolve_provider(SAVED).name == "Cluster"
    adhoc = resolve_provider(SAVED, backend="llamacpp", base_url="http://127.0.0.1:9/v1", model="m")
    assert (adhoc.preset, adhoc.base_url, adhoc.model) == ("llamacpp", "http://127.0.0.1:9/v1", "m")
    overridden = resolve_provider(SAVED, backend="Z", model="glm-4.5v")
    assert overridden.model == "glm-4.5v"
    assert overridden.thinking is ThinkingStyle.ZAI
    only_url = resolve_provider([], base_url="http://127.0.0.1:9/v1", model="m")
    assert only_url.preset == "custom"


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"backend": "nope"}, "no API provider called 'nope'"),
        ({}, "No API provider is configured"),
        ({"backend": "custom", "base_url": "ftp://x"}, "not an http"),
        ({"backend": "custom"}, "No model is chosen"),
    ],
)
def test_resolve_errors(kwargs: dict[str, str], words: str) -> None:
    with pytest.raises(BackendError, match=words) as excinfo:
        resolve_provider([], **kwargs)
    assert excinfo.value.fix


def test_key_from_store_or_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    config = from_preset("zai", "Z")
    store = SessionStore()
    with pytest.raises(BackendError, match="No API key") as excinfo:
        api_key_for(config, store)
    assert "DESKTOP_HELPER_API_KEY_Z" in (excinfo.value.fix or "")
    store.set("Z", "stored")
    assert api_key_for(config, store) == "stored"
    monkeypatch.setenv("DESKTOP_HELPER_API_KEY_Z", "from-env")
    assert api_key_for(config, store) == "from-env"
    assert api_key_for(config, None) == "from-env"
    assert api_key_for(from_preset("vllm", "v"), SessionStore()) is None


def test_backend_from_settings(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "s.json")
    settings.set("models.providers", SAVED)
    settings.set("models.active_provider", "Cluster")
    backend = build_api(settings, SessionStore(), model="other")
    try:
        assert backend.config.name == "Cluster"
        assert backend.config.model == "other"
        assert load_providers(settings.get("models.providers"))[0].model == "zai-org/GLM-4.6V"
    finally:
        backend.close()


def run_ask(*argv: str, env_key: str | None = None, monkeypatch: pytest.MonkeyPatch) -> subprocess.CompletedProcess[str]:
    if env_key is not None:
        monkeypatch.setenv("DESKTOP_HELPER_API_KEY_CUSTOM", env_key)
    return subprocess.run(
        [sys.executable, "-m", "desktop_helper", "ask", "--no-forward", *argv],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
        check=False,
    )


def test_headless_ask_through_an_api_provider(
    fake_openai: FakeOpenAIServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    image = tmp_path / "shot.png"
    Image.new("RGB", (200, 100), (10, 200, 10)).save(image)
    fake_openai.script(text_reply("The button is ", "<|begin_of_box|>[100,200,300,400]<|end_of_box|>"))
    result = run_ask(
        "--backend",
        "custom",
        "--base-url",
        fake_openai.url,
        "--api-model",
        "glm-4.6v",
        "--image",
        str(image),
        "--json",
        "Where is the button?",
        env_key="sk-cli-123456",
        monkeypatch=monkeypatch,
    )
    assert result.returncode == 0, result.stderr
    output = json.loads(result.stdout.strip().splitlines()[-1])
    assert output["answer"].startswith("The button is ")
    request = fake_openai.chat_requests[0]
    assert request.body["model"] == "glm-4.6v"
    assert request.headers["authorization"] == "Bearer sk-cli-123456"
    assert request.body["messages"][0]["content"][0]["type"] == "image_url"
    assert "sk-cli-123456" not in result.stdout + result.stderr


def test_headless_ask_without_a_key_names_the_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    result = run_ask("--backend", "zai", "hello", monkeypatch=monkeypatch)
    assert result.returncode != 0
    assert "No API key is set for provider 'zai'" in result.stderr
    assert "DESKTOP_HELPER_API_KEY_ZAI" in result.stderr
