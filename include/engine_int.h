/* engine_int: what engine.c and dr_lua.c (the `dr` module) share.  Not a
 * public API: the rest of drctl uses engine.h. */
#ifndef DR_ENGINE_INT_H
#define DR_ENGINE_INT_H

#include <stdint.h>

#include "effect.h"
#include "inventory.h"
#include "engine.h"
#include "journal.h"

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
    int refused;                  /* the failure was a refusal (exit 3), not an error */
    int64_t t0_ms;                /* monotonic start of this execution */
    int64_t first_effect_wall_ms; /* first performed effect (RTO start) */
    dr_effect_hooks hooks;
    inventory_t *inv;  /* loaded from o.inventory_path, or NULL */
    dr_buf last_error; /* the error of the last execution (redacted) */
};

/* Registry keys of the tables the engine keeps in its Lua state. */
#define ENGINE_KEY "dr.engine"      /* light userdata: struct engine */
#define ENGINE_PLAN "dr.plan"       /* list of step entries */
#define ENGINE_RESUME "dr.resume"   /* step number -> journaled state */
#define ENGINE_WRITTEN "dr.written" /* rehearsal: "host\npath" -> content */
#define ENGINE_METRICS "dr.metrics" /* name -> number */
#define ENGINE_SANDBOX "dr.sandbox" /* the runbooks' global table */
#define ENGINE_LASTSEQ "dr.lastseq" /* step number -> its last effect's seq */

struct engine *engine_from_lua(struct lua_State *L);

/* Appends a record (the table on top of L's stack, popped; L is the engine's
 * state or one of its threads) to the journal of a real run; a no-op in a
 * rehearsal.  Raises nothing; returns DR_E*. */
int engine_journal_top(struct engine *e, struct lua_State *L, dr_err *err);

/* Prints a progress or log line on stderr unless quiet (redacted). */
void engine_say(struct engine *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

int luaopen_dr(struct lua_State *L);

/* Tells the inventory's webhooks (notify:) of a real run's event: "start",
 * "step_failed", "refused" or "end" (notify.c).  A no-op in a rehearsal or
 * without webhooks; a webhook that fails is a warning, never an error. */
void engine_notify(struct engine *e, const char *event, const char *status, const char *step,
                   const char *error);

/* Appends the Lua value at idx as JSON (sequences as arrays). */
void engine_json_value(struct lua_State *L, int idx, dr_buf *b, int depth);

/* Pushes the list of a run's journal records (tables, in order). */
int engine_load_journal(struct engine *e, const char *run_id, dr_err *err);

#endif
