"""Words a user understands, in English and Simplified Chinese (issue 16): one name for the agent,
disk space told apart from memory, no internal identifiers in the settings."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_helper.models.catalog import KNOWN_MODELS
from desktop_helper.models.manager import Offer
from desktop_helper.models.memory import MemoryEstimate
from desktop_helper.settings.schema import SCHEMA, SECTIONS
from desktop_helper.ui.i18n import install_translator, remove_translator
from desktop_helper.ui.settings_dialog import special_values

ZH_TS = Path(__file__).parents[1] / "resources" / "i18n" / "desktop_helper_zh_CN.ts"
GB = 1024**3

#: the one Chinese name of the GUI agent. "智能体" is what Chinese AI products call an agent (Zhipu's own
#: AutoGLM, Doubao, ERNIE); it is short enough for the tray menu and the step panel, and it is not "助手",
#: which the chat already uses for the model's answers ("Assistant").
AGENT_ZH = "智能体"
#: other names it had ("代理" is not among them: it is the right word for a network proxy)
OTHER_AGENT_NAMES = ("界面操作助手", "操作助手", "GUI 智能体", "GUI智能体")


def _chinese_messages() -> list[tuple[str, str, str]]:
    """(context, English source, Chinese translation) of every finished message."""
    messages = []
    for context in ET.parse(ZH_TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            messages.append((name, message.findtext("source") or "", message.findtext("translation") or ""))
    return messages


def test_chinese_names_the_agent_one_way_everywhere() -> None:
    about_the_agent = [(c, s, tr) for c, s, tr in _chinese_messages() if re.search(r"\bagent\b", s, re.IGNORECASE)]
    assert len(about_the_agent) > 10  # the settings, the tray, the step panel, the core's messages
    named_otherwise = [(c, s, tr) for c, s, tr in about_the_agent if AGENT_ZH not in tr]
    assert named_otherwise == []
    other_names = [(c, s, tr) for c, s, tr in _chinese_messages() if any(n in tr for n in OTHER_AGENT_NAMES)]
    assert other_names == []
    # "助手" (the chat's "Assistant") never stands for the agent
    assert [(c, s, tr) for c, s, tr in about_the_agent if "助手" in tr] == []


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    translator = install_translator(qapp, "zh_CN")
    assert translator is not None
    yield
    remove_translator(qapp, translator)


def _offer() -> Offer:
    memory = MemoryEstimate(weights=7 * GB, kv_cache=GB // 2, compute=GB // 2, vision=GB // 5, available=21 * GB)
    return Offer(KNOWN_MODELS[0], download_bytes=8_100_000_000, already_downloaded=0, disk_free=69_000_000_000, memory=memory)


def test_the_welcome_offer_tells_disk_space_from_memory() -> None:
    summary = _offer().summary()
    assert summary.startswith("Download 8.1 GB; ")  # the card's title already names the model
    assert summary.count("free") == 1, summary  # "free" was said of the disk and of the memory
    assert "69 GB of disk space free" in summary
    assert "21.0 GB of memory available" in summary
    assert "RAM" not in summary  # "memory", the word the rest of the app uses


@pytest.mark.usefixtures("chinese")
def test_the_welcome_offer_tells_disk_space_from_memory_in_chinese() -> None:
    summary = _offer().summary()
    assert summary.startswith("下载 8.1 GB；")
    assert "磁盘剩余空间 69 GB" in summary
    assert "可用内存 21.0 GB" in summary
    assert summary.count("可用") == 1, summary
    assert "RAM" not in summary


def _snake_case_words(text: str) -> set[str]:
    return set(re.findall(r"\b[a-z0-9]+(?:_[a-z0-9]+)+\b", text))


def test_settings_speak_in_user_words_not_internal_names(qapp: QApplication) -> None:
    internal = {choice for setting in SCHEMA if setting.choices for choice in setting.choices if "_" in choice}
    internal |= {setting.key.split(".", 1)[1] for setting in SCHEMA if "_" in setting.key}
    shown = [setting.label for setting in SCHEMA if setting.visible]
    shown += [setting.description for setting in SCHEMA if setting.visible]
    shown += list(SECTIONS.values())
    assert [text for text in shown if _snake_case_words(text) & internal] == []
    # "backend" is the code's word; the user picks where the model runs and reads about the model's limits
    shown += list(special_values().values())
    assert [text for text in shown if "backend" in text.lower()] == []


def _english_words_in_fstrings_shown(path: Path) -> list[str]:
    """f-strings with English words handed straight to a label, tooltip or title (they skip the translation)."""
    import ast

    shown_by = {"setText", "setToolTip", "setWindowTitle", "setPlaceholderText", "showMessage", "setStatusTip"}
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in shown_by:
            for argument in ast.walk(node):
                if isinstance(argument, ast.JoinedStr):
                    words = " ".join(v.value for v in argument.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
                    if re.search(r"[A-Za-z]{3,}", words):
                        found.append(f"{path.name}:{node.lineno}: {words.strip()}")
    return found


def test_qt_code_never_shows_an_english_fstring() -> None:
    package = Path(__file__).parents[1] / "desktop_helper"
    files = [*sorted((package / "ui").glob("*.py")), package / "app.py"]
    assert [found for path in files for found in _english_words_in_fstrings_shown(path)] == []


@pytest.mark.usefixtures("chinese")
def test_listing_a_providers_models_is_said_in_chinese(qtbot: QtBot, tmp_path: Path) -> None:
    from desktop_helper.settings.providers import from_preset
    from desktop_helper.settings.store import Settings
    from desktop_helper.ui.providers_page import ProvidersPage
    from tests.fixtures.servers import FakeOpenAIServer

    server = FakeOpenAIServer().start()
    try:
        server.models = ["glm-a", "glm-b"]
        settings = Settings(tmp_path / "settings.json")
        provider = from_preset("llamacpp", "Mine").to_dict() | {"base_url": server.url}
        settings.set("models.providers", [provider])
        page = ProvidersPage(settings, None)
        qtbot.addWidget(page)
        with qtbot.waitSignal(page.models_listed, timeout=20000):
            page.refresh_models()
        assert page.status.text() == "Mine 提供 2 个模型。"
        page.shutdown()
    finally:
        server.stop()


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_trays_stop_says_what_it_stops_as_its_hotkey_does(qapp: QApplication, language: str) -> None:
    """The tray's Stop ends the agent, a recording, a search and the overlays: not a bare "Stop", and named as its hotkey."""
    from desktop_helper.settings.schema import BY_KEY, SCHEMA_CONTEXT
    from desktop_helper.ui.tray import TRAY_HOTKEYS, Tray

    translator = install_translator(qapp, language) if language != "en" else None
    try:
        tray = Tray()
        stop = next(a for a in tray.menu.actions() if a.objectName() == "tray_stop")
        hotkey_label = QApplication.translate(SCHEMA_CONTEXT, BY_KEY[TRAY_HOTKEYS["stop"]].label)
        assert stop.text() == hotkey_label
        assert stop.text() not in ("Stop", "停止")
    finally:
        if translator is not None:
            remove_translator(qapp, translator)


