#!/usr/bin/env bash
# The DR cycle on the lab's two-shard variant (DRCTL_LAB_TOPOLOGY=shards2:
# per site two shards of two replicas, sites/lab-shards.yaml), on a lab of its
# own that this test brings up on its own net and takes down at the end:
# rows written per shard; chicago killed; failover to dallas (remote_servers
# of every dallas node keeps both shards and drops chicago's replicas);
# chicago back with ch6 (shard 1) rebuilt with an empty disk; recovery (ch6's
# tables recreated from its shard); failback (the catch-up gate waits on
# every replica of both shards).  Every replica of each shard ends with
# exactly that shard's rows.
#
# Not under `lab exec`: it runs its own lab.  DRCTL_SHARDS_NET (default
# 127.0.9) and DRCTL_SHARDS_DIR (default $DRCTL_BUILD_DIR/lab-shards) say where.
set -euo pipefail
: "${DRCTL:?}"
SRC=${DRCTL_SOURCE_DIR:?}
export DRCTL_LAB_TOPOLOGY=shards2
export DRCTL_LAB_NET=${DRCTL_SHARDS_NET:-127.0.9}
export DRCTL_LAB_DIR=${DRCTL_SHARDS_DIR:-${DRCTL_BUILD_DIR:-$SRC/build}/lab-shards}
LAB=$SRC/tests/lab/lab
. "$(dirname "$0")/testlib.sh"
TEST_NAME=shards_cycle
INV=$SRC/sites/lab-shards.yaml
# testlib knows ch1..ch4; this lab has ch5..ch8 too
lab_addr() {
    case $1 in
    zk[1-6]) echo "$LAB_NET.$((10 + ${1#zk}))" ;;
    ch[1-8]) echo "$LAB_NET.$((20 + ${1#ch}))" ;;
    *) fail "lab_addr: unknown host $1" ;;
    esac
}
work=$(mktemp -d)
state=$work/state
finish() {
    local rc=$?
    if [ $rc -ne 0 ]; then
        cp -r "$state" "/tmp/shards_cycle.$$" 2>/dev/null &&
            echo "shards_cycle: journal kept in /tmp/shards_cycle.$$" >&2
    fi
    "$LAB" down --purge >/dev/null 2>&1 || echo "shards_cycle: lab down failed" >&2
    rm -rf "$work"
}
trap finish EXIT
dr() { "$DRCTL" "$@" -i "$INV" --state-dir "$state"; }
lab() { "$LAB" "$@" >/dev/null || fail "lab $*: failed"; }
mode() { zk_4lw "$1" srvr | sed -n 's/^Mode: //p'; }

SHARD0="ch1 ch2 ch3 ch4"
SHARD1="ch5 ch6 ch7 ch8"
TAG=shards-$$-$(date +%s)
n0=0 n1=0
insert_rows() { # HOST N: on HOST's shard
    local base=$((3000000 + n0 + n1))
    ch_query "$1" "INSERT INTO default.events SELECT today(), $base + number, 'x', '$TAG'
        FROM system.numbers LIMIT $2" >/dev/null || fail "insert on $1 refused"
    case " $SHARD1 " in *" $1 "*) n1=$((n1 + $2)) ;; *) n0=$((n0 + $2)) ;; esac
}
count() { ch_query "$1" "SELECT count() FROM default.events WHERE payload = '$TAG'" 2>/dev/null || echo -1; }
# every replica of each shard holds exactly its shard's rows
shards_have() {
    local h
    for h in $SHARD0; do [ "$(count "$h")" = "$n0" ] || return 1; done
    for h in $SHARD1; do [ "$(count "$h")" = "$n1" ] || return 1; done
}
counts() { local h; for h in $SHARD0 $SHARD1; do printf '%s=%s ' "$h" "$(count "$h")"; done; }
real() {
    local name=$1 t0
    shift
    t0=$(now_ms)
    dr run "$name" "$@" --json >"$work/$name.run.json" 2>"$work/$name.run.err" ||
        fail "run $name failed: $(tail -8 "$work/$name.run.err")"
    pass "$name done in $(($(now_ms) - t0)) ms"
}
plan() {
    local name=$1
    shift
    lab_files_snapshot >"$work/snap.before"
    dr plan "$name" "$@" --full >"$work/$name.plan.txt" 2>&1 ||
        fail "plan $name failed: $(tail -5 "$work/$name.plan.txt")"
    lab_files_snapshot >"$work/snap.after"
    cmp -s "$work/snap.before" "$work/snap.after" || fail "the plan of $name changed the lab"
}
# the <shard> elements of cluster CL in HOST's remote_servers.xml, one line
# each: the replica addresses it lists
shards_of() { # HOST CLUSTER
    python3 - "$LAB_DIR/hosts/$1/config.d/remote_servers.xml" "$2" <<'PY'
import sys, xml.etree.ElementTree as ET
cl = ET.parse(sys.argv[1]).getroot().find("remote_servers").find(sys.argv[2])
for s in cl.findall("shard"):
    print(" ".join(r.findtext("host") for r in s.findall("replica")))
PY
}

