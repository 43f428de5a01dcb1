#!/usr/bin/env bash
# The HTML report of a failing drill, as a browser shows it: a readiness
# drill against the lab with zk4's host key missing from known_hosts (so
# that it fails), its --html report rendered by headless Chromium.  The
# rendered DOM must name the cluster, the inventory and drctl's version in
# the header, hold a summary box that says NOT READY with the counts, list
# the failures first (highlighted), and draw a timeline with a time axis,
# ticks and a legend; the screenshot is kept for a person to look at
# ($DRCTL_BUILD_DIR/drill-report.png).
set -euo pipefail
. "$(dirname "$0")/testlib.sh"
: "${DRCTL:?}"
INV=${DRCTL_SOURCE_DIR:?}/sites/lab.yaml
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then
    echo "$TEST_NAME: SKIP: chromium is not installed (tests/deps.sh installs it)"
    exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

grep -v "^\[$(lab_addr zk4)\]" "$LAB_DIR/keys/known_hosts" >"$work/known_hosts"
sed "s#known_hosts: .*#known_hosts: $work/known_hosts#" "$INV" >"$work/inventory.yaml"
rc=0
"$DRCTL" drill -i "$work/inventory.yaml" --state-dir "$work/state" --html "$work/drill.html" \
    --json-file "$work/drill.json" >"$work/drill.txt" 2>"$work/drill.err" || rc=$?
[ "$rc" -eq 1 ] || fail "the drill exited $rc, expected 1 (not ready): $(cat "$work/drill.err")"
[ -s "$work/drill.html" ] || fail "no HTML report written"

chrome() {
    local profile
    profile=$(mktemp -d "$work/profile.XXXXXX")
    timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --disable-dev-shm-usage --user-data-dir="$profile" "$@" 2>>"$work/chromium.err"
}
chrome --dump-dom "file://$work/drill.html" >"$work/dom.html" ||
    fail "chromium could not render the report: $(tail -5 "$work/chromium.err")"
version=$("$DRCTL" version | cut -d' ' -f2)
python3 - "$work/dom.html" "$work/inventory.yaml" "$version" <<'PY' || fail "the rendered report lacks what it must show"
import sys
from html.parser import HTMLParser

dom, inventory, version = open(sys.argv[1]).read(), sys.argv[2], sys.argv[3]

class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.text, self.rows, self.ticks, self.ids = [], {}, [], [], {}
        self.in_checks = False
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.stack.append((tag, a))
        if tag == "table" and a.get("class") == "checks":
            self.in_checks = True
        if tag == "tr" and self.in_checks and a.get("class"):
            self.rows.append(a["class"])
        if "id" in a:
            self.ids[a["id"]] = ""
    def handle_endtag(self, tag):
        while self.stack:
            t, a = self.stack.pop()
            if t == "table":
                self.in_checks = False
            if t == tag:
                break
    def handle_data(self, data):
        for t, a in self.stack:
            if "id" in a:
                self.ids[a["id"]] = self.ids.get(a["id"], "") + data
        if self.stack and self.stack[-1][1].get("class") == "tick-label":
            self.ticks.append(data)

p = Page()
p.feed(dom)
def need(cond, what):
    if not cond:
        print("report: " + what, file=sys.stderr)
        sys.exit(1)
need(p.ids.get("cluster", "").strip() == "cluster1", "header without the cluster: %r" % p.ids.get("cluster"))
need(p.ids.get("inventory", "").strip() == inventory, "header without the inventory")
need(version in p.ids.get("version", ""), "header without drctl's version")
summary = p.ids.get("summary", "")
need("NOT READY" in summary and " failed" in summary, "no summary box with the verdict: %r" % summary)
need('class="summary not-ready"' in dom, "the summary box is not marked not-ready")
need("ssh zk4" in summary, "the summary does not name the failed check 'ssh zk4'")
need(p.rows and p.rows[0] == "fail", "the first check row is not a failure: %s" % p.rows[:3])
first_ok = next((i for i, c in enumerate(p.rows) if c != "fail"), len(p.rows))
need(all(c == "fail" for c in p.rows[:first_ok]) and "fail" not in p.rows[first_ok:],
     "failures are not all listed first: %s" % p.rows)
need(len(p.ticks) >= 3 and p.ticks[0] == "0 s", "the time axis has no ticks: %s" % p.ticks)
need('class="legend"' in dom and "RTO window" in dom, "no legend")
need("tr.fail{background" in dom, "failure rows are not highlighted")
print("report: %d checks, %d failed first, ticks %s" % (len(p.rows), first_ok, " ".join(p.ticks)))
PY
pass "the rendered report has the header, summary, failures first, axis ticks and legend"

shot=${DRCTL_BUILD_DIR:-$work}/drill-report.png
rm -f "$shot"
chrome --screenshot="$shot" --window-size=1200,1600 "file://$work/drill.html" >/dev/null ||
    fail "chromium could not take a screenshot: $(tail -5 "$work/chromium.err")"
[ "$(head -c 8 "$shot" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] || fail "$shot is not a PNG"
[ "$(stat -c %s "$shot")" -gt 20000 ] || fail "$shot is too small to show the report"
pass "screenshot $shot ($(stat -c %s "$shot") bytes)"
