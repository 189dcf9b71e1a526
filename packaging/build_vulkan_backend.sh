#!/usr/bin/env bash
# Build llama.cpp's Vulkan backend (libggml-vulkan.so) for the installed llama-cpp-python on Debian 12,
# as one more loadable backend library in its llama_cpp/lib folder (see desktop_helper/backends/ggml_backends.py).
#
# Why a separate step: the vendored ggml-vulkan needs Vulkan headers newer than Debian 12's 1.3.239
# (vk::LayerSettingEXT, VK_EXT_layer_settings), so `uv sync` builds the CPU variants only. Debian 13's
# libvulkan-dev (1.4.309) and spirv-headers are fetched with apt into a private folder and used for their
# headers only; the library links Debian 12's Vulkan loader (libvulkan.so.1) and glslc. Only the
# ggml-vulkan target is built, from the same llama-cpp-python source release with the same options as
# [tool.uv] in pyproject.toml, so it fits the wheel's libggml-base. Needs: cmake, ninja-build, glslc,
# libvulkan-dev (Debian 12, for the loader link) and, to run it without a GPU, mesa-vulkan-drivers.
# The result is kept in $VULKAN_BUILD_DIR and copied again when the venv is rebuilt.
set -euo pipefail
cd "$(dirname "$0")/.."

work=${VULKAN_BUILD_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/desktop-helper/vulkan-backend}
python=(uv run --no-sync python)
version=$("${python[@]}" -c 'import importlib.metadata as m; print(m.version("llama-cpp-python"))')
lib_dir=$("${python[@]}" -c 'import importlib.util, pathlib; print(pathlib.Path(importlib.util.find_spec("llama_cpp").origin).parent / "lib")')
built="$work/$version/libggml-vulkan.so"

if [ ! -f "$built" ]; then
  echo "== Vulkan backend for llama-cpp-python $version (kept in $work)"
  mkdir -p "$work/apt/state/lists/partial" "$work/apt/cache/archives/partial" "$work/debs" "$work/$version"
  # Debian 13's headers, through apt with a private package list (the system's sources stay as they are)
  echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main" \
    > "$work/apt/sources.list"
  touch "$work/apt/state/status"
  apt_options=(
    -o "Dir::Etc::SourceList=$work/apt/sources.list" -o Dir::Etc::SourceParts=/dev/null
    -o "Dir::State=$work/apt/state" -o "Dir::State::status=$work/apt/state/status" -o "Dir::Cache=$work/apt/cache"
    -o APT::Sandbox::User=root
  )
  apt-get "${apt_options[@]}" update -qq
  (cd "$work/debs" && apt-get "${apt_options[@]}" download libvulkan-dev spirv-headers)
  rm -rf "$work/headers" && mkdir -p "$work/headers"
  for deb in "$work"/debs/*.deb; do dpkg -x "$deb" "$work/headers"; done
  prefix="$work/headers/usr"

  # the llama-cpp-python source release that uv built the wheel from (uv.lock pins the version)
  rm -rf "$work/src" && mkdir -p "$work/src"
  python3 -m pip download --quiet --no-deps --no-binary :all: --dest "$work/src" "llama-cpp-python==$version"
  tar -xzf "$work"/src/llama_cpp_python-*.tar.gz -C "$work/src"
  source_dir=$(echo "$work"/src/llama_cpp_python-*/vendor/llama.cpp)

  cmake -S "$source_dir" -B "$work/build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DGGML_NATIVE=OFF -DGGML_BACKEND_DL=ON -DGGML_CPU_ALL_VARIANTS=ON -DGGML_VULKAN=ON \
    -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_SERVER=OFF -DLLAMA_BUILD_TOOLS=OFF \
    -DVulkan_INCLUDE_DIR="$prefix/include" -DVulkan_LIBRARY=/usr/lib/x86_64-linux-gnu/libvulkan.so \
    -DCMAKE_PREFIX_PATH="$prefix" \
    -DCMAKE_BUILD_WITH_INSTALL_RPATH=ON '-DCMAKE_INSTALL_RPATH=$ORIGIN' >"$work/configure.log"
  cmake --build "$work/build" --target ggml-vulkan -j "$(nproc)"
  cp "$work/build/bin/libggml-vulkan.so" "$built.tmp" && mv "$built.tmp" "$built"
fi

cp "$built" "$lib_dir/libggml-vulkan.so"
echo "Vulkan backend: $lib_dir/libggml-vulkan.so"
