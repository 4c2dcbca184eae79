#!/bin/sh
# Every text in the sources is in each translations/weft_<language>.ts, translated: lupdate is
# run over the sources into a copy of each file, and any message it has to add (unfinished)
# or finds gone (vanished) fails the test with the texts.
# Usage: translations-up-to-date.sh LUPDATE SOURCE_DIR FILE...
set -eu
lupdate=$1 root=$2
shift 2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
status=0
for language in de es fr; do
    copy="$scratch/weft_$language.ts"
    cp "$root/translations/weft_$language.ts" "$copy"
    (cd "$root" && "$lupdate" -silent -locations none -source-language en \
        -target-language "$language" "$@" -ts "$copy") > "$scratch/log" 2>&1
    stale=$(grep -c 'type="unfinished"\|type="vanished"\|type="obsolete"' "$copy" || true)
    if [ "$stale" -ne 0 ]; then
        echo "weft_$language.ts is out of date with the sources ($stale messages):"
        grep -B2 'type="unfinished"\|type="vanished"\|type="obsolete"' "$copy" | grep '<source>' | head -20
        status=1
    else
        echo "weft_$language.ts: every text translated"
    fi
done
exit $status
