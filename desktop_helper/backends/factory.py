"""Choosing and building the active backend from the settings and the secret store (no Qt).

The chat window offers one choice per way to answer: the local GGUF model and each configured
API provider. :func:`choices` lists them, :func:`build_backend` builds one (loading a local model
takes seconds: call it off the GUI thread).

Test hook: when the environment variable ``DESKTOP_HELPER_SCRIPTED_BACKEND`` names a file, that
file's scripted answers replace every other backend (see :func:`scripted_from_file`). End-to-end
tests use it to stream a known, slow answer through the real app; it is never set in normal use.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_helper.backends.base import Backend, CancelToken
from desktop_helper.backends.scripted import ScriptedBackend
from desktop_helper.core.errors import BackendError
from desktop_helper.settings.secrets import SecretStore
from desktop_helper.settings.store import Settings

if TYPE_CHECKING:
    from desktop_helper.backends.local_gguf import LocalGGUFBackend

#: ``(fraction, text)`` reports while a backend loads (called on the loading thread)
Progress = Callable[[float, str], None]

SCRIPTED_ENV = "DESKTOP_HELPER_SCRIPTED_BACKEND"
LOCAL = "local_gguf"
API = "openai_compat"
SCRIPTED = "scripted"


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
        raise BackendError(f"The scripted backend file {path} cannot be read: {exc.strerror}.", f"Unset {SCRIPTED_ENV}.") from exc
    if path.suffix == ".json":
        try:
            spec: dict[str, Any] = json.loads(text)
            return ScriptedBackend(
                [str(s) for s in spec["script"]], chunk_size=int(spec.get("chunk_size", 4)), delay=float(spec.get("delay", 0.0))
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise BackendError(f"The scripted backend file {path} is malformed: {exc}.", f"Unset {SCRIPTED_ENV}.") from exc
    return ScriptedBackend([text])


def choices(settings: Settings, env: Mapping[str, str] | None = None) -> list[BackendChoice]:
    """Every backend the user can pick, the local model first."""
    env = os.environ if env is None else env
    if env.get(SCRIPTED_ENV):
        return [BackendChoice(SCRIPTED, label="Scripted (test)", model=Path(env[SCRIPTED_ENV]).name)]
    local_path = str(settings.get("models.local_model_path"))
    result = [BackendChoice(LOCAL, label="Local model", model=Path(local_path).name if local_path else "")]
    from desktop_helper.backends.providers import load_providers

    for provider in load_providers(settings.get("models.providers")):
        result.append(BackendChoice(API, provider.name, f"{provider.name}", provider.model))
    return result


def models_for(settings: Settings, choice: BackendChoice) -> list[str]:
    """Models the picker offers for ``choice``: the configured one first, then the provider's known ones."""
    if choice.kind != API:
        return [choice.model] if choice.model else []
    from desktop_helper.backends.providers import load_providers

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
    if settings.get("models.backend") == API:
        active = str(settings.get("models.active_provider"))
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


def build_backend(
    settings: Settings,
    secrets: SecretStore | None,
    choice: BackendChoice | None = None,
    env: Mapping[str, str] | None = None,
    *,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> Backend:
    """Build the backend for ``choice`` (default: the active one). Blocking for a local model.

    Raises:
        BackendError: nothing is configured, a file is missing, a key is missing, ...
    """
    env = os.environ if env is None else env
    if env.get(SCRIPTED_ENV):
        return scripted_from_file(Path(env[SCRIPTED_ENV]))
    choice = choice or active_choice(settings, env)
    if choice.kind == API:
        from desktop_helper.backends.openai_compat import OpenAICompatBackend

        return OpenAICompatBackend.from_settings(settings, secrets, backend=choice.provider or None, model=choice.model or None)
    return build_local(settings, progress, cancel)


def build_local(settings: Settings, progress: Progress | None = None, cancel: CancelToken | None = None) -> Backend:
    """Load the local GGUF model and its vision projector named in the settings."""
    model = str(settings.get("models.local_model_path"))
    mmproj = str(settings.get("models.local_mmproj_path"))
    if not model:
        raise BackendError(
            "No model is set up yet.",
            "Choose a local GLM-4.6V-Flash GGUF model and its mmproj, or add an API provider, in Settings > Models.",
        )
    for label, path in (("model", model), ("vision projector (mmproj)", mmproj)):
        if path and not Path(path).is_file():
            raise BackendError(f"The local {label} file {path} does not exist.", "Choose the file again in Settings > Models.")
    backend = local_from_settings(settings, model, mmproj)
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

    return LocalGGUFBackend(
        model,
        mmproj or None,
        threads=int(settings.get("models.threads")),
        context_size=int(settings.get("models.context_size")),
        gpu_layers=int(settings.get("models.gpu_layers")),
        device=str(settings.get("models.device")),
        flash_attention=bool(settings.get("models.flash_attention")),
        image_token_budget=int(settings.get("models.image_token_budget")) if image_token_budget is None else image_token_budget,
    )
