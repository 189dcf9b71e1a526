"""OpenAI-compatible providers: presets, the user's saved providers, and resolving one to a backend.

A *preset* describes a kind of server (Z.ai, vLLM, Ollama, ...): its usual base URL, its models, how it
takes GLM's thinking switch, whether it must be asked to keep special tokens (GLM's box markers), what
images and video it accepts. A *provider* is what the user saved in settings (``models.providers``): a
name, a preset and the values they changed. Keys are never part of a provider; they live in the
:class:`~desktop_helper.settings.secrets.SecretStore` under the provider's name.

:func:`resolve_provider` is the one place that turns "what the user asked for" (settings, or the
``--backend``/``--base-url``/``--api-model`` options of the headless ``ask`` command) into a
:class:`ProviderConfig`, and :func:`api_key_for` finds its key. This is data only: building a backend from
it is :func:`desktop_helper.backends.factory.build_api`'s job (so settings never import a backend).
"""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from typing import TYPE_CHECKING, Any

from desktop_helper.core.errors import BackendError
from desktop_helper.core.i18n import marked, t
from desktop_helper.core.wording import has_undecodable_text
from desktop_helper.settings.secrets import env_var_name

if TYPE_CHECKING:
    from desktop_helper.settings.secrets import SecretStore


class ThinkingStyle(str, enum.Enum):
    """How a server takes GLM's thinking switch."""

    #: Z.ai: ``"thinking": {"type": "enabled" | "disabled"}``
    ZAI = "zai"
    #: vLLM, SGLang, llama.cpp's server: ``"chat_template_kwargs": {"enable_thinking": bool}``
    TEMPLATE_KWARGS = "template_kwargs"
    #: Ollama and LM Studio's OpenAI endpoints: ``"reasoning_effort": "none"`` turns it off
    REASONING_EFFORT = "reasoning_effort"
    #: the server offers no switch; the model's default applies
    NONE = "none"


class SamplingDialect(str, enum.Enum):
    """Which non-OpenAI sampling fields (GLM wants top_k and a repetition penalty) a server understands."""

    NONE = "none"
    #: vLLM / SGLang: ``top_k``, ``repetition_penalty``
    VLLM = "vllm"
    #: llama.cpp's servers: ``top_k``, ``repeat_penalty``
    LLAMA_CPP = "llama_cpp"


MB = 1024 * 1024


@dataclass(frozen=True)
class ProviderPreset:
    """A kind of OpenAI-compatible server and what it needs.

    Attributes:
        id: stable identifier stored in settings.
        label: name shown in the UI.
        base_url: the usual URL of its OpenAI API (ends in ``/v1`` or the provider's version path).
        models: model names to offer when the server does not list its own.
        needs_key: whether requests fail without an API key.
        thinking: how it takes the thinking switch.
        keep_special_tokens: send ``skip_special_tokens: false`` so GLM's box tokens survive.
        sampling: which extra sampling fields it understands.
        max_image_bytes: largest encoded image it accepts.
        max_image_side: longest image side, in pixels, it accepts.
        video: accepts ``video_url`` parts (else video is sent as sampled frames).
        max_video_bytes: largest video file it accepts as ``video_url``.
        stream_usage: understands ``stream_options.include_usage``.
        key_url: where to create a key, shown next to the key field.
        note: one line of advice shown in the settings page.
    """

    id: str
    label: str
    base_url: str
    models: tuple[str, ...] = ()
    needs_key: bool = False
    thinking: ThinkingStyle = ThinkingStyle.TEMPLATE_KWARGS
    keep_special_tokens: bool = False
    sampling: SamplingDialect = SamplingDialect.NONE
    max_image_bytes: int = 10 * MB
    max_image_side: int = 8192
    video: bool = False
    max_video_bytes: int = 0
    stream_usage: bool = False
    key_url: str = ""
    note: str = ""


_ZAI_MODELS = ("glm-4.6v-flash", "glm-4.6v", "glm-4.5v")

