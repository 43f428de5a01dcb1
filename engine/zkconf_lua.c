/* zkconf_lua: Lua binding of zkconf ("dr.zkconf"): zoo.cfg and dynamic files
 * as "dr.zkconf.config" objects, memberships as arrays of server tables.  See
 * include/zkconf_lua.h for the functions.
 *
 * Memberships given from Lua are read by members_lua (shared with
 * keeperxml_lua) into Lua-owned scratch with borrowed strings, sorted by id:
 * zkconf's functions take them const, so a raised error leaks nothing.
 * members_lua also provides the pure membership functions (validate,
 * after_failover, promote, ...) over zkconf's operations. */
#include "zkconf_lua.h"

#include <lauxlib.h>
#include <lua.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "luabind.h"
#include "members_lua.h"
#include "zkconf.h"

#define CONFIG_MT "dr.zkconf.config"
#define DEFAULT_QUORUM_PORT 2888
#define DEFAULT_ELECTION_PORT 3888

static const char *const KIND_NAMES[] = {"static", "dynamic", "znode", NULL};
static const zkconf_kind KINDS[] = {ZKCONF_STATIC, ZKCONF_DYNAMIC, ZKCONF_ZNODE};
static const char *const ROLE_NAMES[] = {"participant", "observer", NULL};

/* ---- servers and memberships ------------------------------------------------ */

static void push_server(lua_State *L, const void *server)
{
    const zkconf_server *s = server;
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

static const char *const SERVER_FIELDS[] = {"id",   "host",        "quorum_port", "election_port",
                                            "role", "client_host", "client_port", NULL};

/* Reads the server table on top of the stack into a zkconf_server (strings
 * borrowed) and pops it. */
static void to_server(lua_State *L, int arg, lua_Integer i, int anchors, void *server)
{
    zkconf_server *s = server;
    members_lua_check_fields(L, arg, i, SERVER_FIELDS);
    memset(s, 0, sizeof *s);
    s->id = (long)members_lua_int_field(L, arg, i, "id", MEMBERS_LUA_REQUIRED, 1, 1L << 30);
    s->host = (char *)members_lua_str_field(L, arg, i, "host", 1, anchors);
    s->quorum_port =
        (int)members_lua_int_field(L, arg, i, "quorum_port", DEFAULT_QUORUM_PORT, 1, 65535);
    s->election_port =
        (int)members_lua_int_field(L, arg, i, "election_port", DEFAULT_ELECTION_PORT, 1, 65535);
    const char *role = members_lua_str_field(L, arg, i, "role", 0, anchors);
    s->role = ZKCONF_PARTICIPANT;
    if (role && !strcmp(role, "observer"))
        s->role = ZKCONF_OBSERVER;
    else if (role && strcmp(role, "participant"))
        members_lua_server_error(
            L, arg, i,
            lua_pushfstring(L, "role '%s': \"participant\" or \"observer\" expected", role));
    s->client_host = (char *)members_lua_str_field(L, arg, i, "client_host", 0, anchors);
    s->client_port = (int)members_lua_int_field(L, arg, i, "client_port", 0, 0, 65535);
    lua_pop(L, 1);
}

/* zkconf's membership operations, for members_lua. */

static zkconf_members typed(const members_lua_list *l)
{
    return (zkconf_members){l->v, l->n};
}

static members_lua_list untyped(const zkconf_members *m)
{
    return (members_lua_list){m->v, m->n};
}

static void op_free(members_lua_list *l)
{
    zkconf_members m = typed(l);
    zkconf_members_free(&m);
    *l = untyped(&m);
}

static void op_copy(members_lua_list *dst, const members_lua_list *src)
{
    zkconf_members d = typed(dst), s = typed(src);
    zkconf_members_copy(&d, &s);
    *dst = untyped(&d);
}

static int op_validate(const members_lua_list *l, dr_err *err)
{
    zkconf_members m = typed(l);
    return zkconf_members_validate(&m, err);
}

static int op_check_hosts(const members_lua_list *a, const members_lua_list *b, dr_err *err)
{
    zkconf_members x = typed(a), y = typed(b);
    return zkconf_members_check_hosts(&x, &y, err);
}

static int op_after(members_lua_after which, const members_lua_list *a, const members_lua_list *b,
                    members_lua_list *out, dr_err *err)
{
    static int (*const after[])(const zkconf_members *, const zkconf_members *, zkconf_members *,
                                dr_err *) = {
        [MEMBERS_LUA_AFTER_FAILOVER] = zkconf_after_failover,
        [MEMBERS_LUA_AFTER_RECOVERY] = zkconf_after_recovery,
        [MEMBERS_LUA_AFTER_FAILBACK] = zkconf_after_failback,
    };
    zkconf_members x = typed(a), y = typed(b), o = typed(out);
    int rc = after[which](&x, &y, &o, err);
    *out = untyped(&o);
    return rc;
}

static int op_set_role(int participant, members_lua_list *l, long id, dr_err *err)
{
    zkconf_members m = typed(l);
    return participant ? zkconf_promote(&m, id, err) : zkconf_demote(&m, id, err);
}

static const members_lua_kind MEMBERS = {
    .server_size = sizeof(zkconf_server),
    .twice_prefix = "membership: server.",
    .to_server = to_server,
    .push_server = push_server,
    .free = op_free,
    .copy = op_copy,
    .validate = op_validate,
    .check_hosts = op_check_hosts,
    .after = op_after,
    .set_role = op_set_role,
};
_Static_assert(offsetof(zkconf_server, id) == 0, "members_lua reads the id first");

/* The membership at arg (see members_lua_check); pass it const only. */
static void check_members(lua_State *L, int arg, int anchors, zkconf_members *m)
{
    members_lua_list l = members_lua_check(L, &MEMBERS, arg, arg, anchors);
    *m = typed(&l);
}

static int check_unique(const zkconf_members *m, dr_err *err)
{
    members_lua_list l = untyped(m);
    return members_lua_check_unique(&MEMBERS, &l, err);
}

static void push_members(lua_State *L, const zkconf_members *m)
{
    members_lua_list l = untyped(m);
    members_lua_push(L, &MEMBERS, &l);
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
    int anchors = members_lua_new_anchors(L);
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
    int anchors = members_lua_new_anchors(L);
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

static int l_reconfig_args(lua_State *L)
{
    int anchors = members_lua_new_anchors(L);
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
    int anchors = members_lua_new_anchors(L);
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
    members_lua_register(L, &MEMBERS);
    return 1;
}
