"""Journey (h): switch the interface to Simplified Chinese in Settings, restart, and look at everything.

One person's session (a module fixture, run once) is observed; the tests below each check one part of
what the person saw: window titles (as the window manager shows them), the words of every settings page
and dialog (their accessible names, what a screen reader reads), and the tray menu (pixels: Qt keeps
popup menus out of the accessibility tree, so each menu row is compared with the English one).

The language change is made as a person makes it: Settings > Language > 简体中文 > OK, then the
app's own "Restart now" (a new process, the old one gone).
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest

from desktop_helper.settings.schema import SECTIONS
from tests.harness.xserver import XServer
from tests.journeys.atspi import AccessibilityBus
from tests.journeys.conftest import App, Desktop, wait_until

pytestmark = [pytest.mark.gui, pytest.mark.slow]

ZH_TS = Path(__file__).parents[2] / "resources" / "i18n" / "desktop_helper_zh_CN.ts"
CJK = re.compile(r"[\u3400-\u9fff]")
#: words that stay as they are in a Chinese interface: names, formats, units, protocols
KEPT = re.compile(
    r"^(Desktop Helper|GLM[-\w.]*( Q\d_\w+)?( \(recommended\))?|GGUF|API|Z\.ai.*|vLLM|SGLang|Ollama|LM Studio|llama\.cpp.*|"
    r"Flash Attention\*?|<[a-z]+>.*|[\w.-]+\.(json|gguf|png|mp4)|https?://\S+|[\d\s.,:%≈≤×x()/-]*(px|MB|GB|s|ms)?|OK)$"
)
PAGES = [*SECTIONS.values(), "API providers"]


def chinese(source: str) -> str:
    """The translation of ``source`` in the project's zh_CN file (the person reads the Chinese label)."""
    for message in ET.parse(ZH_TS).getroot().iter("message"):
        if message.findtext("source") == source:
            return message.findtext("translation") or source
    raise KeyError(source)


def english_left(texts: list[str]) -> list[str]:
    """Strings a Chinese reader would find in English (no Chinese in them, and not a name, a file or a number)."""
    return [
        t
        for t in texts
        if re.search(r"[A-Za-z]{2,}", t) and not CJK.search(t) and not KEPT.match(t.strip()) and not _is_file_name(t)
    ]


def _is_file_name(text: str) -> bool:
    """A file or folder the file dialog lists (the test runs from the checkout; the dialog opens there)."""
    try:
        return "\n" not in text and (text == Path.home().name or Path(text).exists() or (Path.cwd() / text).exists())
    except OSError:
        return False


@dataclass
class Observed:
    """What the person saw after the restart in Chinese."""

    titles: dict[str, str] = field(default_factory=dict)
    texts: dict[str, list[str]] = field(default_factory=dict)
    tray_rows: list[tuple[np.ndarray, np.ndarray]] = field(default_factory=list)  # (English, Chinese) per menu row
    restart_prompt: list[str] = field(default_factory=list)  # what the restart question said (in English)


