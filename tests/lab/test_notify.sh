#!/usr/bin/env bash
# Webhooks and dr.http against a small HTTP server this test starts on the
# lab's net (NET.30, a port of its own), which records what it receives:
#  - a rehearsal sends nothing (no webhook, no dr.http request) and its plan
#    shows the request;
#  - a real run of the load-balancer example: start, the PUT (retried once
#    after a 503), end (ok);
#  - a run whose step fails: start, step_failed (naming the step), end;
#  - a refused run: start, refused, end (refused);
# each event with the run id and the runbook, in this order.
set -euo pipefail
. "$(dirname "$0")/testlib.sh"
: "${DRCTL:?}"
SRC=${DRCTL_SOURCE_DIR:?}
work=$(mktemp -d)
ADDR=$LAB_NET.30
pid=
finish() {
    if [ -n "$pid" ]; then
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true # killed by TERM: not this test's status
    fi
    rm -rf "$work"
}
trap finish EXIT
python3 "$SRC/tests/lab/http_recorder.py" "$ADDR" "$work/got.jsonl" "$work/port" &
pid=$!
wait_until 10 test -s "$work/port" || fail "the recorder did not start on $ADDR"
PORT=$(cat "$work/port")
URL=http://$ADDR:$PORT
: >"$work/got.jsonl"

# the lab inventory with a webhook
sed -e "/^sites:/i notify:\n  - url: $URL/hook\n    timeout: 5" "$SRC/sites/lab.yaml" >"$work/inv.yaml"
"$DRCTL" inventory check -i "$work/inv.yaml" >/dev/null || fail "inventory with notify: invalid"
dr() { "$DRCTL" "$@" -i "$work/inv.yaml" --state-dir "$work/state"; }
LB=$SRC/runbooks/examples/lb_switch.lua
LBARGS=(--api "$URL/flaky/lb" --record db.example --target dallas --address "$LAB_NET.23")

# --- rehearsal: nothing sent, the request in the plan
dr plan "$LB" "${LBARGS[@]}" >"$work/plan.out" 2>&1 || fail "plan: $(cat "$work/plan.out")"
grep -q "PUT $URL/flaky/lb/records/db.example" "$work/plan.out" ||
    fail "the plan does not show the request: $(cat "$work/plan.out")"
[ ! -s "$work/got.jsonl" ] || fail "a rehearsal sent something: $(cat "$work/got.jsonl")"
pass "rehearsal: request shown in the plan, nothing sent"

# --- real runs
dr run "$LB" "${LBARGS[@]}" --yes >"$work/lb.out" 2>&1 || fail "lb_switch: $(tail -5 "$work/lb.out")"
set +e
dr run "$SRC/tests/runbooks/notify_events.lua" --how fail --yes >"$work/fail.out" 2>&1
rc_fail=$?
dr run "$SRC/tests/runbooks/notify_events.lua" --how refuse --yes >"$work/refuse.out" 2>&1
rc_refuse=$?
set -e
[ $rc_fail -eq 1 ] || fail "the failing run exited $rc_fail, expected 1"
[ $rc_refuse -eq 3 ] || fail "the refused run exited $rc_refuse, expected 3"

python3 - "$work/got.jsonl" "$URL" <<'PY' || fail "webhook events: see above"
import json, sys
got = [json.loads(l) for l in open(sys.argv[1])]
seq = []
for g in got:
    if g["path"] == "/hook":
        b = json.loads(g["body"])
        assert b["run_id"] and b["runbook"] and b["mode"] == "real", b
        seq.append("%s:%s:%s:%s" % (b["event"], b["runbook"], b["status"] or "-", b["step"] or "-"))
    else:
        seq.append("%s %s" % (g["method"], g["path"]))
want = [
    "start:lb_switch:-:-",
    "PUT /flaky/lb/records/db.example",  # 503: retried
    "PUT /flaky/lb/records/db.example",
    "end:lb_switch:ok:-",
    "start:notify_events:-:-",
    "step_failed:notify_events:failed:breaks",
    "end:notify_events:failed:-",
    "start:notify_events:-:-",
    "refused:notify_events:refused:-",
    "end:notify_events:refused:-",
]
if seq != want:
    print("got:\n  " + "\n  ".join(seq) + "\nwant:\n  " + "\n  ".join(want), file=sys.stderr)
    sys.exit(1)
put = [g for g in got if g["method"] == "PUT"][-1]
assert json.loads(put["body"])["site"] == "dallas", put
PY
pass "webhooks: start, step_failed, refused, end in order; dr.http PUT retried after a 503"
