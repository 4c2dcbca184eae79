# Runs inside scripts/test's private D-Bus session: unlocks a fresh gnome-keyring (Secret
# Service), then runs ctest on a virtual X display.
set -euo pipefail

eval "$(printf 'weft-test' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
# Wait until the Secret Service answers on the bus.
for _ in $(seq 50); do
    if busctl --user status org.freedesktop.secrets >/dev/null 2>&1 \
        || dbus-send --session --print-reply --dest=org.freedesktop.DBus / \
            org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q true; then
        break
    fi
    sleep 0.1
done

cd "$WEFT_BUILD"
# shellcheck disable=SC2086
exec xvfb-run -a -s "-screen 0 1280x1024x24" \
    ctest --output-on-failure --parallel 2 ${CTEST_ARGS:-}
