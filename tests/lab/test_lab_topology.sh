#!/usr/bin/env bash
# The lab has the shape sites/lab.yaml describes: zk1-3 one leader and two
# followers, zk4 an observer, zk5/zk6 not listening, ch1-4 answering
# authenticated queries (and refusing a wrong password), and ten sshds that
# accept the lab key with a strict host key check.
set -eu
. "$(dirname "$0")/testlib.sh"

# --- ZooKeeper roles, as the servers report them (never from the files).
leaders=0 followers=0
for h in zk1 zk2 zk3; do
    mode=$(zk_4lw "$h" srvr | sed -n 's/^Mode: //p')
    case $mode in
    leader) leaders=$((leaders + 1)) ;;
    follower) followers=$((followers + 1)) ;;
    *) fail "$h: Mode '${mode:-no answer}', expected leader or follower" ;;
    esac
done
((leaders == 1 && followers == 2)) || fail "zk1-3: $leaders leader(s), $followers follower(s); expected 1 and 2"
mode=$(zk_4lw zk4 srvr | sed -n 's/^Mode: //p')
[[ $mode == observer ]] || fail "zk4: Mode '${mode:-no answer}', expected observer"
pass "zk1-3: 1 leader + 2 followers; zk4: observer"

for h in zk5 zk6; do
    if nc -z -w 1 "$(lab_addr "$h")" 2181 2>/dev/null; then
        fail "$h: port 2181 answers; spares must not be running"
    fi
done
pass "zk5, zk6: not listening"

# --- ClickHouse: the password works, a wrong one is refused.
for h in ch1 ch2 ch3 ch4; do
    v=$(ch_query "$h" "SELECT substitution FROM system.macros WHERE macro = 'replica'") || fail "$h: query failed: $v"
    case $h in ch1) want=chi-01 ;; ch2) want=chi-02 ;; ch3) want=dal-01 ;; ch4) want=dal-02 ;; esac
    [[ $v == "$want" ]] || fail "$h: macro replica '$v', expected $want (config.d/macros.xml not merged?)"
    n=$(ch_query "$h" "SELECT count() FROM system.clusters WHERE cluster = 'all'")
    [[ $n == 4 ]] || fail "$h: cluster 'all' has $n hosts, expected 4"
    n=$(ch_query "$h" "SELECT count() FROM system.clusters WHERE cluster = 'cluster1'")
    [[ $n == 2 ]] || fail "$h: cluster 'cluster1' has $n hosts, expected 2"
done
code=$(curl -s -o /dev/null -w '%{http_code}' -u default:wrong-password \
    --data-binary 'SELECT 1' "http://$(lab_addr ch1):8123/")
[[ $code != 200 ]] || fail "ch1: a wrong password was accepted"
pass "ch1-4: answer with the lab password, macros and clusters from config.d; wrong password refused ($code)"

# --- sshd: ten hosts, strict host key check, a plain shell.
for h in zk1 zk2 zk3 zk4 zk5 zk6 ch1 ch2 ch3 ch4; do
    out=$(lab_ssh "$h" 'echo "$SSH_CONNECTION"') || fail "$h: ssh login refused or failed"
    [[ $out == *" $(lab_addr "$h") 2222" ]] || fail "$h: ssh reached '$out', expected $(lab_addr "$h"):2222"
done
pass "10 sshd: key login with StrictHostKeyChecking=yes"

# The host key check is real: a known_hosts without the key refuses.
empty=$(mktemp)
trap 'rm -f "$empty"' EXIT
if ssh -p 2222 -i "$LAB_DIR/keys/id_ed25519" -o UserKnownHostsFile="$empty" \
    -o StrictHostKeyChecking=yes -o BatchMode=yes -o LogLevel=QUIET \
    "root@$(lab_addr ch1)" true 2>/dev/null; then
    fail "ch1: ssh accepted a host key absent from known_hosts"
fi
pass "an unknown host key is refused"

# --- Secrets: 0600 files, and in no process's command line.
for f in secrets/zk_super secrets/ch_password secrets/ch_curl; do
    mode=$(stat -c %a "$LAB_DIR/$f") || fail "$f: missing"
    [[ $mode == 600 ]] || fail "$f: mode $mode, expected 600"
done
zk_pw=$(cut -d: -f2- "$LAB_DIR/secrets/zk_super")
ch_pw=$(cat "$LAB_DIR/secrets/ch_password")
[[ ${#zk_pw} -ge 16 && ${#ch_pw} -ge 16 ]] || fail "secrets shorter than 16 characters"
for p in /proc/[0-9]*; do
    [[ $p == /proc/$$ ]] && continue
    cmd=$(tr '\0' ' ' 2>/dev/null <"$p/cmdline") || continue
    [[ $cmd != *"$zk_pw"* && $cmd != *"$ch_pw"* && $cmd != *superDigest=* ]] ||
        fail "pid ${p#/proc/} shows a lab secret on its command line"
done
pass "secrets are 0600 and on no command line"
