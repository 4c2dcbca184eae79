# Shared by scripts/run, scripts/test and scripts/bench: installs what Weft needs from Debian's
# archive (only what is missing), then configures and builds into build/.
set -euo pipefail

WEFT_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
WEFT_BUILD="${WEFT_BUILD:-$WEFT_ROOT/build}"

# Build and run-time packages (Debian 12 names).
WEFT_BUILD_PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-declarative-dev qt6-webengine-dev qt6-webchannel-dev qt6-httpserver-dev qt6-websockets-dev
    qtkeychain-qt6-dev libgl-dev qt6-translations-l10n libssl-dev libqt6sql6-sqlite
    librsvg2-bin icoutils icnsutils
)
# What the test suite needs besides: a display, a session bus and a real Secret Service, a
# browser for the web clients of the Link emulator (tests/conformance/browser-flow.mjs), and a
# PostgreSQL server with Qt's driver for weft-server's database (tests/server).
WEFT_TEST_PACKAGES=(
    xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools nodejs openssl libnss3-tools chromium
    postgresql libqt6sql6-psql
)
# Building and checking the Linux packages (scripts/package, the packaging tests).
WEFT_PACKAGE_PACKAGES=(
    dpkg-dev fakeroot rpm lintian desktop-file-utils appstream debootstrap
    binutils-mingw-w64-x86-64 nsis
)

weft_say() { printf '\033[1m[weft]\033[0m %s\n' "$*" >&2; }

weft_sudo() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        weft_say "need root to run: $*"
        return 1
    fi
}

# weft_install_packages PKG...: installs those not installed yet.
weft_install_packages() {
    local missing=() pkg
    for pkg in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$pkg")
        fi
    done
    if [ "${#missing[@]}" -eq 0 ]; then
        return 0
    fi
    weft_say "installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    if ! weft_sudo apt-get install -y --no-install-recommends "${missing[@]}"; then
        weft_sudo apt-get update
        weft_sudo apt-get install -y --no-install-recommends "${missing[@]}"
    fi
}

weft_jobs() {
    local cores
    cores=$(nproc 2>/dev/null || echo 2)
    echo "${WEFT_JOBS:-$cores}"
}

# weft_build [TARGET...]: configures (once) and builds incrementally.
weft_build() {
    local werror=OFF
    if [ "${CI:-}" = "true" ] || [ "${WEFT_WERROR:-}" = "ON" ]; then
        werror=ON
    fi
    # shellcheck disable=SC2086
    cmake -S "$WEFT_ROOT" -B "$WEFT_BUILD" -G Ninja \
        -DCMAKE_BUILD_TYPE="${WEFT_BUILD_TYPE:-RelWithDebInfo}" \
        -DWEFT_WERROR="$werror" ${WEFT_CMAKE_ARGS:-} >/dev/null
    local targets=()
    for target in "$@"; do targets+=(--target "$target"); done
    # shellcheck disable=SC2086
    cmake --build "$WEFT_BUILD" --parallel "$(weft_jobs)" "${targets[@]}" ${WEFT_NINJA_ARGS:+-- $WEFT_NINJA_ARGS}
}

# QtWebEngine's Chromium sandbox cannot start as root; only the scripts (never the product)
# turn it off, and say so.
weft_webengine_env_for_root() {
    if [ "$(id -u)" -eq 0 ]; then
        weft_say "running as root: QtWebEngine's sandbox is disabled for this run (QTWEBENGINE_DISABLE_SANDBOX=1)"
        export QTWEBENGINE_DISABLE_SANDBOX=1
    fi
}
