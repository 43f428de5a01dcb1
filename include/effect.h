/* effect: the one point where every mutating primitive meets the engine.
 *
 * A Lua binding that is about to change something on a host (run a command,
 * replace a file, write a znode, reconfigure an ensemble, write to
 * ClickHouse) describes the change in a dr_effect and calls dr_effect_gate()
 * first.  The engine installs a hook in the Lua registry that journals the
 * effect, checkpoints the content being replaced, and decides whether the
 * change is performed (real run) or only recorded (rehearsal).  Without a
 * hook (unit tests, plain C use) every effect is performed.
 *
 * The primitives' C APIs know nothing of this: only the *_lua.c bindings
 * call the gate, so a rehearsal and a real run execute the same runbook
 * code and differ only in the answer the gate gives. */
#ifndef DR_EFFECT_H
#define DR_EFFECT_H

#include <stddef.h>

#include "util.h"

struct lua_State;

typedef enum dr_effect_kind {
    DR_EFFECT_EXEC,        /* a command run on a host */
    DR_EFFECT_WRITE_FILE,  /* a file replaced on a host */
    DR_EFFECT_ZK_WRITE,    /* a znode created, set or deleted */
    DR_EFFECT_ZK_RECONFIG, /* an ensemble membership change */
    DR_EFFECT_CH_WRITE,    /* a ClickHouse statement that changes state */
    DR_EFFECT_REMOVE_FILE, /* a file removed from a host (before: its content) */
    DR_EFFECT_HTTP,        /* an HTTP request to a system around the cluster (dr.http) */
} dr_effect_kind;

typedef struct dr_effect {
    dr_effect_kind kind;
    const char *module;  /* "ssh", "zk", "ch" */
    const char *host;    /* where it lands: host name or address[:port] */
    const char *summary; /* one line for a person: the command, "write PATH", ... */
    const char *path;    /* file or znode path, or NULL */
    const char *before;  /* current content (file, znode), or NULL if none/unknown */
    size_t before_len;
    const char *after; /* new content, or NULL */
    size_t after_len;
} dr_effect;

typedef enum dr_effect_decision {
    DR_EFFECT_PERFORM = 0,  /* do it for real */
    DR_EFFECT_SIMULATE = 1, /* rehearsal: do not do it, return what success would */
} dr_effect_decision;

/* The engine's hook.  L is the Lua thread of the call (a member of a step
 * group runs in a coroutine of its own, and the hook works on that thread's
 * stack).  Returns a decision, or a negative DR_E* code (with err filled) to
 * refuse the effect, for example when the journal cannot be written. */
typedef int (*dr_effect_hook_fn)(void *ud, struct lua_State *L, const dr_effect *e, dr_err *err);
/* Called after a performed effect with its result (rc 0 or DR_E*). */
typedef void (*dr_effect_done_fn)(void *ud, struct lua_State *L, const dr_effect *e, int rc,
                                  const char *detail);

typedef struct dr_effect_hooks {
    dr_effect_hook_fn gate;
    dr_effect_done_fn done;
    void *ud;
} dr_effect_hooks;

/* Installs hooks (owned by the caller, must outlive the state) in L's
 * registry; NULL removes them. */
void dr_effect_install(struct lua_State *L, const dr_effect_hooks *hooks);

/* Asks whether to perform e.  Returns DR_EFFECT_PERFORM, DR_EFFECT_SIMULATE,
 * or a negative DR_E* code with err filled. */
int dr_effect_gate(struct lua_State *L, const dr_effect *e, dr_err *err);

/* In a rehearsal, a file "written" earlier in the same plan must read back
 * as what was written, so that later steps (and their diffs) build on it.
 * Returns 1 and sets *data and *len (valid while the state lives) when host:path
 * was written in this rehearsal, 0 otherwise (read the real file). */
int dr_effect_written(struct lua_State *L, const char *host, const char *path, const char **data,
                      size_t *len);

/* Reports the result of a performed effect to the engine. */
void dr_effect_done(struct lua_State *L, const dr_effect *e, int rc, const char *detail);

#endif
