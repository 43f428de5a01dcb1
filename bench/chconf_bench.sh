#!/bin/sh
# Times chconf's reads and patches on a generated remote_servers file of 600
# clusters x 4 shards and on Debian's stock config.xml.  Run by `make bench`
# (DRCTL points at the drctl binary; the bench program sits next to it).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bin=$(dirname "${DRCTL:-$here/../build/release/drctl}")/chconf_bench
"$bin" "${CHCONF_BENCH_CLUSTERS:-600}" "${CHCONF_BENCH_ROUNDS:-20}" \
    "$here/../tests/data/chconf/debian-config.xml"
