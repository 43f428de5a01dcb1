#!/usr/bin/env bash
# A three-step runbook against a lab host, SIGKILLed in the middle of each of
# its steps in turn (after the step's write, while it waits), then resumed:
# every time the files end as an uninterrupted run leaves them, and the
# interrupted run's journal says it finished.
set -euo pipefail
. "$(dirname "$0")/testlib.sh"
: "${DRCTL:?}"
SRC=${DRCTL_SOURCE_DIR:?}
INV=$SRC/sites/lab.yaml
work=$(mktemp -d)
dir=$LAB_DIR/hosts/zk6/drctl-resume-test
trap 'rm -rf "$work" "$dir"' EXIT
dr() { "$DRCTL" "$@" -i "$INV" --state-dir "$work/state" --runbooks "$SRC/tests/runbooks"; }
journal_has() { grep -qF "$2" "$work/state/runs/$1/journal.lua" 2>/dev/null; }

# the uninterrupted run, for reference
rm -rf "$dir" && mkdir -p "$dir" && touch "$dir/go1" "$dir/go2" "$dir/go3"
dr run lab_steps --dir "$dir" --tag ref --yes --quiet >/dev/null 2>&1 || fail "uninterrupted run failed"
(cd "$dir" && cat step1.txt step2.txt step3.txt) | sed 's/ref/T/' >"$work/want"

for k in 1 2 3; do
    rm -rf "$dir" && mkdir -p "$dir"
    for i in 1 2 3; do [ "$i" = "$k" ] || touch "$dir/go$i"; done
    ls "$work/state/runs" >"$work/old-runs"
    # drctl itself in the background (not a function's subshell): $! is its pid
    "$DRCTL" run lab_steps --dir "$dir" --tag T --yes --quiet -i "$INV" --state-dir "$work/state" \
        --runbooks "$SRC/tests/runbooks" >/dev/null 2>&1 &
    pid=$!
    id=
    step_written() {
        id=$(ls "$work/state/runs" | grep -vxF -f "$work/old-runs" | head -1)
        [ -n "$id" ] && journal_has "$id" "t=\"effect_done\"" &&
            grep "t=\"effect_done\"" "$work/state/runs/$id/journal.lua" | has -E "step=$k[,}]"
    }
    # the step's write is done and journaled: kill it while it waits
    wait_until 60 step_written || fail "step $k never wrote"
    kill -KILL "$pid"
    wait "$pid" 2>/dev/null || true
    journal_has "$id" 't="end"' && fail "the killed run claims to have ended"
    touch "$dir/go$k"
    dr resume "$id" --quiet >"$work/resume.out" 2>&1 || fail "resume after a kill in step $k: $(cat "$work/resume.out")"
    (cd "$dir" && cat step1.txt step2.txt step3.txt) >"$work/got"
    diff -u "$work/want" "$work/got" >&2 || fail "after a kill in step $k the files differ"
    dr runs | grep -E "^$id +lab_steps +ok " >/dev/null || fail "the resumed run is not listed as ok"
    pass "killed in step $k, resumed: same files as an uninterrupted run"
done
