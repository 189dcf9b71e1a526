"""Regenerate the README's screenshots: the real app on its own Xvfb desktop, in English and Simplified Chinese.

    uv run python tools/screenshots.py OUT_DIR [--languages en zh_CN] [--size 1440x900]

Each language gets a fresh profile and a scripted model (``DESKTOP_HELPER_SCRIPTED_BACKEND``) whose
answers are known: a chat answer with thinking and a box, the box for "find", and agent steps. The app
is driven as the journey tests drive it (xdotool keys and clicks, the ``desktop-helper`` CLI, the
accessibility tree to find a widget) and each window is cropped from a grab of the screen. The result
is ``OUT_DIR/<language>/<shot>.png``, quantized to keep the set small.

Needs Xvfb, fluxbox, xdotool, dbus and at-spi2-core (README "Before you start"), and a CJK font
(fonts-wqy-microhei or fonts-noto-cjk) for the Chinese set.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tests.journeys.atspi import Node
    from tests.journeys.conftest import App

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run as a file: the repository's packages (tests.harness, desktop_helper)
    sys.path.insert(0, str(REPO))

#: the Settings dialog's pages in order, English titles (settings/schema.py SECTIONS, then app.py's extra pages)
SETTINGS_PAGES: tuple[str, ...] = (
    "General",
    "Hotkeys",
    "Models and providers",
    "Capture",
    "Overlay",
    "GUI agent",
    "Privacy",
    "MCP server",
    "Language",
    "API providers",
)


def settings_shot(page: str) -> str:
    return "settings-" + page.lower().replace(" ", "-")


#: every shot taken for each language, in the order they are taken
SHOTS: tuple[str, ...] = (
    "welcome",
    "chat",
    *(settings_shot(page) for page in SETTINGS_PAGES),
    "tray-menu",
    "region-selector",
    "find-boxes",
    "agent-panel",
    "recording-indicator",
)

LANGUAGES = ("en", "zh_CN")
#: where the "find" answer and the agent's step point: another program's blue square (screen fractions)
BLUE_WINDOW = (0.55, 0.28, 0.30, 0.34)


def _step(reason: str, call: str) -> str:
    return f"{reason}\n<|begin_of_box|>{call}<|end_of_box|>\nMemory:\n[]"


#: what the person types and the scripted model says, per language (the shots show a conversation in that language)
DEMO_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "question": "What does this window show?",
        "thinking": "The person asks what the screenshot shows. I see a window with four coloured squares; "
        "the blue one is at the bottom left.",
        "answer": "The screenshot shows a window with **four coloured squares**:\n\n"
        "- red and green at the top,\n- blue and white at the bottom.\n\nThe blue square is here: ",
        "target": "the blue square",
        "found": "The blue square",
        "task": "Select the blue square",
        "step": "Click the blue square to select it.",
    },
    "zh_CN": {
        "question": "这个窗口里有什么？",
        "thinking": "用户问截图里有什么。我看到一个窗口，里面有四个彩色方块，蓝色的在左下角。",
        "answer": "截图里是一个有**四个彩色方块**的窗口：\n\n- 上面是红色和绿色，\n- 下面是蓝色和白色。\n\n蓝色方块在这里：",
        "target": "蓝色方块",
        "found": "蓝色方块",
        "task": "选中蓝色方块",
        "step": "点击蓝色方块以选中它。",
    },
}


def scripted_answers(size: tuple[int, int], blue: tuple[int, int, int, int], text: dict[str, str]) -> list[str]:
    """The model's answers in the order the shots ask: chat, find, agent step."""
    width, height = size
    box = [round(blue[0] / width * 1000), round(blue[1] / height * 1000)]
    box += [round(blue[2] / width * 1000), round(blue[3] / height * 1000)]
    box_text = f"[[{box[0]},{box[1]},{box[2]},{box[3]}]]"
    centre = f"[{(box[0] + box[2]) // 2},{(box[1] + box[3]) // 2}]"
    chat = f"<think>{text['thinking']}</think>{text['answer']}<|begin_of_box|>{box_text}<|end_of_box|>"
    find = f"{text['found']}: <|begin_of_box|>{box_text}<|end_of_box|>"
    agent = _step(text["step"], f"left_click(start_box='{centre}')")
    return [chat, find, agent]


