/* engine: runs a Lua runbook against an inventory, step by step, in one of
 * two modes: real (every effect performed, journaled and checkpointed) or
 * rehearsal (every mutating primitive only recorded, read-only probes run
 * for real).  The same runbook code runs in both.
 *
 * The engine owns the Lua state, its sandbox, the run's journal and lock;
 * runbooks reach it through `require "dr"` (engine/dr_lua.c).
 *
 * The engine prints nothing and knows no exit codes: each call fills an
 * engine_result (or returns data) that the CLI renders as text, JSON or
 * reports and maps to an exit code (engine/cmd_common.c, engine/render.c).
 * Progress lines and the operator's confirmation go through the callbacks
 * of engine_opts. */
#ifndef DR_ENGINE_H
#define DR_ENGINE_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "util.h"

struct lua_State;

typedef enum engine_mode {
    ENGINE_REAL,      /* effects performed, journaled, checkpointed */
    ENGINE_REHEARSAL, /* effects recorded; the result holds the plan */
    ENGINE_READONLY,  /* status and readiness checks: any effect is refused */
} engine_mode;

typedef struct engine_opts {
    engine_mode mode;
    const char *state_dir;      /* NULL: the default of journal_state_dir */
    const char *runbook_dir;    /* --runbooks DIR, searched after the built-in ones */
    const char *inventory_path; /* -i FILE; NULL: none */
    int quiet;                  /* no progress (the progress callback is not called) */
    int json;           /* the caller renders JSON: a real run's steps carry their diffs too */
    int yes;            /* confirmations and pauses answered yes */
    int force;          /* override the cooldown (needs reason) */
    const char *reason; /* why --force; journaled */
    int cooldown_s;     /* minimum time between site switches; 0: default 1800 */
    int debug;          /* --debug: errors with their Lua stack traceback */
    int plan_full;      /* the plan shows every member of a group, even the same change
                           on many hosts (folded into one with their names otherwise) */
    /* Progress and log lines of a run (redacted, each ending in '\n'), unless
     * quiet; NULL: dropped. */
    void (*progress)(const char *text, void *ud);
    /* Asks the operator to type an answer to prompt (a runbook's confirm);
     * fills answer (NUL-terminated, no newline) and returns 0, or returns -1
     * when no operator can answer (no terminal).  NULL: nobody can. */
    int (*ask)(const char *prompt, char *answer, size_t n, void *ud);
    void *ud; /* passed to progress and ask */
} engine_opts;

/* How an engine call ended; the CLI maps it to an exit code. */
typedef enum engine_status {
    ENGINE_OK = 0,  /* it ran to the end */
    ENGINE_FAILED,  /* it ran and failed, or was interrupted, or the state could not be read */
    ENGINE_REFUSED, /* a safety rule refused: lock held, cooldown, precondition changed,
                       confirmation not given, a damaged journal */
    ENGINE_INVALID, /* bad input (runbook, parameters, run id): nothing ran */
} engine_status;

/* What engine_run, engine_resume and engine_rollback return.  Owned by the
 * caller: engine_result_free releases it (safe on a zeroed result). */
typedef struct engine_result {
    engine_status status;
    const char *outcome; /* the run's status as journaled: "ok" | "failed" | "refused" |
                            "interrupted"; NULL when the runbook's main never ran (static) */
    char *error;         /* NULL on success; else what the operator reads, one or more lines
                            ("refused: why\nto unblock: how\n(where: step)"), no final newline;
                            with --debug a Lua stack traceback follows ("stack traceback:",
                            then lines that start with a tab) */
    char *raw_error;     /* the runbook's error as raised (redacted, with its traceback): what
                            JSON and webhooks carry; NULL when main did not fail */
    char run_id[80];     /* "" when no run was journaled (a rehearsal) */
    char *runbook;       /* the runbook's name; NULL when it was not loaded */
    engine_mode mode;
    int effects;         /* effects performed and journaled in the run (over resumes) */
    int64_t duration_ms; /* of main */
    /* The plan, as an array of step objects: name, host, status, ms,
     * wall_start_ms, group, group_first, group_size, notes (array), effects
     * (array of kind, host, summary, path, diff, diff_sha256, ...; before and
     * after dropped).  NULL when main never ran. */
    json_t *steps;
    json_t *metrics; /* object: name -> number (dr.metric); NULL when main never ran */
} engine_result;

void engine_result_free(engine_result *r);

typedef struct engine engine;

/* Creates an engine and its Lua sandbox.  Nothing is locked or journaled
 * yet. */
int engine_open(engine **out, const engine_opts *opts, dr_err *err);
void engine_close(engine *e);

/* Finds RUNBOOK (a name like "failover" or a path to a .lua file), checks
 * its parameters (argv: --name value pairs), and runs it: a new run in real
 * mode (locked, journaled), or a rehearsal whose plan the result holds.
 * Fills res (zeroed first) and returns res->status. */
engine_status engine_run(engine *e, const char *runbook, int argc, char **argv, engine_result *res);

/* Continues the run RUN_ID from its journal: finished steps are skipped
 * (their recorded results returned), the interrupted one re-checks its
 * precondition. */
engine_status engine_resume(engine *e, const char *run_id, engine_result *res);

/* Restores, newest first and byte for byte, every file the run RUN_ID
 * replaced (or removes the ones it created), as a new journaled run of the
 * built-in rollback runbook (which lists what it restored). */
engine_status engine_rollback(engine *e, const char *run_id, engine_result *res);

/* Makes a C module available to runbooks' require (tests, extensions). */
void engine_preload(engine *e, const char *name, int (*open)(struct lua_State *L));

/* The runs of the state directory in journal_list_runs order: a new array
 * of objects {run, runbook, status ("ok", "failed", ..., "stopped" without
 * an end record, "corrupt" or "unreadable" with error), started_ms,
 * ended_ms (0: none), params (object)}.  Returns DR_OK or DR_E* (err). */
int engine_list_runs(engine *e, json_t **runs, dr_err *err);

/* One run's journal: its records in order (a new array of objects) and,
 * when it reads in full, its structured view (schema drctl.run-journal/1).
 * Returns DR_OK; DR_EPARSE with the records before the damage (*view NULL,
 * err says where); or another DR_E* with nothing. */
int engine_run_journal(engine *e, const char *run_id, json_t **records, json_t **view, dr_err *err);

/* Help for drctl plan|run RUNBOOK --help: the runbook's description and
 * its parameters (from its params table: help, required, default),
 * appended to out.  runbook NULL: every runbook found, one line each.  Needs no
 * inventory.  Returns DR_OK or the error of loading the runbook. */
int engine_runbook_help(engine *e, const char *runbook, dr_buf *out, dr_err *err);

/* The lua_State, for tests and the bindings' own tests. */
struct lua_State *engine_lua(engine *e);

/* Where runbooks and lua modules are searched, in order (NUL-separated). */
void engine_search_path(const engine *e, const char *sub, dr_buf *out);

#endif
