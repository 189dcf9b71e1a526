"""Translatable messages from code that has no Qt (core, backends, media, history, settings, agent, models).

Mark every sentence the user reads with :func:`t`, a template with named fields::

    raise MediaError(t("Could not read {path}.", path=path), t("Check that the file still exists."))

The UI installs a translator at start (:func:`set_translator`; ``QCoreApplication.translate``,
which is thread-safe), so the sentence comes back in the interface language. Without one (the CLI,
tests, the MCP server) it stays English: the CLI's output is read by scripts and pasted into bug
reports, and it starts without Qt.

The result is a ``str`` that also keeps its English wording in ``.english`` so that the log stays
English (:func:`english`). ``tools/update_translations.py`` finds the templates (the first argument
of every ``t(...)`` call, a plain literal) for the translation files, in the context :data:`CONTEXT`.
"""

from __future__ import annotations

from collections.abc import Callable

#: the Qt translation context of these messages
CONTEXT = "Messages"

Translator = Callable[[str, str], str]

_translator: Translator | None = None


class Text(str):
    """A message in the interface language that remembers its English wording (for logs)."""

    english: str

    def __new__(cls, translated: str, english_text: str) -> Text:
        text = super().__new__(cls, translated)
        text.english = english_text
        return text


def set_translator(translator: Translator | None) -> None:
    """Route :func:`t` through ``translator(context, template)``; None brings English back."""
    global _translator  # noqa: PLW0603 - one process-wide hook, like Qt's own installed translators
    _translator = translator


def t(template: str, /, **fields: object) -> str:
    """``template`` in the interface language with ``fields`` filled in (``{name}`` placeholders).

    The template is a ``str.format`` template even without fields: a literal brace is written ``{{``.

    A field that is itself a :func:`t` message is filled in translated, and in English in ``.english``.
    """
    english_text = template.format(**{name: english(value) for name, value in fields.items()})
    translator = _translator
    if translator is None:
        return Text(english_text, english_text)
    translated_template = translator(CONTEXT, template) or template
    try:
        translated = translated_template.format(**fields)
    except (KeyError, IndexError, ValueError):
        # a translation with a wrong placeholder must never lose the message (tests/test_i18n.py catches it)
        translated = english_text
    return Text(translated, english_text)


def translate(context: str, text: str) -> str:
    """``text`` from another translation context (e.g. a settings label, ``SettingsSchema``), untouched without a translator."""
    translator = _translator
    return (translator(context, text) or text) if translator is not None else text


def marked(template: str) -> str:
    """Mark a sentence kept in a constant for translation; translate it where it is shown, with :func:`t`."""
    return template


def english(value: object) -> object:
    """The English wording of a :func:`t` message (other values as they are), for logs."""
    return value.english if isinstance(value, Text) else value
