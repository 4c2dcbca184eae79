# scripts/test --debian 13: the same suite on Debian 13 (trixie, Qt 6.8) in a root made with
# debootstrap and kept under /var/cache (WEFT_DEBIAN13_CACHE), so that later runs only build
# and test. The source tree is bind-mounted at /src (the build goes to build-deb13/), Plaid's
# OpenAPI description beside it at /shared; inside, scripts/test does what it does here.
# Needs root (debootstrap, chroot, mounts). Sourced by scripts/test after lib/common.sh.

# shellcheck source=debian-mirror.sh
source "$WEFT_ROOT/scripts/lib/debian-mirror.sh"

WEFT_DEBIAN13_MOUNTS=()

weft_debian13_unmount() {
    local i
    for ((i = ${#WEFT_DEBIAN13_MOUNTS[@]} - 1; i >= 0; i--)); do
        umount -l "${WEFT_DEBIAN13_MOUNTS[$i]}" 2>/dev/null || true
    done
    WEFT_DEBIAN13_MOUNTS=()
}

weft_debian13_bind() { # SOURCE TARGET [ro]
    mkdir -p "$2"
    mount --bind "$1" "$2"
    WEFT_DEBIAN13_MOUNTS+=("$2")
    if [ "${3:-}" = ro ]; then
        mount -o remount,bind,ro "$2"
    fi
}

# weft_debian13_run [ctest args]: makes (once) or reuses the root, then runs the suite in it.
weft_debian13_run() {
    if [ "$(id -u)" -ne 0 ]; then
        weft_say "the Debian 13 leg needs root (debootstrap, chroot, mounts)"
        return 1
    fi
    weft_install_packages debootstrap
    local cache="${WEFT_DEBIAN13_CACHE:-/var/cache/weft-debian13}"
    local root="$cache/root" mirror
    mirror=$(weft_debian_mirror)
    mkdir -p "$cache/archives"
    if [ ! -x "$root/usr/bin/apt-get" ]; then
        weft_say "making a Debian 13 root with debootstrap (cached in $cache)"
        rm -rf "$root.part"
        debootstrap --variant=minbase --cache-dir="$cache/archives" trixie "$root.part" \
            ${mirror:+"$mirror"} > "$cache/debootstrap.log" 2>&1 \
            || { tail -30 "$cache/debootstrap.log"; return 1; }
        mv "$root.part" "$root"
    fi

    WEFT_DEBIAN13_MOUNTS=()
    trap weft_debian13_unmount EXIT
    # The root a mount point of its own, so that tests can make private mount namespaces in it.
    weft_debian13_bind "$root" "$root"
    mount --make-private "$root"
    mount -t proc proc "$root/proc" && WEFT_DEBIAN13_MOUNTS+=("$root/proc")
    mount -t sysfs sysfs "$root/sys" && WEFT_DEBIAN13_MOUNTS+=("$root/sys")
    weft_debian13_bind /dev "$root/dev"
    weft_debian13_bind /dev/pts "$root/dev/pts"
    mount -t tmpfs -o mode=1777 shm "$root/dev/shm" && WEFT_DEBIAN13_MOUNTS+=("$root/dev/shm")
    weft_debian13_bind "$WEFT_ROOT" "$root/src"
    if [ -d "$WEFT_ROOT/../shared" ]; then
        weft_debian13_bind "$(cd "$WEFT_ROOT/../shared" && pwd)" "$root/shared" ro
    fi
    cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
    # Downloads are kept between runs.
    weft_debian13_bind "$cache/archives" "$root/var/cache/apt/archives"

    local args=("$@")
    if [ "${#args[@]}" -eq 0 ]; then
        # The packages are built and linted here too (weft_…~deb13); their install into a
        # clean Debian 12 root belongs to the Debian 12 leg.
        args=(-E packaging_clean_root_install)
    fi
    weft_say "Debian 13 leg: building and testing in $root (Qt $(chroot "$root" sh -c \
        "dpkg-query -W -f='\${Version}' qt6-base-dev 2>/dev/null" || echo 'not installed yet'))"
    local status=0
    chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root TERM=dumb \
        LANG=C.UTF-8 CI="${CI:-}" WEFT_JOBS="${WEFT_JOBS:-}" WEFT_BUILD=/src/build-deb13 \
        WEFT_WERROR="${WEFT_WERROR:-}" \
        WEFT_NINJA_ARGS="${WEFT_NINJA_ARGS:-}" bash /src/scripts/test "${args[@]}" || status=$?
    weft_debian13_unmount
    return $status
}
