#!/usr/bin/env bash
# Safety holes of issue 16 against the lab's real hosts, changing nothing of
# its topology:
# - usage errors (unknown site, unknown run, invalid inventory, --runbooks
#   naming a file) exit 2, journal no run and print no Lua traceback;
# - rollback restores byte for byte a file the run replaced, one it created
#   and one it removed, reports a file written since that the run did not
#   write, names the server to restart, and refuses a second time (exit 3);
# - one failover at a time across state directories: while another run holds
#   the target site's failover lock, a failover from another state directory
#   is refused (exit 3) before changing anything, in plan and run alike; the
#   holder killed keeps the lock, its resume retakes it and releases it.
set -euo pipefail
. "$(dirname "$0")/testlib.sh"
: "${DRCTL:?}"
SRC=${DRCTL_SOURCE_DIR:?}
INV=$SRC/sites/lab.yaml
work=$(mktemp -d)
holder=
cleanup() {
    [ -n "$holder" ] && kill -9 "$holder" 2>/dev/null || true
    rm -f "$LAB_DIR"/hosts/zk[456]/conf/.drctl-failover.lock "$LAB_DIR/state/release-lock"
    rm -rf "$work"
}
trap cleanup EXIT
dr() { # dr STATE ARGS...
    local st=$1
    shift
    "$DRCTL" "$@" -i "$INV" --state-dir "$work/$st" --runbooks "$SRC/tests/runbooks"
}
runs_in() { ls "$work/$1/runs" 2>/dev/null | wc -l; }
expect_exit() { # expect_exit CODE WHAT CMD...: runs CMD, output in $work/out, $work/err
    local want=$1 what=$2 rc=0
    shift 2
    "$@" >"$work/out" 2>"$work/err" || rc=$?
    [ "$rc" -eq "$want" ] || fail "$what: exit $rc, expected $want: $(cat "$work/err")"
    if grep -q 'stack traceback' "$work/err"; then fail "$what: a Lua traceback: $(cat "$work/err")"; fi
}

# ---- usage errors
expect_exit 2 "failover --to nosuchsite" dr u run failover --to nosuchsite --yes
grep -q "no such site" "$work/err" || fail "no 'no such site' in: $(cat "$work/err")"
expect_exit 2 "plan failover --to nosuchsite" dr u plan failover --to nosuchsite
expect_exit 2 "rollback of an unknown run" dr u rollback 20990101-000000-00000
printf 'cluster: c\nsites: [\n' >"$work/bad.yaml"
expect_exit 2 "run with an invalid inventory" "$DRCTL" run failover --to dallas --yes \
    -i "$work/bad.yaml" --state-dir "$work/u"
expect_exit 2 "--runbooks naming a file" "$DRCTL" run failover --to dallas --yes -i "$INV" \
    --state-dir "$work/u" --runbooks "$SRC/runbooks/failover.lua"
grep -q "not a directory" "$work/err" || fail "--runbooks FILE: $(cat "$work/err")"
[ "$(runs_in u)" -eq 0 ] || fail "a usage error journaled a run: $(ls "$work/u/runs")"
pass "usage errors exit 2, journal no run, print no traceback"

# ---- rollback: replaced, created and removed files
conf=$LAB_DIR/hosts/zk6/conf
printf 'server.6=old\0binary' >"$conf/zoo.cfg.dynamic.100000000"
snap() { (cd "$conf" && find . -type f ! -name '.drctl-*' -print0 | sort -z | xargs -0 sha256sum); }
snap >"$work/before"
expect_exit 0 "lab_remove" dr r run lab_remove --yes
[ ! -e "$conf/zoo.cfg.dynamic.100000000" ] || fail "the run did not remove the versioned file"
[ -e "$conf/zoo.cfg.dynamic.drctl-test" ] || fail "the run did not create its file"
id=$(ls "$work/r/runs" | tail -1)
echo "server.6=written by the server" >"$conf/zoo.cfg.dynamic.200000000" # as ZooKeeper would
expect_exit 0 "rollback" dr r rollback "$id"
cp "$work/err" "$work/rollback.err"
rm -f "$conf/zoo.cfg.dynamic.200000000"
snap >"$work/after"
diff -u "$work/before" "$work/after" >&2 || fail "rollback is not byte-exact"
grep -q "zoo.cfg.dynamic.200000000" "$work/rollback.err" ||
    fail "rollback does not report the file written since: $(cat "$work/rollback.err")"
