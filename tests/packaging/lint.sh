#!/bin/bash
# lintian on the .deb (no errors allowed) and a look at the .rpm's metadata and requirements.
set -euo pipefail
deb="$1"
rpm="$2"
out=$(lintian --fail-on error --no-tag-display-limit "$deb" 2>&1) || { echo "$out"; exit 1; }
echo "$out"
echo "lintian: no errors in $(basename "$deb")"
rpm -qpi "$rpm" | head -12
requires=$(rpm -qpR "$rpm")
echo "$requires" | grep -q 'libQt6WebEngineCore' || { echo "the .rpm does not require Qt WebEngine:"; echo "$requires"; exit 1; }
echo "$requires" | grep -q 'libqt6keychain' || { echo "the .rpm does not require QtKeychain:"; echo "$requires"; exit 1; }
echo "rpm: requirements computed ($(echo "$requires" | wc -l) entries)"
# The desktop entry registers weft:// (OAuth by redirect) and passes the address on.
desktop=$(dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/share/applications/app.weft.Weft.desktop)
echo "$desktop" | grep -qx 'MimeType=x-scheme-handler/weft;' \
    || { echo "the desktop entry does not register x-scheme-handler/weft"; exit 1; }
echo "$desktop" | grep -qx 'Exec=weft %U' \
    || { echo "the desktop entry does not pass the address to weft"; exit 1; }
if command -v desktop-file-validate > /dev/null; then
    tmp=$(mktemp --suffix=.desktop)
    echo "$desktop" > "$tmp"
    desktop-file-validate "$tmp" || { rm -f "$tmp"; exit 1; }
    rm -f "$tmp"
fi
echo "desktop entry: weft:// registered"
