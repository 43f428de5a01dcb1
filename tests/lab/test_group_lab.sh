#!/usr/bin/env bash
# A step group over the four ClickHouse hosts (tests/runbooks/lab_group.lua):
# each member's SSH command waits on its host until every member's command
# has started, so the run succeeds only when the commands really run at the
# same time; with --limit 1 the same run fails, naming the member whose
# command gave up.  Then a member waiting for its go file is SIGKILLed
# together with drctl, and the resumed run finishes what was left: every
# host ends with its done file.
set -euo pipefail
. "$(dirname "$0")/testlib.sh"
: "${DRCTL:?}"
SRC=${DRCTL_SOURCE_DIR:?}
INV=$SRC/sites/lab.yaml
work=$(mktemp -d)
dir=$LAB_DIR/drctl-group-test
trap 'rm -rf "$work" "$dir"' EXIT
dr() { "$DRCTL" "$@" -i "$INV" --state-dir "$work/state" --runbooks "$SRC/tests/runbooks"; }
hosts="ch1 ch2 ch3 ch4"

# 1. the plan lists one step per host, in order (--full: the members make the
# same change, which a plan otherwise shows once), changing nothing
rm -rf "$dir" && mkdir -p "$dir"
dr plan lab_group --dir "$dir" --full >"$work/plan.txt" 2>&1 || fail "plan: $(cat "$work/plan.txt")"
for h in $hosts; do
    grep -q "barrier on $h" "$work/plan.txt" || fail "the plan lacks the step on $h: $(cat "$work/plan.txt")"
done
[ -z "$(ls "$dir")" ] || fail "the rehearsal changed $dir: $(ls "$dir")"

# 2. for real: the barrier holds only if the four commands overlap
for h in $hosts; do touch "$dir/go-$h"; done
dr run lab_group --dir "$dir" --yes >"$work/run.txt" 2>&1 || fail "group run failed: $(cat "$work/run.txt")"
for h in $hosts; do
    [ "$(cat "$dir/done-$h")" = "done $h" ] || fail "no done file on $h"
done
pass "four SSH commands ran at the same time (each waited for all four to start)"

# 3. one at a time, the first command gives up and the group says which
rm -rf "$dir" && mkdir -p "$dir"
for h in $hosts; do touch "$dir/go-$h"; done
rc=0
dr run lab_group --dir "$dir" --yes --limit 1 --patience 1 >"$work/one.txt" 2>&1 || rc=$?
[ "$rc" = 1 ] || fail "limit 1: exit $rc, expected 1: $(cat "$work/one.txt")"
grep -q "1 of 4 steps failed" "$work/one.txt" || fail "limit 1: $(cat "$work/one.txt")"
grep -q "the others never started" "$work/one.txt" || fail "limit 1: $(cat "$work/one.txt")"
[ ! -e "$dir/started-ch2" ] || fail "limit 1 started a second member after the first failed"
pass "with --limit 1 the members run one by one, and the first failure stops the rest"

# 4. SIGKILL while the members wait for their go files; resume finishes
rm -rf "$dir" && mkdir -p "$dir"
touch "$dir/go-ch1" "$dir/go-ch3"
ls "$work/state/runs" >"$work/old-runs"
"$DRCTL" run lab_group --dir "$dir" --yes --quiet -i "$INV" --state-dir "$work/state" \
    --runbooks "$SRC/tests/runbooks" >/dev/null 2>&1 &
pid=$!
id=
# finished means journaled as finished (the file alone may be written while
# the step's verify has not yet run)
step_ok() {
    grep 't="step_end"' "$work/state/runs/$id/journal.lua" 2>/dev/null |
        grep 'status="ok"' | has -E "[{,]n=$1[,}]"
}
two_done() {
    id=$(ls "$work/state/runs" | grep -vxF -f "$work/old-runs" | head -1)
    [ -n "$id" ] && step_ok 1 && step_ok 3
}
wait_until 60 two_done || fail "ch1 and ch3 never finished"
kill -KILL "$pid"
wait "$pid" 2>/dev/null || true
[ -n "$id" ] || fail "no journal for the killed run"
[ ! -e "$dir/done-ch2" ] || fail "ch2 finished without its go file"
# finished members are skipped on resume: mark their files to see it
echo kept >"$dir/done-ch1"
echo kept >"$dir/done-ch3"
touch "$dir/go-ch2" "$dir/go-ch4"
dr resume "$id" --yes >"$work/resume.txt" 2>&1 || fail "resume: $(cat "$work/resume.txt")"
for h in ch2 ch4; do
    [ "$(cat "$dir/done-$h")" = "done $h" ] || fail "no done file on $h after resume"
done
for h in ch1 ch3; do
    [ "$(cat "$dir/done-$h")" = kept ] || fail "resume ran the finished member on $h again"
done
pass "killed while two members waited; resume finished ch2 and ch4 only"

# 5. files read ahead (tests/runbooks/prefetch.lua): in one command per
# host, each read once, dropped by a write of the file or a command
rm -rf "$dir" && mkdir -p "$dir"
for h in $hosts; do
    echo "a $h" >"$dir/a-$h"
    echo "b $h" >"$dir/b-$h"
done
dr plan prefetch --dir "$dir" >"$work/pplan.txt" 2>&1 || fail "prefetch plan: $(cat "$work/pplan.txt")"
[ "$(cat "$dir/b-ch1")" = "b ch1" ] || fail "the prefetch rehearsal changed b-ch1"
rm -f "$dir"/a-* "$dir"/b-*
dr run prefetch --dir "$dir" --yes >"$work/prefetch.txt" 2>&1 || fail "prefetch run: $(cat "$work/prefetch.txt")"
[ "$(cat "$dir/b-ch1")" = b2 ] || fail "b-ch1 is not what the run wrote: $(cat "$dir/b-ch1")"
[ "$(cat "$dir/a-ch3")" = behind ] || fail "a-ch3: $(cat "$dir/a-ch3")"
pass "read ahead: each file read once from one command per host; writes and commands drop it"

