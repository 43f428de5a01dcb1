#!/bin/sh
# Installs the Debian packages drctl builds, tests and runs its lab with,
# and does nothing when every one of them is there already.
set -eu

PACKAGES="make build-essential cmake pkg-config clang libclang-rt-14-dev
libzookeeper-mt-dev libssh2-1-dev libxml2-dev libcurl4-openssl-dev liblua5.4-dev
libyaml-dev libjansson-dev libcmocka-dev libxml2-utils libssl-dev
zookeeper default-jre-headless clickhouse-server clickhouse-client
openssh-server openssh-client netcat-openbsd iproute2 iptables procps curl python3 jq openssl util-linux time bc sudo
chromium systemd man-db"

missing=""
for p in $PACKAGES; do
    s=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    case "$s" in
    *"install ok installed"*) ;;
    *) missing="$missing $p" ;;
    esac
done
[ -z "$missing" ] && exit 0

echo "deps: installing:$missing"
if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
else
    echo "deps: these Debian packages are missing:$missing" >&2
    echo "deps: run 'make deps' as root (or with passwordless sudo), or install them by hand" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y --no-install-recommends $missing
