#!/usr/bin/env bash
# Recovery of a ClickHouse host rebuilt with empty disks: failover to
# dallas; chicago comes back with ch1 reinstalled (configs kept, metadata and
# data directories empty); the plan of recover lists the exact statements
# that give ch1 its tables and changes nothing; a table that is not what a
# rebuilt host has makes it refuse; the real recover attaches ch1's
# surviving replicas (default.events, default.heartbeat), creates a table
# made on dallas after the failover (with literal replica names, rewritten
# for chicago) on ch1 and ch2, and every replica ends with the same rows.
# Failback puts the lab back in its initial topology; on a failure the lab
# is rebuilt, as the other lab tests expect it.
set -euo pipefail
. "$(dirname "$0")/testlib.sh"
: "${DRCTL:?}"
SRC=${DRCTL_SOURCE_DIR:?}
INV=$SRC/sites/lab.yaml
work=$(mktemp -d)
state=$work/state
finish() {
    local rc=$?
    if [ $rc -ne 0 ]; then
        cp -r "$state" "/tmp/test_ch_rebuild.$$" 2>/dev/null &&
            echo "test_ch_rebuild: journal kept in /tmp/test_ch_rebuild.$$" >&2
        "$SRC/tests/lab/lab" reset >/dev/null 2>&1 || true
    else
        rm -rf "$work"
    fi
}
trap finish EXIT
dr() { "$DRCTL" "$@" -i "$INV" --state-dir "$state"; }
tests_lab() { "$SRC/tests/lab/lab" "$@" >/dev/null || fail "lab $*: failed"; }
mode() { zk_4lw "$1" srvr | sed -n 's/^Mode: //p'; }
q() { ch_query "$1" "$2" 2>/dev/null; }
count() { q "$1" "SELECT count() FROM $2" || echo -1; }

TAG=rebuild-$$-$(date +%s)
inserted=0
insert_events() { # HOST N
    ch_query "$1" "INSERT INTO default.events SELECT today(), $((2000000 + inserted)) + number,
        'x', '$TAG' FROM system.numbers LIMIT $2" >/dev/null || fail "insert on $1 refused"
    inserted=$((inserted + $2))
}
tagged() { q "$1" "SELECT count() FROM default.events WHERE payload = '$TAG'" || echo -1; }
all_tagged() { local h; for h in ch1 ch2 ch3 ch4; do [ "$(tagged $h)" = "$inserted" ] || return 1; done; }
initial_topology() {
    [ "$(mode zk4)" = observer ] || return 1
    local h leaders=0
    for h in zk1 zk2 zk3; do
        case $(mode $h) in leader) leaders=$((leaders + 1)) ;; follower) ;; *) return 1 ;; esac
    done
    [ $leaders -eq 1 ] && [ -z "$(zk_4lw zk5 srvr)" ] && [ -z "$(zk_4lw zk6 srvr)" ]
}
# every file of the lab's hosts but what the servers change on their own
# (data, logs); what a plan must not create on ClickHouse is asked by SQL
snapshot() {
    lab_files_snapshot
}

initial_topology || fail "the lab is not in its initial topology"

# The step alone first, in the initial topology: ch4 rebuilt empty.  Named
# in the inventory as the replica ch3 runs (dal-01; ch3 renamed there, as
# the inventory refuses two nodes with one name), it must refuse: that
# replica is active.  Under its own name it attaches its surviving replicas.
one() { "$DRCTL" "$@" -i "$INV" --state-dir "$state" --runbooks "$SRC/tests/runbooks"; }
tests_lab stop ch4
rm -rf "${LAB_DIR:?}/hosts/ch4/data/"*
tests_lab start ch4
sed 's/replica: dal-01 }/replica: dal-09 }/; s/replica: dal-02 }/replica: dal-01 }/' "$INV" >"$work/dup.yaml"
grep -q 'name: ch4.*replica: dal-01 }' "$work/dup.yaml" || fail "could not rename ch4's replica"
rc=0
"$DRCTL" run ch_rebuild_one --node ch4 --from chicago --session-wait 3 --yes -i "$work/dup.yaml" \
    --state-dir "$state" --runbooks "$SRC/tests/runbooks" >"$work/dup.out" 2>&1 || rc=$?
[ $rc -eq 3 ] || fail "ch4 named dal-01: exit $rc, expected 3 (refused): $(tail -3 "$work/dup.out")"
grep -q "replica /clickhouse/cluster1/tables/0/events/replicas/dal-01 is active" "$work/dup.out" ||
    fail "the refusal does not name the active replica: $(tail -3 "$work/dup.out")"
