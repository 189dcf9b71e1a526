"""The command socket under bad input and faults: the real IpcServer on a real Unix socket.

Every bad request gets a clear ``exit`` reply (never silence, never the crash handler), runs nothing,
and leaves the server answering the next good request. The faults: a socket folder squatted by
another user, a folder with the wrong mode, a stale socket left by a killed app, a socket file
another user owns.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psutil
import pytest

from desktop_helper import ipc
from desktop_helper.ipc import MAX_REQUEST_BYTES
from desktop_helper.platform.local_socket import UnsafeSocketError
from desktop_helper.platform.local_socket.posix import socket_folder
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

ROOT = Path(__file__).resolve().parents[2]


class Served:
    """An IpcServer listening on the profile's socket, with what its runner was asked to run."""

    def __init__(self, server: Any, address: str) -> None:
        self.server = server
        self.address = address
        self.ran: list[list[str]] = []


@pytest.fixture
def served(qtbot: Any, runtime_base: Path) -> Iterator[Served]:
    from desktop_helper.__main__ import build_parser
    from desktop_helper.ui.ipc_server import IpcServer

    address = ipc.server_name(app_paths())
    holder: dict[str, Served] = {}

    def runner(argv: list[str], output: Any) -> int:
        args = build_parser().parse_args(argv)  # as the app does: argparse exits on an unknown command
        holder["served"].ran.append(argv)
        output(f"ran {args.command}")
        return 0

    server = IpcServer(address, runner)
    holder["served"] = served = Served(server, address)
    assert server.listen()
    try:
        yield served
    finally:
        server.close()


def _ask(qtbot: Any, served: Served, *chunks: bytes) -> list[dict[str, Any]]:
    replies, _raw = in_thread(qtbot, lambda: exchange(served.address, chunks))
    return replies


def _still_serves(qtbot: Any, served: Served) -> None:
    """A good request right after the bad one is answered and run: nothing was lost."""
    before = len(served.ran)
    replies = _ask(qtbot, served, ipc.encode({"argv": ["status"], "cwd": "/"}))
    assert replies == [{"type": "output", "text": "ran status"}, {"type": "exit", "code": 0}]
    assert len(served.ran) == before + 1


DEEP = 100_000

BAD_REQUESTS = [
    pytest.param(b'{"argv": ["show-chat"\n', "malformed request: not JSON (", id="malformed_json"),
    pytest.param(b"\n", "malformed request: not JSON (Expecting value", id="empty_line"),
    pytest.param(
        b'{"argv": ' + b"[" * DEEP + b"]" * DEEP + b"}\n", "malformed request: JSON nested too deeply", id="deep_nesting"
    ),
    pytest.param(b'{"argv": ["show-chat\xff\xfe"]}\n', "malformed request: not UTF-8 text (byte 20)", id="non_utf8_bytes"),
    pytest.param(b'{"argv": "quit"}\n', 'malformed request: "argv" must be a list of strings', id="argv_a_string"),
    pytest.param(
        b'{"argv": ["capture", 3, null]}\n', 'malformed request: "argv" must be a list of strings', id="argv_not_strings"
    ),
    pytest.param(b'[["quit"]]\n', 'malformed request: expected a JSON object like {"argv"', id="array_not_object"),
    pytest.param(b'{"cwd": "/"}\n', 'malformed request: expected a JSON object like {"argv"', id="argv_missing"),
]


@pytest.mark.parametrize(("request_line", "message"), BAD_REQUESTS)
def test_bad_input_request_is_answered_and_nothing_runs(qtbot: Any, served: Served, request_line: bytes, message: str) -> None:
    replies = _ask(qtbot, served, request_line)
    assert len(replies) == 1, replies
    assert replies[0]["type"] == "exit"
    assert replies[0]["code"] == 2
    assert replies[0]["text"].startswith(message), replies[0]["text"]
    assert served.ran == []
    _still_serves(qtbot, served)


def test_bad_input_unknown_command_says_so(qtbot: Any, served: Served) -> None:
    replies = _ask(qtbot, served, ipc.encode({"argv": ["fly-to-the-moon"], "cwd": "/"}))
    assert replies == [
        {"type": "output", "text": "not a valid command: fly-to-the-moon (see desktop-helper --help)"},
        {"type": "exit", "code": 2},
    ]
    assert served.ran == []
    _still_serves(qtbot, served)


