#!/usr/bin/env bash
# The CLI without a lab: help for every command and runbook (no inventory
# needed), and the --json shape of every command that runs without hosts:
# each document one object with a "schema", durations in *_seconds, no
# millisecond fields, instants as ISO 8601 strings.  (status and drill
# --json are checked against the lab: tests/lab/test_first_contact.sh.)
set -euo pipefail
# Runnable alone: the source tree is this script's, drctl the test build's.
DRCTL_SOURCE_DIR=${DRCTL_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
DRCTL_BUILD_DIR=${DRCTL_BUILD_DIR:-$DRCTL_SOURCE_DIR/build/test}
DRCTL=${DRCTL:-$DRCTL_BUILD_DIR/drctl}
: "${DRCTL:?}" "${DRCTL_SOURCE_DIR:?}"
src=$DRCTL_SOURCE_DIR
fail() { echo "test_cli: FAIL: $*" >&2; exit 1; }
# grep -q that reads all its input first: under pipefail a producer killed by
# SIGPIPE after an early match would fail the pipeline (tests/lab/testlib.sh)
has() { local in; in=$(cat); grep -q "$@" <<<"$in"; }
pass() { echo "test_cli: ok: $*"; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DRCTL_INVENTORY=  # no inventory anywhere: help must not need one
export NO_COLOR=1

# help: every command, both spellings
for c in status drill plan run init resume rollback runs version inventory help; do
    "$DRCTL" help "$c" >"$work/h1" 2>&1 || fail "drctl help $c failed: $(cat "$work/h1")"
    grep -q "usage: drctl $c" "$work/h1" || fail "drctl help $c: no usage line: $(cat "$work/h1")"
    [ "$c" = help ] && continue
    "$DRCTL" "$c" --help >"$work/h2" 2>&1 || fail "drctl $c --help failed: $(cat "$work/h2")"
    grep -q "usage: drctl $c" "$work/h2" || fail "drctl $c --help: $(cat "$work/h2")"
done
"$DRCTL" drill --help -i /nonexistent.yaml >/dev/null || fail "drill --help looked at the inventory"
rc=0
"$DRCTL" help nosuch >/dev/null 2>&1 || rc=$?
[ "$rc" -eq 2 ] || fail "help for an unknown command exited $rc"
pass "help and --help for every command, without an inventory"

# a runbook's parameters, from its params table
"$DRCTL" plan failover --help >"$work/fo" || fail "plan failover --help failed"
grep -qE '^  --to VALUE +the site to promote \(the standby\) \(required\)' "$work/fo" ||
    fail "plan failover --help does not list --to: $(cat "$work/fo")"
"$DRCTL" help run recover >"$work/rc" || fail "help run recover failed"
grep -qE -- '--catch-up-timeout VALUE .*\(default 300\)' "$work/rc" ||
    fail "help run recover does not list --catch-up-timeout with its default: $(cat "$work/rc")"
grep -qE -- '--site VALUE .*\(required\)' "$work/rc" || fail "help run recover lacks --site"
"$DRCTL" help plan >"$work/list"
for rb in failover recover failback switchover init; do
    grep -qE "^  $rb +" "$work/list" || fail "help plan does not list the runbook $rb"
done
rc=0
"$DRCTL" plan nosuch --help >"$work/ns" 2>&1 || rc=$?
[ "$rc" -eq 2 ] && grep -q "runbook 'nosuch' not found" "$work/ns" || fail "help of a missing runbook: $rc $(cat "$work/ns")"
pass "plan/run RUNBOOK --help list the runbook's parameters; help plan lists the runbooks"

# a site's own copy of a runbook, in --runbooks DIR, is the one found
mkdir -p "$work/site-runbooks"
sed 's/^    description = .*/    description = "the site copy: failover with a DNS step",/' \
    "$src/runbooks/failover.lua" >"$work/site-runbooks/failover.lua"
grep -q "the site copy" "$work/site-runbooks/failover.lua" || fail "could not make the site copy"
"$DRCTL" plan failover --help --runbooks "$work/site-runbooks" >"$work/copy" 2>&1 ||
    fail "plan failover --help --runbooks failed: $(cat "$work/copy")"
grep -q "the site copy" "$work/copy" || fail "--runbooks DIR/failover.lua was not the one found: $(cat "$work/copy")"
"$DRCTL" plan failover --help >"$work/installed" 2>&1
grep -q "the site copy" "$work/installed" && fail "the site copy was found without --runbooks"
pass "--runbooks DIR is searched first: the site's failover.lua, not the installed one"

# JSON shapes: check FILE SCHEMA, python asserts the conventions
shape() {
    python3 - "$1" "$2" <<'PY'
import json, re, sys
doc = json.load(open(sys.argv[1]))
assert isinstance(doc, dict), "not an object"
assert doc.get("schema") == sys.argv[2], "schema %r, expected %r" % (doc.get("schema"), sys.argv[2])
iso = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z$")
def walk(v, path):
    if isinstance(v, dict):
        for k, x in v.items():
            assert not k.endswith("_ms") and k != "ms", "%s.%s: milliseconds field" % (path, k)
            if k.endswith("_seconds"):
                assert x is None or isinstance(x, (int, float)), "%s.%s not a number" % (path, k)
            if k in ("time", "started", "ended"):
                assert isinstance(x, str) and iso.match(x), "%s.%s=%r not ISO 8601" % (path, k, x)
            walk(x, path + "." + k)
    elif isinstance(v, list):
        for i, x in enumerate(v):
            walk(x, "%s[%d]" % (path, i))
walk(doc, "$")
PY
}
st=$work/state
rb=$src/tests/runbooks/json_shapes.lua
"$DRCTL" plan "$rb" --json --state-dir "$st" >"$work/plan.json" || fail "plan --json failed"
shape "$work/plan.json" drctl.run/1 || fail "plan --json"
"$DRCTL" run "$rb" --yes --json --state-dir "$st" >"$work/run.json" 2>/dev/null || fail "run failed"
shape "$work/run.json" drctl.run/1 || fail "run --json"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["status"]=="ok" and [s["name"] for s in d["steps"]]==["first t1","second"] and all(s["duration_seconds"]>=0 for s in d["steps"]), d' \
    "$work/run.json" || fail "run --json lacks its steps"
"$DRCTL" run "$rb" --yes --fail 1 --state-dir "$st" -q >/dev/null 2>&1 && fail "the failing run passed"
"$DRCTL" runs --json --state-dir "$st" >"$work/runs.json" || fail "runs --json failed"
shape "$work/runs.json" drctl.runs/1 || fail "runs --json"
python3 - "$work/runs.json" <<'PY' || fail "runs --json does not list the two runs"
import json, sys
runs = json.load(open(sys.argv[1]))["runs"]
assert [r["status"] for r in runs] == ["ok", "failed"], runs
assert runs[1]["params"] == {"tag": "t1", "fail": "1"}, runs[1]
PY
id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["runs"][1]["run"])' "$work/runs.json")
"$DRCTL" runs "$id" --json --state-dir "$st" >"$work/one.json" || fail "runs RUN --json failed"
shape "$work/one.json" drctl.run-journal/1 || fail "runs RUN --json"
python3 - "$work/one.json" <<'PY' || fail "runs RUN --json is not the structured run"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["runbook"] == "json_shapes" and d["status"] == "failed", d
assert "asked to fail" in d["error"], d["error"]
steps = d["steps"]
assert [(s["n"], s["name"], s["status"]) for s in steps] == [(1, "first t1", "ok"), (2, "second", "failed")], steps
assert all(isinstance(s["effects"], list) for s in steps), steps
assert "t" not in d and all("t" not in s for s in steps), "raw journal records"
PY
"$DRCTL" drill --history --json --state-dir "$st" >"$work/hist.json" || fail "drill --history --json failed"
shape "$work/hist.json" drctl.drill-history/1 || fail "drill --history --json"
printf '%s\n' '{"time_ms":1700000000000,"kind":"full","ready":true,"rto_seconds":8,"lag_seconds":1}' \
    '{"time_ms":1700000100000,"kind":"full","ready":true,"rto_seconds":30,"lag_seconds":1}' \
    >"$st/drill-history.jsonl"
rc=0
"$DRCTL" drill --history --json --state-dir "$st" >"$work/hist2.json" || rc=$?
[ "$rc" -eq 1 ] || fail "a regression in the history exited $rc, expected 1"
shape "$work/hist2.json" drctl.drill-history/1 || fail "drill --history --json with drills"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["regression"] and len(d["drills"])==2 and d["drills"][1]["rto_seconds"]==30 and "RTO" in d["regressions"][0], d' \
    "$work/hist2.json" || fail "drill --history --json lacks the regression"
"$DRCTL" inventory show --json -i "$src/sites/example.yaml" >"$work/inv.json" || fail "inventory show --json failed"
shape "$work/inv.json" drctl.inventory/1 || fail "inventory show --json"
pass "plan, run, runs, runs RUN, drill --history, inventory show: --json objects with a schema, seconds, ISO times"

# colour: never in a pipe, even when asked for by nothing
"$DRCTL" drill --history --state-dir "$st" | has $'\033' && fail "colour written to a pipe"
pass "no colour in a pipe"
