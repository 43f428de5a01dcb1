/* dr_lua: the `dr` module, the runbook API of the engine: runbook
 * definitions, steps (check, act, verify), waits with a deadline and
 * backoff, operator pauses, logging and metrics. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <lauxlib.h>
#include <lua.h>

#include "engine_int.h"
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
    if (engine_journal_top(e, &err) != DR_OK)
        luaL_error(L, "journal: %s", err.msg);
}

/* Calls the function field `fname` of the step table (index 1) with nargs
 * arguments on the stack, keeping nres results.  Returns 0 when absent. */
static int call_field(lua_State *L, const char *fname, int nargs, int nres, int *status)
{
    if (lua_getfield(L, 1, fname) != LUA_TFUNCTION) {
        lua_pop(L, 1 + nargs);
        return 0;
    }
    lua_insert(L, -1 - nargs);
    *status = lua_pcall(L, nargs, nres, 0);
    return 1;
}

/* dr.step{ name=, host=, check=fn() -> observation,
 *          act=fn(pre) -> result, verify=fn(pre, result) -> ok, why,
 *          unblock="what an operator can do when the precondition moved" } */
static int l_step(lua_State *L)
{
    struct engine *e = check_engine(L);
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    lua_getfield(L, 1, "name");
    const char *name = lua_tostring(L, -1);
    if (!name)
        return luaL_argerror(L, 1, "field 'name' (string) expected");
    int name_idx = lua_gettop(L);
    lua_getfield(L, 1, "host");
    const char *host = lua_tostring(L, -1);
    if (e->cur_step)
        return luaL_error(L, "dr.step '%s' inside step %d: steps do not nest", name, e->cur_step);
    int n = ++e->step_no;
    int64_t t0 = dr_now_ms();
    int entry = new_plan_entry(L, n, name, host);

    /* Resuming: a finished step is skipped with its journaled result. */
    int rs = 0;
    if (e->resuming) {
        lua_getfield(L, LUA_REGISTRYINDEX, ENGINE_RESUME);
        if (lua_rawgeti(L, -1, n) == LUA_TTABLE) {
            rs = lua_gettop(L);
            lua_getfield(L, rs, "name");
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
            lua_getfield(L, rs, "status");
            const char *st = lua_tostring(L, -1);
            if (st && !strcmp(st, "ok")) {
                set_status(L, entry, "skipped", t0);
                lua_getfield(L, rs, "result");
                return 1;
            }
            lua_pop(L, 1);
        }
    }

    journal_step(L, e, "step", n, "name", name_idx, NULL, host);
    e->cur_step = n;
    if (e->o.mode == ENGINE_REAL && !e->o.quiet)
        engine_say(e, "[%d] %s%s%s\n", n, name, host ? " on " : "", host ? host : "");

    int status = LUA_OK;
    if (!call_field(L, "check", 0, 1, &status))
        lua_pushnil(L);
    if (status != LUA_OK) {
        e->cur_step = 0;
        set_status(L, entry, "failed", t0);
        journal_step(L, e, "step_end", n, NULL, 0, "failed", lua_tostring(L, -1));
        return luaL_error(L, "step %d '%s': check failed: %s", n, name, lua_tostring(L, -1));
    }
    int pre = lua_gettop(L);
    dr_buf tmp = DR_BUF_INIT;
    dr_err err = {0};
    if (luaser_dump(L, pre, &tmp, &err) != DR_OK) {
        dr_buf_free(&tmp);
        e->cur_step = 0;
        return luaL_error(L, "step %d '%s': check must return plain data (%s)", n, name, err.msg);
    }
    dr_buf_free(&tmp);

    if (rs) {
        lua_getfield(L, rs, "checked");
        int checked = lua_toboolean(L, -1);
        lua_pop(L, 1);
        lua_getfield(L, rs, "pre");
        int jpre = lua_gettop(L);
        if (checked && !luaser_equal(L, pre, jpre)) {
            /* The act may have happened before the interruption: if the
             * step's verify holds, it did, and the step is done. */
            lua_pushvalue(L, jpre);
            lua_pushnil(L);
            int vs = LUA_OK;
            int has_verify = call_field(L, "verify", 2, 2, &vs);
            if (has_verify && vs == LUA_OK && lua_toboolean(L, -2)) {
                lua_settop(L, jpre);
                set_status(L, entry, "ok", t0);
                journal_step(L, e, "step_end", n, NULL, 0, "ok",
                             "completed before the interruption");
                e->cur_step = 0;
                return 0;
            }
            dr_buf a = DR_BUF_INIT, b = DR_BUF_INIT;
            luaser_dump(L, jpre, &a, NULL);
            luaser_dump(L, pre, &b, NULL);
            lua_getfield(L, 1, "unblock");
            const char *unblock = lua_tostring(L, -1);
            lua_pushfstring(L,
                            "step %d '%s' refused: its precondition changed since the run was "
                            "interrupted (journaled %s, now %s) and its result is not in place; "
                            "to unblock: %s",
                            n, name, a.data ? a.data : "nil", b.data ? b.data : "nil",
                            unblock ? unblock
                                    : "check the host by hand, then resume, or roll back the run");
            dr_buf_free(&a);
            dr_buf_free(&b);
            e->refused = 1;
            e->cur_step = 0;
            set_status(L, entry, "refused", t0);
            journal_step(L, e, "step_end", n, NULL, 0, "refused", lua_tostring(L, -1));
            return lua_error(L);
        }
        lua_settop(L, pre);
    }
    journal_step(L, e, "check", n, "pre", pre, NULL, NULL);

    lua_pushvalue(L, pre);
    if (!call_field(L, "act", 1, 1, &status))
        lua_pushnil(L);
    if (status != LUA_OK) {
        const char *msg = lua_tostring(L, -1);
        lua_pushfstring(L, "step %d '%s' failed: %s", n, name, msg ? msg : "error");
        set_status(L, entry, "failed", t0);
        journal_step(L, e, "step_end", n, NULL, 0, "failed", lua_tostring(L, -1));
        e->cur_step = 0;
        return lua_error(L);
    }
    int result = lua_gettop(L);
    if (e->o.mode == ENGINE_REAL) {
        lua_pushvalue(L, pre);
        lua_pushvalue(L, result);
        int vs = LUA_OK;
        if (call_field(L, "verify", 2, 2, &vs)) {
            if (vs != LUA_OK || !lua_toboolean(L, -2)) {
                const char *why = vs != LUA_OK ? lua_tostring(L, -1) : lua_tostring(L, -1);
                lua_pushfstring(L, "step %d '%s': verify failed: %s", n, name,
                                why ? why : "the change is not in place");
                set_status(L, entry, "failed", t0);
                journal_step(L, e, "step_end", n, NULL, 0, "failed", lua_tostring(L, -1));
                e->cur_step = 0;
                return lua_error(L);
            }
            lua_pop(L, 2);
        }
    }
    set_status(L, entry, e->o.mode == ENGINE_REAL ? "ok" : "planned", t0);
    /* The result is journaled when it is plain data, so that a resume can
     * hand it back without redoing the step. */
    tmp = (dr_buf)DR_BUF_INIT;
    int plain = luaser_dump(L, result, &tmp, NULL) == DR_OK;
    dr_buf_free(&tmp);
    journal_step(L, e, "step_end", n, "result", plain ? result : 0, "ok", NULL);
    e->cur_step = 0;
    lua_settop(L, result);
    return 1;
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
    lua_getfield(L, 1, "timeout");
    double timeout = luaL_optnumber(L, -1, 60);
    lua_getfield(L, 1, "interval");
    double interval = luaL_optnumber(L, -1, 0.2);
    lua_getfield(L, 1, "max_interval");
    double max_interval = luaL_optnumber(L, -1, 2.0);
    if (lua_getfield(L, 1, "check") != LUA_TFUNCTION)
        return luaL_argerror(L, 1, "field 'check' (function) expected");
    int fn = lua_gettop(L);
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
    int64_t deadline = t0 + (int64_t)(timeout * 1000);
    int64_t step = (int64_t)(interval * 1000);
    int tty = isatty(2) && !e->o.quiet;
    if (!tty)
        engine_say(e, "    waiting up to %.0f s for %s\n", timeout, what);
    for (;;) {
        lua_pushvalue(L, fn);
        int st = lua_pcall(L, 0, 2, 0);
        if (st != LUA_OK)
            return luaL_error(L, "waiting for %s: %s", what, lua_tostring(L, -1));
        if (lua_toboolean(L, -2)) {
            if (tty)
                fprintf(stderr, "\r\033[K");
            engine_say(e, "    %s: after %.1f s\n", what, (double)(dr_now_ms() - t0) / 1000.0);
            return 2;
        }
        const char *detail = luaL_optstring(L, -1, "");
        int64_t now = dr_now_ms();
        if (now >= deadline) {
            /* lua_pushfstring knows no precision: format the seconds here */
            char secs[32];
            snprintf(secs, sizeof secs, "%.1f", timeout);
            return luaL_error(L, "timed out after %s s waiting for %s%s%s%s", secs, what,
                              *detail ? " (last: " : "", *detail ? detail : "", *detail ? ")" : "");
        }
        if (tty) {
            fprintf(stderr, "\r\033[K    waiting for %s: %.1f s of %.0f s%s%s", what,
                    (double)(now - t0) / 1000.0, timeout, *detail ? " - " : "", detail);
            fflush(stderr);
        }
        lua_pop(L, 2);
        int64_t nap = step < deadline - now ? step : deadline - now;
        sleep_ms(nap);
        step = (int64_t)((double)step * 1.5);
        if (step > (int64_t)(max_interval * 1000))
            step = (int64_t)(max_interval * 1000);
    }
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
        engine_journal_top(e, &err);
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
 * existed, content}: what the run replaced, for rollback. */
static int l_checkpoints(lua_State *L)
{
    struct engine *e = check_engine(L);
    const char *run = luaL_checkstring(L, 1);
    dr_err err = {0};
    if (engine_load_journal(e, run, &err) != DR_OK) {
        luaL_pushfail(L);
        lua_pushstring(L, err.msg);
        return 2;
    }
    int list = lua_gettop(L);
    lua_newtable(L);
    int out = lua_gettop(L);
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
        lua_settop(L, out);
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

static const luaL_Reg dr_funcs[] = {
    {"first_effect_time", l_first_effect_time},
    {"sha256", l_sha256},
    {"out", l_out},
    {"json_out", l_json_out},
    {"json", l_json},
    {"checkpoints", l_checkpoints},
    {"runbook", l_runbook},
    {"step", l_step},
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
