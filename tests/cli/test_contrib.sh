#!/usr/bin/env bash
# contrib/: the systemd units pass `systemd-analyze verify`, are hardened
# (offline security exposure at most 2.0 of 10), never run a drill at boot
# (no [Install] on the drill service, no Persistent= catch-up on its timer),
# and every file names the one default inventory path.
set -euo pipefail
# Runnable alone: the source tree is this script's, drctl the test build's.
DRCTL_SOURCE_DIR=${DRCTL_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
DRCTL_BUILD_DIR=${DRCTL_BUILD_DIR:-$DRCTL_SOURCE_DIR/build/test}
DRCTL=${DRCTL:-$DRCTL_BUILD_DIR/drctl}
: "${DRCTL:?}" "${DRCTL_SOURCE_DIR:?}"
DRCTL=$(readlink -f "$DRCTL")
src=$DRCTL_SOURCE_DIR
fail() { echo "test_contrib: FAIL: $*" >&2; exit 1; }
# grep -q that reads all its input first: under pipefail a producer killed by
# SIGPIPE after an early match would fail the pipeline (tests/lab/testlib.sh)
has() { local in; in=$(cat); grep -q "$@" <<<"$in"; }
pass() { echo "test_contrib: ok: $*"; }

# one default inventory path everywhere
grep -q 'DRCTL_DEFAULT_INVENTORY "/etc/drctl/inventory.yaml"' "$src/include/cli.h" ||
    fail "cli.h does not define /etc/drctl/inventory.yaml as the default"
if grep -rn '/etc/drctl/[a-z]*\.yaml' "$src/README.md" "$src/contrib" "$src/sites/example.yaml" \
    "$src/doc" | grep -v '/etc/drctl/inventory\.yaml'; then
    fail "another inventory path than /etc/drctl/inventory.yaml is named (above)"
fi
"$DRCTL" help status | has '/etc/drctl/inventory.yaml' || fail "drctl help does not name the default"
pass "one default inventory path: /etc/drctl/inventory.yaml"

# no boot-time drill
svc=$src/contrib/drctl-drill.service
! grep -q '^\[Install\]' "$svc" || fail "drctl-drill.service has an [Install] section"
! grep -q 'multi-user.target' "$svc" || fail "drctl-drill.service names multi-user.target"
! grep -q '^Persistent=true' "$src/contrib/drctl-drill.timer" || fail "the drill timer catches up at boot"
pass "no unit runs a drill at boot"

if ! command -v systemd-analyze >/dev/null 2>&1; then
    echo "test_contrib: SKIP: systemd-analyze is not installed (Debian package systemd): units not verified"
    exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chc=$(command -v clickhouse-client || echo /bin/true)
for u in drctl-drill.service drctl-drill.timer drctl-heartbeat.service drctl-heartbeat.timer; do
    # the binaries named must exist for verify: the built drctl stands in
    sed -e "s#/usr/local/bin/drctl#$DRCTL#" -e "s#/usr/bin/clickhouse-client#$chc#" \
        "$src/contrib/$u" >"$work/$u"
done
(cd "$work" && systemd-analyze verify --man=no ./drctl-drill.service ./drctl-drill.timer \
    ./drctl-heartbeat.service ./drctl-heartbeat.timer) >"$work/verify.out" 2>&1 ||
    fail "systemd-analyze verify: $(cat "$work/verify.out")"
[ ! -s "$work/verify.out" ] || fail "systemd-analyze verify warns: $(cat "$work/verify.out")"
pass "systemd-analyze verify: 4 units, no warning"

for u in drctl-drill.service drctl-heartbeat.service; do
    score=$(cd "$work" && systemd-analyze security --offline=true "./$u" 2>/dev/null |
        sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')
    [ -n "$score" ] || fail "no security score for $u"
    awk -v s="$score" 'BEGIN { exit !(s <= 2.0) }' || fail "$u: exposure $score, expected <= 2.0"
    pass "$u: systemd-analyze security exposure $score"
done
