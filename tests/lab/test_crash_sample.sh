#!/usr/bin/env bash
# The crash matrix's sample for `make test` (the whole matrix is `make
# crash-matrix`): a switchover to dallas killed by SIGKILL inside the group
# "write dallas's keeper configs" (effects 9-15 of a switchover from the
# home topology: each keeper's zoo.cfg.dynamic, its zoo.cfg, zk4's removal
# of stale versioned files; the members interleave), between two writes of
# one member, so that its precondition (the zoo.cfg hash) may have moved by
# drctl's own journaled write, then `drctl resume`:
# the end state must equal an uninterrupted switchover's (memberships, roles,
# leader's site, marker, ClickHouse configs, every row, a write afterwards);
# both switch back to chicago, so the lab ends in its initial topology.
set -euo pipefail
here=$(dirname "$0")
: "${DRCTL:?}"
point=${DRCTL_CRASH_SAMPLE:-effect:12}
CRASH_RUNBOOKS=switchover CRASH_ONLY="switchover=$point" exec "$here/crash_matrix.sh"
