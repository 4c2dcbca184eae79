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
