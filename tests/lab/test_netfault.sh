#!/usr/bin/env bash
# Disasters as networks have them, on the network lab (DRCTL_LAB_NETNS=1:
# the hosts in namespaces, faults as DROP rules or a delay queue in the
# router between them).  One lab, in order:
#  1. 30 ms RTT between the sites (measured, and replication still works
#     across it); chicago killed; failover to dallas: RTO printed.
#  2. lab reset; chicago blackholed (its packets vanish, nothing refuses);
#     failover to dallas finishes: dallas serves, every row is there, a
#     write is accepted; both RTOs printed side by side.
#  3. chicago comes back (heal) with its old ensemble; the sites partitioned
#     from each other (both reachable from drctl); recover --site chicago
#     fails with a clear error and a journaled, resumable run; heal; resume
#     finishes it: chicago's keepers observe the dallas ensemble, every row
#     everywhere.
# Both RTOs are printed, and the blackholed one must be at most
# connect_timeout + 2 s above the killed-site failover's (issue 11);
# DRCTL_NETFAULT_STRICT_RTO=0 only prints them and whether the bound held
# (make test sets it: beside the other lab tests, load moves an RTO by 10 s
# and more).  A blackholed run over the bound is repeated once (the runs are
# minutes apart on a shared machine).
set -euo pipefail
. "$(dirname "$0")/testlib.sh"
: "${DRCTL:?}"
SRC=${DRCTL_SOURCE_DIR:?}
[ "${DRCTL_LAB_NETNS:-0}" = 1 ] || fail "run me in the network lab: DRCTL_LAB_NETNS=1 tests/lab/lab exec $0"
INV=${DRCTL_LAB_INVENTORY:?}
LAB=$SRC/tests/lab/lab
work=$(mktemp -d)
state=$work/state
finish() {
    local rc=$?
    "$LAB" heal >/dev/null 2>&1 || true
    if [ $rc -ne 0 ]; then
        cp -r "$work" "/tmp/test_netfault.$$" 2>/dev/null && echo "$TEST_NAME: state kept in /tmp/test_netfault.$$" >&2
        "$LAB" reset >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
}
trap finish EXIT
dr() { "$DRCTL" "$@" -i "$INV" --state-dir "$state"; }
lab() { "$LAB" "$@" >"$work/lab.out" 2>&1 || fail "lab $*: $(tail -3 "$work/lab.out")"; }
mode() { zk_4lw "$1" srvr | sed -n 's/^Mode: //p'; }
TAG=netfault-$$-$(date +%s)
inserted=0
insert_rows() {
    ch_query "$1" "INSERT INTO default.events SELECT today(), $((3000000 + inserted)) + number, 'nf', '$TAG'
        FROM system.numbers LIMIT $2" >/dev/null || fail "insert on $1 refused"
    inserted=$((inserted + $2))
}
count() { ch_query "$1" "SELECT count() FROM default.events WHERE payload = '$TAG'" 2>/dev/null || echo -1; }
have_all() { local h; for h in "$@"; do [ "$(count "$h")" = "$inserted" ] || return 1; done; }
rto_of() { grep -o '"rto_seconds":[0-9.]*' "$1" | cut -d: -f2; }
# the steps of the blackholed failover that took 0.5 s or more longer than
# the same step of the killed one, by name: "NAME +S s; ..."
slower_steps() {
    python3 - "$work/latency.json" "$work/blackhole.json" <<'PY' || true
import json, sys
runs = [json.load(open(f))["steps"] for f in sys.argv[1:]]
base = {s["name"]: s.get("duration_seconds", 0) for s in runs[0]}
out = []
for s in runs[1]:
    d = s.get("duration_seconds", 0) - base.get(s["name"], 0)
    if d >= 0.5:
        out.append("%s +%.1f s" % (s["name"], d))
print("; ".join(out) or "none")
PY
}
timeout_s=$(sed -n 's/^ *connect_timeout: *\([0-9]*\).*/\1/p' "$INV" | head -1)

failover() { # OUT: the run's --json in $work/OUT.json, "RTO MS" in $work/OUT.rto
    local t0
    t0=$(now_ms)
    dr run failover --to dallas --yes --force --reason "netfault test" --json >"$work/$1.json" 2>"$work/$1.err" ||
        fail "$1: failover failed: $(tail -6 "$work/$1.err")"
    for h in zk4 zk5 zk6; do
        case $(mode $h) in leader | follower) ;; *) fail "$1: $h is '$(mode $h)' after the failover" ;; esac
    done
    wait_until 60 have_all ch3 ch4 || fail "$1: dallas lacks rows: ch3=$(count ch3) ch4=$(count ch4), expected $inserted"
    insert_rows ch3 10
    wait_until 60 have_all ch3 ch4 || fail "$1: a write on dallas after the failover did not replicate"
    [ -n "$(rto_of "$work/$1.json")" ] || fail "$1: no RTO in the run's report"
    echo "$(rto_of "$work/$1.json") $(($(now_ms) - t0))" >"$work/$1.rto"
}

