#!/bin/bash
# packaging/notices/MakeNotices.cmake on a fixture of Qt module sources: each component once,
# with its licence, copyright lines and licence texts; code only in tests left out; an extra
# component added; and a missing licence file or a file that is not JSON stops it, named.
set -uo pipefail
source=$(readlink -f "$1")
fixture="$source/tests/packaging/notices-fixture"
tool="$source/packaging/notices/MakeNotices.cmake"
out=$(mktemp -d "${TMPDIR:-/tmp}/weft-notices.XXXXXX")
trap 'rm -rf "$out"' EXIT
fail=0
make() {
    cmake -DSOURCES="$1" -DEXTRA="QtKeychain|BSD-2-Clause|$fixture/extra/COPYING" \
          -DHEADER="$source/packaging/notices/HEADER.txt" -DOUTPUT="$out/notices.txt" \
          -P "$tool" > "$out/log" 2>&1
}
has() {
    if grep -qF -- "$1" "$out/notices.txt"; then echo "ok: $2"; else echo "FAILED: $2"; fail=1; fi
}
if make "$fixture/qtbase;$fixture/qtwebengine"; then
    echo "ok: the notices were made"
    has "Weft — third-party notices" "the header comes first"
    has "Data Compression Library (zlib) 1.3.1" "a component with its version"
    has "Licence: zlib License (Zlib)" "its licence and SPDX id"
    has "Copyright (C) 1995-2024 Fixture Authors" "its copyright line"
    has "Fixture zlib licence text." "its licence text"
    has "Copyright 2020 Others" "copyright lines given as a list"
    has "Fixture extra licence text." "every licence file of a component"
    has "Fixture QtKeychain licence text." "the extra component"
    [ "$(grep -c '^Chromium$' "$out/notices.txt")" = 1 ] && echo "ok: a component listed twice appears once" \
        || { echo "FAILED: Chromium is not listed exactly once"; fail=1; }
    grep -q "Only In Tests" "$out/notices.txt" && { echo "FAILED: code only in tests is listed"; fail=1; } \
        || echo "ok: code only in tests is left out"
else
    echo "FAILED: the notices were not made:"; cat "$out/log"; fail=1
fi
mkdir -p "$out/broken/a" "$out/bad/b"
printf '{"Name": "Broken", "License": "MIT License", "LicenseFile": "gone"}' > "$out/broken/a/qt_attribution.json"
if make "$out/broken"; then echo "FAILED: a missing licence file was accepted"; fail=1
elif tr -s ' \n' '  ' < "$out/log" | grep -q "Broken .*gone, which does not exist"; then echo "ok: a missing licence file stops it, named"
else echo "FAILED: a missing licence file failed without its name:"; cat "$out/log"; fail=1; fi
printf '{"Name": ' > "$out/bad/b/qt_attribution.json"
if make "$out/bad"; then echo "FAILED: a file that is not JSON was accepted"; fail=1
elif tr -s ' \n' '  ' < "$out/log" | grep -q "qt_attribution.json is not JSON"; then echo "ok: a file that is not JSON stops it, named"
else echo "FAILED: bad JSON failed without saying so:"; cat "$out/log"; fail=1; fi
exit $fail
