#!/bin/bash
# Builds the .deb and .rpm from the build tree into OUT (a fresh folder).
set -euo pipefail
build="$1"
out="$2"
rm -rf "$out"
mkdir -p "$out"
cd "$build"
cpack -G "DEB;RPM" -B "$out" > "$out/cpack.log" 2>&1 || { cat "$out/cpack.log"; exit 1; }
ls -la "$out"/*.deb "$out"/*.rpm
