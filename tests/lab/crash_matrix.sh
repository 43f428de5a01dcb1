#!/usr/bin/env bash
# crash_matrix.sh: a crash at every step.  For failover, recover, failback
# and switchover, drctl is SIGKILLed at each step boundary of the runbook
# (DRCTL_CRASH_AT, the engine's test hook: before a step's act, after its
# act before its verify, and between two writes of one step, group members
# included), then `drctl resume RUN` finishes the run; the lab's state then
# must equal what an uninterrupted run leaves: every keeper's membership and
# role, the leader's site, the marker znode, the ClickHouse config.d files,
# every row on every serving replica, and a row written afterwards reaching
# every serving replica.  Prints `N/N steps survived` per runbook.
#
# Runs under `tests/lab/lab exec` (DRCTL_LAB_*), DRCTL = the drctl binary.
#   CRASH_RUNBOOKS   "cycle switchover" (cycle = failover, recover, failback:
#                    one cycle interrupts each of the three at its k-th point)
#   CRASH_PHASES     "act verify effect" (which kill points to take)
#   CRASH_EVERY      take every Nth kill point (default 1: all of them)
#   CRASH_MAX        at most this many kill points per runbook (default: all)
#   CRASH_SPREAD     N kill points per runbook, evenly spread from its first
#                    to its last (instead of CRASH_EVERY): a sample that fits
#                    an hour, every part of each runbook represented
#   CRASH_ONLY       "RUNBOOK=POINT ..." exact kill points (e.g. for `make test`)
#   CRASH_STEPS      an extended regex: only the kill points of steps whose
#                    name matches (e.g. "^write zk[0-9]'s config": every point
#                    inside the group "write dallas's keeper configs"); the
#                    other settings then sample among those
set -euo pipefail
. "$(dirname "$0")/testlib.sh"
: "${DRCTL:?}"
SRC=${DRCTL_SOURCE_DIR:?}
INV=${DRCTL_LAB_INVENTORY:-$SRC/sites/lab.yaml}
LAB=$SRC/tests/lab/lab
RUNBOOKS=${CRASH_RUNBOOKS:-cycle switchover}
PHASES=${CRASH_PHASES:-act verify effect}
STEPS=${CRASH_STEPS:-}
EVERY=${CRASH_EVERY:-1}
MAX=${CRASH_MAX:-100000}
SPREAD=${CRASH_SPREAD:-0}
ONLY=${CRASH_ONLY:-}
TEST_NAME=crash_matrix
work=$(mktemp -d)
state=$work/state
keep=0
finish() {
    local rc=$?
    if [ $rc -ne 0 ] || [ $keep = 1 ]; then
        cp -r "$work" "/tmp/crash_matrix.$$" 2>/dev/null &&
            echo "crash_matrix: journals and states kept in /tmp/crash_matrix.$$" >&2
    fi
    if [ $rc -ne 0 ]; then "$LAB" reset >/dev/null 2>&1 || true; fi
    rm -rf "$work"
}
trap finish EXIT
dr() { "$DRCTL" "$@" -i "$INV" --state-dir "$state"; }
lab() { "$LAB" "$@" >/dev/null 2>&1 || fail "lab $*: failed"; }
mode() { zk_4lw "$1" srvr | sed -n 's/^Mode: //p'; }

TAG=crash-$$-$(date +%s)
inserted=0
insert_rows() { # HOST N
    ch_query "$1" "INSERT INTO default.events SELECT today(), $((2000000 + inserted)) + number, 'crash', '$TAG'
        FROM system.numbers LIMIT $2" >/dev/null || return 1
    inserted=$((inserted + $2))
}
count() { ch_query "$1" "SELECT count() FROM default.events WHERE payload = '$TAG'" 2>/dev/null || echo -1; }
serving_ch() {
    local h
    for h in ch1 ch2 ch3 ch4; do
        [ "$(ch_query "$h" "SELECT count() FROM system.replicas WHERE is_readonly = 0" 2>/dev/null)" = 2 ] &&
            echo "$h"
    done
    return 0
}
rows_everywhere() {
    local h
    for h in $(serving_ch); do [ "$(count "$h")" = "$inserted" ] || return 1; done
}

