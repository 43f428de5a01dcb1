/* zkconf_lua: Lua binding of zkconf ("dr.zkconf"): zoo.cfg and dynamic files
 * as "dr.zkconf.config" objects, memberships as arrays of server tables.  See
 * include/zkconf_lua.h for the functions.
 *
 * Memberships given from Lua are read into scratch memory owned by Lua (a
 * userdata) with strings borrowed from Lua (anchored for the call), sorted by
 * id: zkconf's functions take them const, so no C memory is held while an
 * argument is still being checked, and a raised error leaks nothing. */
#include "zkconf_lua.h"

#include <lauxlib.h>
#include <lua.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "luabind.h"
#include "zkconf.h"

#define CONFIG_MT "dr.zkconf.config"
#define DEFAULT_QUORUM_PORT 2888
#define DEFAULT_ELECTION_PORT 3888
#define MAX_SERVERS 255 /* ZooKeeper server ids are 1..255 in practice; keeps loops small */

static const char *const KIND_NAMES[] = {"static", "dynamic", "znode", NULL};
static const zkconf_kind KINDS[] = {ZKCONF_STATIC, ZKCONF_DYNAMIC, ZKCONF_ZNODE};
static const char *const ROLE_NAMES[] = {"participant", "observer", NULL};

/* ---- servers and memberships ------------------------------------------------ */

static void push_server(lua_State *L, const zkconf_server *s)
{
    lua_createtable(L, 0, 7);
    luabind_set_int(L, "id", s->id);
    luabind_set_str(L, "host", s->host);
    luabind_set_int(L, "quorum_port", s->quorum_port);
    luabind_set_int(L, "election_port", s->election_port);
    luabind_set_str(L, "role", ROLE_NAMES[s->role == ZKCONF_OBSERVER]);
    if (s->client_host)
        luabind_set_str(L, "client_host", s->client_host);
    if (s->client_port)
        luabind_set_int(L, "client_port", s->client_port);
}

static void push_members(lua_State *L, const zkconf_members *m)
{
    lua_createtable(L, (int)m->n, 0);
    for (size_t i = 0; i < m->n; i++) {
        push_server(L, &m->v[i]);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
}

/* Raises "bad argument #arg (server #i: why)" (i 0: a lone server). */
static int server_error(lua_State *L, int arg, lua_Integer i, const char *why)
{
    if (i > 0)
        return luaL_argerror(L, arg, lua_pushfstring(L, "server #%d: %s", (int)i, why));
    return luaL_argerror(L, arg, lua_pushfstring(L, "server: %s", why));
}

/* An integer field of the table on top, within [lo, hi]; def when nil. */
static lua_Integer int_field(lua_State *L, int arg, lua_Integer i, const char *k, lua_Integer def,
                             lua_Integer lo, lua_Integer hi)
{
    lua_Integer v = def;
    if (lua_getfield(L, -1, k) != LUA_TNIL) {
        if (!lua_isinteger(L, -1))
            server_error(L, arg, i, lua_pushfstring(L, "field '%s' must be an integer", k));
        v = lua_tointeger(L, -1);
    } else if (def < lo) {
        server_error(L, arg, i, lua_pushfstring(L, "field '%s' required", k));
    }
    if (v < lo || v > hi)
        server_error(
            L, arg, i,
            lua_pushfstring(L, "field '%s' must be between %d and %d", k, (int)lo, (int)hi));
    lua_pop(L, 1);
    return v;
}

/* A string field of the table on top (NULL when nil and optional), kept
 * alive in the anchor table for the call. */
static const char *str_field(lua_State *L, int arg, lua_Integer i, const char *k, int required,
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
        server_error(L, arg, i, lua_pushfstring(L, "field '%s' must be a non-empty string", k));
    lua_rawseti(L, anchors, (lua_Integer)lua_rawlen(L, anchors) + 1);
    return s;
}

static const char *const SERVER_FIELDS[] = {"id",   "host",        "quorum_port", "election_port",
                                            "role", "client_host", "client_port", NULL};

/* Reads the server table on top of the stack into s (strings borrowed) and
 * pops it. */
static void to_server(lua_State *L, int arg, lua_Integer i, int anchors, zkconf_server *s)
{
    if (!lua_istable(L, -1))
        server_error(L, arg, i, "table expected");
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        lua_pop(L, 1);
        int known = 0;
        if (lua_type(L, -1) == LUA_TSTRING)
            for (int k = 0; SERVER_FIELDS[k]; k++)
                known |= !strcmp(lua_tostring(L, -1), SERVER_FIELDS[k]);
        if (!known)
            server_error(L, arg, i,
                         lua_pushfstring(L, "unknown field '%s'", luaL_tolstring(L, -1, NULL)));
    }
    memset(s, 0, sizeof *s);
    s->id = (long)int_field(L, arg, i, "id", 0, 1, 1L << 30);
    s->host = (char *)str_field(L, arg, i, "host", 1, anchors);
    s->quorum_port = (int)int_field(L, arg, i, "quorum_port", DEFAULT_QUORUM_PORT, 1, 65535);
    s->election_port = (int)int_field(L, arg, i, "election_port", DEFAULT_ELECTION_PORT, 1, 65535);
    const char *role = str_field(L, arg, i, "role", 0, anchors);
    s->role = ZKCONF_PARTICIPANT;
    if (role && !strcmp(role, "observer"))
        s->role = ZKCONF_OBSERVER;
    else if (role && strcmp(role, "participant"))
        server_error(
            L, arg, i,
            lua_pushfstring(L, "role '%s': \"participant\" or \"observer\" expected", role));
    s->client_host = (char *)str_field(L, arg, i, "client_host", 0, anchors);
    s->client_port = (int)int_field(L, arg, i, "client_port", 0, 0, 65535);
    lua_pop(L, 1);
}

