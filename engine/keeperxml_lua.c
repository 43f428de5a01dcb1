/* keeperxml_lua: Lua binding of keeperxml ("dr.keeperxml"): Keeper's XML as
 * "dr.keeperxml.doc" objects, Raft memberships as arrays of server tables,
 * the quorum-loss recovery as a list of step tables.  See
 * include/keeperxml_lua.h for the functions.
 *
 * As in zkconf_lua, memberships from Lua are read into Lua-owned scratch
 * memory with borrowed, anchored strings and sorted by id; keeperxml takes
 * them const, so misuse raises without any C memory held. */
#include "keeperxml_lua.h"

#include <lauxlib.h>
#include <lua.h>
#include <stdlib.h>
#include <string.h>

#include "luabind.h"
#include "keeperxml.h"

#define DOC_MT "dr.keeperxml.doc"
#define DEFAULT_RAFT_PORT 9234
#define MAX_SERVERS 255

/* ---- servers and memberships ------------------------------------------------ */

static void push_server(lua_State *L, const keeperxml_server *s)
{
    lua_createtable(L, 0, 6);
    luabind_set_int(L, "id", s->id);
    luabind_set_str(L, "hostname", s->hostname);
    luabind_set_int(L, "port", s->port);
    luabind_set_str(L, "role", s->role == KEEPERXML_LEARNER ? "learner" : "participant");
    if (s->priority >= 0)
        luabind_set_int(L, "priority", s->priority);
    if (s->start_as_follower >= 0) {
        lua_pushboolean(L, s->start_as_follower);
        lua_setfield(L, -2, "start_as_follower");
    }
}

static void push_members(lua_State *L, const keeperxml_members *m)
{
    lua_createtable(L, (int)m->n, 0);
    for (size_t i = 0; i < m->n; i++) {
        push_server(L, &m->v[i]);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
}

static int server_error(lua_State *L, int arg, lua_Integer i, const char *why)
{
    return luaL_argerror(L, arg, lua_pushfstring(L, "server #%d: %s", (int)i, why));
}

static lua_Integer int_field(lua_State *L, int arg, lua_Integer i, const char *k, lua_Integer def,
                             lua_Integer lo, lua_Integer hi)
{
    lua_Integer v = def;
    if (lua_getfield(L, -1, k) != LUA_TNIL) {
        if (!lua_isinteger(L, -1))
            server_error(L, arg, i, lua_pushfstring(L, "field '%s' must be an integer", k));
        v = lua_tointeger(L, -1);
        if (v < lo || v > hi)
            server_error(
                L, arg, i,
                lua_pushfstring(L, "field '%s' must be between %d and %d", k, (int)lo, (int)hi));
    } else if (def < lo && def != -1) {
        server_error(L, arg, i, lua_pushfstring(L, "field '%s' required", k));
    }
    lua_pop(L, 1);
    return v;
}

static const char *const SERVER_FIELDS[] = {"id",       "hostname",          "port", "role",
                                            "priority", "start_as_follower", NULL};

/* Reads the server table on top of the stack into s and pops it. */
static void to_server(lua_State *L, int arg, lua_Integer i, int anchors, keeperxml_server *s)
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
    if (lua_getfield(L, -1, "id") == LUA_TNIL)
        server_error(L, arg, i, "field 'id' required");
    lua_pop(L, 1);
    s->id = (long)int_field(L, arg, i, "id", 0, 1, 1L << 30);
    size_t len;
    const char *h =
        lua_getfield(L, -1, "hostname") == LUA_TSTRING ? lua_tolstring(L, -1, &len) : NULL;
    if (!h || len == 0 || strlen(h) != len)
        server_error(L, arg, i, "field 'hostname' must be a non-empty string");
    s->hostname = (char *)h;
    lua_rawseti(L, anchors, (lua_Integer)lua_rawlen(L, anchors) + 1);
    s->port = (int)int_field(L, arg, i, "port", DEFAULT_RAFT_PORT, 1, 65535);
    s->role = KEEPERXML_PARTICIPANT;
    int t = lua_getfield(L, -1, "role");
    if (t != LUA_TNIL) {
        const char *r = t == LUA_TSTRING ? lua_tostring(L, -1) : "";
        if (!strcmp(r, "learner") || !strcmp(r, "observer"))
            s->role = KEEPERXML_LEARNER;
        else if (strcmp(r, "participant"))
            server_error(L, arg, i, "field 'role' must be \"participant\" or \"learner\"");
    }
    lua_pop(L, 1);
    s->priority = (int)int_field(L, arg, i, "priority", -1, 0, 1000000);
    t = lua_getfield(L, -1, "start_as_follower");
    if (t == LUA_TBOOLEAN)
        s->start_as_follower = lua_toboolean(L, -1);
    else if (t == LUA_TNIL)
        s->start_as_follower = -1;
    else
        server_error(L, arg, i, "field 'start_as_follower' must be a boolean");
    lua_pop(L, 2); /* the field and the server table */
}

