"""Smoke test of a built Desktop Helper: a PyInstaller folder, a macOS .app, a Linux .deb or AppDir/AppImage.

What it proves, in order (any failure exits 1 and says what broke):
1. the package has the right shape (for a .deb: extracted with ``dpkg -x`` into a temporary root,
   the /usr/bin link, the desktop entry and the icon resolve inside it);
2. ``desktop-helper --self-test`` passes inside the bundle: llama.cpp's libraries, its CPU variants
   (one per x86-64 level, the best one for this CPU loaded) and its Vulkan backend (``--vulkan shipped``
   or ``loaded``), with ``--tiny-model`` a real model load and decode, pynput's and
   keyring's OS backends, the Qt platform/image/icon plugins, OpenCV, PyAV with libx264 (an H.264 video
   written, joined and decoded), pdfium, the CA bundle and the app's resources all load;
3. the app starts with a temporary profile, shows its tray icon (``status`` reports ``"tray": true``),
   and quits through ``desktop-helper quit`` with exit code 0;
4. nothing unexpected reached stderr, and the app's log has no ERROR or CRITICAL line.

On Linux without a DISPLAY (or with ``--xvfb``) it starts Xvfb + fluxbox (a system tray) from
``tests/harness/xserver.py``. Usage::

    python packaging/smoke_test.py dist/desktop-helper            # a one-folder bundle
    python packaging/smoke_test.py dist/desktop-helper_0.1.0_amd64.deb --tiny-model
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
APP = "desktop-helper"

#: stderr lines that are not a problem of ours (kept short on purpose: every entry hides something)
ALLOWED_STDERR: tuple[str, ...] = ()


class SmokeError(Exception):
    """The bundle is broken; the message says how."""


@dataclass
class Target:
    """How to run the packaged app: the GUI program and the command-line program (the same except on Windows)."""

    gui: Path
    cli: Path
    env: dict[str, str] = field(default_factory=dict)


def _log(text: str) -> None:
    print(f"smoke: {text}", flush=True)


# ----- finding the program inside each kind of package
def _bundle_programs(folder: Path) -> Target:
    if sys.platform == "win32":
        gui, cli = folder / f"{APP}.exe", folder / f"{APP}-cli.exe"
    elif folder.suffix == ".app":
        gui = cli = folder / "Contents" / "MacOS" / APP
    else:
        gui = cli = folder / APP
    for program in {gui, cli}:
        if not program.is_file():
            raise SmokeError(f"{program} is missing from the bundle")
    return Target(gui, cli)


def _extract_deb(deb: Path, root: Path) -> Target:
    """``dpkg -x`` the package into ``root`` and check what it installs."""
    subprocess.run(["dpkg-deb", "--info", str(deb)], check=True, capture_output=True)
    subprocess.run(["dpkg", "-x", str(deb), str(root)], check=True)
    link = root / "usr" / "bin" / APP
    if not link.is_symlink():
        raise SmokeError(f"/usr/bin/{APP} is not a symlink in {deb.name}")
    program = link.resolve()
    if not program.is_file() or root.resolve() not in program.parents:
        raise SmokeError(f"/usr/bin/{APP} points to {link.readlink()}, which is not in the package")
    desktop = root / "usr" / "share" / "applications" / f"{APP}.desktop"
    if not desktop.is_file():
        raise SmokeError(f"{desktop.relative_to(root)} is missing from {deb.name}")
    entry = desktop.read_text()
    for needed in (f"Exec={APP}", f"Icon={APP}", "Type=Application"):
        if needed not in entry:
            raise SmokeError(f"{desktop.name} lacks '{needed}'")
    if shutil.which("desktop-file-validate"):
        result = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True, check=False)
        if result.returncode != 0 or result.stdout.strip():
            raise SmokeError(f"{desktop.name} is not a valid desktop entry: {result.stdout}{result.stderr}")
    icons = list((root / "usr" / "share" / "icons" / "hicolor").glob(f"*/apps/{APP}.*"))
    if not icons:
        raise SmokeError(f"no hicolor icon named {APP} in {deb.name}")
    _log(f"{deb.name}: /usr/bin/{APP} -> {link.readlink()}, desktop entry and {len(icons)} icons present")
    return Target(link, link)


def _appimage_programs(path: Path) -> Target:
    if path.is_dir():  # an AppDir
        apprun = path / "AppRun"
        if not apprun.is_file():
            raise SmokeError(f"{path} has no AppRun")
        if not list(path.glob("*.desktop")):
            raise SmokeError(f"{path} has no .desktop file at its top")
        return Target(apprun, apprun)
    # no FUSE on CI machines: the runtime can extract itself instead of mounting
    return Target(path, path, {"APPIMAGE_EXTRACT_AND_RUN": "1"})


# ----- running it
@contextmanager
def _display(force_xvfb: bool) -> Iterator[dict[str, str]]:
    env = dict(os.environ)
    if sys.platform.startswith("linux") and (force_xvfb or not env.get("DISPLAY")):
        sys.path.insert(0, str(ROOT))
        from tests.harness.xserver import XServer

        server = XServer().start()
        _log(f"started Xvfb + fluxbox on {server.display}")
        try:
            yield server.env
        finally:
            server.stop()
    else:
        yield env


def _unexpected(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.strip() and not any(a in line for a in ALLOWED_STDERR)]


def _run(target: Target, program: Path, args: list[str], env: dict[str, str], timeout: float) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run([str(program), *args], env=env, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired as exc:
        raise SmokeError(f"'{program.name} {' '.join(args)}' did not finish in {timeout:.0f} s") from exc


#: CPU variants every x86-64 Windows/Linux bundle carries (GGML_CPU_ALL_VARIANTS; MSVC builds a few less):
#: the baseline for CPUs without AVX2, AVX, AVX2, AVX-512, AVX-512 VNNI and AVX-VNNI
X86_CPU_VARIANTS = ("x64", "sse42", "sandybridge", "haswell", "skylakex", "icelake", "alderlake")


def check_backends(backends: dict[str, Any], *, vulkan: str = "optional") -> None:
    """The bundle carries llama.cpp's CPU variants (one loaded) and, with ``vulkan`` "shipped" or "loaded", Vulkan."""
    if sys.platform == "darwin":
        # Metal and the CPU backend are linked into libggml on macOS (no loadable backends)
        _log(f"  llama.cpp backends built in; devices: {[d['name'] for d in backends['devices']]}")
        return
    variants = backends["cpu_variants"]
    if platform.machine().lower() in ("x86_64", "amd64") and (missing := sorted(set(X86_CPU_VARIANTS) - set(variants))):
        raise SmokeError(f"CPU backend variants missing from the bundle: {', '.join(missing)} (shipped: {sorted(variants)})")
    chosen = backends["cpu_variant"]
    if not chosen or variants.get(chosen, 0) <= 0:
        raise SmokeError(f"no CPU backend variant loaded (scores on this CPU: {variants})")
    if vulkan in ("shipped", "loaded") and "vulkan" not in backends["gpu_libraries"]:
        raise SmokeError("the Vulkan backend (ggml-vulkan) is missing from the bundle")
    if vulkan == "loaded" and "vulkan" not in backends["gpu_loaded"]:
        raise SmokeError(f"the Vulkan backend did not load although a Vulkan loader is installed: {backends['gpu_failed']}")
    devices = [f"{d['name']} ({d['description']})" for d in backends["devices"]]
    _log(f"  CPU backend {chosen} of {len(variants)} variants; GPU backends loaded: {backends['gpu_loaded']}; devices: {devices}")


