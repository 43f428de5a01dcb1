#!/bin/sh
# Does the real ClickHouse server read what chconf writes?  Starts the
# machine's clickhouse-server on chconf's golden outputs (tests/data/chconf,
# each one checked byte for byte by tests/unit/test_chconf.c) and asks the
# server what it understood: system.macros, system.clusters, and the
# preprocessed config it wrote.
#
# The server runs in a private network namespace (its own loopback), so it
# touches no lab address; the example host names of the golden files resolve
# there through /etc/netns/<ns>/hosts.  Needs root, ip(8), clickhouse-server,
# curl; skips (exit 77) without them.
set -eu

SRC=${DRCTL_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
DATA=$SRC/tests/data/chconf
for tool in ip clickhouse-server curl; do
    command -v "$tool" >/dev/null 2>&1 || { echo "SKIP: no $tool"; exit 77; }
done
[ "$(id -u)" = 0 ] || { echo "SKIP: needs root for a network namespace"; exit 77; }

NS=drctl-chconf-$$
W=$(mktemp -d /tmp/drctl-chconf-server.XXXXXX)
PID=
cleanup() {
    [ -n "$PID" ] && stop_server
    ip netns del "$NS" 2>/dev/null || true
    rm -rf "/etc/netns/$NS"; [ -n "${KEEP:-}" ] && echo "kept $W" || rm -rf "$W"
}
trap cleanup EXIT INT TERM

ip netns add "$NS"
ip netns exec "$NS" ip link set lo up
mkdir -p "/etc/netns/$NS"
{
    echo "127.0.0.1 localhost"
    echo "127.0.0.1 ch1.chi.example ch2.chi.example ch3.chi.example"
    echo "127.0.0.2 ch1.dal.example ch2.dal.example"
    echo "127.0.0.3 zk1.chi.example zk2.chi.example zk3.chi.example"
    echo "127.0.0.4 zk4.dal.example zk5.dal.example zk6.dal.example"
} >"/etc/netns/$NS/hosts"

fail() {
    echo "FAIL: $*"
    [ -f "$W/run/server.log" ] && tail -n 20 "$W/run/server.log"
    exit 1
}

# config.xml from a golden file: the stock paths moved under $W/run.
make_main() { # golden-file [include_from]
    sed -e "s|/var/lib/clickhouse/|$W/run/data/|g" \
        -e "s|/var/log/clickhouse-server/|$W/run/log/|g" \
        -e "s|<listen_host>::1</listen_host>||" "$DATA/$1" >"$W/run/config.xml"
    if [ $# -gt 1 ]; then
        sed -i "s|</yandex>|<include_from>$2</include_from></yandex>|" "$W/run/config.xml"
    fi
}

new_run() {
    rm -rf "$W/run"
    mkdir -p "$W/run/data" "$W/run/log" "$W/run/config.d"
    cp /etc/clickhouse-server/users.xml "$W/run/users.xml"
}

q() {
    ip netns exec "$NS" curl -sS --max-time 10 --data-binary "$1" http://127.0.0.1:8123/
}

# Starts the server on $W/run/config.xml and waits (polling with backoff,
# deadline 60 s) until it answers or exits.
start_server() {
    ip netns exec "$NS" sh -c 'echo $$ >"$1/pid"; exec clickhouse-server --config-file="$1/config.xml"' \
        sh "$W/run" >"$W/run/server.log" 2>&1 &
    i=0
    while [ ! -s "$W/run/pid" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
    PID=$(cat "$W/run/pid")
    deadline=$(($(date +%s) + 60))
    delay=0.1
    while :; do
        # a plain sh script: no has() from testlib.sh; no pipe either
        case $(ip netns exec "$NS" curl -s --max-time 2 http://127.0.0.1:8123/ping 2>/dev/null) in
        *Ok*) return 0 ;;
        esac
        if ! kill -0 "$PID" 2>/dev/null; then
            PID=
            return 1
        fi
        [ "$(date +%s)" -lt "$deadline" ] || fail "server did not answer within 60 s"
        sleep $delay
        case $delay in 0.1) delay=0.2 ;; 0.2) delay=0.5 ;; *) delay=1 ;; esac
    done
}

stop_server() {
    kill "$PID" 2>/dev/null || true
    deadline=$(($(date +%s) + 30))
    while kill -0 "$PID" 2>/dev/null; do
        if [ "$(date +%s)" -ge "$deadline" ]; then
            kill -9 "$PID" 2>/dev/null || true
        fi
        sleep 0.2
    done
    PID=
}

expect() { # what got want
    [ "$2" = "$3" ] || fail "$1: expected [$3], got [$2]"
    echo "ok: $1"
}

