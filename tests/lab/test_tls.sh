#!/usr/bin/env bash
# ClickHouse over HTTPS: the lab serves https_port 8443 with certificates of
# its own CA (IP SANs).  With https: true and that CA, drctl status and the
# catch-up check of every replica run over TLS (port 8443 speaks nothing
# else); with a CA that signed nothing here, each fails naming the server
# and the certificate problem, and nothing changes.
set -euo pipefail
. "$(dirname "$0")/testlib.sh"
: "${DRCTL:?}"
SRC=${DRCTL_SOURCE_DIR:?}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -s "$LAB_DIR/tls/ca.pem" ] || fail "the lab has no TLS CA (lab up makes it)"

tls_inventory() { # CA_FILE OUT
    sed -e "s|^    http_port: 8123\$|    http_port: 8443\n    https: true\n    ca_file: $1|" \
        "$SRC/sites/lab.yaml" >"$2"
    grep -q "https: true" "$2" || fail "could not make the https inventory"
}
tls_inventory "$LAB_DIR/tls/ca.pem" "$work/tls.yaml"
tls_inventory "$LAB_DIR/tls/other-ca.pem" "$work/bad.yaml"

# plain HTTP on 8443 gets no answer: success below means TLS was spoken
if curl -s --max-time 5 "http://$(lab_addr ch3):8443/ping" | has Ok; then
    fail "port 8443 answers plain HTTP: the test would prove nothing"
fi

out=$("$DRCTL" status -i "$work/tls.yaml" 2>"$work/status.err") || fail "status over https: $(cat "$work/status.err")"
[ "$(echo "$out" | grep -cE ' ch (chi|dal)-0[12] +ok ')" -eq 4 ] ||
    fail "not every replica ok over https:
$out
$(cat "$work/status.err")"
pass "status over https: 4 replicas ok"

"$DRCTL" run "$SRC/tests/runbooks/ch_catchup.lua" --yes -i "$work/tls.yaml" \
    --state-dir "$work/st" >"$work/catchup.out" 2>&1 ||
    fail "catch-up check over https: $(tail -5 "$work/catchup.out")"
[ "$(grep -c ': caught up' "$work/catchup.out")" -eq 4 ] ||
    fail "catch-up over https did not cover the 4 replicas: $(cat "$work/catchup.out")"
pass "catch-up check of ch1-ch4 over https"

# a certificate that does not verify: named host and cause, nothing changed
lab_files_snapshot >"$work/before"
"$DRCTL" status -i "$work/bad.yaml" >"$work/bad.out" 2>"$work/bad.err" || true
grep -q "^  ch3 (.*) clickhouse: ch $(lab_addr ch3):8443: TLS: .*certificate.*(ca_file $LAB_DIR/tls/other-ca.pem)" "$work/bad.out" ||
    fail "status with the wrong CA does not name ch3 and the certificate problem: $(cat "$work/bad.out" "$work/bad.err")"
[ "$(grep -cE ' ch (chi|dal)-0[12] +down ' "$work/bad.out")" -eq 4 ] ||
    fail "replicas not shown down with the wrong CA: $(cat "$work/bad.out")"
set +e
"$DRCTL" run "$SRC/tests/runbooks/ch_catchup.lua" --yes --timeout 3 -i "$work/bad.yaml" \
    --state-dir "$work/st2" >"$work/badrun.out" 2>&1
rc=$?
set -e
[ $rc -ne 0 ] || fail "the catch-up check passed with a CA that signed nothing"
grep -qE "ch 127\.[0-9.]+:8443: TLS: SSL certificate problem" "$work/badrun.out" ||
    fail "the failed catch-up does not give the TLS cause: $(tail -5 "$work/badrun.out")"
lab_files_snapshot >"$work/after"
cmp -s "$work/before" "$work/after" || fail "a failed TLS check changed the lab"
pass "wrong CA: $(grep -m1 'TLS:' "$work/bad.out" | cut -c1-150)"