def self_test(target: Target, env: dict[str, str], model_args: list[str], *, vulkan: str = "optional") -> dict[str, Any]:
    started = time.monotonic()
    result = _run(target, target.cli, ["--self-test", *model_args], env, timeout=180)
    try:
        report = dict(json.loads(result.stdout.strip().splitlines()[-1]))
    except (ValueError, IndexError) as exc:
        raise SmokeError(
            f"--self-test printed no report (exit {result.returncode}).\n"
            f"stdout: {result.stdout[-2000:]}\nstderr: {result.stderr[-4000:]}"
        ) from exc
    for name in report.get("failed", []):
        _log(f"self-test '{name}' FAILED: {report[name].get('error')}")
    if result.returncode != 0 or report.get("failed"):
        failed = ", ".join(report.get("failed", [])) or result.stderr[-2000:]
        raise SmokeError(f"--self-test failed (exit {result.returncode}): {failed}")
    if bad := _unexpected(result.stderr):
        raise SmokeError("--self-test wrote to stderr:\n" + "\n".join(bad[:40]))
    # every compiled translation of the source tree must be in the bundle
    source_qm = sorted(p.name for p in (ROOT / "resources" / "i18n").glob("*.qm"))
    if missing := sorted(set(source_qm) - set(report["app"]["translations"])):
        raise SmokeError(f"translations missing from the bundle: {', '.join(missing)}")
    llama = report["llama_cpp"]
    check_backends(llama["backends"], vulkan=vulkan)
    _log(f"self-test passed in {time.monotonic() - started:.1f} s: llama-cpp-python {llama['version']} ({llama['system_info']})")
    if "model" in llama:
        _log(f"  tiny model: {llama['model']}")
    video = report["video"]
    if video.get("encoder") != "libx264":
        raise SmokeError(f"recordings would not be H.264: the bundle's video check reports {video}")
    _log(f"  PyAV {video['pyav']} (libavcodec {video['libavcodec']}) wrote, joined and decoded H.264 with {video['encoder']}")
    _log(f"  pynput {report['pynput']}, keyring {report['keyring']['os_backend']}, Qt platform {report['qt']['platform']}")
    return report


