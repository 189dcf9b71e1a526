"""Damaged, locked, full or read-only state (issue 18, items 3 and 6): the app and the CLI always start.

Every case uses real files: settings files with each kind of damage, SQLite databases written by the
app's own HistoryStore and then garbled or cut, a second process holding ``BEGIN EXCLUSIVE``, a small
real tmpfs filled to the last byte, a read-only bind mount. The real app runs as a subprocess
(:class:`AppProcess`) on the test X server; each case asserts the clear message, that the damaged
original is kept as a copy (or left untouched), and that what was stored and readable survives.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop_helper.backends.factory import SCRIPTED_ENV
from desktop_helper.crash import CrashHandler
from desktop_helper.history.store import HistoryStore
from desktop_helper.settings.store import Settings
from tests.fixtures.servers import FakeOpenAIServer, text_reply
from tests.harness.app_process import AppProcess
from tests.harness.xserver import XServer
from tests.test_chat_kill import _type_question

pytestmark = [pytest.mark.gui, pytest.mark.slow]

needs_root = pytest.mark.skipif(os.geteuid() != 0, reason="mounting a small tmpfs or a read-only bind mount needs root")


# ----------------------------------------------------------------- helpers
def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


_LOG_RECORD = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d")


def _user_messages(app: AppProcess) -> list[str]:
    """Every message the app sent to the user (text and fix), as its log records them."""
    messages: list[str] = []
    inside = False
    for line in app.log_text().splitlines():
        if _LOG_RECORD.match(line):
            inside = "user message: " in line
            if inside:
                messages.append(line.split("user message: ", 1)[1])
        elif inside:
            messages[-1] += "\n" + line
    return messages


def _notice(app: AppProcess, *words: str) -> str:
    """The first message shown to the user (the chat and the tray; the log records each) with all ``words``."""
    shown = _user_messages(app)
    found = [message for message in shown if all(word in message for word in words)]
    assert found, f"no message with {words}: {shown}"
    return found[0]


def _quit(app: AppProcess) -> None:
    result = app.cli("quit")
    assert result.returncode == 0, result.stderr
    assert app.wait_exit() == 0
    assert "Traceback" not in app.log_text()
    assert "Something went wrong" not in app.log_text()


def _write_history(db: Path, conversations: int, messages: int) -> list[tuple[str, str]]:
    """A real history written by the app's store; returns (title, content) of every message."""
    store = HistoryStore(db, db.parent / "attachments")
    written = []
    try:
        for number in range(conversations):
            conversation = store.create_conversation(title=f"conversation {number}")
            for index in range(messages):
                content = f"message {number}.{index} " + "words of a stored answer " * 20
                store.add_message(conversation.id, "user" if index % 2 == 0 else "assistant", content)
                written.append((conversation.title, content))
    finally:
        store.close()
    return written


def _stored_messages(db: Path) -> list[tuple[str, str, str]]:
    """(role, content, status) of every message in the database file, read without writing to it."""
    connection = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True, timeout=5)
    try:
        return [(str(r[0]), str(r[1]), str(r[2])) for r in connection.execute("SELECT role, content, status FROM messages")]
    finally:
        connection.close()


def _titles(db: Path) -> set[str]:
    connection = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True, timeout=5)
    try:
        return {str(r[0]) for r in connection.execute("SELECT title FROM conversations")}
    finally:
        connection.close()


@contextlib.contextmanager
def _small_tmpfs(folder: Path, size: str) -> Iterator[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], check=True)
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def _fill(folder: Path) -> Path:
    """Fill the file system of ``folder`` to the last byte (a real ENOSPC for the next write)."""
    filler = folder / "filler.bin"
    descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    size = 1 << 20
    try:
        while size:
            try:
                os.write(descriptor, b"\0" * size)
            except OSError:
                size //= 2
    finally:
        os.close(descriptor)
    return filler


def _wait_for(condition: Callable[[], Any], what: str, timeout: float = 60) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


# ----------------------------------------------------------------- damaged settings files
def _provider(url: str, **fields: Any) -> dict[str, Any]:
    return {"name": "good", "preset": "custom", "base_url": url, "model": "test-model", **fields}


