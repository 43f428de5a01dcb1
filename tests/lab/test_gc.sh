#!/usr/bin/env bash
# drctl gc on the lab: items named as the procedures name what they set
# aside (DATA/version-2.drctl-stale-RUN, DATA.drctl-failover-RUN), some from
# runs of 2020 and some from today, on zk5 and zk6.  With retention
# {days: 30} in the inventory:
#  - `drctl gc` lists every item with keep/remove and changes nothing;
#  - --runs 1 (an override) would remove all but the newest run's items;
#  - `drctl gc --yes` removes exactly the 2020 items, journaled; today's
#    stay, and a second gc has nothing left to remove;
#  - the readiness drill reports the size of what is set aside.
set -euo pipefail
. "$(dirname "$0")/testlib.sh"
: "${DRCTL:?}"
SRC=${DRCTL_SOURCE_DIR:?}
work=$(mktemp -d)
made=()
finish() {
    rm -rf "$work" "${made[@]}"
}
trap finish EXIT

sed -e '/^sites:/i retention:\n  days: 30' "$SRC/sites/lab.yaml" >"$work/inv.yaml"
dr() { "$DRCTL" "$@" -i "$work/inv.yaml" --state-dir "$work/state"; }
today=$(date -u +%Y%m%d-%H%M%S)
old1=20200101-000000-00001
old2=20200102-120000-00002
new1=$today-99901
setaside() { # HOST RELATIVE-PATH
    local p=$LAB_DIR/hosts/$1/$2
    mkdir -p "$p"
    head -c 40000 /dev/urandom >"$p/log.1"
    made+=("$p")
}
setaside zk5 "data/version-2.drctl-stale-$old1"
setaside zk6 "data/version-2.drctl-stale-$old1"
setaside zk6 "data.drctl-failover-$old2"
setaside zk5 "data/version-2.drctl-stale-$new1"
setaside zk6 "data.drctl-failover-$new1"

lab_files_snapshot >"$work/before"
dr gc >"$work/list.out" 2>&1 || fail "gc (list): $(tail -5 "$work/list.out")"
lab_files_snapshot >"$work/after"
cmp -s "$work/before" "$work/after" || fail "drctl gc without --yes changed the lab"
for p in "zk5.*data/version-2.drctl-stale-$old1" "zk6.*data/version-2.drctl-stale-$old1" \
    "zk6.*data.drctl-failover-$old2"; do
    grep -qE "remove +$p" "$work/list.out" || fail "gc does not list $p for removal:
$(cat "$work/list.out")"
done
for p in "zk5.*version-2.drctl-stale-$new1" "zk6.*data.drctl-failover-$new1"; do
    grep -qE "keep +$p" "$work/list.out" || fail "gc does not keep $p:
$(cat "$work/list.out")"
done
grep -qE "remove [12] set-aside item\(s\) on zk[56]" "$work/list.out" ||
    fail "the plan shows no removal step: $(cat "$work/list.out")"
pass "gc lists 3 items of 2020 for removal, keeps today's, changes nothing"

dr gc --runs 1 --days "" >"$work/runs1.out" 2>&1 || fail "gc --runs 1: $(tail -5 "$work/runs1.out")"
grep -qE "keep +zk6 .*data.drctl-failover-$new1" "$work/runs1.out" ||
    fail "--runs 1 does not keep the newest run: $(cat "$work/runs1.out")"
[ "$(grep -cE '^ *keep ' "$work/runs1.out")" -eq 2 ] ||
    fail "--runs 1 keeps more than the newest run's 2 items: $(cat "$work/runs1.out")"
pass "--runs 1 keeps only the newest run's items (rehearsal)"

dr gc --yes >"$work/prune.out" 2>&1 || fail "gc --yes: $(tail -5 "$work/prune.out")"
for p in "zk5/data/version-2.drctl-stale-$old1" "zk6/data/version-2.drctl-stale-$old1" \
    "zk6/data.drctl-failover-$old2"; do
    [ ! -e "$LAB_DIR/hosts/$p" ] || fail "gc --yes left $p"
done
[ -d "$LAB_DIR/hosts/zk5/data/version-2.drctl-stale-$new1" ] &&
    [ -d "$LAB_DIR/hosts/zk6/data.drctl-failover-$new1" ] || fail "gc --yes removed today's items"
run=$(ls "$work/state/runs" | tail -n 1)
grep -q "rm -rf" "$work/state/runs/$run/journal.lua" || fail "the removal is not journaled"
dr gc >"$work/again.out" 2>&1 || fail "second gc: $(tail -5 "$work/again.out")"
grep -qE "remove +zk" "$work/again.out" && fail "a second gc still finds items to remove"
pass "gc --yes removed the 3 items of 2020 (journaled), kept today's; nothing left to prune"

"$DRCTL" drill -i "$work/inv.yaml" --state-dir "$work/state" >"$work/drill.out" 2>&1 || true
grep -qE "set-aside data +[0-9]+ item\(s\), [0-9]+ KiB" "$work/drill.out" ||
    fail "the drill does not report the set-aside data: $(grep -i set-aside "$work/drill.out")"
pass "drill: $(grep -m1 'set-aside data' "$work/drill.out" | sed 's/  */ /g')"