# ---- 1. 30 ms between the sites
insert_rows ch1 100
wait_until 60 have_all ch1 ch2 ch3 ch4 || fail "rows did not reach every replica before the test"
dr run marker --yes >/dev/null 2>&1 || fail "marker run failed"
lab latency 30
rtt=$(nsenter --net="/run/netns/${DRCTL_LAB_NS_PREFIX:-drctl-}chi" ping -c 3 -i 0.2 -q "$(lab_addr ch3)" |
    sed -n 's|.*= [0-9.]*/\([0-9.]*\)/.*|\1|p')
[ -n "$rtt" ] && awk -v r="$rtt" 'BEGIN { exit !(r >= 30) }' || fail "RTT chicago-dallas is '$rtt' ms, expected >= 30"
insert_rows ch1 100
wait_until 60 have_all ch3 ch4 || fail "rows written on ch1 did not cross the slow link to dallas"
for h in zk1 zk2 zk3 ch1 ch2; do lab kill "$h"; done
failover latency
read -r rto_killed ms_killed <"$work/latency.rto"
pass "failover, chicago killed, 30 ms (measured $rtt ms) between the sites: RTO $rto_killed s (run ${ms_killed} ms)"
lab heal

# ---- 2. chicago blackholed
blackholed_failover() {
    lab reset
    inserted=0
    TAG=$TAG-2
    insert_rows ch1 100
    wait_until 60 have_all ch1 ch2 ch3 ch4 || fail "rows did not reach every replica after the reset"
    dr run marker --yes >/dev/null 2>&1 || fail "marker run failed"
    lab blackhole chicago
    [ -z "$(zk_4lw zk1 srvr)" ] || fail "zk1 still answers through the blackhole"
    failover blackhole
    read -r rto_bh ms_bh <"$work/blackhole.rto"
    pass "failover, chicago blackholed: RTO $rto_bh s (run ${ms_bh} ms)"
    echo "$TEST_NAME: RTO chicago killed $rto_killed s, chicago blackholed $rto_bh s (connect_timeout $timeout_s s)"
}
within_bound() { awk -v b="$rto_bh" -v k="$rto_killed" -v t="$timeout_s" 'BEGIN { exit !(b <= k + t + 2) }'; }
blackholed_failover
if [ "${DRCTL_NETFAULT_STRICT_RTO:-1}" = 1 ] && ! within_bound; then
    # the two runs are minutes apart on a shared machine, where a JVM start
    # can take 10 s more under another's load: one more blackholed run, and
    # the bound holds for it or the test fails
    echo "$TEST_NAME: over the bound; slower steps: $(slower_steps); once more"
    lab heal
    blackholed_failover
    within_bound ||
        fail "blackholed RTO $rto_bh s is more than connect_timeout + 2 s above the killed one ($rto_killed s); slower steps: $(slower_steps)"
elif ! within_bound; then
    echo "$TEST_NAME: the RTO bound did not hold in this run (not asserted: DRCTL_NETFAULT_STRICT_RTO=0); slower steps: $(slower_steps)"
else
    echo "$TEST_NAME: the RTO bound held: $rto_bh s <= $rto_killed s + connect_timeout $timeout_s s + 2 s"
fi

# ---- 3. chicago back with its old ensemble; a partition during recover
lab heal
wait_until 60 sh -c "[ -n \"\$(printf srvr | nc -w 2 $(lab_addr zk1) 2181)\" ]" || fail "chicago did not come back after heal"
lab partition
rc=0
dr run recover --site chicago --yes --json >"$work/recover.json" 2>"$work/recover.err" || rc=$?
[ $rc -ne 0 ] || fail "recover succeeded across a partition between the sites"
[ $rc -ne 137 ] && [ $rc -lt 128 ] || fail "recover crashed (exit $rc)"
id=$(ls "$state/runs" | tail -1)
grep -q 'drctl resume' "$work/recover.err" || fail "the failed recover does not say how to resume: $(tail -3 "$work/recover.err")"
err=$(grep -m1 -E 'failed|refused|timed out|unreachable' "$work/recover.err" || true)
[ -n "$err" ] || fail "the failed recover names no cause: $(tail -5 "$work/recover.err")"
pass "recover across a partition failed cleanly (exit $rc): $err"
for h in zk4 zk5 zk6; do
    case $(mode $h) in leader | follower) ;; *) fail "$h is '$(mode $h)' after the failed recover: dallas lost its ensemble" ;; esac
done
lab heal
t0=$(now_ms)
dr resume "$id" --yes >"$work/resume.out" 2>&1 || fail "resume after heal failed: $(tail -6 "$work/resume.out")"
for h in zk1 zk2 zk3; do [ "$(mode $h)" = observer ] || fail "$h is '$(mode $h)' after the resumed recover, expected observer"; done
for h in zk4 zk5 zk6; do
    case $(mode $h) in leader | follower) ;; *) fail "$h is '$(mode $h)' after the resumed recover" ;; esac
done
wait_until 90 have_all ch1 ch2 ch3 ch4 || fail "rows missing after the resumed recover: $(for h in ch1 ch2 ch3 ch4; do printf '%s=%s ' $h "$(count $h)"; done)"
dr runs | grep -E "^$id +recover +ok " >/dev/null || fail "the resumed recover is not listed as ok"
pass "after heal, resume finished recover in $(($(now_ms) - t0)) ms: chicago observes, $inserted rows everywhere"
lab reset