static int by_id(const void *a, const void *b)
{
    const zkconf_server *x = a, *y = b;
    return (x->id > y->id) - (x->id < y->id);
}

/* The membership array at arg, sorted by id, in Lua-owned scratch memory
 * (left on the stack) with strings anchored in the table at `anchors`.  The
 * result must only be passed as const: its strings are not zkconf's. */
static void check_members(lua_State *L, int arg, int anchors, zkconf_members *m)
{
    luaL_checktype(L, arg, LUA_TTABLE);
    lua_Integer n = luaL_len(L, arg);
    luaL_argcheck(L, n >= 0 && n <= MAX_SERVERS, arg, "array of at most 255 servers expected");
    m->n = (size_t)n;
    m->v = lua_newuserdatauv(L, (size_t)(n ? n : 1) * sizeof *m->v, 0);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_geti(L, arg, i);
        to_server(L, arg, i, anchors, &m->v[i - 1]);
    }
    qsort(m->v, m->n, sizeof *m->v, by_id);
}

/* Same id twice: the data's fault, not the script's (an inventory can say
 * it), so an expected failure. */
static int check_unique(const zkconf_members *m, dr_err *err)
{
    for (size_t i = 1; i < m->n; i++)
        if (m->v[i].id == m->v[i - 1].id)
            return dr_err_set(err, DR_EINVAL, "membership: server.%ld given twice", m->v[i].id);
    return DR_OK;
}

/* Pushes the anchor table and returns its index. */
static int new_anchors(lua_State *L)
{
    lua_newtable(L);
    return lua_gettop(L);
}

/* ---- the config object ------------------------------------------------------- */

typedef struct lconfig {
    zkconf *c; /* NULL when closed */
    zkconf_kind kind;
} lconfig;

static lconfig *check_config(lua_State *L, int idx)
{
    lconfig *lc = luaL_checkudata(L, idx, CONFIG_MT);
    if (!lc->c)
        luaL_error(L, "attempt to use a closed zkconf config");
    return lc;
}

static int config_close(lua_State *L)
{
    lconfig *lc = luaL_checkudata(L, 1, CONFIG_MT);
    zkconf_free(lc->c);
    lc->c = NULL;
    return 0;
}

static int config_tostring(lua_State *L)
{
    lconfig *lc = luaL_checkudata(L, 1, CONFIG_MT);
    int k = lc->kind == ZKCONF_STATIC ? 0 : lc->kind == ZKCONF_DYNAMIC ? 1 : 2;
    lua_pushfstring(L, "dr.zkconf.config (%s)", lc->c ? KIND_NAMES[k] : "closed");
    return 1;
}

