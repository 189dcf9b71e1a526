#!/usr/bin/env bash
# Put "Desktop Helper.app" into a compressed disk image with a link to /Applications, and, when
# the signing secrets are set, sign the image, notarize it with Apple and staple the ticket.
#
# usage: packaging/macos/build-dmg.sh "dist/Desktop Helper.app" OUT_DIR
# Signing and notarization run only when these are set (release.yml maps them from secrets):
#   MACOS_CODESIGN_IDENTITY   "Developer ID Application: Name (TEAMID)" (the .app was signed by the spec)
#   APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD   an app-specific password for notarytool
set -euo pipefail

app=$1
out=$2
version=$(/usr/libexec/PlistBuddy -c "Print :CFBundleShortVersionString" "$app/Contents/Info.plist")
arch=$(uname -m)
dmg="$out/DesktopHelper-$version-macos-$arch.dmg"

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
# ditto keeps the bundle's symlinks, extended attributes and signatures intact
ditto "$app" "$staging/Desktop Helper.app"
ln -s /Applications "$staging/Applications"
rm -f "$dmg"
hdiutil create -volname "Desktop Helper $version" -srcfolder "$staging" -fs HFS+ -format UDZO -ov "$dmg"

if [ -n "${MACOS_CODESIGN_IDENTITY:-}" ]; then
  codesign --verify --deep --strict --verbose=2 "$app"
  codesign --force --timestamp --sign "$MACOS_CODESIGN_IDENTITY" "$dmg"
  if [ -n "${APPLE_ID:-}" ] && [ -n "${APPLE_TEAM_ID:-}" ] && [ -n "${APPLE_APP_PASSWORD:-}" ]; then
    xcrun notarytool submit "$dmg" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
      --password "$APPLE_APP_PASSWORD" --wait
    xcrun stapler staple "$dmg"
    spctl --assess --type open --context context:primary-signature --verbose "$dmg"
  else
    echo "notarization skipped: APPLE_ID / APPLE_TEAM_ID / APPLE_APP_PASSWORD not set" >&2
  fi
else
  echo "signing skipped: MACOS_CODESIGN_IDENTITY not set (the .app is ad-hoc signed; Gatekeeper will warn)" >&2
fi
echo "$dmg"