# The state an uninterrupted run must leave, one fact a line.
observe() {
    local h m leader_site="" voter=""
    for h in zk1 zk2 zk3 zk4 zk5 zk6; do
        m=$(mode "$h")
        case $m in
        leader)
            voter=$h
            case $h in zk[123]) leader_site=chicago ;; *) leader_site=dallas ;; esac
            echo "$h voter"
            ;;
        follower) echo "$h voter" ;;
        observer) echo "$h observer" ;;
        *) echo "$h down" ;;
        esac
    done
    echo "leader site: ${leader_site:-none}"
    if [ -n "$voter" ]; then
        zk_4lw "$voter" conf | grep '^server\.' | sort | sed 's/^/membership: /'
        local marker
        marker=$(/usr/share/zookeeper/bin/zkCli.sh -server "$(lab_addr "$voter"):2181" get /drctl/marker 2>/dev/null |
            grep -o "$MARKER_RUN" | head -1 || true)
        echo "marker: ${marker:-missing}"
    fi
    # no run's failover lock left on a keeper host (the next run would refuse)
    local locks
    locks=$(cd "$LAB_DIR/hosts" && ls zk*/conf/.drctl-failover.lock 2>/dev/null | tr '\n' ' ' || true)
    echo "failover locks left: ${locks:-none}"
    for h in ch1 ch2 ch3 ch4; do
        (cd "$LAB_DIR/hosts/$h/config.d" && sha256sum zookeeper.xml remote_servers.xml macros.xml) |
            sed "s/^/$h config: /"
    done
    # every serving replica holds every row, and takes a new one
    local serving
    serving=$(serving_ch | tr '\n' ' ')
    echo "serving replicas: $serving"
    if wait_until 90 rows_everywhere; then echo "rows: all $inserted"; else echo "rows: missing"; fi
    local first=${serving%% *}
    if [ -n "$first" ] && insert_rows "$first" 10 && wait_until 90 rows_everywhere; then
        echo "write after: accepted and replicated"
    else
        echo "write after: failed"
    fi
}

# run_rb NAME POINT ARGS...: runs the runbook; with POINT (a DRCTL_CRASH_AT
# value) it is killed there and resumed.  Keeps the run's journal as
# $work/NAME.journal.  1 when the run or the resume failed.
run_rb() {
    local name=$1 point=$2 rc=0 id
    shift 2
    ls "$state/runs" 2>/dev/null >"$work/old-runs" || true
    DRCTL_CRASH_AT=$point dr run "$name" "$@" --yes --force --reason "crash matrix" \
        >"$work/run.out" 2>&1 || rc=$?
    id=$(ls "$state/runs" | grep -vxF -f "$work/old-runs" | head -1)
    [ -n "$id" ] || { echo "no journal: $(tail -3 "$work/run.out")"; return 1; }
    cp "$state/runs/$id/journal.lua" "$work/$name.journal"
    if [ -n "$point" ]; then
        # SIGKILL: exit 137 from the shell, and no end record
        if [ $rc -ne 137 ]; then
            echo "not killed at $point (exit $rc): $(tail -3 "$work/run.out")"
            [ $rc -eq 0 ] && return 0 # the point was never reached: same as uninterrupted
            return 1
        fi
        dr resume "$id" --yes >"$work/resume.out" 2>&1 || {
            echo "resume after $point failed: $(tail -4 "$work/resume.out")"
            return 1
        }
    elif [ $rc -ne 0 ]; then
        echo "run $name failed: $(tail -4 "$work/run.out")"
        return 1
    fi
    return 0
}

# The kill points of a journaled run, in order.
kill_points() { # JOURNAL
    python3 - "$1" "$PHASES" "$STEPS" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
phases = sys.argv[2].split()
only = re.compile(sys.argv[3]) if sys.argv[3] else None
steps, effects_of = [], {}
for line in text.splitlines():
    t = re.search(r't="([a-z_]+)"', line)
    if not t:
        continue
    n = re.search(r'[{,]n=(\d+)[,}]', line)
    if t.group(1) == "step" and n and int(n.group(1)) not in steps:
        name = re.search(r',name="((?:[^"\\]|\\.)*)"', line)
        if only is None or (name and only.search(name.group(1))):
            steps.append(int(n.group(1)))
    if t.group(1) == "effect_done":
        s = re.search(r'[{,]step=(\d+)[,}]', line)
        q = re.search(r'[{,]seq=(\d+)[,}]', line)
        if s and q:
            effects_of.setdefault(int(s.group(1)), []).append(int(q.group(1)))
for n in steps:
    if "act" in phases:
        print("step:%d:act" % n)
    # between two effects of one step (the first of them done, not the next)
    if "effect" in phases:
        for q in effects_of.get(n, [])[:-1]:
            print("effect:%d" % q)
    if "verify" in phases:
        print("step:%d:verify" % n)
PY
}

