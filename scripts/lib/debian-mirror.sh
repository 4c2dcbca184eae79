# weft_debian_mirror: the Debian mirror in this machine's apt sources (deb822 .sources first,
# then sources.list), or nothing (debootstrap then uses its default). Sourced by
# scripts/lib/debian13.sh and tests/packaging/clean-root-install.sh.
weft_debian_mirror() {
    local sources mirror=""
    for sources in /etc/apt/sources.list.d/*.sources; do
        [ -f "$sources" ] || continue
        mirror=$(awk '/^URIs:/ { print $2; exit }' "$sources")
        [ -n "$mirror" ] && break
    done
    if [ -z "$mirror" ] && [ -f /etc/apt/sources.list ]; then
        mirror=$(awk '$1 == "deb" { print $2; exit }' /etc/apt/sources.list)
    fi
    printf '%s' "$mirror"
}
