"""Errors the user can fix, as opposed to bugs.

A :class:`UserError` carries a message that says what went wrong and a ``fix`` that says
what to do about it. The UI shows both; anything that is not a ``UserError`` is a bug and
goes to the crash handler.
"""

from __future__ import annotations


class UserError(Exception):
    """Something went wrong that the user can fix (missing file, bad key, server down, ...)."""

    def __init__(self, message: str, fix: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.fix = fix

    def __str__(self) -> str:
        return f"{self.message} {self.fix}" if self.fix else self.message


class SettingsError(UserError):
    """The settings file or a setting value is not usable."""


class SecretStoreError(UserError):
    """No secure place to keep API keys, or the keyring refused."""


class BackendError(UserError):
    """A model backend failed (model file, server, key, model name, ...)."""


class CancelledError(Exception):
    """A generation or job was cancelled by the user; not an error to report."""


class MediaError(UserError):
    """A file or image could not be read, decoded or converted."""


class CaptureError(UserError):
    """The screen could not be captured (no display, permission denied, monitor gone, ...)."""


class PlatformError(UserError):
    """An OS integration (hotkey, autostart, input) is unavailable or failed."""
