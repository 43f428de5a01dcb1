#!/usr/bin/env bash
# The whole DR cycle on the lab's real servers, twice: rows written at every
# stage; chicago (the primary) killed as a disaster would; failover to
# dallas; chicago back, first with its old data and configs, then rebuilt
# with empty keeper data; recovery; failback.  Every row is on every replica
# at the end and the lab is back in its initial topology.  The plan of each
# runbook changes nothing and lists the file diffs the real run applies.
set -euo pipefail
. "$(dirname "$0")/testlib.sh"
: "${DRCTL:?}"
SRC=${DRCTL_SOURCE_DIR:?}
# test_become.sh runs the cycle through a non-root login (another inventory)
INV=${DRCTL_CYCLE_INVENTORY:-$SRC/sites/lab.yaml}
work=$(mktemp -d)
# A failure leaves the lab half-switched: rebuild it so the tests after this
# one start from the initial topology (the journal is kept for a look).
finish() {
    local rc=$?
    if [ $rc -ne 0 ]; then
        cp -r "$state" "/tmp/test_dr_cycle.$$" 2>/dev/null &&
            echo "test_dr_cycle: journal kept in /tmp/test_dr_cycle.$$" >&2
        "$SRC/tests/lab/lab" reset >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
}
trap finish EXIT
state=$work/state
dr() { "$DRCTL" "$@" -i "$INV" --state-dir "$state"; }

inserted=0
TAG=cycle-$$-$(date +%s)
insert_rows() { # HOST SITE N
    local base=$((1000000 + inserted))
    ch_query "$1" "INSERT INTO default.events SELECT today(), $base + number, '$2', '$TAG' FROM system.numbers LIMIT $3" ||
        fail "insert on $1 refused"
    inserted=$((inserted + $3))
}
count() { ch_query "$1" "SELECT count() FROM default.events WHERE payload = '$TAG'" 2>/dev/null || echo -1; }
all_have() { local h; for h in ch1 ch2 ch3 ch4; do [ "$(count "$h")" = "$inserted" ] || return 1; done; }
mode() { zk_4lw "$1" srvr | sed -n 's/^Mode: //p'; }
files_of() { grep -o '"files":\[[^]]*\]' "$1" | tr ',' '\n' | grep -v '/drctl-' | sort; }
snapshot() {
    lab_files_snapshot
}
# plan RUNBOOK ARGS...: rehearse, check that nothing changed, keep the plan
plan() {
    local name=$1
    shift
    snapshot >"$work/snap.before"
    dr plan "$name" "$@" --json >"$work/$name.plan.json" 2>"$work/$name.plan.err" ||
        fail "plan $name failed: $(tail -5 "$work/$name.plan.err")"
    snapshot >"$work/snap.after"
    cmp -s "$work/snap.before" "$work/snap.after" || fail "the plan of $name changed the lab"
}
# real RUNBOOK ARGS...: run it; its file diffs must be those of its plan
real() {
    local name=$1
    shift
    local t0
    t0=$(now_ms)
    dr run "$name" "$@" --json >"$work/$name.run.json" 2>"$work/$name.run.err" ||
        fail "run $name failed: $(tail -8 "$work/$name.run.err")"
    files_of "$work/$name.plan.json" >"$work/p"
    files_of "$work/$name.run.json" >"$work/r"
    diff -u "$work/p" "$work/r" >&2 || fail "$name applied other file diffs than its plan showed"
    pass "$name done in $(($(now_ms) - t0)) ms, $(wc -l <"$work/r") file diffs as planned"
    # the slow steps, for whoever reads a CI log
    python3 - "$work/$name.run.json" <<'PY' || true
import json, sys
steps = json.load(open(sys.argv[1])).get("steps", [])
slow = sorted((s for s in steps if s.get("duration_seconds", 0) >= 3),
              key=lambda s: -s["duration_seconds"])[:4]
for s in slow:
    print("    %6.1f s  %s" % (s["duration_seconds"], s.get("name", "?")))
PY
}

initial_topology() {
    [ "$(mode zk4)" = observer ] || fail "zk4 is $(mode zk4), expected observer"
    local leaders=0 h
    for h in zk1 zk2 zk3; do
        case $(mode $h) in leader) leaders=$((leaders + 1)) ;; follower) ;; *) fail "$h is $(mode $h)" ;; esac
    done
    [ $leaders -eq 1 ] || fail "$leaders leaders in chicago"
    [ -z "$(zk_4lw zk5 srvr)" ] && [ -z "$(zk_4lw zk6 srvr)" ] || fail "a spare still runs"
}

