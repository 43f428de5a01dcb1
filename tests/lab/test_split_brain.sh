#!/usr/bin/env bash
# Split brain on the lab's real servers.  Failover to dallas with chicago's
# servers killed; the failover disables them (fenced: start refuses); the
# drill passes on the failed-over lab and says chicago needs recover.  Then
# chicago comes back as an operator who powers the site on would (enable,
# start with the old configs): two ensembles serve and ch1 takes rows.
# status and drill name the split brain (exit 1, drctl_split_brain 1);
# recover sets those rows aside (detached, not dropped), reports them, and
# ends with one ensemble and every replica caught up; failback restores the
# initial topology.
set -euo pipefail
. "$(dirname "$0")/testlib.sh"
: "${DRCTL:?}"
SRC=${DRCTL_SOURCE_DIR:?}
INV=$SRC/sites/lab.yaml
work=$(mktemp -d)
merges() { ch_query "$2" "SYSTEM $1 MERGES" >/dev/null 2>&1; } # STOP|START HOST
finish() {
    local rc=$?
    if [ $rc -ne 0 ]; then
        cp -r "$work" "/tmp/test_split_brain.$$" 2>/dev/null &&
            echo "test_split_brain: output kept in /tmp/test_split_brain.$$" >&2
        "$SRC/tests/lab/lab" reset >/dev/null 2>&1 || true
    fi
    # merges held off for the split (below); a reset restarts the servers
    for h in ch3 ch4; do merges START "$h" || true; done
    rm -rf "$work"
}
trap finish EXIT
state=$work/state
dr() { "$DRCTL" "$@" -i "$INV" --state-dir "$state"; }
lab() { "$SRC/tests/lab/lab" "$@" >/dev/null || fail "lab $*: failed"; }
mode() { zk_4lw "$1" srvr | sed -n 's/^Mode: //p'; }
TAG=split-$$-$(date +%s)
count() { ch_query "$1" "SELECT count() FROM default.events WHERE payload LIKE '$TAG%'" 2>/dev/null || echo -1; }
count_split() { ch_query "$1" "SELECT count() FROM default.events WHERE payload = '$TAG-split'" 2>/dev/null || echo -1; }
insert() { # HOST N SUFFIX
    ch_query "$1" "INSERT INTO default.events SELECT today(), 5000000 + number + $RANDOM * 1000, 'x', '$TAG$3' FROM system.numbers LIMIT $2"
}

# 0. issue 16 item 1: a switch to the serving primary is refused (exit 3)
rc=0
dr plan failover --to chicago >"$work/p0" 2>&1 || rc=$?
[ $rc -eq 3 ] && grep -q 'chicago is already the serving primary' "$work/p0" ||
    fail "plan failover --to the serving primary: exit $rc, $(head -c 300 "$work/p0")"
rc=0
dr run failover --to chicago --yes >"$work/r0" 2>&1 || rc=$?
[ $rc -eq 3 ] && grep -q 'chicago is already the serving primary' "$work/r0" ||
    fail "run failover --to the serving primary: exit $rc, $(head -c 300 "$work/r0")"
[ "$(mode zk4)" = observer ] || fail "the refused failover changed zk4: $(mode zk4)"
for h in zk4 ch3 ch4; do
    [ ! -e "$LAB_DIR/hosts/$h/svc/server.disabled" ] || fail "the refused failover fenced $h"
done
pass "failover --to the serving primary refused in pre-flight (exit 3), plan and run, nothing fenced"

# the generation the lab's ensemble carries from earlier switches (0: none)
gen0=$(dr status 2>/dev/null | sed -n 's/^active topology: chicago primary, dallas standby (generation \([0-9]*\),.*/\1/p')
[ -n "$gen0" ] || fail "status names no active topology: $(dr status 2>&1 | head -2)"
insert ch1 100 "" || fail "insert on ch1"
all_have() { local h; for h in ch1 ch2 ch3 ch4; do [ "$(count $h)" = "$1" ] || return 1; done; }
wait_until 60 all_have 100 || fail "rows did not reach every replica"

# 1. the disaster, the failover; chicago's hosts answer ssh: fenced for good
for h in zk1 zk2 zk3 ch1 ch2; do lab kill "$h"; done
dr run failover --to dallas --yes >"$work/failover.out" 2>&1 ||
    fail "failover: $(tail -5 "$work/failover.out")"
