"""Captures handed from the app to the MCP process as files, not through the command socket.

The socket's requests are capped at 1 MB and its client reads line by line, so a capture (up to
4096 px, tens of MB as base64) does not travel in a reply: the app writes the PNG, readable only by
this user, into the private folder beside the socket (0700, checked by both ends) and replies with
its path; the MCP process reads it and deletes it. Leftovers of a client that died are swept away.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import time
from pathlib import Path

from desktop_helper import APP_DISPLAY_NAME
from desktop_helper.core.errors import UserError
from desktop_helper.settings.paths import AppPaths


def handoff_folder(paths: AppPaths) -> Path:
    """Where the app leaves capture PNGs for the MCP process: the private socket folder (0700, checked),
    or a private folder in the cache where the OS has none (Windows named pipes)."""
    from desktop_helper.platform.local_socket import local_socket_for_current_os

    folder = local_socket_for_current_os().private_folder()
    if folder is None:
        folder = paths.cache / "mcp"
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


#: a hand-off file is never larger than a 4096 px PNG can be (4096 x 4096 x 4 bytes, plus headers)
MAX_HANDOFF_BYTES = 4096 * 4096 * 4 + 1024 * 1024
#: files older than this were never picked up (the MCP process died): the app sweeps them away
HANDOFF_MAX_AGE = 300.0


def write_handoff_file(folder: Path, data: bytes) -> Path:
    """Leave ``data`` in ``folder`` for the MCP process, readable only by this user; sweep old leftovers."""
    now = time.time()
    for old in folder.glob("mcp-*.png"):
        with contextlib.suppress(OSError):
            if now - old.stat().st_mtime > HANDOFF_MAX_AGE:
                old.unlink()
    path = folder / f"mcp-{secrets.token_hex(8)}.png"
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as stream:
        stream.write(data)
    return path


def take_handoff_file(path: Path) -> bytes:
    """Read and delete a PNG the app left; only plain files named like ours, in our own private folder.

    Raises:
        UserError: when the path is not one of ours or cannot be read.
    """
    if not path.name.startswith("mcp-") or path.suffix != ".png" or path.is_symlink() or not path.is_file():
        raise UserError(f"{APP_DISPLAY_NAME} gave an unexpected image path ({path}).", "Restart the app and try again.")
    try:
        if path.stat().st_size > MAX_HANDOFF_BYTES:
            raise UserError("The capture from the app is larger than any capture can be.", "Restart the app and try again.")
        return path.read_bytes()
    except OSError as exc:
        raise UserError(f"The capture from the app could not be read ({exc.strerror}).", "Try again.") from exc
    finally:
        with contextlib.suppress(OSError):
            path.unlink()
