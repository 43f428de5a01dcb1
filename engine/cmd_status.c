/* cmd_status: drctl status: the built-in read-only view lua/dr/status.lua. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd_common.h"
#include "engine.h"

int cmd_status(int argc, char **argv)
{
    struct run_args a;
    if (cmd_parse_run_args(argc, argv, &a, 0))
        return free(a.rest), DR_EXIT_USAGE;
    if (a.target) {
        fprintf(stderr, "drctl status: unexpected argument '%s'\n", a.target);
        free(a.rest);
        return DR_EXIT_USAGE;
    }
    if (!a.o.inventory_path) {
        fprintf(stderr, "drctl status: no inventory: give -i FILE or set DRCTL_INVENTORY\n");
        free(a.rest);
        return DR_EXIT_USAGE;
    }
    a.target = "status";
    a.o.mode = ENGINE_READONLY;
    return cmd_with_engine(&a, cmd_builtin);
}
