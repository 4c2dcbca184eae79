#!/bin/bash
# The Windows installer's NSIS script, as CPack writes it from packaging/WeftCPack.cmake,
# compiles with Debian's makensis against this build's staged install tree (Linux binaries
# standing in for the Windows ones), and says what the release job's installer must: the icon,
# the program, the "Connect a bank account" shortcut with --connect, the uninstaller.
set -euo pipefail
build=$(readlink -f "$1")
out=$(mktemp -d "${TMPDIR:-/tmp}/weft-nsis.XXXXXX")
trap 'rm -rf "$out"' EXIT
cpack -G NSIS --config "$build/CPackConfig.cmake" -B "$out" > "$out/cpack.log" 2>&1 \
    || { cat "$out/cpack.log"; exit 1; }
nsi=$(find "$out/_CPack_Packages" -name project.nsi | head -n 1)
fail=0
expect() {
    if grep -qF -- "$2" "$nsi"; then
        echo "ok: $1"
    else
        echo "FAILED: $1 (no '$2' in project.nsi)"
        fail=1
    fi
}
ls "$out"/weft-*.exe > /dev/null 2>&1 && echo "ok: makensis made the installer" \
    || { echo "FAILED: no installer"; cat "$out/cpack.log"; fail=1; }
icon=$(sed -n 's/^!define MUI_ICON "\(.*\)"$/\1/p' "$nsi")
[ -n "$icon" ] && [ -f "$icon" ] && echo "ok: the installer's icon exists ($icon)" \
    || { echo "FAILED: MUI_ICON '$icon' is not a file"; fail=1; }
expect "the program" 'CreateShortCut "$SMPROGRAMS\$STARTMENU_FOLDER\Weft.lnk" "$INSTDIR\bin\weft.exe"'
expect "the Connect shortcut" "Connect a bank account.lnk' '\$INSTDIR\\bin\\weft.exe' '--connect'"
expect "its removal" "Delete '\$SMPROGRAMS\\\$START_MENU\\Connect a bank account.lnk'"
expect "the uninstaller" 'WriteUninstaller "$INSTDIR\Uninstall.exe"'
expect "weft:// registered" "WriteRegStr HKLM 'Software\Classes\weft' 'URL Protocol' ''"
expect "weft:// opens weft.exe" "'\"\$INSTDIR\\bin\\weft.exe\" \"%1\"'"
expect "weft:// removed" "DeleteRegKey HKLM 'Software\Classes\weft'"
exit $fail
