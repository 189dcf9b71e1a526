"""Refresh the translation files from the code, or list what must be translated.

    uv run python tools/update_translations.py          # update resources/i18n/*.ts, then translate, then:
    uv run pyside6-lrelease resources/i18n/desktop_helper_zh_CN.ts -qm resources/i18n/desktop_helper_zh_CN.qm

Three kinds of user-visible strings end up in ``resources/i18n/desktop_helper_<lang>.ts``:

- Qt code (``desktop_helper/ui``, ``app.py``): ``self.tr(...)``, ``QCoreApplication.translate``,
  ``QT_TRANSLATE_NOOP`` (the settings schema's words are listed in ``ui/schema_i18n.py``);
  ``pyside6-lupdate`` reads these itself.
- Plain-Python code: the templates of :func:`desktop_helper.core.i18n.t` and ``marked`` (context
  ``Messages``). lupdate cannot see them, so this script writes them as ``QT_TRANSLATE_NOOP`` lines to
  a temporary file that lupdate reads with the rest.
- Qt's own strings that Qt's ``qtbase_zh_CN.qm`` lacks (:data:`QT_MISSING`): our translator is asked
  when Qt's has no translation (the last installed translator is asked first; see ``ui/i18n.py``).

``tests/test_translations_complete.py`` uses the same extraction and fails when a string has no
finished zh_CN translation.
"""

from __future__ import annotations

import ast
import html
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "desktop_helper"
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("en", "zh_CN")
CORE_CONTEXT = "Messages"  # desktop_helper.core.i18n.CONTEXT (not imported: this tool runs without the app)

#: Qt's own strings that qtbase_zh_CN.qm has no translation for (context, source, disambiguation), seen in
#: Qt's file dialog; found by asking a spy QTranslator what the dialog looks up
QT_MISSING = (
    ("QFileDialog", "&Look in:", None),
    ("QFileDialog", "Files of &type:", None),
    ("QAbstractFileIconProvider", "Folder", "All other platforms"),
    ("QAbstractFileIconProvider", "Drive", None),
)


@dataclass(frozen=True)
class Found:
    """One translatable string and where it was found."""

    context: str
    source: str
    path: Path
    line: int


def _python_files(folder: Path) -> Iterator[Path]:
    yield from sorted(p for p in folder.rglob("*.py") if "__pycache__" not in p.parts)


def qt_files() -> list[Path]:
    """The files with Qt translation calls (what lupdate reads)."""
    return [*_python_files(PACKAGE / "ui"), PACKAGE / "app.py"]


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def core_messages(files: list[Path] | None = None) -> list[Found]:
    """Every ``t("...")`` and ``marked("...")`` template in the package (first argument, a literal)."""
    found = []
    for path in files if files is not None else list(_python_files(PACKAGE)):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("t", "marked") and node.args:
                text = _literal(node.args[0])
                if text is not None:
                    found.append(Found(CORE_CONTEXT, text, path, node.lineno))
    return found


def qt_messages(files: list[Path] | None = None) -> list[Found]:
    """``self.tr("...")`` (context: the class), ``QCoreApplication.translate``/``QT_TRANSLATE_NOOP`` (given context)."""
    found = []
    for path in files if files is not None else qt_files():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for cls in [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]:
            for node in ast.walk(cls):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "tr"
                    and isinstance(node.func.value, ast.Name)
                    and node.func.value.id == "self"
                    and node.args
                ):
                    text = _literal(node.args[0])
                    if text is not None:
                        found.append(Found(_innermost_class(tree, node) or cls.name, text, path, node.lineno))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or len(node.args) < 2:
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in ("translate", "QT_TRANSLATE_NOOP"):
                context, text = _literal(node.args[0]), _literal(node.args[1])
                if context is not None and text is not None:
                    found.append(Found(context, text, path, node.lineno))
    return list(dict.fromkeys(found))


