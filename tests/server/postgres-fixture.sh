#!/bin/sh
# A real PostgreSQL for the tests, from Debian's archive: `start DIR` makes a cluster in the
# scratch folder DIR (initdb), starts it on a free loopback port with no other listener (no Unix
# socket outside DIR), creates the database weft_test, and writes its URL to DIR/url; `stop DIR`
# stops it and removes DIR. As root, the server runs as the `postgres` user (PostgreSQL refuses
# to run as root). scripts/test installs the packages.
set -eu
action=$1
dir=$2
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "postgres-fixture: PostgreSQL is not installed (apt-get install postgresql)" >&2
    exit 1
fi
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}
case "$action" in
start)
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop > /dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    [ "$(id -u)" -ne 0 ] || chown postgres "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U weft --auth=trust --no-instructions \
        > "$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    port=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => {
        console.log(s.address().port); s.close(); })')
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c fsync=off" \
        start > /dev/null || { cat "$dir/server.log" >&2; exit 1; }
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U weft weft_test
    echo "postgresql://weft@127.0.0.1:$port/weft_test" > "$dir/url"
    chmod 644 "$dir/url"
    ;;
stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop > /dev/null
    fi
    rm -rf "$dir"
    ;;
*)
    echo "usage: postgres-fixture.sh start|stop DIR" >&2
    exit 2
    ;;
esac