#: vLLM and SGLang serve GLM-4.6V alike (the 106B model or Flash, usually on a cluster)
_SELF_HOSTED_GLM: dict[str, Any] = {
    "models": ("zai-org/GLM-4.6V", "zai-org/GLM-4.6V-Flash"),
    "thinking": ThinkingStyle.TEMPLATE_KWARGS,
    "keep_special_tokens": True,
    "sampling": SamplingDialect.VLLM,
    "max_image_bytes": 20 * MB,
    "video": True,
    "max_video_bytes": 200 * MB,
    "stream_usage": True,
}

PRESETS: dict[str, ProviderPreset] = {
    preset.id: preset
    for preset in (
        ProviderPreset(
            "zai",
            "Z.ai (international)",
            "https://api.z.ai/api/paas/v4",
            _ZAI_MODELS,
            needs_key=True,
            thinking=ThinkingStyle.ZAI,
            max_image_bytes=5 * MB,
            max_image_side=6000,
            video=True,
            max_video_bytes=200 * MB,
            key_url="https://z.ai/manage-apikey/apikey-list",
            note=marked("glm-4.6v-flash is free; glm-4.6v is the 106B model."),
        ),
        ProviderPreset(
            "zai_cn",
            marked("Zhipu BigModel (mainland China)"),
            "https://open.bigmodel.cn/api/paas/v4",
            _ZAI_MODELS,
            needs_key=True,
            thinking=ThinkingStyle.ZAI,
            max_image_bytes=5 * MB,
            max_image_side=6000,
            video=True,
            max_video_bytes=200 * MB,
            key_url="https://open.bigmodel.cn/usercenter/apikeys",
        ),
        ProviderPreset(
            "vllm",
            "vLLM",
            "http://localhost:8000/v1",
            **_SELF_HOSTED_GLM,
            note=marked("Serve with --reasoning-parser glm45 --tool-call-parser glm45 --enable-auto-tool-choice."),
        ),
        ProviderPreset(
            "sglang",
            "SGLang",
            "http://localhost:30000/v1",
            **_SELF_HOSTED_GLM,
            note=marked("Serve with --reasoning-parser glm --tool-call-parser glm."),
        ),
        ProviderPreset(
            "ollama",
            "Ollama",
            "http://localhost:11434/v1",
            thinking=ThinkingStyle.REASONING_EFFORT,
            stream_usage=True,
            note=marked("Pull a GLM-4.6V-Flash model that includes its vision projector."),
        ),
        ProviderPreset(
            "lmstudio",
            "LM Studio",
            "http://localhost:1234/v1",
            thinking=ThinkingStyle.REASONING_EFFORT,
            note=marked("LM Studio may downscale images itself; grounding is better with full-size images."),
        ),
        ProviderPreset(
            "llamacpp",
            "llama.cpp server",
            "http://localhost:8080/v1",
            thinking=ThinkingStyle.TEMPLATE_KWARGS,
            sampling=SamplingDialect.LLAMA_CPP,
            note=marked("Start llama-server with --mmproj (the matching projector) and --jinja."),
        ),
        ProviderPreset(
            "custom",
            marked("Custom server"),
            "http://localhost:8000/v1",
            thinking=ThinkingStyle.TEMPLATE_KWARGS,
        ),
    )
}


