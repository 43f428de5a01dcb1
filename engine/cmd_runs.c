/* cmd_runs: drctl runs [RUN]: the runs of the state directory, or one run. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd_common.h"
#include "engine.h"

static int do_runs(engine *e, struct run_args *a)
{
    return engine_show_runs(e, a->target);
}

int cmd_runs(int argc, char **argv)
{
    struct run_args a;
    if (cmd_parse_run_args(argc, argv, &a, 0))
        return free(a.rest), DR_EXIT_USAGE;
    return cmd_with_engine(&a, do_runs);
}
