/* keeperxml_lua: Lua binding of keeperxml ("dr.keeperxml"): Keeper's XML as
 * "dr.keeperxml.doc" objects, Raft memberships as arrays of server tables.  See
 * include/keeperxml_lua.h for the functions.
 *
 * As in zkconf_lua, memberships from Lua are read by members_lua into
 * Lua-owned scratch memory with borrowed, anchored strings and sorted by id;
 * keeperxml takes them const, so misuse raises without any C memory held.
 * members_lua also provides the pure membership functions (validate,
 * after_failover, promote, ...) over keeperxml's operations. */
#include "keeperxml_lua.h"

#include <lauxlib.h>
#include <lua.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "keeperxml.h"
#include "luabind.h"
#include "members_lua.h"

#define DOC_MT "dr.keeperxml.doc"
#define DEFAULT_RAFT_PORT 9234

/* ---- servers and memberships ------------------------------------------------ */

static void push_server(lua_State *L, const void *server)
{
    const keeperxml_server *s = server;
    lua_createtable(L, 0, 6);
    luabind_set_int(L, "id", s->id);
    luabind_set_str(L, "hostname", s->hostname);
    luabind_set_int(L, "port", s->port);
    luabind_set_str(L, "role", s->role == KEEPERXML_LEARNER ? "learner" : "participant");
    if (s->priority >= 0)
        luabind_set_int(L, "priority", s->priority);
    if (s->start_as_follower >= 0)
        luabind_set_bool(L, "start_as_follower", s->start_as_follower);
}

static const char *const SERVER_FIELDS[] = {"id",       "hostname",          "port", "role",
                                            "priority", "start_as_follower", NULL};

/* Reads the server table on top of the stack into a keeperxml_server
 * (strings borrowed) and pops it. */
static void to_server(lua_State *L, int arg, lua_Integer i, int anchors, void *server)
{
    keeperxml_server *s = server;
    members_lua_check_fields(L, arg, i, SERVER_FIELDS);
    memset(s, 0, sizeof *s);
    s->id = (long)members_lua_int_field(L, arg, i, "id", MEMBERS_LUA_REQUIRED, 1, 1L << 30);
    s->hostname = (char *)members_lua_str_field(L, arg, i, "hostname", 1, anchors);
    s->port = (int)members_lua_int_field(L, arg, i, "port", DEFAULT_RAFT_PORT, 1, 65535);
    s->role = KEEPERXML_PARTICIPANT;
    int t = lua_getfield(L, -1, "role");
    if (t != LUA_TNIL) {
        const char *r = t == LUA_TSTRING ? lua_tostring(L, -1) : "";
        if (!strcmp(r, "learner") || !strcmp(r, "observer"))
            s->role = KEEPERXML_LEARNER;
        else if (strcmp(r, "participant"))
            members_lua_server_error(L, arg, i,
                                     "field 'role' must be \"participant\" or \"learner\"");
    }
    lua_pop(L, 1);
    s->priority = (int)members_lua_int_field(L, arg, i, "priority", -1, 0, 1000000);
    t = lua_getfield(L, -1, "start_as_follower");
    if (t == LUA_TBOOLEAN)
        s->start_as_follower = lua_toboolean(L, -1);
    else if (t == LUA_TNIL)
        s->start_as_follower = -1;
    else
        members_lua_server_error(L, arg, i, "field 'start_as_follower' must be a boolean");
    lua_pop(L, 2); /* the field and the server table */
}

/* keeperxml's membership operations, for members_lua. */

static keeperxml_members typed(const members_lua_list *l)
{
    return (keeperxml_members){l->v, l->n};
}

static members_lua_list untyped(const keeperxml_members *m)
{
    return (members_lua_list){m->v, m->n};
}

static void op_free(members_lua_list *l)
{
    keeperxml_members m = typed(l);
    keeperxml_members_free(&m);
    *l = untyped(&m);
}

static void op_copy(members_lua_list *dst, const members_lua_list *src)
{
    keeperxml_members d = typed(dst), s = typed(src);
    keeperxml_members_copy(&d, &s);
    *dst = untyped(&d);
}

static int op_validate(const members_lua_list *l, dr_err *err)
{
    keeperxml_members m = typed(l);
    return keeperxml_members_validate(&m, err);
}

static int op_check_hosts(const members_lua_list *a, const members_lua_list *b, dr_err *err)
{
    keeperxml_members x = typed(a), y = typed(b);
    return keeperxml_members_check_hosts(&x, &y, err);
}

static int op_after(members_lua_after which, const members_lua_list *a, const members_lua_list *b,
                    members_lua_list *out, dr_err *err)
{
    static int (*const after[])(const keeperxml_members *, const keeperxml_members *,
                                keeperxml_members *, dr_err *) = {
        [MEMBERS_LUA_AFTER_FAILOVER] = keeperxml_after_failover,
        [MEMBERS_LUA_AFTER_RECOVERY] = keeperxml_after_recovery,
        [MEMBERS_LUA_AFTER_FAILBACK] = keeperxml_after_failback,
    };
    keeperxml_members x = typed(a), y = typed(b), o = typed(out);
    int rc = after[which](&x, &y, &o, err);
    *out = untyped(&o);
    return rc;
}

static int op_set_role(int participant, members_lua_list *l, long id, dr_err *err)
{
    keeperxml_members m = typed(l);
    return participant ? keeperxml_promote(&m, id, err) : keeperxml_demote(&m, id, err);
}

static const members_lua_kind MEMBERS = {
    .server_size = sizeof(keeperxml_server),
    .twice_prefix = "raft membership: server ",
    .to_server = to_server,
    .push_server = push_server,
    .free = op_free,
    .copy = op_copy,
    .validate = op_validate,
    .check_hosts = op_check_hosts,
    .after = op_after,
    .set_role = op_set_role,
};
_Static_assert(offsetof(keeperxml_server, id) == 0, "members_lua reads the id first");

/* The membership at stack index idx (argument arg, for messages); see
 * members_lua_check.  Pass it const only. */
static void members_at(lua_State *L, int idx, int arg, int anchors, keeperxml_members *m)
{
    members_lua_list l = members_lua_check(L, &MEMBERS, idx, arg, anchors);
    *m = typed(&l);
}

static void check_members(lua_State *L, int arg, int anchors, keeperxml_members *m)
{
    members_at(L, arg, arg, anchors, m);
}

static int check_unique(const keeperxml_members *m, dr_err *err)
{
    members_lua_list l = untyped(m);
    return members_lua_check_unique(&MEMBERS, &l, err);
}

static void push_members(lua_State *L, const keeperxml_members *m)
{
    members_lua_list l = untyped(m);
    members_lua_push(L, &MEMBERS, &l);
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
    dr_err err = {0};
    if (keeperxml_set(d->k, key, value, &err) != DR_OK)
        return luabind_fail(L, &err);
    lua_pushboolean(L, 1);
    return 1;
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
    static const char *const options[] = {"has_state", NULL};
    const char *unknown = luabind_unknown_key(L, 3, options);
    if (unknown)
        luaL_argerror(L, 3, lua_pushfstring(L, "unknown option '%s'", unknown));
    int anchors = members_lua_new_anchors(L);
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

static const luaL_Reg keeperxml_functions[] = {
    {"parse", l_parse},
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
    members_lua_register(L, &MEMBERS);
    return 1;
}
