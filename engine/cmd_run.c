/* cmd_run: drctl run RUNBOOK, and the commands that are one runbook run for
 * real: drctl fence, drctl init. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd_common.h"
#include "engine.h"

int cmd_run(int argc, char **argv)
{
    struct run_args a;
    if (cmd_parse_run_args(argc, argv, &a, 1))
        return free(a.rest), DR_EXIT_USAGE;
    a.o.mode = ENGINE_REAL;
    return cmd_with_engine(&a, cmd_do_run);
}

/* drctl fence --site S: the fence runbook, for real (a rehearsal of it is
 * `drctl plan fence --site S`). */
int cmd_fence(int argc, char **argv)
{
    char **v = calloc((size_t)argc + 2, sizeof *v);
    if (!v)
        return DR_EXIT_USAGE;
    char name[] = "fence";
    v[0] = argv[0];
    v[1] = name;
    for (int i = 1; i < argc; i++)
        v[i + 1] = argv[i];
    int code = cmd_run(argc + 1, v);
    free(v);
    return code;
}

/* drctl init: the runbook runbooks/init.lua, run for real (journaled):
 * the heartbeat table on every ClickHouse server. */
int cmd_init(int argc, char **argv)
{
    struct run_args a;
    if (cmd_parse_run_args(argc, argv, &a, 0))
        return free(a.rest), DR_EXIT_USAGE;
    if (a.target) {
        fprintf(stderr, "drctl init: unexpected argument '%s' (see drctl help init)\n", a.target);
        free(a.rest);
        return DR_EXIT_USAGE;
    }
    if (!a.o.inventory_path) {
        fprintf(stderr, "drctl init: no inventory: give -i FILE or set DRCTL_INVENTORY\n");
        free(a.rest);
        return DR_EXIT_USAGE;
    }
    a.target = "init";
    a.o.mode = ENGINE_REAL;
    return cmd_with_engine(&a, cmd_do_run);
}