def _innermost_class(tree: ast.AST, target: ast.AST) -> str | None:
    """The name of the innermost class around ``target`` (self.tr's context is the object's class)."""
    best: tuple[int, str] | None = None
    for cls in ast.walk(tree):
        if isinstance(cls, ast.ClassDef) and any(n is target for n in ast.walk(cls)):
            depth = cls.col_offset
            if best is None or depth >= best[0]:
                best = (depth, cls.name)
    return best[1] if best else None


def schema_messages() -> list[Found]:
    """The settings schema's sections, labels, descriptions and choice labels (context ``SettingsSchema``)."""
    sys.path.insert(0, str(ROOT))
    from desktop_helper.settings.schema import SCHEMA, SECTIONS

    schema_file = PACKAGE / "settings" / "schema.py"
    texts = list(SECTIONS.values())
    for setting in SCHEMA:
        if setting.visible:
            texts += [setting.label, setting.description]
    return [Found("SettingsSchema", text, schema_file, 0) for text in dict.fromkeys(texts) if text]


def all_messages() -> list[Found]:
    """Every string the interface shows, from the three sources, plus Qt's missing ones."""
    qt_missing = [Found(context, source, Path(__file__), 0) for context, source, _ in QT_MISSING]
    return [*qt_messages(), *core_messages(), *schema_messages(), *qt_missing]


def _python_literal(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def write_marker_file(target: Path) -> None:
    """The core templates and Qt's missing strings as calls lupdate understands."""
    lines = [
        "# Generated by tools/update_translations.py for pyside6-lupdate; not part of the app.",
        "from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication",
        "",
    ]
    for text in dict.fromkeys(found.source for found in core_messages()):
        lines.append(f"QT_TRANSLATE_NOOP({_python_literal(CORE_CONTEXT)}, {_python_literal(text)})")
    for context, source, disambiguation in QT_MISSING:
        extra = f", {_python_literal(disambiguation)}" if disambiguation else ""
        lines.append(f"QCoreApplication.translate({_python_literal(context)}, {_python_literal(source)}{extra})")
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _point_at_the_real_code(ts: Path, marker: Path) -> None:
    """Replace the locations in the temporary marker file by where each template really is (for translators)."""
    where: dict[str, list[tuple[Path, int]]] = {}
    for found in core_messages():
        where.setdefault(found.source, []).append((found.path, found.line))
    for _context, source, _ in QT_MISSING:
        where.setdefault(source, []).append((Path(__file__), 0))
    marker_name = f'filename="../../{marker.relative_to(ROOT).as_posix()}"'
    text = ts.read_text(encoding="utf-8")

    def relocate(match: re.Match[str]) -> str:
        block = match.group(0)
        if marker_name not in block:
            return block
        source = html.unescape(re.search(r"<source>(.*?)</source>", block, re.S).group(1))  # type: ignore[union-attr]
        indent = re.search(r"\n( *)<location", block).group(1)  # type: ignore[union-attr]
        lines = "".join(
            f'{indent}<location filename="../../{path.relative_to(ROOT).as_posix()}" line="{line}"/>\n'
            for path, line in where.get(source, [])
        )
        return re.sub(rf"( *<location {re.escape(marker_name)} line=\"\d+\"/>\n)+", lines, block)

    ts.write_text(re.sub(r"<message>.*?</message>", relocate, text, flags=re.S), encoding="utf-8")


def main() -> int:
    marker = PACKAGE / "ui" / "_core_messages_lupdate.py"
    write_marker_file(marker)
    try:
        lupdate = Path(sys.executable).with_name("pyside6-lupdate")
        files = [str(p.relative_to(ROOT)) for p in [*qt_files(), marker] if p != marker] + [str(marker.relative_to(ROOT))]
        targets = [str((I18N / f"desktop_helper_{language}.ts").relative_to(ROOT)) for language in LANGUAGES]
        subprocess.run([str(lupdate), *files, "-no-obsolete", "-ts", *targets], check=True, cwd=ROOT)
    finally:
        marker.unlink(missing_ok=True)
    for target in targets:
        _point_at_the_real_code(ROOT / target, marker)
    print("Now translate the unfinished messages in resources/i18n/desktop_helper_zh_CN.ts, then run pyside6-lrelease.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
