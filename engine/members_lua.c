/* members_lua: the Lua side of keeper memberships shared by zkconf_lua and
 * keeperxml_lua; see include/members_lua.h. */
#include "members_lua.h"

#include <lauxlib.h>
#include <stdlib.h>
#include <string.h>

#include "luabind.h"

#define MAX_SERVERS 255 /* server ids are 1..255 in practice; keeps loops small */

/* ---- reading server tables -------------------------------------------------- */

int members_lua_server_error(lua_State *L, int arg, lua_Integer i, const char *why)
{
    if (i > 0)
        return luaL_argerror(L, arg, lua_pushfstring(L, "server #%d: %s", (int)i, why));
    return luaL_argerror(L, arg, lua_pushfstring(L, "server: %s", why));
}

void members_lua_check_fields(lua_State *L, int arg, lua_Integer i, const char *const *fields)
{
    if (!lua_istable(L, -1))
        members_lua_server_error(L, arg, i, "table expected");
    const char *unknown = luabind_unknown_key(L, -1, fields);
    if (unknown)
        members_lua_server_error(L, arg, i, lua_pushfstring(L, "unknown field '%s'", unknown));
}

lua_Integer members_lua_int_field(lua_State *L, int arg, lua_Integer i, const char *k,
                                  lua_Integer def, lua_Integer lo, lua_Integer hi)
{
    lua_Integer v = def;
    if (lua_getfield(L, -1, k) != LUA_TNIL) {
        if (!lua_isinteger(L, -1))
            members_lua_server_error(L, arg, i,
                                     lua_pushfstring(L, "field '%s' must be an integer", k));
        v = lua_tointeger(L, -1);
        if (v < lo || v > hi)
            members_lua_server_error(
                L, arg, i,
                lua_pushfstring(L, "field '%s' must be between %d and %d", k, (int)lo, (int)hi));
    } else if (def == MEMBERS_LUA_REQUIRED) {
        members_lua_server_error(L, arg, i, lua_pushfstring(L, "field '%s' required", k));
    }
    lua_pop(L, 1);
    return v;
}

const char *members_lua_str_field(lua_State *L, int arg, lua_Integer i, const char *k, int required,
                                  int anchors)
{
    int t = lua_getfield(L, -1, k);
    if (t == LUA_TNIL && !required) {
        lua_pop(L, 1);
        return NULL;
    }
    size_t len;
    const char *s = t == LUA_TSTRING ? lua_tolstring(L, -1, &len) : NULL;
    if (!s || len == 0 || strlen(s) != len)
        members_lua_server_error(L, arg, i,
                                 lua_pushfstring(L, "field '%s' must be a non-empty string", k));
    lua_rawseti(L, anchors, (lua_Integer)lua_rawlen(L, anchors) + 1);
    return s;
}

/* ---- memberships ---------------------------------------------------------------- */

int members_lua_new_anchors(lua_State *L)
{
    lua_newtable(L);
    return lua_gettop(L);
}

/* A server's id: its first member (C lets a struct pointer, converted, point
 * at its first member). */
static long id_of(const void *server)
{
    return *(const long *)server;
}

static int by_id(const void *a, const void *b)
{
    long x = id_of(a), y = id_of(b);
    return (x > y) - (x < y);
}

static void *server_at(const members_lua_kind *k, const members_lua_list *m, size_t i)
{
    return (char *)m->v + i * k->server_size;
}

members_lua_list members_lua_check(lua_State *L, const members_lua_kind *k, int idx, int arg,
                                   int anchors)
{
    luaL_checktype(L, idx, LUA_TTABLE);
    lua_Integer n = luaL_len(L, idx);
    luaL_argcheck(L, n >= 0 && n <= MAX_SERVERS, arg, "array of at most 255 servers expected");
    members_lua_list m = {lua_newuserdatauv(L, (size_t)(n ? n : 1) * k->server_size, 0), (size_t)n};
    for (lua_Integer i = 1; i <= n; i++) {
        lua_geti(L, idx, i);
        k->to_server(L, arg, i, anchors, server_at(k, &m, (size_t)i - 1));
    }
    qsort(m.v, m.n, k->server_size, by_id);
    return m;
}

