#!/bin/bash
# The release workflow validates against the GitHub Actions workflow schema (action-validator),
# and the same validator refuses broken-workflow.yml, naming its faults: so a pass means the
# validator ran and looked.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
validator="$here/node_modules/.bin/action-validator"
[ -x "$validator" ] || { echo "FAILED: action-validator is not installed (scripts/test runs npm ci)"; exit 1; }
fail=0
if out=$("$validator" "$1" 2>&1); then
    echo "ok: $(basename "$1") validates"
else
    echo "FAILED: $(basename "$1") does not validate:"; echo "$out"; fail=1
fi
if out=$("$validator" "$here/broken-workflow.yml" 2>&1); then
    echo "FAILED: the validator accepted broken-workflow.yml"; fail=1
elif echo "$out" | grep -q "with-typo" && echo "$out" | grep -q "runs-on"; then
    echo "ok: the validator refuses broken-workflow.yml, naming its faults"
else
    echo "FAILED: the validator refused broken-workflow.yml without naming its faults:"; echo "$out"; fail=1
fi
exit $fail