def parse_size(text: str) -> tuple[int, int]:
    width, _, height = text.partition("x")
    return int(width), int(height)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="tools/screenshots.py",
        description="Start the app on its own Xvfb and save its screenshots (" + ", ".join(SHOTS) + ") per language.",
    )
    parser.add_argument("out_dir", type=Path, metavar="OUT_DIR", help="folder for <language>/<shot>.png")
    parser.add_argument("--languages", nargs="+", default=list(LANGUAGES), choices=LANGUAGES)
    parser.add_argument("--size", type=parse_size, default=(1440, 900), help="screen size WIDTHxHEIGHT (1440x900)")
    parser.add_argument("--colours", type=int, default=256, help="palette size of the saved PNGs (0: keep full colour)")
    args = parser.parse_args(argv)
    for language in args.languages:
        Session(args.out_dir / language, language, args.size, args.colours).run()
    print(f"screenshots saved under {args.out_dir}")
    return 0


class Session:
    """One language's shots: its own X server, accessibility bus, profile and app."""

    def __init__(self, out_dir: Path, language: str, size: tuple[int, int], colours: int) -> None:
        self.out_dir = out_dir
        self.language = language
        self.size = size
        self.colours = colours
        self.text = DEMO_TEXT[language]
        self.taken: list[str] = []

    def run(self) -> None:
        from tests.harness.xserver import XServer
        from tests.journeys.atspi import AccessibilityBus
        from tests.journeys.conftest import Desktop

        self.out_dir.mkdir(parents=True, exist_ok=True)
        server = XServer(screens=[self.size]).start()
        bus = AccessibilityBus()
        work = Path(tempfile.mkdtemp(prefix=f"shots-{self.language}-"))
        try:
            self.desktop = Desktop(server, bus, work)
            self.desktop.move(self.size[0] // 2, self.size[1] // 2)
            self.welcome(work / "welcome-profile")
            self.main_shots(work)
        finally:
            bus.close()
            server.stop()
        missing = [shot for shot in SHOTS if shot not in self.taken]
        if missing:
            raise SystemExit(f"{self.language}: shots not taken: {', '.join(missing)}")

    # ----- helpers
    @contextmanager
    def app(self, profile: Path, env: dict[str, str] | None = None) -> Iterator[App]:
        from tests.journeys.conftest import App, write_settings

        write_settings(profile, {"language.ui": self.language, "overlay.fade_seconds": 0.0})
        app = App(self.desktop, profile, env)
        try:
            app.wait_ready()
            yield app
            app.quit()
        finally:
            app.close()

    def windows_of(self, app: App) -> set[str]:
        pid = str(app.process.pid)
        found = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--pid", pid],
            env=self.desktop.server.env,
            capture_output=True,
            text=True,
            check=False,
        )
        return set(found.stdout.split())

    def new_window(self, app: App, before: set[str], timeout: float = 20) -> tuple[int, int, int, int]:
        """Where (x1, y1, x2, y2) a window the app has just shown sits on the screen, without decorations."""
        from tests.journeys.conftest import wait_until

        def largest() -> tuple[int, int, int, int] | None:
            boxes = [self.client_box(w) for w in self.windows_of(app) - before]
            boxes = [b for b in boxes if b[2] - b[0] > 60]
            return max(boxes, key=lambda b: (b[2] - b[0]) * (b[3] - b[1]), default=None)

        wait_until(largest, "a new window of the app", timeout)
        time.sleep(1.0)  # let it paint and the window manager place it
        box: tuple[int, int, int, int] = wait_until(largest, "a new window of the app", timeout)
        return box

    def place_largest(self, app: App, before: set[str], where: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
        """Move and resize the app's largest new window to (x, y, width, height); where it is now."""
        window = max(self.windows_of(app) - before, key=lambda w: self.area(self.client_box(w)))
        x, y, width, height = where
        self.desktop.xdotool("windowsize", window, str(width), str(height))
        self.desktop.xdotool("windowmove", window, str(x), str(y))
        time.sleep(1.0)
        return self.client_box(window)

    @staticmethod
    def area(box: tuple[int, int, int, int]) -> int:
        return (box[2] - box[0]) * (box[3] - box[1])

    def client_box(self, window: str) -> tuple[int, int, int, int]:
        out = subprocess.run(
            ["xwininfo", "-id", window], env=self.desktop.server.env, capture_output=True, text=True, check=False
        ).stdout
        values = {}
        for line in out.splitlines():
            key, _, value = line.strip().partition(":")
            if key in ("Absolute upper-left X", "Absolute upper-left Y", "Width", "Height"):
                values[key] = int(value)
        x, y = values["Absolute upper-left X"], values["Absolute upper-left Y"]
        return max(0, x), max(0, y), min(self.size[0], x + values["Width"]), min(self.size[1], y + values["Height"])

    def save(self, name: str, box: tuple[int, int, int, int] | None = None) -> None:
        from PIL import Image

        assert name in SHOTS, name
        image = self.desktop.grab()
        if box is not None:
            image = image.crop(box)
        if self.colours:
            image = image.quantize(self.colours, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        image.save(self.out_dir / f"{name}.png", optimize=True)
        self.taken.append(name)
        print(f"{self.language}/{name}.png", flush=True)

    def until(self, condition: Callable[[], Any], what: str, timeout: float = 20) -> Any:
        from tests.journeys.conftest import wait_until

        return wait_until(condition, what, timeout)

    # ----- the shots
    def welcome(self, profile: Path) -> None:
        with self.app(profile) as app:
            box = self.new_window(app, set())
            self.save("welcome", box)

    def main_shots(self, work: Path) -> None:
        from tests.journeys.conftest import OtherApps

        width, height = self.size
        fx, fy, fw, fh = BLUE_WINDOW
        colours = (round(fx * width), round(fy * height), round(fw * width), round(fh * height))
        x, y, w, h = colours
        blue = (x, y + h // 2, x + w // 2, y + h)  # the colour window's bottom-left quarter
        script = work / "demo-answers.json"
        script.write_text(json.dumps({"script": scripted_answers(self.size, blue, self.text), "chunk_size": 16, "delay": 0.0}))
        others = OtherApps(self.desktop)
        try:
            with self.app(work / "profile", {"DESKTOP_HELPER_SCRIPTED_BACKEND": str(script)}) as app:
                self.until(lambda: app.status()["model"]["ready"], "the model")
                others(*colours, managed=False)  # another program with something to point at
                before = self.windows_of(app)
                self.region_selector(app)  # the region selected is the chat's first attachment
                self.new_window(app, before)
                chat = self.place_largest(app, before, (30, 20, min(1180, width - 60), height - 80))
                assert app.cli("capture", "screen").returncode == 0
                time.sleep(2)
                others.close_all()  # not over the windows shot next
                self.chat(app, chat)
                self.settings(app)
                self.tray_menu(app)
                others(*colours, managed=False)
                self.find(app)
                self.recording(app)
                self.agent(app)  # last: its panel stays on the screen after the run
        finally:
            others.close_all()

    def region_selector(self, app: App) -> None:
        assert app.cli("capture", "region").returncode == 0
        self.drag_region()
        self.save("region-selector")
        self.desktop.xdotool("mouseup", "1")

    def drag_region(self) -> None:
        """In the region selector: press at the colour window's top left and drag past its bottom right (held)."""
        width, height = self.size
        time.sleep(1.5)
        start, end = (round(width * 0.52), round(height * 0.24)), (round(width * 0.88), round(height * 0.66))
        self.desktop.move(*start)
        self.desktop.xdotool("mousedown", "1")
        for step in range(1, 13):
            self.desktop.move(start[0] + (end[0] - start[0]) * step // 12, start[1] + (end[1] - start[1]) * step // 12)
            time.sleep(0.02)
        time.sleep(0.5)

    def chat(self, app: App, box: tuple[int, int, int, int]) -> None:
        question = self.until(lambda: self.question_box(app), "the question box")
        self.desktop.click_node(question)
        self.type_exactly(question, self.text["question"])
        self.desktop.key("Return")
        self.until(lambda: any(m["role"] == "assistant" for m in app.messages()), "the answer")
        time.sleep(2)
        self.expand_thinking(box)
        # one notch up: the question's heading shows, the bottom of the answer's image goes
        self.desktop.move((box[0] + box[2]) // 2, (box[1] + box[3]) // 2)
        self.desktop.xdotool("click", "4")
        time.sleep(0.5)
        self.desktop.move(self.size[0] - 5, self.size[1] // 2)
        time.sleep(0.5)
        self.save("chat", box)
        assert app.cli("hide-chat").returncode == 0

    def type_exactly(self, field: Node, text: str) -> None:
        """Type ``text`` into ``field``; xdotool may drop the first character it types outside the keymap (CJK)."""
        for _attempt in range(3):
            self.desktop.type(text)
            time.sleep(0.5)
            count = int(field._property("org.a11y.atspi.Text", "CharacterCount"))  # type: ignore[call-overload]
            if str(field._call("org.a11y.atspi.Text", "GetText", "ii", (0, count))[0]) == text:
                return
            self.desktop.key("ctrl+a", "BackSpace")
        print(f"{self.language}: the question could not be typed exactly", file=sys.stderr)

    def question_box(self, app: App) -> Node | None:
        """The chat's question box, in any language: the lowest text field of the chat window."""
        chat = app.ui().find(lambda n: n.role == "frame")
        if chat is None:
            return None
        boxes = [n for n in chat.walk() if n.role == "text" and n.extents()[2] > 200]
        return max(boxes, key=lambda n: n.extents()[1], default=None)

    def expand_thinking(self, box: tuple[int, int, int, int]) -> None:
        """Click the last answer's "Thinking (N words)" link, the line under the last "Assistant" heading."""
        import numpy as np

        from desktop_helper.ui.theme import palettes

        heading = tuple(int(palettes()["light"]["assistant_name"].lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
        area = np.asarray(self.desktop.grab().crop(box).convert("RGB"), dtype=np.int16)
        close = np.abs(area - np.array(heading, dtype=np.int16)).sum(axis=2) <= 30
        close[:, area.shape[1] // 2 :] = False  # headings sit at the left of the conversation
        rows = np.nonzero(close.sum(axis=1) >= 3)[0]
        if not len(rows):
            print(f"{self.language}: the answer's heading was not found; thinking stays folded", file=sys.stderr)
            return
        bottom = int(rows.max())
        columns = np.nonzero(close[max(0, bottom - 14) : bottom + 1].any(axis=0))[0]
        self.desktop.click(box[0] + int(columns.min()) + 30, box[1] + bottom + 13)
        time.sleep(1)

    def settings(self, app: App) -> None:
        before = self.windows_of(app)
        assert app.cli("settings").returncode == 0
        box = self.new_window(app, before)
        dialog = self.until(
            lambda: app.ui().find(lambda n: n.role == "dialog"),
            "the Settings dialog",
        )
        items = self.until(lambda: [n for n in dialog.walk() if n.role == "list item"], "the list of pages")
        if len(items) != len(SETTINGS_PAGES):
            raise SystemExit(f"Settings has {len(items)} pages, tools/screenshots.py knows {len(SETTINGS_PAGES)}: update it")
        for page, item in zip(SETTINGS_PAGES, items, strict=True):
            self.desktop.click_node(item)
            time.sleep(0.6)
            self.save(settings_shot(page), box)
        self.desktop.key("Escape")
        time.sleep(0.5)

    def tray_menu(self, app: App) -> None:
        import numpy as np

        x1, y1, x2, y2 = app.tray_icon()
        self.desktop.move(self.size[0] // 2, self.size[1] // 3)
        time.sleep(0.3)
        before = np.asarray(self.desktop.grab().convert("L"), dtype=np.int16)
        self.desktop.click((x1 + x2) // 2, (y1 + y2) // 2, button=3)

        def menu_box() -> tuple[int, int, int, int] | None:
            changed = np.abs(np.asarray(self.desktop.grab().convert("L"), dtype=np.int16) - before) > 30
            changed[y1 - 2 :, :] = False
            ys, xs = np.nonzero(changed)
            if len(xs) < 500:
                return None
            return int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1

        menu: tuple[int, int, int, int] = self.until(menu_box, "the tray menu", 10)
        time.sleep(0.5)
        left, top, right, _bottom = menu
        pad = 16
        self.save(
            "tray-menu", (max(0, min(left, x1) - pad), max(0, top - pad), min(self.size[0], max(right, x2) + pad), self.size[1])
        )
        self.desktop.key("Escape")
        time.sleep(0.5)

    def find(self, app: App) -> None:
        self.desktop.move(self.size[0] // 4, self.size[1] // 2)
        result = app.cli("find", self.text["target"], timeout=60)
        assert result.returncode == 0, result
        self.until(lambda: self.desktop.windows("^Desktop Helper overlay$"), "the boxes on the screen")
        time.sleep(1)
        self.save("find-boxes")
        self.desktop.key("Escape")
        assert app.cli("stop").returncode == 0
        time.sleep(0.5)

    def agent(self, app: App) -> None:
        before = self.windows_of(app)
        assert app.cli("agent", self.text["task"]).returncode == 0
        self.new_window(app, before)  # the agent panel (its title is translated)
        # the step is planned and waits for Confirm
        time.sleep(4)
        self.save("agent-panel")
        assert app.cli("stop").returncode == 0
        time.sleep(1)

    def recording(self, app: App) -> None:
        # a region: a whole-monitor recording has no room for the border and shows only in the tray
        before = self.windows_of(app)
        assert app.cli("record", "start", "--region").returncode == 0
        self.drag_region()
        self.desktop.xdotool("mouseup", "1")
        self.desktop.move(self.size[0] // 4, self.size[1] // 2)
        time.sleep(3.5)
        self.save("recording-indicator")
        assert app.cli("record", "stop").returncode == 0
        # the "Recording saved" notice goes before the next shot
        self.until(lambda: self.windows_of(app) <= before, "the recording's notice to go", timeout=30)
        time.sleep(2)


if __name__ == "__main__":
    raise SystemExit(main())
