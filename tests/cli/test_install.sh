#!/usr/bin/env bash
# `cmake --install` (what `make install` runs) puts the binary, runbooks,
# Lua library, man page, bash completion and contrib/ under the prefix, in
# a staging DESTDIR here; the man page renders without warnings and the
# completion completes commands, runbooks and their parameters.
set -euo pipefail
# Runnable alone: the source tree is this script's, drctl the test build's.
DRCTL_SOURCE_DIR=${DRCTL_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
DRCTL_BUILD_DIR=${DRCTL_BUILD_DIR:-$DRCTL_SOURCE_DIR/build/test}
DRCTL=${DRCTL:-$DRCTL_BUILD_DIR/drctl}
: "${DRCTL:?}" "${DRCTL_SOURCE_DIR:?}" "${DRCTL_BUILD_DIR:?}"
fail() { echo "test_install: FAIL: $*" >&2; exit 1; }
# grep -q that reads all its input first: under pipefail a producer killed by
# SIGPIPE after an early match would fail the pipeline (tests/lab/testlib.sh)
has() { local in; in=$(cat); grep -q "$@" <<<"$in"; }
pass() { echo "test_install: ok: $*"; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

DESTDIR=$work/stage cmake --install "$DRCTL_BUILD_DIR" >"$work/install.log" 2>&1 ||
    fail "cmake --install: $(tail -5 "$work/install.log")"
prefix=$(sed -n 's/^CMAKE_INSTALL_PREFIX:PATH=//p' "$DRCTL_BUILD_DIR/CMakeCache.txt")
root=$work/stage$prefix
for f in bin/drctl share/drctl/runbooks/failover.lua share/drctl/runbooks/init.lua \
    share/drctl/lua/dr/procedures.lua share/drctl/lua/dr/status.lua share/man/man1/drctl.1 \
    share/bash-completion/completions/drctl share/doc/drctl/contrib/drctl-drill.service \
    share/doc/drctl/contrib/drctl-heartbeat.timer share/doc/drctl/example.yaml; do
    [ -f "$root/$f" ] || fail "not installed: $prefix/$f"
done
[ -x "$root/bin/drctl" ] || fail "bin/drctl is not executable"
"$root/bin/drctl" version | has '^drctl ' || fail "the installed drctl does not run"
pass "installed under $prefix: binary, runbooks, lua library, man page, completion, contrib"

grep -q '^PREFIX ?= /usr/local' "$DRCTL_SOURCE_DIR/Makefile" &&
    make -s -n -C "$DRCTL_SOURCE_DIR" install PREFIX=/opt/x DESTDIR=/stage |
    grep -q 'DESTDIR=/stage cmake --install' || fail "make install does not run cmake --install"
pass "make install PREFIX= DESTDIR= runs cmake --install"

if command -v man >/dev/null 2>&1; then
    MANWIDTH=80 man --warnings -l "$root/share/man/man1/drctl.1" >"$work/man.txt" 2>"$work/man.err" ||
        fail "man: $(cat "$work/man.err")"
    [ ! -s "$work/man.err" ] || fail "the man page has warnings: $(cat "$work/man.err")"
    for w in "drctl init" "EXIT STATUS" "/etc/drctl/inventory.yaml" "drctl.run-journal/1" NO_COLOR; do
        grep -q "$w" "$work/man.txt" || fail "the man page does not mention $w"
    done
    pass "the man page renders without warnings"
else
    echo "test_install: SKIP: man is not installed: the man page was not rendered"
fi

# the completion, against the installed drctl
comp() {
    PATH=$root/bin:$PATH bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _drctl;
        echo "${COMPREPLY[*]}"' _ "$root/share/bash-completion/completions/drctl" "$@"
}
[ "$(comp drctl sta)" = "status" ] || fail "completion of 'sta': $(comp drctl sta)"
comp drctl plan fail | has -w failover || fail "no runbook completed: $(comp drctl plan fail)"
comp drctl run recover --s | has -w -- --site || fail "no runbook parameter completed"
pass "bash completion: commands, runbooks, runbook parameters"