@dataclass(frozen=True)
class ProviderConfig:
    """One provider the user configured; defaults come from its preset.

    Attributes:
        name: the user's name for it, unique; also the key's name in the secret store.
        preset: a :data:`PRESETS` id.
        base_url, model: where to send requests and which model to ask for.
        thinking, keep_special_tokens, sampling, max_image_bytes, max_image_side, video,
        max_video_bytes, stream_usage: see :class:`ProviderPreset`.
        connect_timeout: seconds to wait for a connection.
        response_timeout: seconds to wait for the server to start answering before checking that it
            is alive; a server that answers nothing, not even that check, is reported then.
        read_timeout: seconds to wait for the next piece of the answer's content (the first one
            includes prompt processing, which is slow for large images on CPU servers); keep-alive
            comments do not count.
        max_retries: retries for rate limits and server errors before the first token.
    """

    name: str
    preset: str
    base_url: str
    model: str = ""
    thinking: ThinkingStyle = ThinkingStyle.TEMPLATE_KWARGS
    keep_special_tokens: bool = False
    sampling: SamplingDialect = SamplingDialect.NONE
    max_image_bytes: int = 10 * MB
    max_image_side: int = 8192
    video: bool = False
    max_video_bytes: int = 0
    stream_usage: bool = False
    connect_timeout: float = 10.0
    response_timeout: float = 30.0
    read_timeout: float = 300.0
    max_retries: int = 3
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def preset_info(self) -> ProviderPreset:
        return PRESETS.get(self.preset, PRESETS["custom"])

    @property
    def needs_key(self) -> bool:
        return self.preset_info.needs_key

    @property
    def key_env_var(self) -> str:
        return env_var_name(self.name)

    def to_dict(self) -> dict[str, Any]:
        """The settings form: only what differs from the preset, plus name, preset and URL."""
        base = from_preset(self.preset, self.name)
        data: dict[str, Any] = {"name": self.name, "preset": self.preset, "base_url": self.base_url}
        for key, value in asdict(self).items():
            if key in data:
                continue
            if value != getattr(base, key):
                data[key] = value.value if isinstance(value, enum.Enum) else value
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ProviderConfig:
        """Read a stored provider; unknown keys are ignored, bad values raise BackendError."""
        name = str(data.get("name", "")).strip()
        if not name:
            raise BackendError(t("A saved API provider has no name."), t("Open Settings > Models and providers and fix it."))
        preset_id = str(data.get("preset", "custom"))
        if preset_id not in PRESETS:
            preset_id = "custom"
        config = from_preset(preset_id, name)
        known = {f.name: f for f in fields(cls)}
        changes: dict[str, Any] = {}
        for key, value in data.items():
            if key in ("name", "preset") or key not in known:
                continue
            try:
                changes[key] = _coerce(getattr(config, key), value)
            except (TypeError, ValueError):
                raise BackendError(
                    t("The saved API provider {name!r} has an invalid {key}: {value!r}.", name=name, key=key, value=value),
                    t("Open Settings > Models and providers and correct it."),
                ) from None
        return replace(config, **changes)


def _coerce(current: Any, value: Any) -> Any:
    """``value`` in the type of ``current`` (the preset's value); TypeError/ValueError if it does not fit."""
    if isinstance(current, enum.Enum):
        return type(current)(value)
    if isinstance(current, bool):
        if not isinstance(value, bool):
            raise TypeError(value)
        return value
    if isinstance(current, (int, float)):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(value)
        if not math.isfinite(value):
            raise ValueError(value)
        return type(current)(value)
    if isinstance(current, str):
        if not isinstance(value, str):
            raise TypeError(value)
        return value
    if isinstance(current, dict) and not isinstance(value, dict):
        raise TypeError(value)
    return value


def from_preset(preset_id: str, name: str | None = None) -> ProviderConfig:
    """A provider with every value taken from the preset (the first listed model is chosen)."""
    preset = PRESETS[preset_id]
    return ProviderConfig(
        name=name or preset.label,
        preset=preset.id,
        base_url=preset.base_url,
        model=preset.models[0] if preset.models else "",
        thinking=preset.thinking,
        keep_special_tokens=preset.keep_special_tokens,
        sampling=preset.sampling,
        max_image_bytes=preset.max_image_bytes,
        max_image_side=preset.max_image_side,
        video=preset.video,
        max_video_bytes=preset.max_video_bytes,
        stream_usage=preset.stream_usage,
    )


def clean_stored_providers(stored: Any) -> tuple[list[dict[str, Any]], list[str]]:
    """The ``models.providers`` setting as read from a file: what can be used, and what was dropped and why.

    An entry that is not an object or has no usable name is dropped whole; a field of the wrong type is
    dropped alone, so the provider keeps its other fields and that one falls back to the preset's value.
    """
    if not isinstance(stored, list):
        return [], [f"The saved API providers are not a list ({type(stored).__name__}); they were removed."]
    kept: list[dict[str, Any]] = []
    problems: list[str] = []
    for number, item in enumerate(stored, start=1):
        if not isinstance(item, Mapping):
            problems.append(f"Saved API provider number {number} is not a provider entry ({item!r:.40}); it was removed.")
            continue
        name = item.get("name")
        if not isinstance(name, str) or not name.strip() or has_undecodable_text(name):
            problems.append(f"Saved API provider number {number} has no usable name ({name!r:.40}); it was removed.")
            continue
        entry: dict[str, Any] = {"name": name}
        preset = item.get("preset", "custom")
        if isinstance(preset, str) and not has_undecodable_text(preset):
            entry["preset"] = preset
        else:
            problems.append(f"The saved API provider {name!r} had an invalid preset ({preset!r:.40}); it is now custom.")
        for key, value in item.items():
            if key in entry or key == "preset":
                continue
            undecodable = isinstance(value, str) and has_undecodable_text(value)
            try:
                if undecodable:
                    raise ValueError(value)
                ProviderConfig.from_dict({**entry, key: value})
            except (BackendError, ValueError):
                problems.append(
                    f"The saved API provider {name!r} had an invalid {key} ({value!r:.40}); the preset's value is used."
                )
                continue
            entry[key] = value
        kept.append(entry)
    return kept, problems


