/* cli: exit codes and the entry points of drctl's commands.  Each command
 * takes argc/argv starting at its own name and returns a DR_EXIT_* code. */
#ifndef DR_CLI_H
#define DR_CLI_H

#include "util.h"

enum {
    DR_EXIT_OK = 0,    /* success; a drill: the standby is ready */
    DR_EXIT_FAIL = 1,  /* the operation ran and failed; a drill: not ready */
    DR_EXIT_USAGE = 2, /* bad usage or invalid input; nothing was changed */
};

#endif
