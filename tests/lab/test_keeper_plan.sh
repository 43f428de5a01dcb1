#!/usr/bin/env bash
# The failover and recover runbooks with keeper kind clickhouse-keeper,
# planned on the lab's hosts (tests/data/keeper/lab-keeper.yaml).  No Keeper
# server exists here: the test puts Keeper XML files and log/snapshot file
# names on the hosts, and the four-letter-word probes reach the lab's real
# ZooKeepers on 2181 (they answer srvr, not lgif, so the most up-to-date
# node is found from its changelog file names).  Checked against golden
# files under tests/data/keeper/: the raft_configuration files the plans
# would write (rebuilt from the plan's diffs) and the ordered steps with
# their commands.  The plans change nothing on the hosts; the test removes
# what it wrote.  Set KEEPER_GOLDEN_UPDATE=1 to rewrite the golden files.
set -euo pipefail
. "$(dirname "$0")/testlib.sh"
: "${DRCTL:?}"
SRC=${DRCTL_SOURCE_DIR:?}
DATA=$SRC/tests/data/keeper
INV=$DATA/lab-keeper.yaml
work=$(mktemp -d)
state=$work/state
ZKS="zk1 zk2 zk3 zk4 zk5 zk6"

for n in $ZKS; do
    [ ! -e "$LAB_DIR/hosts/$n/keeper.xml" ] && [ ! -e "$LAB_DIR/hosts/$n/keeper" ] ||
        fail "$LAB_DIR/hosts/$n already has Keeper files: not mine to overwrite"
done
cleanup() {
    for n in $ZKS; do rm -rf "$LAB_DIR/hosts/$n/keeper.xml" "$LAB_DIR/hosts/$n/keeper"; done
    rm -rf "$work"
}
trap cleanup EXIT