grep -q "to unblock: stop the server running as that replica" "$work/dup.out" ||
    fail "the refusal does not say what to do: $(tail -3 "$work/dup.out")"
[ "$(q ch4 "SELECT count() FROM system.tables WHERE database != 'system'")" = 0 ] ||
    fail "the refused step created tables on ch4"
pass "ch4 under the name of the running dal-01: refused, nothing created"
t0=$(now_ms)
one run ch_rebuild_one --node ch4 --from chicago --yes >"$work/one.out" 2>&1 ||
    fail "recreating ch4's tables failed: $(tail -5 "$work/one.out")"
grep -q "ch4: attach default.events (replica /clickhouse/cluster1/tables/0/events/replicas/dal-02)" \
    "$work/one.out" || fail "ch4's default.events was not attached: $(tail -5 "$work/one.out")"
ch4_back() { [ "$(count ch4 default.events)" = "$(count ch1 default.events)" ]; }
wait_until 60 ch4_back || fail "ch4 has $(count ch4 default.events) rows, ch1 $(count ch1 default.events)"
pass "ch4 rebuilt alone: tables attached, $(count ch4 default.events) rows fetched in $(($(now_ms) - t0)) ms"
insert_events ch1 100
wait_until 60 all_tagged || fail "rows written on ch1 did not reach every replica"
dr run marker --yes >/dev/null 2>&1 || fail "marker run failed"

# the disaster, and the failover
for h in zk1 zk2 zk3 ch1 ch2; do tests_lab kill "$h"; done
t0=$(now_ms)
dr run failover --to dallas --yes >"$work/failover.out" 2>&1 ||
    fail "failover failed: $(tail -5 "$work/failover.out")"
pass "failover to dallas in $(($(now_ms) - t0)) ms"

# dallas, now primary, gets a new database and table (literal replica
# names) that chicago never had, and rows in both tables
for h in ch3:dal-01 ch4:dal-02; do
    ch_query ${h%:*} "CREATE DATABASE IF NOT EXISTS rebuild_t" >/dev/null || fail "create database on $h"
    ch_query ${h%:*} "CREATE TABLE rebuild_t.items (d Date, x UInt64) ENGINE = ReplicatedMergeTree(
        '/clickhouse/cluster1/tables/0/rebuild_t_items', '${h#*:}', d, x, 8192)" >/dev/null ||
        fail "create table on $h"
done
ch_query ch3 "INSERT INTO rebuild_t.items SELECT today(), number FROM system.numbers LIMIT 50" >/dev/null ||
    fail "insert into rebuild_t.items refused"
insert_events ch3 100
insert_events ch4 70

# chicago comes back; ch1 rebuilt: its configs kept, its path emptied
rm -rf "${LAB_DIR:?}/hosts/ch1/data/"*
# the failover fenced chicago for good (disable): power it on as an operator would
for h in zk1 zk2 zk3 ch1 ch2; do tests_lab enable "$h"; done
for h in zk1 zk2 zk3; do tests_lab start "$h"; done
serving() { case $(mode zk1)$(mode zk2)$(mode zk3) in *leader*) return 0 ;; esac; return 1; }
wait_until 60 serving || fail "chicago's old keepers did not form their old quorum"
for h in ch2 ch1; do tests_lab start "$h"; done
[ "$(q ch1 "SELECT count() FROM system.tables WHERE database != 'system'")" = 0 ] ||
    fail "ch1 is not empty after its rebuild"

# a table ch1 has that is not what a rebuilt host has: refused, unchanged
ch_query ch1 "CREATE TABLE default.heartbeat (d Date, site_id String, updated_at DateTime)
    ENGINE = MergeTree(d, (site_id), 8192)" >/dev/null || fail "create a local heartbeat on ch1"
rc=0
dr plan recover --site chicago >"$work/refused.out" 2>&1 || rc=$?
[ $rc -eq 3 ] || fail "plan with a local default.heartbeat on ch1: exit $rc, expected 3 (refused): $(tail -3 "$work/refused.out")"
grep -q "ch1: cannot recreate default.heartbeat: ch1 has it with engine MergeTree" "$work/refused.out" ||
    fail "the refusal does not say why: $(tail -3 "$work/refused.out")"
grep -q "to unblock: drop or rename default.heartbeat on ch1" "$work/refused.out" ||
    fail "the refusal does not say what to do: $(tail -3 "$work/refused.out")"
ch_query ch1 "DROP TABLE default.heartbeat" >/dev/null
pass "a non-replicated default.heartbeat on ch1 is refused, with what to do"

