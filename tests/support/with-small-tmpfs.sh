#!/bin/sh
# with-small-tmpfs.sh SIZE COMMAND...: runs COMMAND with WEFT_SMALL_FS naming the mount point
# of a tmpfs of SIZE (e.g. 256k), in a mount namespace of its own, so that nothing outside sees
# the mount and it goes away with the command. As root it needs nothing more; otherwise it uses
# a user namespace (unshare --map-root-user). If neither works, COMMAND runs without
# WEFT_SMALL_FS and says so (the full-disk tests then skip, with the reason).
set -eu
size=$1
shift
point=$(mktemp -d "${TMPDIR:-/tmp}/weft-small-fs.XXXXXX")
trap 'rmdir "$point" 2>/dev/null || true' EXIT
if [ "$(id -u)" -eq 0 ]; then
    unshare --mount --propagation private sh -c \
        'mount -t tmpfs -o "size=$1,mode=0777" tmpfs "$2" || exit 97; m=$2; shift 2; WEFT_SMALL_FS="$m" exec "$@"' \
        weft-small-fs "$size" "$point" "$@"
elif unshare --user --map-root-user --mount true 2>/dev/null; then
    unshare --user --map-root-user --mount --propagation private sh -c \
        'mount -t tmpfs -o "size=$1,mode=0777" tmpfs "$2" || exit 97; m=$2; shift 2; WEFT_SMALL_FS="$m" exec "$@"' \
        weft-small-fs "$size" "$point" "$@"
else
    echo "with-small-tmpfs: cannot mount a tmpfs here (not root, no user namespaces)" >&2
    exec "$@"
fi
