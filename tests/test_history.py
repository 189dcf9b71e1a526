"""The history database on real SQLite files: schema, migrations with backup, search, attachments, export."""

from __future__ import annotations

import base64
import json
import sqlite3
from pathlib import Path

import pytest

from desktop_helper.history import schema as schema_module
from desktop_helper.history.records import NewAttachment
from desktop_helper.history.schema import SCHEMA_VERSION
from desktop_helper.history.store import HistoryError, HistoryStore
from tests.fixtures.chat_files import write_png


@pytest.fixture
def history(tmp_path: Path):
    store = HistoryStore(tmp_path / "history.sqlite3", tmp_path / "attachments")
    yield store
    store.close()


def test_new_database_is_wal_and_at_the_current_schema(history: HistoryStore, tmp_path: Path) -> None:
    assert history.schema_version == SCHEMA_VERSION == len(schema_module.MIGRATIONS)
    connection = sqlite3.connect(tmp_path / "history.sqlite3")
    try:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        connection.close()
    assert history.backup_path is None  # nothing to back up in a new file


def test_migrating_an_old_database_backs_it_up_first_and_keeps_the_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "history.sqlite3"
    # a database written by a version that knew only the first migration
    monkeypatch.setattr(schema_module, "MIGRATIONS", schema_module.MIGRATIONS[:1])
    monkeypatch.setattr(schema_module, "SCHEMA_VERSION", 1)
    old = HistoryStore(db, tmp_path / "att")
    conversation = old.create_conversation()
    old.add_message(conversation.id, "user", "an elephant on the screen")
    old.close()
    monkeypatch.undo()

    upgraded = HistoryStore(db, tmp_path / "att")
    try:
        assert upgraded.schema_version == SCHEMA_VERSION
        assert upgraded.backup_path == tmp_path / "history.sqlite3.bak-v1"
        backup = sqlite3.connect(upgraded.backup_path)
        try:
            assert backup.execute("PRAGMA user_version").fetchone()[0] == 1
            assert backup.execute("SELECT content FROM messages").fetchone()[0] == "an elephant on the screen"
        finally:
            backup.close()
        # the new full-text index covers rows written before it existed
        hits = upgraded.search("elephant")
        assert [h.conversation_id for h in hits] == [conversation.id]
    finally:
        upgraded.close()