"$LAB" up >"$work/up.log" 2>&1 || fail "lab up (shards2 on $DRCTL_LAB_NET): $(tail -3 "$work/up.log")"
for h in $SHARD0 $SHARD1; do
    want=0
    case " $SHARD1 " in *" $h "*) want=1 ;; esac
    got=$(ch_query "$h" "SELECT substitution FROM system.macros WHERE macro = 'shard'" 2>&1) || true
    [ "$got" = "$want" ] || fail "$h serves shard '$got', expected $want"
done
insert_rows ch1 100
insert_rows ch5 60
wait_until 90 shards_have || fail "rows did not reach their shard's replicas: $(counts), expected $n0/$n1"
pass "two shards: $n0 rows on every replica of shard 0, $n1 on every replica of shard 1"
dr run marker --yes >/dev/null 2>&1 || fail "marker run failed"

plan failover --to dallas
grep -q "point ch7 at keepers" "$work/failover.plan.txt" || fail "the plan does not repoint shard 1's ch7"
for h in zk1 zk2 zk3 ch1 ch2 ch5 ch6; do lab kill "$h"; done
real failover --to dallas --yes
for h in zk4 zk5 zk6; do
    case $(mode $h) in leader | follower) ;; *) fail "$h is $(mode $h) after failover" ;; esac
done
for h in ch3 ch4 ch7 ch8; do
    got=$(shards_of $h all)
    want="$(lab_addr ch3) $(lab_addr ch4)
$(lab_addr ch7) $(lab_addr ch8)"
    [ "$got" = "$want" ] || fail "$h: cluster 'all' after failover is [$got], expected dallas's two shards [$want]"
done
pass "failover: every dallas node's umbrella cluster has both shards, dallas replicas only"
insert_rows ch3 40
insert_rows ch8 30
dallas_have() {
    local h
    for h in ch3 ch4; do [ "$(count "$h")" = "$n0" ] || return 1; done
    for h in ch7 ch8; do [ "$(count "$h")" = "$n1" ] || return 1; done
}
wait_until 90 dallas_have || fail "rows written on dallas after failover: $(counts)"

# chicago comes back, ch6 (shard 1) rebuilt: configs kept, its path emptied
rm -rf "${LAB_DIR:?}/hosts/ch6/data/"*
for h in zk1 zk2 zk3; do lab start "$h"; done
serving() { case $(mode zk1)$(mode zk2)$(mode zk3) in *leader*) return 0 ;; esac; return 1; }
wait_until 60 serving || fail "chicago's old keepers did not form their old quorum"
for h in ch1 ch2 ch5 ch6; do lab start "$h"; done
plan recover --site chicago
real recover --site chicago
for h in zk1 zk2 zk3; do [ "$(mode $h)" = observer ] || fail "$h is $(mode $h), expected observer"; done
wait_until 120 shards_have || fail "after recovery: $(counts), expected $n0/$n1 per shard"
[ "$(ch_query ch6 "SELECT count() FROM system.replicas WHERE database = 'default'")" = 2 ] ||
    fail "ch6's replicated tables were not recreated"
pass "recover: ch6 (shard 1) rebuilt from its shard, every replica holds its shard's rows"
for h in ch1 ch2 ch5 ch6; do
    got=$(shards_of $h all | wc -l)
    [ "$got" = 2 ] || fail "$h: cluster 'all' has $got shards after recovery, expected 2"
    for peer in ch3 ch7; do
        shards_of $h all | has -w "$(lab_addr $peer)" || fail "$h: cluster 'all' lacks $peer after recovery"
    done
done
insert_rows ch4 20
insert_rows ch7 10

# the catch-up gate of failback waits on every chicago replica, both shards
plan failback --to chicago
real failback --to chicago --yes
[ "$(mode zk4)" = observer ] || fail "zk4 is $(mode zk4) after failback, expected observer"
insert_rows ch2 10
insert_rows ch6 10
wait_until 90 shards_have || fail "after failback: $(counts), expected $n0/$n1 per shard"
pass "failback: chicago primary again, $n0 rows on every shard 0 replica, $n1 on every shard 1 replica"
