#!/usr/bin/env bash
# The scripted hosts of tests/unit/plans against the real ones: the plans
# that `drctl plan` gives against the lab (nothing substituted) must equal
# the plans plan_scripted gives when dr.ssh, dr.zk, dr.ch and dr.fourlw
# answer from a recording of these very hosts, taken just before (zxids
# apart: each run's own sessions move them).  This
# keeps the unit plan tests honest as the bindings change: an effect worded
# otherwise, a new call the script does not know, an answer shaped
# otherwise, and the replay differs from the real plan here.  Plans only:
# nothing on the lab changes.
set -euo pipefail
. "$(dirname "$0")/testlib.sh"
: "${DRCTL:?}"
SRC=${DRCTL_SOURCE_DIR:?}
HERE=$SRC/tests/unit/plans
PLAN=${PLAN_SCRIPTED:-${DRCTL_BUILD_DIR:?}/plan_scripted}
. "$HERE/planlib.sh"
[ -x "$PLAN" ] || fail "$PLAN: not built"
export DRCTL_LAB_DIR=$LAB_DIR DRCTL_LAB_NET=$LAB_NET
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

unzxid() { sed -E 's/0x[0-9a-f]{6,}/0xZXID/g'; }

for name in zk-failover zk-switchover; do
    scenario "$name"
    "$DRCTL" plan "${ARGS[@]}" -i "$INV" --state-dir "$work/real-$name" --json \
        >"$work/$name.real.json" 2>"$work/$name.real.err" ||
        fail "drctl plan ${ARGS[*]}: $(tail -3 "$work/$name.real.err")"
    DRCTL_SCRIPT_MODE=record DRCTL_SCRIPT=$work/$name.answers "$PLAN" "${ARGS[@]}" -i "$INV" \
        --state-dir "$work/record-$name" >"$work/$name.record.json" 2>"$work/$name.record.err" ||
        fail "record $name: $(tail -3 "$work/$name.record.err")"
    DRCTL_SCRIPT=$work/$name.answers "$PLAN" "${ARGS[@]}" -i "$INV" \
        --state-dir "$work/replay-$name" >"$work/$name.replay.json" 2>"$work/$name.replay.err" ||
        fail "replay $name: $(tail -3 "$work/$name.replay.err")"
    for form in steps diffs; do
        for run in real record replay; do
            "${form}_of" "$work/$name.$run.json" >"$work/$name.$run.$form"
        done
        # every session opened moves the zxid: two runs see different ones
        diff -u <(unzxid <"$work/$name.real.$form") <(unzxid <"$work/$name.record.$form") >&2 ||
            fail "$name: the recording run's $form differ from drctl plan's"
        diff -u "$work/$name.record.$form" "$work/$name.replay.$form" >&2 ||
            fail "$name: the scripted hosts' $form differ from the recording run's"
    done
    pass "$name: drctl plan = the plan against scripted hosts ($(grep -c '^[0-9]' "$work/$name.real.steps") steps)"
done