def test_a_failing_migration_leaves_the_database_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "history.sqlite3"
    HistoryStore(db, tmp_path / "att").close()

    def broken(connection: sqlite3.Connection) -> None:
        connection.execute("CREATE TABLE half_done (x)")
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(schema_module, "MIGRATIONS", (*schema_module.MIGRATIONS, ("broken", broken)))
    monkeypatch.setattr(schema_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(HistoryError, match="cannot be opened"):
        HistoryStore(db, tmp_path / "att")
    monkeypatch.undo()
    connection = sqlite3.connect(db)
    try:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert connection.execute("SELECT name FROM sqlite_master WHERE name = 'half_done'").fetchone() is None
    finally:
        connection.close()
    assert (tmp_path / f"history.sqlite3.bak-v{SCHEMA_VERSION}").exists()


def test_a_newer_or_corrupt_database_is_a_clear_error(tmp_path: Path) -> None:
    newer = tmp_path / "newer.sqlite3"
    connection = sqlite3.connect(newer)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    connection.close()
    with pytest.raises(HistoryError, match="newer version"):
        HistoryStore(newer, tmp_path / "att")
    corrupt = tmp_path / "corrupt.sqlite3"
    corrupt.write_bytes(b"this is not a database" * 100)
    with pytest.raises(HistoryError, match=r"corrupt\.sqlite3"):
        HistoryStore(corrupt, tmp_path / "att")


def test_attachments_are_content_addressed_shared_and_collected(history: HistoryStore, tmp_path: Path) -> None:
    png = write_png(tmp_path / "a.png").read_bytes()
    first = history.create_conversation()
    second = history.create_conversation()
    one = history.add_message(first.id, "user", "look", attachments=[NewAttachment("image", png, "image/png", "a.png", 640, 400)])
    two = history.add_message(
        second.id, "user", "again", attachments=[NewAttachment("image", png, "image/png", "b.png", 640, 400)]
    )
    path = one.attachments[0].path
    assert path == two.attachments[0].path
    assert path.read_bytes() == png
    assert path.parent.name == path.name[:2]
    assert len(list((tmp_path / "attachments").rglob("*"))) == 2  # one folder, one file
    history.delete_conversation(first.id)
    assert path.exists()  # still used by the second conversation
    history.delete_conversation(second.id)
    assert not path.exists()


def test_search_rename_delete_and_order(history: HistoryStore) -> None:
    a = history.create_conversation()
    history.add_message(a.id, "user", "How do I centre a div in CSS?")
    history.add_message(
        a.id, "assistant", "Use flexbox: display flex and justify-content center.", thinking="grid would work too"
    )
    b = history.create_conversation()
    history.add_message(b.id, "user", "翻译这段文字")
    assert [c.id for c in history.conversations()] == [b.id, a.id]
    assert {h.conversation_id for h in history.search("flexbox")} == {a.id}
    assert {h.conversation_id for h in history.search("flex")} == {a.id}  # prefix
    assert {h.conversation_id for h in history.search("grid")} == {a.id}  # reasoning is searchable
    assert {h.conversation_id for h in history.search("翻译这段文字")} == {b.id}
    assert history.search('" OR 1=1 --') == []  # user text never becomes FTS syntax
    history.rename_conversation(a.id, "  CSS layout  ")
    assert history.conversation(a.id).title == "CSS layout"
    assert {h.conversation_id for h in history.search("layout")} == {a.id}  # titles too
    history.delete_conversation(a.id)
    assert history.search("flexbox") == []
    assert [c.id for c in history.conversations()] == [b.id]


def test_streaming_updates_and_interrupted_answers(history: HistoryStore) -> None:
    conversation = history.create_conversation()
    history.add_message(conversation.id, "user", "go")
    answer = history.add_message(conversation.id, "assistant", status="streaming")
    history.update_message(answer.id, content="partial ans")
    assert [m.id for m in history.interrupted_messages()] == [answer.id]
    assert history.mark_interrupted() == 1
    stored = history.message(answer.id)
    assert stored.status == "cancelled"
    assert stored.content == "partial ans"
    assert "stopped" in stored.error
    history.delete_messages_from(answer.id)
    assert [m.role for m in history.messages(conversation.id)] == ["user"]


def test_export_markdown_with_images_and_json(history: HistoryStore, tmp_path: Path) -> None:
    png = write_png(tmp_path / "shot.png").read_bytes()
    conversation = history.create_conversation(system_prompt="Be brief.")
    history.add_message(
        conversation.id,
        "user",
        "What is this?",
        attachments=[
            NewAttachment("image", png, "image/png", "shot.png", 640, 400),
            NewAttachment("text", b"print('hi')\n", "text/plain", "code.py"),
        ],
    )
    history.add_message(conversation.id, "assistant", "A **blue** square.", thinking="It is blue.")
    (tmp_path / "out").mkdir()
    md = history.export_markdown(conversation.id, tmp_path / "out" / "chat.md")
    text = md.read_text()
    assert "# What is this?" in text
    assert "Be brief." in text
    assert "A **blue** square." in text
    assert "print('hi')" in text
    images = list((tmp_path / "out" / "chat_files").iterdir())
    assert len(images) == 1
    assert images[0].read_bytes() == png
    assert f"(chat_files/{images[0].name})" in text

    data = json.loads(history.export_json(conversation.id, tmp_path / "chat.json").read_text())
    assert data["system_prompt"] == "Be brief."
    assert [m["role"] for m in data["messages"]] == ["user", "assistant"]
    assert data["messages"][1]["thinking"] == "It is blue."
    attachment = data["messages"][0]["attachments"][0]
    assert base64.b64decode(attachment["data_base64"]) == png
    assert attachment["name"] == "shot.png"


def test_in_memory_history_when_saving_is_off(tmp_path: Path) -> None:
    store = HistoryStore(None, tmp_path / "att")
    try:
        conversation = store.create_conversation()
        store.add_message(
            conversation.id, "user", "secret question", attachments=[NewAttachment("text", b"x", "text/plain", "a")]
        )
        assert store.search("secret")
        assert (tmp_path / "att").is_dir()
    finally:
        store.close()
    assert not list(tmp_path.glob("*.sqlite3"))
    assert not (tmp_path / "att").exists()  # nothing of an unsaved history stays on disk
