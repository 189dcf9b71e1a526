"""The "API providers" settings page: add, edit and remove OpenAI-compatible providers.

The page edits the ``models.providers`` list (and ``models.active_provider``) and saves every change at
once, so there is nothing to lose when the dialog is cancelled. Keys go to the secret store under the
provider's name; the page says where that is (the system keyring, or memory only when no keyring
works) and when an environment variable overrides it. The key itself never appears in settings,
logs or labels.

Listing models and testing the connection talk to the server, so they run on worker threads
(:class:`~desktop_helper.ui.workers.TaskRunner`) and report back through queued signals.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_helper.backends.base import CancelToken
from desktop_helper.core.errors import UserError
from desktop_helper.core.i18n import t
from desktop_helper.settings.providers import (
    MB,
    PRESETS,
    ProviderConfig,
    ThinkingStyle,
    from_preset,
    load_providers,
    unique_name,
)
from desktop_helper.settings.secrets import SecretStore
from desktop_helper.settings.store import Settings
from desktop_helper.ui.workers import TaskRunner

log = logging.getLogger(__name__)

_THINKING_LABELS = {
    ThinkingStyle.ZAI: 'Z.ai "thinking" field',
    ThinkingStyle.TEMPLATE_KWARGS: "chat_template_kwargs.enable_thinking (vLLM, SGLang, llama.cpp)",
    ThinkingStyle.REASONING_EFFORT: "reasoning_effort (Ollama, LM Studio)",
    ThinkingStyle.NONE: QT_TRANSLATE_NOOP("ProvidersPage", "Not supported (model default)"),
}


class ProvidersPage(QWidget):
    """Settings page for API providers.

    Signals (GUI thread):
        providers_changed(): the provider list or the active provider was saved.
        test_finished(object): a :class:`~desktop_helper.backends.openai_compat.ConnectionReport`.
        models_listed(object): the model ids the server listed, or the exception it raised.
    """

    providers_changed = Signal()
    test_finished = Signal(object)
    models_listed = Signal(object)

    def __init__(
        self,
        settings: Settings,
        secrets: SecretStore | Callable[[], SecretStore] | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("providers_page")
        self._settings = settings
        self._secrets_source = secrets
        self._providers: list[ProviderConfig] = []
        self._current: int = -1
        self._loading = False
        self._tasks = TaskRunner(self)
        self._tasks.done.connect(self._task_done)
        self._tasks.failed.connect(self._task_failed)
        self._task_kinds: dict[int, str] = {}
        self._test_cancel: CancelToken | None = None

        # ----- the list and its buttons
        self.provider_list = QListWidget(self)
        self.provider_list.setObjectName("provider_list")
        self.provider_list.setMaximumWidth(220)
        self.add_button = QToolButton(self)
        self.add_button.setObjectName("add_provider")
        self.add_button.setText(self.tr("Add…"))
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.add_menu = QMenu(self.add_button)
        for preset in PRESETS.values():
            action = self.add_menu.addAction(t(preset.label))
            action.setData(preset.id)
            action.triggered.connect(lambda _checked=False, pid=preset.id: self.add_provider(pid))
        self.add_button.setMenu(self.add_menu)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setObjectName("remove_provider")
        self.use_button = QPushButton(self.tr("Use this provider"), self)
        self.use_button.setObjectName("use_provider")

        # ----- the form
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("provider_name")
        self.preset_label = QLabel(self)
        self.preset_label.setObjectName("preset_label")
        self.preset_label.setWordWrap(True)
        self.url_edit = QLineEdit(self)
        self.url_edit.setObjectName("base_url")
        self.url_edit.setPlaceholderText("http://localhost:8000/v1")
        self.model_combo = QComboBox(self)
        self.model_combo.setObjectName("model")
        self.model_combo.setEditable(True)
        self.model_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.refresh_models_button = QPushButton(self.tr("List server's models"), self)
        self.refresh_models_button.setObjectName("refresh_models")
        self.key_edit = QLineEdit(self)
        self.key_edit.setObjectName("api_key")
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_edit.setPlaceholderText(self.tr("Paste the API key"))
        self.save_key_button = QPushButton(self.tr("Save key"), self)
        self.save_key_button.setObjectName("save_key")
        self.forget_key_button = QPushButton(self.tr("Forget key"), self)
        self.forget_key_button.setObjectName("forget_key")
        self.key_status = QLabel(self)
        self.key_status.setObjectName("key_status")
        self.key_status.setWordWrap(True)
        self.key_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.key_status.setOpenExternalLinks(True)
        self.thinking_combo = QComboBox(self)
        self.thinking_combo.setObjectName("thinking_style")
        for style, label in _THINKING_LABELS.items():
            self.thinking_combo.addItem(self.tr(str(label)), style.value)
        self.special_tokens_check = QCheckBox(self.tr("Ask the server to keep special tokens (GLM's box markers)"), self)
        self.special_tokens_check.setObjectName("keep_special_tokens")
        self.video_check = QCheckBox(self.tr("Send video files as video (else as sampled frames)"), self)
        self.video_check.setObjectName("video")
        self.image_side_spin = QSpinBox(self)
        self.image_side_spin.setObjectName("max_image_side")
        self.image_side_spin.setRange(256, 16384)
        self.image_side_spin.setSuffix(" px")
        self.image_mb_spin = QDoubleSpinBox(self)
        self.image_mb_spin.setObjectName("max_image_mb")
        self.image_mb_spin.setRange(0.1, 100.0)
        self.image_mb_spin.setDecimals(1)
        self.image_mb_spin.setSuffix(" MB")
        self.timeout_spin = QSpinBox(self)
        self.timeout_spin.setObjectName("read_timeout")
        self.timeout_spin.setRange(5, 3600)
        self.timeout_spin.setSuffix(" s")
        self.test_button = QPushButton(self.tr("Test connection"), self)
        self.test_button.setObjectName("test_connection")
        self.test_result = QLabel(self)
        self.test_result.setObjectName("test_result")
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)

        # screen readers name each field (also where a row's label cannot be linked to it)
        for field, name in (
            (self.provider_list, self.tr("API providers")),
            (self.name_edit, self.tr("Name")),
            (self.url_edit, self.tr("Base URL")),
            (self.model_combo, self.tr("Model")),
            (self.key_edit, self.tr("API key")),
            (self.thinking_combo, self.tr("Thinking switch")),
            (self.image_side_spin, self.tr("Largest image side")),
            (self.image_mb_spin, self.tr("Largest image file size")),
            (self.timeout_spin, self.tr("Read timeout")),
        ):
            field.setAccessibleName(name)

        model_row = QHBoxLayout()
        model_row.addWidget(self.model_combo, 1)
        model_row.addWidget(self.refresh_models_button)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_edit, 1)
        key_row.addWidget(self.save_key_button)
        key_row.addWidget(self.forget_key_button)
        image_row = QHBoxLayout()
        image_row.addWidget(self.image_side_spin)
        image_row.addWidget(self.image_mb_spin)
        self.form_widget = QWidget(self)
        form = QFormLayout(self.form_widget)
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Kind"), self.preset_label)
        form.addRow(self.tr("Base URL"), self.url_edit)
        form.addRow(self.tr("Model"), model_row)
        form.addRow(self.tr("API key"), key_row)
        form.addRow("", self.key_status)
        form.addRow(self.tr("Thinking switch"), self.thinking_combo)
        form.addRow("", self.special_tokens_check)
        form.addRow("", self.video_check)
        form.addRow(self.tr("Largest image"), image_row)
        form.addRow(self.tr("Read timeout"), self.timeout_spin)
        form.addRow(self.test_button, self.test_result)
        for row, field in ((model_row, self.model_combo), (key_row, self.key_edit), (image_row, self.image_side_spin)):
            caption = form.labelForField(row)
            if isinstance(caption, QLabel):
                caption.setBuddy(field)  # a row of several widgets: its label names the first field

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        left = QVBoxLayout()
        left.addWidget(self.provider_list, 1)
        left.addLayout(buttons)
        left.addWidget(self.use_button)
        body = QHBoxLayout()
        body.addLayout(left)
        body.addWidget(self.form_widget, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.status)

        self.provider_list.currentRowChanged.connect(self._select)
        self.remove_button.clicked.connect(self.remove_current)
        self.use_button.clicked.connect(self.use_current)
        self.name_edit.editingFinished.connect(self._rename)
        self.url_edit.editingFinished.connect(lambda: self._edit(base_url=self.url_edit.text().strip()))
        self.model_combo.currentTextChanged.connect(lambda text: self._edit(model=text.strip()))
        self.thinking_combo.currentIndexChanged.connect(
            lambda _i: self._edit(thinking=ThinkingStyle(self.thinking_combo.currentData()))
        )
        self.special_tokens_check.toggled.connect(lambda on: self._edit(keep_special_tokens=on))
        self.video_check.toggled.connect(lambda on: self._edit(video=on))
        self.image_side_spin.valueChanged.connect(lambda value: self._edit(max_image_side=value))
        self.image_mb_spin.valueChanged.connect(lambda value: self._edit(max_image_bytes=round(value * MB)))
        self.timeout_spin.valueChanged.connect(lambda value: self._edit(read_timeout=float(value)))
        self.save_key_button.clicked.connect(self.save_key)
        self.forget_key_button.clicked.connect(self.forget_key)
        self.key_edit.returnPressed.connect(self.save_key)
        self.refresh_models_button.clicked.connect(self.refresh_models)
        self.test_button.clicked.connect(self.test_connection)
        self.reload()

    # ----- state
    @property
    def secrets(self) -> SecretStore | None:
        source = self._secrets_source
        return source() if callable(source) else source

    @property
    def providers(self) -> list[ProviderConfig]:
        return list(self._providers)

    @property
    def current(self) -> ProviderConfig | None:
        return self._providers[self._current] if 0 <= self._current < len(self._providers) else None

    def reload(self) -> None:
        """Read the providers from the settings (an unreadable entry is reported, not fatal)."""
        try:
            self._providers = load_providers(self._settings.get("models.providers"))
        except UserError as exc:
            self._providers = []
            self.status.setText(str(exc))
        self._fill_list(select=0 if self._providers else -1)

    def _fill_list(self, select: int) -> None:
        self.provider_list.blockSignals(True)
        self.provider_list.clear()
        for provider in self._providers:
            item = QListWidgetItem(self._list_label(provider.name))
            item.setData(Qt.ItemDataRole.UserRole, provider.name)
            self.provider_list.addItem(item)
        self.provider_list.blockSignals(False)
        self._current = -1
        if select >= 0:
            self.provider_list.setCurrentRow(select)
        else:
            self._select(-1)

    def setting_changed(self, key: str) -> None:
        """Another page changed a setting: keep the "(in use)" mark true to the stored choice."""
        if key not in ("models.backend", "models.active_provider"):
            return
        for row in range(self.provider_list.count()):
            item = self.provider_list.item(row)
            item.setText(self._list_label(str(item.data(Qt.ItemDataRole.UserRole))))

    def _list_label(self, name: str) -> str:
        in_use = (
            self._settings.get_str("models.backend") == "openai_compat"
            and name.casefold() == self._settings.get_str("models.active_provider").casefold()
        )
        return name + ("  (in use)" if in_use else "")

    def _select(self, row: int) -> None:
        self._current = row
        provider = self.current
        self.form_widget.setEnabled(provider is not None)
        self.remove_button.setEnabled(provider is not None)
        self.use_button.setEnabled(provider is not None)
        self.test_result.clear()
        self.key_edit.clear()
        if provider is None:
            self.key_status.clear()
            return
        self._loading = True
        try:
            preset = provider.preset_info
            self.name_edit.setText(provider.name)
            self.preset_label.setText(t(preset.label) + (f" — {t(preset.note)}" if preset.note else ""))
            self.url_edit.setText(provider.base_url)
            self.model_combo.clear()
            models = list(preset.models)
            if provider.model and provider.model not in models:
                models.insert(0, provider.model)
            self.model_combo.addItems(models)
            self.model_combo.setCurrentText(provider.model)
            self.thinking_combo.setCurrentIndex(max(0, self.thinking_combo.findData(provider.thinking.value)))
            self.special_tokens_check.setChecked(provider.keep_special_tokens)
            self.video_check.setChecked(provider.video)
            self.image_side_spin.setValue(provider.max_image_side)
            self.image_mb_spin.setValue(provider.max_image_bytes / MB)
            self.timeout_spin.setValue(round(provider.read_timeout))
        finally:
            self._loading = False
        self._show_key_status()

    def _save(self, message: str = "") -> None:
        self._settings.set("models.providers", [p.to_dict() for p in self._providers])
        self.status.setText(message)
        self.providers_changed.emit()

    def _edit(self, **changes: Any) -> None:
        provider = self.current
        if self._loading or provider is None:
            return
        updated = replace(provider, **changes)
        if updated != provider:
            self._providers[self._current] = updated
            self._save()

    # ----- list actions
    def add_provider(self, preset_id: str) -> ProviderConfig:
        """Add a provider from a preset, with a unique name, and select it."""
        name = unique_name(PRESETS[preset_id].label, (p.name for p in self._providers))
        provider = from_preset(preset_id, name)
        self._providers.append(provider)
        self._save(self.tr("Added {0}.").format(name))
        self._fill_list(select=len(self._providers) - 1)
        return provider

    def remove_current(self) -> None:
        provider = self.current
        if provider is None:
            return
        del self._providers[self._current]
        secrets = self.secrets
        if secrets is not None:
            try:
                secrets.delete(provider.name)
            except UserError as exc:
                self.status.setText(str(exc))
        if self._settings.get_str("models.active_provider").casefold() == provider.name.casefold():
            self._settings.set("models.active_provider", "")
        self._save(self.tr("Removed {0} and its key.").format(provider.name))
        self._fill_list(select=min(self._current, len(self._providers) - 1))

    def use_current(self) -> None:
        """Make the selected provider the one answers come from."""
        provider = self.current
        if provider is None:
            return
        self._settings.set("models.active_provider", provider.name)
        self._settings.set("models.backend", "openai_compat")
        chosen = provider.model or self.tr("no model chosen")
        self.status.setText(self.tr("Answers now come from {0} ({1}).").format(provider.name, chosen))
        self.providers_changed.emit()
        self._fill_list(select=self._current)

    def _rename(self) -> None:
        provider = self.current
        if provider is None or self._loading:
            return
        new_name = self.name_edit.text().strip()
        if new_name == provider.name:
            return
        taken = [p.name.casefold() for i, p in enumerate(self._providers) if i != self._current]
        if not new_name or new_name.casefold() in taken:
            refused = self.tr("The name {0!r} is empty or already used; keeping {1!r}.")
            self.status.setText(refused.format(new_name, provider.name))
            self.name_edit.setText(provider.name)
            return
        secrets = self.secrets
        if secrets is not None:
            # the key is stored under the provider's name, so it moves with the name
            try:
                key = secrets.get(provider.name)
                if key:
                    secrets.set(new_name, key)
                    secrets.delete(provider.name)
            except UserError as exc:
                self.status.setText(str(exc))
        if self._settings.get_str("models.active_provider").casefold() == provider.name.casefold():
            self._settings.set("models.active_provider", new_name)
        self._providers[self._current] = replace(provider, name=new_name)
        self._save(self.tr("Renamed {0} to {1}.").format(provider.name, new_name))
        self._fill_list(select=self._current)

    # ----- keys
    def save_key(self) -> None:
        provider = self.current
        secrets = self.secrets
        key = self.key_edit.text().strip()
        if provider is None or not key:
            return
        if secrets is None:
            self.key_status.setText(self.tr("No place to keep keys is available."))
            return
        try:
            secrets.set(provider.name, key)
        except UserError as exc:
            self.key_status.setText(str(exc))
            return
        self.key_edit.clear()
        log.info("API key for %s saved in %s", provider.name, secrets.location)
        self._show_key_status(saved=True)

    def forget_key(self) -> None:
        provider = self.current
        secrets = self.secrets
        if provider is None or secrets is None:
            return
        try:
            secrets.delete(provider.name)
        except UserError as exc:
            self.key_status.setText(str(exc))
            return
        self._show_key_status()

    def _stored_key(self, provider: ProviderConfig) -> str | None:
        secrets = self.secrets
        if secrets is None:
            return None
        try:
            return secrets.get(provider.name)
        except UserError as exc:
            self.key_status.setText(str(exc))
            return None

    def _show_key_status(self, saved: bool = False) -> None:
        provider = self.current
        if provider is None:
            return
        secrets = self.secrets
        env_name = provider.key_env_var
        parts: list[str] = []
        stored = self._stored_key(provider)
        if stored:
            where = secrets.location if secrets is not None else "?"
            parts.append((self.tr("Key saved in {0}.") if saved else self.tr("A key is stored in {0}.")).format(where))
            if secrets is not None and not secrets.persistent:
                parts.append(self.tr("It is forgotten when the app quits; set {0} to keep one.").format(env_name))
        elif provider.needs_key:
            parts.append(self.tr("No key yet: paste it above, or set the environment variable {0}.").format(env_name))
        else:
            parts.append(self.tr("This server usually needs no key."))
        if os.environ.get(env_name):
            parts.append(self.tr("The environment variable {0} is set and is used instead.").format(env_name))
        if provider.preset_info.key_url and not stored:
            url = provider.preset_info.key_url
            parts.append(self.tr('Get a key at <a href="{0}">{0}</a>.').format(url))
        self.key_status.setText(" ".join(parts))

    def _key_for_test(self, provider: ProviderConfig) -> str | None:
        typed = self.key_edit.text().strip()
        if typed:
            return typed
        env = os.environ.get(provider.key_env_var)
        return env or self._stored_key(provider)

    # ----- server round trips (worker threads)
    def refresh_models(self) -> None:
        """Ask the server for its models in the background; the list fills in when it answers."""
        provider = self.current
        if provider is None:
            return
        from desktop_helper.backends.openai_compat import OpenAICompatBackend

        backend = OpenAICompatBackend(
            replace(provider, read_timeout=min(provider.read_timeout, 30.0)), self._key_for_test(provider)
        )

        def work() -> list[str]:
            try:
                return backend.list_models()
            finally:
                backend.close()

        self.refresh_models_button.setEnabled(False)
        self.status.setText(self.tr("Asking {0} for its models…").format(provider.name))
        self._task_kinds[self._tasks.submit(work, name="list-models")] = "models"

    def test_connection(self) -> None:
        """Send a tiny image question in the background; the result label shows latency or the failure."""
        provider = self.current
        if provider is None:
            return
        from desktop_helper.backends.openai_compat import OpenAICompatBackend, check_connection

        key = self._key_for_test(provider)
        self.test_button.setEnabled(False)
        if provider.needs_key and not key:
            self._show_test(
                None, self.tr("No API key is set for {0}: paste it above or set {1}.").format(provider.name, provider.key_env_var)
            )
            return
        backend = OpenAICompatBackend(provider, key)
        cancel = self._test_cancel = CancelToken()

        def work() -> Any:
            try:
                return check_connection(backend, cancel)
            finally:
                backend.close()

        self.test_result.setText(self.tr("Sending a small image to {0}…").format(provider.model or self.tr("the server")))
        self._task_kinds[self._tasks.submit(work, name="test-connection")] = "test"

    def _task_done(self, task_id: int, result: Any) -> None:
        kind = self._task_kinds.pop(task_id, "")
        if kind == "models":
            self.refresh_models_button.setEnabled(True)
            self._fill_models(result)
            self.models_listed.emit(result)
        elif kind == "test":
            self.test_button.setEnabled(True)
            self._show_test(result, "")

    def _task_failed(self, task_id: int, error: BaseException) -> None:
        kind = self._task_kinds.pop(task_id, "")
        if kind == "models":
            self.refresh_models_button.setEnabled(True)
            self.status.setText(self.tr("Could not list the models: {0}").format(error))
            self.models_listed.emit(error)
        elif kind == "test":
            self.test_button.setEnabled(True)
            self._show_test(None, str(error))

    def _fill_models(self, models: list[str]) -> None:
        provider = self.current
        if provider is None:
            return
        self._loading = True
        try:
            current = self.model_combo.currentText()
            self.model_combo.clear()
            self.model_combo.addItems(models)
            self.model_combo.setCurrentText(current if current else (models[0] if models else ""))
        finally:
            self._loading = False
        if not current and models:
            self._edit(model=models[0])
        self.status.setText(f"{provider.name} offers {len(models)} model(s)." if models else f"{provider.name} listed no models.")

    def _show_test(self, report: Any, error: str) -> None:
        self.test_button.setEnabled(True)
        if report is None:
            self.test_result.setText(self.tr("Failed: {0}").format(error))
            self.test_finished.emit(None)
            return
        if report.ok:
            answer = report.answer if len(report.answer) <= 80 else report.answer[:77] + "…"
            self.test_result.setText(
                self.tr("OK: first answer after {0:.0f} ms, done after {1:.0f} ms. The model said: “{2}”").format(
                    report.latency_ms, report.total_ms, answer
                )
            )
        else:
            self.test_result.setText(self.tr("Failed: {0}").format(report.error))
        self.test_finished.emit(report)

    def shutdown(self) -> None:
        """Stop a running connection test and wait for the worker threads."""
        if self._test_cancel is not None:
            self._test_cancel.cancel()
        self._tasks.shutdown()