for h in zk1 zk2 zk3 ch1 ch2; do
    [ -e "$LAB_DIR/hosts/$h/svc/server.disabled" ] || fail "$h was not disabled by the failover"
done
if "$SRC/tests/lab/lab" start ch1 >"$work/start.out" 2>&1; then
    fail "a fenced ch1 started"
fi
grep -q disabled "$work/start.out" || fail "start of fenced ch1: $(cat "$work/start.out")"
pass "failover disabled chicago's servers; a fenced server refuses to start"
# No merges on either site from here to the recovery: a part merged across
# the split (pre-split parts with the 50 rows below on dallas, or with the
# split rows on chicago, which take the same block numbers) makes recover
# set aside every chicago part in its block range, older rows included
# (fetched again, never lost: see foreign_parts), which is not the exact
# count this test checks.  Whether such a merge happens is ClickHouse's
# timing.
for h in ch3 ch4; do merges STOP "$h" || fail "SYSTEM STOP MERGES on $h failed"; done
insert ch3 50 "" || fail "insert on ch3 after failover"

rc=0
dr status >"$work/status1" 2>&1 || rc=$?
[ $rc -eq 0 ] || fail "status after failover exited $rc: $(cat "$work/status1")"
grep -q "active topology: dallas primary, chicago standby (generation $((gen0 + 1))," "$work/status1" ||
    fail "status does not read the recorded topology: $(head -3 "$work/status1")"
grep -qE 'delay [0-9]{7,}s' "$work/status1" && fail "status shows a timestamp as a delay"
rc=0
dr drill >"$work/drill1" 2>&1 || rc=$?
[ $rc -eq 0 ] || fail "drill on the failed-over lab exited $rc: $(grep -E '^FAIL' -A1 "$work/drill1")"
grep -q 'recover --site chicago' "$work/drill1" || fail "the drill does not say chicago needs recover"
pass "after failover: status reads dallas primary, drill exits 0 and says chicago needs recover"

# 2. chicago powered on with its old configs: two primaries
for h in zk1 zk2 zk3 ch1 ch2; do lab enable "$h"; done
for h in zk1 zk2 zk3; do lab start "$h"; done
serving() { case $(mode zk1)$(mode zk2)$(mode zk3) in *leader*) return 0 ;; esac; return 1; }
wait_until 60 serving || fail "chicago's old keepers did not form their old quorum"
for h in ch1 ch2; do lab start "$h"; done
for h in ch1 ch2; do wait_until 60 merges STOP "$h" || fail "SYSTEM STOP MERGES on $h failed"; done
wait_until 60 insert ch1 7 -split || fail "ch1 takes no write during the split"
split_rows=$(count_split ch1)
[ "$split_rows" = 7 ] || fail "ch1 holds $split_rows split rows, expected 7"
# the old site replicates them within itself, as it would in production
ch2_has() { [ "$(count_split ch2)" = 7 ]; }
wait_until 60 ch2_has || fail "the split rows did not reach ch2 through chicago's old ensemble"
rc=0
dr status >"$work/status2" 2>&1 || rc=$?
[ $rc -eq 1 ] && grep -q 'SPLIT BRAIN' "$work/status2" ||
    fail "status during the split: exit $rc, $(head -5 "$work/status2")"
grep -q 'drctl fence --site chicago' "$work/status2" || fail "status does not say how to end it"
rc=0
dr drill --metrics "$work/drill.prom" --json >"$work/drill2.json" 2>&1 || rc=$?
[ $rc -eq 1 ] || fail "drill during the split exited $rc"
grep -qE '^drctl_split_brain(\{[^}]*\})? 1$' "$work/drill.prom" || fail "no drctl_split_brain 1 in the metrics"
grep -q '"split_brain": true' "$work/drill2.json" || fail "drill JSON lacks split_brain: true"
first=$(grep -o '"name": "[^"]*"' "$work/drill2.json" | head -1)
[ "$first" = '"name": "split brain"' ] || fail "split brain is not the first check: $first"
pass "split brain named by status and drill (exit 1, metric, first check)"

