#!/usr/bin/env bash
# First contact: what a new operator meets before anything works.  Against
# the lab's real sshd, ZooKeeper and ClickHouse, each case below is an
# inventory (or a lab state) that is wrong in one way:
#   unknown    known_hosts without the hosts' keys
#   changed    known_hosts with another key for every host
#   nokey      ssh.identity names a file that does not exist
#   wrongkey   a key the hosts do not authorize
#   passphrase a key file whose passphrase the inventory gets wrong
#   chpw       a wrong ClickHouse password
#   empty      every host an address where nothing runs (an empty lab)
#   sshd       dallas's sshd on zk4 stopped
# status, plan, drill and (where nothing can be changed) run must each name
# every affected host with its cause on one line, never die of a Lua error,
# and change nothing on any host.
set -euo pipefail
. "$(dirname "$0")/testlib.sh"
: "${DRCTL:?}"
INV=${DRCTL_SOURCE_DIR:?}/sites/lab.yaml
work=$(mktemp -d)
restart_sshd=0
cleanup() {
    [ "$restart_sshd" = 1 ] && "$DRCTL_SOURCE_DIR/tests/lab/lab" start sshd:zk4 >/dev/null 2>&1
    rm -rf "$work"
}
trap cleanup EXIT

before=$(lab_files_snapshot)

# the inventories, each one change away from the lab's
: >"$work/empty_kh"
ssh-keygen -q -t ed25519 -N '' -f "$work/other_key"
awk -v k="$(cut -d' ' -f1,2 "$work/other_key.pub")" '{print $1, k}' \
    "$LAB_DIR/keys/known_hosts" >"$work/changed_kh"
echo "not-the-password" >"$work/chpw"
chmod 600 "$work/chpw"
sed "s#known_hosts: .*#known_hosts: $work/empty_kh#" "$INV" >"$work/unknown.yaml"
sed "s#known_hosts: .*#known_hosts: $work/changed_kh#" "$INV" >"$work/changed.yaml"
sed "s#identity: .*#identity: $work/no-such-key#" "$INV" >"$work/nokey.yaml"
sed "s#identity: .*#identity: $work/other_key#" "$INV" >"$work/wrongkey.yaml"
sed "s#password_file: .*#password_file: $work/chpw#" "$INV" >"$work/chpw.yaml"
# a key protected by a passphrase, given the wrong one (it fails before any login)
ssh-keygen -q -t ed25519 -N 'the-right-one' -f "$work/locked_key"
echo "not-the-passphrase" >"$work/passphrase"
chmod 600 "$work/passphrase"
sed -e "s#identity: .*#identity: $work/locked_key\n  passphrase_file: $work/passphrase#" "$INV" \
    >"$work/passphrase.yaml"
# NET.11 -> NET.111 and so on: addresses of this lab's net where nothing listens
sed 's#\(127\.0\.0}\)\.\([12]\)#\1.1\2#' "$INV" >"$work/empty.yaml"
grep -q '127.0.0}.111' "$work/empty.yaml" || fail "the empty-lab inventory was not made"

# no_lua_error CASE WHAT FILE: FILE holds no sign of a Lua error escaping
no_lua_error() {
    if grep -qE "attempt to (index|call|concatenate|perform|compare)|bad argument #|invalid conversion|invalid option|stack overflow|^lua:|PANIC" "$3"; then
        fail "$1: $2 shows a Lua error:
$(cat "$3")"
    fi
}
# no_traceback CASE WHAT FILE
no_traceback() {
    if grep -qE 'stack traceback|\.lua:[0-9]+:' "$3"; then
        fail "$1: $2 shows a Lua position or traceback:
$(cat "$3")"
    fi
}
# names CASE WHAT FILE CAUSE HOST...: a line names each HOST with CAUSE
names() {
    local c=$1 what=$2 file=$3 cause=$4
    shift 4
    for h in "$@"; do
        grep -E "(^|[ (;:])$h[ :(].*$cause" "$file" >/dev/null ||
            fail "$c: $what does not name $h with '$cause':
$(cat "$file")"
    done
}

dallas="zk4 zk5 zk6 ch3 ch4"
all="zk1 zk2 zk3 ch1 ch2 $dallas"

