"""tools/screenshots.py: its help works and it has a shot for every Settings page (the generation itself is not run here)."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

from desktop_helper.app import PROVIDERS_PAGE
from desktop_helper.settings.schema import SECTIONS

REPO = Path(__file__).resolve().parent.parent
TOOL = REPO / "tools" / "screenshots.py"


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("screenshots_tool", TOOL)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_help_runs_and_names_the_shots() -> None:
    result = subprocess.run([sys.executable, str(TOOL), "--help"], capture_output=True, text=True, timeout=60, cwd="/")
    assert result.returncode == 0, result.stderr
    assert "OUT_DIR" in result.stdout
    assert "settings-api-providers" in result.stdout.replace("\n", " ").replace(" ", "")


def test_every_settings_page_has_a_screenshot() -> None:
    tool = _tool()
    # the dialog's pages: the schema's sections, then the pages app.py adds (one add_page call each)
    extra_pages = len(re.findall(r"\.add_page\(", (REPO / "desktop_helper" / "app.py").read_text()))
    pages = [*SECTIONS.values(), PROVIDERS_PAGE]
    assert extra_pages == 1, "app.py adds a Settings page tools/screenshots.py does not know: add it to SETTINGS_PAGES"
    assert list(tool.SETTINGS_PAGES) == pages
    for page in pages:
        assert tool.settings_shot(page) in tool.SHOTS


def test_the_main_shots_are_there() -> None:
    shots = set(_tool().SHOTS)
    expected = {"welcome", "chat", "tray-menu", "region-selector", "find-boxes", "agent-panel", "recording-indicator"}
    assert expected <= shots
