/* cmd_plan: drctl plan RUNBOOK (a rehearsal and its plan) and drctl plan|run
 * RUNBOOK --help. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd_common.h"
#include "engine.h"

/* The header of a text plan: the state it starts from (lua/dr/plan_state),
 * in a read-only engine of its own.  A failure costs the header only: the
 * plan itself says what is wrong. */
static void plan_header(const struct run_args *a)
{
    if (a->o.json || !a->o.inventory_path)
        return;
    struct run_args h = *a;
    h.o.mode = ENGINE_READONLY;
    h.o.quiet = 1;
    h.target = "plan_state";
    h.nrest = 0;
    engine *e = NULL;
    dr_err err = {0};
    if (engine_open(&e, &h.o, &err) == DR_OK)
        cmd_builtin(e, &h);
    engine_close(e);
    fflush(stdout);
}

int cmd_plan(int argc, char **argv)
{
    struct run_args a;
    if (cmd_parse_run_args(argc, argv, &a, 1))
        return free(a.rest), DR_EXIT_USAGE;
    a.o.mode = ENGINE_REHEARSAL;
    plan_header(&a);
    return cmd_with_engine(&a, cmd_do_run);
}

int cmd_runbook_help(int argc, char **argv)
{
    struct run_args a;
    char **args = calloc((size_t)argc + 1, sizeof *args);
    int n = 0;
    for (int i = 0; i < argc; i++)
        if (i == 0 || (strcmp(argv[i], "--help") && strcmp(argv[i], "-h")))
            args[n++] = argv[i];
    int rc = cmd_parse_run_args(n, args, &a, 0);
    free(args);
    if (rc)
        return free(a.rest), DR_EXIT_USAGE;
    a.o.inventory_path = NULL; /* help reads runbooks only */
    a.o.mode = ENGINE_REHEARSAL;
    engine *e = NULL;
    dr_err err = {0};
    int code = DR_EXIT_OK;
    dr_buf help = DR_BUF_INIT;
    if (engine_open(&e, &a.o, &err) != DR_OK ||
        engine_runbook_help(e, a.target, &help, &err) != DR_OK) {
        fprintf(stderr, "drctl %s: %s\n", argv[0], err.msg);
        code = DR_EXIT_USAGE;
    } else {
        fputs(help.data ? help.data : "", stdout);
    }
    dr_buf_free(&help);
    engine_close(e);
    free(a.rest);
    return code;
}