def _valid_values(url: str) -> dict[str, Any]:
    """Settings the user chose: every damage case must keep them (the CLI answers through this provider)."""
    return {
        "general.after_capture": "quick_ask",
        "capture.record_fps": 30,
        "models.backend": "openai_compat",
        "models.active_provider": "good",
        "models.providers": [_provider(url)],
    }


def _document(values: dict[str, Any], version: Any = 1) -> bytes:
    return json.dumps({"version": version, "values": values}, indent=2, sort_keys=True).encode()


def _non_utf8(url: str) -> bytes:
    marker = b"NOT-UTF8"
    document = _document({**_valid_values(url), "capture.save_folder": marker.decode()})
    return document.replace(marker, b"/home/caf\xe9/\xff\xfe")


def _deep_nesting(url: str) -> bytes:
    deep = "[" * 5000 + "]" * 5000
    return _document({**_valid_values(url), "models.local_model_path": "PLACEHOLDER"}).replace(b'"PLACEHOLDER"', deep.encode())


def _nan_float(url: str) -> bytes:
    return _document({**_valid_values(url), "agent.countdown_seconds": float("nan")})  # json writes NaN


def _truncated(url: str) -> bytes:
    # cut inside the last value (sorted keys: the valid ones come first), as a full disk leaves a file
    text = _document({**_valid_values(url), "privacy.save_history": False})
    return text[: text.index(b'"privacy.save_history"') + 14]


SETTINGS_DAMAGE: dict[str, tuple[Callable[[str], bytes], str]] = {
    # id: (the file's bytes, words of the message)
    "non_utf8": (_non_utf8, "not UTF-8 text"),
    "version_0": (lambda url: _document(_valid_values(url), 0), "version (0) is not valid"),
    "version_negative": (lambda url: _document(_valid_values(url), -1), "version (-1) is not valid"),
    "version_from_the_future": (lambda url: _document(_valid_values(url), 99), "newer version"),
    "deep_nesting": (_deep_nesting, "nested more than"),
    "provider_not_an_object": (
        lambda url: _document({**_valid_values(url), "models.providers": ["just text", 7, _provider(url)]}),
        "is not a provider entry",
    ),
    "provider_wrong_typed_field": (
        lambda url: _document({**_valid_values(url), "models.providers": [_provider(url, max_image_side="big", video=1)]}),
        "invalid max_image_side",
    ),
    "nan_float": (_nan_float, "must be a finite number"),
    "string_where_a_number_goes": (
        lambda url: _document({**_valid_values(url), "capture.delay_seconds": "five"}),
        "must be a whole number",
    ),
    "truncated_json": (_truncated, "not complete, valid JSON"),
}


