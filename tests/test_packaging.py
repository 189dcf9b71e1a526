"""The packaging smoke test catches broken bundles (issue 9, "bad input").

Works on the bundle that ``packaging/build_linux.sh`` built (``.ci/run`` builds it before the
tests). Each case hard-links a copy of it, removes one part that PyInstaller could silently lose
(a Qt plugin, a llama.cpp library), and runs ``packaging/smoke_test.py`` on the copy, which must
fail and say why. An intact copy made the same way must pass, so the failures come from the
missing part and not from the copying. Without a built bundle the tests skip, except on CI where
that is an error.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "packaging" / "build" / "dist" / "desktop-helper"
SMOKE = ROOT / "packaging" / "smoke_test.py"

pytestmark = [pytest.mark.slow, pytest.mark.gui]


@pytest.fixture(scope="module")
def bundle() -> Path:
    if not (BUNDLE / "desktop-helper").is_file():
        if os.environ.get("CI"):
            pytest.fail(f"no bundle at {BUNDLE}: .ci/run must run packaging/build_linux.sh before the tests")
        pytest.skip(f"no bundle at {BUNDLE}: run packaging/build_linux.sh first")
    return BUNDLE


def _copy(bundle: Path, destination: Path) -> Path:
    """A hard-linked copy: seconds instead of copying ~450 MB; unlinking in it leaves the original alone."""
    copy = destination / "desktop-helper"
    subprocess.run(["cp", "-al", str(bundle), str(copy)], check=True)
    return copy


def _smoke(bundle: Path) -> subprocess.CompletedProcess[str]:
    # a private Xvfb with a tray for each run, as on a user's desktop; the tests' own DISPLAY stays untouched
    return subprocess.run(
        [sys.executable, str(SMOKE), str(bundle), "--xvfb", "--timeout", "60"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_intact_copy_passes(bundle: Path, tmp_path: Path) -> None:
    result = _smoke(_copy(bundle, tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "PASSED" in result.stdout
    assert '"tray": True' in result.stdout or "'tray': True" in result.stdout


@pytest.mark.parametrize(
    ("removed", "reported"),
    [
        # no X11 platform plugin: Qt cannot start at all
        ("_internal/PySide6/Qt/plugins/platforms/libqxcb.so", "xcb"),
        # no SVG image plugin: the tray icon (an SVG) would be blank
        ("_internal/PySide6/Qt/plugins/imageformats/libqsvg.so", "svg"),
        # the library llama_cpp opens by name through ctypes
        ("_internal/llama_cpp/lib/libllama.so", "llama"),
        # a library the others link against (found through RUNPATH $ORIGIN)
        ("_internal/llama_cpp/lib/libggml-base.so.0", "libggml-base.so.0"),
        # the CPU variant for x86-64 CPUs without any SIMD extension (each variant is checked)
        ("_internal/llama_cpp/lib/libggml-cpu-x64.so", "x64"),
        # the vision part (image input)
        ("_internal/llama_cpp/lib/libmtmd.so", "mtmd"),
    ],
)
def test_bundle_missing_a_part_fails(bundle: Path, tmp_path: Path, removed: str, reported: str) -> None:
    copy = _copy(bundle, tmp_path)
    part = copy / removed
    assert part.exists(), f"{removed} is not in the bundle at all: the case no longer tests anything"
    part.unlink()
    assert (bundle / removed).exists(), "removing from the copy must not touch the built bundle"
    result = _smoke(copy)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "FAILED" in result.stderr
    assert reported in output.lower() or reported in output, output[-3000:]


def test_deb_was_built_next_to_the_bundle(bundle: Path) -> None:
    debs = list(bundle.parent.parent.glob("desktop-helper_*.deb"))
    assert len(debs) == 1, debs
    listing = subprocess.run(["dpkg-deb", "--contents", str(debs[0])], capture_output=True, text=True, check=True).stdout
    for path in (
        "./opt/desktop-helper/desktop-helper",
        "./opt/desktop-helper/_internal/llama_cpp/lib/libllama.so",
        "./opt/desktop-helper/_internal/PySide6/Qt/plugins/platforms/libqxcb.so",
        "./usr/bin/desktop-helper -> ../../opt/desktop-helper/desktop-helper",
        "./usr/share/applications/desktop-helper.desktop",
        "./usr/share/icons/hicolor/256x256/apps/desktop-helper.png",
        "./usr/share/icons/hicolor/scalable/apps/desktop-helper.svg",
    ):
        assert path in listing, path
    control = subprocess.run(["dpkg-deb", "--field", str(debs[0])], capture_output=True, text=True, check=True).stdout
    assert "Package: desktop-helper" in control
    assert "libc6 (>= 2." in control


def test_icons_are_up_to_date_with_the_svg() -> None:
    """The committed PNG/ICO/ICNS files exist for every size the installers and the tray use."""
    icons = ROOT / "resources" / "icons"
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        assert (icons / f"desktop-helper-{size}.png").stat().st_size > 0
    assert (icons / "desktop-helper.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    assert (icons / "desktop-helper.icns").read_bytes()[:4] == b"icns"


def test_shell_scripts_parse() -> None:
    for script in [ROOT / "packaging" / "build_linux.sh", *sorted((ROOT / "packaging").glob("*/*.sh"))]:
        subprocess.run(["bash", "-n", str(script)], check=True)
        assert os.access(script, os.X_OK), f"{script} is not executable"
    assert shutil.which("bash")


def test_autostart_inside_an_appimage_points_at_the_appimage_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from desktop_helper.platform import system

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/tmp/.mount_DeskXY/usr/bin/desktop-helper/desktop-helper")
    monkeypatch.setenv("APPIMAGE", str(tmp_path / "Desktop_Helper-x86_64.AppImage"))
    with system.fake_os("linux"):
        assert system.launch_command() == [str(tmp_path / "Desktop_Helper-x86_64.AppImage")]
    monkeypatch.delenv("APPIMAGE")
    with system.fake_os("linux"):
        assert system.launch_command() == ["/tmp/.mount_DeskXY/usr/bin/desktop-helper/desktop-helper"]


def test_windows_installer_and_app_agree_on_start_at_login(tmp_path: Path) -> None:
    """The Inno Setup task writes the Run value the app's setting manages, and a settings file the app reads."""
    import json
    import re

    from desktop_helper.platform.autostart.windows import RUN_KEY, VALUE_NAME
    from desktop_helper.settings.store import Settings

    script = (ROOT / "packaging" / "windows" / "desktop-helper.iss").read_text()
    registry_lines = [line for line in script.splitlines() if line.startswith("Root: HKCU;")]
    assert registry_lines
    for line in registry_lines:
        assert f'Subkey: "{RUN_KEY}"' in line
        assert f'ValueName: "{VALUE_NAME}"' in line
    written = re.search(r"SaveStringToFile\([^,]+, '(.+?)' \+", script)
    assert written is not None
    settings_file = tmp_path / "settings.json"
    settings_file.write_text(written.group(1))
    json.loads(settings_file.read_text())
    settings = Settings(settings_file)
    assert settings.problems == []
    assert settings.get("general.start_at_login") is True
