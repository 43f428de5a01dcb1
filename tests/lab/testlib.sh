# testlib.sh: helpers for the shell lab tests (tests/lab/test_*.sh), which run
# under `tests/lab/lab exec` with DRCTL_LAB_DIR and DRCTL_LAB_NET exported.
# Source it from bash:  . "$(dirname "$0")/testlib.sh"
# Secrets stay in files: ClickHouse credentials go to curl through -K.

: "${DRCTL_LAB_DIR:?run me through tests/lab/lab exec}"
: "${DRCTL_LAB_NET:?run me through tests/lab/lab exec}"
LAB_DIR=$DRCTL_LAB_DIR
LAB_NET=$DRCTL_LAB_NET
TEST_NAME=$(basename "$0" .sh)

fail() {
    echo "$TEST_NAME: FAIL: $*" >&2
    exit 1
}
pass() { echo "$TEST_NAME: ok: $*"; }

lab_addr() {
    if [ "${DRCTL_LAB_NETNS:-0}" = 1 ]; then # the network lab: chicago .1.N, dallas .2.N
        case $1 in
        zk[1-3]) echo "$LAB_NET.1.$((10 + ${1#zk}))" ;;
        zk[4-6]) echo "$LAB_NET.2.$((10 + ${1#zk}))" ;;
        ch[1-2]) echo "$LAB_NET.1.$((20 + ${1#ch}))" ;;
        ch[3-4]) echo "$LAB_NET.2.$((20 + ${1#ch}))" ;;
        *) fail "lab_addr: unknown host $1" ;;
        esac
        return
    fi
    case $1 in
    zk[1-6]) echo "$LAB_NET.$((10 + ${1#zk}))" ;;
    ch[1-4]) echo "$LAB_NET.$((20 + ${1#ch}))" ;;
    *) fail "lab_addr: unknown host $1" ;;
    esac
}

now_ms() { date +%s%3N; }

# has GREP-ARGS...: `producer | has -E PATTERN` is `grep -q` that first reads
# all of its input. Under pipefail, a plain `| grep -q` that matches early
# exits while the producer still writes (bash's printf writes line by line),
# the producer dies of SIGPIPE and the pipeline fails though the line matched.
has() {
    local in
    in=$(cat)
    grep -q "$@" <<<"$in"
}

# wait_until SECONDS COMMAND...: poll with backoff (50 ms .. 1 s) until
# COMMAND succeeds; 1 on timeout.
wait_until() {
    local secs=$1 deadline delay_ms=50
    shift
    deadline=$(($(now_ms) + secs * 1000))
    until "$@"; do
        (($(now_ms) < deadline)) || return 1
        sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
        delay_ms=$((delay_ms * 2 > 1000 ? 1000 : delay_ms * 2))
    done
}

# ch_query HOST SQL: SQL over HTTP as user default; fails with the server's text.
ch_query() {
    curl -sS --fail-with-body --max-time 30 -K "$LAB_DIR/secrets/ch_curl" \
        --data-binary "$2" "http://$(lab_addr "$1"):8123/"
}

# zk_4lw HOST WORD: a ZooKeeper four-letter word's answer (empty if none).
zk_4lw() {
    printf '%s' "$2" | nc -w 2 "$(lab_addr "$1")" 2181 2>/dev/null || true
}

# lab_ssh HOST CMD: run CMD on HOST through its sshd, strict host key check.
lab_ssh() {
    local h=$1
    shift
    ssh -p 2222 -i "$LAB_DIR/keys/id_ed25519" -o UserKnownHostsFile="$LAB_DIR/keys/known_hosts" \
        -o StrictHostKeyChecking=yes -o BatchMode=yes -o ConnectTimeout=5 \
        -o IdentitiesOnly=yes -o LogLevel=ERROR "root@$(lab_addr "$h")" "$@"
}

# lab_files_snapshot: a hash of every file on the lab's hosts that a plan
# must not touch (configs, scripts, keys), and the names of the data
# backups (their contents are ZooKeeper logs, preallocated 64 MB sparse
# files: hashing them costs minutes and says nothing about configs).
lab_files_snapshot() {
    (cd "$LAB_DIR/hosts" && {
        find . -path '*/data.drctl-*' -prune -print | sort
        find . -path '*/data' -prune -o -path '*/data.drctl-*' -prune -o -path '*/log' -prune -o \
            -path '*/tmp' -prune -o -path '*/run' -prune -o -type f -print0 | sort -z |
            xargs -0 sha256sum
    })
}

# dallas_behind_bastion / dallas_direct_again: the dallas sshds (zk4-zk6,
# ch3, ch4) admit only connections from the bastion's address (AllowUsers
# *@NET.31, reloaded with SIGHUP), so that they are reachable only through
# it; and back.  `lab up` also rewrites their configs without the line.
DALLAS_HOSTS="zk4 zk5 zk6 ch3 ch4"
dallas_behind_bastion() {
    local h cfg
    for h in $DALLAS_HOSTS; do
        cfg=$LAB_DIR/hosts/$h/sshd/sshd_config
        grep -q '^AllowUsers ' "$cfg" || echo "AllowUsers *@$LAB_NET.31" >>"$cfg"
        "$LAB_DIR/bin/hostctl" reload "$LAB_DIR/hosts/$h" sshd >/dev/null || return 1
    done
}
dallas_direct_again() {
    local h cfg
    for h in $DALLAS_HOSTS; do
        cfg=$LAB_DIR/hosts/$h/sshd/sshd_config
        sed -i '/^AllowUsers /d' "$cfg"
        "$LAB_DIR/bin/hostctl" reload "$LAB_DIR/hosts/$h" sshd >/dev/null || return 1
    done
}