CLUSTERS="SELECT cluster, shard_num, replica_num, host_name, port FROM system.clusters
          WHERE cluster NOT LIKE 'test%' ORDER BY cluster, shard_num, replica_num FORMAT TSV"

# 1. include_from style: the stock config.xml with incl= attributes, and the
#    substitution file patched by chconf (macros: replica forced to dal-prod-01).
new_run
make_main debian-config.xml "$W/run/metrika.xml"
cp "$DATA/metrika.macros.xml" "$W/run/metrika.xml"
start_server || fail "server did not start on the stock config + patched metrika.xml"
expect "include_from macros" "$(q 'SELECT macro, substitution FROM system.macros ORDER BY macro FORMAT TSV')" \
    "$(printf 'cluster\tcluster1\nreplica\tdal-prod-01\nshard\t0')"
expect "include_from cluster1" "$(q "$CLUSTERS")" \
    "$(printf 'cluster1\t1\t1\tch1.chi.example\t9000')"
# The server writes the config it understood (substitutions done) here:
PRE=data/preprocessed_configs/config.xml
grep -q '<host>zk1.chi.example</host>' "$W/run/$PRE" ||
    fail "the zookeeper-servers substitution is not in the preprocessed config"
echo "ok: include_from zookeeper-servers substituted"
stop_server

# 2. The substitution file after chconf_zk_set_nodes(zookeeper-servers) and
#    chconf_remote_add_replica(clickhouse_remote_servers): replica added.
new_run
make_main debian-config.xml "$W/run/metrika.xml"
cp "$DATA/metrika.remote-servers.xml" "$W/run/metrika.xml"
start_server || fail "server did not start on metrika.remote-servers.xml"
expect "include_from add replica" "$(q "$CLUSTERS")" \
    "$(printf 'cluster1\t1\t1\tch1.chi.example\t9000\ncluster1\t1\t2\tch3.chi.example\t9000')"
stop_server

# 3. Inlined sections in the main config (CHCONF_INLINE on the stock file).
new_run
make_main debian-config.cluster1-inline.xml
start_server || fail "server did not start on debian-config.cluster1-inline.xml"
expect "inline cluster1" "$(q "$CLUSTERS")" \
    "$(printf 'cluster1\t1\t1\tch1.chi.example\t9000\ncluster1\t1\t2\tch2.chi.example\t9000')"
stop_server
new_run
make_main debian-config.zookeeper-inline.xml
start_server || fail "server did not start on debian-config.zookeeper-inline.xml"
[ "$(grep -c '<host>zk[456].dal.example</host>' "$W/run/$PRE")" = 3 ] ||
    fail "inline zookeeper nodes not in the preprocessed config"
echo "ok: inline zookeeper nodes read"
stop_server

# 4. config.d files rendered from scratch (<yandex> root), merged by the server
#    into the stock config: the umbrella cluster after a dead site is dropped.
new_run
make_main debian-config.xml
cp "$DATA/render.macros.xml" "$W/run/config.d/macros.xml"
cp "$DATA/remote_servers.drop-dallas.xml" "$W/run/config.d/remote_servers.xml"
start_server || fail "server did not start with config.d files"
expect "config.d macros" "$(q 'SELECT macro, substitution FROM system.macros ORDER BY macro FORMAT TSV')" \
    "$(printf 'cluster\tcluster1\nreplica\tchi-prod-01\nshard\t0')"
expect "config.d umbrella without dallas" "$(q "$CLUSTERS")" \
    "$(printf 'all\t1\t1\tch1.chi.example\t9000\nall\t1\t2\tch2.chi.example\t9000\ncluster1\t1\t1\tch1.chi.example\t9000\ncluster1\t1\t2\tch2.chi.example\t9000')"
stop_server

# 5. A <clickhouse>-rooted config.d file (chconf_zk_set_nodes on zookeeper.xml,
#    replace="1"): this 18.16 server merges it too, and replace="1" leaves one
#    <zookeeper>, ours, in place of the stock one with incl=.
new_run
make_main debian-config.xml
cp "$DATA/zookeeper.to-dallas.xml" "$W/run/config.d/zookeeper.xml"
start_server || fail "server did not start with a <clickhouse>-rooted config.d file"
expect "config.d <clickhouse> root: one <zookeeper>" "$(grep -c '<zookeeper' "$W/run/$PRE")" 1
expect "config.d <clickhouse> root: its nodes" \
    "$(grep -c '<host>zk[456].dal.example</host>' "$W/run/$PRE")" 3
stop_server

echo "PASS"
