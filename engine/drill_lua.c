/* drill_lua: Lua binding of drill ("dr.drill").  See include/drill_lua.h. */
#include "drill_lua.h"

#include <lauxlib.h>
#include <lua.h>
#include <stdlib.h>
#include <string.h>

#define RESULT_KEY "dr.drill.result"

/* t[k] when it is a string, else NULL.  The string stays alive after the
 * pop: the table t, which is on the stack, still holds it. */
static const char *opt_str(lua_State *L, int t, const char *k)
{
    lua_getfield(L, t, k);
    const char *s = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
    lua_pop(L, 1);
    return s;
}

static double opt_num(lua_State *L, int t, const char *k, double dflt)
{
    lua_getfield(L, t, k);
    double v = lua_isnumber(L, -1) ? lua_tonumber(L, -1) : dflt;
    lua_pop(L, 1);
    return v;
}

/* Validates the result table (raises on misuse) and keeps it. */
static int l_submit(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    if (lua_getfield(L, 1, "checks") != LUA_TTABLE)
        return luaL_argerror(L, 1, "a table with a checks list expected");
    lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
    for (lua_Integer i = 1; i <= n; i++) {
        if (lua_rawgeti(L, -1, i) != LUA_TTABLE)
            return luaL_argerror(L, 1, lua_pushfstring(L, "checks[%d]: a table expected", (int)i));
        lua_getfield(L, -1, "name");
        if (lua_type(L, -1) != LUA_TSTRING)
            return luaL_argerror(L, 1,
                                 lua_pushfstring(L, "checks[%d].name: a string expected", (int)i));
        lua_getfield(L, -2, "status");
        drill_status st;
        if (drill_status_parse(lua_tostring(L, -1), &st) != DR_OK)
            return luaL_argerror(
                L, 1, lua_pushfstring(L, "checks[%d].status: pass, warn or fail expected", (int)i));
        lua_pop(L, 3);
    }
    lua_pop(L, 1);
    lua_pushvalue(L, 1);
    lua_setfield(L, LUA_REGISTRYINDEX, RESULT_KEY);
    return 0;
}

int drill_lua_result(lua_State *L, drill_report *r, dr_err *err)
{
    int top = lua_gettop(L);
    if (lua_getfield(L, LUA_REGISTRYINDEX, RESULT_KEY) != LUA_TTABLE) {
        lua_settop(L, top);
        return dr_err_set(err, DR_ENOTFOUND, "drill: the view submitted no result");
    }
    int t = lua_gettop(L);
    const char *kind = opt_str(L, t, "kind");
    if (kind) {
        free(r->kind);
        r->kind = dr_strdup(kind);
    }
    double v = opt_num(L, t, "lag_seconds", -1);
    if (v >= 0)
        r->lag_s = v;
    v = opt_num(L, t, "rto_seconds", -1);
    if (v >= 0)
        r->rto_s = v;
    v = opt_num(L, t, "rpo_rows", -1);
    if (v >= 0)
        r->rpo_rows = (int64_t)v;
    lua_getfield(L, t, "checks");
    int checks = lua_gettop(L);
    lua_Integer n = (lua_Integer)lua_rawlen(L, checks);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, checks, i);
        int c = lua_gettop(L);
        drill_status st = DRILL_FAIL;
        drill_status_parse(opt_str(L, c, "status"), &st);
        drill_check *dc = drill_report_add(r, opt_str(L, c, "name"), st, opt_str(L, c, "value"),
                                           opt_str(L, c, "threshold"), opt_str(L, c, "fix"));
        const char *d = opt_str(L, c, "detail");
        dc->detail = d && *d ? dr_strdup(d) : NULL;
        const char *h = opt_str(L, c, "host");
        dc->host = h ? dr_strdup(h) : NULL;
        dc->start_s = opt_num(L, c, "start", 0);
        dc->end_s = opt_num(L, c, "end", dc->start_s);
        lua_settop(L, checks);
    }
    lua_settop(L, top);
    return DR_OK;
}

static const luaL_Reg drill_functions[] = {
    {"submit", l_submit},
    {NULL, NULL},
};

int luaopen_dr_drill(lua_State *L)
{
    luaL_newlib(L, drill_functions);
    return 1;
}

/* A string field of the table on top of L, as a new string, or NULL. */
static char *opt_string(lua_State *L, const char *k)
{
    lua_getfield(L, -1, k);
    char *s = lua_tostring(L, -1) ? dr_strdup(lua_tostring(L, -1)) : NULL;
    lua_pop(L, 1);
    return s;
}

void drill_lua_sites(lua_State *L, char **primary, char **standby, char **lost, char **cluster)
{
    *primary = *standby = *lost = *cluster = NULL;
    if (lua_getfield(L, LUA_REGISTRYINDEX, RESULT_KEY) == LUA_TTABLE) {
        *primary = opt_string(L, "primary");
        *standby = opt_string(L, "standby");
        *lost = opt_string(L, "standby_lost");
        *cluster = opt_string(L, "cluster");
    }
    lua_pop(L, 1);
}
