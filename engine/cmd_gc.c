/* drctl gc: the gc runbook (runbooks/gc.lua) as a rehearsal, which lists
 * what earlier runs set aside on the hosts and what the retention would
 * remove, or with --yes as a real run that removes it. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int cmd_gc(int argc, char **argv)
{
    int yes = 0;
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--yes") == 0)
            yes = 1;
    /* drctl plan|run gc ARGS... */
    char **av = calloc((size_t)argc + 2, sizeof *av);
    if (!av)
        return DR_EXIT_FAIL;
    int n = 0;
    av[n++] = yes ? "run" : "plan";
    av[n++] = "gc";
    for (int i = 1; i < argc; i++)
        if (yes || strcmp(argv[i], "--yes") != 0)
            av[n++] = argv[i];
    av[n] = NULL;
    int code = yes ? cmd_run(n, av) : cmd_plan(n, av);
    free(av);
    return code;
}