def load_providers(stored: Iterable[Mapping[str, Any]]) -> list[ProviderConfig]:
    """Read the ``models.providers`` setting."""
    return [ProviderConfig.from_dict(item) for item in stored]


def unique_name(wanted: str, taken: Iterable[str]) -> str:
    """``wanted``, or ``wanted 2``, ``wanted 3``... if that name is already used."""
    taken_set = {t.casefold() for t in taken}
    if wanted.casefold() not in taken_set:
        return wanted
    stem = re.sub(r"\s+\d+$", "", wanted)
    number = 2
    while f"{stem} {number}".casefold() in taken_set:
        number += 1
    return f"{stem} {number}"


def resolve_provider(
    providers: Iterable[Mapping[str, Any]],
    active: str = "",
    backend: str | None = None,
    base_url: str | None = None,
    model: str | None = None,
) -> ProviderConfig:
    """Choose the provider a request goes to.

    Args:
        providers: the ``models.providers`` setting.
        active: the ``models.active_provider`` setting (used when ``backend`` is not given).
        backend: a saved provider's name, or a preset id (``zai``, ``vllm``, ``llamacpp``, ...) for a
            provider that is not saved; case-insensitive.
        base_url: overrides the provider's URL.
        model: overrides the provider's model.

    Raises:
        BackendError: no such provider, or no model to ask for.
    """
    saved = load_providers(providers)
    wanted = (backend or active or "").strip()
    config: ProviderConfig | None = None
    if wanted:
        config = next((p for p in saved if p.name.casefold() == wanted.casefold()), None)
        if config is None and wanted.lower() in PRESETS:
            config = from_preset(wanted.lower(), wanted.lower())
        if config is None:
            names = [p.name for p in saved] + sorted(PRESETS)
            raise BackendError(
                t("There is no API provider called {wanted!r}.", wanted=wanted),
                t("Use one of: {join}; or add it in Settings > Models and providers.", join=", ".join(names)),
            )
    elif saved:
        config = saved[0]
    elif base_url:
        config = from_preset("custom", "custom")
    else:
        raise BackendError(
            t("No API provider is configured."),
            t("Add one in Settings > Models and providers, or pass --backend PRESET (e.g. zai, vllm, llamacpp)."),
        )
    if base_url:
        config = replace(config, base_url=base_url.strip())
    if model:
        config = replace(config, model=model.strip())
    if not config.base_url.startswith(("http://", "https://")):
        raise BackendError(
            t(
                "The base URL {base_url!r} of provider {name!r} is not an http(s) URL.",
                base_url=config.base_url,
                name=config.name,
            ),
            t("Enter a URL like http://localhost:8000/v1."),
        )
    if not config.model:
        raise BackendError(
            t("No model is chosen for provider {name!r}.", name=config.name),
            t("Pick one in Settings > Models and providers, or pass --api-model NAME."),
        )
    return config


def api_key_for(config: ProviderConfig, secrets: SecretStore | None) -> str | None:
    """The provider's key from the environment or the secret store; BackendError if it needs one and has none."""
    key = secrets.lookup(config.name) if secrets is not None else None
    if key is None:
        import os

        key = os.environ.get(config.key_env_var)
    if not key and config.needs_key:
        raise BackendError(
            t("No API key is set for provider {name!r}.", name=config.name),
            t(
                "Enter it in Settings > Models and providers, or set the environment variable {key_env_var}.",
                key_env_var=config.key_env_var,
            ),
        )
    return key or None