@pytest.mark.parametrize("case", list(SETTINGS_DAMAGE), ids=list(SETTINGS_DAMAGE))
def test_bad_input_settings_file(case: str, x_server: XServer, tmp_path: Path, fake_openai: FakeOpenAIServer) -> None:
    make, words = SETTINGS_DAMAGE[case]
    profile = tmp_path / "profile"
    settings_file = profile / "config" / "settings.json"
    settings_file.parent.mkdir(parents=True)
    original = make(fake_openai.url)
    settings_file.write_bytes(original)
    valid = _valid_values(fake_openai.url)

    # the CLI answers through the provider the damaged file still names, and says what happened on stderr
    fake_openai.script(text_reply("The answer ", "from the kept provider."))
    env = dict(x_server.env, DESKTOP_HELPER_HOME=str(profile), PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    asked = subprocess.run(
        [sys.executable, "-m", "desktop_helper", "ask", "--no-forward", "--no-think", "hello"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert asked.returncode == 0, asked.stderr
    assert "The answer from the kept provider." in asked.stdout
    assert words in asked.stderr, asked.stderr
    assert "The original was kept as" in asked.stderr, asked.stderr
    assert "Traceback" not in asked.stderr
    copies = sorted(settings_file.parent.glob("settings.json.damaged-*"))
    assert copies
    assert all(copy.read_bytes() == original for copy in copies)

    # the real app starts, says so in the chat/tray (logged), keeps the copy
    for copy in copies:
        copy.unlink()
    app = AppProcess(profile, x_server.env)
    try:
        status = app.wait_ready()
        assert status["version"]
        notice = _notice(app, words)
        (copy,) = settings_file.parent.glob("settings.json.damaged-*")
        assert copy.read_bytes() == original
        assert str(copy) in notice
        _quit(app)
    finally:
        app.kill()

    # nothing the user set and the file still held is lost
    reloaded = Settings(settings_file)
    for key, value in valid.items():
        assert reloaded.get(key) == value, key


# ----------------------------------------------------------------- damaged history databases
def _garble_a_middle_page(db: Path) -> None:
    data = bytearray(db.read_bytes())
    page = 4096
    middle = (len(data) // page) // 2
    data[middle * page : (middle + 1) * page] = b"\x55" * page
    db.write_bytes(bytes(data))


def _cut_in_half(db: Path) -> None:
    data = db.read_bytes()
    db.write_bytes(data[: (len(data) // 4096 // 2) * 4096])


def _not_sqlite(db: Path) -> None:
    db.write_bytes(b"This is a text file that someone saved over the history.\n" * 200)


def _future_schema(db: Path) -> None:
    connection = sqlite3.connect(db)
    connection.execute("PRAGMA user_version = 99")
    connection.close()


HISTORY_DAMAGE: dict[str, tuple[Callable[[Path], None], str, float]] = {
    # id: (damage, words of the message, share of the messages that must be recovered)
    "damaged_db_page": (_garble_a_middle_page, "some of its pages are unreadable", 0.8),
    "db_cut_in_half": (_cut_in_half, "was damaged", 0.3),
    "db_not_sqlite_at_all": (_not_sqlite, "not a readable SQLite database", 0.0),
}


@pytest.mark.parametrize("case", list(HISTORY_DAMAGE), ids=list(HISTORY_DAMAGE))
def test_bad_input_history_database(case: str, x_server: XServer, tmp_path: Path) -> None:
    damage, words, recovered_share = HISTORY_DAMAGE[case]
    profile = tmp_path / "profile"
    db = profile / "data" / "history.sqlite3"
    db.parent.mkdir(parents=True)
    written = _write_history(db, conversations=20, messages=12)
    damage(db)
    original = db.read_bytes()

    app = AppProcess(profile, x_server.env)
    try:
        app.wait_ready()
        notice = _notice(app, "history database", words)
        (copy,) = db.parent.glob("history.sqlite3.damaged-*[0-9]")
        assert copy.read_bytes() == original, "the damaged original must be kept as it was"
        assert f"The damaged file was kept as {copy}" in notice
        _quit(app)
    finally:
        app.kill()

    # a new, working history in its place with every row that could be read
    recovered = {content for _role, content, _status in _stored_messages(db)}
    assert recovered <= {content for _title, content in written}
    assert len(recovered) >= recovered_share * len(written), f"{len(recovered)} of {len(written)} recovered"
    HistoryStore(db, db.parent / "attachments").close()  # opens without complaint


def test_bad_input_history_from_a_newer_version_is_left_untouched(x_server: XServer, tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    db = profile / "data" / "history.sqlite3"
    db.parent.mkdir(parents=True)
    _write_history(db, conversations=2, messages=2)
    _future_schema(db)
    before = _sha(db)
    app = AppProcess(profile, x_server.env)
    try:
        app.wait_ready()
        _notice(app, "newer version", "kept in memory only")
        _quit(app)
    finally:
        app.kill()
    assert _sha(db) == before, "a newer version's history must not be changed"


# ----------------------------------------------------------------- faults
def test_fault_history_write_locked_by_another_process(x_server: XServer, tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    db = profile / "data" / "history.sqlite3"
    db.parent.mkdir(parents=True)
    _write_history(db, conversations=3, messages=2)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys\n"
            f"db = sqlite3.connect({str(db)!r}, isolation_level=None)\n"
            "db.execute('BEGIN EXCLUSIVE')\n"
            "db.execute(\"INSERT INTO conversations(title, created, updated) VALUES ('theirs', 0, 0)\")\n"
            "print('locked', flush=True)\n"
            "sys.stdin.readline()\n"
            "db.execute('COMMIT')\n",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    assert holder.stdin is not None
    app: AppProcess | None = None
    try:
        assert holder.stdout.readline().strip() == "locked"
        app = AppProcess(profile, x_server.env)
        app.wait_ready()
        _notice(app, "locked", "kept in memory only")
        holder.stdin.write("commit\n")
        holder.stdin.flush()
        assert holder.wait(10) == 0
        _quit(app)
    finally:
        if app is not None:
            app.kill()
        holder.kill()
        holder.communicate(timeout=10)  # closes its pipes
    # the other program's data is there, ours was never written over it
    assert _titles(db) == {"conversation 0", "conversation 1", "conversation 2", "theirs"}


@needs_root
def test_fault_disk_full_while_an_answer_is_saved(x_server: XServer, tmp_path: Path) -> None:
    answer = "".join(f"Part {n} of an answer written while the disk is full. " for n in range(40))
    script = tmp_path / "answer.json"
    script.write_text(json.dumps({"script": [answer], "chunk_size": 8, "delay": 0.01}))
    profile = tmp_path / "profile"
    data = profile / "data"
    db = data / "history.sqlite3"
    with _small_tmpfs(data, "4m"):
        app = AppProcess(profile, dict(x_server.env, **{SCRIPTED_ENV: str(script)}))
        try:
            app.wait_ready()
            assert app.cli("show-chat").returncode == 0
            filler = _fill(data)
            _type_question(x_server, "what is on my screen")

            # one clear message, no crash reports, the answer is kept in memory
            _wait_for(lambda: any("The disk is full" in m for m in _user_messages(app)), "the disk-full message")
            time.sleep(3)  # the whole answer streams and is saved (to memory) several times meanwhile
            full = [m for m in _user_messages(app) if "disk is full" in m]
            assert len(full) == 1, full
            assert "your answer is kept and will be saved when space returns" in full[0]
            assert not list((profile / "logs").glob("crash-*"))
            assert "Something went wrong" not in app.log_text()
            assert not any(content == answer for _role, content, _status in _stored_messages(db))

            # space returns: the question and the whole answer reach the real SQLite file
            filler.unlink()
            _wait_for(
                lambda: ("assistant", answer, "complete") in _stored_messages(db), "the answer saved to the file", timeout=60
            )
            assert ("user", "what is on my screen", "complete") in _stored_messages(db)
            assert any("There is space again" in m for m in _user_messages(app))
            _quit(app)
        finally:
            app.kill()


@needs_root
def test_fault_disk_full_at_start(x_server: XServer, tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    data = profile / "data"
    db = data / "history.sqlite3"
    with _small_tmpfs(data, "4m"):
        written = _write_history(db, conversations=3, messages=2)
        before = _sha(db)
        filler = _fill(data)
        app = AppProcess(profile, x_server.env)
        try:
            app.wait_ready()
            _notice(app, "The disk is full", "will be saved when space returns")
            assert len([m for m in _user_messages(app) if "disk is full" in m]) == 1
            assert _sha(db) == before
            filler.unlink()
            _wait_for(lambda: any("There is space again" in m for m in _user_messages(app)), "saving to resume", timeout=60)
            _quit(app)
        finally:
            app.kill()
        assert sorted(content for _role, content, _status in _stored_messages(db)) == sorted(c for _t, c in written)


@needs_root
def test_fault_read_only_history_folder(x_server: XServer, tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    data = profile / "data"
    db = data / "history.sqlite3"
    data.mkdir(parents=True)
    written = _write_history(db, conversations=2, messages=2)
    (data / "attachments").mkdir(exist_ok=True)
    before = _sha(db)
    subprocess.run(["mount", "--bind", str(data), str(data)], check=True)
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(data)], check=True)
        app = AppProcess(profile, x_server.env)
        try:
            app.wait_ready()
            _notice(app, "cannot be written", "read-only", "kept in memory only")
            _quit(app)
        finally:
            app.kill()
    finally:
        subprocess.run(["umount", "-l", str(data)], check=False)
    assert _sha(db) == before
    assert len(_stored_messages(db)) == len(written)


@needs_root
def test_fault_crash_report_on_a_full_disk_claims_no_file(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    with _small_tmpfs(logs, "1m"):
        _fill(logs)
        handler = CrashHandler(logs)
        shown: list[str] = []
        handler.on_message(lambda message: shown.append(message.full_text()))
        for _ in range(5):  # a timer failing every 0.2 s
            try:
                raise OSError(28, "No space left on device")
            except OSError as error:
                handler.handle(error, error.__traceback__, "main thread")
        assert len(shown) == 1, shown
        assert "No report file could be written" in shown[0]
        assert "with that file" not in shown[0]
        assert not list(logs.glob("crash-*")), "a half-written report must not be left behind"
