/* async: how a blocking call inside a parallel step group lets the other
 * members go on.
 *
 * The engine runs each member of a step group (dr.group) as a Lua
 * coroutine.  A binding about to block on something the group's scheduler
 * can overlap (a command over SSH, a pause between polls) checks
 * dr_async_member(); inside a member it pushes a request with
 * dr_async_push() and yields it (lua_yieldk, keeping a copy of the request
 * on its own stack); the scheduler starts the work, runs the other members,
 * and resumes this one with no values once the request is complete, so the
 * continuation reads the outcome from the request.  Outside a member the
 * binding does the work itself, as before.  Other primitives (files, zk,
 * ch, four-letter words) simply block: they are short. */
#ifndef DR_ASYNC_H
#define DR_ASYNC_H

#include <stdint.h>

#include "ssh.h"

struct lua_State;

typedef enum dr_async_kind {
    DR_ASYNC_EXEC = 1, /* run cmd on host over pool */
    DR_ASYNC_SLEEP,    /* wake at wake_ms (dr_now_ms clock) */
} dr_async_kind;

typedef struct dr_async_req {
    dr_async_kind kind;
    ssh_pool *pool; /* EXEC: the binding keeps the pool alive across the yield */
    char *host, *cmd;
    int timeout_ms;
    const char *in; /* EXEC: standard input (not owned: the yielding binding keeps it alive) */
    size_t in_len;
    int64_t wake_ms; /* SLEEP */
    ssh_result res;  /* EXEC: filled by the scheduler (owned by the request) */
} dr_async_req;

#define DR_ASYNC_MT "dr.async.req"

/* 1 when L is the coroutine of a step group member (and may yield a
 * request), 0 otherwise. */
int dr_async_member(struct lua_State *L);
/* Marks or unmarks the coroutine T as a member (the scheduler's business). */
void dr_async_set_member(struct lua_State *L, struct lua_State *T, int on);
/* Pushes a new, zeroed request of the given kind (a userdata that frees its
 * strings and result when collected) and returns it. */
dr_async_req *dr_async_push(struct lua_State *L, dr_async_kind kind);
/* The request at idx, or NULL when the value is not one. */
dr_async_req *dr_async_check(struct lua_State *L, int idx);

#endif
