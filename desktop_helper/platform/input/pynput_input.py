"""The pynput executor: real mouse and keyboard events (X11 XTEST, Windows SendInput, macOS Quartz).

Text is typed through the clipboard (saved first, restored afterwards) because key events cannot
produce most non-ASCII text (pynput#187) and depend on the keyboard layout; a paste is one event
and exact. pynput is imported when the executor is built: on Linux it connects to the X server at
import time.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from typing import Any, Literal

from desktop_helper.core.geometry import Rect
from desktop_helper.platform.input.base import Button, Clipboard, InputExecutor
from desktop_helper.platform.input.keys import parse_key_combo
from desktop_helper.platform.system import current_os

#: pause between the low-level events of one action, so applications see distinct events
EVENT_GAP = 0.02
#: time the target needs to fetch the pasted text from our clipboard before we restore it
PASTE_SETTLE = 0.35


class PynputExecutor(InputExecutor):
    """Performs actions with pynput.

    Args:
        bounds: the captured rectangle (physical px); points outside are refused.
        clipboard: the clipboard used for typing; without one, text is typed key by key.
        stopped: returns True after Stop.
        sleep: waits (tests may speed it up); must return early when stopped.
    """

    def __init__(
        self,
        bounds: Rect,
        clipboard: Clipboard | None,
        stopped: Callable[[], bool] = lambda: False,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        super().__init__(bounds, stopped)
        from pynput import keyboard, mouse

        self._mouse = mouse.Controller()
        self._keyboard = keyboard.Controller()
        self._Key = keyboard.Key
        self._KeyCode = keyboard.KeyCode
        self._Button = mouse.Button
        self._clipboard = clipboard
        self._sleep = sleep

    def close(self) -> None:
        # pynput's X11 controllers close their display connections only in __del__, which may
        # run after the X server is gone (at exit) and then raises; close them now instead.
        for controller in (self._mouse, self._keyboard):
            display = getattr(controller, "_display", None)
            if display is not None:
                del controller._display
                with contextlib.suppress(Exception):  # the server may already be gone
                    display.close()

    # -- mouse ------------------------------------------------------------------------------

    def _goto(self, point: tuple[int, int]) -> None:
        self.check(point)
        self._mouse.position = point
        self._sleep(EVENT_GAP)

    def move(self, point: tuple[int, int]) -> None:
        self._goto(point)

    def click(self, point: tuple[int, int], button: Button = "left", count: int = 1) -> None:
        self._goto(point)
        self.check(point)
        self._mouse.click(getattr(self._Button, button), count)

    def drag(self, start: tuple[int, int], end: tuple[int, int]) -> None:
        self.check(end)
        self._goto(start)
        self._mouse.press(self._Button.left)
        try:
            steps = 12
            for index in range(1, steps + 1):
                x = round(start[0] + (end[0] - start[0]) * index / steps)
                y = round(start[1] + (end[1] - start[1]) * index / steps)
                self._goto((x, y))
        finally:
            # never leave the button held down, even after Stop
            self._mouse.release(self._Button.left)

    def scroll(self, point: tuple[int, int], direction: Literal["up", "down"], steps: int) -> None:
        self._goto(point)
        for _ in range(max(1, steps)):
            self.check(point)
            self._mouse.scroll(0, 1 if direction == "up" else -1)
            self._sleep(EVENT_GAP)

    # -- keyboard ----------------------------------------------------------------------------

    def _key(self, name: str) -> Any:
        if len(name) == 1:
            return self._KeyCode.from_char(name)
        return getattr(self._Key, name)

    def press_keys(self, keys: str) -> None:
        names = parse_key_combo(keys)
        self.check()
        pressed: list[Any] = []
        try:
            for name in names:
                self.check()
                key = self._key(name)
                self._keyboard.press(key)
                pressed.append(key)
                self._sleep(EVENT_GAP)
        finally:
            for key in reversed(pressed):
                self._keyboard.release(key)

    def type_text(self, text: str) -> None:
        self.check()
        if self._clipboard is None:
            for char in text:
                self.check()
                self._keyboard.type(char)
            return
        saved = self._clipboard.save()
        try:
            self._clipboard.set_text(text)
            self._sleep(EVENT_GAP)
            self.check()
            self.press_keys("cmd+v" if current_os() == "macos" else "ctrl+v")
            self._sleep(PASTE_SETTLE)
        finally:
            self._clipboard.restore(saved)
