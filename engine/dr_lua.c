/* dr_lua: the `dr` module, the runbook API of the engine: runbook
 * definitions, steps (check, act, verify), waits with a deadline and
 * backoff, operator pauses, logging and metrics. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <lauxlib.h>
#include <lua.h>

#include "async.h"
#include "effect.h"
#include "engine_int.h"
#include "term.h"
#include "luaser.h"
#include "sha256.h"

static struct engine *check_engine(lua_State *L)
{
    struct engine *e = engine_from_lua(L);
    if (!e)
        luaL_error(L, "dr: not running inside the drctl engine");
    return e;
}

static void sleep_ms(int64_t ms)
{
    if (ms <= 0)
        return;
    struct timespec ts = {(time_t)(ms / 1000), (long)(ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0) {
    }
}

/* dr.runbook{ description=, params={name={required=,default=,help=}},
 *             confirm="param", cooldown=bool, switches_site=bool,
 *             main=function(p) end } */
static int l_runbook(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    if (lua_getfield(L, 1, "main") != LUA_TFUNCTION)
        return luaL_argerror(L, 1, "field 'main' must be a function");
    lua_pop(L, 1);
    int t = lua_getfield(L, 1, "params");
    if (t != LUA_TNIL && t != LUA_TTABLE)
        return luaL_argerror(L, 1, "field 'params' must be a table");
    lua_pop(L, 1);
    lua_settop(L, 1);
    return 1;
}

/* Appends a plan entry for step n and returns its stack index. */
static int new_plan_entry(lua_State *L, int n, const char *name, const char *host)
{
    lua_getfield(L, LUA_REGISTRYINDEX, ENGINE_PLAN);
    lua_newtable(L);
    lua_pushinteger(L, n);
    lua_setfield(L, -2, "n");
    lua_pushstring(L, name);
    lua_setfield(L, -2, "name");
    if (host) {
        lua_pushstring(L, host);
        lua_setfield(L, -2, "host");
    }
    lua_newtable(L);
    lua_setfield(L, -2, "effects");
    lua_newtable(L);
    lua_setfield(L, -2, "notes");
    lua_pushvalue(L, -1);
    lua_rawseti(L, -3, n);
    lua_remove(L, -2);
    return lua_gettop(L);
}

static void set_status(lua_State *L, int entry, const char *status, int64_t t0)
{
    lua_pushstring(L, status);
    lua_setfield(L, entry, "status");
    lua_pushinteger(L, dr_now_ms() - t0);
    lua_setfield(L, entry, "ms");
    /* when the step started, on the wall clock: drill timelines line up
     * the steps of several runs */
    lua_pushinteger(L, dr_wall_ms() - (dr_now_ms() - t0));
    lua_setfield(L, entry, "wall_start_ms");
}

/* Journals {t=kind, n=n, ...} with the value at val_idx (or none) stored
 * under field; raises on failure (the caller holds no C resources). */
static void journal_step(lua_State *L, struct engine *e, const char *kind, int n, const char *field,
                         int val_idx, const char *status, const char *why)
{
    if (!e->j)
        return;
    if (val_idx)
        val_idx = lua_absindex(L, val_idx);
    lua_newtable(L);
    lua_pushstring(L, kind);
    lua_setfield(L, -2, "t");
    lua_pushinteger(L, n);
    lua_setfield(L, -2, "n");
    if (field && val_idx) {
        lua_pushvalue(L, val_idx);
        lua_setfield(L, -2, field);
    }
    if (status) {
        lua_pushstring(L, status);
        lua_setfield(L, -2, "status");
    }
    if (why) {
        lua_pushstring(L, why);
        lua_setfield(L, -2, strcmp(kind, "step") ? "why" : "host");
    }
    lua_pushinteger(L, dr_wall_ms());
    lua_setfield(L, -2, "time");
    dr_err err = {0};
    if (engine_journal_top(e, L, &err) != DR_OK) {
        engine_state_write_failed(e, L, &err, !strcmp(kind, "step_end"));
        luaL_error(L, "journal: %s", err.msg);
    }
}

/* ------------------------------------------------------------------ steps
 *
 * A step runs as a chain of continuations (lua_pcallk), so that inside a
 * step group (where each member is a coroutine) check, act and verify may
 * yield to the group's scheduler while another member runs.  Everything the
 * chain needs lives in fixed stack slots. */
enum {
    S_TABLE = 1, /* the step table */
    S_NAME,      /* its name */
    S_HOST,      /* its host or nil */
    S_N,         /* its number */
    S_T0,        /* dr_now_ms() at its start */
    S_ENTRY,     /* its plan entry */
    S_RS,        /* its journaled state when resuming, else nil */
    S_PRE,       /* what check observed */
    S_JPRE,      /* resuming: what check observed before the interruption */
};
enum { S_RESULT = S_PRE + 1 };
enum { PH_CHECK = 1, PH_RESUME_VERIFY, PH_ACT, PH_VERIFY };

static int ret_nil(lua_State *L)
{
    (void)L;
    return 0;
}

static int ret_true(lua_State *L)
{
    lua_pushboolean(L, 1);
    return 1;
}

static int ret_false(lua_State *L)
{
    lua_pushboolean(L, 0);
    lua_pushliteral(L, "the step has no verify to tell whether its act took place");
    return 2;
}

/* Pushes the step table's function field fname, or dflt when absent. */
static void push_field_fn(lua_State *L, const char *fname, lua_CFunction dflt)
{
    if (lua_getfield(L, S_TABLE, fname) != LUA_TFUNCTION) {
        lua_pop(L, 1);
        lua_pushcfunction(L, dflt);
    }
}

static int step_k(lua_State *L, int status, lua_KContext ctx);

/* Calls the function below its nargs arguments so that it may yield;
 * continues at step_k(phase) either way. */
static int step_call(lua_State *L, int nargs, int nres, int phase)
{
    return step_k(L, lua_pcallk(L, nargs, nres, 0, phase, step_k), phase);
}

static const char *step_name(lua_State *L)
{
    return lua_tostring(L, S_NAME);
}

static int step_no(lua_State *L)
{
    return (int)lua_tointeger(L, S_N);
}

/* Marks the step failed (status) in the plan and the journal, and raises
 * the message on top of the stack. */
static int step_raise(lua_State *L, struct engine *e, const char *status)
{
    const char *msg = lua_tostring(L, -1);
    set_status(L, S_ENTRY, status, lua_tointeger(L, S_T0));
    journal_step(L, e, "step_end", step_no(L), NULL, 0, status, msg);
    if (!e->refused)
        engine_notify(e, "step_failed", status, step_name(L), msg); /* webhooks */
    e->cur_step = 0;
    return lua_error(L);
}

/* dr.step{ name=, host=, check=fn() -> observation,
 *          act=fn(pre) -> result, verify=fn(pre, result) -> ok, why,
 *          unblock="what an operator can do when the precondition moved",
 *          redo_on_resume=true: run again on resume even when it had
 *          finished (for what lives only as long as the process: a lock's
 *          ephemeral znode, a session) }
 * n: the step's number, or 0 for the next one. */