static int l_parse(lua_State *L)
{
    size_t len;
    const char *text = luaL_checklstring(L, 1, &len);
    size_t nlen;
    const char *name = luaL_checklstring(L, 2, &nlen);
    luaL_argcheck(L, strlen(name) == nlen, 2, "name without NUL bytes expected");
    zkconf_kind kind = KINDS[luaL_checkoption(L, 3, "static", KIND_NAMES)];
    lconfig *lc = lua_newuserdatauv(L, sizeof *lc, 0);
    lc->c = NULL; /* closed until parsed: __gc is safe whatever happens */
    lc->kind = kind;
    luaL_setmetatable(L, CONFIG_MT);
    dr_err err = {0};
    if (zkconf_parse(name, text, len, kind, &lc->c, &err) != DR_OK)
        return luabind_fail(L, &err);
    return 1;
}

/* Keys as ZooKeeper writes them: letters, digits, '.', '_', '-'. */
static const char *check_key(lua_State *L, int arg)
{
    size_t len;
    const char *k = luaL_checklstring(L, arg, &len);
    int ok = len > 0;
    for (size_t i = 0; i < len && ok; i++) {
        unsigned char c = (unsigned char)k[i];
        ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
             c == '.' || c == '_' || c == '-';
    }
    luaL_argcheck(L, ok, arg, "key of letters, digits, '.', '_', '-' expected");
    return k;
}

static int config_get(lua_State *L)
{
    lconfig *lc = check_config(L, 1);
    const char *v = zkconf_get(lc->c, check_key(L, 2));
    if (v)
        lua_pushstring(L, v);
    else
        lua_pushnil(L);
    return 1;
}

static int config_set(lua_State *L)
{
    lconfig *lc = check_config(L, 1);
    const char *key = check_key(L, 2);
    size_t len;
    const char *value = luaL_checklstring(L, 3, &len);
    luaL_argcheck(L, strlen(value) == len && !strpbrk(value, "\r\n"), 3,
                  "one-line value expected (no newline or NUL)");
    if (lc->kind != ZKCONF_STATIC && !zkconf_key_is_dynamic(key))
        luaL_argerror(L, 2,
                      lua_pushfstring(L,
                                      "'%s' does not belong in a dynamic file (server.N, "
                                      "group.N, weight.N)",
                                      key));
    zkconf_set(lc->c, key, value);
    return 0;
}

static int config_unset(lua_State *L)
{
    lconfig *lc = check_config(L, 1);
    lua_pushinteger(L, (lua_Integer)zkconf_unset(lc->c, check_key(L, 2)));
    return 1;
}

static int config_render(lua_State *L)
{
    lconfig *lc = check_config(L, 1);
    dr_buf b = DR_BUF_INIT;
    zkconf_render(lc->c, &b);
    lua_pushlstring(L, b.data ? b.data : "", b.len);
    dr_buf_free(&b);
    return 1;
}

static int config_version(lua_State *L)
{
    lconfig *lc = check_config(L, 1);
    int64_t v = zkconf_version(lc->c);
    if (v < 0)
        lua_pushnil(L);
    else
        lua_pushinteger(L, (lua_Integer)v);
    return 1;
}

static int config_members(lua_State *L)
{
    lconfig *lc = check_config(L, 1);
    zkconf_members m = {0};
    zkconf_members_get(lc->c, &m);
    push_members(L, &m);
    zkconf_members_free(&m);
    return 1;
}

static int config_set_members(lua_State *L)
{
    lconfig *lc = check_config(L, 1);
    int anchors = new_anchors(L);
    zkconf_members m;
    check_members(L, 2, anchors, &m);
    dr_err err = {0};
    if (check_unique(&m, &err) || zkconf_members_put(lc->c, &m, &err))
        return luabind_fail(L, &err);
    lua_pushboolean(L, 1);
    return 1;
}

