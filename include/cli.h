/* cli: exit codes and the entry points of drctl's commands.  Each command
 * takes argc/argv starting at its own name and returns a DR_EXIT_* code. */
#ifndef DR_CLI_H
#define DR_CLI_H

#include "util.h"

/* The inventory used when neither -i nor $DRCTL_INVENTORY names one. */
#define DRCTL_DEFAULT_INVENTORY "/etc/drctl/inventory.yaml"

enum {
    DR_EXIT_OK = 0,      /* success; a drill: the standby is ready */
    DR_EXIT_FAIL = 1,    /* the operation ran and failed; a drill: not ready */
    DR_EXIT_USAGE = 2,   /* bad usage or invalid input; nothing was changed */
    DR_EXIT_REFUSED = 3, /* a safety rule refused: lock held, cooldown, precondition
                            changed, confirmation not given */
};

/* Engine commands, one file each: engine/cmd_plan.c, cmd_run.c (run, fence,
 * init), cmd_resume.c, cmd_runs.c, cmd_rollback.c, cmd_status.c. */
int cmd_plan(int argc, char **argv);
int cmd_run(int argc, char **argv);
int cmd_resume(int argc, char **argv);
int cmd_runs(int argc, char **argv);
int cmd_rollback(int argc, char **argv);
int cmd_status(int argc, char **argv);
int cmd_fence(int argc, char **argv);
/* drctl drill (engine/cmd_drill.c): readiness checks (read-only) or a full
 * drill, and its reports; exit 0 ready, 1 not ready, 2 could not run. */
int cmd_drill(int argc, char **argv);
/* drctl gc [--yes] [--runs N] [--days D]: what earlier runs set aside on the
 * hosts, pruned beyond the retention (engine/cmd_gc.c). */
int cmd_gc(int argc, char **argv);
/* drctl init (engine/cmd_run.c): the heartbeat table on every ClickHouse server (runbook init). */
int cmd_init(int argc, char **argv);
/* drctl plan|run RUNBOOK --help (engine/cmd_plan.c): the runbook's description and parameters
 * (no RUNBOOK: every runbook found).  argv[0] is the command; --help and the
 * common options are skipped.  Needs no inventory. */
int cmd_runbook_help(int argc, char **argv);

#endif