static int step_begin(lua_State *L, int n)
{
    struct engine *e = check_engine(L);
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    lua_getfield(L, 1, "name");
    const char *name = lua_tostring(L, -1);
    if (!name)
        return luaL_argerror(L, 1, "field 'name' (string) expected");
    lua_getfield(L, 1, "host");
    const char *host = lua_tostring(L, -1);
    if (e->cur_step)
        return luaL_error(L, "dr.step '%s' inside step %d: steps do not nest", name, e->cur_step);
    engine_check_stop(e, L, 1); /* a safe point: nothing of this step has begun */
    if (!n)
        n = ++e->step_no;
    /* its deadline: the step's own `deadline` (seconds), else the run's
     * step_deadline */
    lua_getfield(L, 1, "deadline");
    int64_t budget =
        lua_isnumber(L, -1) ? (int64_t)(lua_tonumber(L, -1) * 1000) : e->step_timeout_ms;
    lua_pop(L, 1);
    lua_getfield(L, LUA_REGISTRYINDEX, ENGINE_DEADLINES);
    if (budget > 0)
        lua_pushinteger(L, dr_now_ms() + budget);
    else
        lua_pushnil(L);
    lua_rawseti(L, -2, n);
    lua_pop(L, 1);
    lua_pushinteger(L, n);
    int64_t t0 = dr_now_ms();
    lua_pushinteger(L, t0);
    new_plan_entry(L, n, name, host);

    /* Resuming: a finished step is skipped with its journaled result. */
    lua_pushnil(L); /* S_RS */
    if (e->resuming) {
        lua_getfield(L, LUA_REGISTRYINDEX, ENGINE_RESUME);
        if (lua_rawgeti(L, -1, n) == LUA_TTABLE) {
            lua_replace(L, S_RS);
            lua_settop(L, S_RS);
            lua_getfield(L, S_RS, "name");
            const char *jname = lua_tostring(L, -1);
            if (!jname || strcmp(jname, name) != 0) {
                e->refused = 1;
                return luaL_error(L,
                                  "resume: step %d is '%s' in the journal but '%s' in the "
                                  "runbook: the runbook changed since the run started; "
                                  "finish by hand or roll back",
                                  n, jname ? jname : "?", name);
            }
            lua_pop(L, 1);
            lua_getfield(L, S_RS, "status");
            const char *st = lua_tostring(L, -1);
            lua_getfield(L, S_TABLE, "redo_on_resume");
            int redo = lua_toboolean(L, -1);
            if (st && !strcmp(st, "ok") && !redo) {
                set_status(L, S_ENTRY, "skipped", t0);
                lua_getfield(L, S_RS, "result");
                return 1;
            }
            if (redo) { /* what it did died with the interrupted process */
                lua_pushnil(L);
                lua_replace(L, S_RS);
            }
        }
        lua_settop(L, S_RS);
    }

    journal_step(L, e, "step", n, "name", S_NAME, NULL, host);
    e->cur_step = n;
    engine_crash_point(e, "step", n, "check");
    if (e->o.mode == ENGINE_REAL && !e->o.quiet)
        engine_say(e, "[%d] %s%s%s\n", n, name, host ? " on " : "", host ? host : "");
    push_field_fn(L, "check", ret_nil);
    return step_call(L, 0, 1, PH_CHECK);
}

static int step_act(lua_State *L, struct engine *e)
{
    lua_settop(L, S_PRE);
    journal_step(L, e, "check", step_no(L), "pre", S_PRE, NULL, NULL);
    engine_crash_point(e, "step", step_no(L), "act");
    push_field_fn(L, "act", ret_nil);
    lua_pushvalue(L, S_PRE);
    return step_call(L, 1, 1, PH_ACT);
}

static int step_finish(lua_State *L, struct engine *e)
{
    set_status(L, S_ENTRY, e->o.mode == ENGINE_REAL ? "ok" : "planned", lua_tointeger(L, S_T0));
    /* The result is journaled when it is plain data, so that a resume can
     * hand it back without redoing the step. */
    dr_buf tmp = DR_BUF_INIT;
    int plain = luaser_dump(L, S_RESULT, &tmp, NULL) == DR_OK;
    dr_buf_free(&tmp);
    engine_crash_point(e, "step", step_no(L), "end");
    journal_step(L, e, "step_end", step_no(L), "result", plain ? S_RESULT : 0, "ok", NULL);
    e->cur_step = 0;
    lua_settop(L, S_RESULT);
    return 1;
}

static int after_check(lua_State *L, struct engine *e, int status)
{
    int n = step_no(L);
    const char *name = step_name(L);
    if (status != LUA_OK) {
        lua_pushfstring(L, "step %d '%s': check failed: %s", n, name, lua_tostring(L, -1));
        return step_raise(L, e, "failed");
    }
    dr_buf tmp = DR_BUF_INIT;
    dr_err err = {0};
    if (luaser_dump(L, S_PRE, &tmp, &err) != DR_OK) {
        dr_buf_free(&tmp);
        e->cur_step = 0;
        return luaL_error(L, "step %d '%s': check must return plain data (%s)", n, name, err.msg);
    }
    dr_buf_free(&tmp);
    if (lua_istable(L, S_RS)) {
        lua_getfield(L, S_RS, "checked");
        int checked = lua_toboolean(L, -1);
        lua_pop(L, 1);
        lua_getfield(L, S_RS, "pre"); /* S_JPRE */
        if (checked && !luaser_equal(L, S_PRE, S_JPRE)) {
            /* The act may have happened before the interruption: if the
             * step's verify holds, it did, and the step is done. */
            push_field_fn(L, "verify", ret_false);
            lua_pushvalue(L, S_JPRE);
            lua_pushnil(L);
            return step_call(L, 2, 2, PH_RESUME_VERIFY);
        }
    }
    return step_act(L, e);
}

/* 1 when the observation at cur differs from the journaled one at jpre
 * only in values that are content hashes the step's own journaled writes
 * leave behind (S_RS.own: after_sha256 -> true); recursive over tables. */
static int explained_at(lua_State *L, int cur, int jpre, int own, int depth)
{
    if (luaser_equal(L, cur, jpre))
        return 1;
    if (lua_type(L, cur) == LUA_TSTRING) {
        lua_pushvalue(L, cur);
        int mine = lua_rawget(L, own) == LUA_TBOOLEAN;
        lua_pop(L, 1);
        return mine;
    }
    if (!lua_istable(L, cur) || !lua_istable(L, jpre) || depth > 8)
        return 0;
    int ok = 1;
    for (int pass = 0; pass < 2 && ok; pass++) {
        /* every key of one side, looked up on the other */
        int from = pass ? jpre : cur, other = pass ? cur : jpre;
        lua_pushnil(L);
        while (ok && lua_next(L, from)) {
            int v = lua_gettop(L);
            lua_pushvalue(L, v - 1);
            lua_rawget(L, other);
            int w = lua_gettop(L);
            ok = pass ? explained_at(L, w, v, own, depth + 1)
                      : explained_at(L, v, w, own, depth + 1);
            lua_settop(L, v - 1);
        }
        if (!ok)
            lua_settop(L, lua_gettop(L) - 1);
    }
    return ok;
}

