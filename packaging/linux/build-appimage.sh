#!/usr/bin/env bash
# Make an AppDir from a built one-folder bundle and, when `appimagetool` is on PATH, pack it into
# an AppImage. appimagetool is not in Debian or PyPI; the release workflow downloads it (see
# .github/workflows/release.yml). Without it the AppDir is still built and smoke-tested here.
#
# AppDir layout:  AppRun  desktop-helper.desktop  desktop-helper.png  .DirIcon
#                 usr/bin/desktop-helper/ (the bundle)  usr/share/icons/hicolor/...
# Start at login: the app's setting writes an autostart entry; inside an AppImage it points at
# $APPIMAGE (the .AppImage file), not at the temporary mount.
#
# usage: packaging/linux/build-appimage.sh BUNDLE_DIR OUT_DIR   (prints the AppDir, then the AppImage if made)
set -euo pipefail

bundle=$(realpath "$1")
out=$(realpath "$2")
here=$(cd "$(dirname "$0")" && pwd)
root_dir=$(cd "$here/../.." && pwd)
name=desktop-helper
version=$("$bundle/$name" --version | awk '{print $NF}')

appdir="$out/AppDir"
rm -rf "$appdir"
mkdir -p "$appdir/usr/bin"
# hard links: the AppDir costs no extra disk next to the bundle (appimagetool reads it into squashfs)
cp -al "$bundle" "$appdir/usr/bin/$name"
cat > "$appdir/AppRun" <<'APPRUN'
#!/bin/sh
# AppImage entry point: run the bundled program with the user's arguments.
HERE=$(dirname "$(readlink -f "$0")")
exec "$HERE/usr/bin/desktop-helper/desktop-helper" "$@"
APPRUN
chmod 755 "$appdir/AppRun"
install -m 644 "$here/$name.desktop" "$appdir/$name.desktop"
install -m 644 "$root_dir/resources/icons/$name-256.png" "$appdir/$name.png"
ln -s "$name.png" "$appdir/.DirIcon"
for png in "$root_dir"/resources/icons/$name-*.png; do
  size=$(basename "$png" .png | sed "s/^$name-//")
  install -D -m 644 "$png" "$appdir/usr/share/icons/hicolor/${size}x${size}/apps/$name.png"
done
echo "$appdir"

if command -v appimagetool >/dev/null 2>&1; then
  image="$out/Desktop_Helper-${version}-$(uname -m).AppImage"
  ARCH=$(uname -m) VERSION="$version" appimagetool --no-appstream "$appdir" "$image" >&2
  echo "$image"
else
  echo "appimagetool not found: AppDir only (the release workflow packs the AppImage)" >&2
fi
