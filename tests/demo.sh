#!/usr/bin/env bash
# make demo: the local lab of real servers, then a rehearsal and a real
# failover, recovery and failback against it, and a short summary.
set -euo pipefail
cd "$(dirname "$0")/.."
DRCTL=${DRCTL:-build/release/drctl}
LAB=tests/lab/lab
eval "$($LAB env)"
export DRCTL_INVENTORY=$PWD/sites/lab.yaml
state=$DRCTL_LAB_DIR/demo-state
mkdir -p "$state"
. tests/lab/testlib.sh
TEST_NAME=demo

say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
rows() { ch_query "$1" "SELECT count() FROM default.events" 2>/dev/null || echo "?"; }
rto() { grep -oE '"rto_seconds": ?[0-9.]+' "$1" | sed 's/.*: *//' || true; }

# a fresh lab each time: an earlier demo leaves it failed over and fenced
say "lab up (fresh: tests/lab/lab reset)"
$LAB reset
say "drctl status"
"$DRCTL" status
say "write 1000 rows on ch1 (chicago) and the marker"
ch_query ch1 "INSERT INTO default.events SELECT today(), 5000000 + number, 'chicago', 'demo-$$' FROM system.numbers LIMIT 1000"
"$DRCTL" run marker --yes --quiet --state-dir "$state"

say "drctl plan failover --to dallas (a rehearsal: nothing changes)"
"$DRCTL" plan failover --to dallas --state-dir "$state" >"$state/plan.txt"
head -60 "$state/plan.txt"
echo "   ... (the whole plan: drctl plan failover --to dallas)"

say "disaster: every chicago ZooKeeper and ClickHouse process is killed"
for h in zk1 zk2 zk3 ch1 ch2; do $LAB kill "$h"; done

say "drctl run failover --to dallas --yes"
"$DRCTL" run failover --to dallas --yes --json --state-dir "$state" >"$state/failover.json"
ch_query ch3 "INSERT INTO default.events SELECT today(), 6000000 + number, 'dallas', 'demo-$$' FROM system.numbers LIMIT 500"
echo "dallas takes writes: 500 rows inserted on ch3"

say "chicago comes back (old data, old configs); drctl run recover --site chicago"
# the failover fenced (disabled) chicago's servers: the operator who powers
# the site on enables them first, as after a real outage
for h in zk1 zk2 zk3 ch1 ch2; do $LAB enable "$h" && $LAB start "$h"; done
"$DRCTL" run recover --site chicago --json --state-dir "$state" >"$state/recover.json"

say "drctl run failback --to chicago --yes"
"$DRCTL" run failback --to chicago --yes --json --state-dir "$state" >"$state/failback.json"

say "drctl status"
"$DRCTL" status

say "summary"
printf '  failover RTO: %s s\n' "$(rto "$state/failover.json")"
printf '  failback RTO: %s s\n' "$(rto "$state/failback.json")"
for h in ch1 ch2 ch3 ch4; do
    printf '  %s: %s rows of this demo\n' "$h" \
        "$(ch_query $h "SELECT count() FROM default.events WHERE payload = 'demo-$$'")"
done
echo "  journal: $("$DRCTL" runs --state-dir "$state" | tail -n +2 | wc -l) runs in $state (drctl runs --state-dir $state)"
echo "  stop the lab with: make lab-down"