def test_chinese_names_the_thinking_switch_one_way() -> None:
    """The chat's check box and the setting are the same switch: "深度思考", as Chinese chat apps call it."""
    switch = [(c, s, tr) for c, s, tr in _chinese_messages() if s in ("Thinking", "Thinking switch")]
    assert len(switch) >= 3  # the chat's box, the setting, the providers page
    assert [(c, s, tr) for c, s, tr in switch if "深度思考" not in tr] == []


@pytest.mark.usefixtures("chinese")
def test_an_agent_runs_history_title_is_in_the_interface_language(tmp_path: Path) -> None:
    from desktop_helper.agent.record import HistoryStepRecorder, RunOutcome
    from desktop_helper.history.store import HistoryStore

    recorder = HistoryStepRecorder(tmp_path / "history.db", tmp_path / "attachments")
    recorder.begin("打开设置")
    recorder.end(RunOutcome("stopped", "Stopped.", 0))
    store = HistoryStore(tmp_path / "history.db", tmp_path / "attachments")
    try:
        assert [c.title for c in store.conversations()] == ["智能体：打开设置"]
    finally:
        store.close()


@pytest.mark.usefixtures("chinese")
def test_a_recording_stopped_by_a_full_disk_says_so_in_chinese(tmp_path: Path) -> None:
    from desktop_helper.core.geometry import Rect
    from desktop_helper.media.recording import Recorder

    recorder = Recorder(None, Rect(0, 0, 64, 64), tmp_path, "r", grab_into=lambda _pixels: None, min_free_bytes=2**40)
    message = recorder._low_space_message()  # what the notice shows when the disk fills up mid-recording
    assert message.startswith("磁盘快满了"), message


@pytest.mark.usefixtures("chinese")
def test_a_damaged_settings_file_is_reported_in_chinese(tmp_path: Path) -> None:
    from desktop_helper.settings.store import Settings

    path = tmp_path / "settings.json"
    path.write_text('{"version": 1, "values": {"general.show_chat_on_start": true, "models.providers": 7', encoding="utf-8")
    problems = Settings(path).problems
    assert len(problems) == 1
    assert problems[0].message.startswith(f"设置文件 {path} 已损坏（它不是完整、有效的 JSON）"), problems[0].message
    assert (problems[0].fix or "").startswith("原文件已保存为 ")