# the plan: the exact statements, and nothing changed
snapshot >"$work/snap.before"
dr plan recover --site chicago >"$work/plan.out" 2>&1 || fail "plan recover failed: $(tail -5 "$work/plan.out")"
snapshot >"$work/snap.after"
cmp -s "$work/snap.before" "$work/snap.after" || fail "the plan of recover changed files of the lab"
[ "$(q ch1 "SELECT count() FROM system.tables WHERE database != 'system'")" = 0 ] ||
    fail "the plan of recover created tables on ch1"
[ "$(q ch2 "SELECT count() FROM system.databases WHERE name = 'rebuild_t'")" = 0 ] ||
    fail "the plan of recover created a database on ch2"
ch1=$(lab_addr ch1):8123
expect() { grep -qF -- "$1" "$work/plan.out" || fail "the plan lacks: $1"; }
expect "$ch1: ATTACH TABLE default.events ( d Date,  x UInt64,  site String,  payload String) ENGINE = ReplicatedMergeTree('/clickhouse/{cluster}/tables/{shard}/events', '{replica}', d, x, 8192)"
expect "$ch1: ATTACH TABLE default.heartbeat ( d Date,  site_id String,  updated_at DateTime) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/{cluster}/tables/{shard}/heartbeat', '{replica}', d, site_id, 8192, updated_at)"
for h in ch1 ch2; do
    a=$(lab_addr $h):8123
    expect "$a: CREATE DATABASE rebuild_t"
    expect "$a: CREATE TABLE rebuild_t.items ( d Date,  x UInt64) ENGINE = ReplicatedMergeTree('/clickhouse/cluster1/tables/0/rebuild_t_items', 'chi-0${h#ch}', d, x, 8192)"
done
[ "$(grep -c ": ATTACH TABLE\|: CREATE TABLE\|: CREATE DATABASE" "$work/plan.out")" = 6 ] ||
    fail "the plan has other statements than the 6 expected: $(grep ': ATTACH\|: CREATE' "$work/plan.out")"
pass "plan of recover: 2 ATTACH on ch1, CREATE DATABASE + TABLE on ch1 and ch2, nothing changed"

# the real recovery
t0=$(now_ms)
dr run recover --site chicago >"$work/recover.out" 2>&1 || fail "recover failed: $(tail -8 "$work/recover.out")"
pass "recover in $(($(now_ms) - t0)) ms"
for h in zk1 zk2 zk3; do [ "$(mode $h)" = observer ] || fail "$h is $(mode $h), expected observer"; done
[ "$(q ch1 "SELECT replica_name, zookeeper_path FROM system.replicas WHERE table = 'events' FORMAT TSV")" = \
    "chi-01	/clickhouse/cluster1/tables/0/events" ] || fail "ch1's default.events is not replica chi-01"
[ "$(q ch2 "SELECT replica_name FROM system.replicas WHERE table = 'items'")" = chi-02 ] ||
    fail "ch2's rebuild_t.items is not replica chi-02"
same_rows() {
    local t n3
    for t in default.events rebuild_t.items; do
        n3=$(count ch3 $t)
        [ "$n3" -gt 0 ] && [ "$(count ch1 $t)" = "$n3" ] && [ "$(count ch2 $t)" = "$n3" ] &&
            [ "$(count ch4 $t)" = "$n3" ] || return 1
    done
}
# the recovery's catch-up gate already waited: the rows are there now
same_rows || fail "rows differ after recover: events $(for h in ch1 ch2 ch3 ch4; do printf '%s=%s ' $h "$(count $h default.events)"; done), items $(for h in ch1 ch2 ch3 ch4; do printf '%s=%s ' $h "$(count $h rebuild_t.items)"; done)"
[ "$(count ch1 rebuild_t.items)" = 50 ] && all_tagged || fail "rows missing on ch1"
pass "ch1 rebuilt: default.events $(count ch1 default.events) rows, rebuild_t.items 50 rows, as on ch2-ch4"

# failback: the initial topology again, rows written on chicago reach all
dr run failback --to chicago --yes >"$work/failback.out" 2>&1 ||
    fail "failback failed: $(tail -8 "$work/failback.out")"
initial_topology || fail "not in the initial topology after failback"
insert_events ch1 30
wait_until 60 all_tagged || fail "rows written on ch1 after failback did not reach every replica"
for h in ch1 ch2 ch3 ch4; do
    ch_query $h "DROP TABLE rebuild_t.items" >/dev/null && ch_query $h "DROP DATABASE rebuild_t" >/dev/null ||
        fail "cannot drop rebuild_t on $h"
done
pass "failback: initial topology, $inserted tagged rows on every replica"
