/* cmd_runs: drctl runs [RUN]: the runs of the state directory, or one run. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd_common.h"
#include "engine.h"
#include "json.h"
#include "render.h"

int cmd_show_runs(engine *e, const char *run_id, int json)
{
    dr_err err = {0};
    dr_buf b = DR_BUF_INIT;
    if (!run_id) {
        json_t *runs = NULL;
        if (engine_list_runs(e, &runs, &err)) {
            fprintf(stderr, "drctl: %s\n", err.msg);
            return DR_EXIT_FAIL;
        }
        int unreadable = json ? render_runs_json(runs, &b) : render_runs_table(runs, &b);
        dr_redact(&b);
        fputs(b.data, stdout);
        dr_buf_free(&b);
        size_t count = json_array_size(runs);
        json_decref(runs);
        if (unreadable) {
            fprintf(stderr,
                    "drctl: %d of %zu runs have a journal that cannot be read in full (marked "
                    "above); see drctl runs RUN\n",
                    unreadable, count);
            return DR_EXIT_FAIL;
        }
        return DR_EXIT_OK;
    }
    json_t *records = NULL, *view = NULL;
    int lrc = engine_run_journal(e, run_id, &records, &view, &err);
    if (lrc && lrc != DR_EPARSE) {
        fprintf(stderr, "drctl: %s\n", err.msg);
        return err.code == DR_EINVAL || err.code == DR_ENOTFOUND ? DR_EXIT_USAGE : DR_EXIT_FAIL;
    }
    if (json && view) { /* a damaged journal: what can be read is shown as text */
        json_dump_buf(view, JSON_COMPACT, &b);
        dr_buf_putc(&b, '\n');
        dr_redact(&b);
    } else {
        render_run_records(run_id, records, &b);
    }
    fputs(b.data ? b.data : "", stdout);
    dr_buf_free(&b);
    json_decref(records);
    json_decref(view);
    if (lrc == DR_EPARSE) {
        printf("UNREADABLE: %s\n", err.msg);
        fprintf(stderr, "drctl: %s\n", err.msg);
        return DR_EXIT_FAIL;
    }
    return DR_EXIT_OK;
}

static int do_runs(engine *e, struct run_args *a)
{
    return cmd_show_runs(e, a->target, a->o.json);
}

int cmd_runs(int argc, char **argv)
{
    struct run_args a;
    if (cmd_parse_run_args(argc, argv, &a, 0))
        return free(a.rest), DR_EXIT_USAGE;
    return cmd_with_engine(&a, do_runs);
}
