"""The chat's backend and model pickers, kept in step with the settings.

The backend and the model are chosen elsewhere too (the welcome window, Settings, the providers
page): the pickers follow those changes. Choosing here selects the backend in the settings and
emits :attr:`ModelPicker.chosen`; the chat window then loads it. Its words keep the translation
context ``ChatWindow`` (they were the window's, and so are their translations).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QComboBox, QWidget

from desktop_helper.core.errors import UserError
from desktop_helper.core.messages import Level, UserMessage
from desktop_helper.settings.store import Settings
from desktop_helper.ui.chat_widgets import BackendBox

# settings that change what the backend and model pickers offer
_BACKEND_SETTINGS = frozenset({"models.backend", "models.active_provider", "models.providers", "models.local_model_path"})


class ModelPicker(QObject):
    """Fills ``backend_box`` and ``model_box`` (both children of ``parent``, laid out by it) from the backend service.

    Args:
        backends: the backend service (``None``: nothing to choose).
        settings: where a choice is stored (``None``: a window without settings; the choice is only loaded).
        parent: the widget the boxes belong to.

    Signals (GUI thread):
        chosen(object): a backend or model was chosen (its ``BackendChoice``), to be loaded.
        problem(object): a :class:`UserMessage` saying why a choice cannot be used.
    """

    chosen = Signal(object)
    problem = Signal(object)
    _backend_settings_stored = Signal()

    def __init__(self, backends: object | None, settings: Settings | None, parent: QWidget) -> None:
        super().__init__(parent)
        self.backends = backends
        self.settings = settings
        self.backend_box = BackendBox(parent)
        self.backend_box.activated.connect(self._backend_chosen)
        self.model_box = QComboBox(parent)
        self.model_box.setObjectName("model_box")
        self.model_box.setEditable(True)
        self.model_box.setMinimumContentsLength(18)
        self.model_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        editor = self.model_box.lineEdit()
        assert editor is not None  # an editable combo box always has its line edit
        editor.editingFinished.connect(self._model_chosen)
        self.model_box.activated.connect(lambda _index: self._model_chosen())
        if settings is not None:
            # the backend and model are chosen elsewhere too (welcome window, Settings, providers page): follow them
            self._backend_settings_stored.connect(self.fill, Qt.ConnectionType.QueuedConnection)
            settings.on_change(self._setting_stored)

    def fill(self) -> None:
        """List the backends (the active one chosen) and the active one's models."""
        self.backend_box.clear()
        if self.backends is None:
            self.backend_box.addItem(QCoreApplication.translate("ChatWindow", "No backend"))
            self.backend_box.setEnabled(False)
            return
        active = self.backends.active_choice()  # type: ignore[attr-defined]
        self.backend_box.fill(self.backends.choices(), active.key)  # type: ignore[attr-defined]
        self._fill_models()

    def shutdown(self) -> None:
        if self.settings is not None:
            self.settings.remove_listener(self._setting_stored)

    def _setting_stored(self, key: str, _value: object) -> None:
        if key in _BACKEND_SETTINGS:
            self._backend_settings_stored.emit()  # queued: settings may be stored from any thread

    def _fill_models(self) -> None:
        choice = self.backend_box.currentData()
        self.model_box.clear()
        if choice is None or self.backends is None:
            self.model_box.setEnabled(False)
            return
        self.model_box.addItems(self.backends.models_for(choice))  # type: ignore[attr-defined]
        # the local backend's model is a file chosen in the settings; API models can be typed in
        self.model_box.setEnabled(choice.kind == "openai_compat")

    def _model_chosen(self) -> None:
        choice = self.backend_box.currentData()
        model = self.model_box.currentText().strip()
        if choice is None or self.backends is None or not model or model == choice.model:
            return
        choice = replace(choice, model=model)
        self.backend_box.setItemData(self.backend_box.currentIndex(), choice)
        self.backend_box.show_tooltip()
        self.chosen.emit(choice)

    def _backend_chosen(self, index: int) -> None:
        choice = self.backend_box.itemData(index)
        if choice is None or self.backends is None:
            return
        from desktop_helper.backends import factory

        if self.settings is not None:
            try:
                factory.select(self.settings, choice)
            except UserError as exc:
                self.problem.emit(UserMessage(Level.ERROR, exc.message, exc.fix))
                return
        self._fill_models()
        self.chosen.emit(choice)
