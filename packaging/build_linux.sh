#!/usr/bin/env bash
# Build the Linux bundle (PyInstaller, one folder), the .deb and the AppDir (AppImage when
# appimagetool is installed), then smoke-test the .deb (extracted into a temporary root) and the
# AppDir on Xvfb. Prints build time and sizes. Called by .ci/run; run it from anywhere.
#
# Outputs in packaging/build/:  dist/desktop-helper/  desktop-helper_<version>_<arch>.deb  AppDir/
# tests/test_packaging.py then uses dist/desktop-helper to prove broken bundles fail the smoke test.
set -euo pipefail
cd "$(dirname "$0")/.."
out=packaging/build
rm -rf "$out/dist" "$out/work" "$out/AppDir" "$out"/*.deb "$out"/*.AppImage

echo "== PyInstaller bundle"
start=$(date +%s)
# --log-level WARN: a clean build prints only what needs a look
uv run pyinstaller --noconfirm --log-level WARN --distpath "$out/dist" --workpath "$out/work" packaging/desktop-helper.spec
bundle_seconds=$(($(date +%s) - start))
bundle="$out/dist/desktop-helper"

echo "== .deb and AppDir"
start=$(date +%s)
deb=$(packaging/linux/build-deb.sh "$bundle" "$out" | tail -1)
deb_seconds=$(($(date +%s) - start))
appdir_output=$(packaging/linux/build-appimage.sh "$bundle" "$out")
appdir=$(echo "$appdir_output" | head -1)
appimage=$(echo "$appdir_output" | sed -n 2p)

echo "== smoke tests"
# SMOKE_VULKAN=loaded (the release build, which has the Vulkan backend and a Vulkan loader): it must load
uv run python packaging/smoke_test.py "$deb" --tiny-model --vulkan "${SMOKE_VULKAN:-optional}"
uv run python packaging/smoke_test.py "$appdir"
if [ -n "$appimage" ]; then
  uv run python packaging/smoke_test.py "$appimage"
fi

# sizes: on disk, and as users download it (the .deb is the bundle compressed with zstd)
bundle_mb=$(du -sm "$bundle" | cut -f1)
deb_mb=$(du -m --apparent-size "$deb" | cut -f1)
echo "== figures"
echo "bundle build: ${bundle_seconds} s; .deb build: ${deb_seconds} s"
echo "bundle on disk: ${bundle_mb} MB; $(basename "$deb"): ${deb_mb} MB"
printf '{"bundle_build_s": %s, "deb_build_s": %s, "bundle_mb": %s, "deb_mb": %s}\n' \
  "$bundle_seconds" "$deb_seconds" "$bundle_mb" "$deb_mb"