# check CASE CAUSE RUN HOSTS...: status, plan, drill (and run when RUN=run)
check() {
    local c=$1 cause=$2 run=$3 inv=$work/$1.yaml
    shift 3
    [ -f "$inv" ] || inv=$INV
    local rc=0
    "$DRCTL" status -i "$inv" >"$work/$c.status" 2>&1 || rc=$?
    [ "$rc" -le 3 ] || fail "$c: status exit $rc"
    no_lua_error "$c" status "$work/$c.status"
    no_traceback "$c" status "$work/$c.status"
    names "$c" status "$work/$c.status" "$cause" "$@"
    "$DRCTL" status -i "$inv" --json >"$work/$c.json" 2>"$work/$c.json.err" || true
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["schema"]=="drctl.status/1"' \
        "$work/$c.json" || fail "$c: status --json is not JSON: $(cat "$work/$c.json" "$work/$c.json.err")"

    rc=0
    "$DRCTL" plan failover --to dallas -i "$inv" --state-dir "$work/state" >"$work/$c.plan" 2>&1 ||
        rc=$?
    no_lua_error "$c" plan "$work/$c.plan"
    if [ "$run" = run ]; then
        [ "$rc" -ne 0 ] || fail "$c: the plan of a failover to unreachable hosts passed"
        names "$c" plan "$work/$c.plan" "$cause" $(printf '%s\n' "$@" | grep -E 'zk[456]|ch[34]')
        rc=0
        "$DRCTL" run failover --to dallas --yes -i "$inv" --state-dir "$work/state" \
            >"$work/$c.run" 2>&1 || rc=$?
        [ "$rc" -ne 0 ] || fail "$c: a failover to unreachable hosts ran"
        no_lua_error "$c" run "$work/$c.run"
        names "$c" run "$work/$c.run" "$cause" $(printf '%s\n' "$@" | grep -E 'zk[456]|ch[34]')
    fi

    rc=0
    # the report on stdout; stderr carries what the rehearsed failover said
    "$DRCTL" drill -i "$inv" --state-dir "$work/state" >"$work/$c.drill" 2>"$work/$c.drill.err" ||
        rc=$?
    [ "$rc" -eq 1 ] || fail "$c: drill exit $rc, expected 1 (not ready):
$(cat "$work/$c.drill" "$work/$c.drill.err")"
    no_lua_error "$c" drill "$work/$c.drill"
    no_lua_error "$c" "drill's stderr" "$work/$c.drill.err"
    no_traceback "$c" drill "$work/$c.drill"
    rc=0
    "$DRCTL" drill -i "$inv" --state-dir "$work/state" --json >"$work/$c.drill.json" \
        2>/dev/null || rc=$?
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["schema"]=="drctl.drill/1" and d["ready"] is False and d["cluster"]=="cluster1"' \
        "$work/$c.drill.json" || fail "$c: drill --json: $(head -c 300 "$work/$c.drill.json")"
    names "$c" drill "$work/$c.drill" "$cause" $(printf '%s\n' "$@" | grep -E 'zk4|ch[34]')
    pass "$c: status, plan$([ "$run" = run ] && echo ', run') and drill name every host with '$cause'"
}

check unknown "host key of .* unknown" run $all
check changed "host key of .* CHANGED" run $all
check nokey "cannot read key file .*no-such-key: No such file" run $all
check wrongkey "refused key .*other_key" run $all
check empty "Connection refused" run $all
check passphrase "cannot use key file .*locked_key.*wrong passphrase" run $all
check chpw "Wrong password" norun ch1 ch2 ch3 ch4

"$DRCTL_SOURCE_DIR/tests/lab/lab" stop sshd:zk4 >/dev/null
restart_sshd=1
check sshd "Connection refused" run zk4
"$DRCTL_SOURCE_DIR/tests/lab/lab" start sshd:zk4 >/dev/null
restart_sshd=0

after=$(lab_files_snapshot)
[ "$before" = "$after" ] || fail "a host file changed:
$(diff <(echo "$before") <(echo "$after") | head -20)"
pass "no file changed on any host"
