#!/usr/bin/env bash
# ssh.jump: the dallas site behind the lab's bastion (an sshd at NET.31
# whose forwarded connections leave from NET.31; the dallas sshds admit
# nothing else for the time of this test).
#  1. without the jump host, dallas's hosts are refused (status shows why);
#  2. with `jump:` on the dallas site, status reaches every host and a file
#     is replaced on zk5 through the bastion (checked on disk);
#  3. a jump host whose key is not in known_hosts: refused naming the jump
#     host and its fingerprint, in status and in a failover plan, nothing
#     changed;
# The DR cycle with dallas only reachable through the bastion runs in
# test_become.sh (through a sudo-limited login too: one cycle for both, to
# keep make test short).
set -euo pipefail
. "$(dirname "$0")/testlib.sh"
: "${DRCTL:?}"
SRC=${DRCTL_SOURCE_DIR:?}
work=$(mktemp -d)
BASTION=$LAB_NET.31
finish() {
    dallas_direct_again || echo "test_jump: could not reopen the dallas sshds" >&2
    rm -rf "$work" "$LAB_DIR/hosts/zk5/conf/jump-probe.txt"
}
trap finish EXIT
"$LAB_DIR/bin/hostctl" status "$LAB_DIR/hosts/bastion" sshd >/dev/null ||
    fail "the bastion's sshd is not running (lab up starts it)"

sed -e "s/^    role: standby\$/    role: standby\n    jump: \"$BASTION:2222\"/" \
    "$SRC/sites/lab.yaml" >"$work/jump.yaml"
grep -q "jump: \"$BASTION:2222\"" "$work/jump.yaml" || fail "could not make the jump inventory"
"$DRCTL" inventory check -i "$work/jump.yaml" >/dev/null || fail "the jump inventory is invalid"

dallas_behind_bastion || fail "could not restrict the dallas sshds"

# --- 1. direct: refused
out=$("$DRCTL" status -i "$SRC/sites/lab.yaml" 2>/dev/null)
for h in $DALLAS_HOSTS; do
    echo "$out" | has -E "^dallas +$h .* down$" && echo "$out" | has -E "^  $h \(.*\) ssh: " ||
        fail "$h answers directly:
$out"
done
[ "$(echo "$out" | grep -cE '^chicago .* ok$')" -eq 5 ] || fail "chicago not reachable:
$out"
pass "without the jump host the dallas sshds refuse drctl ($(echo "$out" | grep -m1 '^  zk4 (' | sed 's/.* ssh: //' | cut -c1-80))"

# --- 2. through the bastion
out=$("$DRCTL" status -i "$work/jump.yaml" 2>&1)
[ "$(echo "$out" | grep -cE ' ok$')" -eq 10 ] || fail "not every host reachable through the bastion:
$out"
"$DRCTL" run "$SRC/tests/runbooks/jump_write.lua" --path "$LAB_DIR/hosts/zk5/conf/jump-probe.txt" \
    --text "via $BASTION" --yes -i "$work/jump.yaml" --state-dir "$work/st" >"$work/w.out" 2>&1 ||
    fail "write through the bastion: $(tail -5 "$work/w.out")"
[ "$(cat "$LAB_DIR/hosts/zk5/conf/jump-probe.txt")" = "via $BASTION" ] || fail "the file on zk5 is not what was written"
grep -q "Accepted publickey" "$LAB_DIR/hosts/bastion/log/sshd.log" || fail "the bastion logged no login"
pass "status (10 hosts) and a file write on zk5 through the bastion"

# --- 3. the jump host's key unknown
grep -v "^\[$BASTION\]:2222 " "$LAB_DIR/keys/known_hosts" >"$work/known_hosts"
sed -e "s|^  known_hosts: .*|  known_hosts: $work/known_hosts|" "$work/jump.yaml" >"$work/nokey.yaml"
lab_files_snapshot >"$work/before"
out=$("$DRCTL" status -i "$work/nokey.yaml" 2>/dev/null || true)
echo "$out" | has -E "^  zk4 \(.*\) ssh: .*$BASTION:2222.*(unknown|not in).*SHA256:" ||
    fail "status does not say that the jump host's key is unknown:
$out"
set +e
"$DRCTL" plan failover --to dallas -i "$work/nokey.yaml" --state-dir "$work/st3" >"$work/plan.out" 2>&1
rc=$?
set -e
[ $rc -eq 3 ] || fail "failover plan with an unknown jump host key: exit $rc, expected 3: $(tail -3 "$work/plan.out")"
grep -qE "do not answer over ssh: zk4 \(.*jump host $BASTION:2222.*SHA256:" "$work/plan.out" ||
    fail "the refusal does not name the jump host and its key: $(grep -m1 refused "$work/plan.out")"
lab_files_snapshot >"$work/after"
cmp -s "$work/before" "$work/after" || fail "the refused plan changed the lab"
pass "unknown jump host key: $(grep -m1 -o 'zk4 (.*' "$work/plan.out" | cut -c1-170)"

