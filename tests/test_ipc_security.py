"""Only the user who runs the app can use its command socket, and the CLI talks only to that user's app.

Real sockets, and a real second local user (``nobody``, see tests/fixtures/socket_env.py). The macOS
and Windows code paths are driven through ``fake_os()`` with their OS calls faked.
"""

from __future__ import annotations

import os
import socket
import struct
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from desktop_helper import ipc
from desktop_helper.platform.local_socket import UnsafeSocketError, local_socket_for_current_os
from desktop_helper.platform.local_socket.linux import LinuxLocalSocket
from desktop_helper.platform.local_socket.macos import XUCRED_SIZE, MacLocalSocket, parse_xucred
from desktop_helper.platform.local_socket.posix import socket_folder
from desktop_helper.platform.local_socket.windows import WindowsLocalSocket
from desktop_helper.platform.system import fake_os
from desktop_helper.settings.paths import app_paths
from tests.fixtures.socket_env import (
    exchange,
    in_thread,
    other_uid,
    recording_runner,
    runtime_base,
    start_as_other_user,
)

__all__ = ["runtime_base"]  # a fixture used below

ROOT = Path(__file__).resolve().parents[1]

CONNECT_AS_OTHER_USER = r"""
import json, socket, sys
client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
client.settimeout(15)
client.connect(sys.argv[1])
try:
    client.sendall(b'{"argv": ["quit"], "cwd": "/"}\n')
except BrokenPipeError:
    pass  # refused before it could even send; the answer is still there to read
data = b""
while True:
    try:
        chunk = client.recv(65536)
    except ConnectionResetError:  # closed with our request unread: the answer came before
        break
    if not chunk:
        break
    data += chunk
print(data.decode(), end="")
"""


def test_private_folder_is_created_0700_and_owned(runtime_base: Path) -> None:
    address = Path(ipc.server_name(app_paths()))
    folder = address.parent
    assert folder == runtime_base / f"desktop-helper-{os.geteuid()}"
    info = folder.stat()
    assert info.st_mode & 0o777 == 0o700
    assert info.st_uid == os.geteuid()


def test_a_symlinked_socket_folder_is_refused(runtime_base: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    socket_folder().symlink_to(elsewhere)
    with pytest.raises(UnsafeSocketError) as refused:
        ipc.server_name(app_paths())
    assert "is not a plain folder" in refused.value.message


def test_a_connection_from_another_user_is_refused_and_runs_nothing(runtime_base: Path, qtbot: Any) -> None:
    from desktop_helper.ui.ipc_server import IpcServer

    ran: list[list[str]] = []
    address = ipc.server_name(app_paths())
    server = IpcServer(address, recording_runner(ran))
    assert server.listen()
    try:
        # open the way on purpose (as a careless umask, a shared folder or a bug would): the uid
        # check on the connection itself must still keep the other user out
        Path(address).parent.chmod(0o711)
        Path(address).chmod(0o777)
        intruder = start_as_other_user(CONNECT_AS_OTHER_USER, address)
        qtbot.waitUntil(lambda: intruder.poll() is not None, timeout=30000)
        out, err = intruder.communicate()
        assert intruder.returncode == 0, err
        assert out == '{"type": "exit", "code": 2, "text": "refused: this Desktop Helper belongs to another user"}\n'
        assert ran == []
        # the owner is still served
        Path(address).parent.chmod(0o700)
        replies, _raw = in_thread(qtbot, lambda: exchange(address, [ipc.encode({"argv": ["status"]})]))
        assert replies == [{"type": "exit", "code": 0}]
        assert ran == [["status"]]
    finally:
        server.close()


SERVE_AS_OTHER_USER = r"""
import os, socket, sys
listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
listener.bind(sys.argv[1])
listener.listen(1)
listener.settimeout(15)
print("ready", flush=True)
try:
    connection, _ = listener.accept()
    connection.settimeout(2)
    try:
        print("received:", connection.recv(65536).decode(errors="replace"), flush=True)
    except socket.timeout:
        print("received nothing", flush=True)
    connection.sendall(b'{"type": "output", "text": "forged answer"}\n{"type": "exit", "code": 0}\n')
except socket.timeout:
    print("nobody connected", flush=True)
"""


def test_the_client_refuses_a_server_run_by_another_user(runtime_base: Path, tmp_path: Path) -> None:
    address = ipc.server_name(app_paths())
    # another user's listening socket ends up at our path, with our ownership on the file: only the
    # peer check on the connection can tell
    shared = Path(runtime_base) / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    server = start_as_other_user(SERVE_AS_OTHER_USER, str(shared / "s"))
    try:
        assert server.stdout is not None
        assert server.stdout.readline().strip() == "ready"
        (shared / "s").rename(address)
        os.chown(address, os.geteuid(), os.getegid())
        with pytest.raises(UnsafeSocketError) as refused:
            list(ipc.forward(app_paths(), ["ask", "my secret question", "--image", "/home/me/secret.png"]))
        assert refused.value.message == (
            f"The program listening on {address} runs as another user, so your command was not sent to it."
        )
        out, _err = server.communicate(timeout=30)
    finally:
        server.kill()
        server.wait(10)
    assert out.startswith("received:")  # it saw the connection ...
    assert "secret" not in out  # ... never the question


def test_cli_with_a_squatted_socket_folder_says_what_to_do(runtime_base: Path) -> None:
    folder = socket_folder()
    folder.mkdir(mode=0o700)
    os.chown(folder, other_uid(), -1)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "desktop_helper", "status"], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 1
    assert f"desktop-helper: The folder for the command socket, {folder}, belongs to another user (uid {other_uid()})" in (
        result.stderr
    )
    assert f"rm -r '{folder}'" in result.stderr
    assert "Traceback" not in result.stderr


