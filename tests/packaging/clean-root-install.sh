#!/bin/bash
# Installs Weft's .deb with apt (--no-install-recommends) into a clean Debian 12 root made with
# debootstrap (its dependencies resolved from Debian's archive and nothing else), then runs
# weft --version, weft items --json and weft-sandbox --port 0 inside it and checks what they
# print. Given weft-bench as a second argument, it then runs the installed weft's window there
# (Xvfb, a session bus and gnome-keyring, installed as test tools after the .deb), links an Item
# through the emulator as a person would (weft-bench link-item) and finds its access token in
# the keyring with secret-tool.
# The root and the downloaded packages are cached (WEFT_PACKAGING_CACHE, by default
# /var/cache/weft-packaging) so that later runs are quick; the mirror is the one in this
# machine's apt sources, read now (debootstrap's default when there is none).
set -euo pipefail
deb=$(readlink -f "$1")
bench=${2:+$(readlink -f "$2")}
work=$(mktemp -d "${TMPDIR:-/tmp}/weft-clean-root.XXXXXX")
cache="${WEFT_PACKAGING_CACHE:-/var/cache/weft-packaging}"
root="$work/root"
mkdir -p "$cache/archives" "$root"

cleanup() {
    umount "$root/dev/shm" 2>/dev/null || true
    umount "$root/proc" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
say() { printf '[clean-root] %s\n' "$*"; }

# shellcheck source=../../scripts/lib/debian-mirror.sh
source "$(dirname "$(readlink -f "$0")")/../../scripts/lib/debian-mirror.sh"
mirror=$(weft_debian_mirror)

if [ -f "$cache/bookworm-minbase.tar" ]; then
    say "using the cached Debian 12 root"
    tar -C "$root" -xf "$cache/bookworm-minbase.tar"
else
    say "making a clean Debian 12 root with debootstrap ${mirror:+from $mirror}"
    debootstrap --variant=minbase --cache-dir="$cache/archives" bookworm "$root" ${mirror:+"$mirror"} \
        > "$work/debootstrap.log" 2>&1 || { tail -30 "$work/debootstrap.log"; exit 1; }
    tar -C "$root" -cf "$cache/bookworm-minbase.tar.part" . && mv "$cache/bookworm-minbase.tar.part" "$cache/bookworm-minbase.tar"
fi

mount -t proc proc "$root/proc"
cp "$deb" "$root/tmp/weft.deb"
# Reuse packages downloaded by earlier runs.
find "$cache/archives" -maxdepth 1 -name '*.deb' -exec cp -t "$root/var/cache/apt/archives/" {} + 2>/dev/null || true

say "apt-get install ./weft.deb"
chroot "$root" apt-get update -q > "$work/update.log" 2>&1 || { cat "$work/update.log"; exit 1; }
chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends /tmp/weft.deb \
    > "$work/install.log" 2>&1 || { tail -40 "$work/install.log"; exit 1; }
grep -c '^Setting up' "$work/install.log" | xargs -I{} echo "[clean-root] {} packages set up"
cp -n "$root"/var/cache/apt/archives/*.deb "$cache/archives/" 2>/dev/null || true

fail=0
check() {
    local what="$1" output="$2" pattern="$3"
    if printf '%s' "$output" | grep -Eq "$pattern"; then
        say "ok: $what"
    else
        say "FAILED: $what printed: $output"
        fail=1
    fi
}

# What QtKeychain loads at run time is a dependency too: without libsecret no keyring is reached.
check "the .deb depends on libsecret-1-0" "$(dpkg-deb -f "$deb" Depends)" '(^|, )libsecret-1-0( |,|$)'
check "libsecret installed with it (--no-install-recommends)" \
    "$(chroot "$root" sh -c 'ls /usr/lib/*/libsecret-1.so.0' 2>&1 || true)" 'libsecret-1\.so\.0'

version=$(chroot "$root" weft --version 2>&1 || true)
check "weft --version" "$version" '^Weft [0-9]+\.[0-9]+\.[0-9]+ \(Qt 6\.[0-9.]+, Chromium [0-9.]+ with security fixes to [0-9.]+\)'

items=$(chroot "$root" env HOME=/root weft items --json 2>&1 || true)
check "weft items --json" "$items" '"format": "weft-items-list"'

url=$(chroot "$root" sh -c 'weft-sandbox --port 0 > /tmp/sandbox.out 2>/tmp/sandbox.err & pid=$!
    for i in $(seq 50); do [ -s /tmp/sandbox.out ] && break; sleep 0.1; done
    head -n 1 /tmp/sandbox.out; kill $pid; wait $pid 2>/dev/null' 2>&1 || true)
check "weft-sandbox --port 0" "$url" '^http://127\.0\.0\.1:[0-9]+$'

files=$(chroot "$root" dpkg -L weft)
check "desktop file installed" "$files" '/usr/share/applications/app\.weft\.Weft\.desktop'
check "metainfo installed" "$files" '/usr/share/metainfo/app\.weft\.Weft\.metainfo\.xml'
check "icons installed" "$files" '/usr/share/icons/hicolor/256x256/apps/app\.weft\.Weft\.png'

if [ -n "$bench" ]; then
    # Test tools only, installed after the .deb was checked on its own.
    say "apt-get install the test tools (Xvfb, D-Bus, gnome-keyring, secret-tool)"
    chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools libqt6websockets6 \
        > "$work/tools.log" 2>&1 || { tail -40 "$work/tools.log"; exit 1; }
    cp -n "$root"/var/cache/apt/archives/*.deb "$cache/archives/" 2>/dev/null || true
    mkdir -p "$root/dev/shm"
    mount -t tmpfs -o mode=1777 shm "$root/dev/shm"
    cp "$bench" "$root/tmp/weft-bench"
    say "weft --sandbox --connect in the root: linking an Item (user_good)"
    linked=$(chroot "$root" env -i PATH=/usr/bin:/bin HOME=/root LANG=C.UTF-8 \
        QTWEBENGINE_DISABLE_SANDBOX=1 QTWEBENGINE_CHROMIUM_FLAGS=--disable-gpu \
        dbus-run-session -- sh -c '
            eval "$(printf weft-test | gnome-keyring-daemon --unlock --components=secrets)"
            export GNOME_KEYRING_CONTROL
            xvfb-run -a -s "-screen 0 1280x1024x24" /tmp/weft-bench link-item \
                --weft-binary /usr/bin/weft 2>/tmp/link-item.err || { tail -20 /tmp/link-item.err; exit 1; }
            secret-tool search --all server Weft 2>&1 | grep -v "^secret = "' 2>&1 || true)
    check "an Item linked through the installed weft" "$linked" '^linked$'
    # (The secret itself is filtered out: it never reaches the test's output.)
    check "its access token in the keyring" "$linked" 'user = plaid:embedded:'
fi

exit $fail
