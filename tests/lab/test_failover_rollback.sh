#!/usr/bin/env bash
# A real failover to dallas, then its rollback (issue 16, item 2): every
# file the failover replaced, created or removed on dallas's keepers and
# ClickHouse servers is back byte for byte (the versioned dynamic file the
# config rewrite removed included), the files ZooKeeper wrote itself since
# are reported, the servers to restart are named, and zk4 starts again on
# its restored config (it failed with FileNotFoundException before).  A
# second rollback is refused.  The lab is rebuilt afterwards (lab reset).
set -euo pipefail
. "$(dirname "$0")/testlib.sh"
: "${DRCTL:?}"
SRC=${DRCTL_SOURCE_DIR:?}
INV=$SRC/sites/lab.yaml
work=$(mktemp -d)
finish() {
    "$SRC/tests/lab/lab" reset >/dev/null 2>&1 || echo "test_failover_rollback: lab reset failed" >&2
    rm -rf "$work"
}
trap finish EXIT
dr() { "$DRCTL" "$@" -i "$INV" --state-dir "$work/state"; }

# the versioned dynamic files dallas's keepers have now (their names depend
# on the lab's history): the config rewrite removes them, rollback puts them back
versioned() { ls "$LAB_DIR/hosts/$1/conf" | grep -E '^zoo\.cfg\.dynamic\.[0-9a-f]+$' || true; }
for h in zk4 zk5 zk6; do versioned "$h" | sed "s|^|$h/conf/|"; done >"$work/versioned"
grep -q '^zk4/' "$work/versioned" || fail "zk4 has no versioned dynamic file to begin with"
# what the failover may change: dallas's configs (no data, logs, pids), and
# of the versioned files those there before it
snap() {
    (cd "$LAB_DIR/hosts" && {
        for h in zk4 zk5 zk6; do
            find "$h/conf" -type f ! -name '.drctl-*' ! -name 'zoo.cfg.dynamic.[0-9a-f]*' -print
        done
        cat "$work/versioned"
        for h in ch3 ch4; do find "$h/config.d" -type f -print; done
    } | sort | xargs sha256sum 2>&1)
}
snap >"$work/before"
ls "$LAB_DIR/hosts/zk4/conf" >"$work/zk4-before"

dr run failover --to dallas --yes >"$work/run.out" 2>"$work/run.err" ||
    fail "failover failed: $(tail -5 "$work/run.err")"
id=$(ls "$work/state/runs" | tail -1)
grep -q 'remove_file' "$work/state/runs/$id/journal.lua" || fail "the failover journaled no file removal"
# the new ensemble still serves: the rollback also restores the marker znode
dr rollback "$id" >"$work/rb.out" 2>"$work/rb.err" || fail "rollback failed: $(tail -5 "$work/rb.err")"
for h in ch3 ch4 zk4 zk5 zk6; do "$SRC/tests/lab/lab" stop "$h" >/dev/null; done
snap >"$work/after"
diff -u "$work/before" "$work/after" >&2 || fail "rollback did not restore dallas's configs byte for byte"
pass "rollback restored every file the failover replaced, created or removed"

grep -q 'restart .*zk4' "$work/rb.err" || fail "rollback does not name zk4 to restart: $(cat "$work/rb.err")"
grep -q 'restart .*ch3' "$work/rb.err" || fail "rollback does not name ch3 to restart: $(cat "$work/rb.err")"
new=$(ls "$LAB_DIR/hosts/zk4/conf" | grep -vxF -f "$work/zk4-before" | grep -v '^\.drctl' || true)
for f in $new; do
    grep -q "$f" "$work/rb.err" || fail "$f, written since by ZooKeeper, is not reported: $(cat "$work/rb.err")"
done
pass "rollback names the servers to restart and reports what ZooKeeper wrote since (${new:-none})"

log=$LAB_DIR/hosts/zk4/log/server.log
seen=$(stat -c %s "$log")
"$SRC/tests/lab/lab" start zk4 >/dev/null 2>&1 || fail "zk4 does not start on its restored config"
sleep_until_alive() { [ -n "$(zk_4lw zk4 srvr)" ]; }
wait_until 30 sleep_until_alive || fail "zk4 started but does not answer: $(tail -5 "$log")"
if tail -c +$((seen + 1)) "$log" | has FileNotFoundException; then
    fail "zk4 cannot find a config file: $(tail -c +$((seen + 1)) "$log" | grep -m1 FileNotFound)"
fi
pass "zk4 starts on its restored config"

set +e
dr rollback "$id" >"$work/rb2.out" 2>"$work/rb2.err"
rc=$?
set -e
[ $rc -eq 3 ] && grep -q "already rolled back" "$work/rb2.err" ||
    fail "second rollback exited $rc: $(cat "$work/rb2.err")"
pass "a second rollback of the same run is refused (exit 3)"