static int config_write_plan(lua_State *L)
{
    lconfig *lc = check_config(L, 1);
    luaL_argcheck(L, lc->kind == ZKCONF_STATIC, 1, "a static zoo.cfg expected");
    int anchors = new_anchors(L);
    zkconf_members m;
    check_members(L, 2, anchors, &m);
    lua_Integer self = luaL_checkinteger(L, 3);
    size_t plen;
    const char *path = luaL_checklstring(L, 4, &plen);
    luaL_argcheck(L, plen > 0 && strlen(path) == plen, 4, "path without NUL bytes expected");
    const char **entries = NULL;
    size_t n_entries = 0;
    if (!lua_isnoneornil(L, 5)) {
        luaL_checktype(L, 5, LUA_TTABLE);
        lua_Integer n = luaL_len(L, 5);
        luaL_argcheck(L, n >= 0 && n <= 100000, 5, "array of file names expected");
        entries = lua_newuserdatauv(L, (size_t)(n ? n : 1) * sizeof *entries, 0);
        for (lua_Integer i = 1; i <= n; i++) {
            if (lua_geti(L, 5, i) != LUA_TSTRING)
                luaL_argerror(L, 5, lua_pushfstring(L, "entry #%d: string expected", (int)i));
            entries[i - 1] = lua_tostring(L, -1);
            lua_rawseti(L, anchors, (lua_Integer)lua_rawlen(L, anchors) + 1);
        }
        n_entries = (size_t)n;
    }
    dr_err err = {0};
    if (check_unique(&m, &err))
        return luabind_fail(L, &err);
    zkconf_write w;
    if (zkconf_write_plan(lc->c, &m, (long)self, path, entries, n_entries, &w, &err) != DR_OK)
        return luabind_fail(L, &err);
    lua_createtable(L, 0, 4);
    lua_pushlstring(L, w.static_text, w.static_len);
    lua_setfield(L, -2, "static");
    luabind_set_str(L, "dynamic_path", w.dynamic_path);
    lua_pushlstring(L, w.dynamic_text, w.dynamic_len);
    lua_setfield(L, -2, "dynamic");
    lua_createtable(L, (int)w.n_remove, 0);
    for (size_t i = 0; i < w.n_remove; i++) {
        lua_pushstring(L, w.remove[i]);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -2, "remove");
    zkconf_write_free(&w);
    return 1;
}

/* ---- membership functions ------------------------------------------------------ */

static int l_validate(lua_State *L)
{
    int anchors = new_anchors(L);
    zkconf_members m;
    check_members(L, 1, anchors, &m);
    dr_err err = {0};
    if (check_unique(&m, &err) || zkconf_members_validate(&m, &err))
        return luabind_fail(L, &err);
    lua_pushboolean(L, 1);
    return 1;
}

static int l_check_hosts(lua_State *L)
{
    int anchors = new_anchors(L);
    zkconf_members a, b;
    check_members(L, 1, anchors, &a);
    check_members(L, 2, anchors, &b);
    dr_err err = {0};
    if (check_unique(&a, &err) || check_unique(&b, &err) ||
        zkconf_members_check_hosts(&a, &b, &err))
        return luabind_fail(L, &err);
    lua_pushboolean(L, 1);
    return 1;
}

typedef int (*members_op)(const zkconf_members *, const zkconf_members *, zkconf_members *,
                          dr_err *);

static int two_to_one(lua_State *L, members_op op)
{
    int anchors = new_anchors(L);
    zkconf_members a, b;
    check_members(L, 1, anchors, &a);
    check_members(L, 2, anchors, &b);
    dr_err err = {0};
    if (check_unique(&a, &err) || check_unique(&b, &err))
        return luabind_fail(L, &err);
    zkconf_members out = {0};
    if (op(&a, &b, &out, &err) != DR_OK) {
        zkconf_members_free(&out);
        return luabind_fail(L, &err);
    }
    push_members(L, &out);
    zkconf_members_free(&out);
    return 1;
}

static int l_after_failover(lua_State *L)
{
    return two_to_one(L, zkconf_after_failover);
}

static int l_after_recovery(lua_State *L)
{
    return two_to_one(L, zkconf_after_recovery);
}

static int l_after_failback(lua_State *L)
{
    return two_to_one(L, zkconf_after_failback);
}

static int change_role(lua_State *L, int (*op)(zkconf_members *, long, dr_err *))
{
    int anchors = new_anchors(L);
    zkconf_members m;
    check_members(L, 1, anchors, &m);
    lua_Integer id = luaL_checkinteger(L, 2);
    dr_err err = {0};
    if (check_unique(&m, &err))
        return luabind_fail(L, &err);
    zkconf_members copy = {0};
    zkconf_members_copy(&copy, &m);
    int rc = op(&copy, (long)id, &err);
    if (rc == DR_OK)
        push_members(L, &copy);
    zkconf_members_free(&copy);
    return rc ? luabind_fail(L, &err) : 1;
}

