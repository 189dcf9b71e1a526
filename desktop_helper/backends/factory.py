"""Choosing and building the active backend from the settings and the secret store (no Qt).

The chat window offers one choice per way to answer: the local GGUF model and each configured
API provider. :func:`choices` lists them, :func:`choice_named` resolves a name given on the command
line, and :func:`build_backend` builds one (loading a local model takes seconds: call it off the GUI
thread). This module is the only place that turns settings into a backend: the providers in the
settings are plain data (:mod:`desktop_helper.settings.providers`) and no backend reads the settings.

Test hook: when the environment variable ``DESKTOP_HELPER_SCRIPTED_BACKEND`` names a file, that
file's scripted answers replace every other backend (see :func:`scripted_from_file`). End-to-end
tests use it to stream a known, slow answer through the real app; it is never set in normal use.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_helper.backends.base import Backend, CancelToken, ProgressCallback
from desktop_helper.backends.scripted import ScriptedBackend
from desktop_helper.core.errors import BackendError
from desktop_helper.core.i18n import marked, t
from desktop_helper.settings.providers import api_key_for, load_providers, resolve_provider
from desktop_helper.settings.secrets import SecretStore
from desktop_helper.settings.store import Settings

if TYPE_CHECKING:
    from desktop_helper.backends.local_gguf import LocalGGUFBackend
    from desktop_helper.backends.openai_compat import OpenAICompatBackend

SCRIPTED_ENV = "DESKTOP_HELPER_SCRIPTED_BACKEND"
LOCAL = "local_gguf"
API = "openai_compat"
SCRIPTED = "scripted"
#: the local model's measured speeds, in the profile's data folder (see backends/speed.py)
SPEED_FILE = "speed.json"
#: names that pick the local model on the command line (besides an API provider's name or a preset id)
LOCAL_NAMES = (LOCAL, "local")


@dataclass(frozen=True)
class BackendChoice:
    """One entry of the backend picker.

    Attributes:
        kind: ``local_gguf``, ``openai_compat`` or ``scripted``.
        provider: the API provider's name (``openai_compat`` only).
        label: what the picker shows.
        model: the model it will ask for (file name for local).
    """

    kind: str
    provider: str = ""
    label: str = ""
    model: str = ""

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.provider}" if self.provider else self.kind


def scripted_from_file(path: Path) -> ScriptedBackend:
    """A scripted backend from a file: JSON ``{"script": [...], "chunk_size": N, "delay": S}`` or plain text (one answer).

    Raises:
        BackendError: the file cannot be read or is malformed.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise BackendError(
            t("The scripted backend file {path} cannot be read: {strerror}.", path=path, strerror=exc.strerror),
            t("Unset {scripted_env}.", scripted_env=SCRIPTED_ENV),
        ) from exc
    if path.suffix == ".json":
        try:
            spec: dict[str, Any] = json.loads(text)
            return ScriptedBackend(
                [str(s) for s in spec["script"]], chunk_size=int(spec.get("chunk_size", 4)), delay=float(spec.get("delay", 0.0))
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise BackendError(
                t("The scripted backend file {path} is malformed: {exc}.", path=path, exc=exc),
                t("Unset {scripted_env}.", scripted_env=SCRIPTED_ENV),
            ) from exc
    return ScriptedBackend([text])


def choices(settings: Settings, env: Mapping[str, str] | None = None) -> list[BackendChoice]:
    """Every backend the user can pick, the local model first."""
    env = os.environ if env is None else env
    if env.get(SCRIPTED_ENV):
        return [BackendChoice(SCRIPTED, label="Scripted (test)", model=Path(env[SCRIPTED_ENV]).name)]
    local_path = settings.get_str("models.local_model_path")
    result = [BackendChoice(LOCAL, label=marked("Local model"), model=Path(local_path).name if local_path else "")]
    for provider in load_providers(settings.get("models.providers")):
        result.append(BackendChoice(API, provider.name, f"{provider.name}", provider.model))
    return result


def models_for(settings: Settings, choice: BackendChoice) -> list[str]:
    """Models the picker offers for ``choice``: the configured one first, then the provider's known ones."""
    if choice.kind != API:
        return [choice.model] if choice.model else []
    names = [choice.model] if choice.model else []
    for provider in load_providers(settings.get("models.providers")):
        if provider.name == choice.provider:
            names += [provider.model, *provider.preset_info.models]
    return list(dict.fromkeys(n for n in names if n))


def active_choice(settings: Settings, env: Mapping[str, str] | None = None) -> BackendChoice:
    """The choice the settings point at (``models.backend`` and ``models.active_provider``)."""
    options = choices(settings, env)
    if options[0].kind == SCRIPTED:
        return options[0]
    if settings.get_str("models.backend") == API:
        active = settings.get_str("models.active_provider")
        apis = [c for c in options if c.kind == API]
        for choice in apis:
            if choice.provider.casefold() == active.casefold():
                return choice
        if apis:
            return apis[0]
        return BackendChoice(API, active, active or "API provider")
    return options[0]


def select(settings: Settings, choice: BackendChoice) -> None:
    """Make ``choice`` the active backend in the settings (the picker's effect)."""
    if choice.kind == SCRIPTED:
        return
    settings.set("models.backend", choice.kind)
    if choice.kind == API:
        settings.set("models.active_provider", choice.provider)


@dataclass(frozen=True)
class Overrides:
    """What one run may change without touching the settings (the ``ask`` command's options).

    Attributes:
        model_path, mmproj_path: local model files instead of ``models.local_model_path``/``local_mmproj_path``.
        image_token_budget: instead of ``models.image_token_budget`` (local model).
        base_url, api_model: the API provider's URL and model.
    """

    model_path: str | None = None
    mmproj_path: str | None = None
    image_token_budget: int | None = None
    base_url: str | None = None
    api_model: str | None = None


def choice_named(settings: Settings, name: str | None, env: Mapping[str, str] | None = None) -> BackendChoice:
    """The choice a command line names.

    Args:
        settings: the app's settings.
        name: ``local_gguf``/``local``; ``openai_compat`` (the active API provider); an API provider's
            saved name or a preset id (see :func:`~desktop_helper.settings.providers.resolve_provider`);
            empty or None: the active choice.
        env: the environment (a scripted backend, when set, wins as everywhere).
    """
    env = os.environ if env is None else env
    if env.get(SCRIPTED_ENV) or not name:
        return active_choice(settings, env)
    if name in LOCAL_NAMES:
        return choices(settings, env)[0]
    if name == API:
        return BackendChoice(API, label=marked("API provider"))
    return BackendChoice(API, name, name)


def build_backend(
    settings: Settings,
    secrets: SecretStore | None,
    choice: BackendChoice | None = None,
    env: Mapping[str, str] | None = None,
    *,
    overrides: Overrides | None = None,
    load: bool = True,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> Backend:
    """Build the backend for ``choice`` (default: the active one). Blocking for a local model.

    Args:
        settings, secrets: where the configuration and the API keys come from.
        choice: which backend (:func:`choices`, :func:`choice_named`); None: the active one.
        env: the environment, for the scripted test backend.
        overrides: one run's changes to the settings.
        load: load a local model now (so it is resident and its state shown); else on the first request.
        progress, cancel: for loading the local model.

    Raises:
        BackendError: nothing is configured, a file is missing, a key is missing, ...
    """
    env = os.environ if env is None else env
    if env.get(SCRIPTED_ENV):
        return scripted_from_file(Path(env[SCRIPTED_ENV]))
    choice = choice or active_choice(settings, env)
    overrides = overrides or Overrides()
    if choice.kind == API:
        return build_api(
            settings, secrets, choice.provider or None, overrides.base_url, overrides.api_model or choice.model or None
        )
    return build_local(settings, progress, cancel, overrides=overrides, load=load)


def build_api(
    settings: Settings,
    secrets: SecretStore | None,
    provider: str | None = None,
    base_url: str | None = None,
    model: str | None = None,
) -> OpenAICompatBackend:
    """The backend for the active API provider (or ``provider``), with overrides, and its key.

    Raises:
        BackendError: no such provider, no model, no key where one is needed, a bad URL.
    """
    from desktop_helper.backends.openai_compat import OpenAICompatBackend

    config = resolve_provider(
        settings.get("models.providers"), settings.get_str("models.active_provider"), provider, base_url, model
    )
    return OpenAICompatBackend(config, api_key_for(config, secrets))


def build_local(
    settings: Settings,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    *,
    overrides: Overrides | None = None,
    load: bool = True,
) -> Backend:
    """The local GGUF model and its vision projector named in the settings (or ``overrides``), loaded unless ``load`` is False."""
    overrides = overrides or Overrides()
    model = overrides.model_path or settings.get_str("models.local_model_path")
    mmproj = overrides.mmproj_path or settings.get_str("models.local_mmproj_path")
    if not model:
        raise BackendError(
            t("No model is set up yet."),
            t(
                "Choose one in Settings > Models and providers: a GLM-4.6V-Flash model file (GGUF) with its vision "
                "projector (mmproj), or an API provider."
            ),
        )
    # a missing or unreadable file is reported by the backend's load (models.gguf_info), once
    backend = local_from_settings(settings, model, mmproj, overrides.image_token_budget)
    if not load:
        return backend
    try:
        # load now (not on the first question) so the model is resident and its state is shown
        backend.load(progress, cancel)
    except BaseException:
        backend.close()
        raise
    return backend


def local_from_settings(
    settings: Settings, model: str, mmproj: str | None, image_token_budget: int | None = None
) -> LocalGGUFBackend:
    """The local backend for these files with the model settings (threads, context, GPU, budget); not loaded yet.

    Args:
        settings: the app's settings.
        model: text model GGUF.
        mmproj: vision projector GGUF (empty or None: none).
        image_token_budget: overrides ``models.image_token_budget``.
    """
    from desktop_helper.backends.local_gguf import LocalGGUFBackend
    from desktop_helper.backends.speed import SpeedBook
    from desktop_helper.settings.paths import app_paths

    return LocalGGUFBackend(
        model,
        mmproj or None,
        threads=settings.get_int("models.threads"),
        context_size=settings.get_int("models.context_size"),
        gpu_layers=settings.get_int("models.gpu_layers"),
        device=str(settings.get("models.device")),
        flash_attention=settings.get_bool("models.flash_attention"),
        image_token_budget=settings.get_int("models.image_token_budget") if image_token_budget is None else image_token_budget,
        speed_book=SpeedBook(app_paths().data / SPEED_FILE),
    )
