"""Running the real app as a subprocess on the test X server, and talking to it through its CLI."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any


class AppProcess:
    """``python -m desktop_helper`` with its own profile on a given display."""

    def __init__(self, profile: Path, env: dict[str, str], args: tuple[str, ...] = ()) -> None:
        self.profile = profile
        self.env = dict(env)
        self.env["DESKTOP_HELPER_HOME"] = str(profile)
        self.env.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
        self.stderr_path = profile / "stderr.txt"
        self.stdout_path = profile / "stdout.txt"
        profile.mkdir(parents=True, exist_ok=True)
        with self.stdout_path.open("wb") as stdout, self.stderr_path.open("wb") as stderr:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "desktop_helper", *args], env=self.env, stdout=stdout, stderr=stderr
            )

    def cli(self, *argv: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "desktop_helper", *argv],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def wait_ready(self, timeout: float = 60) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        last = ""
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"app exited with {self.process.returncode}: {self.stderr}")
            result = self.cli("status", timeout=10)
            if result.returncode == 0 and result.stdout.strip():
                return dict(json.loads(result.stdout.strip().splitlines()[-1]))
            last = result.stderr
            time.sleep(0.2)
        raise AssertionError(f"app not ready after {timeout}s: {last} / {self.stderr}")

    def wait_exit(self, timeout: float = 30) -> int:
        return self.process.wait(timeout)

    def adopt_restarted(self, timeout: float = 60) -> None:
        """Follow the app into the process it started itself (Settings > Language > Restart now): the old
        one has exited; the new one answers on the same profile's command socket and says its pid."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            result = self.cli("status", timeout=10)
            if result.returncode == 0 and result.stdout.strip():
                pid = int(json.loads(result.stdout.strip().splitlines()[-1])["pid"])
                if pid != self.process.pid:
                    self.process = StartedByTheApp(pid)  # type: ignore[assignment]
                    return
            time.sleep(0.2)
        raise AssertionError(f"no restarted app answered within {timeout}s: {self.stderr}")

    @property
    def stderr(self) -> str:
        return self.stderr_path.read_text(errors="replace") if self.stderr_path.exists() else ""

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)

    def log_text(self) -> str:
        log = self.profile / "logs" / "desktop-helper.log"
        return log.read_text(errors="replace") if log.exists() else ""


def env_without(keys: tuple[str, ...]) -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in keys}


class StartedByTheApp:
    """A process the app started (its restart), not the test: what the tests use of Popen, through psutil.

    It is not our child, so its exit code cannot be read: a process that is gone (or a zombie waiting
    for its adoptive parent) counts as having exited with 0.
    """

    def __init__(self, pid: int) -> None:
        import psutil

        self.pid = pid
        self._process = psutil.Process(pid)
        self.returncode: int | None = None

    def poll(self) -> int | None:
        import psutil

        if self.returncode is None:
            try:
                gone = self._process.status() == psutil.STATUS_ZOMBIE
            except psutil.NoSuchProcess:
                gone = True
            if gone:
                self.returncode = 0
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(f"pid {self.pid}", timeout or 0)
            time.sleep(0.1)
        return 0

    def kill(self) -> None:
        import psutil

        with contextlib.suppress(psutil.NoSuchProcess):
            self._process.kill()
        self.wait(10)
