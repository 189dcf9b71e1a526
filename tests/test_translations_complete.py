"""Simplified Chinese is complete: every string the user can see has a finished zh_CN translation.

The strings are extracted from the code itself (``tools/update_translations.py``): Qt ``tr()`` and
``translate`` calls in ``desktop_helper/ui`` and ``app.py``, the settings schema, the ``t()`` and
``marked()`` templates of plain-Python code, and Qt's own file-dialog strings that Qt's translation
lacks. An AST check keeps new plain-Python messages from skipping ``t()``.
"""

from __future__ import annotations

import ast
import logging
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from desktop_helper.core.errors import MediaError
from desktop_helper.core.i18n import english, t
from desktop_helper.core.messages import MessageBus, UserMessage
from desktop_helper.ui.i18n import install_translator, remove_translator
from tools.update_translations import PACKAGE, all_messages, core_messages

ZH_TS = Path(__file__).parents[1] / "resources" / "i18n" / "desktop_helper_zh_CN.ts"


def _translations() -> dict[tuple[str, str, str | None], str | None]:
    """(context, source, disambiguation) -> the finished translation, or None when unfinished or empty."""
    table: dict[tuple[str, str, str | None], str | None] = {}
    for context in ET.parse(ZH_TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            finished = translation is not None and translation.get("type") is None and bool(translation.text)
            key = (name, message.findtext("source") or "", message.findtext("comment"))
            table[key] = translation.text if finished and translation is not None else None
    return table


def _placeholders(text: str) -> list[str]:
    """``{name}``/``{0:.1f}`` fields and Qt's ``%1``, in order of appearance sorted (word order may change)."""
    text = text.replace("{{", "").replace("}}", "")
    return sorted(re.findall(r"\{[^{}]*\}", text)) + sorted(re.findall(r"%\d", text))


def test_extraction_finds_every_kind_of_string() -> None:
    found = {(f.context, f.source) for f in all_messages()}
    assert ("StepPanel", "Confirm") in found  # self.tr in a widget
    assert ("SettingsSchema", "Start at login") in found  # the settings schema
    assert ("Messages", "No model is set up yet.") in found  # a core UserError through t()
    assert ("Messages", "Recording saved: {path} ({seconds:.0f} s{dropped}).") in found  # a notice from the UI's bus
    assert ("QFileDialog", "&Look in:") in found  # Qt's own string that qtbase_zh_CN lacks
    assert len(found) > 700


def test_every_user_visible_string_has_a_finished_chinese_translation() -> None:
    table = _translations()
    by_text = {(context, source): value for (context, source, _comment), value in table.items()}
    missing = sorted(
        f"{f.context}: {f.source!r} ({f.path.name}:{f.line})" for f in all_messages() if not by_text.get((f.context, f.source))
    )
    assert missing == [], "run `uv run python tools/update_translations.py`, translate, then pyside6-lrelease (CONTRIBUTING.md)"


def test_translations_keep_every_placeholder() -> None:
    wrong = [
        (source, translation)
        for (_context, source, _comment), translation in _translations().items()
        if translation is not None and _placeholders(source) != _placeholders(translation)
    ]
    assert wrong == []


# ---- plain-Python messages go through t(): an AST check so new code cannot skip it

#: calls whose text arguments reach the user: name -> positions of the text arguments (and keywords)
_SENDERS = {"UserMessage": (1, 2), "HotkeyProblem": (1, 2), "Progress": (0,), "on_status": (0,), "RunOutcome": (1,)}
_TEXT_KEYWORDS = {"message", "fix", "text"}
#: messages that deliberately stay English, and why
_ALLOWED = {
    # the MCP server answers another program (an MCP client and its model), not the person: English, like the CLI
    "desktop_helper/mcp/",
    "desktop_helper/ui/mcp_host.py",
    # not UI text: errors for developers inside the test helpers of the package
    "desktop_helper/selftest.py",
}


def _python_files() -> Iterator[Path]:
    yield from sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _user_error_classes(trees: dict[Path, ast.Module]) -> set[str]:
    """UserError and every class that derives from it, anywhere in the package (by name)."""
    names = {"UserError"}
    grown = True
    while grown:
        grown = False
        for tree in trees.values():
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.name not in names:
                    bases = {b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in node.bases}
                    if bases & names:
                        names.add(node.name)
                        grown = True
    return names


def _bare_text(node: ast.expr) -> bool:
    """A literal, an f-string or a concatenation with one: text that skipped t()."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and bool(node.value.strip())
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _bare_text(node.left) or _bare_text(node.right)
    if isinstance(node, ast.IfExp):
        return _bare_text(node.body) or _bare_text(node.orelse)
    return False


def _unmarked(sources: dict[Path, str], errors: set[str]) -> list[str]:
    problems = []
    senders = {**dict.fromkeys(errors, (0, 1)), **_SENDERS}
    for path, source in sources.items():
        relative = path.relative_to(PACKAGE.parent).as_posix()
        if any(relative.startswith(allowed) for allowed in _ALLOWED):
            continue
        for call in ast.walk(ast.parse(source)):
            if not isinstance(call, ast.Call):
                continue
            func = call.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            positions: tuple[int, ...] | None = senders.get(name)
            if positions is None and isinstance(func, ast.Attribute) and name in ("info", "warning", "error"):
                receiver = ast.get_source_segment(source, func.value) or ""
                if re.search(r"bus|messages", receiver) and "log" not in receiver:
                    positions = (0, 1)  # MessageBus.info/warning/error(text, fix)
            if positions is None:
                continue
            texts = [call.args[i] for i in positions if i < len(call.args)]
            texts += [k.value for k in call.keywords if k.arg in _TEXT_KEYWORDS]
            problems += [f"{relative}:{text.lineno}: {name}(...)" for text in texts if _bare_text(text)]
    return problems


def test_plain_python_messages_go_through_the_translation_marker() -> None:
    sources = {path: path.read_text(encoding="utf-8") for path in _python_files()}
    trees = {path: ast.parse(source) for path, source in sources.items()}
    problems = _unmarked(sources, _user_error_classes(trees))
    assert problems == [], "wrap the text in desktop_helper.core.i18n.t(...) (a template with named fields)"


def test_the_check_catches_a_bare_message() -> None:
    sample = (
        "class MediaError(UserError):\n    pass\n"
        "class DiskError(MediaError):\n    pass\n"
        "def f(bus, path):\n"
        "    bus.warning(f'The disk is full: {path}')\n"
        "    raise DiskError('Free some space.', fix=t('Then try again.'))\n"
    )
    found = _unmarked({PACKAGE / "sample.py": sample}, _user_error_classes({PACKAGE: ast.parse(sample)}))
    assert [p.split(": ", 1)[1] for p in found] == ["warning(...)", "DiskError(...)"]


def test_core_templates_are_plain_literals() -> None:
    """t() with a variable template could not be extracted: every call's first argument is a literal (or a marked one)."""
    dynamic = []
    for path in _python_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "t" and node.args:
                first = node.args[0]
                if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                    dynamic.append(f"{path.name}:{node.lineno}: {ast.unparse(first)}")
    # shown through t() from a constant marked with marked() where it is defined (extracted there)
    allowed = {
        "item.model.description",
        "preset.note",
        "preset.label",
        "_TYPE_NAMES[self.type]",
        "choice.label",
        "self.choice.label",
        "KNOWN_CONFLICTS['<print_screen>']",
        "note",
        "CLICK_LABELS[name]",
    }
    assert [d for d in dynamic if d.split(": ", 1)[1] not in allowed] == []
    marked_texts = {f.source for f in core_messages() if f.context == "Messages"}
    assert "Local model" in marked_texts  # marked() in backends/factory.py, shown with t(choice.label)


def test_qt_translation_calls_take_literals() -> None:
    """A wrapper such as ``_translate(text)`` hides its strings from lupdate and from the extraction above."""
    from tools.update_translations import qt_files

    dynamic = []
    for path in qt_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            if node.func.attr == "tr" and node.args:
                text = node.args[0]
            elif node.func.attr == "translate" and len(node.args) >= 2:
                text = node.args[1]
            else:
                continue
            if not (isinstance(text, ast.Constant) and isinstance(text.value, str)):
                dynamic.append(f"{path.name}:{node.lineno}: {ast.unparse(text)}")
    # each of these translates a constant marked with QT_TRANSLATE_NOOP where it is defined
    allowed = {
        "str(_OUTCOME_TITLES.get(outcome.status, _OUTCOME_TITLES['finished']))",
        "str(label)",
        "doing",
        "text",  # schema_i18n.tr: the settings schema's words, listed in schema_i18n.MARKED
        "PROVIDERS_PAGE",  # schema_i18n.tr of a section title (marked there)
        "page",
    }
    assert [d for d in dynamic if d.split(": ", 1)[1] not in allowed] == []


# ---- the mechanism at run time


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    translator = install_translator(qapp, "zh_CN")
    assert translator is not None
    yield
    remove_translator(qapp, translator)


def test_core_messages_stay_english_without_a_translator() -> None:
    error = MediaError(t("{name}: the file does not exist.", name="a.png"), t("Check the path."))
    assert str(error) == "a.png: the file does not exist. Check the path."


@pytest.mark.usefixtures("chinese")
def test_core_messages_reach_the_user_in_chinese_and_the_log_in_english(caplog: pytest.LogCaptureFixture) -> None:
    text = t("Recording saved: {path} ({seconds:.0f} s{dropped}).", path="/tmp/r.mp4", seconds=5.2, dropped="")
    assert text == "录屏已保存：/tmp/r.mp4（5 秒）。"
    assert english(text) == "Recording saved: /tmp/r.mp4 (5 s)."
    seen: list[UserMessage] = []
    bus = MessageBus()
    bus.subscribe(seen.append)
    with caplog.at_level(logging.INFO, logger="desktop_helper.core.messages"):
        bus.info(text)
    assert seen[0].text == "录屏已保存：/tmp/r.mp4（5 秒）。"
    assert "Recording saved: /tmp/r.mp4 (5 s)." in caplog.text
    assert "录屏" not in caplog.text


@pytest.mark.usefixtures("chinese")
def test_a_nested_message_is_translated_inside_the_outer_one() -> None:
    inner = t("1 page")
    outer = t("{shown}: it has only {pages}.", shown="a.pdf", pages=inner)
    assert outer == "a.pdf：它只有 1 页。"
    assert english(outer) == "a.pdf: it has only 1 page."


@pytest.mark.usefixtures("chinese")
def test_settings_validation_names_the_setting_in_chinese() -> None:
    from desktop_helper.settings.schema import BY_KEY

    with pytest.raises(ValueError, match="CPU 线程") as caught:
        BY_KEY["models.threads"].validate(-5)
    assert "must" not in str(caught.value)


@pytest.mark.usefixtures("chinese")
def test_qt_file_dialog_strings_missing_from_qt_come_from_our_translation(qtbot: QtBot) -> None:
    dialog = QFileDialog(None, "x")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"查找范围(&L)：", "文件类型(&T)："} <= labels
