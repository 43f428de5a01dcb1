#!/usr/bin/env bash
# The planned switch's catch-up gate on every ClickHouse node at once
# (clickhouse.wait_all_caught_up, run by tests/runbooks/ch_catchup.lua)
# against the lab's four 18.16 servers.  Fetches are held back on both
# dallas replicas (SYSTEM STOP FETCHES), then rows are written on ch1:
#   1. the gate waits, and at its deadline fails naming ch3 and ch4 (with
#      the table and why) and neither ch1 nor ch2, which had caught up;
#      ch3 and ch4 still lack the rows;
#   2. a second gate is waiting when fetches start again on ch3, then ch4:
#      it passes, and right after it (SYSTEM SYNC REPLICA of every table of
#      every node, all at once) every replica counts every row;
#   3. ch3 (ch4 when ch3 leads the table) with a merge queued that it may
#      not run (SYSTEM STOP MERGES) holds every row, so the wait passes, but
#      its queue never drains: the SYNC REPLICA of every table of every node
#      fails for its events alone, and the gate fails with one error naming
#      only that.
set -euo pipefail
. "$(dirname "$0")/testlib.sh"
: "${DRCTL:?}"
SRC=${DRCTL_SOURCE_DIR:?}
work=$(mktemp -d)
fetches() { # START|STOP
    for n in ch3 ch4; do
        ch_query "$n" "SYSTEM $1 FETCHES default.events" >/dev/null || return 1
    done
}
gate_pid=
finish() {
    [ -z "$gate_pid" ] || kill "$gate_pid" 2>/dev/null || true
    fetches START || echo "catchup_gate: START FETCHES failed" >&2
    for h in ch3 ch4; do
        ch_query "$h" "SYSTEM START MERGES default.events" >/dev/null ||
            echo "catchup_gate: START MERGES failed on $h" >&2
    done
    rm -rf "$work"
}
trap finish EXIT
gate() { # OUT ARGS...: the gate on ch1-ch4
    local out=$1
    shift
    "$DRCTL" run "$SRC/tests/runbooks/ch_catchup.lua" --yes -i "$SRC/sites/lab.yaml" \
        --state-dir "$work/st" "$@" >"$out" 2>&1
}

