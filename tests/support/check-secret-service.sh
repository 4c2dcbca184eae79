#!/bin/sh
# The test environment has a working Secret Service (gnome-keyring on the private session bus
# scripts/test starts): store a value, read it back, delete it.
set -eu
label="weft-environment-check-$$"
printf 'probe-value' | secret-tool store --label="$label" service weft-environment-check probe "$$"
value=$(secret-tool lookup service weft-environment-check probe "$$")
secret-tool clear service weft-environment-check probe "$$"
if [ "$value" != "probe-value" ]; then
    echo "Secret Service answered '$value' instead of the stored value" >&2
    exit 1
fi
if secret-tool lookup service weft-environment-check probe "$$" >/dev/null 2>&1; then
    echo "Secret Service kept a cleared entry" >&2
    exit 1
fi
echo "Secret Service: store, lookup and clear work"