int members_lua_check_unique(const members_lua_kind *k, const members_lua_list *m, dr_err *err)
{
    for (size_t i = 1; i < m->n; i++) {
        long id = id_of(server_at(k, m, i));
        if (id == id_of(server_at(k, m, i - 1)))
            return dr_err_set(err, DR_EINVAL, "%s%ld given twice", k->twice_prefix, id);
    }
    return DR_OK;
}

void members_lua_push(lua_State *L, const members_lua_kind *k, const members_lua_list *m)
{
    lua_createtable(L, (int)m->n, 0);
    for (size_t i = 0; i < m->n; i++) {
        k->push_server(L, server_at(k, m, i));
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
}

/* ---- the functions ---------------------------------------------------------------- */

static const members_lua_kind *kind_of(lua_State *L)
{
    return lua_touserdata(L, lua_upvalueindex(1));
}

static int l_validate(lua_State *L)
{
    const members_lua_kind *k = kind_of(L);
    int anchors = members_lua_new_anchors(L);
    members_lua_list m = members_lua_check(L, k, 1, 1, anchors);
    dr_err err = {0};
    if (members_lua_check_unique(k, &m, &err) || k->validate(&m, &err))
        return luabind_fail(L, &err);
    lua_pushboolean(L, 1);
    return 1;
}

static int l_check_hosts(lua_State *L)
{
    const members_lua_kind *k = kind_of(L);
    int anchors = members_lua_new_anchors(L);
    members_lua_list a = members_lua_check(L, k, 1, 1, anchors);
    members_lua_list b = members_lua_check(L, k, 2, 2, anchors);
    dr_err err = {0};
    if (members_lua_check_unique(k, &a, &err) || members_lua_check_unique(k, &b, &err) ||
        k->check_hosts(&a, &b, &err))
        return luabind_fail(L, &err);
    lua_pushboolean(L, 1);
    return 1;
}

static int after(lua_State *L, members_lua_after which)
{
    const members_lua_kind *k = kind_of(L);
    int anchors = members_lua_new_anchors(L);
    members_lua_list a = members_lua_check(L, k, 1, 1, anchors);
    members_lua_list b = members_lua_check(L, k, 2, 2, anchors);
    dr_err err = {0};
    if (members_lua_check_unique(k, &a, &err) || members_lua_check_unique(k, &b, &err))
        return luabind_fail(L, &err);
    members_lua_list out = {0};
    int rc = k->after(which, &a, &b, &out, &err);
    if (rc == DR_OK)
        members_lua_push(L, k, &out);
    k->free(&out);
    return rc ? luabind_fail(L, &err) : 1;
}

static int l_after_failover(lua_State *L)
{
    return after(L, MEMBERS_LUA_AFTER_FAILOVER);
}

static int l_after_recovery(lua_State *L)
{
    return after(L, MEMBERS_LUA_AFTER_RECOVERY);
}

static int l_after_failback(lua_State *L)
{
    return after(L, MEMBERS_LUA_AFTER_FAILBACK);
}

/* On a copy owned by the model: the input stays as given. */
static int change_role(lua_State *L, int participant)
{
    const members_lua_kind *k = kind_of(L);
    int anchors = members_lua_new_anchors(L);
    members_lua_list m = members_lua_check(L, k, 1, 1, anchors);
    lua_Integer id = luaL_checkinteger(L, 2);
    dr_err err = {0};
    if (members_lua_check_unique(k, &m, &err))
        return luabind_fail(L, &err);
    members_lua_list copy = {0};
    k->copy(&copy, &m);
    int rc = k->set_role(participant, &copy, (long)id, &err);
    if (rc == DR_OK)
        members_lua_push(L, k, &copy);
    k->free(&copy);
    return rc ? luabind_fail(L, &err) : 1;
}

static int l_promote(lua_State *L)
{
    return change_role(L, 1);
}

static int l_demote(lua_State *L)
{
    return change_role(L, 0);
}

static const luaL_Reg members_functions[] = {
    {"validate", l_validate},
    {"check_hosts", l_check_hosts},
    {"after_failover", l_after_failover},
    {"after_recovery", l_after_recovery},
    {"after_failback", l_after_failback},
    {"promote", l_promote},
    {"demote", l_demote},
    {NULL, NULL},
};

void members_lua_register(lua_State *L, const members_lua_kind *k)
{
    lua_pushlightuserdata(L, (void *)k);
    luaL_setfuncs(L, members_functions, 1);
}
