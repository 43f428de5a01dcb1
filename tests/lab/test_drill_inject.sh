#!/usr/bin/env bash
# drctl drill --full --inject kill-drctl: the drill's switchover to dallas
# runs as a child drctl that is SIGKILLed after its third effect and then
# resumed; the drill reports that the switch converged, with RTO and RPO, in
# every report format (text, JSON, JUnit, Prometheus, Markdown, HTML), and
# the lab is back home afterwards (the drill switches back).  A bad --inject
# is refused before anything runs.  Then the same for --inject
# restart-standby-keeper (zk4 restarted while the switch is inside a step:
# its server pid changes) and --inject drop-ssh (the switch's SSH sessions
# cut: the run stops or not, and converges), in text, JSON, Prometheus and
# HTML.
set -euo pipefail
. "$(dirname "$0")/testlib.sh"
: "${DRCTL:?}"
SRC=${DRCTL_SOURCE_DIR:?}
INV=${DRCTL_LAB_INVENTORY:-$SRC/sites/lab.yaml}
work=$(mktemp -d)
finish() {
    local rc=$?
    if [ $rc -ne 0 ]; then
        cp -r "$work" "/tmp/test_drill_inject.$$" 2>/dev/null && echo "$TEST_NAME: state kept in /tmp/test_drill_inject.$$" >&2
        "$SRC/tests/lab/lab" reset >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
}
trap finish EXIT
drill() { "$DRCTL" drill -i "$INV" --state-dir "$work/state" "$@"; }

rc=0
drill --inject kill-drctl >"$work/bad.out" 2>&1 || rc=$?
[ $rc = 2 ] && grep -q "needs --full" "$work/bad.out" || fail "--inject without --full: exit $rc: $(cat "$work/bad.out")"
rc=0
drill --full --inject cosmic-ray >"$work/bad.out" 2>&1 || rc=$?
[ $rc = 2 ] && grep -q "unknown fault" "$work/bad.out" || fail "unknown fault: exit $rc: $(cat "$work/bad.out")"
[ ! -d "$work/state/runs" ] || [ -z "$(ls "$work/state/runs")" ] || fail "a refused --inject ran something"

# a heartbeat on the primary, so that the readiness checks see a fresh lag
ch_query ch1 "INSERT INTO default.heartbeat VALUES (today(), 'chicago', now())" >/dev/null
t0=$(now_ms)
rc=0
drill --full --yes --rows 50 --inject kill-drctl --json-file "$work/d.json" --report "$work/d.xml" \
    --metrics "$work/d.prom" --markdown "$work/d.md" --html "$work/d.html" >"$work/d.txt" 2>"$work/d.err" || rc=$?
[ $rc = 0 ] || fail "drill --inject kill-drctl exited $rc: $(tail -20 "$work/d.txt"; tail -20 "$work/d.err")"
grep -q "inject kill-drctl: killed run" "$work/d.err" || fail "the drill never killed its switchover: $(tail "$work/d.err")"
python3 - "$work/d.json" <<'PY' || fail "d.json: $(head -c 800 "$work/d.json")"
import json, sys
d = json.load(open(sys.argv[1]))
c = [c for c in d["checks"] if c["name"] == "inject kill-drctl"]
assert len(c) == 1 and c[0]["status"] == "pass", c
assert "converged" in c[0]["value"] and "killed and resumed" in c[0]["value"], c[0]["value"]
assert d["rto_seconds"] and d["rto_seconds"] > 0, d["rto_seconds"]
assert d["rpo_rows"] == 0, d["rpo_rows"]
PY
grep -q 'inject kill-drctl' "$work/d.txt" || fail "text report lacks the inject check"
grep -q 'name="inject kill-drctl"' "$work/d.xml" || fail "JUnit lacks the inject check"
grep -q 'inject kill-drctl' "$work/d.prom" || fail "Prometheus lacks the inject check: $(grep -c . "$work/d.prom") lines"
grep -q 'inject kill-drctl' "$work/d.md" || fail "Markdown lacks the inject check"
grep -q 'inject kill-drctl' "$work/d.html" || fail "HTML lacks the inject check"
for h in zk1 zk2 zk3; do
    case $(zk_4lw $h srvr | sed -n 's/^Mode: //p') in leader | follower) ;; *) fail "$h is not voting after the drill: home topology lost" ;; esac