static int by_id(const void *a, const void *b)
{
    const keeperxml_server *x = a, *y = b;
    return (x->id > y->id) - (x->id < y->id);
}

/* The membership array at stack index idx (argument arg, for messages),
 * sorted, in scratch left on the stack; pass it const only (its strings are
 * Lua's). */
static void members_at(lua_State *L, int idx, int arg, int anchors, keeperxml_members *m)
{
    luaL_checktype(L, idx, LUA_TTABLE);
    lua_Integer n = luaL_len(L, idx);
    luaL_argcheck(L, n >= 0 && n <= MAX_SERVERS, arg, "array of at most 255 servers expected");
    m->n = (size_t)n;
    m->v = lua_newuserdatauv(L, (size_t)(n ? n : 1) * sizeof *m->v, 0);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_geti(L, idx, i);
        to_server(L, arg, i, anchors, &m->v[i - 1]);
    }
    qsort(m->v, m->n, sizeof *m->v, by_id);
}

static void check_members(lua_State *L, int arg, int anchors, keeperxml_members *m)
{
    members_at(L, arg, arg, anchors, m);
}

static int check_unique(const keeperxml_members *m, dr_err *err)
{
    for (size_t i = 1; i < m->n; i++)
        if (m->v[i].id == m->v[i - 1].id)
            return dr_err_set(err, DR_EINVAL, "raft membership: server %ld given twice",
                              m->v[i].id);
    return DR_OK;
}

static int new_anchors(lua_State *L)
{
    lua_newtable(L);
    return lua_gettop(L);
}

/* ---- the document object ------------------------------------------------------ */

typedef struct ldoc {
    keeperxml *k; /* NULL when closed */
} ldoc;

static ldoc *check_doc(lua_State *L, int idx)
{
    ldoc *d = luaL_checkudata(L, idx, DOC_MT);
    if (!d->k)
        luaL_error(L, "attempt to use a closed keeperxml doc");
    return d;
}

static int doc_close(lua_State *L)
{
    ldoc *d = luaL_checkudata(L, 1, DOC_MT);
    keeperxml_free(d->k);
    d->k = NULL;
    return 0;
}

static int doc_tostring(lua_State *L)
{
    ldoc *d = luaL_checkudata(L, 1, DOC_MT);
    lua_pushfstring(L, "dr.keeperxml.doc (%s)", d->k ? "open" : "closed");
    return 1;
}

static int l_parse(lua_State *L)
{
    size_t len, nlen;
    const char *text = luaL_checklstring(L, 1, &len);
    const char *name = luaL_checklstring(L, 2, &nlen);
    luaL_argcheck(L, strlen(name) == nlen, 2, "name without NUL bytes expected");
    ldoc *d = lua_newuserdatauv(L, sizeof *d, 0);
    d->k = NULL; /* closed until parsed */
    luaL_setmetatable(L, DOC_MT);
    dr_err err = {0};
    if (keeperxml_parse(name, text, len, &d->k, &err) != DR_OK)
        return luabind_fail(L, &err);
    return 1;
}

static int doc_render(lua_State *L)
{
    ldoc *d = check_doc(L, 1);
    dr_buf b = DR_BUF_INIT;
    keeperxml_render(d->k, &b);
    lua_pushlstring(L, b.data ? b.data : "", b.len);
    dr_buf_free(&b);
    return 1;
}

static int doc_info(lua_State *L)
{
    ldoc *d = check_doc(L, 1);
    keeperxml_info info;
    keeperxml_info_get(d->k, &info);
    lua_createtable(L, 0, 4);
    if (info.server_id >= 0)
        luabind_set_int(L, "server_id", info.server_id);
    if (info.tcp_port >= 0)
        luabind_set_int(L, "tcp_port", info.tcp_port);
    luabind_set_str(L, "log_storage_path", info.log_storage_path);
    luabind_set_str(L, "snapshot_storage_path", info.snapshot_storage_path);
    keeperxml_info_clear(&info);
    return 1;
}

