#!/usr/bin/env bash
# drctl status against the lab: every keeper's mode as srvr reports it,
# every replica's state, ssh reachability; --json for machines.
set -euo pipefail
. "$(dirname "$0")/testlib.sh"
: "${DRCTL:?}"
INV=${DRCTL_SOURCE_DIR:?}/sites/lab.yaml
out=$("$DRCTL" status -i "$INV")
for h in zk1 zk2 zk3 zk4; do
    want=$(zk_4lw $h srvr | sed -n 's/^Mode: //p')
    echo "$out" | has -E "^[a-z]+ +$h .* $want " || fail "status does not show $h as $want:
$out"
done
echo "$out" | has -E "^dallas +zk5 .* down " || fail "zk5 (a spare, not running) is not shown down"
[ "$(echo "$out" | grep -cE ' ch (chi|dal)-0[12] +ok ')" -eq 4 ] || fail "not every replica ok:
$out"
[ "$(echo "$out" | grep -cE ' ok$')" -eq 10 ] || fail "not every host reachable over ssh"
json=$("$DRCTL" status -i "$INV" --json)
echo "$json" | has '"schema":"drctl.status/1"' || fail "no schema in --json"
echo "$json" | has '"mode":"observer"' || fail "--json lacks the observer"
pass "status shows the modes srvr reports, 4 replicas ok, 10 hosts reachable"
