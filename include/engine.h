/* engine: runs a Lua runbook against an inventory, step by step, in one of
 * two modes: real (every effect performed, journaled and checkpointed) or
 * rehearsal (every mutating primitive only recorded, read-only probes run
 * for real).  The same runbook code runs in both.
 *
 * The engine owns the Lua state, its sandbox, the run's journal and lock;
 * runbooks reach it through `require "dr"` (engine/dr_lua.c). */
#ifndef DR_ENGINE_H
#define DR_ENGINE_H

#include <stdio.h>

#include "util.h"

struct lua_State;

typedef enum engine_mode {
    ENGINE_REAL,      /* effects performed, journaled, checkpointed */
    ENGINE_REHEARSAL, /* effects recorded; the plan is printed */
    ENGINE_READONLY,  /* status and readiness checks: any effect is refused */
} engine_mode;

typedef struct engine_opts {
    engine_mode mode;
    const char *state_dir;      /* NULL: the default of journal_state_dir */
    const char *runbook_dir;    /* --runbooks DIR, searched after the built-in ones */
    const char *inventory_path; /* -i FILE; NULL: none */
    int quiet;                  /* no progress, no summary on stderr */
    int json;                   /* machine-readable result on stdout */
    int yes;                    /* confirmations and pauses answered yes */
    int force;                  /* override the cooldown (needs reason) */
    const char *reason;         /* why --force; journaled */
    int cooldown_s;             /* minimum time between site switches; 0: default 1800 */
    FILE *plan_out;             /* where a rehearsal prints its plan; NULL: stdout */
    int debug;                  /* --debug: errors with their Lua stack traceback */
    int plan_full;              /* the plan shows every member of a group, even the same change
                                   on many hosts (folded into one with their names otherwise) */
} engine_opts;

typedef struct engine engine;

/* Creates an engine and its Lua sandbox.  Nothing is locked or journaled
 * yet. */
int engine_open(engine **out, const engine_opts *opts, dr_err *err);
void engine_close(engine *e);

/* Finds RUNBOOK (a name like "failover" or a path to a .lua file), checks
 * its parameters (argv: --name value pairs), and runs it: a new run in real
 * mode (locked, journaled), or a rehearsal whose plan is printed.  Returns a
 * DR_EXIT_* code; errors are printed. */
int engine_run(engine *e, const char *runbook, int argc, char **argv);

/* Continues the run RUN_ID from its journal: finished steps are skipped
 * (their recorded results returned), the interrupted one re-checks its
 * precondition. */
int engine_resume(engine *e, const char *run_id);

/* Restores, newest first and byte for byte, every file the run RUN_ID
 * replaced (or removes the ones it created), as a new journaled run of the
 * built-in rollback runbook, and lists what it restored. */
int engine_rollback(engine *e, const char *run_id);

/* The error that ended the last engine_run ("" when it succeeded), valid
 * until the next run or engine_close. */
const char *engine_last_error(const engine *e);

/* Makes a C module available to runbooks' require (tests, extensions). */
void engine_preload(engine *e, const char *name, int (*open)(struct lua_State *L));

/* Prints the runs (no run_id) or one run's steps, durations and results. */
int engine_show_runs(engine *e, const char *run_id);

/* Help for drctl plan|run RUNBOOK --help: the runbook's description and
 * its parameters (from its params table: help, required, default), written
 * to out.  runbook NULL: every runbook found, one line each.  Needs no
 * inventory.  Returns DR_OK or the error of loading the runbook. */
int engine_runbook_help(engine *e, const char *runbook, FILE *out, dr_err *err);

/* The lua_State, for tests and the bindings' own tests. */
struct lua_State *engine_lua(engine *e);

/* Where runbooks and lua modules are searched, in order (NUL-separated). */
void engine_search_path(const engine *e, const char *sub, dr_buf *out);

#endif