def _menu_rows(desktop: Desktop, app: App) -> list[np.ndarray]:
    """Open the tray menu with a right click, cut it into its text rows (grey levels), close it."""
    x1, y1, x2, y2 = app.tray_icon()
    desktop.move(1000, 500)
    before = np.asarray(desktop.grab().convert("L"), dtype=np.int16)
    desktop.click((x1 + x2) // 2, (y1 + y2) // 2, button=3)

    def menu_box() -> tuple[int, int, int, int] | None:
        changed = np.abs(np.asarray(desktop.grab().convert("L"), dtype=np.int16) - before) > 30
        changed[y1 - 2 :, :] = False  # the panel itself (clock, icon highlight)
        ys, xs = np.nonzero(changed)
        if len(xs) < 500:
            return None
        return int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1

    box = wait_until(menu_box, "the tray menu", timeout=10)
    menu = np.asarray(desktop.grab("tray-menu").crop(box).convert("L"), dtype=np.int16)
    desktop.key("Escape")
    wait_until(lambda: menu_box() is None, "the tray menu to close")
    # text rows: horizontal bands with dark (text) pixels, separated by blank lines
    inked = (menu < 100).sum(axis=1) > 0
    rows, start = [], None
    for y, ink in enumerate(inked):
        if ink and start is None:
            start = y
        elif not ink and start is not None:
            if y - start >= 5:  # not a separator line
                rows.append(menu[start:y, :])
            start = None
    return rows


def _settings_pages(desktop: Desktop, app: App) -> dict[str, list[str]]:
    """Open Settings and click each page in turn; what each one says (without the section list and buttons)."""
    assert app.cli("settings").returncode == 0
    desktop.window("^" + chinese("Settings"))
    dialog = wait_until(
        lambda: app.ui().find(lambda n: n.role == "dialog" and n.name.startswith(chinese("Settings"))), "Settings"
    )
    items = wait_until(lambda: [n for n in dialog.walk() if n.role == "list item"], "the list of pages")
    names = [item.name for item in items]
    common = set(names)
    pages: dict[str, list[str]] = {"(the dialog)": [dialog.name, *names]}
    for english, item in zip(PAGES, items, strict=True):
        desktop.click_node(item)
        wait_until(functools.partial(getattr, item, "selected"), f"page {english} selected", timeout=5)
        texts = [t for t in dialog.texts() if t not in common]
        pages[english] = texts
    desktop.grab("settings-last-page")
    desktop.key("Escape")
    desktop.no_window("^" + chinese("Settings"))
    return pages


@pytest.fixture(scope="module")
def observed(
    x_server: XServer, accessibility_bus: AccessibilityBus, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Observed]:
    folder = tmp_path_factory.mktemp("chinese")
    (folder / "screens").mkdir()
    desktop = Desktop(x_server, accessibility_bus, folder / "screens")
    profile = folder / "profile"
    seen = Observed()
    app = App(desktop, profile)
    try:
        # an English first start: the welcome window, the tray menu as it reads in English
        app.wait_ready()
        desktop.window("^Welcome")
        english_rows = _menu_rows(desktop, app)

        # Settings > Language > 简体中文 > OK
        assert app.cli("settings").returncode == 0
        desktop.window("^Settings")
        desktop.click_node(app.widget("Language", "list item"))
        desktop.click_node(app.field("Language", "combo box"))
        desktop.key("End", "Return")
        wait_until(lambda: app.field("Language", "combo box").name == "简体中文", "简体中文 chosen")
        app.press("OK")
        desktop.no_window("^Settings")
        assert app.settings_file()["language.ui"] == "zh_CN"

        # the app offers the restart the language needs; Restart now starts a new process in Chinese
        desktop.window("^Language changed")
        prompt = wait_until(
            lambda: next((w for w in app.ui().children() if "Restart now" in w.texts()), None), "the restart prompt"
        )

        def question() -> list[str] | None:
            texts = prompt.texts()
            return texts if "Restart now to use 简体中文?" in texts else None

        seen.restart_prompt = wait_until(question, "its question")
        desktop.grab("restart-prompt")
        old_pid = app.process.pid
        app.press("Restart now")
        assert app.wait_exit(30) == 0
        app.adopt_restarted()
        assert app.process.pid != old_pid
        app.wait_ready()
        app.wait_log("listening for hotkeys", timeout=30)
        welcome = desktop.window("^" + chinese("Welcome"), timeout=20)
        # the tray menu over the same windows as in English (the chat, white, behind it would change its outline)
        chinese_rows = _menu_rows(desktop, app)
        assert len(chinese_rows) == len(english_rows) >= 6, (len(english_rows), len(chinese_rows))
        seen.tray_rows = list(zip(english_rows, chinese_rows, strict=True))
        seen.titles["welcome"] = desktop.xdotool("getwindowname", welcome.id).strip()
        seen.texts["welcome"] = wait_until(
            lambda: app.ui().find(lambda n: n.role == "dialog" and n.name.startswith(chinese("Welcome"))), "the welcome dialog"
        ).texts()
        app.press(chinese("Use GGUF files I already have…"))
        picker = desktop.window("^" + chinese("Choose the model GGUF"))
        seen.titles["file dialog"] = desktop.xdotool("getwindowname", picker.id).strip()
        picker_name = seen.titles["file dialog"]
        seen.texts["file dialog"] = wait_until(lambda: app.ui().find(lambda n: n.name == picker_name), "its text").texts()
        desktop.grab("file-dialog")
        desktop.key("Escape")
        desktop.no_window("^" + chinese("Choose the model GGUF"))

        assert app.cli("show-chat").returncode == 0
        chat = desktop.window("^" + chinese("Chat"))
        seen.titles["chat"] = desktop.xdotool("getwindowname", chat.id).strip()
        seen.texts["chat"] = wait_until(
            lambda: app.ui().find(lambda n: n.role == "frame" and n.name.startswith(chinese("Chat"))), "the chat's words"
        ).texts()
        desktop.grab("chat")

        for page, texts in _settings_pages(desktop, app).items():
            seen.texts[f"settings: {page}"] = texts

        # the agent asks for its task
        before = {w.id for w in desktop.windows(".")}
        desktop.hotkey("g")
        task = wait_until(lambda: next((w for w in desktop.windows(".") if w.id not in before), None), "the agent's task dialog")
        seen.titles["agent task"] = desktop.xdotool("getwindowname", task.id).strip()
        name = seen.titles["agent task"]
        seen.texts["agent task"] = wait_until(
            lambda: app.ui().find(lambda n: n.role == "dialog" and n.name == name), "its text"
        ).texts()
        desktop.grab("agent-task")
        desktop.key("Escape")
        app.quit()
        yield seen
    finally:
        app.close()


WINDOWS = ["chat", "welcome", "file dialog", "agent task"]


@pytest.mark.parametrize("window", WINDOWS)
def test_window_title_is_chinese(observed: Observed, window: str) -> None:
    assert CJK.search(observed.titles[window]), f"the {window} window's title is {observed.titles[window]!r}"


@pytest.mark.parametrize("window", WINDOWS)
def test_window_words_are_chinese(observed: Observed, window: str) -> None:
    assert english_left(observed.texts[window]) == [], f"English left in the {window} window"


def test_the_language_change_offered_a_restart(observed: Observed) -> None:
    assert "Restart now" in observed.restart_prompt
    assert "Later" in observed.restart_prompt


def test_tray_menu_shows_chinese(observed: Observed) -> None:
    for number, (english, chinese_row) in enumerate(observed.tray_rows, 1):
        same = english.shape == chinese_row.shape and np.array_equal(english, chinese_row)
        assert not same, f"tray menu row {number} still reads as in English"


def test_settings_dialog_and_page_list_show_chinese(observed: Observed) -> None:
    assert english_left(observed.texts["settings: (the dialog)"]) == []


@pytest.mark.parametrize("page", PAGES)
def test_settings_page_shows_chinese(observed: Observed, page: str) -> None:
    assert english_left(observed.texts[f"settings: {page}"]) == [], f"English left on the {page} page"