static int own_writes_explain(lua_State *L, int cur, int jpre)
{
    if (!lua_istable(L, S_RS))
        return 0;
    int top = lua_gettop(L);
    if (lua_getfield(L, S_RS, "own") != LUA_TTABLE) {
        lua_settop(L, top);
        return 0;
    }
    int ok = explained_at(L, cur, jpre, lua_gettop(L), 0);
    lua_settop(L, top);
    return ok;
}

static int after_resume_verify(lua_State *L, struct engine *e, int status)
{
    int n = step_no(L);
    if (status == LUA_OK && lua_toboolean(L, -2)) {
        lua_settop(L, S_JPRE);
        set_status(L, S_ENTRY, "ok", lua_tointeger(L, S_T0));
        journal_step(L, e, "step_end", n, NULL, 0, "ok", "completed before the interruption");
        e->cur_step = 0;
        return 0;
    }
    lua_settop(L, S_JPRE);
    if (own_writes_explain(L, S_PRE, S_JPRE)) {
        /* what moved is what this step itself wrote before the
         * interruption (one file of two, say): act again, on what is there
         * now; the step's writes are compare-and-swaps on that */
        engine_say(e,
                   "drctl: step %d '%s': its precondition moved only by its own journaled "
                   "writes; finishing it\n",
                   n, step_name(L));
        return step_act(L, e);
    }
    dr_buf a = DR_BUF_INIT, b = DR_BUF_INIT;
    luaser_dump(L, S_JPRE, &a, NULL);
    luaser_dump(L, S_PRE, &b, NULL);
    lua_getfield(L, S_TABLE, "unblock");
    const char *unblock = lua_tostring(L, -1);
    lua_pushfstring(L,
                    "step %d '%s' refused: its precondition changed since the run was "
                    "interrupted (journaled %s, now %s) and its result is not in place; "
                    "to unblock: %s",
                    n, step_name(L), a.data ? a.data : "nil", b.data ? b.data : "nil",
                    unblock ? unblock
                            : "check the host by hand, then resume, or roll back the run");
    dr_buf_free(&a);
    dr_buf_free(&b);
    e->refused = 1;
    return step_raise(L, e, "refused");
}

static int after_act(lua_State *L, struct engine *e, int status)
{
    if (status != LUA_OK) {
        const char *msg = lua_tostring(L, -1);
        lua_pushfstring(L, "step %d '%s' failed: %s", step_no(L), step_name(L),
                        msg ? msg : "error");
        return step_raise(L, e, "failed");
    }
    if (e->o.mode != ENGINE_REAL)
        return step_finish(L, e);
    engine_crash_point(e, "step", step_no(L), "verify");
    push_field_fn(L, "verify", ret_true);
    lua_pushvalue(L, S_PRE);
    lua_pushvalue(L, S_RESULT);
    return step_call(L, 2, 2, PH_VERIFY);
}

static int after_verify(lua_State *L, struct engine *e, int status)
{
    if (status != LUA_OK || !lua_toboolean(L, -2)) {
        const char *why = lua_tostring(L, -1);
        lua_pushfstring(L, "step %d '%s': verify failed: %s", step_no(L), step_name(L),
                        why ? why : "the change is not in place");
        return step_raise(L, e, "failed");
    }
    lua_settop(L, S_RESULT);
    return step_finish(L, e);
}

static int step_k(lua_State *L, int status, lua_KContext ctx)
{
    struct engine *e = check_engine(L);
    if (status == LUA_YIELD) /* resumed after a yield: the call returned normally */
        status = LUA_OK;
    switch (ctx) {
    case PH_CHECK:
        return after_check(L, e, status);
    case PH_RESUME_VERIFY:
        return after_resume_verify(L, e, status);
    case PH_ACT:
        return after_act(L, e, status);
    default:
        return after_verify(L, e, status);
    }
}

static int l_step(lua_State *L)
{
    return step_begin(L, 0);
}

/* The body of a group member's coroutine: (step table, number). */
static int l_member(lua_State *L)
{
    int n = (int)luaL_checkinteger(L, 2);
    lua_settop(L, 1);
    return step_begin(L, n);
}

/* ------------------------------------------------------------------ waits */

enum {
    W_TABLE = 1,
    W_WHAT,
    W_TIMEOUT,
    W_INTERVAL,
    W_MAX_INTERVAL,
    W_FN,
    W_T0,
    W_DEADLINE,
    W_STEP,
    W_SAID, /* when the last progress line went out (no terminal) */
};
enum { W_POLL = 1, W_CHECKED };

/* The wait's polling loop.  Inside a group member, the check may yield
 * (its commands overlap with other members') and so does the pause between
 * polls; elsewhere the pause is a sleep. */
static int wait_k(lua_State *L, int status, lua_KContext ctx)
{
    struct engine *e = check_engine(L);
    const char *what = lua_tostring(L, W_WHAT);
    double timeout = lua_tonumber(L, W_TIMEOUT);
    int64_t t0 = lua_tointeger(L, W_T0);
    int64_t deadline = lua_tointeger(L, W_DEADLINE);
    int member = dr_async_member(L);
    int tty = !member && isatty(2) && !e->o.quiet;
    char tag[32] = "";
    if (member)
        snprintf(tag, sizeof tag, "[%d] ", e->cur_step);
    for (;;) {
        if (ctx == W_CHECKED) {
            if (status != LUA_OK && status != LUA_YIELD)
                return luaL_error(L, "waiting for %s: %s", what, lua_tostring(L, -1));
            if (lua_toboolean(L, -2)) {
                if (tty)
                    fprintf(stderr, "\r\033[K");
                engine_say(e, "    %s%s: after %.1f s\n", tag, what,
                           (double)(dr_now_ms() - t0) / 1000.0);
                return 2;
            }
            const char *detail = luaL_optstring(L, -1, "");
            engine_check_stop(e, L, 1); /* between polls: a safe point */
            int64_t now = dr_now_ms();
            if (now >= deadline) {
                /* lua_pushfstring knows no precision: format the seconds here */
                char secs[32];
                snprintf(secs, sizeof secs, "%.1f", timeout);
                return luaL_error(L, "timed out after %s s waiting for %s%s%s%s", secs, what,
                                  *detail ? " (last: " : "", *detail ? detail : "",
                                  *detail ? ")" : "");
            }
            if (tty) {
                fprintf(stderr, "\r\033[K    waiting for %s: %.1f s of %.0f s%s%s", what,
                        (double)(now - t0) / 1000.0, timeout, *detail ? " - " : "", detail);
                fflush(stderr);
            } else if (now - lua_tointeger(L, W_SAID) >= 10000) {
                /* a log has no status line: every 10 s, what is still
                 * missing (the check's detail names the silent hosts) */
                engine_say(e, "    %sstill waiting for %s: %.0f s of %.0f s%s%s\n", tag, what,
                           (double)(now - t0) / 1000.0, timeout, *detail ? " - " : "", detail);
                lua_pushinteger(L, now);
                lua_replace(L, W_SAID);
            }
            int64_t step = lua_tointeger(L, W_STEP);
            int64_t nap = step < deadline - now ? step : deadline - now;
            step = (int64_t)((double)step * 1.5);
            int64_t max_step = (int64_t)(lua_tonumber(L, W_MAX_INTERVAL) * 1000);
            lua_pushinteger(L, step > max_step ? max_step : step);
            lua_replace(L, W_STEP);
            lua_settop(L, W_SAID);
            if (member) {
                dr_async_req *rq = dr_async_push(L, DR_ASYNC_SLEEP);
                rq->wake_ms = now + nap;
                lua_pushvalue(L, -1);
                return lua_yieldk(L, 1, W_POLL, wait_k);
            }
            sleep_ms(nap);
        }
        lua_settop(L, W_SAID);
        lua_pushvalue(L, W_FN);
        status = lua_pcallk(L, 0, 2, 0, W_CHECKED, wait_k);
        ctx = W_CHECKED;
    }
}

