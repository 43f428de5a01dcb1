#!/bin/sh
# Loads and validates a generated inventory of 2 sites x 600 ClickHouse nodes
# (+ keepers) and prints the time per load and peak RSS.  Run by `make bench`
# (DRCTL points at the drctl binary; the bench program sits next to it).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bin=$(dirname "${DRCTL:-$here/../build/release/drctl}")/inventory_bench
n=${INVENTORY_BENCH_NODES:-600}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$here/gen-inventory.sh" "$n" > "$tmp/inventory.yaml"
echo "inventory: $(wc -l < "$tmp/inventory.yaml") lines, $(wc -c < "$tmp/inventory.yaml") bytes"
"$bin" "$tmp/inventory.yaml" "${INVENTORY_BENCH_ROUNDS:-10}"
