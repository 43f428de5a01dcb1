#!/bin/sh
# Regenerates the expected .diff files from GNU diff for every NAME.before /
# NAME.after pair here (the inputs are hand-written or made by this script).
# test_diff checks that diff_unified() gives byte for byte the same output.
set -eu
cd "$(dirname "$0")"
# A remote_servers.xml of 120 replicas and the same with a site dropped and
# a port changed: the shape of edit a failover makes.
gen() {
    printf '<clickhouse>\n    <remote_servers>\n        <all>\n'
    i=1
    while [ $i -le 120 ]; do
        site=chicago; [ $((i % 2)) = 0 ] && site=dallas
        if [ "$1" = after ] && [ $site = chicago ]; then i=$((i + 1)); continue; fi
        port=9000; [ "$1" = after ] && [ $i = 60 ] && port=9440
        printf '            <shard>\n                <replica>\n'
        printf '                    <host>ch%d.%s.example</host>\n' $i $site
        printf '                    <port>%d</port>\n' $port
        printf '                </replica>\n            </shard>\n'
        i=$((i + 1))
    done
    printf '        </all>\n    </remote_servers>\n</clickhouse>\n'
}
gen before > remote_servers.before
gen after > remote_servers.after
for b in *.before; do
    n=${b%.before}
    diff -u --label "a/etc/$n" --label "b/etc/$n" "$n.before" "$n.after" > "$n.diff" || [ $? = 1 ]
done