# 3. recover sets aside exactly what chicago took, and rejoins it
dr run recover --site chicago >"$work/recover.out" 2>&1 ||
    fail "recover: $(tail -8 "$work/recover.out")"
grep 'SET ASIDE on' "$work/recover.out" >&2 || fail "recover reports nothing set aside"
for h in ch1 ch2; do
    # the events the test wrote during the split; a merge chicago's old
    # ensemble made of pre-split heartbeat parts is set aside too (a part
    # dallas does not hold as such: over-counted, never lost), so only
    # events are counted
    got=$(grep -o "SET ASIDE on $h: default.events [^,]*, [0-9]* rows" "$work/recover.out" | awk '{ s += $(NF-1) } END { print s + 0 }')
    [ "$got" = 7 ] || fail "recover set aside $got events rows on $h, expected 7"
    ls -d "$LAB_DIR"/hosts/$h/data/data/default/events/detached/drctl-split-* >/dev/null 2>&1 ||
        fail "no drctl-split-* detached part on $h"
done
for h in zk1 zk2 zk3; do [ "$(mode $h)" = observer ] || fail "$h is $(mode $h) after recover"; done
wait_until 120 all_have 150 ||
    fail "replicas after recover: $(for h in ch1 ch2 ch3 ch4; do printf '%s=%s ' $h "$(count $h)"; done), expected 150"
for h in ch1 ch2 ch3 ch4; do [ "$(count_split $h)" = 0 ] || fail "$h still serves split rows"; done
rc=0
dr status >"$work/status3" 2>&1 || rc=$?
[ $rc -eq 0 ] || fail "status after recover exited $rc"
for h in ch3 ch4; do merges START "$h" || fail "SYSTEM START MERGES on $h failed"; done
pass "recover set aside the 7 split rows on ch1 and ch2 (detached), one ensemble, 150 rows everywhere"

# 4. drctl fence on demand, with ch2's sshd down: ch2 is fenced by the
# site's fence command run locally; recover lifts every fence again
lab stop sshd:ch2
dr fence --site chicago --yes >"$work/fence.out" 2>&1 || fail "fence: $(tail -5 "$work/fence.out")"
grep -q 'fence chicago with its site fence command (ch2 unreachable)' "$work/fence.out" ||
    fail "the site fence command did not run for ch2: $(cat "$work/fence.out")"
for h in zk1 zk2 zk3 ch1 ch2; do
    [ -e "$LAB_DIR/hosts/$h/svc/server.disabled" ] || fail "$h not fenced by drctl fence"
done
[ -z "$(zk_4lw zk1 srvr)" ] && ! curl -s --max-time 2 "http://$(lab_addr ch2):8123/ping" >/dev/null ||
    fail "a fenced server still answers"
lab start sshd:ch2
dr run recover --site chicago >"$work/recover2.out" 2>&1 ||
    fail "recover after fence: $(tail -8 "$work/recover2.out")"
for h in zk1 zk2 zk3 ch1 ch2; do
    [ ! -e "$LAB_DIR/hosts/$h/svc/server.disabled" ] || fail "$h still disabled after recover"
done
wait_until 120 all_have 150 || fail "replicas after the second recover"
pass "drctl fence: ssh-reachable hosts disabled, ch2 (no sshd) by the site fence command; recover enabled them"

# 5. back to the initial topology
dr run failback --to chicago --yes >"$work/failback.out" 2>&1 ||
    fail "failback: $(tail -5 "$work/failback.out")"
[ "$(mode zk4)" = observer ] || fail "zk4 is $(mode zk4) after failback"
grep -q 'active topology: chicago primary' <(dr status 2>&1) || fail "status after failback"
# the lab as the next test finds it: every replication queue drained
settled() {
    local h
    for h in ch1 ch2 ch3 ch4; do
        [ "$(ch_query "$h" "SELECT sum(queue_size) FROM system.replicas" 2>/dev/null)" = 0 ] || return 1
    done
}
wait_until 120 settled || fail "replication queues not drained after failback: $(for h in ch1 ch2 ch3 ch4; do
    printf '%s=%s ' $h "$(ch_query $h "SELECT sum(queue_size) FROM system.replicas" 2>/dev/null)"; done)"
pass "failback: chicago primary again, every replication queue drained"
