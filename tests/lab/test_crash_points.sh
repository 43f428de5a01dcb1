#!/usr/bin/env bash
# Every kill point of a small runbook (tests/runbooks/lab_config_pair.lua: a
# group of two members that each write two files, the second a
# compare-and-swap on the check's observation, then a plain step), reached
# exactly through the engine's DRCTL_CRASH_AT hook: before each step's
# check, before its act, between and after its writes, before its verify,
# before its end is journaled.  Each time drctl dies by SIGKILL there, and
# `drctl resume` ends with the files of an uninterrupted run and the run
# listed as ok: in particular a member killed between its two writes (its
# precondition moved by its own journaled write) is finished, not refused.
set -euo pipefail
. "$(dirname "$0")/testlib.sh"
: "${DRCTL:?}"
SRC=${DRCTL_SOURCE_DIR:?}
INV=${DRCTL_LAB_INVENTORY:-$SRC/sites/lab.yaml}
work=$(mktemp -d)
dir=$LAB_DIR/hosts/zk6/drctl-crash-points
trap 'rm -rf "$work" "$dir"' EXIT
dr() { "$DRCTL" "$@" -i "$INV" --state-dir "$work/state" --runbooks "$SRC/tests/runbooks"; }
files() { (cd "$dir" && for f in zk5.dynamic zk5.cfg zk6.dynamic zk6.cfg last; do printf '%s: ' "$f"; cat "$f" 2>/dev/null || echo missing; done); }

# the second file exists before, as zoo.cfg does
fresh() { rm -rf "$dir" && mkdir -p "$dir" && echo "cfg old" >"$dir/zk5.cfg" && echo "cfg old" >"$dir/zk6.cfg"; }
fresh
dr run lab_config_pair --dir "$dir" --tag T --yes --quiet >"$work/ref.out" 2>&1 || fail "uninterrupted run: $(cat "$work/ref.out")"
files >"$work/want"
grep -q "missing" "$work/want" && fail "the uninterrupted run left a file missing: $(cat "$work/want")"
ref=$(ls "$work/state/runs" | head -1)
nsteps=$(grep -c 't="step"' "$work/state/runs/$ref/journal.lua")
neffects=$(grep -c 't="effect_done"' "$work/state/runs/$ref/journal.lua")
[ "$nsteps" = 3 ] && [ "$neffects" = 5 ] || fail "expected 3 steps and 5 effects, journal has $nsteps and $neffects"

points=""
for n in $(seq 1 "$nsteps"); do points="$points step:$n:check step:$n:act step:$n:verify step:$n:end"; done
for q in $(seq 1 "$neffects"); do points="$points effect:$q"; done
tried=0 survived=0
for point in $points; do
    fresh
    ls "$work/state/runs" >"$work/old-runs"
    rc=0
    DRCTL_CRASH_AT=$point dr run lab_config_pair --dir "$dir" --tag T --yes --quiet >"$work/run.out" 2>&1 || rc=$?
    [ $rc = 137 ] || fail "$point: drctl was not killed there (exit $rc): $(tail -3 "$work/run.out")"
    grep -q "DRCTL_CRASH_AT=$point" "$work/run.out" || fail "$point: the hook did not say where it killed"
    id=$(ls "$work/state/runs" | grep -vxF -f "$work/old-runs" | head -1)
    tried=$((tried + 1))
    if ! dr resume "$id" --quiet >"$work/resume.out" 2>&1; then
        fail "$point: resume failed: $(tail -3 "$work/resume.out")"
    fi
    files >"$work/got"
    diff -u "$work/want" "$work/got" >&2 || fail "$point: resumed, but the files differ from an uninterrupted run"
    dr runs | grep -E "^$id +lab_config_pair +ok " >/dev/null || fail "$point: the resumed run is not listed as ok"
    survived=$((survived + 1))
done
pass "$survived/$tried kill points survived (every step boundary and every effect, group members included)"