static int l_promote(lua_State *L)
{
    return change_role(L, zkconf_promote);
}

static int l_demote(lua_State *L)
{
    return change_role(L, zkconf_demote);
}

static int l_reconfig_args(lua_State *L)
{
    int anchors = new_anchors(L);
    zkconf_members from, to;
    check_members(L, 1, anchors, &from);
    check_members(L, 2, anchors, &to);
    dr_err err = {0};
    if (check_unique(&from, &err) || check_unique(&to, &err))
        return luabind_fail(L, &err);
    dr_buf joining = DR_BUF_INIT, leaving = DR_BUF_INIT;
    zkconf_reconfig_args(&from, &to, &joining, &leaving);
    lua_pushlstring(L, joining.data ? joining.data : "", joining.len);
    lua_pushlstring(L, leaving.data ? leaving.data : "", leaving.len);
    dr_buf_free(&joining);
    dr_buf_free(&leaving);
    return 2;
}

static int l_parse_server(lua_State *L)
{
    lua_Integer id = luaL_checkinteger(L, 1);
    luaL_argcheck(L, id >= 1 && id <= (1L << 30), 1, "server id (1..) expected");
    size_t len;
    const char *value = luaL_checklstring(L, 2, &len);
    luaL_argcheck(L, strlen(value) == len, 2, "string without NUL bytes expected");
    char name[32];
    snprintf(name, sizeof name, "server.%ld", (long)id);
    zkconf_server s;
    dr_err err = {0};
    if (zkconf_server_parse(name, 1, (int)strlen(name) + 2, (long)id, value, &s, &err) != DR_OK)
        return luabind_fail(L, &err);
    push_server(L, &s);
    zkconf_server_clear(&s);
    return 1;
}

static int l_server_line(lua_State *L)
{
    int anchors = new_anchors(L);
    zkconf_server s;
    lua_pushvalue(L, 1);
    to_server(L, 1, 0, anchors, &s);
    dr_buf b = DR_BUF_INIT;
    zkconf_server_format(&s, &b);
    lua_pushlstring(L, b.data ? b.data : "", b.len);
    dr_buf_free(&b);
    return 1;
}

static int l_versioned_name(lua_State *L)
{
    const char *path = luaL_checkstring(L, 1);
    uint64_t v;
    if (zkconf_versioned_name(path, &v) && v <= (uint64_t)INT64_MAX)
        lua_pushinteger(L, (lua_Integer)v);
    else
        lua_pushnil(L);
    return 1;
}

static int l_is_dynamic_key(lua_State *L)
{
    lua_pushboolean(L, zkconf_key_is_dynamic(luaL_checkstring(L, 1)));
    return 1;
}

static const luaL_Reg zkconf_functions[] = {
    {"parse", l_parse},
    {"validate", l_validate},
    {"check_hosts", l_check_hosts},
    {"after_failover", l_after_failover},
    {"after_recovery", l_after_recovery},
    {"after_failback", l_after_failback},
    {"promote", l_promote},
    {"demote", l_demote},
    {"reconfig_args", l_reconfig_args},
    {"parse_server", l_parse_server},
    {"server_line", l_server_line},
    {"versioned_name", l_versioned_name},
    {"is_dynamic_key", l_is_dynamic_key},
    {NULL, NULL},
};

static const luaL_Reg config_methods[] = {
    {"get", config_get},
    {"set", config_set},
    {"unset", config_unset},
    {"render", config_render},
    {"version", config_version},
    {"members", config_members},
    {"set_members", config_set_members},
    {"write_plan", config_write_plan},
    {"close", config_close},
    {NULL, NULL},
};

static const luaL_Reg config_metamethods[] = {
    {"__gc", config_close}, {"__close", config_close}, {"__tostring", config_tostring},
    {"__index", NULL}, /* set to the methods table below */
    {NULL, NULL},
};

int luaopen_dr_zkconf(lua_State *L)
{
    luabind_createmeta(L, CONFIG_MT, config_metamethods, config_methods);
    luaL_newlib(L, zkconf_functions);
    return 1;
}
