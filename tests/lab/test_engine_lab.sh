#!/usr/bin/env bash
# The engine against the lab's real hosts: a rehearsal changes nothing (file
# hashes and processes identical) and shows the diffs the real run applies;
# rollback restores every changed file byte for byte; a second concurrent
# run is refused; no secret of the lab appears in any output or journal.
set -euo pipefail
. "$(dirname "$0")/testlib.sh"
: "${DRCTL:?}"
SRC=${DRCTL_SOURCE_DIR:?}
INV=$SRC/sites/lab.yaml
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
state=$work/state
run() { "$DRCTL" "$@" -i "$INV" --state-dir "$state" --runbooks "$SRC/tests/runbooks"; }

snapshot() {
    lab_files_snapshot
    for f in "$LAB_DIR"/hosts/*/run/*.pid; do [ -f "$f" ] && echo "$f $(cat "$f")"; done
    zk_4lw zk1 srvr | grep -E 'Mode' || true
}

snapshot >"$work/before"
run plan lab_touch --tag t1 --json >"$work/plan.json" 2>"$work/plan.err" ||
    fail "plan failed: $(cat "$work/plan.err")"
run plan lab_touch --tag t1 >"$work/plan.txt" 2>>"$work/plan.err"
snapshot >"$work/after-plan"
diff -u "$work/before" "$work/after-plan" >&2 || fail "the rehearsal changed the lab"
[ ! -e "$LAB_DIR/hosts/ch4/config.d/macros.xml.drctl-exec" ] || fail "the rehearsal ran a command"
grep -q '+# drctl lab test t1' "$work/plan.txt" || fail "the plan does not show the zoo.cfg diff"
pass "rehearsal changed nothing and shows its diffs"

run run lab_touch --tag t1 --yes --json >"$work/run.json" 2>"$work/run.err" ||
    fail "real run failed: $(cat "$work/run.err")"
grep -q '# drctl lab test t1' "$LAB_DIR/hosts/zk6/conf/zoo.cfg" || fail "zoo.cfg not changed"
[ -e "$LAB_DIR/hosts/ch4/config.d/macros.xml.drctl-exec" ] || fail "the command did not run"
grep -o '"diff_sha256":"[0-9a-f]*"' "$work/plan.json" >"$work/plan.diffs"
grep -o '"diff_sha256":"[0-9a-f]*"' "$work/run.json" >"$work/run.diffs"
[ "$(wc -l <"$work/plan.diffs")" -ge 4 ] || fail "expected at least 4 diffs in the plan"
diff -u "$work/plan.diffs" "$work/run.diffs" >&2 || fail "the real run applied other diffs than the plan showed"
pass "the real run applied exactly the plan's $(wc -l <"$work/plan.diffs") diffs"

# a second run while one holds the lock is refused, naming the holder
exec 9>"$state/lock"
flock -n 9 || fail "could not take the lock for the test"
echo "run 20990101-000000-00000 (test) by pid $$ on test since 2099-01-01T00:00:00Z" >&9
set +e
run run lab_touch --tag t2 --yes >"$work/second.out" 2>"$work/second.err"
rc=$?
set -e
exec 9>&-
[ $rc -eq 3 ] || fail "a second concurrent run exited $rc, expected 3"
grep -q 'since 2099' "$work/second.err" || fail "the refusal does not say who holds the lock"
pass "a second concurrent run is refused (exit 3) naming the holder"

id=$(run runs --json | grep -o '"run":"[^"]*"' | tail -1 | cut -d'"' -f4)
[ -n "$id" ] || fail "no run listed"
run rollback "$id" >"$work/rb.out" 2>"$work/rb.err" || fail "rollback failed: $(cat "$work/rb.err")"
rm -f "$LAB_DIR/hosts/ch4/config.d/macros.xml.drctl-exec"
snapshot >"$work/after-rollback"
diff -u "$work/before" "$work/after-rollback" >&2 || fail "rollback did not restore every file"
pass "rollback restored every file byte for byte"

# secrets: neither the digest password nor the ClickHouse password appears
zk_secret=$(cut -d: -f2- "$LAB_DIR/secrets/zk_super")
ch_secret=$(cat "$LAB_DIR/secrets/ch_password")
for s in "$zk_secret" "$ch_secret"; do
    [ ${#s} -ge 8 ] || fail "lab secret too short to search for"
    if grep -rqF -- "$s" "$work" "$state"; then
        fail "a lab secret appears in $(grep -rlF -- "$s" "$work" "$state" | head -3)"
    fi
done
pass "no lab secret in any output, journal or checkpoint"