/* dr.wait{ what=, timeout=seconds, check=fn() -> ok, detail,
 *          interval=0.2, max_interval=2 }
 * Polls check with backoff until it returns true or the deadline passes
 * (an error naming what was awaited and the last detail).  In a rehearsal
 * the wait is recorded and assumed to succeed. */
static int l_wait(lua_State *L)
{
    struct engine *e = check_engine(L);
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    lua_getfield(L, 1, "what");
    const char *what = luaL_optstring(L, -1, "condition");
    lua_pushstring(L, what);
    lua_replace(L, W_WHAT);
    lua_getfield(L, 1, "timeout");
    double timeout = luaL_optnumber(L, -1, 60);
    lua_pushnumber(L, timeout);
    lua_replace(L, W_TIMEOUT);
    lua_getfield(L, 1, "interval");
    double interval = luaL_optnumber(L, -1, 0.2);
    lua_getfield(L, 1, "max_interval");
    lua_pushnumber(L, luaL_optnumber(L, -1, 2.0));
    lua_replace(L, W_MAX_INTERVAL);
    if (lua_getfield(L, 1, "check") != LUA_TFUNCTION)
        return luaL_argerror(L, 1, "field 'check' (function) expected");
    if (e->o.mode == ENGINE_REHEARSAL) {
        if (e->cur_step) {
            lua_getfield(L, LUA_REGISTRYINDEX, ENGINE_PLAN);
            lua_rawgeti(L, -1, e->cur_step);
            lua_getfield(L, -1, "notes");
            lua_pushfstring(L, "wait up to %d s for %s", (int)timeout, what);
            lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
            lua_pop(L, 3);
        }
        lua_pushboolean(L, 1);
        lua_pushliteral(L, "rehearsal: assumed");
        return 2;
    }
    int64_t t0 = dr_now_ms();
    lua_settop(L, W_FN);
    lua_pushinteger(L, t0);
    lua_pushinteger(L, t0 + (int64_t)(timeout * 1000));
    lua_pushinteger(L, (int64_t)(interval * 1000));
    lua_pushinteger(L, t0);
    if (!(isatty(2) && !e->o.quiet) || dr_async_member(L)) {
        char tag[32] = "";
        if (dr_async_member(L))
            snprintf(tag, sizeof tag, "[%d] ", e->cur_step);
        engine_say(e, "    %swaiting up to %.0f s for %s\n", tag, timeout, what);
    }
    return wait_k(L, LUA_OK, W_POLL);
}

/* ----------------------------------------------------------------- groups */

typedef enum member_state { M_IDLE, M_READY, M_EXEC, M_SLEEP, M_DONE } member_state;

typedef struct member {
    lua_State *T;
    member_state st;
    int cur;   /* its e->cur_step while suspended */
    int nargs; /* values to resume it with */
    int id;    /* M_EXEC: its command in the batch */
    int64_t wake;
    dr_async_req *rq;
} member;

typedef struct batch {
    ssh_pool *pool;
    ssh_async *a;
} batch;

typedef struct group_run {
    member *m;
    size_t n;
    batch *b;
    size_t nb;
} group_run;

static int group_gc(lua_State *L)
{
    group_run *g = lua_touserdata(L, 1);
    for (size_t i = 0; i < g->nb; i++)
        ssh_async_free(g->b[i].a);
    free(g->b);
    free(g->m);
    memset(g, 0, sizeof *g);
    return 0;
}

static batch *batch_for(group_run *g, ssh_pool *pool)
{
    for (size_t i = 0; i < g->nb; i++)
        if (g->b[i].pool == pool)
            return &g->b[i];
    g->b = dr_realloc(g->b, (g->nb + 1) * sizeof *g->b);
    g->b[g->nb].pool = pool;
    g->b[g->nb].a = ssh_async_new(pool);
    return &g->b[g->nb++];
}

/* Resumes member i once; on its end or failure stores the outcome. */
static void group_resume(lua_State *L, struct engine *e, group_run *g, size_t i, int results,
                         dr_buf *failures, size_t *failed)
{
    member *m = &g->m[i];
    e->cur_step = m->cur;
    int nres = 0;
    int st = lua_resume(m->T, L, m->nargs, &nres);
    m->cur = e->cur_step;
    e->cur_step = 0;
    m->nargs = 0;
    if (st == LUA_YIELD) {
        dr_async_req *rq = nres >= 1 ? dr_async_check(m->T, -1) : NULL;
        lua_pop(m->T, nres);
        if (!rq) {
            dr_buf_printf(failures,
                          "%sstep %d yielded a value drctl does not know "
                          "(coroutine.yield outside a coroutine of its own?)",
                          failures->len ? "; " : "", m->cur);
            (*failed)++;
            m->st = M_DONE;
            return;
        }
        m->rq = rq;
        if (rq->kind == DR_ASYNC_SLEEP) {
            m->wake = rq->wake_ms;
            m->st = M_SLEEP;
            return;
        }
        dr_err err = {0};
        m->id = ssh_async_start_input(batch_for(g, rq->pool)->a, rq->host, rq->cmd, rq->in,
                                      rq->in_len, rq->timeout_ms, &err);
        if (m->id < 0) { /* a bad host spec: hand the failure back at once */
            rq->res.rc = err.code;
            rq->res.err = err;
            rq->res.host = dr_strdup(rq->host);
            m->st = M_READY;
        } else {
            m->st = M_EXEC;
        }
        return;
    }
    m->st = M_DONE;
    if (st == LUA_OK) {
        if (nres >= 1) {
            lua_xmove(m->T, L, 1);
            lua_rawseti(L, results, (lua_Integer)i + 1);
        }
        return;
    }
    const char *msg = lua_tostring(m->T, -1);
    dr_buf_printf(failures, "%s%s", failures->len ? "; " : "", msg ? msg : "error");
    (*failed)++;
}

