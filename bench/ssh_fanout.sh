#!/bin/sh
# One command fanned out to the lab's ten hosts by drctl's ssh pool, compared
# with one host at a time and with a loop of the OpenSSH client.  Uses the lab
# that is up ($DRCTL_LAB_DIR/$DRCTL_LAB_NET, through tests/lab/lab exec).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${SSH_FANOUT_BENCH:-$(dirname "${DRCTL:-$here/build/release/drctl}")/ssh_fanout_bench}
[ -x "$bin" ] || { echo "ssh_fanout: $bin not built (make build)" >&2; exit 1; }
if [ -n "${DRCTL_LAB_DIR:-}" ]; then
    exec "$bin"
fi
exec "$here/tests/lab/lab" exec "$bin"
