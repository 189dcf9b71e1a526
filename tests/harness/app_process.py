"""Running the real app as a subprocess on the test X server, and talking to it through its CLI."""

from __future__ import annotations

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