cycle() { # VARIANT: old | empty
    local variant=$1 force=()
    [ -e "$state/last-switch" ] && force=(--force --reason "lab test: second cycle")
    insert_rows ch1 chicago 100
    wait_until 60 all_have || fail "rows written on ch1 did not reach every replica"
    dr run marker --yes >/dev/null 2>&1 || fail "marker run failed"

    plan failover --to dallas
    # the disaster: every chicago ZooKeeper and ClickHouse process dies
    for h in zk1 zk2 zk3 ch1 ch2; do tests_lab kill "$h"; done
    real failover --to dallas --yes "${force[@]}"
    for h in zk4 zk5 zk6; do
        case $(mode $h) in leader | follower) ;; *) fail "$h is $(mode $h) after failover" ;; esac
    done
    grep -q '"rto_seconds"' "$work/failover.run.json" || fail "no RTO reported"
    pass "failover ($variant): RTO $(grep -o '"rto_seconds":[0-9.]*' "$work/failover.run.json" | cut -d: -f2) s"
    insert_rows ch3 dallas 100

    # chicago comes back
    local new_conf new_version
    new_conf=$(zk_4lw zk4 conf | grep -E '^(server\.|version=)' | sort)
    new_version=$(printf '%s\n' "$new_conf" | sed -n 's/^version=//p')
    [ -n "$new_version" ] || fail "zk4 reports no config version: $new_conf"
    if [ "$variant" = empty ]; then
        for h in zk1 zk2 zk3; do
            rm -rf "$LAB_DIR/hosts/$h/data/version-2"
        done
    else
        # the old membership under a version above the new ensemble's: what
        # a ZooKeeper compares to decide which config wins
        local higher
        higher=$(printf '%x' $((0x$new_version + 0x100000000)))
        for h in zk1 zk2 zk3; do
            local conf=$LAB_DIR/hosts/$h/conf cur
            cur=$(sed -n 's/^dynamicConfigFile=//p' "$conf/zoo.cfg")
            cp "$cur" "$conf/zoo.cfg.dynamic.$higher"
            sed -i "s|^dynamicConfigFile=.*|dynamicConfigFile=$conf/zoo.cfg.dynamic.$higher|" "$conf/zoo.cfg"
        done
    fi
    # powered on by an operator: the failover disabled (fenced) them
    for h in zk1 zk2 zk3 ch1 ch2; do tests_lab enable "$h"; done
    for h in zk1 zk2 zk3; do tests_lab start "$h"; done
    # ClickHouse 18.16 exits at start when no ZooKeeper quorum answers yet:
    # as on a real site, the old keepers come back first
    serving() { case $(mode zk1)$(mode zk2)$(mode zk3) in *leader*) return 0 ;; esac; return 1; }
    wait_until 60 serving || fail "chicago's old keepers did not form their old quorum"
    if [ "$variant" = old ]; then
        [ "$(zk_4lw zk1 conf | sed -n 's/^version=//p')" = "$higher" ] ||
            fail "chicago's old quorum does not run the higher-version config"
    fi
    # with empty keepers the old site's ClickHouse may refuse to start (its
    # tables' znodes are gone): that is the state recovery must handle
    for h in ch1 ch2; do
        "$SRC/tests/lab/lab" start "$h" >/dev/null 2>&1 || [ "$variant" = empty ] ||
            fail "lab start $h failed"
    done
    # while both run, dallas keeps its own membership and version
    for h in zk4 zk5 zk6; do
        [ "$(zk_4lw $h conf | grep -E '^(server\.|version=)' | sort)" = "$new_conf" ] ||
            fail "$h changed its membership while chicago ran its old config: $(zk_4lw $h conf)"
    done
    plan recover --site chicago
    real recover --site chicago
    for h in zk1 zk2 zk3; do [ "$(mode $h)" = observer ] || fail "$h is $(mode $h), expected observer"; done
    for h in zk4 zk5 zk6; do
        case $(mode $h) in leader | follower) ;; *) fail "$h is $(mode $h) after recovery: pulled back?" ;; esac
    done
    # membership: dallas's three vote, chicago's three observe, on every node
    local got h
    for h in zk1 zk2 zk3 zk4 zk5 zk6; do
        got=$(zk_4lw $h conf | grep '^server\.' | sort)
        for id in 4 5 6; do
            printf '%s\n' "$got" | has "^server\.$id=.*:participant;" ||
                fail "$h: server.$id is not a participant after recovery: $got"
        done
        for id in 1 2 3; do
            printf '%s\n' "$got" | has "^server\.$id=.*:observer;" ||
                fail "$h: server.$id is not an observer after recovery: $got"
        done
    done
    if [ "$variant" = old ]; then
        [ -z "$(ls "$LAB_DIR"/hosts/zk[123]/conf/zoo.cfg.dynamic."$higher" 2>/dev/null)" ] ||
            fail "the higher-version dynamic files are still on chicago's hosts"
        pass "recover (old): chicago's higher-version config ($higher > $new_version) did not pull dallas back"
    fi
    wait_until 60 all_have || fail "chicago's replicas do not hold every row after recovery"
    pass "recover ($variant): chicago observers, every row on every replica"
    insert_rows ch4 dallas 100

    plan failback --to chicago
    real failback --to chicago --yes
    initial_topology
    insert_rows ch2 chicago 100
    wait_until 60 all_have || fail "rows missing after failback: $(for h in ch1 ch2 ch3 ch4; do printf '%s=%s ' $h "$(count $h)"; done), expected $inserted"
    pass "failback ($variant): initial topology, $inserted rows on every replica"
}

tests_lab() { "$SRC/tests/lab/lab" "$@" >/dev/null || fail "lab $*: failed"; }

initial_topology
for variant in ${DRCTL_CYCLE_VARIANTS:-old empty}; do
    cycle "$variant"
done
