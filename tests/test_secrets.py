from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop_helper.settings.secrets import SessionStore, env_var_name, open_secret_store


def test_no_keyring_backend_means_session_store_and_an_honest_reason() -> None:
    # the harness selects keyring's "fail" backend, i.e. a machine without any keyring
    store, problem = open_secret_store()
    assert isinstance(store, SessionStore)
    assert problem is not None
    assert "cannot be saved" in problem.message
    assert problem.fix is not None
    assert "DESKTOP_HELPER_API_KEY_" in problem.fix
    store.set("zai", "k1")
    assert store.get("zai") == "k1"


def test_plaintext_backends_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    store, problem = open_secret_store()
    assert isinstance(store, SessionStore)
    assert problem is not None


def test_environment_variable_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    store = SessionStore()
    store.set("Z.ai (international)", "from-store")
    assert env_var_name("Z.ai (international)") == "DESKTOP_HELPER_API_KEY_Z_AI_INTERNATIONAL"
    assert store.lookup("Z.ai (international)") == "from-store"
    monkeypatch.setenv("DESKTOP_HELPER_API_KEY_Z_AI_INTERNATIONAL", "from-env")
    assert store.lookup("Z.ai (international)") == "from-env"


SECRET_SERVICE_SCRIPT = textwrap.dedent(
    """
    import subprocess, sys
    # unlock a fresh login keyring for this private session bus
    daemon = subprocess.run(
        ["gnome-keyring-daemon", "--unlock", "--components=secrets", "--daemonize"],
        input=b"test-password\\n", capture_output=True, check=True,
    )
    from desktop_helper.settings.secrets import KeyringStore, open_secret_store
    store, problem = open_secret_store()
    assert problem is None, problem
    assert isinstance(store, KeyringStore), store
    store.set("zai", "sk-real-secret-service")
    again, _ = open_secret_store()
    print("READ", again.get("zai"))
    print("WHERE", store.location)
    store.delete("zai")
    print("AFTER", again.get("zai"))
    """
)


def test_real_secret_service_round_trip(tmp_path: Path) -> None:
    assert shutil.which("dbus-run-session"), "install dbus"
    assert shutil.which("gnome-keyring-daemon"), "install gnome-keyring"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DBUS_", "PYTHON_KEYRING"))}
    env["HOME"] = str(tmp_path)
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    env["XDG_RUNTIME_DIR"] = str(tmp_path / "run")
    (tmp_path / "run").mkdir(mode=0o700)
    result = subprocess.run(
        ["dbus-run-session", "--", sys.executable, "-c", SECRET_SERVICE_SCRIPT],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "READ sk-real-secret-service" in result.stdout
    assert "WHERE the system keyring (Secret Service" in result.stdout
    assert "AFTER None" in result.stdout
    # the key is in the keyring's own encrypted store, not in any file of ours
    keyrings = tmp_path / "data" / "keyrings"
    assert keyrings.is_dir()
    for file in keyrings.iterdir():
        assert b"sk-real-secret-service" not in file.read_bytes()
