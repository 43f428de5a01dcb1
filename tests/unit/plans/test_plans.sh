#!/usr/bin/env bash
# The plans of failover, recover, switchover and failback, for ZooKeeper and
# ClickHouse Keeper, against scripted hosts: plan_scripted runs the real
# engine, effect gate, runbooks and lua/dr, with dr.ssh, dr.zk, dr.ch and
# dr.fourlw answering from NAME.answers (recorded in the lab by
# record.sh).  Each plan must equal its golden (NAME.steps, NAME.diffs: the
# plan the lab itself gave when the answers were recorded), and the Keeper
# plans that tests/lab/test_keeper_plan.sh checks against the real lab must
# equal that test's goldens too (tests/data/keeper/*.steps).
#
#   test_plans.sh [NAME...]        every scenario, or the ones named
#   PLAN_GOLDEN_UPDATE=1 ...       rewrite NAME.steps and NAME.diffs
#
# Finds plan_scripted in $PLAN_SCRIPTED, else $DRCTL_BUILD_DIR or
# build/test of the source tree.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
SRC=${DRCTL_SOURCE_DIR:-$(cd "$HERE/../../.." && pwd)}
PLAN=${PLAN_SCRIPTED:-${DRCTL_BUILD_DIR:-$SRC/build/test}/plan_scripted}
. "$HERE/planlib.sh"
[ -x "$PLAN" ] || { echo "test_plans: $PLAN: not built (make unit, or set PLAN_SCRIPTED)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Where the scripted hosts live: nothing is ever reached there.  The
# inventories name files under the lab directory (keys, secrets) that
# loading may look at: empty stand-ins.
export DRCTL_LAB_DIR=$work/lab DRCTL_LAB_NET=192.0.2
LAB_DIR=$DRCTL_LAB_DIR LAB_NET=$DRCTL_LAB_NET
mkdir -p "$LAB_DIR/keys" "$LAB_DIR/secrets"
: >"$LAB_DIR/keys/id_ed25519"
: >"$LAB_DIR/keys/known_hosts"
printf 'super:scripted\n' >"$LAB_DIR/secrets/zk_super"
printf 'scripted\n' >"$LAB_DIR/secrets/ch_password"
chmod 600 "$LAB_DIR"/secrets/* "$LAB_DIR/keys/id_ed25519"

# The Keeper scenarios whose plans the lab test checks too.
lab_golden() {
    case $1 in
    keeper-failover) echo "$SRC/tests/data/keeper/failover.steps" ;;
    keeper-failover-zk6) echo "$SRC/tests/data/keeper/failover-zk6.steps" ;;
    keeper-recover) echo "$SRC/tests/data/keeper/recover.steps" ;;
    esac
}

failed=0
check() { # NAME GOLDEN GOT
    if [ "${PLAN_GOLDEN_UPDATE:-}" = 1 ]; then
        cp "$3" "$2"
        echo "plans: $1: wrote $2"
    elif ! diff -u "$2" "$3" >&2; then
        echo "plans: FAIL: $1: the plan differs from $2" >&2
        failed=1
    fi
}

names=("$@")
[ ${#names[@]} -gt 0 ] || mapfile -t names < <(scenario_names)
for name in "${names[@]}"; do
    before=$failed
    failed=0
    scenario "$name"
    state=$work/state-$name
    if ! DRCTL_SCRIPT=$HERE/$name.answers "$PLAN" "${ARGS[@]}" -i "$INV" --state-dir "$state" \
        >"$work/$name.json" 2>"$work/$name.err"; then
        echo "plans: FAIL: $name: plan_scripted ${ARGS[*]} failed:" >&2
        cat "$work/$name.err" >&2
        failed=1
        continue
    fi
    [ "$(jq -r .mode "$work/$name.json")" = rehearsal ] || { echo "plans: FAIL: $name: not a rehearsal" >&2; failed=1; }
    steps_of "$work/$name.json" >"$work/$name.steps"
    diffs_of "$work/$name.json" >"$work/$name.diffs"
    check "$name" "$HERE/$name.steps" "$work/$name.steps"
    check "$name" "$HERE/$name.diffs" "$work/$name.diffs"
    lab=$(lab_golden "$name")
    if [ -n "$lab" ] && [ "${PLAN_GOLDEN_UPDATE:-}" != 1 ]; then
        diff -u "$lab" "$work/$name.steps" >&2 || {
            echo "plans: FAIL: $name: differs from the lab test's golden $lab" >&2
            failed=1
        }
    fi
    [ $failed = 1 ] || echo "plans: ok: $name ($(grep -c '^[0-9]' "$work/$name.steps") steps)"
    [ $before = 0 ] || failed=1
done
exit $failed
