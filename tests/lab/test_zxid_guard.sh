#!/usr/bin/env bash
# The zxid guard and the marker check.  (1) The failover plan starts the data
# holder first and the empty spares one at a time after it, so two empty
# spares never run together without it.  (2) A standby observer whose data
# directory claims a high zxid but holds an empty tree (a lost disk
# restored from the wrong place) leads the new ensemble: the marker check
# finds the replicas' znodes missing and refuses to trust it.  The lab is
# rebuilt to its initial topology afterwards.
set -euo pipefail
. "$(dirname "$0")/testlib.sh"
: "${DRCTL:?}"
SRC=${DRCTL_SOURCE_DIR:?}
LAB="$SRC/tests/lab/lab"
INV=$SRC/sites/lab.yaml
work=$(mktemp -d)
restore() {
    "$LAB" down --purge >/dev/null 2>&1 || true
    "$LAB" up >/dev/null 2>&1 || "$LAB" up >/dev/null
    rm -rf "$work"
}
trap restore EXIT
dr() { "$DRCTL" "$@" -i "$INV" --state-dir "$work/state"; }

dr plan failover --to dallas >"$work/plan.txt" 2>"$work/plan.err" || fail "plan failed"
holder=$(grep -n 'start zk4 (the data holder) first' "$work/plan.txt" | cut -d: -f1)
s5=$(grep -n '^ *[0-9]*\. start zk5' "$work/plan.txt" | cut -d: -f1)
s6=$(grep -n '^ *[0-9]*\. start zk6' "$work/plan.txt" | cut -d: -f1)
[ -n "$holder" ] && [ -n "$s5" ] && [ -n "$s6" ] || fail "the plan lacks the ordered starts"
[ "$holder" -lt "$s5" ] && [ "$s5" -lt "$s6" ] || fail "spares start before the data holder"
pass "the plan starts the data holder zk4 first, then zk5, then zk6"

# zk4's data replaced by an empty tree that claims a high zxid
for h in zk1 zk2 zk3 ch1 ch2; do "$LAB" kill "$h" >/dev/null; done
"$LAB" stop zk4 >/dev/null
v2=$LAB_DIR/hosts/zk4/data/version-2
mv "$v2" "$v2.real"
mkdir "$v2"
cp "$v2.real/snapshot.0" "$v2/snapshot.f00000000"
echo 15 >"$v2/currentEpoch"
echo 15 >"$v2/acceptedEpoch"
set +e
dr run failover --to dallas --yes >"$work/run.out" 2>"$work/run.err"
rc=$?
set -e
[ $rc -ne 0 ] || fail "failover trusted an ensemble without the data"
grep -q 'marker check: the new ensemble lacks /clickhouse/' "$work/run.err" ||
    fail "no marker-check refusal: $(tail -5 "$work/run.err")"
pass "the marker check refused the empty ensemble (exit $rc) before ClickHouse was repointed"
grep -q "point ch3 at keepers" "$work/run.err" && fail "ClickHouse was repointed anyway"
pass "ClickHouse was not repointed to it"
