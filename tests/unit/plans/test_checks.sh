#!/usr/bin/env bash
# The plan tests can fail: two changes to a copy of zk-failover's answers,
# each of which test_plans.sh must catch.
#   - zk4 (the data holder) answers srvr with another zxid: the plan's notes
#     differ from the golden.
#   - zk4's zoo.cfg was never recorded: the replay stops, naming the
#     question it has no answer for, instead of inventing one.
# Runnable alone as test_plans.sh is (PLAN_SCRIPTED, DRCTL_BUILD_DIR).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
SRC=${DRCTL_SOURCE_DIR:-$(cd "$HERE/../../.." && pwd)}
export DRCTL_SOURCE_DIR=$SRC # the mutated copies live elsewhere
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "plan checks: FAIL: $*" >&2; exit 1; }

# A copy of this directory whose zk-failover answers are changed by $1.
mutated() {
    rm -rf "$work/plans"
    cp -r "$HERE" "$work/plans"
    python3 - "$work/plans/zk-failover.answers" "$1" <<'PY'
import re, sys
path, how = sys.argv[1], sys.argv[2]
s = open(path).read()
def entry(key):
    i = s.index('\n  ["' + key + '"] = {')
    j = s.index('\n  },', i) + len('\n  },')
    return i, j
if how == "zxid":
    i, j = entry("fourlw probe [@NET@.14:2181,@NET@.15:2181,@NET@.16:2181] srvr")
    block = s[i:j]
    block = re.sub(r'Zxid: 0x[0-9a-f]+', 'Zxid: 0x100000005', block, count=1)
    block = re.sub(r'\["zxid"\] = \d+', '["zxid"] = 4294967301', block, count=1)
    s = s[:i] + block + s[j:]
elif how == "forget":
    i, j = entry("root@@NET@.14:2222 read @LAB@/hosts/zk4/conf/zoo.cfg")
    s = s[:i] + s[j:]
open(path, "w").write(s)
PY
}

mutated zxid
if "$work/plans/test_plans.sh" zk-failover >"$work/out" 2>&1; then
    fail "another zxid on zk4 went unnoticed"
fi
grep -q '^+    # data holder: zk4 at 0x100000005' "$work/out" ||
    fail "the changed zxid is not what differs: $(cat "$work/out")"
echo "plan checks: ok: a changed answer changes the plan, and the golden catches it"

mutated forget
if "$work/plans/test_plans.sh" zk-failover >"$work/out" 2>&1; then
    fail "a missing answer went unnoticed"
fi
grep -q "no answer for 'root@192.0.2.14:2222 read .*/hosts/zk4/conf/zoo.cfg'" "$work/out" ||
    fail "the replay did not name the missing answer: $(cat "$work/out")"
echo "plan checks: ok: a question without a recorded answer stops the replay, naming it"
