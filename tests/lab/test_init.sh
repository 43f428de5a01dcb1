#!/usr/bin/env bash
# drctl init creates the heartbeat table where it is missing: ch4 loses
# its replica of default.heartbeat (DROP TABLE on ch4 alone), `drctl init`
# recreates it there with the schema and ZooKeeper path the others have,
# the replica fetches the rows again, the servers that had it are left
# alone, and the run says how to run the writer.  The drill's heartbeat
# check then reads it on the standby.
set -euo pipefail
. "$(dirname "$0")/testlib.sh"
: "${DRCTL:?}"
INV=${DRCTL_SOURCE_DIR:?}/sites/lab.yaml
work=$(mktemp -d)
# whatever happens, ch4 ends with its replica (the lab's own DDL)
restore() {
    ch_query ch4 "CREATE TABLE IF NOT EXISTS default.heartbeat (d Date, site_id String, updated_at DateTime)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/{cluster}/tables/{shard}/heartbeat', '{replica}', d, (site_id), 8192, updated_at)" >/dev/null || true
    rm -rf "$work"
}
trap restore EXIT

schema() { ch_query "$1" "SELECT engine_full FROM system.tables WHERE database = 'default' AND name = 'heartbeat'"; }
want=$(schema ch3)
[ -n "$want" ] || fail "ch3 has no heartbeat table to compare with"
ch_query ch1 "INSERT INTO default.heartbeat VALUES (today(), 'init-test', now())" >/dev/null
ch_query ch4 "DROP TABLE default.heartbeat" >/dev/null
[ -z "$(schema ch4)" ] || fail "the table is still on ch4"

"$DRCTL" plan init -i "$INV" --state-dir "$work/state" >"$work/plan.txt" 2>&1 ||
    fail "plan init failed: $(cat "$work/plan.txt")"
grep -qF "$(lab_addr ch4):8123: CREATE TABLE IF NOT EXISTS default.heartbeat" "$work/plan.txt" ||
    fail "the plan does not show the CREATE on ch4: $(cat "$work/plan.txt")"
[ -z "$(schema ch4)" ] || fail "the rehearsal created the table"
pass "plan init shows the CREATE on ch4 and changes nothing"

"$DRCTL" init -i "$INV" --state-dir "$work/state" >"$work/init.out" 2>&1 ||
    fail "drctl init failed: $(cat "$work/init.out")"
[ "$(schema ch4)" = "$want" ] || fail "ch4's table is not the others': $(schema ch4) vs $want"
grep -q "systemctl enable --now drctl-heartbeat.timer" "$work/init.out" ||
    fail "init does not say how to run the writer: $(cat "$work/init.out")"
run=$("$DRCTL" runs --state-dir "$work/state" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["runs"][-1]["run"])')
"$DRCTL" runs "$run" --state-dir "$work/state" --json >"$work/run.json"
python3 - "$work/run.json" <<'PY' || fail "the journal does not show one CREATE, on ch4 only"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["schema"] == "drctl.run-journal/1" and d["status"] == "ok", d
creates = [e["host"] for s in d["steps"] for e in s["effects"] if "CREATE TABLE" in (e.get("summary") or "")]
assert len(creates) == 1 and creates[0].startswith("127.") and creates[0].endswith(".24:8123"), creates
PY
count() { ch_query "$1" "SELECT count() FROM default.heartbeat WHERE site_id = 'init-test'"; }
same_rows() { [ "$(count ch4)" = "$(count ch1)" ]; }
wait_until 60 same_rows ||
    fail "ch4's new replica did not fetch the rows"
pass "drctl init recreated ch4's replica (same schema, rows fetched) and left ch1-ch3 alone"

"$DRCTL" init -i "$INV" --state-dir "$work/state" >"$work/again.out" 2>&1 || fail "a second init failed"
pass "a second init is a no-op run"
