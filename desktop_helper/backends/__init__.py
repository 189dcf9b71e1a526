"""Model backends behind one interface; implementations are imported lazily by name."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from desktop_helper.core.i18n import t

if TYPE_CHECKING:
    from desktop_helper.backends.base import Backend

#: backend name -> "module:ClassName"; imported on first use so a missing optional
#: dependency gives a clear message instead of breaking start-up.
REGISTRY: dict[str, str] = {
    "local_gguf": "desktop_helper.backends.local_gguf:LocalGGUFBackend",
    "openai_compat": "desktop_helper.backends.openai_compat:OpenAICompatBackend",
    "scripted": "desktop_helper.backends.scripted:ScriptedBackend",
}


def backend_class(name: str) -> type[Backend]:
    from desktop_helper.core.errors import BackendError

    try:
        target = REGISTRY[name]
    except KeyError:
        raise BackendError(
            t("Unknown backend {name!r}.", name=name), t("Choose one of: {join}.", join=", ".join(sorted(REGISTRY)))
        ) from None
    module_name, _, class_name = target.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise BackendError(
            t("The {name} backend is not available: {exc}.", name=name, exc=exc),
            t("Reinstall desktop-helper with its dependencies (uv sync)."),
        ) from exc
    cls: type[Backend] = getattr(module, class_name)
    return cls