def test_bad_input_oversized_line_is_refused_without_buffering_it(qtbot: Any, served: Served) -> None:
    process = psutil.Process()
    before = process.memory_info().rss
    block = b"x" * (1024 * 1024)
    # 64 MB without a newline, sent block by block (the client holds 1 MB, not 64)
    replies = _ask(qtbot, served, *(block for _ in range(64)))
    grown = process.memory_info().rss - before
    assert replies == [
        {"type": "exit", "code": 2, "text": "request too large (over 1 MB): a command is one short line of JSON"}
    ]
    assert grown < 16 * 1024 * 1024, f"the app grew by {grown // (1024 * 1024)} MB for a refused request"
    assert served.ran == []
    _still_serves(qtbot, served)


def test_bad_input_line_just_over_the_cap_with_a_newline(qtbot: Any, served: Served) -> None:
    line = b'{"argv": ["find", "' + b"a" * MAX_REQUEST_BYTES + b'"]}\n'
    replies = _ask(qtbot, served, line)
    assert replies[-1]["text"].startswith("request too large")
    assert served.ran == []
    _still_serves(qtbot, served)


def test_bad_input_second_line_after_the_request_is_ignored(qtbot: Any, served: Served) -> None:
    two = ipc.encode({"argv": ["status"]}) + ipc.encode({"argv": ["quit"]})
    replies = _ask(qtbot, served, two)
    assert replies == [{"type": "output", "text": "ran status"}, {"type": "exit", "code": 0}]
    assert served.ran == [["status"]]


# -- faults --------------------------------------------------------------------------------------

SQUATTER = r"""
import os, socket, sys
folder, name = sys.argv[1], sys.argv[2]
os.mkdir(folder, 0o700)
os.chmod(folder, 0o755)  # so root's client can reach it
listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
listener.bind(os.path.join(folder, name))
os.chmod(os.path.join(folder, name), 0o777)
listener.listen(1)
listener.settimeout(8)
print("ready", flush=True)
try:
    connection, _ = listener.accept()
    print("received:", connection.recv(65536).decode(errors="replace"), flush=True)
    connection.sendall(b'{"type": "output", "text": "forged answer"}\n{"type": "exit", "code": 0}\n')
except socket.timeout:
    print("nothing came", flush=True)
"""


def test_fault_socket_folder_squatted_by_another_user(runtime_base: Path) -> None:
    paths = app_paths()
    folder = socket_folder()
    name = f"desktop-helper-root-{paths.instance_key()}.sock"
    squatter = start_as_other_user(SQUATTER, str(folder), name)
    try:
        assert squatter.stdout is not None
        assert squatter.stdout.readline().strip() == "ready"
        assert folder.stat().st_uid == other_uid()
        with pytest.raises(UnsafeSocketError) as refused:
            list(ipc.forward(paths, ["ask", "what is my password?", "--image", "/home/me/secret.png"]))
        assert str(folder) in refused.value.message
        assert "belongs to another user" in refused.value.message
        assert refused.value.fix is not None
        assert "rm -r" in refused.value.fix
        out, _err = squatter.communicate(timeout=20)
    finally:
        squatter.kill()
        squatter.wait(10)
    assert "nothing came" in out  # the question never reached the other user


def test_fault_socket_folder_with_wrong_mode_in_the_temp_fallback(
    runtime_base: Path, monkeypatch: pytest.MonkeyPatch, qtbot: Any
) -> None:
    import tempfile

    from desktop_helper.ui.ipc_server import IpcServer

    # no XDG_RUNTIME_DIR: the folder goes to the temporary folder, where its mode must be checked
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    monkeypatch.setattr(tempfile, "tempdir", str(runtime_base))
    folder = runtime_base / f"desktop-helper-{os.geteuid()}"
    folder.mkdir(mode=0o700)
    folder.chmod(0o755)
    with pytest.raises(UnsafeSocketError) as refused:
        ipc.server_name(app_paths())
    assert refused.value.message == (
        f"The folder for the command socket, {folder}, can be used by other users (mode 0755, it must be 0700)."
    )
    assert refused.value.fix == f"Make it private (chmod 700 '{folder}') or remove it, and start again."
    with pytest.raises(UnsafeSocketError):
        list(ipc.forward(app_paths(), ["show-chat"]))
    assert list(folder.iterdir()) == []  # neither end put a socket there
    # made private as the message says, it works again, for the server and the client
    folder.chmod(0o700)
    address = ipc.server_name(app_paths())
    server = IpcServer(address, lambda argv, output: 0)
    try:
        assert server.listen()
        replies = in_thread(qtbot, lambda: list(ipc.forward(app_paths(), ["status"])))
        assert replies == [{"type": "exit", "code": 0}]
    finally:
        server.close()