# -- the per-OS guards ------------------------------------------------------------------------------


def test_each_os_gets_its_guard() -> None:
    with fake_os("linux"):
        assert isinstance(local_socket_for_current_os(), LinuxLocalSocket)
    with fake_os("macos"):
        assert isinstance(local_socket_for_current_os(), MacLocalSocket)
    with fake_os("windows"):
        assert isinstance(local_socket_for_current_os(), WindowsLocalSocket)


def test_linux_peer_check_on_a_real_socket_pair() -> None:
    left, right = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    with left, right:
        assert LinuxLocalSocket().peer_is_current_user(left.fileno())
        assert LinuxLocalSocket().peer_uid(right) == os.geteuid()
    # the caller's descriptor stays open: the guard closed only its own duplicate
    still_open = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    with still_open:
        assert LinuxLocalSocket().peer_is_current_user(still_open.fileno()) is False  # not connected: not trusted


def _xucred(uid: int, version: int = 0) -> bytes:
    return struct.pack("=IIh2x16I", version, uid, 1, *([20] * 16))


def test_macos_reads_the_uid_from_xucred() -> None:
    assert len(_xucred(501)) == XUCRED_SIZE
    assert parse_xucred(_xucred(501)) == 501
    with pytest.raises(ValueError, match="version"):
        parse_xucred(_xucred(501, version=7))
    with pytest.raises(ValueError, match="too short"):
        parse_xucred(b"\0\0\0")


class _XucredSocket:
    """Answers LOCAL_PEERCRED like macOS would, for ``uid``."""

    def __init__(self, answer: bytes | OSError) -> None:
        self.answer = answer
        self.asked: list[tuple[int, int, int]] = []

    def getsockopt(self, level: int, option: int, size: int) -> bytes:
        self.asked.append((level, option, size))
        if isinstance(self.answer, OSError):
            raise self.answer
        return self.answer


def test_macos_peer_check_asks_local_peercred(monkeypatch: pytest.MonkeyPatch) -> None:
    with fake_os("macos"):
        guard = local_socket_for_current_os()
    assert isinstance(guard, MacLocalSocket)
    same = _XucredSocket(_xucred(os.geteuid()))
    assert guard.peer_uid(same) == os.geteuid()  # type: ignore[arg-type]
    assert same.asked == [(0, 1, XUCRED_SIZE)]  # SOL_LOCAL, LOCAL_PEERCRED
    with pytest.raises(OSError, match="credentials"):
        guard.peer_uid(_XucredSocket(_xucred(0, version=3)))  # type: ignore[arg-type]

    # the whole check on a real connected descriptor, with macOS's answer for another user
    def other_user(_self: Any, _connection: socket.socket) -> int:
        return parse_xucred(_xucred(other_uid()))

    monkeypatch.setattr(MacLocalSocket, "peer_uid", other_user)
    left, right = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    with left, right:
        assert guard.peer_is_current_user(left.fileno()) is False


class FakePipeApi:
    """Windows' pipe and token calls for a server end whose client runs as ``client_sid``."""

    def __init__(self, client_sid: str | None, *, server_end: bool = True, fail: bool = False) -> None:
        self.client_sid = client_sid
        self.server_end = server_end
        self.fail = fail

    def is_server_end(self, handle: int) -> bool:
        if self.fail:
            raise OSError(6, "GetNamedPipeInfo failed (Windows error 6)")
        return self.server_end

    def client_process(self, handle: int) -> int:
        return 4242

    def server_process(self, handle: int) -> int:
        return 5151

    def current_process(self) -> int:
        return 100

    def process_user_sid(self, pid: int) -> str | None:
        if pid == 100:
            return "S-1-5-21-1-2-3-1001"
        return self.client_sid


def test_windows_pipe_peer_must_be_the_same_user(runtime_base: Path) -> None:
    with fake_os("windows"):
        guard = local_socket_for_current_os()
        assert isinstance(guard, WindowsLocalSocket)
        name = ipc.server_name(app_paths(), guard)
    assert name.startswith("desktop-helper-")
    assert "/" not in name
    assert "\\" not in name  # a pipe name; no folder was made for it
    assert not socket_folder().exists()
    assert WindowsLocalSocket(FakePipeApi("S-1-5-21-1-2-3-1001")).peer_is_current_user(7)
    assert not WindowsLocalSocket(FakePipeApi("S-1-5-21-1-2-3-1002")).peer_is_current_user(7)
    assert not WindowsLocalSocket(FakePipeApi(None)).peer_is_current_user(7)  # owner unknown: not trusted
    assert not WindowsLocalSocket(FakePipeApi("S-1-5-21-1-2-3-1001", fail=True)).peer_is_current_user(7)
    # the client end checks the server's process
    assert not WindowsLocalSocket(FakePipeApi("S-1-5-18", server_end=False)).peer_is_current_user(7)