tag=gate-$(date +%s%N)-$$
rows=300
count() { ch_query "$1" "SELECT count() FROM default.events WHERE payload = '$tag'"; }
# ch3 and ch4 have pulled the insert into their queues and cannot fetch it
queued() {
    local n
    for n in ch3 ch4; do
        n=$(ch_query "$n" "SELECT inserts_in_queue FROM system.replicas
            WHERE database = 'default' AND table = 'events'") || return 1
        [ "$n" -gt 0 ] || return 1
    done
}

fetches STOP || fail "STOP FETCHES on ch3/ch4 refused"
ch_query ch1 "INSERT INTO default.events SELECT today(), 7000000 + number, 'test', '$tag'
    FROM system.numbers LIMIT $rows" >/dev/null || fail "insert on ch1 refused"
wait_until 30 queued || fail "ch3/ch4 never showed the insert in their queues"

# 1. behind: the gate waits out its deadline and names the two replicas
t0=$(now_ms)
if gate "$work/held.out" --timeout 6; then
    fail "the gate passed while ch3 and ch4 could not fetch: $(cat "$work/held.out")"
fi
took=$(($(now_ms) - t0))
last=$(grep -o 'timed out after 6.0 s waiting for the replicas of ch1, ch2, ch3, ch4 to catch up (last: .*' \
    "$work/held.out") || fail "no timeout of the gate: $(tail -5 "$work/held.out")"
[[ $last == *"(last: 2 not yet: ch3 (default.events: "*"), ch4 (default.events: "* ]] ||
    fail "the gate does not name ch3 and ch4 as behind: $last"
[[ $last != *"ch1 ("* && $last != *"ch2 ("* ]] || fail "the gate names a caught-up replica: $last"
((took >= 6000)) || fail "the gate gave up after $took ms, before its 6 s"
for n in ch3 ch4; do
    c=$(count "$n") || fail "$n: count"
    [ "$c" -eq 0 ] || fail "$n has $c of the rows though its fetches are stopped"
done
pass "held back: the gate waited $took ms and named ch3 and ch4: ${last#*last: }"

# 2. a waiting gate passes once both replicas fetch again
gate "$work/pass.out" --timeout 120 &
gate_pid=$!
waiting() { has 'waiting up to 120 s for the replicas of ch1, ch2, ch3, ch4' <"$work/pass.out"; }
wait_until 30 waiting || fail "the gate did not start waiting: $(cat "$work/pass.out")"
kill -0 "$gate_pid" 2>/dev/null || fail "the gate ended while ch3/ch4 are behind: $(cat "$work/pass.out")"
for n in ch3 ch4; do
    [ "$(count "$n")" -eq 0 ] || fail "$n fetched with its fetches stopped"
done
t_start=$(now_ms)
fetches START || fail "START FETCHES refused"
rc=0
wait "$gate_pid" || rc=$?
gate_pid=
[ $rc -eq 0 ] || fail "the gate failed once fetches started: $(tail -5 "$work/pass.out")"
for n in ch1 ch2 ch3 ch4; do
    c=$(count "$n") || fail "$n: count"
    [ "$c" -eq $rows ] || fail "$n has $c rows right after the gate passed, expected $rows"
done
[ "$(grep -c ': caught up' "$work/pass.out")" -eq 4 ] || fail "not 4 nodes caught up: $(cat "$work/pass.out")"
pass "released: the gate passed $(($(now_ms) - t_start)) ms after fetches started; ch1-ch4 each have $rows rows"
grep -o 'catch-up check of 4 nodes at once: .*' "$work/pass.out" | sed 's/^/catchup_gate: /'

# 3. caught up by system.replicas, but one replica's queue cannot drain:
# the sync says so.  OPTIMIZE goes to the table's leader replica: sent to
# ch1 in a CI run after other lab tests, it got HTTP 401 (18.16 hands an
# OPTIMIZE on a replica that does not lead the table to the leader, and
# that hand-off logs in as the default user without the lab's password:
# our reading, not proven).  The held replica is another one.
leader=
for h in ch1 ch2 ch3 ch4; do
    [ "$(ch_query "$h" "SELECT is_leader FROM system.replicas WHERE database = 'default'
        AND table = 'events'")" = 1 ] && leader=$h && break
done
[ -n "$leader" ] || fail "no replica of default.events is its leader"
held=ch3
[ "$leader" != ch3 ] || held=ch4
ch_query "$held" "SYSTEM STOP MERGES default.events" >/dev/null || fail "STOP MERGES on $held refused"
for i in 1 2; do
    ch_query ch1 "INSERT INTO default.events SELECT today(), 7100000 + $i * 1000 + number, 'test',
        '$tag-m' FROM system.numbers LIMIT 10" >/dev/null || fail "insert on ch1 refused"
done
# not waiting for every replica's merge (the held one's never comes)
curl -sS --fail-with-body --max-time 30 -K "$LAB_DIR/secrets/ch_curl" \
    --data-binary "OPTIMIZE TABLE default.events FINAL" \
    "http://$(lab_addr "$leader"):8123/?replication_alter_partitions_sync=0" >/dev/null ||
    fail "OPTIMIZE on $leader (the leader) refused"
merge_held() {
    local q
    q=$(ch_query "$held" "SELECT inserts_in_queue, merges_in_queue, absolute_delay FROM system.replicas
        WHERE database = 'default' AND table = 'events' FORMAT TSV") || return 1
    [[ $q == 0$'\t'[1-9]*$'\t'0 ]]
}
wait_until 30 merge_held || fail "$held never showed the merge held in its queue"
t0=$(now_ms)
if gate "$work/sync.out" --timeout 6; then
    fail "the gate passed though $held's queue cannot drain: $(cat "$work/sync.out")"
fi
took=$(($(now_ms) - t0))
err=$(grep -o '[0-9]* of [0-9]* replicas did not sync: .*' "$work/sync.out") ||
    fail "no sync failure: $(tail -5 "$work/sync.out")"
[[ $err =~ ^1\ of\ [0-9]+\ replicas\ did\ not\ sync:\ $held:\ ch\ [0-9.]+:8123:\ SYNC\ REPLICA\ default\.events:\ not\ caught\ up\ within\ [56]\ s$ ]] ||
    fail "the sync failure does not name $held's default.events alone: $err"
has 'the replicas of ch1, ch2, ch3, ch4 to catch up: after' <"$work/sync.out" ||
    fail "the wait did not pass before the sync: $(cat "$work/sync.out")"
((took >= 5000)) || fail "the sync gave up after $took ms, before its 5 s"
pass "queue held on $held (leader $leader): the wait passed, the sync failed after $took ms: $err"
