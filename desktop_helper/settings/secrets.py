"""API keys: only in the OS keyring, honestly.

:class:`KeyringStore` uses the best keyring backend the OS has. When there is none (bare Linux
without a Secret Service, some frozen builds) :func:`open_secret_store` says so and returns a
:class:`SessionStore` that keeps keys in memory until the app quits; an environment variable
``DESKTOP_HELPER_API_KEY_<PROVIDER>`` also works. Keys are never written to a file or a log.
"""

from __future__ import annotations

import logging
import os
import re
from abc import ABC, abstractmethod

from desktop_helper.core.errors import SecretStoreError
from desktop_helper.core.i18n import t

log = logging.getLogger(__name__)

SERVICE = "desktop-helper"

#: keyring backends that store secrets in plain files; never accept them
_PLAINTEXT_BACKENDS = ("keyrings.alt", "PlaintextKeyring", "EncryptedKeyring", "null.Keyring", "fail.Keyring")


_FRIENDLY_NAMES = {
    "SecretService": "Secret Service: GNOME Keyring, KWallet or KeePassXC",
    "kwallet": "KWallet",
    "Windows": "Windows Credential Manager",
    "macOS": "macOS Keychain",
}


def env_var_name(provider: str) -> str:
    return "DESKTOP_HELPER_API_KEY_" + re.sub(r"[^A-Z0-9]+", "_", provider.upper()).strip("_")


class SecretStore(ABC):
    """Where API keys live. ``location`` says where, in words for the settings page."""

    location: str = ""
    persistent: bool = False

    @abstractmethod
    def get(self, provider: str) -> str | None: ...

    @abstractmethod
    def set(self, provider: str, secret: str) -> None: ...

    @abstractmethod
    def delete(self, provider: str) -> None: ...

    def lookup(self, provider: str) -> str | None:
        """The key for ``provider``: the environment variable wins, then the store."""
        return os.environ.get(env_var_name(provider)) or self.get(provider)


class SessionStore(SecretStore):
    """Keys in memory only: for this session, or for tests."""

    location = "memory only (forgotten when the app quits)"

    def __init__(self) -> None:
        self._secrets: dict[str, str] = {}

    def get(self, provider: str) -> str | None:
        return self._secrets.get(provider)

    def set(self, provider: str, secret: str) -> None:
        self._secrets[provider] = secret

    def delete(self, provider: str) -> None:
        self._secrets.pop(provider, None)


class KeyringStore(SecretStore):
    persistent = True

    def __init__(self, backend: object) -> None:
        self._backend = backend
        module = type(backend).__module__.rsplit(".", 1)[-1]
        self.location = f"the system keyring ({_FRIENDLY_NAMES.get(module, module)})"

    def get(self, provider: str) -> str | None:
        try:
            password: str | None = self._backend.get_password(SERVICE, provider)  # type: ignore[attr-defined]
            return password
        except Exception as exc:  # keyring backends raise many kinds of errors
            raise SecretStoreError(
                t("The keyring could not be read: {exc}.", exc=exc), t("Unlock your keyring and try again.")
            ) from exc

    def set(self, provider: str, secret: str) -> None:
        try:
            self._backend.set_password(SERVICE, provider, secret)  # type: ignore[attr-defined]
        except Exception as exc:
            raise SecretStoreError(
                t("The keyring refused to store the key: {exc}.", exc=exc), t("Unlock your keyring and try again.")
            ) from exc

    def delete(self, provider: str) -> None:
        import keyring.errors

        try:
            self._backend.delete_password(SERVICE, provider)  # type: ignore[attr-defined]
        except keyring.errors.PasswordDeleteError:
            pass
        except Exception as exc:
            raise SecretStoreError(t("The keyring could not delete the key: {exc}.", exc=exc)) from exc


def is_secure_backend(backend: object) -> bool:
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    priority = getattr(backend, "priority", 0)
    return not any(marker in name for marker in _PLAINTEXT_BACKENDS) and priority > 0


def open_secret_store() -> tuple[SecretStore, SecretStoreError | None]:
    """The keyring if a secure backend works, else a session store and the reason why."""
    try:
        import keyring

        backend = keyring.get_keyring()
        # the chainer hides which backend answers; ask it for its members
        members = getattr(backend, "backends", None)
        secure = [b for b in members if is_secure_backend(b)] if members is not None else []
        if members is None and is_secure_backend(backend):
            secure = [backend]
        if secure:
            return KeyringStore(backend if members is None else secure[0]), None
    except Exception as exc:  # keyring's import can fail in odd environments
        log.warning("keyring unavailable: %s", exc)
    problem = SecretStoreError(
        t("No system keyring is available, so API keys cannot be saved."),
        t(
            "Keys you enter are kept for this session only; or set DESKTOP_HELPER_API_KEY_<PROVIDER> in your environment. On "
            "Linux, installing and unlocking gnome-keyring or KWallet fixes this."
        ),
    )
    return SessionStore(), problem