static int doc_set(lua_State *L)
{
    ldoc *d = check_doc(L, 1);
    size_t kl, vl;
    const char *key = luaL_checklstring(L, 2, &kl);
    int ok = kl > 0 && !(key[0] >= '0' && key[0] <= '9') && key[0] != '-' && key[0] != '.';
    for (size_t i = 0; i < kl && ok; i++) {
        unsigned char c = (unsigned char)key[i];
        ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
             c == '_' || c == '-' || c == '.';
    }
    luaL_argcheck(L, ok, 2, "element name expected (letters, digits, '_', '-', '.')");
    const char *value = luaL_checklstring(L, 3, &vl);
    for (size_t i = 0; i < vl; i++) {
        unsigned char c = (unsigned char)value[i];
        if (c < 0x20 || c == 0x7f)
            luaL_argerror(L, 3, "value without control characters expected");
    }
    keeperxml_set(d->k, key, value);
    return 0;
}

static int doc_members(lua_State *L)
{
    ldoc *d = check_doc(L, 1);
    keeperxml_members m = {0};
    keeperxml_members_get(d->k, &m);
    push_members(L, &m);
    keeperxml_members_free(&m);
    return 1;
}

static int doc_set_members(lua_State *L)
{
    ldoc *d = check_doc(L, 1);
    luaL_checktype(L, 3, LUA_TTABLE);
    if (lua_getfield(L, 3, "has_state") != LUA_TBOOLEAN)
        luaL_argerror(L, 3,
                      "field 'has_state' (boolean) required: does this node have Keeper data?");
    int has_state = lua_toboolean(L, -1);
    lua_pop(L, 1);
    lua_pushnil(L);
    while (lua_next(L, 3)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) != LUA_TSTRING || strcmp(lua_tostring(L, -1), "has_state"))
            luaL_argerror(L, 3,
                          lua_pushfstring(L, "unknown option '%s'", luaL_tolstring(L, -1, NULL)));
    }
    int anchors = new_anchors(L);
    keeperxml_members m;
    check_members(L, 2, anchors, &m);
    dr_err err = {0};
    if (check_unique(&m, &err))
        return luabind_fail(L, &err);
    dr_buf advice = DR_BUF_INIT;
    int rc = keeperxml_members_put(d->k, &m, has_state, &advice, &err);
    if (rc != DR_OK) {
        luabind_fail(L, &err);
        lua_pushlstring(L, advice.data ? advice.data : "", advice.len);
        dr_buf_free(&advice);
        return 4;
    }
    dr_buf_free(&advice);
    lua_pushboolean(L, 1);
    return 1;
}

/* ---- membership functions -------------------------------------------------------- */

static int l_validate(lua_State *L)
{
    int anchors = new_anchors(L);
    keeperxml_members m;
    check_members(L, 1, anchors, &m);
    dr_err err = {0};
    if (check_unique(&m, &err) || keeperxml_members_validate(&m, &err))
        return luabind_fail(L, &err);
    lua_pushboolean(L, 1);
    return 1;
}

static int l_check_hosts(lua_State *L)
{
    int anchors = new_anchors(L);
    keeperxml_members a, b;
    check_members(L, 1, anchors, &a);
    check_members(L, 2, anchors, &b);
    dr_err err = {0};
    if (check_unique(&a, &err) || check_unique(&b, &err) ||
        keeperxml_members_check_hosts(&a, &b, &err))
        return luabind_fail(L, &err);
    lua_pushboolean(L, 1);
    return 1;
}

typedef int (*members_op)(const keeperxml_members *, const keeperxml_members *, keeperxml_members *,
                          dr_err *);

static int two_to_one(lua_State *L, members_op op)
{
    int anchors = new_anchors(L);
    keeperxml_members a, b;
    check_members(L, 1, anchors, &a);
    check_members(L, 2, anchors, &b);
    dr_err err = {0};
    if (check_unique(&a, &err) || check_unique(&b, &err))
        return luabind_fail(L, &err);
    keeperxml_members out = {0};
    int rc = op(&a, &b, &out, &err);
    if (rc == DR_OK)
        push_members(L, &out);
    keeperxml_members_free(&out);
    return rc ? luabind_fail(L, &err) : 1;
}

static int l_after_failover(lua_State *L)
{
    return two_to_one(L, keeperxml_after_failover);
}

static int l_after_recovery(lua_State *L)
{
    return two_to_one(L, keeperxml_after_recovery);
}

static int l_after_failback(lua_State *L)
{
    return two_to_one(L, keeperxml_after_failback);
}

static int change_role(lua_State *L, int (*op)(keeperxml_members *, long, dr_err *))
{
    int anchors = new_anchors(L);
    keeperxml_members m;
    check_members(L, 1, anchors, &m);
    lua_Integer id = luaL_checkinteger(L, 2);
    dr_err err = {0};
    if (check_unique(&m, &err))
        return luabind_fail(L, &err);
    keeperxml_members copy = {0};
    keeperxml_members_copy(&copy, &m);
    int rc = op(&copy, (long)id, &err);
    if (rc == DR_OK)
        push_members(L, &copy);
    keeperxml_members_free(&copy);
    return rc ? luabind_fail(L, &err) : 1;
}

