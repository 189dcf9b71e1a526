"""tools/screenshots.py: its help works and it has a shot for every Settings page (the generation itself is not run here)."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

from pytestqt.qtbot import QtBot

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


def test_the_api_providers_shot_shows_a_working_provider(qtbot: QtBot, tmp_path: Path) -> None:
    """The providers page is shot with a provider set up (a llama.cpp server on 127.0.0.1), not empty and disabled."""
    from desktop_helper.settings.store import Settings
    from desktop_helper.ui.providers_page import ProvidersPage

    tool = _tool()
    text = tool.DEMO_TEXT["en"]
    server = tool.demo_server(text)
    try:
        provider = tool.demo_provider(server.url, text)
        assert provider["base_url"].startswith("http://127.0.0.1:")  # no network
        settings = Settings(tmp_path / "settings.json")
        settings.set("models.providers", [provider])
        settings.set("models.active_provider", provider["name"])
        page = ProvidersPage(settings, None)
        qtbot.addWidget(page)
        page.show()
        assert page.provider_list.count() == 1
        assert page.form_widget.isEnabled()
        assert page.model_combo.currentText() == tool.DEMO_SERVER_MODEL
        with qtbot.waitSignal(page.test_finished, timeout=20000):
            page.test_button.click()
        assert page.test_result.text().startswith("OK"), page.test_result.text()
        assert text["server_answer"] in page.test_result.text()
        page.shutdown()
    finally:
        server.stop()
