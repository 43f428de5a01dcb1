/* cmd_resume: drctl resume RUN: continues an interrupted run from its journal. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd_common.h"
#include "engine.h"

static int do_resume(engine *e, struct run_args *a)
{
    if (a->nrest) {
        fprintf(stderr, "drctl resume: unexpected argument '%s'\n", a->rest[0]);
        return DR_EXIT_USAGE;
    }
    engine_result r;
    engine_resume(e, a->target, &r);
    int code = cmd_show_result(&a->o, &r);
    engine_result_free(&r);
    return code;
}

int cmd_resume(int argc, char **argv)
{
    struct run_args a;
    if (cmd_parse_run_args(argc, argv, &a, 1))
        return free(a.rest), DR_EXIT_USAGE;
    a.o.mode = ENGINE_REAL;
    return cmd_with_engine(&a, do_resume);
}
