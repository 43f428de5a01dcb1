#!/usr/bin/env bash
# Rows inserted on ch1 (chicago) reach ch3 (dallas) through ZooKeeper and
# interserver fetches: same count and same checksum, within a deadline.
set -eu
. "$(dirname "$0")/testlib.sh"

# Distinct data per run: replicated tables drop identical blocks.
tag="repl-$(date +%s%N)-$$"
rows=500
where="site = 'test' AND payload LIKE '$tag-%'"
query="SELECT count(), sum(cityHash64(x, payload)) FROM default.events WHERE $where FORMAT TSV"

before=$(ch_query ch3 "$query") || fail "ch3: $before"
[[ $before == $'0\t0' ]] || fail "ch3: rows tagged $tag exist before the insert: $before"

ch_query ch1 "INSERT INTO default.events SELECT today(), 1000000 + number, 'test',
    concat('$tag-', toString(number)) FROM system.numbers LIMIT $rows" >/dev/null ||
    fail "ch1: insert failed"
want=$(ch_query ch1 "$query")
[[ $want == "$rows"$'\t'* ]] || fail "ch1: after the insert: '$want', expected $rows rows"

got=""
same_on_ch3() {
    got=$(ch_query ch3 "$query") || return 1
    [[ $got == "$want" ]]
}
t0=$(now_ms)
wait_until 60 same_on_ch3 ||
    fail "ch3: after 60 s has '$got' (count, checksum), ch1 has '$want'"
pass "ch1 -> ch3: $rows rows, same checksum, after $(($(now_ms) - t0)) ms"