def run_app(target: Target, env: dict[str, str], work: Path, timeout: float) -> None:
    """Start the app, wait for its tray icon, quit it through the CLI, check exit code, stderr and log."""
    profile = work / "profile"
    stdout_path, stderr_path = work / "app-stdout.txt", work / "app-stderr.txt"
    started = time.monotonic()
    with stdout_path.open("wb") as out, stderr_path.open("wb") as err:
        process = subprocess.Popen([str(target.gui)], env=env, stdout=out, stderr=err)
    try:
        status: dict[str, Any] | None = None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if process.poll() is not None:
                stderr = stderr_path.read_text(errors="replace")[-4000:]
                raise SmokeError(f"the app exited with {process.returncode} before it was ready:\n{stderr}")
            result = _run(target, target.cli, ["status"], env, timeout=30)
            if result.returncode == 0 and result.stdout.strip():
                status = dict(json.loads(result.stdout.strip().splitlines()[-1]))
                if status.get("tray"):
                    break
            time.sleep(0.3)
        if not status or not status.get("tray"):
            raise SmokeError(f"no tray icon after {timeout:.0f} s (last status: {status})")
        _log(f"app ready with its tray icon in {time.monotonic() - started:.1f} s: {status}")
        if Path(status.get("profile", "")).resolve() != profile.resolve():
            raise SmokeError(f"the app did not use the temporary profile: {status.get('profile')}")
        result = _run(target, target.cli, ["quit"], env, timeout=30)
        if result.returncode != 0:
            raise SmokeError(f"'quit' failed with {result.returncode}: {result.stderr}")
        try:
            code = process.wait(30)
        except subprocess.TimeoutExpired as exc:
            raise SmokeError("the app did not exit within 30 s of 'quit'") from exc
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(10)
    stderr = stderr_path.read_text(errors="replace")
    if code != 0:
        raise SmokeError(f"the app exited with {code} after 'quit':\n{stderr[-4000:]}")
    if bad := _unexpected(stderr):
        raise SmokeError("the app wrote to stderr:\n" + "\n".join(bad[:40]))
    log_file = profile / "logs" / f"{APP}.log"
    log_text = log_file.read_text(errors="replace") if log_file.exists() else ""
    if not log_text:
        raise SmokeError(f"the app wrote no log to {log_file}")
    if errors := [line for line in log_text.splitlines() if " ERROR " in line or " CRITICAL " in line]:
        raise SmokeError("the app logged errors:\n" + "\n".join(errors[:20]))
    _log(f"app quit cleanly through the CLI (exit 0), {len(log_text.splitlines())} log lines, no stderr")


def smoke(path: Path, *, tiny_model: bool, force_xvfb: bool, timeout: float, vulkan: str = "optional") -> None:
    with ExitStack() as stack:
        work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="dh-smoke-")))
        if path.suffix == ".deb":
            target = _extract_deb(path, work / "root")
        elif path.suffix == ".AppImage" or (path / "AppRun").exists():
            target = _appimage_programs(path)
        elif path.is_dir():
            target = _bundle_programs(path)
        else:
            raise SmokeError(f"{path}: not a bundle folder, .app, .deb, AppDir or AppImage")
        env = stack.enter_context(_display(force_xvfb))
        env.update(target.env)
        # a temporary profile, and no trace in the user's real config (autostart entries, caches)
        env["DESKTOP_HELPER_HOME"] = str(work / "profile")
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            env[name] = str(work / "xdg" / name.lower())
        model_args: list[str] = []
        if tiny_model:
            model_args = _tiny_model(work / "model")
        self_test(target, env, model_args, vulkan=vulkan)
        run_app(target, env, work, timeout)


def _tiny_model(folder: Path) -> list[str]:
    """Generate the tiny GLM-4.6V GGUF pair with the source tree's generator (needs numpy and gguf)."""
    sys.path.insert(0, str(ROOT))
    from tests.tools.make_tiny_glm4v import write_tiny_glm4v

    model, mmproj = write_tiny_glm4v(folder)
    return ["--model", str(model), "--mmproj", str(mmproj)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("package", type=Path, help="bundle folder, .app, .deb, AppDir or .AppImage")
    parser.add_argument("--tiny-model", action="store_true", help="also load and run the generated tiny GLM-4.6V model")
    parser.add_argument("--xvfb", action="store_true", help="use a private Xvfb even when DISPLAY is set (Linux)")
    parser.add_argument("--timeout", type=float, default=90, help="seconds to wait for the tray icon")
    parser.add_argument(
        "--vulkan",
        choices=("optional", "shipped", "loaded"),
        default="optional",
        help="the Vulkan backend must be in the bundle (shipped) and also load (loaded: a Vulkan loader is installed)",
    )
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        smoke(
            args.package.resolve(),
            tiny_model=args.tiny_model,
            force_xvfb=args.xvfb,
            timeout=args.timeout,
            vulkan=args.vulkan,
        )
    except SmokeError as exc:
        print(f"smoke: FAILED: {args.package}: {exc}", file=sys.stderr, flush=True)
        return 1
    _log(f"PASSED: {args.package} in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