static int l_promote(lua_State *L)
{
    return change_role(L, keeperxml_promote);
}

static int l_demote(lua_State *L)
{
    return change_role(L, keeperxml_demote);
}

/* A string field of the plan table, required. */
static const char *plan_path(lua_State *L, const char *k, int anchors)
{
    size_t len;
    const char *s = lua_getfield(L, 1, k) == LUA_TSTRING ? lua_tolstring(L, -1, &len) : NULL;
    if (!s || len == 0 || strlen(s) != len)
        luaL_argerror(L, 1, lua_pushfstring(L, "field '%s' (a path) required", k));
    lua_rawseti(L, anchors, (lua_Integer)lua_rawlen(L, anchors) + 1);
    return s;
}

static int l_recovery_steps(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    static const char *const fields[] = {"old", "new", "chosen", "log_path", "snapshot_path", NULL};
    lua_pushnil(L);
    while (lua_next(L, 1)) {
        lua_pop(L, 1);
        int known = 0;
        if (lua_type(L, -1) == LUA_TSTRING)
            for (int k = 0; fields[k]; k++)
                known |= !strcmp(lua_tostring(L, -1), fields[k]);
        if (!known)
            luaL_argerror(L, 1,
                          lua_pushfstring(L, "unknown field '%s'", luaL_tolstring(L, -1, NULL)));
    }
    int anchors = new_anchors(L);
    keeperxml_members old, next;
    lua_getfield(L, 1, "old");
    int old_idx = lua_gettop(L);
    lua_getfield(L, 1, "new");
    int new_idx = lua_gettop(L);
    if (!lua_istable(L, old_idx) || !lua_istable(L, new_idx))
        luaL_argerror(L, 1, "fields 'old' and 'new' (memberships) required");
    members_at(L, old_idx, 1, anchors, &old);
    members_at(L, new_idx, 1, anchors, &next);
    if (lua_getfield(L, 1, "chosen") != LUA_TNUMBER || !lua_isinteger(L, -1))
        luaL_argerror(L, 1, "field 'chosen' (the id of the most up-to-date server) required");
    long chosen = (long)lua_tointeger(L, -1);
    lua_pop(L, 1);
    const char *log_path = plan_path(L, "log_path", anchors);
    const char *snap_path = plan_path(L, "snapshot_path", anchors);
    dr_err err = {0};
    if (check_unique(&old, &err) || check_unique(&next, &err))
        return luabind_fail(L, &err);
    keeperxml_steps st = {0};
    if (keeperxml_recovery_steps(&old, &next, chosen, log_path, snap_path, &st, &err) != DR_OK) {
        keeperxml_steps_free(&st);
        return luabind_fail(L, &err);
    }
    lua_createtable(L, (int)st.n, 0);
    for (size_t i = 0; i < st.n; i++) {
        lua_createtable(L, 0, 5);
        luabind_set_str(L, "step", keeperxml_step_name(st.v[i].kind));
        luabind_set_int(L, "server_id", st.v[i].server_id);
        luabind_set_str(L, "hostname", st.v[i].hostname);
        luabind_set_str(L, "expect", st.v[i].expect);
        luabind_set_str(L, "text", st.v[i].text);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    keeperxml_steps_free(&st);
    return 1;
}

static const luaL_Reg keeperxml_functions[] = {
    {"parse", l_parse},
    {"validate", l_validate},
    {"check_hosts", l_check_hosts},
    {"after_failover", l_after_failover},
    {"after_recovery", l_after_recovery},
    {"after_failback", l_after_failback},
    {"promote", l_promote},
    {"demote", l_demote},
    {"recovery_steps", l_recovery_steps},
    {NULL, NULL},
};

static const luaL_Reg doc_methods[] = {
    {"render", doc_render},
    {"info", doc_info},
    {"set", doc_set},
    {"members", doc_members},
    {"set_members", doc_set_members},
    {"close", doc_close},
    {NULL, NULL},
};

static const luaL_Reg doc_metamethods[] = {
    {"__gc", doc_close}, {"__close", doc_close}, {"__tostring", doc_tostring},
    {"__index", NULL}, /* the methods table, set below */
    {NULL, NULL},
};

int luaopen_dr_keeperxml(lua_State *L)
{
    luabind_createmeta(L, DOC_MT, doc_metamethods, doc_methods);
    luaL_newlib(L, keeperxml_functions);
    return 1;
}