done
[ "$(zk_4lw zk4 srvr | sed -n 's/^Mode: //p')" = observer ] || fail "zk4 is not an observer after the drill"
rto=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["rto_seconds"])' "$work/d.json")
pass "full drill with drctl killed mid-switch and resumed: converged, RTO $rto s, RPO 0, in every format ($(($(now_ms) - t0)) ms)"

home() {
    for h in zk1 zk2 zk3; do
        case $(zk_4lw $h srvr | sed -n 's/^Mode: //p') in leader | follower) ;; *) fail "$1: $h is not voting after the drill" ;; esac
    done
    [ "$(zk_4lw zk4 srvr | sed -n 's/^Mode: //p')" = observer ] || fail "$1: zk4 is not an observer after the drill"
}
# inject FAULT PATTERN: one full drill with FAULT; the check "inject FAULT"
# passes with PATTERN in its value, in text, JSON, Prometheus and HTML.  A
# state directory of its own: the last drill's switch back would hold it
# within the switch cooldown.
inject() {
    local f=$1 pat=$2 t0 rc=0
    t0=$(now_ms)
    "$DRCTL" drill -i "$INV" --state-dir "$work/state-$f" --full --yes --rows 20 --inject "$f" --json-file "$work/$f.json" --metrics "$work/$f.prom" \
        --html "$work/$f.html" >"$work/$f.txt" 2>"$work/$f.err" || rc=$?
    [ $rc = 0 ] || fail "drill --inject $f exited $rc: $(grep -E "inject|failed" "$work/$f.txt" "$work/$f.err" | tail -8)"
    grep -q "inject $f: " "$work/$f.err" || fail "the drill never injected $f: $(tail -5 "$work/$f.err")"
    python3 - "$work/$f.json" "$f" "$pat" <<'PY' || fail "$f.json: $(grep -o '"inject[^}]*' "$work/$f.json")"
import json, re, sys
d = json.load(open(sys.argv[1]))
c = [c for c in d["checks"] if c["name"] == "inject " + sys.argv[2]]
assert len(c) == 1 and c[0]["status"] == "pass", c
assert c[0]["value"].startswith("converged") and re.search(sys.argv[3], c[0]["value"]), c[0]["value"]
assert d["rto_seconds"] and d["rto_seconds"] > 0, d["rto_seconds"]
assert d["rpo_rows"] == 0, d["rpo_rows"]
PY
    grep -q "inject $f .*converged" "$work/$f.txt" || fail "text report lacks the inject $f check"
    grep -q "check=\"inject $f\"} 0" "$work/$f.prom" || fail "Prometheus lacks a passing inject $f check"
    grep -q "inject $f" "$work/$f.html" || fail "HTML lacks the inject $f check"
    home "$f"
    pass "drill --inject $f: $(grep -o '"value": *"converged[^"]*' "$work/$f.json" | cut -d'"' -f4), RPO 0, in text/JSON/Prometheus/HTML ($(($(now_ms) - t0)) ms)"
}

inject restart-standby-keeper 'a standby keeper restarted mid-step'
# the restart is a journaled run of its own: zk4 stopped and started, then serving
"$DRCTL" runs --state-dir "$work/state-restart-standby-keeper/inject" >"$work/inject-runs.txt" 2>&1 || true
grep -E "drill_fault +ok " "$work/inject-runs.txt" >/dev/null ||
    fail "no finished keeper restart journaled in $work/state-restart-standby-keeper/inject: $(cat "$work/inject-runs.txt")"
grep -q "restart zk4" "$work/state-restart-standby-keeper/inject/runs/"*/journal.lua || fail "the journaled restart is not zk4's"
inject drop-ssh '[1-9][0-9]* SSH sessions? dropped'
