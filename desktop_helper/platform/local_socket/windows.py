"""Windows: the command pipe admits only this user; both ends check who runs the other end.

Qt's ``QLocalServer.UserAccessOption`` gives the pipe a DACL granting access only to the current
user's SID. Pipe names are global, though, and another user can create the same name first, so each
end also looks up the process at the other end (``GetNamedPipeClientProcessId`` /
``GetNamedPipeServerProcessId``) and compares the user SID of its token with ours. The Win32 calls
sit behind a tiny API object so the logic is tested on any OS with a fake.
"""

from __future__ import annotations

from typing import Protocol

from desktop_helper.platform.local_socket.base import LocalSocketGuard


class PipeApi(Protocol):
    def is_server_end(self, handle: int) -> bool: ...
    def client_process(self, handle: int) -> int: ...
    def server_process(self, handle: int) -> int: ...
    def process_user_sid(self, pid: int) -> str | None: ...
    def current_process(self) -> int: ...


class WindowsLocalSocket(LocalSocketGuard):
    def __init__(self, api: PipeApi | None = None) -> None:
        self._api = api

    def address(self, name: str) -> str:
        return name  # a pipe name: \\.\pipe\<name>; the pipe's own ACL keeps other users out

    def check_before_connect(self, address: str) -> bool:
        return True  # nothing on disk to check; the peer is checked once connected

    def check_leftover(self, address: str) -> None:
        pass  # a pipe disappears with the process that created it

    def peer_is_current_user(self, descriptor: int) -> bool:
        if self._api is None:
            self._api = _CtypesPipeApi()  # loaded on first use, so the factory works anywhere
        api = self._api
        try:
            peer = api.client_process(descriptor) if api.is_server_end(descriptor) else api.server_process(descriptor)
            if not peer:
                return False
            ours = api.process_user_sid(api.current_process())
            theirs = api.process_user_sid(peer)
        except OSError:
            return False  # a peer we cannot identify is not trusted
        return ours is not None and ours == theirs


class _CtypesPipeApi:
    """The real Win32 calls (only constructed on Windows)."""

    def __init__(self) -> None:
        import ctypes
        from ctypes import wintypes

        self._ctypes = ctypes
        self._wintypes = wintypes
        self._kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
        self._advapi32 = ctypes.WinDLL("advapi32", use_last_error=True)  # type: ignore[attr-defined]

    def _error(self, call: str) -> OSError:
        code = self._ctypes.get_last_error()  # type: ignore[attr-defined]
        return OSError(code, f"{call} failed (Windows error {code})")

    def is_server_end(self, handle: int) -> bool:
        flags = self._wintypes.DWORD()
        if not self._kernel32.GetNamedPipeInfo(self._wintypes.HANDLE(handle), self._ctypes.byref(flags), None, None, None):
            raise self._error("GetNamedPipeInfo")
        return bool(flags.value & 1)  # PIPE_SERVER_END

    def _pipe_process(self, call: str, handle: int) -> int:
        pid = self._wintypes.ULONG()
        if not getattr(self._kernel32, call)(self._wintypes.HANDLE(handle), self._ctypes.byref(pid)):
            raise self._error(call)
        return int(pid.value)

    def client_process(self, handle: int) -> int:
        return self._pipe_process("GetNamedPipeClientProcessId", handle)

    def server_process(self, handle: int) -> int:
        return self._pipe_process("GetNamedPipeServerProcessId", handle)

    def current_process(self) -> int:
        return int(self._kernel32.GetCurrentProcessId())

    def process_user_sid(self, pid: int) -> str | None:
        ctypes, wintypes = self._ctypes, self._wintypes
        process = self._kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not process:
            return None
        token = wintypes.HANDLE()
        try:
            if not self._advapi32.OpenProcessToken(process, 0x0008, ctypes.byref(token)):  # TOKEN_QUERY
                return None
            size = wintypes.DWORD()
            self._advapi32.GetTokenInformation(token, 1, None, 0, ctypes.byref(size))  # TokenUser
            buffer = ctypes.create_string_buffer(size.value)
            if not self._advapi32.GetTokenInformation(token, 1, buffer, size, ctypes.byref(size)):
                return None
            sid = ctypes.cast(buffer, ctypes.POINTER(ctypes.c_void_p))[0]  # TOKEN_USER.User.Sid
            text = wintypes.LPWSTR()
            if not self._advapi32.ConvertSidToStringSidW(ctypes.c_void_p(sid), ctypes.byref(text)):
                return None
            try:
                return str(text.value)
            finally:
                self._kernel32.LocalFree(text)
        finally:
            if token:
                self._kernel32.CloseHandle(token)
            self._kernel32.CloseHandle(process)