APP_THEN_KILLED = r"""
import sys
from PySide6.QtCore import QCoreApplication, QTimer
from desktop_helper import ipc
from desktop_helper.settings.paths import app_paths
from desktop_helper.ui.ipc_server import IpcServer

app = QCoreApplication([])
server = IpcServer(ipc.server_name(app_paths()), lambda argv, output: 0)
assert server.listen()
QTimer.singleShot(0, lambda: print("listening", flush=True))
app.exec()
"""


def test_fault_stale_socket_from_a_killed_app_is_replaced(runtime_base: Path, qtbot: Any) -> None:
    from desktop_helper.ui.ipc_server import IpcServer

    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    app = subprocess.Popen([sys.executable, "-c", APP_THEN_KILLED], env=env, stdout=subprocess.PIPE, text=True)
    try:
        assert app.stdout is not None
        assert app.stdout.readline().strip() == "listening"
        address = ipc.server_name(app_paths())
        assert in_thread(qtbot, lambda: list(ipc.forward(app_paths(), ["status"]))) == [{"type": "exit", "code": 0}]
    finally:
        app.send_signal(signal.SIGKILL)
        app.wait(10)
        if app.stdout is not None:
            app.stdout.close()
    assert Path(address).is_socket()  # left behind
    with pytest.raises(ipc.NotRunningError):
        list(ipc.forward(app_paths(), ["status"]))
    # the next app takes its place and answers
    ran: list[list[str]] = []
    server = IpcServer(address, recording_runner(ran))
    try:
        assert server.listen()
        assert in_thread(qtbot, lambda: list(ipc.forward(app_paths(), ["show-chat"]))) == [{"type": "exit", "code": 0}]
        assert ran == [["show-chat"]]
    finally:
        server.close()
    assert not Path(address).exists()


def test_fault_socket_file_owned_by_another_user_is_neither_used_nor_replaced(runtime_base: Path) -> None:
    import socket as sockets

    from desktop_helper.ui.ipc_server import IpcServer

    address = ipc.server_name(app_paths())
    planted = sockets.socket(sockets.AF_UNIX, sockets.SOCK_STREAM)
    try:
        planted.bind(address)
        planted.listen(1)
        os.chown(address, other_uid(), -1)
        with pytest.raises(UnsafeSocketError) as client_refused:
            list(ipc.forward(app_paths(), ["show-chat"]))
        assert client_refused.value.message == (
            f"{address} is not a command socket created by you, so Desktop Helper will not use it."
        )
        server = IpcServer(address, lambda argv, output: 0)
        with pytest.raises(UnsafeSocketError):
            server.listen()
        assert Path(address).stat().st_uid == other_uid()  # still the planted one, not replaced
        server.close()
    finally:
        planted.close()


def test_fault_reply_text_reaches_the_command_line(runtime_base: Path, qtbot: Any) -> None:
    """The CLI prints a refusal's text instead of exiting 2 without a word."""
    from desktop_helper.ui.ipc_server import IpcServer

    address = ipc.server_name(app_paths())
    server = IpcServer(address, lambda argv, output: 0)
    assert server.listen()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    # 1.5 MB of arguments: the CLI forwards them, the app refuses the request as too large
    code = "import sys; from desktop_helper.__main__ import main; sys.exit(main(['find', 'x' * 1_500_000]))"
    try:
        cli = subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        qtbot.waitUntil(lambda: cli.poll() is not None, timeout=30000)
        out, err = cli.communicate()
    finally:
        server.close()
    assert cli.returncode == 2, (out, err)
    assert "desktop-helper: request too large (over 1 MB)" in err