marker() {
    dr run marker --yes >"$work/marker.out" 2>&1 || fail "marker run failed: $(tail -3 "$work/marker.out")"
    MARKER_RUN=$(ls -t "$state/runs" | head -1)
}

# ------------------------------------------------ the runbooks' stages

chicago_dies() { for h in zk1 zk2 zk3 ch1 ch2; do lab kill "$h"; done; }
chicago_returns() {
    # the failover fenced them for good (disable): power on as an operator would
    for h in zk1 zk2 zk3 ch1 ch2; do lab enable "$h"; done
    for h in zk1 zk2 zk3; do lab start "$h"; done
    for h in ch1 ch2; do "$LAB" start "$h" >/dev/null 2>&1 || true; done
}

# stage RUNBOOK POINT: one interrupted-or-not run and its observed state in
# $work/got.RUNBOOK; the result line in $work/result.
stage() {
    local name=$1 point=$2 why
    shift 2
    local t0
    t0=$(now_ms)
    if why=$(run_rb "$name" "$point" "$@"); then
        observe >"$work/got.$name"
        echo "ok $(($(now_ms) - t0))" >"$work/result.$name"
    else
        echo "$why" >"$work/got.$name"
        echo "failed $(($(now_ms) - t0)) $why" >"$work/result.$name"
    fi
}

# cycle FAILOVER_POINT RECOVER_POINT FAILBACK_POINT
cycle() {
    insert_rows ch1 50 || fail "insert on ch1 refused before the cycle"
    wait_until 60 rows_everywhere || fail "rows did not reach every replica before the cycle"
    marker
    chicago_dies
    stage failover "$1" --to dallas
    chicago_returns
    stage recover "$2" --site chicago
    stage failback "$3" --to chicago
}
switch_pair() { # POINT
    insert_rows ch1 50 || fail "insert on ch1 refused before the switchover"
    wait_until 60 rows_everywhere || fail "rows did not reach every replica"
    marker
    stage switchover "$1" --to dallas
    local why
    # the kill points are those of the switch to dallas: keep its journal
    cp "$work/switchover.journal" "$work/switchover-to-dallas.journal" 2>/dev/null || true
    why=$(run_rb switchover "" --to chicago) || {
        echo "crash_matrix: the switch back to chicago failed: $why" >&2
        sed 's/^/    /' "$work/run.out" >&2
        return 1
    }
    cp "$work/switchover-to-dallas.journal" "$work/switchover.journal" 2>/dev/null || true
}

# judge NAME POINT: compares with the reference; counts; prints one line
declare -A tried survived spent
judge() {
    local name=$1 point=$2 res
    read -r res ms rest <"$work/result.$name" || true
    tried[$name]=$((${tried[$name]:-0} + 1))
    spent[$name]=$((${spent[$name]:-0} + ms))
    # the marker run id differs from cycle to cycle: compare its presence
    # and the number of rows grows from cycle to cycle: all of them is what counts
    local norm='s/^marker: .*[0-9].*/marker: present/; s/^rows: all [0-9]*$/rows: all/'
    if [ "$res" = ok ] && diff -u <(sed "$norm" "$work/want.$name") \
        <(sed "$norm" "$work/got.$name") >"$work/diff.$name"; then
        survived[$name]=$((${survived[$name]:-0} + 1))
        echo "crash_matrix: $name killed at $point, resumed: same end state (${ms} ms)"
    else
        keep=1
        echo "crash_matrix: $name killed at $point: NOT the uninterrupted end state (${ms} ms)"
        if [ "$res" = ok ]; then sed 's/^/    /' "$work/diff.$name"; else echo "    $rest"; fi
        return 1
    fi
}

# A failed point leaves the lab anywhere: start again from the inventory's topology.
recover_lab() {
    echo "crash_matrix: resetting the lab after a failed point"
    "$LAB" reset >/dev/null 2>&1 || fail "lab reset failed"
    inserted=0
    TAG=crash-$$-$(date +%s)-r
}

