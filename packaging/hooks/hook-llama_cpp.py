"""PyInstaller hook: llama-cpp-python's shared libraries.

llama_cpp loads ``libllama``, ``libggml*`` and ``libmtmd`` with ctypes from ``llama_cpp/lib/``
(next to its own ``__file__``), so PyInstaller's import analysis never sees them. Without this hook
the bundle starts, then fails on the first local model with "Shared library with base name
'llama' not found".

The libraries go to the same relative place, ``llama_cpp/lib``, where ``llama_cpp`` looks.
On Linux the wheel stores each library three times (``libX.so``, ``libX.so.0``, ``libX.so.0.Y.Z``:
wheels cannot hold symlinks); only the unversioned name (what ctypes opens) and the soname (what
the other libraries link against) are needed, so the fully versioned copies are left out.
llama.cpp is built with loadable backends (pyproject.toml): one ``ggml-cpu-<variant>`` library per
x86-64 level and, in the Windows and Linux release builds, ``ggml-vulkan``, all in ``llama_cpp/lib``
where ``desktop_helper.backends.ggml_backends`` loads them from; they are collected like the others,
and a build without the CPU variants fails here rather than in a user's hands (macOS links Metal and
the CPU into libggml).
On Windows, ggml's CPU backend is built with OpenMP and links the MSVC OpenMP runtime
``vcomp140.dll``, which is not on every PC (it is not in the plain VC++ runtime that Python brings).
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from PyInstaller.utils.hooks import get_package_paths

_, _package_dir = get_package_paths("llama_cpp")
_lib_dir = Path(_package_dir) / "lib"

# libllama.so.0.5.0 / libggml.so.0.25.3: nothing opens or links these exact names
_FULLY_VERSIONED = re.compile(r"\.so\.\d+\.\d+(\.\d+)*$")
_LIBRARY = re.compile(r"(\.so(\.\d+)*|\.dylib|\.dll)$")

binaries = []
if _lib_dir.is_dir():
    for _path in sorted(_lib_dir.iterdir()):
        if _path.is_file() and _LIBRARY.search(_path.name) and not _FULLY_VERSIONED.search(_path.name):
            binaries.append((str(_path), "llama_cpp/lib"))

if not any(Path(src).name.startswith(("libllama", "llama")) for src, _ in binaries):
    raise SystemExit(f"hook-llama_cpp: no llama library in {_lib_dir}; is llama-cpp-python built?")

if sys.platform != "darwin" and not any(Path(src).name.startswith(("libggml-cpu-", "ggml-cpu-")) for src, _ in binaries):
    raise SystemExit(f"hook-llama_cpp: no ggml-cpu-<variant> backend library in {_lib_dir}; see [tool.uv] in pyproject.toml")

if sys.platform == "win32":
    # MSVC's OpenMP runtime: from the build machine's System32 (Visual Studio / the VC++ redistributable put it there)
    _system32 = Path(os.environ.get("SYSTEMROOT", r"C:\Windows")) / "System32"
    _vcomp = _system32 / "vcomp140.dll"
    if not _vcomp.is_file():
        raise SystemExit("hook-llama_cpp: vcomp140.dll not found in System32; install the VC++ 2015-2022 redistributable")
    binaries.append((str(_vcomp), "llama_cpp/lib"))

# llama_cpp.llama_chat_format renders chat templates with jinja2; the server subpackage is not used
hiddenimports = ["jinja2", "llama_cpp.mtmd_cpp", "llama_cpp.llava_cpp"]
excludedimports = ["llama_cpp.server"]
