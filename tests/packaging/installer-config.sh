#!/bin/bash
# What the Windows and macOS installers are made from, as CPack reads it (CPackConfig.cmake of
# this build): the disk image's name and format, the NSIS installer's weft:// registration and
# its removal; and the release version rule: configuring with a tag that does not name the
# project's version fails, with one that does succeeds.
set -uo pipefail
build=$(readlink -f "$1")
source=$(readlink -f "$2")
config="$build/CPackConfig.cmake"
fail=0
scratch=$(mktemp -d "${TMPDIR:-/tmp}/weft-installer-config.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
printf '%s\n' 'include("${CONFIG}")' 'message("${${NAME}}")' > "$scratch/value.cmake"
value() { cmake -DCONFIG="$config" -DNAME="$1" -P "$scratch/value.cmake" 2>&1; }
expect() {
    local got
    got=$(value "$1")
    if printf '%s' "$got" | grep -qF -- "$2"; then
        echo "ok: $1 has '$2'"
    else
        echo "FAILED: $1 is '$got', expected '$2'"
        fail=1
    fi
}
expect CPACK_DMG_VOLUME_NAME "Weft"
expect CPACK_DMG_FORMAT "UDZO"
expect CPACK_NSIS_EXTRA_INSTALL_COMMANDS "'\"\$INSTDIR\\bin\\weft.exe\" \"%1\"'"
expect CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS "DeleteRegKey HKLM 'Software\\Classes\\weft'"
version=$(sed -n 's/^ *VERSION \([0-9.]*\)$/\1/p' "$source/CMakeLists.txt" | head -n 1)
expect CPACK_PACKAGE_VERSION "$version"
if cmake -S "$source" -B "$scratch/wrong" -DWEFT_BUILD_TESTS=OFF -DWEFT_RELEASE_TAG=v0.0.0-wrong \
        > "$scratch/wrong.log" 2>&1; then
    echo "FAILED: a tag that does not name version $version was accepted"; fail=1
elif grep -q "does not name this version" "$scratch/wrong.log"; then
    echo "ok: a tag that does not name version $version is refused"
else
    echo "FAILED: the wrong tag failed for another reason:"; tail -20 "$scratch/wrong.log"; fail=1
fi
if cmake -S "$source" -B "$scratch/right" -DWEFT_BUILD_TESTS=OFF -DWEFT_RELEASE_TAG="v$version" \
        > "$scratch/right.log" 2>&1; then
    echo "ok: the tag v$version is accepted"
else
    echo "FAILED: the tag v$version was refused:"; tail -20 "$scratch/right.log"; fail=1
fi
exit $fail
