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

/* The exit code of an engine call that ended with s (cli.h). */
int cmd_exit_code(engine_status s);

/* Appends error (an engine_result's, one or more lines) as the operator
 * reads it: each line as "drctl: LINE\n", but the lines of a Lua stack
 * traceback (--debug) as they are. */
void cmd_error_lines(const char *error, dr_buf *out);

/* Shows what an engine call returned, as the command's options ask: a
 * rehearsal's plan (text, or drctl.run/1 with --json) on stdout; a real
 * run's drctl.run/1 (--json) on stdout and its summary on stderr (unless
 * quiet); the error on stderr.  Returns the exit code. */
int cmd_show_result(const engine_opts *o, const engine_result *r);

/* drctl runs [RUN] on an open engine: the table (or drctl.runs/1) of the
 * runs, or one run's journal (text, or drctl.run-journal/1).  Returns the
 * exit code (engine/cmd_runs.c). */
int cmd_show_runs(engine *e, const char *run_id, int json);

/* Runs the runbook a->target with a->rest as its parameters and shows the
 * result (cmd_show_result). */
int cmd_do_run(engine *e, struct run_args *a);

/* Runs the built-in read-only view lua/dr/<a->target>.lua (it prints its
 * own result) and shows its error, if any. */
int cmd_builtin(engine *e, struct run_args *a);

#endif
