#!/usr/bin/env bash
# ssh.become: sudo on the lab's real sshd and sudo.  The lab's login user
# drctl-lab is not root and may only run `sudo -n -- /bin/sh -c ...` (the
# sudoers file `lab up` writes); drctl-nosudo has no sudo rule at all.
#  1. refused sudo: a failover plan as drctl-nosudo is refused in pre-flight,
#     naming the host and sudo's own message, and nothing changes;
#  2. a root-only file is read and replaced through sudo, keeping its owner
#     and mode (checked on the host);
#  3. the DR cycle (failover, recover, failback) runs as drctl-lab, with
#     the dallas site behind the lab's bastion (ssh.jump on the site; the
#     dallas sshds admit only the bastion's address meanwhile): a real
#     site's sudo-limited login through a jump host, in one cycle.
set -euo pipefail
. "$(dirname "$0")/testlib.sh"
: "${DRCTL:?}"
SRC=${DRCTL_SOURCE_DIR:?}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# the lab inventory, logging in as USER with become: sudo
variant() {
    sed -e "s/^  user: root\$/  user: $1/" -e 's/^  connect_timeout: 5 .*/&\n  become: sudo/' \
        "$SRC/sites/lab.yaml" >"$2"
    grep -q "user: $1" "$2" && grep -q "become: sudo" "$2" || fail "could not make the $1 inventory"
}
variant drctl-nosudo "$work/nosudo.yaml"
variant drctl-lab "$work/sudo.yaml"
"$DRCTL" inventory check -i "$work/sudo.yaml" >/dev/null || fail "the sudo inventory is invalid"

# --- 1. refused sudo: pre-flight names host and cause, nothing changes
lab_files_snapshot >"$work/before"
set +e
"$DRCTL" plan failover --to dallas -i "$work/nosudo.yaml" --state-dir "$work/st1" \
    >"$work/nosudo.out" 2>"$work/nosudo.err"
rc=$?
set -e
[ $rc -eq 3 ] || fail "plan as drctl-nosudo: exit $rc, expected 3 (refused): $(tail -3 "$work/nosudo.err")"
grep -q "sudo refused" "$work/nosudo.err" || fail "no 'sudo refused' in: $(cat "$work/nosudo.err")"
grep -q "drctl-nosudo@$LAB_NET\.1[4-6]:2222" "$work/nosudo.err" ||
    fail "the refusal does not name a dallas host: $(cat "$work/nosudo.err")"
grep -q "password is required" "$work/nosudo.err" ||
    fail "the refusal does not give sudo's message: $(cat "$work/nosudo.err")"
lab_files_snapshot >"$work/after"
cmp -s "$work/before" "$work/after" || fail "the refused plan changed the lab"
pass "refused sudo: $(grep -m1 'sudo refused' "$work/nosudo.err" | cut -c1-160)"

# --- 2. a root-only file through sudo: read, replaced, owner and mode kept
f=$LAB_DIR/hosts/zk5/conf/become-probe.cfg
printf 'a=1\n' >"$f"
chown root:root "$f"
chmod 600 "$f"
cat >"$work/probe.lua" <<LUA
local dr, hosts, inv = require "dr", require "dr.hosts", require "dr.inventory"
return dr.runbook {
    description = "become probe",
    main = function()
        local n = inv.nodes.zk5
        local who = hosts.probe(n, "id -un").stdout:gsub("%s+$", "")
        assert(who == "root", "commands run as " .. who)
        local text = assert(hosts.read(n, "$f"))
        assert(text == "a=1\n", "read through sudo: " .. text)
        dr.step { name = "replace it", host = "zk5",
            act = function() hosts.write(n, "$f", "a=2\n") end }
    end,
}
LUA
"$DRCTL" run "$work/probe.lua" --yes -i "$work/sudo.yaml" --state-dir "$work/st2" \
    >"$work/probe.out" 2>&1 || fail "probe runbook as drctl-lab: $(tail -5 "$work/probe.out")"
[ "$(cat "$f")" = "a=2" ] || fail "the root-only file was not replaced: $(cat "$f")"
[ "$(stat -c '%U:%G %a' "$f")" = "root:root 600" ] ||
    fail "owner/mode not kept: $(stat -c '%U:%G %a' "$f")"
run=$(ls "$work/st2/runs" | head -n 1)
"$DRCTL" rollback "$run" --yes -i "$work/sudo.yaml" --state-dir "$work/st2" >"$work/rb.out" 2>&1 ||
    fail "rollback through sudo: $(tail -5 "$work/rb.out")"
[ "$(cat "$f")" = "a=1" ] && [ "$(stat -c '%U:%G %a' "$f")" = "root:root 600" ] ||
    fail "rollback did not restore the file with its owner and mode"
rm -f "$f"
pass "root-only file read, replaced (root:root 600 kept) and rolled back as drctl-lab"

# --- 3. the DR cycle through the non-root login, dallas behind the bastion
sed -e "s/^    role: standby\$/    role: standby\n    jump: \"$LAB_NET.31:2222\"/" "$work/sudo.yaml" \
    >"$work/sudo-jump.yaml"
grep -q "jump: \"$LAB_NET.31:2222\"" "$work/sudo-jump.yaml" || fail "could not make the jump variant"
"$LAB_DIR/bin/hostctl" status "$LAB_DIR/hosts/bastion" sshd >/dev/null ||
    fail "the bastion's sshd is not running (lab up starts it)"
trap 'dallas_direct_again; rm -rf "$work"' EXIT
dallas_behind_bastion || fail "could not restrict the dallas sshds"
out=$("$DRCTL" status -i "$work/sudo.yaml" 2>/dev/null || true)
echo "$out" | has -E "^  zk4 \(.*\) ssh: " || fail "zk4 still answers without the bastion:
$out"
DRCTL_CYCLE_INVENTORY=$work/sudo-jump.yaml DRCTL_CYCLE_VARIANTS=old \
    "$SRC/tests/lab/test_dr_cycle.sh" || fail "the DR cycle as drctl-lab through the bastion failed"
dallas_direct_again || fail "could not reopen the dallas sshds"
pass "DR cycle (failover, recover, failback) as drctl-lab with sudo, dallas only through the bastion"