grep -q "restart zk6" "$work/rollback.err" ||
    fail "rollback does not name the server to restart: $(cat "$work/rollback.err")"
expect_exit 3 "a second rollback" dr r rollback "$id"
grep -q "already rolled back" "$work/err" || fail "second rollback: $(cat "$work/err")"
rm -f "$conf/zoo.cfg.dynamic.100000000"
pass "rollback restored replaced, created and removed files byte for byte, reported the rest, refused twice"

# ---- the failover lock across state directories
release=$LAB_DIR/state/release-lock
rm -f "$release"
locks() { ls "$LAB_DIR"/hosts/zk[456]/conf/.drctl-failover.lock 2>/dev/null | wc -l; }
all_locked() { [ "$(locks)" -eq 3 ]; }
# exec: $! must be drctl's own pid, for the kill below
(exec "$DRCTL" run hold_site_lock --site dallas --release "$release" --yes -i "$INV" \
    --state-dir "$work/a" --runbooks "$SRC/tests/runbooks" >"$work/a.out" 2>"$work/a.err") &
holder=$!
wait_until 60 all_locked || fail "the holder did not take the lock: $(cat "$work/a.err")"
a_id=$(ls "$work/a/runs" | tail -1)
"$SRC/tests/lab/lab" status >"$work/status-before" 2>&1 || true
lab_files_snapshot >"$work/files-before"
expect_exit 3 "plan failover while the lock is held" dr b plan failover --to dallas
grep -q "$a_id" "$work/err" || fail "plan refusal does not name the holder: $(cat "$work/err")"
expect_exit 3 "failover while the lock is held" dr b run failover --to dallas --yes
grep -q "refused: another failover holds the lock" "$work/err" || fail "refusal: $(cat "$work/err")"
grep -q "$a_id" "$work/err" || fail "the refusal does not name the holder: $(cat "$work/err")"
grep -q "^drctl: to unblock:" "$work/err" || fail "no 'to unblock' line: $(cat "$work/err")"
grep -q "before changing anything" "$work/err" || fail "not refused before any change: $(cat "$work/err")"
lab_files_snapshot >"$work/files-after"
diff -u "$work/files-before" "$work/files-after" >&2 || fail "the refused failover changed files"
for z in zk1 zk2 zk3 zk4; do
    zk_4lw "$z" srvr | has 'Mode: \(leader\|follower\|observer\)' || fail "$z no longer serves"
done
pass "a failover from another state dir is refused (exit 3) before any change while the lock is held"

kill -9 "$holder"
wait "$holder" 2>/dev/null || true
holder=
[ "$(locks)" -eq 3 ] || fail "the lock went with the killed holder"
expect_exit 3 "failover after the holder died" dr b run failover --to dallas --yes
(exec "$DRCTL" resume "$a_id" -i "$INV" --state-dir "$work/a" --runbooks "$SRC/tests/runbooks" \
    >"$work/a2.out" 2>"$work/a2.err") &
holder=$!
wait_until 60 grep -q "waiting" "$work/a2.err" || fail "resume did not retake its lock: $(cat "$work/a2.err")"
touch "$release"
wait "$holder" || fail "the resumed holder failed: $(cat "$work/a2.err")"
holder=
[ "$(locks)" -eq 0 ] || fail "the lock was not released at the end"
pass "the killed holder keeps the lock, its resume retakes and releases it"
