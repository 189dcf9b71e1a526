"""Windows: visible top-level windows through ``EnumWindows`` (front to back), behind a tiny API for tests."""

from __future__ import annotations

from typing import Protocol

from desktop_helper.core.geometry import Rect
from desktop_helper.platform.window_list.base import WindowInfo, WindowLister


class Win32WindowsApi(Protocol):
    def top_level_windows(self) -> list[int]: ...
    def is_visible(self, hwnd: int) -> bool: ...
    def is_tool_window(self, hwnd: int) -> bool: ...
    def title(self, hwnd: int) -> str: ...
    def executable(self, hwnd: int) -> str: ...
    def rect(self, hwnd: int) -> tuple[int, int, int, int]: ...
    def foreground(self) -> int: ...
    def is_minimized(self, hwnd: int) -> bool: ...


class WindowsWindowLister(WindowLister):
    def __init__(self, api: Win32WindowsApi | None = None) -> None:
        self._api = api

    def windows(self) -> list[WindowInfo]:
        if self._api is None:
            self._api = _CtypesWindowsApi()  # loaded on first use, so the factory works anywhere
        api = self._api
        front = api.foreground()
        result = []
        for hwnd in api.top_level_windows():
            # what the taskbar would show: visible, titled, not a tool palette
            if not api.is_visible(hwnd) or api.is_tool_window(hwnd):
                continue
            title = api.title(hwnd)
            if not title:
                continue
            left, top, right, bottom = api.rect(hwnd)
            result.append(
                WindowInfo(
                    title,
                    api.executable(hwnd),
                    Rect.from_corners(left, top, right, bottom),
                    hwnd == front,
                    api.is_minimized(hwnd),
                )
            )
        return result


class _CtypesWindowsApi:
    def __init__(self) -> None:
        import ctypes
        from ctypes import wintypes

        self._ctypes = ctypes
        self._wintypes = wintypes
        self._user32 = ctypes.WinDLL("user32", use_last_error=True)  # type: ignore[attr-defined]
        self._kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]

    def top_level_windows(self) -> list[int]:
        found: list[int] = []
        callback_type = self._ctypes.WINFUNCTYPE(self._wintypes.BOOL, self._wintypes.HWND, self._wintypes.LPARAM)  # type: ignore[attr-defined]

        def collect(hwnd: int, _param: int) -> bool:
            found.append(int(hwnd))
            return True

        self._user32.EnumWindows(callback_type(collect), 0)
        return found

    def is_visible(self, hwnd: int) -> bool:
        return bool(self._user32.IsWindowVisible(hwnd))

    def is_tool_window(self, hwnd: int) -> bool:
        return bool(self._user32.GetWindowLongW(hwnd, -20) & 0x80)  # GWL_EXSTYLE, WS_EX_TOOLWINDOW

    def title(self, hwnd: int) -> str:
        length = self._user32.GetWindowTextLengthW(hwnd)
        buffer = self._ctypes.create_unicode_buffer(length + 1)
        self._user32.GetWindowTextW(hwnd, buffer, length + 1)
        return str(buffer.value)

    def executable(self, hwnd: int) -> str:
        pid = self._wintypes.DWORD()
        self._user32.GetWindowThreadProcessId(hwnd, self._ctypes.byref(pid))
        process = self._kernel32.OpenProcess(0x1000, False, pid.value)
        if not process:
            return ""
        try:
            buffer = self._ctypes.create_unicode_buffer(1024)
            size = self._wintypes.DWORD(1024)
            if not self._kernel32.QueryFullProcessImageNameW(process, 0, buffer, self._ctypes.byref(size)):
                return ""
            return str(buffer.value).rsplit("\\", 1)[-1]
        finally:
            self._kernel32.CloseHandle(process)

    def rect(self, hwnd: int) -> tuple[int, int, int, int]:
        rect = self._wintypes.RECT()
        self._user32.GetWindowRect(hwnd, self._ctypes.byref(rect))
        return rect.left, rect.top, rect.right, rect.bottom

    def foreground(self) -> int:
        return int(self._user32.GetForegroundWindow() or 0)

    def is_minimized(self, hwnd: int) -> bool:
        return bool(self._user32.IsIconic(hwnd))