/* dr.group{ name=, over={items}, step=function(item) -> step table,
 *           limit=members at once (default: all) }
 * Runs one step per item, the steps at the same time: while one member
 * waits for a command over SSH or between the polls of a dr.wait, the
 * others go on.  Each member is a full step (check, act, verify; journaled,
 * resumable, numbered in the order of `over`).  When a member fails, the
 * members already running finish, no more start, and the group raises an
 * error listing every failure.  Returns the members' results in order. */
static int l_group(lua_State *L)
{
    struct engine *e = check_engine(L);
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    if (lua_getfield(L, 1, "name") != LUA_TSTRING)
        return luaL_argerror(L, 1, "field 'name' (string) expected");
    const char *gname = lua_tostring(L, 2);
    if (lua_getfield(L, 1, "over") != LUA_TTABLE)
        return luaL_argerror(L, 1, "field 'over' (array) expected");
    if (lua_getfield(L, 1, "step") != LUA_TFUNCTION)
        return luaL_argerror(L, 1, "field 'step' (function of an item, returning a step) expected");
    lua_getfield(L, 1, "limit");
    lua_Integer limit = luaL_optinteger(L, 5, 0);
    if (limit < 0)
        return luaL_argerror(L, 1, "field 'limit' must not be negative");
    if (e->cur_step)
        return luaL_error(L,
                          "dr.group '%s' inside step %d: a group is made of steps, it does "
                          "not run inside one",
                          gname, e->cur_step);
    size_t n = (size_t)luaL_len(L, 3);
    lua_createtable(L, (int)n, 0); /* 6: the members' step tables */
    for (size_t i = 0; i < n; i++) {
        lua_pushvalue(L, 4);
        lua_geti(L, 3, (lua_Integer)i + 1);
        lua_call(L, 1, 1);
        if (!lua_istable(L, -1))
            return luaL_error(L, "dr.group '%s': step(item %d) returned %s, not a step table",
                              gname, (int)i + 1, luaL_typename(L, -1));
        lua_rawseti(L, 6, (lua_Integer)i + 1);
    }
    group_run *g = lua_newuserdatauv(L, sizeof *g, 0); /* 7 */
    memset(g, 0, sizeof *g);
    lua_createtable(L, 0, 1);
    lua_pushcfunction(L, group_gc);
    lua_setfield(L, -2, "__gc");
    lua_setmetatable(L, -2);
    g->m = dr_calloc(n ? n : 1, sizeof *g->m);
    g->n = n;
    lua_createtable(L, (int)n, 0); /* 8: threads, kept alive here */
    lua_createtable(L, (int)n, 0); /* 9: results */
    const int threads = 8, results = 9;
    int base = e->step_no;
    e->step_no += (int)n;
    if (e->o.mode == ENGINE_REAL && !e->o.quiet && n > 1)
        engine_say(e, "[%d-%d] %s: %zu steps at once\n", base + 1, base + (int)n, gname, n);

    dr_buf failures = DR_BUF_INIT;
    size_t next = 0, active = 0, failed = 0;
    for (;;) {
        while (next < n && (!limit || active < (size_t)limit) && !failed) {
            member *m = &g->m[next];
            m->T = lua_newthread(L);
            lua_rawseti(L, threads, (lua_Integer)next + 1);
            dr_async_set_member(L, m->T, 1);
            lua_pushcfunction(m->T, l_member);
            lua_rawgeti(L, 6, (lua_Integer)next + 1);
            lua_xmove(L, m->T, 1);
            lua_pushinteger(m->T, base + 1 + (int)next);
            m->nargs = 2;
            m->st = M_READY;
            active++;
            next++;
        }
        for (size_t i = 0; i < next; i++) {
            if (g->m[i].st != M_READY)
                continue;
            group_resume(L, e, g, i, results, &failures, &failed);
            if (g->m[i].st == M_DONE) {
                active--;
                dr_async_set_member(L, g->m[i].T, 0);
            }
        }
        if (!active && (next == n || failed))
            break;
        int ready = 0;
        int64_t wake = INT64_MAX;
        for (size_t i = 0; i < next; i++) {
            if (g->m[i].st == M_READY)
                ready = 1;
            if (g->m[i].st == M_SLEEP && g->m[i].wake < wake)
                wake = g->m[i].wake;
        }
        if (ready)
            continue;
        size_t busy = 0;
        for (size_t k = 0; k < g->nb; k++)
            busy += ssh_async_pending(g->b[k].a) > 0;
        for (size_t k = 0; k < g->nb; k++) {
            if (!ssh_async_pending(g->b[k].a))
                continue;
            /* several pools (rare): take turns in short slices */
            int64_t until = busy > 1 ? dr_now_ms() + 20 : wake;
            ssh_async_run(g->b[k].a, until < wake ? until : wake);
        }
        if (!busy && wake != INT64_MAX)
            sleep_ms(wake - dr_now_ms());
        for (size_t k = 0; k < g->nb; k++) {
            ssh_result res;
            int id;
            while ((id = ssh_async_take(g->b[k].a, &res)) >= 0) {
                for (size_t i = 0; i < next; i++) {
                    member *m = &g->m[i];
                    if (m->st == M_EXEC && m->id == id && m->rq->pool == g->b[k].pool) {
                        ssh_result_free(&m->rq->res);
                        m->rq->res = res;
                        memset(&res, 0, sizeof res);
                        m->st = M_READY;
                        break;
                    }
                }
                ssh_result_free(&res);
            }
        }
        int64_t now = dr_now_ms();
        for (size_t i = 0; i < next; i++)
            if (g->m[i].st == M_SLEEP && g->m[i].wake <= now)
                g->m[i].st = M_READY;
    }
    /* members never started still get their line in the plan */
    for (size_t i = next; i < n; i++) {
        lua_rawgeti(L, 6, (lua_Integer)i + 1);
        lua_getfield(L, -1, "name");
        lua_getfield(L, -2, "host");
        int entry = new_plan_entry(L, base + 1 + (int)i, lua_tostring(L, -2), lua_tostring(L, -1));
        set_status(L, entry, "not run", dr_now_ms());
        lua_pop(L, 4);
    }
    /* the plan shows which steps ran together */
    lua_getfield(L, LUA_REGISTRYINDEX, ENGINE_PLAN);
    for (size_t i = 0; i < n && n > 1; i++) {
        if (lua_rawgeti(L, -1, base + 1 + (lua_Integer)i) == LUA_TTABLE) {
            lua_pushstring(L, gname);
            lua_setfield(L, -2, "group");
            if (i == 0) {
                lua_pushboolean(L, 1);
                lua_setfield(L, -2, "group_first");
                lua_pushinteger(L, (lua_Integer)n);
                lua_setfield(L, -2, "group_size");
            }
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    if (failed) {
        luaL_where(L, 1); /* the runbook line of the group */
        lua_pushfstring(L, "group '%s': %d of %d steps failed: %s", gname, (int)failed, (int)n,
                        failures.data);
        dr_buf_free(&failures);
        lua_concat(L, 2);
        return lua_error(L);
    }
    dr_buf_free(&failures);
    lua_settop(L, results);
    return 1;
}

/* dr.pause(text): a manual action by the operator.  Real run: prompt on
 * the terminal ('done' goes on, anything else aborts); --yes goes on;
 * without a terminal and --yes: refuse.  Rehearsal: recorded. */
static int l_pause(lua_State *L)
{
    struct engine *e = check_engine(L);
    const char *text = luaL_checkstring(L, 1);
    if (e->o.mode == ENGINE_REHEARSAL) {
        lua_getfield(L, LUA_REGISTRYINDEX, ENGINE_PLAN);
        int plan = lua_gettop(L);
        if (e->cur_step) {
            lua_rawgeti(L, plan, e->cur_step);
        } else {
            int n = ++e->step_no;
            lua_newtable(L);
            lua_pushinteger(L, n);
            lua_setfield(L, -2, "n");
            lua_pushliteral(L, "operator action");
            lua_setfield(L, -2, "name");
            lua_newtable(L);
            lua_setfield(L, -2, "effects");
            lua_newtable(L);
            lua_setfield(L, -2, "notes");
            lua_pushliteral(L, "planned");
            lua_setfield(L, -2, "status");
            lua_pushvalue(L, -1);
            lua_rawseti(L, plan, n);
        }
        lua_getfield(L, -1, "notes");
        lua_pushfstring(L, "PAUSE for the operator: %s", text);
        lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
        lua_settop(L, 1);
        return 0;
    }
    engine_say(e, "\n  OPERATOR ACTION: %s\n", text);
    if (e->o.yes) {
        engine_say(e, "  (going on: --yes)\n");
        return 0;
    }
    if (!isatty(0)) {
        e->refused = 1;
        return luaL_error(L,
                          "operator action needed and no terminal to confirm it (%s); "
                          "do it, then resume the run",
                          text);
    }
    fprintf(stderr, "  Type 'done' when finished, anything else to stop: ");
    fflush(stderr);
    char line[128];
    if (!fgets(line, sizeof line, stdin) || strncmp(line, "done", 4) != 0) {
        e->refused = 1;
        return luaL_error(L, "stopped by the operator at: %s", text);
    }
    return 0;
}

static int format_args(lua_State *L)
{
    /* string.format(...) of the arguments, or the single string */
    int n = lua_gettop(L);
    if (n == 1)
        return luaL_tolstring(L, 1, NULL) != NULL;
    lua_getglobal(L, "string");
    lua_getfield(L, -1, "format");
    lua_remove(L, -2);
    lua_insert(L, 1);
    lua_call(L, n, 1);
    return 1;
}

static int log_at(lua_State *L, const char *level)
{
    struct engine *e = check_engine(L);
    format_args(L);
    const char *msg = lua_tostring(L, -1);
    engine_say(e, "    %s%s\n", level, msg);
    if (e->j) {
        lua_newtable(L);
        lua_pushstring(L, "log");
        lua_setfield(L, -2, "t");
        lua_pushstring(L, msg);
        lua_setfield(L, -2, "msg");
        lua_pushstring(L, level);
        lua_setfield(L, -2, "level");
        lua_pushinteger(L, e->cur_step);
        lua_setfield(L, -2, "step");
        dr_err err = {0};
        engine_journal_top(e, L, &err);
    }
    if (e->cur_step) {
        lua_getfield(L, LUA_REGISTRYINDEX, ENGINE_PLAN);
        lua_rawgeti(L, -1, e->cur_step);
        lua_getfield(L, -1, "notes");
        lua_pushfstring(L, "%s%s", level, msg);
        lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
        lua_pop(L, 3);
    }
    return 0;
}

static int l_log(lua_State *L)
{
    return log_at(L, "");
}

static int l_warn(lua_State *L)
{
    return log_at(L, "warning: ");
}

/* dr.metric(name, value): a measured figure (RTO, rows) for the summary,
 * the journal and reports. */
static int l_metric(lua_State *L)
{
    check_engine(L);
    luaL_checkstring(L, 1);
    luaL_checkany(L, 2);
    lua_getfield(L, LUA_REGISTRYINDEX, ENGINE_METRICS);
    lua_pushvalue(L, 1);
    lua_pushvalue(L, 2);
    lua_settable(L, -3);
    return 0;
}

/* dr.refuse(why, unblock): stop the run as refused (exit 3), not failed. */
static int l_refuse(lua_State *L)
{
    struct engine *e = check_engine(L);
    const char *why = luaL_checkstring(L, 1);
    const char *unblock = luaL_optstring(L, 2, NULL);
    e->refused = 1;
    luaL_where(L, 1);
    lua_pushfstring(L, "refused: %s%s%s", why, unblock ? "; to unblock: " : "",
                    unblock ? unblock : "");
    lua_concat(L, 2);
    return lua_error(L);
}

static int l_mode(lua_State *L)
{
    struct engine *e = check_engine(L);
    lua_pushstring(L, e->o.mode == ENGINE_REAL        ? "real"
                      : e->o.mode == ENGINE_REHEARSAL ? "rehearsal"
                                                      : "readonly");
    return 1;
}

static int l_rehearsal(lua_State *L)
{
    struct engine *e = check_engine(L);
    lua_pushboolean(L, e->o.mode == ENGINE_REHEARSAL);
    return 1;
}

static int l_run_id(lua_State *L)
{
    struct engine *e = check_engine(L);
    lua_pushstring(L, e->run_id[0] ? e->run_id : "rehearsal");
    return 1;
}

static int l_params(lua_State *L)
{
    lua_getfield(L, LUA_REGISTRYINDEX, "dr.params");
    return 1;
}

static int l_now(lua_State *L)
{
    lua_pushnumber(L, (double)dr_wall_ms() / 1000.0);
    return 1;
}

static int l_clock(lua_State *L)
{
    lua_pushnumber(L, (double)dr_now_ms() / 1000.0);
    return 1;
}

/* dr.checkpoints(run) -> list, newest first, of {seq, module, host, path,
 * existed, kind, content}: what the run replaced, created or removed, for
 * rollback; and {time=ms, runbook=} of the run. */
static int l_checkpoints(lua_State *L)
{
    struct engine *e = check_engine(L);
    const char *run = luaL_checkstring(L, 1);
    dr_err err = {0};
    int lrc = engine_load_journal(e, run, &err);
    if (lrc != DR_OK) {
        /* a damaged journal may hide changes after the damage: restoring
         * only those before it would leave a mix of both states */
        if (lrc == DR_EPARSE)
            lua_pop(L, 1);
        luaL_pushfail(L);
        lua_pushstring(L, err.msg);
        return 2;
    }
    int list = lua_gettop(L);
    lua_newtable(L);
    int out = lua_gettop(L);
    lua_newtable(L); /* the run: its start time and runbook */
    int info = lua_gettop(L);
    if (lua_rawgeti(L, list, 1) == LUA_TTABLE) {
        lua_getfield(L, -1, "time");
        lua_setfield(L, info, "time");
        lua_getfield(L, -1, "runbook");
        lua_setfield(L, info, "runbook");
    }
    lua_settop(L, info);
    for (lua_Integer i = (lua_Integer)lua_rawlen(L, list); i >= 1; i--) {
        lua_rawgeti(L, list, i);
        int r = lua_gettop(L);
        lua_getfield(L, r, "t");
        lua_getfield(L, r, "existed");
        int is_cp =
            lua_isstring(L, -2) && !strcmp(lua_tostring(L, -2), "effect") && lua_isboolean(L, -1);
        lua_pop(L, 2);
        if (is_cp) {
            lua_newtable(L);
            const char *fields[] = {"seq", "module", "host", "path", "existed", "kind", NULL};
            for (int k = 0; fields[k]; k++) {
                lua_getfield(L, r, fields[k]);
                lua_setfield(L, -2, fields[k]);
            }
            if (lua_getfield(L, r, "checkpoint") == LUA_TSTRING) {
                dr_buf content = DR_BUF_INIT;
                if (journal_read_checkpoint(e->state_dir.data, run, lua_tostring(L, -1), &content,
                                            &err) != DR_OK) {
                    dr_buf_free(&content);
                    return luaL_error(L, "rollback: %s", err.msg);
                }
                lua_pushlstring(L, content.data ? content.data : "", content.len);
                lua_setfield(L, -3, "content");
                dr_buf_free(&content);
            }
            lua_pop(L, 1);
            lua_rawseti(L, out, (lua_Integer)lua_rawlen(L, out) + 1);
        }
        lua_settop(L, info);
    }
    return 2;
}

/* dr.journal(run) -> the run's journal records in order, or nil, error
 * (also when the journal is damaged). */
static int l_journal(lua_State *L)
{
    struct engine *e = check_engine(L);
    const char *run = luaL_checkstring(L, 1);
    dr_err err = {0};
    int rc = engine_load_journal(e, run, &err);
    if (rc != DR_OK) {
        if (rc == DR_EPARSE)
            lua_pop(L, 1);
        luaL_pushfail(L);
        lua_pushstring(L, err.msg);
        return 2;
    }
    return 1;
}

/* dr.out(fmt, ...): a line of the command's result on stdout (redacted),
 * for read-only commands like status. */
static int l_out(lua_State *L)
{
    check_engine(L);
    format_args(L);
    dr_buf b = DR_BUF_INIT;
    dr_buf_puts(&b, lua_tostring(L, -1));
    dr_buf_putc(&b, '\n');
    dr_redact(&b);
    fputs(b.data, stdout);
    dr_buf_free(&b);
    return 0;
}

/* dr.color(): true when stdout is a terminal that takes colour (see
 * term.h); a view colours its own table with it. */
static int l_color(lua_State *L)
{
    lua_pushboolean(L, term_color(stdout));
    return 1;
}

/* dr.json_out(value): value as one JSON document on stdout (redacted). */
static int l_json_out(lua_State *L)
{
    check_engine(L);
    luaL_checkany(L, 1);
    dr_buf b = DR_BUF_INIT;
    engine_json_value(L, 1, &b, 0);
    dr_buf_putc(&b, '\n');
    dr_redact(&b);
    fputs(b.data, stdout);
    dr_buf_free(&b);
    return 0;
}

/* dr.json(): true when the command was asked for --json output. */
static int l_json(lua_State *L)
{
    struct engine *e = check_engine(L);
    lua_pushboolean(L, e->o.json);
    return 1;
}

/* dr.first_effect_time(): wall-clock seconds of the run's first performed
 * effect (the start of the RTO), or nil before any. */
static int l_first_effect_time(lua_State *L)
{
    struct engine *e = check_engine(L);
    if (!e->first_effect_wall_ms)
        return 0;
    lua_pushnumber(L, (double)e->first_effect_wall_ms / 1000.0);
    return 1;
}

/* dr.sha256(s): hex digest, for preconditions on file content. */
static int l_sha256(lua_State *L)
{
    size_t n;
    const char *s = luaL_checklstring(L, 1, &n);
    char hex[SHA256_HEX_LEN + 1];
    sha256_hex(s, n, hex);
    lua_pushstring(L, hex);
    return 1;
}

/* ---------------------------------------------------------------- local effects */

/* A name in the state directory: letters, digits, '-', '_' and '.', not
 * starting with '.', so that a runbook can name no other file. */
static const char *check_state_name(lua_State *L, int arg)
{
    const char *name = luaL_checkstring(L, arg);
    size_t n = strlen(name);
    int ok = n > 0 && n <= 64 && name[0] != '.';
    for (size_t i = 0; ok && i < n; i++) {
        char c = name[i];
        ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
             c == '-' || c == '_' || c == '.';
    }
    if (!ok)
        luaL_argerror(L, arg, "a state file name ([A-Za-z0-9._-], not starting with '.')");
    return name;
}

/* dr.state_read(name) -> content | nil: a file of the state directory (in a
 * rehearsal, what this plan wrote there, if anything). */
static int l_state_read(lua_State *L)
{
    struct engine *e = check_engine(L);
    const char *name = check_state_name(L, 1);
    const char *w;
    size_t wl;
    if (dr_effect_written(L, "local", name, &w, &wl)) {
        lua_pushlstring(L, w, wl);
        return 1;
    }
    dr_buf path = DR_BUF_INIT, text = DR_BUF_INIT;
    dr_buf_printf(&path, "%s/%s", e->state_dir.data, name);
    dr_err err = {0};
    int rc = dr_read_file(path.data, &text, &err);
    if (rc == DR_OK)
        lua_pushlstring(L, text.data ? text.data : "", text.len);
    else
        lua_pushnil(L);
    dr_buf_free(&path);
    dr_buf_free(&text);
    return 1;
}

/* dr.state_write(name, content | nil): replaces (nil: removes) a file of the
 * state directory, atomically, through the effect gate: journaled and
 * checkpointed in a real run, only recorded in a rehearsal.  Returns true,
 * or nil and "what: why". */
static int l_state_write(lua_State *L)
{
    struct engine *e = check_engine(L);
    const char *name = check_state_name(L, 1);
    size_t len = 0;
    const char *content = luaL_optlstring(L, 2, NULL, &len);
    dr_buf path = DR_BUF_INIT, tmp = DR_BUF_INIT, before = DR_BUF_INIT, summary = DR_BUF_INIT;
    dr_buf_printf(&path, "%s/%s", e->state_dir.data, name);
    dr_buf_printf(&tmp, "%s/.%s.tmp", e->state_dir.data, name);
    dr_err err = {0};
    int existed = dr_read_file(path.data, &before, &err) == DR_OK;
    dr_buf_printf(&summary, "%s %s in the state directory", content ? "write" : "remove", name);
    dr_effect ef = {.kind = DR_EFFECT_WRITE_FILE,
                    .module = "state",
                    .host = "local",
                    .summary = summary.data,
                    .path = name,
                    .before = existed ? (before.data ? before.data : "") : NULL,
                    .before_len = existed ? before.len : 0,
                    .after = content,
                    .after_len = len};
    memset(&err, 0, sizeof err);
    int d = dr_effect_gate(L, &ef, &err);
    int rc = DR_OK;
    if (d < 0) {
        rc = d;
    } else if (d == DR_EFFECT_PERFORM) {
        if (!content) {
            if (unlink(path.data) != 0 && errno != ENOENT)
                rc = dr_err_set(&err, DR_EIO, "remove %s: %s", path.data, strerror(errno));
        } else {
            int fd = open(tmp.data, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
            size_t off = 0;
            while (fd >= 0 && off < len) {
                ssize_t n = write(fd, content + off, len - off);
                if (n < 0 && errno == EINTR)
                    continue;
                if (n <= 0)
                    break;
                off += (size_t)n;
            }
            if (fd < 0 || off != len || fsync(fd) != 0 || rename(tmp.data, path.data) != 0)
                rc = dr_err_set(&err, DR_EIO, "write %s: %s", path.data, strerror(errno));
            if (fd >= 0)
                close(fd);
        }
        dr_effect_done(L, &ef, rc, rc ? err.msg : "written");
    }
    dr_buf_free(&path);
    dr_buf_free(&tmp);
    dr_buf_free(&before);
    dr_buf_free(&summary);
    if (rc) {
        luaL_pushfail(L);
        lua_pushstring(L, err.msg);
        return 2;
    }
    lua_pushboolean(L, 1);
    return 1;
}

/* Runs sh -c cmd on this machine, output (stdout and stderr together, at
 * most 64 KiB kept) into out; *status is the exit status, or -1 when it was
 * killed at the deadline.  Returns DR_OK or DR_EIO (fork/pipe failed). */
static int run_local(const char *cmd, int timeout_s, dr_buf *out, int *status, dr_err *err)
{
    int p[2];
    if (pipe(p) != 0)
        return dr_err_set(err, DR_EIO, "pipe: %s", strerror(errno));
    pid_t pid = fork();
    if (pid < 0) {
        close(p[0]);
        close(p[1]);
        return dr_err_set(err, DR_EIO, "fork: %s", strerror(errno));
    }
    if (pid == 0) {
        setpgid(0, 0);
        int devnull = open("/dev/null", O_RDONLY);
        if (devnull >= 0)
            dup2(devnull, 0);
        dup2(p[1], 1);
        dup2(p[1], 2);
        close(p[0]);
        close(p[1]);
        execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
        _exit(127);
    }
    close(p[1]);
    int64_t deadline = dr_now_ms() + (int64_t)timeout_s * 1000;
    int killed = 0;
    char buf[4096];
    for (;;) {
        int64_t left = deadline - dr_now_ms();
        if (left <= 0) {
            kill(-pid, SIGKILL);
            kill(pid, SIGKILL);
            killed = 1;
            break;
        }
        struct pollfd pfd = {.fd = p[0], .events = POLLIN};
        int r = poll(&pfd, 1, (int)(left > 1000 ? 1000 : left));
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            continue;
        ssize_t n = read(p[0], buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        if (out->len < 65536)
            dr_buf_append(out, buf, (size_t)n);
    }
    close(p[0]);
    int ws = 0;
    while (waitpid(pid, &ws, 0) < 0 && errno == EINTR) {
    }
    *status = killed ? -1 : WIFEXITED(ws) ? WEXITSTATUS(ws) : 128 + WTERMSIG(ws);
    return DR_OK;
}

/* dr.local_exec(cmd[, timeout_s]) -> {status, stdout} | nil, err: a command
 * run on this machine (a site fence: a cloud API call, IPMI, a firewall
 * rule), through the effect gate: journaled in a real run, only recorded
 * in a rehearsal (status 0, empty output, simulated = true). */
static int l_local_exec(lua_State *L)
{
    check_engine(L);
    const char *cmd = luaL_checkstring(L, 1);
    int timeout_s = (int)luaL_optinteger(L, 2, 120);
    if (timeout_s < 1)
        timeout_s = 1;
    dr_effect ef = {.kind = DR_EFFECT_EXEC, .module = "local", .host = "local", .summary = cmd};
    dr_err err = {0};
    int d = dr_effect_gate(L, &ef, &err);
    if (d < 0) {
        luaL_pushfail(L);
        lua_pushstring(L, err.msg);
        return 2;
    }
    lua_newtable(L);
    if (d == DR_EFFECT_SIMULATE) {
        lua_pushinteger(L, 0);
        lua_setfield(L, -2, "status");
        lua_pushliteral(L, "");
        lua_setfield(L, -2, "stdout");
        lua_pushboolean(L, 1);
        lua_setfield(L, -2, "simulated");
        return 1;
    }
    dr_buf out = DR_BUF_INIT;
    int status = 0;
    int rc = run_local(cmd, timeout_s, &out, &status, &err);
    dr_buf detail = DR_BUF_INIT;
    if (rc == DR_OK)
        dr_buf_printf(&detail, status < 0 ? "killed after %d s" : "exit %d",
                      status < 0 ? timeout_s : status);
    dr_effect_done(L, &ef, rc ? rc : status == 0 ? DR_OK : DR_EIO, rc ? err.msg : detail.data);
    dr_buf_free(&detail);
    if (rc) {
        dr_buf_free(&out);
        lua_pop(L, 1);
        luaL_pushfail(L);
        lua_pushstring(L, err.msg);
        return 2;
    }
    lua_pushinteger(L, status);
    lua_setfield(L, -2, "status");
    lua_pushlstring(L, out.data ? out.data : "", out.len);
    lua_setfield(L, -2, "stdout");
    dr_buf_free(&out);
    return 1;
}

static const luaL_Reg dr_funcs[] = {
    {"state_read", l_state_read},
    {"state_write", l_state_write},
    {"local_exec", l_local_exec},
    {"first_effect_time", l_first_effect_time},
    {"sha256", l_sha256},
    {"out", l_out},
    {"color", l_color},
    {"json_out", l_json_out},
    {"json", l_json},
    {"checkpoints", l_checkpoints},
    {"journal", l_journal},
    {"runbook", l_runbook},
    {"step", l_step},
    {"group", l_group},
    {"wait", l_wait},
    {"pause", l_pause},
    {"log", l_log},
    {"warn", l_warn},
    {"metric", l_metric},
    {"refuse", l_refuse},
    {"mode", l_mode},
    {"rehearsal", l_rehearsal},
    {"run_id", l_run_id},
    {"params", l_params},
    {"now", l_now},
    {"clock", l_clock},
    {NULL, NULL},
};

int luaopen_dr(lua_State *L)
{
    luaL_newlib(L, dr_funcs);
    return 1;
}
