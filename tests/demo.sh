#!/bin/sh
# make demo: bring up the lab and show its health.
set -eu
cd "$(dirname "$0")/.."
tests/lab/lab up
tests/lab/lab status
