# Shared by test_plans.sh and record.sh: the scenario table and the plan's
# golden forms.  Needs SRC (the source root) and HERE (this directory).

# scenario NAME: sets INV and ARGS (an array) from the scenarios file;
# fails for an unknown name.
scenario() {
    local name inv rest
    while read -r name inv rest; do
        case $name in '' | '#'*) continue ;; esac
        if [ "$name" = "$1" ]; then
            INV=$SRC/$inv
            read -r -a ARGS <<<"$rest"
            return 0
        fi
    done <"$HERE/scenarios"
    echo "no scenario '$1' in $HERE/scenarios" >&2
    return 1
}

# scenario_names: every scenario, in file order
scenario_names() { sed -e '/^#/d' -e '/^[[:space:]]*$/d' -e 's/[[:space:]].*//' "$HERE/scenarios"; }

# normalize: the lab directory and net as @LAB@ and @NET@ (LAB_DIR, LAB_NET)
normalize() {
    local net_re=${LAB_NET//./\\.}
    sed -e "s|$LAB_DIR|@LAB@|g" -e "s|$net_re\.|@NET@.|g" -e 's/ ([0-9]* bytes)//'
}

# steps_of PLAN.json: the ordered steps, every effect, every note (the form
# of tests/lab/test_keeper_plan.sh's goldens)
steps_of() {
    jq -r '.steps[] | "\(.n). \(.name)" + (if .host then "  [\(.host)]" else "" end),
        (.effects[]? | "    \(.kind) \(.host): \(.summary)"), (.notes[]? | "    # \(.)")' "$1" |
        normalize
}

# diffs_of PLAN.json: the diff of every file the plan writes or removes, in
# plan order
diffs_of() {
    jq -r '.steps[] | . as $s | .effects[]? | select(.kind == "write_file" or .kind == "remove_file")
        | "=== \($s.n). \(.kind) \(.host): \(.path)", (.diff // "")' "$1" | normalize
}
