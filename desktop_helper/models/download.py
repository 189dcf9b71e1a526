"""Resumable, verified downloads of model files, with progress and cancel; no Qt.

A download writes to ``<name>.part`` next to the target and renames it only after the size and
(when known) the sha256 check out, so a half-written file is never mistaken for a model. An
interrupted or cancelled download keeps its ``.part``; the next attempt asks the server for the
rest with an HTTP ``Range`` request and hashes the part already on disk first. Lost connections
are retried a few times, resuming each time. Before starting, the free disk space is checked
against what is still to be fetched.

The UI runs :func:`download_file` in a worker and passes a progress callback and a cancel token.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

from desktop_helper.core.cancel import CancelToken
from desktop_helper.core.errors import CancelledError, UserError
from desktop_helper.core.i18n import t

log = logging.getLogger(__name__)

CHUNK = 1024 * 1024
#: keep this much disk free beyond the file itself
DISK_MARGIN = 256 * 1024 * 1024
USER_AGENT = "desktop-helper-model-downloader/1"


class DownloadError(UserError):
    """A download failed in a way the user can act on (network, disk, corrupt file)."""


@dataclass(frozen=True)
class DownloadProgress:
    """Progress of one file.

    Attributes:
        url: what is being fetched.
        done: bytes on disk so far (including a resumed part).
        total: expected size, if known.
        speed: bytes per second over the current attempt.
        resumed_from: bytes that were already on disk when this attempt started.
        phase: "checking", "downloading", "verifying" or "done".
    """

    url: str
    done: int
    total: int | None
    speed: float
    resumed_from: int
    phase: str

    @property
    def fraction(self) -> float | None:
        return None if not self.total else min(1.0, self.done / self.total)


ProgressCallback = Callable[[DownloadProgress], None]


def part_path(target: Path) -> Path:
    return target.with_name(target.name + ".part")


def download_file(
    url: str,
    target: str | os.PathLike[str],
    *,
    expected_size: int | None = None,
    expected_sha256: str | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    retries: int = 3,
    retry_delay: float = 2.0,
    timeout: float = 30.0,
    disk_margin: int = DISK_MARGIN,
    chunk_size: int = CHUNK,
) -> Path:
    """Download ``url`` to ``target``, resuming a previous ``.part`` and verifying the result.

    Args:
        url: http(s) URL.
        target: final path; its folder is created.
        expected_size: size in bytes, if known (else the server's Content-Length).
        expected_sha256: hex sha256, if pinned (else the server's ``X-Linked-Etag`` when it is one).
        progress: called from this thread at most every ~0.1 s and at phase changes.
        cancel: cooperative cancel; the ``.part`` is kept for resuming.
        retries: attempts after a lost connection (each resumes where the last stopped).
        retry_delay: seconds before the first retry (doubled each time; cancellable).
        timeout: socket timeout in seconds.
        disk_margin: bytes to leave free on the disk.
        chunk_size: read size.

    Returns:
        ``target``.

    Raises:
        CancelledError: when cancelled.
        DownloadError: on HTTP errors, a full disk, or a size/hash mismatch (the bad part is deleted).
    """
    final = Path(target)
    final.parent.mkdir(parents=True, exist_ok=True)
    partial = part_path(final)
    if final.exists() and expected_size is not None and final.stat().st_size == expected_size and expected_sha256 is None:
        return final
    attempt = 0
    while True:
        try:
            return _attempt(
                url,
                final,
                partial,
                expected_size=expected_size,
                expected_sha256=expected_sha256,
                progress=progress,
                cancel=cancel,
                timeout=timeout,
                disk_margin=disk_margin,
                chunk_size=chunk_size,
            )
        except _TransientError as exc:
            if attempt >= retries:
                raise DownloadError(
                    t("The download of {name} was interrupted: {exc}.", name=final.name, exc=exc),
                    t("Check the network connection and start the download again; it will resume where it stopped."),
                ) from exc
            delay = retry_delay * (2**attempt)
            attempt += 1
            log.warning("download of %s interrupted (%s); retry %d in %.1fs", url, exc, attempt, delay)
            if cancel is not None and cancel.wait(delay):
                raise CancelledError(f"download of {final.name} cancelled") from exc
            if cancel is None:
                time.sleep(delay)


class _TransientError(Exception):
    """A transient failure worth retrying (connection lost, timeout, 5xx)."""


def _attempt(
    url: str,
    final: Path,
    partial: Path,
    *,
    expected_size: int | None,
    expected_sha256: str | None,
    progress: ProgressCallback | None,
    cancel: CancelToken | None,
    timeout: float,
    disk_margin: int,
    chunk_size: int,
) -> Path:
    have = partial.stat().st_size if partial.exists() else 0
    if expected_size is not None and have > expected_size:
        # longer than the file can be: not ours to resume
        partial.unlink()
        have = 0
    if not url.startswith(("http://", "https://")):
        raise DownloadError(t("Cannot download from {url!r}.", url=url), t("Only http and https URLs are supported."))
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"})  # noqa: S310
    if have:
        request.add_header("Range", f"bytes={have}-")
    redirects = _RecordingRedirects()
    opener = urllib.request.build_opener(redirects)
    try:
        response = opener.open(request, timeout=timeout)
    except urllib.error.HTTPError as exc:
        exc.close()  # its response holds the connection open until the error object is collected
        if exc.code == 416 and have and expected_size is not None and have == expected_size:
            # the part is already complete: only verification is left
            return _finish(
                url,
                final,
                partial,
                total=expected_size,
                sha256=expected_sha256,
                hasher=None,
                progress=progress,
                resumed_from=have,
            )
        if exc.code == 416:
            partial.unlink(missing_ok=True)
            raise _TransientError("the server refused to resume; starting over") from exc
        if exc.code >= 500:
            raise _TransientError(f"server error {exc.code}") from exc
        raise DownloadError(
            t(
                "The server refused the download of {name} (HTTP {code} {reason}).",
                name=final.name,
                code=exc.code,
                reason=exc.reason,
            ),
            t("Check the model name and your network; if the file moved, update desktop-helper."),
        ) from exc
    except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise _TransientError(str(reason)) from exc

    with response:
        headers = response.headers
        status = response.status
        if have and status == 206:
            start = _range_start(headers.get("Content-Range"))
            if start != have:
                # the server answered a different range than asked: do not stitch blindly
                partial.unlink(missing_ok=True)
                raise _TransientError(f"server resumed at byte {start}, not {have}")
        elif have:
            log.info("server ignored the Range request for %s; starting over", url)
            have = 0
        total = _total_size(headers, status, have)
        if expected_size is not None and total is not None and total != expected_size:
            raise DownloadError(
                t(
                    "The server offers {name} with {total:,} bytes, but {expected_size:,} were expected.",
                    name=final.name,
                    total=total,
                    expected_size=expected_size,
                ),
                t("The file changed upstream; update desktop-helper or pick the file manually."),
            )
        total = expected_size if expected_size is not None else total
        server_sha = _server_sha256(headers, redirects.linked)
        _check_disk(final.parent, (total - have) if total is not None else 0, disk_margin, final.name)

        hasher = hashlib.sha256()
        if have:
            _report(progress, url, have, total, 0.0, have, "checking")
            _hash_existing(partial, hasher, cancel, chunk_size)
        mode = "ab" if have else "wb"
        started = time.monotonic()
        last_report = 0.0
        received = 0
        with partial.open(mode) as out:
            while True:
                if cancel is not None and cancel.cancelled:
                    raise CancelledError(f"download of {final.name} cancelled")
                try:
                    block = response.read(chunk_size)
                except (TimeoutError, ConnectionError, OSError) as exc:
                    out.flush()
                    raise _TransientError(str(exc)) from exc
                if not block:
                    break
                out.write(block)
                hasher.update(block)
                received += block.__len__()
                now = time.monotonic()
                if now - last_report >= 0.1:
                    last_report = now
                    speed = received / max(now - started, 1e-6)
                    _report(progress, url, have + received, total, speed, have, "downloading")
        done = have + received
        if total is not None and done < total:
            raise _TransientError(f"connection closed after {done:,} of {total:,} bytes")
        return _finish(
            url,
            final,
            partial,
            total=total,
            sha256=expected_sha256 or server_sha,
            hasher=hasher,
            progress=progress,
            resumed_from=have,
        )


def _finish(
    url: str,
    final: Path,
    partial: Path,
    *,
    total: int | None,
    sha256: str | None,
    hasher: hashlib._Hash | None,
    progress: ProgressCallback | None,
    resumed_from: int,
) -> Path:
    size = partial.stat().st_size
    _report(progress, url, size, total, 0.0, resumed_from, "verifying")
    if total is not None and size != total:
        partial.unlink(missing_ok=True)
        raise DownloadError(
            t("{name} has {size:,} bytes instead of {total:,}.", name=final.name, size=size, total=total),
            t("Start the download again."),
        )
    if sha256 is not None:
        if hasher is None:
            hasher = hashlib.sha256()
            _hash_existing(partial, hasher, None, CHUNK)
        digest = hasher.hexdigest()
        if digest.lower() != sha256.lower():
            partial.unlink(missing_ok=True)
            raise DownloadError(
                t(
                    "{name} is damaged: its sha256 is {digest}..., expected {sha256}....",
                    name=final.name,
                    digest=digest[:12],
                    sha256=sha256[:12],
                ),
                t("The damaged file was deleted; start the download again."),
            )
    partial.replace(final)
    _report(progress, url, size, total, 0.0, resumed_from, "done")
    return final


def _hash_existing(path: Path, hasher: hashlib._Hash, cancel: CancelToken | None, chunk_size: int) -> None:
    with path.open("rb") as stream:
        while block := stream.read(chunk_size):
            if cancel is not None and cancel.cancelled:
                raise CancelledError("download cancelled")
            hasher.update(block)


def _check_disk(folder: Path, needed: int, margin: int, name: str) -> None:
    free = shutil.disk_usage(folder).free
    if needed + margin > free:
        raise DownloadError(
            t(
                "Not enough disk space for {name}: {value:.2f} GB more are needed, {value2:.2f} GB are free in {folder}.",
                name=name,
                value=needed / 1e9,
                value2=free / 1e9,
                folder=folder,
            ),
            t("Free some disk space or choose another models folder, then resume the download."),
        )


def _report(  # noqa: PLR0917 - a private helper called with positional progress fields
    progress: ProgressCallback | None, url: str, done: int, total: int | None, speed: float, resumed: int, phase: str
) -> None:
    if progress is not None:
        progress(DownloadProgress(url, done, total, speed, resumed, phase))


_RANGE = re.compile(r"bytes\s+(\d+)-(\d+)/(\d+|\*)")


def _range_start(content_range: str | None) -> int | None:
    match = _RANGE.match(content_range or "")
    return int(match.group(1)) if match else None


def _total_size(headers: Message, status: int, have: int) -> int | None:
    if status == 206:
        match = _RANGE.match(headers.get("Content-Range") or "")
        if match and match.group(3) != "*":
            return int(match.group(3))
    length = headers.get("Content-Length")
    if length is not None and length.isdigit():
        return int(length) + (have if status == 206 else 0)
    return None


_SHA = re.compile(r'^(?:W/)?"?([0-9a-fA-F]{64})"?$')


def _server_sha256(headers: Message, linked: dict[str, str]) -> str | None:
    # Hugging Face puts the LFS object's sha256 in X-Linked-Etag on the redirect to its CDN
    candidates = [linked.get("X-Linked-Etag"), headers.get("X-Linked-Etag"), headers.get("ETag")]
    for value in candidates:
        match = _SHA.match((value or "").strip())
        if match:
            return match.group(1).lower()
    return None


class _RecordingRedirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects like urllib does, keeping the "X-Linked-*" headers of the redirect itself."""

    def __init__(self) -> None:
        super().__init__()
        self.linked: dict[str, str] = {}

    def redirect_request(  # noqa: PLR0917 - urllib's signature
        self,
        req: urllib.request.Request,
        fp: object,
        code: int,
        msg: str,
        headers: Message,
        newurl: str,
    ) -> urllib.request.Request | None:
        for name in ("X-Linked-Etag", "X-Linked-Size"):
            value = headers.get(name)
            if value:
                self.linked[name] = value
        return super().redirect_request(req, fp, code, msg, headers, newurl)  # type: ignore[arg-type]
