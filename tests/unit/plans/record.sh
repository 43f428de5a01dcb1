#!/usr/bin/env bash
# Records the scripted hosts' answers (NAME.answers) and the golden
# plans (NAME.steps, NAME.diffs) of every scenario from the real lab:
# ZooKeeper 3.8, ClickHouse 18.16 and sshd on loopback.  Each plan is a
# rehearsal through the real modules, with their answers written down; the
# lab is taken through a real failover, recovery and failback between the
# recordings (as tests/lab/test_dr_cycle.sh does), so that recover and
# failback are planned from the state they are meant for, and is reset at
# the end.  Keeper scenarios put Keeper files on the hosts as
# tests/lab/test_keeper_plan.sh does (the four-letter words reach the lab's
# ZooKeepers) and remove them.
#
#   export DRCTL_LAB_NET=...; make build unit
#   tests/lab/lab up
#   DRCTL=build/release/drctl tests/lab/lab exec tests/unit/plans/record.sh
#   tests/unit/plans/test_plans.sh        # the replay must give the same plans
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
SRC=${DRCTL_SOURCE_DIR:-$(cd "$HERE/../../.." && pwd)}
PLAN=${PLAN_SCRIPTED:-${DRCTL_BUILD_DIR:-$SRC/build/test}/plan_scripted}
DRCTL=${DRCTL:-$SRC/build/release/drctl}
. "$SRC/tests/lab/testlib.sh"
. "$HERE/planlib.sh"
: "${LAB_DIR:?run me through tests/lab/lab exec}" "${LAB_NET:?}"
export DRCTL_LAB_DIR=$LAB_DIR DRCTL_LAB_NET=$LAB_NET
KDATA=$SRC/tests/data/keeper
ZKS="zk1 zk2 zk3 zk4 zk5 zk6"
work=$(mktemp -d)
state=$work/state
lab() { "$SRC/tests/lab/lab" "$@" >/dev/null || fail "lab $*: failed"; }
dr() { "$DRCTL" "$@" -i "$SRC/sites/lab.yaml" --state-dir "$state"; }
mode() { zk_4lw "$1" srvr | sed -n 's/^Mode: //p'; }

for n in $ZKS; do
    [ ! -e "$LAB_DIR/hosts/$n/keeper.xml" ] && [ ! -e "$LAB_DIR/hosts/$n/keeper" ] ||
        fail "$LAB_DIR/hosts/$n already has Keeper files: not mine to overwrite"
done
keeper_clean() { for n in $ZKS; do rm -rf "$LAB_DIR/hosts/$n/keeper.xml" "$LAB_DIR/hosts/$n/keeper"; done; }
changed=0 # set once a real run changed the lab: reset it at the end
finish() {
    keeper_clean
    rm -rf "$work"
    if [ $changed = 1 ]; then
        "$SRC/tests/lab/lab" reset >/dev/null 2>&1 || echo "record: lab reset failed" >&2
    fi
}
trap finish EXIT

# rec NAME: the scenario's plan through the real modules, answers recorded
rec() {
    scenario "$1"
    local json=$work/$1.json
    DRCTL_SCRIPT_MODE=record DRCTL_SCRIPT=$HERE/$1.answers \
        "$PLAN" "${ARGS[@]}" -i "$INV" --state-dir "$work/plan-state-$1" >"$json" 2>"$work/$1.err" ||
        fail "record $1: $(tail -5 "$work/$1.err")"
    steps_of "$json" >"$HERE/$1.steps"
    diffs_of "$json" >"$HERE/$1.diffs"
    echo "record: $1: $(grep -c '^[0-9]' "$HERE/$1.steps") steps"
}

# keeper_xml N: the initial topology's XML for zkN (1-3 voting, 4 learner)
keeper_xml() {
    local i=$1
    sed -e "s|@NAME@|zk$i|g" -e "s|@ID@|$i|g" -e "s|@HOST@|$LAB_NET.1$i|g" \
        -e "s|@NET@|$LAB_NET|g" -e "s|@LAB@|$LAB_DIR|g" "$KDATA/keeper.xml.in"
}
denormalize() { sed -e "s|@NET@|$LAB_NET|g" -e "s|@LAB@|$LAB_DIR|g" "$1"; }
keeper_initial() {
    for i in 1 2 3 4 5 6; do
        keeper_xml "$i" >"$LAB_DIR/hosts/zk$i/keeper.xml"
        mkdir -p "$LAB_DIR/hosts/zk$i/keeper/log" "$LAB_DIR/hosts/zk$i/keeper/snapshots"
    done
    for i in 1 2 3 4; do
        : >"$LAB_DIR/hosts/zk$i/keeper/log/changelog_1_100000.bin"
        : >"$LAB_DIR/hosts/zk$i/keeper/snapshots/snapshot_50000.bin"
    done
}

# --- the initial topology: chicago serves, dallas observes ------------------
dr run marker --yes >/dev/null 2>&1 || fail "marker run failed"
rec zk-failover
rec zk-switchover
keeper_initial
rec keeper-failover
rec keeper-switchover
: >"$LAB_DIR/hosts/zk6/keeper/log/changelog_100001_200000.bin"
rec keeper-failover-zk6
rm -f "$LAB_DIR/hosts/zk6/keeper/log/changelog_100001_200000.bin"
for n in zk4 zk5 zk6; do denormalize "$KDATA/failover.$n.xml" >"$LAB_DIR/hosts/$n/keeper.xml"; done
rm -f "$LAB_DIR"/hosts/zk[23]/keeper/log/* "$LAB_DIR"/hosts/zk[23]/keeper/snapshots/*
rec keeper-recover
keeper_clean

# --- chicago lost, dallas takes over; chicago comes back --------------------
changed=1
for h in zk1 zk2 zk3 ch1 ch2; do lab kill "$h"; done
dr run failover --to dallas --yes >"$work/failover.out" 2>&1 || fail "failover: $(tail -5 "$work/failover.out")"
for h in zk1 zk2 zk3 ch1 ch2; do lab enable "$h"; done
for h in zk1 zk2 zk3; do lab start "$h"; done
serving() { case $(mode zk1)$(mode zk2)$(mode zk3) in *leader*) return 0 ;; esac; return 1; }
wait_until 60 serving || fail "chicago's old keepers did not form their old quorum"
for h in ch1 ch2; do lab start "$h"; done
rec zk-recover

# --- chicago recovered as the standby: plan the way back ---------------------
dr run recover --site chicago >"$work/recover.out" 2>&1 || fail "recover: $(tail -5 "$work/recover.out")"
rec zk-failback
keeper_initial
for n in $ZKS; do denormalize "$KDATA/recover.$n.xml" >"$LAB_DIR/hosts/$n/keeper.xml"; done
rec keeper-failback
keeper_clean
echo "record: done; the lab is reset to its initial topology"
