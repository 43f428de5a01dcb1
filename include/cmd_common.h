/* cmd_common: what the engine commands of drctl (cmd_plan.c, cmd_run.c,
 * cmd_resume.c, cmd_rollback.c, cmd_runs.c, cmd_status.c, cmd_drill.c)
 * share: their common options and one engine opened for one command.  The
 * CLI's own header; nothing below the CLI includes it. */
#ifndef DR_CMD_COMMON_H
#define DR_CMD_COMMON_H

#include "engine.h"

/* Options common to the engine commands; whatever is not one of them is a
 * runbook parameter and is left in rest[] in order. */
struct run_args {
    engine_opts o;
    const char *target; /* runbook or run id */
    char **rest;
    int nrest;
};

/* Parses argv (argv[0]: the command) into a; rest is allocated (the caller
 * frees a->rest, also on failure).  need_target: a runbook or run id is
 * required.  Returns 0, or -1 after printing the usage error. */
int cmd_parse_run_args(int argc, char **argv, struct run_args *a, int need_target);

/* Opens an engine with a->o, calls fn, closes it and frees a->rest.
 * Returns fn's DR_EXIT_* code, or the one of a failed open. */
int cmd_with_engine(struct run_args *a, int (*fn)(engine *, struct run_args *));

/* Runs the runbook a->target with a->rest as its parameters. */
int cmd_do_run(engine *e, struct run_args *a);

/* Runs the built-in read-only view lua/dr/<a->target>.lua. */
int cmd_builtin(engine *e, struct run_args *a);

#endif