net_re=${LAB_NET//./\\.}
normalize() { sed -e "s|$LAB_DIR|@LAB@|g" -e "s|$net_re\.|@NET@.|g" -e 's/ ([0-9]* bytes)//'; }

# keeper_xml N: the initial topology's XML for zkN (1-3 voting, 4 learner)
keeper_xml() {
    local i=$1
    sed -e "s|@NAME@|zk$i|g" -e "s|@ID@|$i|g" -e "s|@HOST@|$LAB_NET.1$i|g" \
        -e "s|@NET@|$LAB_NET|g" -e "s|@LAB@|$LAB_DIR|g" "$DATA/keeper.xml.in"
}
denormalize() { sed -e "s|@NET@|$LAB_NET|g" -e "s|@LAB@|$LAB_DIR|g" "$1"; }

snapshot() {
    (cd "$LAB_DIR/hosts" && find . -path '*/data.drctl-*' -prune -print | sort)
    (cd "$LAB_DIR/hosts" && find . -path '*/data' -prune -o -path '*/data.drctl-*' -prune -o -path '*/tmp' -prune -o \
        -path '*/run' -prune -o -path './ch*/log' -prune -o -path './zk*/log' -prune -o \
        -type f -print0 | sort -z | xargs -0 sha256sum)
    (cd "$LAB_DIR/hosts" && find zk*/keeper | sort)
    for f in "$LAB_DIR"/hosts/*/run/*.pid; do [ -f "$f" ] && echo "$f $(cat "$f")"; done
}

# plan NAME ARGS...: rehearse with the Keeper inventory; nothing may change
plan() {
    local name=$1
    shift
    snapshot >"$work/snap.before"
    "$DRCTL" plan "$@" -i "$INV" --state-dir "$state" --json >"$work/$name.json" \
        2>"$work/$name.err" || fail "plan $name failed: $(tail -5 "$work/$name.err")"
    snapshot >"$work/snap.after"
    diff -u "$work/snap.before" "$work/snap.after" >&2 || fail "the plan $name changed the lab"
    [ "$(jq -r .mode "$work/$name.json")" = rehearsal ] || fail "$name: not a rehearsal"
}

# The ordered steps of a plan: name, host, every effect, every note.
steps_of() {
    jq -r '.steps[] | "\(.n). \(.name)" + (if .host then "  [\(.host)]" else "" end),
        (.effects[]? | "    \(.kind) \(.host): \(.summary)"), (.notes[]? | "    # \(.)")' "$1" |
        normalize
}

# golden NAME FILE: compare FILE (normalized already) with tests/data/keeper/NAME
golden() {
    if [ "${KEEPER_GOLDEN_UPDATE:-}" = 1 ]; then
        cp "$2" "$DATA/$1"
        echo "$TEST_NAME: wrote $DATA/$1"
        return
    fi
    diff -u "$DATA/$1" "$2" >&2 || fail "$1 differs from the golden file"
}

# rendered PLAN NODE: NODE's keeper.xml as the plan would write it (the
# current file with the plan's diff applied), normalized
rendered() {
    local f=$LAB_DIR/hosts/$2/keeper.xml
    jq -r --arg p "$f" '[.steps[].effects[]? | select(.kind == "write_file" and .path == $p)]
        | if length == 1 then .[0].diff else error("\(length) writes of \($p)") end' \
        "$work/$1.json" >"$work/$1.$2.diff" || fail "$1: expected one write of $f"
    cp "$f" "$work/$1.$2.xml"
    patch -s "$work/$1.$2.xml" <"$work/$1.$2.diff" || fail "$1: the diff of $f does not apply"
    normalize <"$work/$1.$2.xml"
}

# --- failover: dallas is the standby, zk4 (a learner) holds the data ----------
for i in 1 2 3 4 5 6; do
    keeper_xml "$i" >"$LAB_DIR/hosts/zk$i/keeper.xml"
    mkdir -p "$LAB_DIR/hosts/zk$i/keeper/log" "$LAB_DIR/hosts/zk$i/keeper/snapshots"
done
for i in 1 2 3 4; do
    : >"$LAB_DIR/hosts/zk$i/keeper/log/changelog_1_100000.bin"
    : >"$LAB_DIR/hosts/zk$i/keeper/snapshots/snapshot_50000.bin"
done
plan failover failover --to dallas
steps_of "$work/failover.json" >"$work/failover.steps"
golden failover.steps "$work/failover.steps"
for n in zk4 zk5 zk6; do
    rendered failover "$n" >"$work/failover.$n.out"
    golden "failover.$n.xml" "$work/failover.$n.out"
done
for n in zk1 zk2 zk3; do
    ! grep -q "hosts/$n/keeper.xml" "$work/failover.steps" || fail "failover rewrites $n's XML"
done
pass "failover plan: fence 1-3, back up zk4, raft_configuration 4-6 voting, rcvr to zk4, 5 and 6 one at a time"

# --- failover again: zk6's log is further ahead, and zk6 is not running -------
: >"$LAB_DIR/hosts/zk6/keeper/log/changelog_100001_200000.bin"
plan failover-zk6 failover --to dallas
steps_of "$work/failover-zk6.json" >"$work/failover-zk6.steps"
golden failover-zk6.steps "$work/failover-zk6.steps"
grep -q 'PAUSE for the operator: zk6 is not running' "$work/failover-zk6.steps" ||
    fail "a stopped chosen node does not get the --force-recovery start"
! grep -q 'rcvr: force' "$work/failover-zk6.steps" || fail "rcvr sent to a stopped node"
grep -q "back up zk6's @LAB@/hosts/zk6/keeper/log" "$work/failover-zk6.steps" ||
    fail "zk6's log is not backed up"
rm -f "$LAB_DIR/hosts/zk6/keeper/log/changelog_100001_200000.bin"
pass "the node with the furthest log is chosen (zk6, stopped: one --force-recovery start by the operator)"

# --- recover chicago: dallas runs the cluster the failover wrote --------------
for n in zk4 zk5 zk6; do
    denormalize "$DATA/failover.$n.xml" >"$LAB_DIR/hosts/$n/keeper.xml"
done
rm -f "$LAB_DIR"/hosts/zk[23]/keeper/log/* "$LAB_DIR"/hosts/zk[23]/keeper/snapshots/*
plan recover recover --site chicago
steps_of "$work/recover.json" >"$work/recover.steps"
golden recover.steps "$work/recover.steps"
for n in $ZKS; do
    rendered recover "$n" >"$work/recover.$n.out"
    golden "recover.$n.xml" "$work/recover.$n.out"
done
grep -q '# XML alone cannot make zk1 a learner' "$work/recover.steps" ||
    fail "the plan does not say that XML alone cannot re-role zk1 (it holds data)"
! grep -q '# XML alone cannot make zk2' "$work/recover.steps" ||
    fail "advice given for zk2, which holds no data"
pass "recover plan: chicago fenced, old state set aside, 1-3 added as learners everywhere, started one at a time"
