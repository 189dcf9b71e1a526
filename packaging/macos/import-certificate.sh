#!/usr/bin/env bash
# CI only: import the Developer ID certificate (base64 .p12 in MACOS_CERTIFICATE_P12, its password in
# MACOS_CERTIFICATE_PASSWORD) into a temporary keychain that codesign can use without prompts.
set -euo pipefail
keychain="$RUNNER_TEMP/signing.keychain-db"
keychain_password=$(uuidgen)
echo "$MACOS_CERTIFICATE_P12" | base64 --decode > "$RUNNER_TEMP/certificate.p12"
security create-keychain -p "$keychain_password" "$keychain"
security set-keychain-settings -lut 21600 "$keychain"
security unlock-keychain -p "$keychain_password" "$keychain"
security import "$RUNNER_TEMP/certificate.p12" -P "$MACOS_CERTIFICATE_PASSWORD" -A -t cert -f pkcs12 -k "$keychain"
security set-key-partition-list -S apple-tool:,apple: -k "$keychain_password" "$keychain" >/dev/null
security list-keychains -d user -s "$keychain" $(security list-keychains -d user | tr -d '"')
rm -f "$RUNNER_TEMP/certificate.p12"
