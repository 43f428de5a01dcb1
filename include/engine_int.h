/* engine_int: what engine.c and dr_lua.c (the `dr` module) share.  Not a
 * public API: the rest of drctl uses engine.h. */
#ifndef DR_ENGINE_INT_H
#define DR_ENGINE_INT_H

#include <stdint.h>

#include "effect.h"
#include "inventory.h"
#include "engine.h"
#include "journal.h"
#include "json.h"

struct lua_State;

struct engine {
    engine_opts o;
    struct lua_State *L;
    dr_buf state_dir;
    journal *j;  /* NULL in a rehearsal */
    int lock_fd; /* -1 when not locked */
    char run_id[80];
    dr_buf runbook_path;
    dr_buf runbook_name;
    int step_no;                  /* steps entered so far in this execution */
    int cur_step;                 /* step being run (its number), 0 outside a step */
    int effect_seq;               /* effects journaled in this run (over resumes too) */
    int resuming;                 /* executing a resume: the registry holds dr.resume */
    int refused;                  /* the failure was a refusal (ENGINE_REFUSED), not an error */
    int64_t t0_ms;                /* monotonic start of this execution */
    int64_t first_effect_wall_ms; /* first performed effect (RTO start) */
    dr_effect_hooks hooks;
    inventory_t *inv;        /* loaded from o.inventory_path, or NULL */
    int64_t run_deadline_ms; /* dr_now_ms() by which main must end; 0: none */
    int64_t step_timeout_ms; /* default wall-clock budget of one step; 0: none */
    int run_deadline_s;      /* the run's budget, for messages */
    int interrupted;         /* the signal that stopped the run at a safe point, or 0 */
};

/* Registry keys of the tables the engine keeps in its Lua state. */
#define ENGINE_KEY "dr.engine"          /* light userdata: struct engine */
#define ENGINE_PLAN "dr.plan"           /* list of step entries */
#define ENGINE_RESUME "dr.resume"       /* step number -> journaled state */
#define ENGINE_WRITTEN "dr.written"     /* rehearsal: "host\npath" -> content */
#define ENGINE_METRICS "dr.metrics"     /* name -> number */
#define ENGINE_SANDBOX "dr.sandbox"     /* the runbooks' global table */
#define ENGINE_LASTSEQ "dr.lastseq"     /* step number -> its last effect's seq */
#define ENGINE_DEADLINES "dr.deadlines" /* step number -> dr_now_ms() it must end by */

struct engine *engine_from_lua(struct lua_State *L);

/* Appends a record (the table on top of L's stack, popped; L is the engine's
 * state or one of its threads) to the journal of a real run; a no-op in a
 * rehearsal.  Raises nothing; returns DR_E*. */
int engine_journal_top(struct engine *e, struct lua_State *L, dr_err *err);

/* Rewrites err (a failed write of the journal or of a checkpoint) into
 * what the operator needs: whether the current step acted (acted), which
 * steps finished, and that resume continues once the state directory can be
 * written. */
void engine_state_write_failed(struct engine *e, struct lua_State *L, dr_err *err, int acted);

/* Prints a progress or log line on stderr unless quiet (redacted). */
void engine_say(struct engine *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

int luaopen_dr(struct lua_State *L);

/* The safe points of a run: raises (in L) when SIGINT or SIGTERM arrived,
 * when the run's deadline or the current step's deadline has passed.  Called
 * between steps, between the polls of a wait (safe_in_step: a signal stops
 * the run there too), and from the count hook (a signal only outside steps). */
void engine_check_stop(struct engine *e, struct lua_State *L, int safe_in_step);

/* The signal that asked the run to stop (SIGINT, SIGTERM), or 0. */
int engine_stop_signal(void);

/* Test hook for the crash matrix (tests/lab/crash_matrix.sh): when the
 * environment variable DRCTL_CRASH_AT names this point ("step:N:PHASE" with
 * PHASE check, act, verify or end; "effect:SEQ" after effect SEQ is done and
 * journaled), a real run raises SIGKILL on itself there, so that a test can
 * stop drctl at an exact step boundary instead of racing a timer.  A no-op
 * when the variable is unset, in a rehearsal and on resume. */
void engine_crash_point(struct engine *e, const char *what, int n, const char *phase);
/* Tells the inventory's webhooks (notify:) of a real run's event: "start",
 * "step_failed", "refused" or "end" (notify.c).  A no-op in a rehearsal or
 * without webhooks; a webhook that fails is a warning, never an error. */
void engine_notify(struct engine *e, const char *event, const char *status, const char *step,
                   const char *error);

/* The Lua value at idx as JSON (sequences as arrays; a new reference), and
 * the same appended as compact text. */
json_t *engine_lua_json(struct lua_State *L, int idx, int depth);
void engine_json_value(struct lua_State *L, int idx, dr_buf *b, int depth);

/* Pushes the list of a run's journal records (tables, in order). */
int engine_load_journal(struct engine *e, const char *run_id, dr_err *err);

#endif