points_for() { # NAME -> $work/points.NAME
    kill_points "$work/$1.journal" >"$work/all-points.$1"
    if [ "$SPREAD" -gt 0 ]; then
        # the k-th of N at index round(k * (total - 1) / (N - 1)): first and last included
        awk -v s="$SPREAD" '{ p[NR] = $0 } END {
            if (NR <= s) { for (i = 1; i <= NR; i++) print p[i]; exit }
            last = 0
            for (k = 0; k < s; k++) {
                i = 1 + int(k * (NR - 1) / (s - 1) + 0.5)
                if (i != last) print p[i]
                last = i
            } }' "$work/all-points.$1" >"$work/points.$1"
    else
        awk -v e="$EVERY" -v m="$MAX" '(NR - 1) % e == 0 && n < m { print; n++ }' \
            "$work/all-points.$1" >"$work/points.$1"
    fi
}
only_points() { # NAME -> $work/points.NAME from CRASH_ONLY
    local w
    : >"$work/points.$1"
    for w in $ONLY; do
        [ "${w%%=*}" = "$1" ] && echo "${w#*=}" >>"$work/points.$1"
    done
    return 0
}
pick() { sed -n "${2}p" "$work/points.$1"; }

t_all=$(now_ms)
for rb in $RUNBOOKS; do
    case $rb in
    cycle)
        # the reference: one uninterrupted cycle
        cycle "" "" ""
        for n in failover recover failback; do
            read -r res ms rest <"$work/result.$n"
            [ "$res" = ok ] || fail "uninterrupted $n: $rest"
            cp "$work/got.$n" "$work/want.$n"
            if [ -n "$ONLY" ]; then only_points "$n"; else points_for "$n"; fi
            echo "crash_matrix: $n: $(wc -l <"$work/points.$n") kill points of $(cat "$work/all-points.$n" 2>/dev/null | wc -l); uninterrupted run $ms ms: $(tr '\n' ' ' <"$work/points.$n")"
        done
        k=1
        while :; do
            pf=$(pick failover $k) pr=$(pick recover $k) pb=$(pick failback $k)
            [ -n "$pf$pr$pb" ] || break
            cycle "$pf" "$pr" "$pb"
            bad=0
            [ -z "$pf" ] || judge failover "$pf" || bad=1
            [ -z "$pr" ] || judge recover "$pr" || bad=1
            [ -z "$pb" ] || judge failback "$pb" || bad=1
            [ $bad = 0 ] || recover_lab
            k=$((k + 1))
        done
        ;;
    switchover)
        switch_pair "" || fail "uninterrupted switchover pair failed"
        read -r res ms rest <"$work/result.switchover"
        [ "$res" = ok ] || fail "uninterrupted switchover: $rest"
        cp "$work/got.switchover" "$work/want.switchover"
        if [ -n "$ONLY" ]; then only_points switchover; else points_for switchover; fi
        echo "crash_matrix: switchover: $(wc -l <"$work/points.switchover") kill points of $(cat "$work/all-points.switchover" 2>/dev/null | wc -l); uninterrupted run $ms ms: $(tr '\n' ' ' <"$work/points.switchover")"
        while read -r p; do
            if ! switch_pair "$p"; then
                echo "failed 0 the switch back failed" >"$work/result.switchover"
            fi
            judge switchover "$p" || recover_lab
        done <"$work/points.switchover"
        ;;
    *) fail "unknown runbook set $rb (cycle, switchover)" ;;
    esac
done

total_bad=0
for n in failover recover failback switchover; do
    [ -n "${tried[$n]:-}" ] || continue
    printf 'crash_matrix: %-10s %d/%d steps survived (%.1f s in the interrupted runs and resumes)\n' \
        "$n" "${survived[$n]:-0}" "${tried[$n]}" "$(awk -v m="${spent[$n]}" 'BEGIN { print m / 1000 }')"
    [ "${survived[$n]:-0}" = "${tried[$n]}" ] || total_bad=1
done
echo "crash_matrix: $((($(now_ms) - t_all) / 1000)) s in all"
[ $total_bad = 0 ] || fail "some kill points did not end in the uninterrupted state"
