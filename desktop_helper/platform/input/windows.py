"""Windows: find targets that run elevated (as administrator), where our input is silently dropped.

Windows' User Interface Privilege Isolation blocks synthetic input from a normal process into a
window of a higher integrity level (pyautogui#667): the click "works" and nothing happens. We look
up the window under the point (or the foreground window for keys), its process, and that process's
token elevation, and report it instead of acting blind. The Win32 calls sit behind a tiny API object
so the logic is tested on any OS with a fake.
"""

from __future__ import annotations

from typing import Protocol

from desktop_helper.platform.input.base import ElevationProbe


class Win32Api(Protocol):
    def window_at(self, x: int, y: int) -> int: ...
    def foreground_window(self) -> int: ...
    def window_process(self, hwnd: int) -> int: ...
    def process_elevated(self, pid: int) -> bool | None: ...
    def window_title(self, hwnd: int) -> str: ...
    def current_process(self) -> int: ...


class WindowsElevationProbe(ElevationProbe):
    def __init__(self, api: Win32Api | None = None) -> None:
        self._api = api
        self._self_elevated: bool | None = None

    def blocked_target(self, point: tuple[int, int] | None) -> str | None:
        if self._api is None:
            self._api = _CtypesApi()  # loaded on first use, so the factory works anywhere
        api = self._api
        if self._self_elevated is None:
            self._self_elevated = bool(api.process_elevated(api.current_process()))
        if self._self_elevated:
            return None  # an elevated helper may send input anywhere
        hwnd = api.window_at(*point) if point is not None else api.foreground_window()
        if not hwnd:
            return None
        pid = api.window_process(hwnd)
        if not pid or not api.process_elevated(pid):
            return None
        title = api.window_title(hwnd) or "the window"
        return (
            f"'{title}' runs as administrator, and Windows blocks input from normal apps into it. "
            "Do this step yourself, or start Desktop Helper as administrator."
        )


class _CtypesApi:
    """The real Win32 calls (only constructed on Windows)."""

    def __init__(self) -> None:
        import ctypes
        from ctypes import wintypes

        self._ctypes = ctypes
        self._wintypes = wintypes
        self._user32 = ctypes.WinDLL("user32", use_last_error=True)  # type: ignore[attr-defined]
        self._kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
        self._advapi32 = ctypes.WinDLL("advapi32", use_last_error=True)  # type: ignore[attr-defined]

    def window_at(self, x: int, y: int) -> int:
        point = self._wintypes.POINT(x, y)
        hwnd = self._user32.WindowFromPoint(point)
        return int(self._user32.GetAncestor(hwnd, 2) or 0) if hwnd else 0  # GA_ROOT

    def foreground_window(self) -> int:
        return int(self._user32.GetForegroundWindow() or 0)

    def window_process(self, hwnd: int) -> int:
        pid = self._wintypes.DWORD()
        self._user32.GetWindowThreadProcessId(self._wintypes.HWND(hwnd), self._ctypes.byref(pid))
        return int(pid.value)

    def current_process(self) -> int:
        return int(self._kernel32.GetCurrentProcessId())

    def process_elevated(self, pid: int) -> bool | None:
        ctypes, wintypes = self._ctypes, self._wintypes
        process = self._kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not process:
            # access denied to a query-limited handle: almost always a protected/elevated process
            return bool(ctypes.get_last_error() == 5)
        token = wintypes.HANDLE()
        try:
            if not self._advapi32.OpenProcessToken(process, 0x0008, ctypes.byref(token)):  # TOKEN_QUERY
                return None
            elevation = wintypes.DWORD()
            size = wintypes.DWORD()
            ok = self._advapi32.GetTokenInformation(token, 20, ctypes.byref(elevation), 4, ctypes.byref(size))  # TokenElevation
            return bool(elevation.value) if ok else None
        finally:
            if token:
                self._kernel32.CloseHandle(token)
            self._kernel32.CloseHandle(process)

    def window_title(self, hwnd: int) -> str:
        buffer = self._ctypes.create_unicode_buffer(256)
        self._user32.GetWindowTextW(self._wintypes.HWND(hwnd), buffer, 256)
        return str(buffer.value)
