"""Interface language: Qt translation files (``resources/i18n/desktop_helper_<lang>.qm``).

English is the source language. ``language.ui`` is ``system`` (follow the system locale),
``en`` or ``zh_CN``; it takes effect at the next start (translated strings are read when widgets
are built). Rebuild the ``.qm`` files after editing a ``.ts`` file::

    uv run pyside6-lrelease resources/i18n/desktop_helper_zh_CN.ts -qm resources/i18n/desktop_helper_zh_CN.qm
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_helper.core import i18n as core_i18n
from desktop_helper.resources import resource

log = logging.getLogger(__name__)

LANGUAGES = ("en", "zh_CN")
#: each language's name in itself: what a reader of that language looks for in a list
NATIVE_NAMES = {"en": "English", "zh_CN": "简体中文"}


def language_for(setting: str, system_locale: str | None = None) -> str:
    """The language to use for ``setting`` (``system``, ``en``, ``zh_CN``)."""
    if setting in LANGUAGES:
        return setting
    name = system_locale if system_locale is not None else QLocale.system().name()
    if name.startswith("zh"):
        # Simplified Chinese for mainland China and Singapore; the UI has no Traditional translation yet
        return "zh_CN"
    return "en"


def install_translator(app: QCoreApplication, setting: str, system_locale: str | None = None) -> QTranslator | None:
    """Install the translation for ``setting``; returns it (keep a reference) or None for English."""
    language = language_for(setting, system_locale)
    if language == "en":
        return None
    translator = QTranslator(app)
    path = resource("i18n", f"desktop_helper_{language}.qm")
    if not translator.load(str(path)):
        log.warning("translation %s not found; the interface stays in English", path)
        return None
    app.installTranslator(translator)
    # messages from plain-Python code (errors, notices, progress) through the same files; translate is thread-safe
    core_i18n.set_translator(QCoreApplication.translate)
    # Qt's own strings (OK, Cancel, Apply, file dialogs) come with Qt
    qt_translator = QTranslator(translator)
    if qt_translator.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_translator)
    log.info("interface language: %s", language)
    return translator


def remove_translator(app: QCoreApplication, translator: QTranslator) -> None:
    """Undo :func:`install_translator` (the app's strings and Qt's own)."""
    for qt_translator in translator.findChildren(QTranslator):
        app.removeTranslator(qt_translator)
    app.removeTranslator(translator)
    core_i18n.set_translator(None)


class RestartPrompt(QObject):
    """After the interface language changed: "Restart now to use 简体中文?" with Restart now / Later.

    Non-modal (``open``), so the settings dialog that stored the change closes first and no nested
    event loop runs; ``restart`` is called when the person picks Restart now.
    """

    def __init__(self, restart: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._restart = restart
        self.box: QMessageBox | None = None

    def offer(self, language: str, parent: QWidget | None = None) -> QMessageBox:
        """Ask about a restart into ``language`` (``en``/``zh_CN``); replaces a prompt still shown."""
        if self.box is not None:
            self.box.close()
        box = self.box = QMessageBox(parent)
        box.setObjectName("restart_prompt")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Language changed"))
        box.setText(self.tr("Restart now to use {0}?").format(NATIVE_NAMES.get(language, language)))
        box.setInformativeText(self.tr("The new language is used from the next start; your chats and settings are kept."))
        restart = box.addButton(self.tr("Restart now"), QMessageBox.ButtonRole.AcceptRole)
        later = box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restart)
        box.setEscapeButton(later)
        restart.clicked.connect(self._restart)
        box.finished.connect(self._forget)
        box.open()
        box.raise_()
        box.activateWindow()
        return box

    def _forget(self) -> None:
        if self.box is not None:
            self.box.deleteLater()
            self.box = None
