"""llama.cpp's own tools, built once from the source vendored in the llama-cpp-python sdist we use.

The baseline of ``bench/real_size.py`` must be the very llama.cpp our wheel was compiled from, with
the same flags (pyproject's cmake args: CPU variants chosen at run time; Release; shared libraries, no curl, as
llama-cpp-python's CMakeLists sets them), so any speed difference is ours, not a different
llama.cpp. The sdist is found in uv's cache (uv keeps it after building the wheel);
``LLAMA_CPP_SOURCE`` names another checkout. The build goes to the benchmark cache, outside the
repository, keyed by the source path, and is reused.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import time
from pathlib import Path

#: llama-cpp-python's own flags, beside the ones pyproject's [tool.uv] config-settings add
_LLAMA_CPP_PYTHON_FLAGS = ("-DBUILD_SHARED_LIBS=ON", "-DLLAMA_CURL=OFF", "-DCMAKE_BUILD_TYPE=Release")


def _pyproject_cmake_flags() -> tuple[str, ...]:
    """The cmake args pyproject gives the wheel's build, but where it installs (a wheel-only matter)."""
    import tomllib

    pyproject = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    args = pyproject["tool"]["uv"]["config-settings-package"]["llama-cpp-python"]["cmake.args"]
    return tuple(arg for arg in str(args).split(";") if arg and not arg.startswith("-DCMAKE_INSTALL_"))


#: the flags our wheel is built with: the same CPU variants chosen at run time, so the baseline runs
#: the very kernels ours does
WHEEL_CMAKE_FLAGS = (*_pyproject_cmake_flags(), *_LLAMA_CPP_PYTHON_FLAGS)


def cache_dir() -> Path:
    """Where the benchmark keeps what it builds (never inside the repository)."""
    from platformdirs import user_cache_path

    path = Path(os.environ.get("DESKTOP_HELPER_BENCH_CACHE") or user_cache_path("desktop-helper-bench"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def llama_cpp_python_version() -> str:
    from importlib.metadata import version

    return version("llama-cpp-python")


def find_vendored_source() -> Path:
    """The ``vendor/llama.cpp`` folder of the llama-cpp-python sdist our wheel was built from.

    Raises:
        SystemExit: with what to do, when it cannot be found.
    """
    explicit = os.environ.get("LLAMA_CPP_SOURCE")
    if explicit:
        path = Path(explicit)
        if not (path / "CMakeLists.txt").is_file():
            raise SystemExit(f"LLAMA_CPP_SOURCE={explicit} is not a llama.cpp source folder (no CMakeLists.txt).")
        return path
    version = llama_cpp_python_version()
    roots = []
    try:
        uv_cache = subprocess.run(["uv", "cache", "dir"], capture_output=True, text=True, check=True).stdout.strip()
        roots.append(Path(uv_cache))
    except (OSError, subprocess.CalledProcessError):
        pass
    roots.append(Path.home() / ".cache" / "uv")
    for root in roots:
        for candidate in sorted(root.glob(f"sdists-v*/pypi/llama-cpp-python/{version}/*/src/vendor/llama.cpp")):
            if (candidate / "tools" / "mtmd" / "mtmd-cli.cpp").is_file():
                return candidate
    raise SystemExit(
        f"The llama.cpp source of llama-cpp-python {version} is not in uv's cache.\n"
        "Build the wheel from source once (`uv cache clean llama-cpp-python && uv sync --locked`), "
        "or set LLAMA_CPP_SOURCE to the vendor/llama.cpp folder of the same sdist."
    )


def build_tools(source: Path, targets: tuple[str, ...] = ("llama-mtmd-cli",), log: Path | None = None) -> Path:
    """Configure and build ``targets`` from ``source`` (once); return the folder holding the binaries."""
    key = hashlib.sha256(f"{source.resolve()}|{' '.join(WHEEL_CMAKE_FLAGS)}".encode()).hexdigest()[:12]
    build = cache_dir() / f"llama.cpp-{llama_cpp_python_version()}-{key}"
    bin_dir = build / "bin"
    if all((bin_dir / t).is_file() for t in targets):
        return bin_dir
    cmake, ninja = shutil.which("cmake"), shutil.which("ninja")
    if cmake is None:
        raise SystemExit("cmake is needed to build llama.cpp's llama-mtmd-cli (apt install cmake ninja-build).")
    generator = ["-G", "Ninja"] if ninja else []
    log_file = log or (cache_dir() / f"build-{key}.log")
    started = time.monotonic()
    print(f"building {', '.join(targets)} from {source} into {build} (once; log {log_file}) ...", flush=True)
    with open(log_file, "w") as out:
        subprocess.run(
            [cmake, "-S", str(source), "-B", str(build), *generator, *WHEEL_CMAKE_FLAGS,
             "-DLLAMA_BUILD_TESTS=OFF", "-DLLAMA_BUILD_EXAMPLES=OFF", "-DLLAMA_BUILD_SERVER=OFF", "-DLLAMA_OPENSSL=OFF"],
            stdout=out, stderr=subprocess.STDOUT, check=True,
        )  # fmt: skip
        jobs = str(os.cpu_count() or 2)
        subprocess.run(
            [cmake, "--build", str(build), "--target", *targets, "-j", jobs], stdout=out, stderr=subprocess.STDOUT, check=True
        )
    print(f"built in {time.monotonic() - started:.0f} s", flush=True)
    return bin_dir
