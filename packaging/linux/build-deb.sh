#!/usr/bin/env bash
# Package a built one-folder bundle as a .deb:
#   /opt/desktop-helper/               the PyInstaller bundle (Python, Qt, llama.cpp, ...)
#   /usr/bin/desktop-helper            relative symlink into it (so `dpkg -x` into any root works too)
#   /usr/share/applications/           desktop entry (start menu), with quick actions
#   /usr/share/icons/hicolor/*/apps/   the icon, PNG sizes + SVG
# Start at login is the app's own setting (Settings > General), which writes ~/.config/autostart.
# No maintainer scripts: the hicolor and desktop-database caches are refreshed by dpkg triggers.
#
# usage: packaging/linux/build-deb.sh BUNDLE_DIR OUT_DIR   (prints the .deb's path last)
set -euo pipefail

bundle=$(realpath "$1")
out=$(realpath "$2")
here=$(cd "$(dirname "$0")" && pwd)
root_dir=$(cd "$here/../.." && pwd)
name=desktop-helper

version=$("$bundle/$name" --version | awk '{print $NF}')
arch=$(dpkg --print-architecture)

# The newest glibc symbol version any bundled ELF file needs: the build host decides it
# (build on the oldest distribution you support).
glibc=$(find "$bundle" -type f \( -name '*.so*' -o -name "$name" \) -print0 \
  | xargs -0 objdump -T 2>/dev/null | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)

staging="$out/deb/${name}_${version}_${arch}"
rm -rf "$staging"
mkdir -p "$staging/DEBIAN" "$staging/opt" "$staging/usr/bin" "$staging/usr/share/applications"
cp -a "$bundle" "$staging/opt/$name"
ln -s "../../opt/$name/$name" "$staging/usr/bin/$name"
install -m 644 "$here/$name.desktop" "$staging/usr/share/applications/$name.desktop"
for png in "$root_dir"/resources/icons/$name-*.png; do
  size=$(basename "$png" .png | sed "s/^$name-//")
  install -D -m 644 "$png" "$staging/usr/share/icons/hicolor/${size}x${size}/apps/$name.png"
done
install -D -m 644 "$root_dir/resources/icons/$name.svg" "$staging/usr/share/icons/hicolor/scalable/apps/$name.svg"

installed_kb=$(du -sk "$staging" --exclude=DEBIAN | cut -f1)
cat > "$staging/DEBIAN/control" <<CONTROL
Package: $name
Version: $version
Architecture: $arch
Maintainer: desktop_helper developers <desktop-helper@users.noreply.github.com>
Installed-Size: $installed_kb
Depends: libc6 (>= $glibc), libgl1, libegl1, fontconfig-config
Recommends: gnome-keyring | kwalletmanager | keepassxc
Section: utils
Priority: optional
Homepage: https://github.com/desktop-helper/desktop_helper
Description: screen assistant for the GLM-4.6V vision-language models
 Desktop Helper sits in the system tray: capture the screen or a region, ask
 GLM-4.6V about it (a local GGUF model through llama.cpp, or an OpenAI-compatible
 server), see answers drawn on screen, and let it act with your confirmation.
 Self-contained: Python, Qt and llama.cpp are included.
CONTROL

deb="$out/${name}_${version}_${arch}.deb"
# zstd (dpkg >= 1.21.18 and Ubuntu 22.04's dpkg read it; older systems lack the glibc the bundle
# needs anyway). Level 3 packs the ~450 MB bundle in seconds; xz took over 5 minutes on 2 busy cores
# for ~10 % less. Releases may pass DEB_ZSTD_LEVEL=19.
dpkg-deb --root-owner-group -Zzstd -z"${DEB_ZSTD_LEVEL:-3}" --build "$staging" "$deb" >/dev/null
rm -rf "$out/deb"
echo "$deb"
