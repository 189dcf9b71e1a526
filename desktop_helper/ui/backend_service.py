"""The active model backend, built off the GUI thread, with its loading state for the UI.

Loading a local GGUF model takes seconds to minutes, so it happens on a worker thread right at
start (keeping the model resident afterwards); the chat window shows the state line meanwhile.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject, Signal

from desktop_helper.backends import factory
from desktop_helper.backends.base import Backend, CancelToken
from desktop_helper.backends.factory import BackendChoice
from desktop_helper.core.errors import CancelledError, UserError
from desktop_helper.core.i18n import t
from desktop_helper.settings.secrets import SecretStore
from desktop_helper.settings.store import Settings
from desktop_helper.ui.workers import TaskRunner

log = logging.getLogger(__name__)


class BackendService(QObject):
    """Holds the backend answers come from.

    Signals (GUI thread):
        state_changed(str): a human-readable state ("Loading local model…", "Ready: …", an error).
        ready(): a backend is ready to answer.
    """

    state_changed = Signal(str)
    ready = Signal()
    _progress = Signal(float, str)

    def __init__(
        self,
        settings: Settings,
        secrets: SecretStore | Callable[[], SecretStore | None] | None,
        env: Mapping[str, str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.secrets = secrets
        self.env = dict(os.environ if env is None else env)
        self.backend: Backend | None = None
        self.error: UserError | None = None
        self.choice: BackendChoice | None = None
        self.loading = False
        self.state = ""
        self._tasks = TaskRunner(self)
        self._tasks.done.connect(self._loaded)
        self._tasks.failed.connect(self._failed)
        self._task_id = 0
        self._closed = False
        self._progress.connect(self._on_progress)
        self._cancel = CancelToken()

    def choices(self) -> list[BackendChoice]:
        return factory.choices(self.settings, self.env)

    def models_for(self, choice: BackendChoice) -> list[str]:
        return factory.models_for(self.settings, choice)

    def active_choice(self) -> BackendChoice:
        return factory.active_choice(self.settings, self.env)

    def start(self) -> None:
        """Build the active backend in the background (at app start and after a change)."""
        self.load(self.active_choice())

    def load(self, choice: BackendChoice) -> None:
        """Switch to ``choice``: the old backend is closed once the new one is built."""
        if self._closed:
            return
        self.choice = choice
        self.loading = True
        self.error = None
        what = self.tr("local model") if choice.kind == factory.LOCAL else choice.label
        self._set_state(self.tr("Loading {0}…").format(what))
        settings, secrets, env = self.settings, self.secrets, self.env
        self._cancel.cancel()
        self._cancel = cancel = CancelToken()

        def build() -> Backend:
            # the secret store is slow to open (keyring's backends): only API providers need it, and
            # then off the GUI thread
            store = None if choice.kind == factory.LOCAL else secrets() if callable(secrets) else secrets
            return factory.build_backend(settings, store, choice, env, progress=self._progress.emit, cancel=cancel)

        self._task_id = self._tasks.submit(build, name="backend-load")

    def set_backend(self, backend: Backend, label: str = "") -> None:
        """Use an already built backend (tests, demos)."""
        self._replace(backend)
        self.loading = False
        self.error = None
        self._set_state(self.tr("Ready: {0}").format(label or backend.name))
        self.ready.emit()

    def shutdown(self) -> None:
        self._closed = True
        self._cancel.cancel()
        self._tasks.shutdown()
        self._replace(None)

    def _loaded(self, task_id: int, backend: object) -> None:
        if task_id != self._task_id or self._closed:
            if isinstance(backend, Backend):
                backend.close()
            return
        assert isinstance(backend, Backend)
        self._replace(backend)
        self.loading = False
        label = t(self.choice.label) if self.choice is not None else backend.name
        model = self.choice.model if self.choice is not None else ""
        text = self.tr("Ready: {0}").format(f"{label} ({model})" if model else label)
        where = backend.runtime().get("summary")
        if where:
            # the device that runs a local model: "GPU Vulkan0 (...): 41/41 layers" or "CPU only (...)"
            text = self.tr("{0} on {1}").format(text, where)
        self._set_state(text)
        self.ready.emit()

    def _failed(self, task_id: int, error: object) -> None:
        if task_id != self._task_id:
            return
        self.loading = False
        self._replace(None)
        if isinstance(error, CancelledError):
            return
        self.error = (
            error if isinstance(error, UserError) else UserError(t("The model could not be loaded: {error}.", error=error))
        )
        # the status line takes the short message; the chat's notice adds what to do when the user asks
        self._set_state(self.error.message)

    def _on_progress(self, fraction: float, text: str) -> None:
        if self.loading:
            self._set_state(self.tr("Loading the model: {0} ({1:.0%})").format(text, fraction))

    def _replace(self, backend: Backend | None) -> None:
        old, self.backend = self.backend, backend
        if old is not None and old is not backend:
            try:
                old.close()
            except Exception:
                log.exception("closing the backend failed")

    def _set_state(self, text: str) -> None:
        self.state = text
        self.state_changed.emit(text)
