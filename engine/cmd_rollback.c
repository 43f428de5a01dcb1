/* cmd_rollback: drctl rollback RUN: restores what the run RUN changed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd_common.h"
#include "engine.h"

static int do_rollback(engine *e, struct run_args *a)
{
    engine_result r;
    engine_rollback(e, a->target, &r);
    int code = cmd_show_result(&a->o, &r);
    engine_result_free(&r);
    return code;
}

int cmd_rollback(int argc, char **argv)
{
    struct run_args a;
    if (cmd_parse_run_args(argc, argv, &a, 1))
        return free(a.rest), DR_EXIT_USAGE;
    a.o.mode = ENGINE_REAL;
    a.o.yes = 1;
    return cmd_with_engine(&a, do_rollback);
}
