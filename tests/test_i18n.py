"""English and Simplified Chinese: every visible string of the tray and the settings is translatable."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from desktop_helper.resources import resource
from desktop_helper.settings.schema import SCHEMA, SECTIONS
from desktop_helper.settings.store import Settings
from desktop_helper.ui import schema_i18n
from desktop_helper.ui.i18n import install_translator, remove_translator
from desktop_helper.ui.settings_dialog import SettingsDialog
from desktop_helper.ui.tray import Tray


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    translator = install_translator(qapp, "zh_CN")
    assert translator is not None
    yield
    remove_translator(qapp, translator)


def test_every_settings_string_is_marked_for_translation() -> None:
    wanted = set(SECTIONS.values())
    for setting in SCHEMA:
        if setting.visible:
            wanted |= {setting.label, setting.description}
    assert wanted <= set(schema_i18n.MARKED)


def test_the_chinese_translation_is_complete() -> None:
    tree = ET.parse(resource("i18n", "desktop_helper_zh_CN.ts"))
    unfinished = [
        m.findtext("source")
        for m in tree.iter("message")
        if m.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
    ]
    assert unfinished == []


@pytest.mark.usefixtures("chinese")
def test_tray_menu_in_chinese() -> None:
    tray = Tray()
    texts = {a.objectName(): a.text() for a in tray.menu.actions() if a.text()}
    assert [texts[f"tray_{k}"] for k in ("screenshot", "region", "record", "chat", "settings", "quit")] == [
        "截图", "区域截图", "录屏", "聊天", "设置", "退出"
    ]  # fmt: skip
    tray.set_recording(75)
    assert tray.actions["record"].text() == "停止录屏（1:15）"
    tray.hide()


@pytest.mark.usefixtures("chinese")
def test_settings_dialog_in_chinese(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = SettingsDialog(Settings(tmp_path / "s.json"))
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "设置"
    assert [dialog.sections.item(i).text() for i in range(3)] == ["常规", "快捷键", "模型与服务商"]
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert "登录时启动" in labels
    assert "上下文长度*" in labels  # * marks settings that need a restart
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    # Qt's own buttons come translated from Qt's translation files
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"


def test_english_stays_english(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = SettingsDialog(Settings(tmp_path / "s.json"))
    qtbot.addWidget(dialog)
    assert dialog.sections.item(0).text() == "General"


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_compiled_translations_match_their_sources(language: str, tmp_path: Path) -> None:
    import subprocess
    import sys

    compiled = tmp_path / "out.qm"
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run(
        [str(lrelease), str(resource("i18n", f"desktop_helper_{language}.ts")), "-qm", str(compiled)],
        check=True,
        capture_output=True,
    )
    assert compiled.read_bytes() == resource("i18n", f"desktop_helper_{language}.qm").read_bytes(), "run pyside6-lrelease"


@pytest.mark.usefixtures("chinese")
def test_the_device_in_the_status_line_in_chinese() -> None:
    from desktop_helper.backends.llama_load_info import LoadInfo
    from desktop_helper.core.i18n import english

    def info(offloaded: int | None, device: str, vision_on_gpu: bool) -> LoadInfo:
        return LoadInfo(
            model_name="GLM-4.6V-Flash",
            gpu_offload_supported=True,
            layers_offloaded=offloaded,
            layers_total=41,
            image_token_budget=1024,
            budget_source="CPU default",
            context_size=16384,
            memory=None,
            seconds=1.0,
            device_setting=device,
            gpu_devices=("Vulkan0 (llvmpipe)",) if offloaded else (),
            vision_on_gpu=vision_on_gpu,
        )

    assert info(None, "cpu", False).where() == "仅 CPU（已在设置中选择 CPU）"
    assert info(None, "auto", False).where() == "仅 CPU（有 GPU 但未使用）"
    assert info(41, "auto", False).where() == "GPU Vulkan0 (llvmpipe)：41/41 层，视觉编码器在 CPU 上"
    assert english(info(41, "auto", True).where()) == "GPU Vulkan0 (llvmpipe): 41/41 layers"
