/* chconf_lua: Lua binding of chconf (see include/chconf_lua.h).
 *
 *   local chconf = require "dr.chconf"
 *   local zk = assert(chconf.zk_read(text, {file = "zookeeper.xml"}))
 *   local r = assert(chconf.zk_set_nodes(text, {{host = "zk4", port = 2181}},
 *                                        {file = "zookeeper.xml"}))
 *   if r.changed then ... write r.text ... end
 *
 * Every function takes the config text first and an options table last:
 * file (name for errors), section (element under the root), and the flags
 * inline, force, drop_empty_shards, replace (booleans).  Patches return
 * {text =, changed =, notes =}; readers return tables; an expected failure
 * returns nil, "file:line: what", code name ("refused", "parse error", ...).
 *
 * C results live in a "dr.chconf.box" userdata whose __gc frees them, and
 * input arrays in userdata scratch memory, so an error raised while building
 * or pushing never leaks. */
#include "chconf_lua.h"

#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>

#include "chconf.h"

#define BOX_MT "dr.chconf.box"

typedef enum box_kind {
    BOX_CLOSED = 0,
    BOX_OUT,
    BOX_ZK,
    BOX_REMOTE,
    BOX_MACROS,
    BOX_INCLUDES,
    BOX_BUF,
    BOX_STR,
} box_kind;

typedef struct box {
    box_kind kind;
    union {
        chconf_out out;
        chconf_zk zk;
        chconf_remote remote;
        chconf_macros macros;
        chconf_includes inc;
        dr_buf buf;
        char *str;
    } u;
} box;

/* ---- the box ------------------------------------------------------------------ */

static box *check_box(lua_State *L, int idx)
{
    return luaL_checkudata(L, idx, BOX_MT);
}

/* One close for close/__gc/__close: frees what the box holds, twice is fine. */
static int box_close(lua_State *L)
{
    box *b = check_box(L, 1);
    switch (b->kind) {
    case BOX_OUT:
        chconf_out_free(&b->u.out);
        break;
    case BOX_ZK:
        chconf_zk_free(&b->u.zk);
        break;
    case BOX_REMOTE:
        chconf_remote_free(&b->u.remote);
        break;
    case BOX_MACROS:
        chconf_macros_free(&b->u.macros);
        break;
    case BOX_INCLUDES:
        chconf_includes_free(&b->u.inc);
        break;
    case BOX_BUF:
        dr_buf_free(&b->u.buf);
        break;
    case BOX_STR:
        free(b->u.str);
        break;
    case BOX_CLOSED:
        break;
    }
    b->kind = BOX_CLOSED;
    return 0;
}

/* A closed box on the stack, opened as `kind` (its content zeroed, so that
 * closing it before the C call filled it is harmless). */
static box *new_box(lua_State *L, box_kind kind)
{
    box *b = lua_newuserdatauv(L, sizeof *b, 0);
    b->kind = BOX_CLOSED;
    luaL_setmetatable(L, BOX_MT);
    memset(&b->u, 0, sizeof b->u);
    b->kind = kind;
    return b;
}

/* GC-managed scratch memory for input arrays (left on the stack). */
static void *scratch(lua_State *L, size_t n, size_t size)
{
    if (n == 0)
        n = 1;
    if (n > (size_t)-1 / size)
        luaL_error(L, "too many elements");
    return lua_newuserdatauv(L, n * size, 0);
}

/* ---- reading arguments ------------------------------------------------------- */

typedef struct opts {
    const char *file;
    const char *section;
    unsigned flags;
} opts;

static int opt_bool(lua_State *L, int t, const char *k)
{
    lua_getfield(L, t, k);
    int v = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return v;
}

/* A string field of table t (NULL when nil): the string stays alive through
 * the table, which is an argument on the stack. */
static const char *opt_str(lua_State *L, int arg, int t, const char *k)
{
    lua_getfield(L, t, k);
    const char *s = NULL;
    if (lua_type(L, -1) == LUA_TSTRING)
        s = lua_tostring(L, -1);
    else if (!lua_isnil(L, -1))
        luaL_argerror(L, arg, lua_pushfstring(L, "field '%s': string expected", k));
    lua_pop(L, 1);
    return s;
}

static opts check_opts(lua_State *L, int arg, const char *default_file)
{
    opts o = {default_file, NULL, 0};
    if (lua_isnoneornil(L, arg))
        return o;
    luaL_checktype(L, arg, LUA_TTABLE);
    const char *f = opt_str(L, arg, arg, "file");
    if (f)
        o.file = f;
    o.section = opt_str(L, arg, arg, "section");
    if (opt_bool(L, arg, "inline"))
        o.flags |= CHCONF_INLINE;
    if (opt_bool(L, arg, "force"))
        o.flags |= CHCONF_FORCE;
    if (opt_bool(L, arg, "drop_empty_shards"))
        o.flags |= CHCONF_DROP_EMPTY_SHARDS;
    if (opt_bool(L, arg, "replace"))
        o.flags |= CHCONF_REPLACE;
    return o;
}

static chconf_in check_in(lua_State *L, int arg, const opts *o)
{
    chconf_in in;
    in.text = luaL_checklstring(L, arg, &in.len);
    in.file = o->file;
    in.section = o->section;
    return in;
}

/* The value at the top of the stack as a string kept alive in the anchor
 * table at index `anchor` (numbers are converted: macro shard = 0). */
static const char *anchored(lua_State *L, int anchor, int arg, const char *what)
{
    int t = lua_type(L, -1);
    if (t != LUA_TSTRING && t != LUA_TNUMBER)
        luaL_argerror(
            L, arg, lua_pushfstring(L, "%s: string expected, got %s", what, luaL_typename(L, -1)));
    const char *s = luaL_tolstring(L, -1, NULL);
    lua_rawseti(L, anchor, (lua_Integer)lua_rawlen(L, anchor) + 1);
    return s;
}

static int port_of(lua_State *L, int arg, int t, int dflt, const char *what)
{
    lua_getfield(L, t, "port");
    int isnum;
    lua_Integer p = lua_tointegerx(L, -1, &isnum);
    if (lua_isnil(L, -1))
        p = dflt;
    else if (!isnum)
        luaL_argerror(L, arg, lua_pushfstring(L, "%s.port: integer expected", what));
    lua_pop(L, 1);
    if (p < 0 || p > 65535)
        luaL_argerror(L, arg, lua_pushfstring(L, "%s.port: %d out of range", what, (int)p));
    return (int)p;
}

/* An array of endpoints: {host = "h", port = 2181} or "h" (port dflt). */
static chconf_endpoint *check_endpoints(lua_State *L, int arg, int anchor, int dflt, size_t *n)
{
    luaL_checktype(L, arg, LUA_TTABLE);
    *n = lua_rawlen(L, arg);
    chconf_endpoint *v = scratch(L, *n, sizeof *v);
    lua_replace(L, anchor + 1); /* keep the scratch alive in its slot */
    for (size_t i = 0; i < *n; i++) {
        lua_rawgeti(L, arg, (lua_Integer)i + 1);
        if (lua_type(L, -1) == LUA_TSTRING) {
            v[i].host = anchored(L, anchor, arg, "host");
            v[i].port = dflt;
        } else if (lua_istable(L, -1)) {
            int t = lua_gettop(L);
            lua_getfield(L, t, "host");
            v[i].host = anchored(L, anchor, arg, "host");
            lua_pop(L, 1);
            v[i].port = port_of(L, arg, t, dflt, "endpoint");
        } else {
            luaL_argerror(L, arg, "endpoints: {host=, port=} tables or host strings expected");
        }
        lua_pop(L, 1);
    }
    return v;
}

/* Name/value pairs: an array of {name, value} / {name=, value=}, or a map
 * (written in sorted name order, so the output does not depend on hashing). */
static chconf_pair *check_pairs(lua_State *L, int arg, int anchor, int slot, size_t *n)
{
    luaL_checktype(L, arg, LUA_TTABLE);
    size_t len = lua_rawlen(L, arg);
    if (len > 0) {
        chconf_pair *v = scratch(L, len, sizeof *v);
        lua_replace(L, slot);
        for (size_t i = 0; i < len; i++) {
            lua_rawgeti(L, arg, (lua_Integer)i + 1);
            luaL_argcheck(L, lua_istable(L, -1), arg, "pairs: {name, value} tables expected");
            int t = lua_gettop(L);
            if (lua_rawgeti(L, t, 1) == LUA_TNIL) {
                lua_pop(L, 1);
                lua_getfield(L, t, "name");
            }
            v[i].name = anchored(L, anchor, arg, "name");
            lua_pop(L, 1);
            if (lua_rawgeti(L, t, 2) == LUA_TNIL) {
                lua_pop(L, 1);
                lua_getfield(L, t, "value");
            }
            v[i].value = anchored(L, anchor, arg, "value");
            lua_pop(L, 2);
        }
        *n = len;
        return v;
    }
    size_t count = 0;
    lua_pushnil(L);
    while (lua_next(L, arg)) {
        luaL_argcheck(L, lua_type(L, -2) == LUA_TSTRING, arg, "pairs: string keys expected");
        count++;
        lua_pop(L, 1);
    }
    chconf_pair *v = scratch(L, count, sizeof *v);
    lua_replace(L, slot);
    size_t i = 0;
    lua_pushnil(L);
    while (lua_next(L, arg)) {
        v[i].value = anchored(L, anchor, arg, "value");
        lua_pop(L, 1);
        v[i].name = lua_tostring(L, -1);
        i++;
    }
    for (size_t a = 1; a < count; a++) /* insertion sort by name */
        for (size_t b = a; b > 0 && strcmp(v[b - 1].name, v[b].name) > 0; b--) {
            chconf_pair tmp = v[b];
            v[b] = v[b - 1];
            v[b - 1] = tmp;
        }
    *n = count;
    return v;
}

/* A replica spec from {host =, port =, extra = pairs}; extra's scratch goes in
 * the anchor table. */
static void check_replica(lua_State *L, int arg, int anchor, int t, chconf_replica_spec *r)
{
    lua_getfield(L, t, "host");
    r->host = anchored(L, anchor, arg, "replica.host");
    lua_pop(L, 1);
    r->port = port_of(L, arg, t, 9000, "replica");
    r->extra = NULL;
    r->n_extra = 0;
    if (lua_getfield(L, t, "extra") != LUA_TNIL) {
        int e = lua_gettop(L);
        lua_pushnil(L); /* slot for the scratch array */
        int slot = lua_gettop(L);
        size_t n;
        chconf_pair *p = check_pairs(L, e, anchor, slot, &n);
        r->extra = p;
        r->n_extra = n;
        lua_pushvalue(L, slot);
        lua_rawseti(L, anchor, (lua_Integer)lua_rawlen(L, anchor) + 1);
        lua_pop(L, 1); /* slot */
    }
    lua_pop(L, 1); /* extra */
}

/* A cluster spec: {name =, internal_replication =, shards = {{replica, ...}, ...}}. */
static void check_cluster(lua_State *L, int arg, int anchor, int t, chconf_cluster_spec *c)
{
    luaL_argcheck(L, lua_istable(L, t), arg, "cluster: table expected");
    lua_getfield(L, t, "name");
    c->name = anchored(L, anchor, arg, "cluster.name");
    lua_pop(L, 1);
    c->internal_replication = opt_str(L, arg, t, "internal_replication");
    luaL_argcheck(L, lua_getfield(L, t, "shards") == LUA_TTABLE, arg,
                  "cluster.shards: table expected");
    int st = lua_gettop(L);
    size_t ns = lua_rawlen(L, st);
    chconf_shard_spec *shards = scratch(L, ns, sizeof *shards);
    lua_rawseti(L, anchor, (lua_Integer)lua_rawlen(L, anchor) + 1);
    for (size_t s = 0; s < ns; s++) {
        luaL_argcheck(L, lua_rawgeti(L, st, (lua_Integer)s + 1) == LUA_TTABLE, arg,
                      "cluster.shards[i]: array of replicas expected");
        int sh = lua_gettop(L);
        size_t nr = lua_rawlen(L, sh);
        chconf_replica_spec *reps = scratch(L, nr, sizeof *reps);
        lua_rawseti(L, anchor, (lua_Integer)lua_rawlen(L, anchor) + 1);
        for (size_t r = 0; r < nr; r++) {
            luaL_argcheck(L, lua_rawgeti(L, sh, (lua_Integer)r + 1) == LUA_TTABLE, arg,
                          "replica: table expected");
            check_replica(L, arg, anchor, lua_gettop(L), &reps[r]);
            lua_pop(L, 1);
        }
        shards[s].replicas = reps;
        shards[s].n_replicas = nr;
        lua_pop(L, 1);
    }
    c->shards = shards;
    c->n_shards = ns;
    lua_pop(L, 1); /* shards */
}

/* ---- pushing results ------------------------------------------------------------ */

static int push_fail(lua_State *L, const dr_err *err, int rc)
{
    lua_pushnil(L);
    lua_pushstring(L, err->msg);
    lua_pushstring(L, dr_strerror(rc));
    return 3;
}

static void set_str(lua_State *L, const char *k, const char *v)
{
    if (v) {
        lua_pushstring(L, v);
        lua_setfield(L, -2, k);
    }
}

static void set_int(lua_State *L, const char *k, lua_Integer v)
{
    lua_pushinteger(L, v);
    lua_setfield(L, -2, k);
}

static void set_bool(lua_State *L, const char *k, int v)
{
    lua_pushboolean(L, v);
    lua_setfield(L, -2, k);
}

static int push_out(lua_State *L, const chconf_out *out)
{
    lua_createtable(L, 0, 3);
    lua_pushlstring(L, out->text, out->len);
    lua_setfield(L, -2, "text");
    set_bool(L, "changed", out->changed);
    set_str(L, "notes", out->notes);
    return 1;
}

static void push_kv_map(lua_State *L, const chconf_kv *kv, size_t n)
{
    lua_createtable(L, 0, (int)n);
    for (size_t i = 0; i < n; i++)
        set_str(L, kv[i].name, kv[i].value);
}

/* ---- functions ------------------------------------------------------------------ */

static int l_root(lua_State *L)
{
    opts o = check_opts(L, 2, "config");
    chconf_in in = check_in(L, 1, &o);
    box *b = new_box(L, BOX_STR);
    dr_err err = {0};
    int rc = chconf_root(&in, &b->u.str, &err);
    if (rc)
        return push_fail(L, &err, rc);
    lua_pushstring(L, b->u.str);
    return 1;
}

static int l_includes(lua_State *L)
{
    opts o = check_opts(L, 2, "config");
    chconf_in in = check_in(L, 1, &o);
    box *b = new_box(L, BOX_INCLUDES);
    dr_err err = {0};
    int rc = chconf_includes_read(&in, &b->u.inc, &err);
    if (rc)
        return push_fail(L, &err, rc);
    lua_createtable(L, 0, 2);
    set_str(L, "include_from", b->u.inc.include_from);
    lua_createtable(L, 0, (int)b->u.inc.n);
    for (size_t i = 0; i < b->u.inc.n; i++) {
        lua_createtable(L, 0, 3);
        set_str(L, "name", b->u.inc.v[i].name);
        set_bool(L, "optional", b->u.inc.v[i].optional);
        set_int(L, "line", b->u.inc.v[i].line);
        lua_setfield(L, -2, b->u.inc.v[i].element);
    }
    lua_setfield(L, -2, "elements");
    return 1;
}

static int l_zk_read(lua_State *L)
{
    opts o = check_opts(L, 2, "zookeeper.xml");
    chconf_in in = check_in(L, 1, &o);
    box *b = new_box(L, BOX_ZK);
    dr_err err = {0};
    int rc = chconf_zk_read(&in, &b->u.zk, &err);
    if (rc)
        return push_fail(L, &err, rc);
    const chconf_zk *zk = &b->u.zk;
    lua_createtable(L, 0, 5);
    set_bool(L, "found", zk->found);
    set_str(L, "incl", zk->incl);
    set_int(L, "line", zk->line);
    lua_createtable(L, (int)zk->n_nodes, 0);
    for (size_t i = 0; i < zk->n_nodes; i++) {
        lua_createtable(L, 0, 4);
        set_str(L, "host", zk->nodes[i].host);
        set_int(L, "port", zk->nodes[i].port);
        set_str(L, "index", zk->nodes[i].index);
        set_int(L, "line", zk->nodes[i].line);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -2, "nodes");
    push_kv_map(L, zk->settings, zk->n_settings);
    lua_setfield(L, -2, "settings");
    return 1;
}

static int l_zk_set_nodes(lua_State *L)
{
    opts o = check_opts(L, 3, "zookeeper.xml");
    chconf_in in = check_in(L, 1, &o);
    lua_settop(L, 3);
    lua_newtable(L); /* 4: anchor */
    lua_pushnil(L);  /* 5: scratch */
    size_t n;
    chconf_endpoint *nodes = check_endpoints(L, 2, 4, 2181, &n);
    box *b = new_box(L, BOX_OUT);
    dr_err err = {0};
    int rc = chconf_zk_set_nodes(&in, nodes, n, o.flags, &b->u.out, &err);
    if (rc)
        return push_fail(L, &err, rc);
    return push_out(L, &b->u.out);
}

static void push_replica(lua_State *L, const chconf_replica *r)
{
    lua_createtable(L, 0, 4);
    set_str(L, "host", r->host);
    set_int(L, "port", r->port);
    set_int(L, "line", r->line);
    push_kv_map(L, r->extra, r->n_extra);
    lua_setfield(L, -2, "extra");
}

static int l_remote_read(lua_State *L)
{
    opts o = check_opts(L, 2, "remote_servers.xml");
    chconf_in in = check_in(L, 1, &o);
    box *b = new_box(L, BOX_REMOTE);
    dr_err err = {0};
    int rc = chconf_remote_read(&in, &b->u.remote, &err);
    if (rc)
        return push_fail(L, &err, rc);
    const chconf_remote *r = &b->u.remote;
    lua_createtable(L, 0, 5);
    set_bool(L, "found", r->found);
    set_str(L, "incl", r->incl);
    set_int(L, "line", r->line);
    lua_createtable(L, 0, (int)r->n_clusters); /* clusters by name */
    lua_createtable(L, (int)r->n_clusters, 0); /* names in file order */
    for (size_t c = 0; c < r->n_clusters; c++) {
        const chconf_cluster *cl = &r->clusters[c];
        lua_pushstring(L, cl->name);
        lua_rawseti(L, -2, (lua_Integer)c + 1);
        lua_createtable(L, 0, 3);
        set_str(L, "name", cl->name);
        set_int(L, "line", cl->line);
        lua_createtable(L, (int)cl->n_shards, 0);
        for (size_t s = 0; s < cl->n_shards; s++) {
            const chconf_shard *sh = &cl->shards[s];
            lua_createtable(L, 0, 5);
            set_str(L, "internal_replication", sh->internal_replication);
            set_str(L, "weight", sh->weight);
            set_bool(L, "shorthand", sh->shorthand);
            set_int(L, "line", sh->line);
            lua_createtable(L, (int)sh->n_replicas, 0);
            for (size_t i = 0; i < sh->n_replicas; i++) {
                push_replica(L, &sh->replicas[i]);
                lua_rawseti(L, -2, (lua_Integer)i + 1);
            }
            lua_setfield(L, -2, "replicas");
            lua_rawseti(L, -2, (lua_Integer)s + 1);
        }
        lua_setfield(L, -2, "shards");
        lua_setfield(L, -3, cl->name);
    }
    lua_setfield(L, -3, "order");
    lua_setfield(L, -2, "clusters");
    return 1;
}

static int l_remote_add_replica(lua_State *L)
{
    opts o = check_opts(L, 5, "remote_servers.xml");
    chconf_in in = check_in(L, 1, &o);
    const char *cluster = luaL_checkstring(L, 2);
    lua_Integer shard = luaL_checkinteger(L, 3);
    luaL_argcheck(L, shard >= 0 && shard <= 1000000, 3, "shard number out of range");
    luaL_checktype(L, 4, LUA_TTABLE);
    lua_settop(L, 5);
    lua_newtable(L); /* 6: anchor */
    chconf_replica_spec r;
    check_replica(L, 4, 6, 4, &r);
    box *b = new_box(L, BOX_OUT);
    dr_err err = {0};
    int rc = chconf_remote_add_replica(&in, cluster, (int)shard, &r, o.flags, &b->u.out, &err);
    if (rc)
        return push_fail(L, &err, rc);
    return push_out(L, &b->u.out);
}

static int l_remote_remove_hosts(lua_State *L)
{
    opts o = check_opts(L, 4, "remote_servers.xml");
    chconf_in in = check_in(L, 1, &o);
    const char *cluster = luaL_checkstring(L, 2);
    lua_settop(L, 4);
    lua_newtable(L); /* 5: anchor */
    lua_pushnil(L);  /* 6: scratch */
    size_t n;
    chconf_endpoint *hosts = check_endpoints(L, 3, 5, 0, &n);
    box *b = new_box(L, BOX_OUT);
    dr_err err = {0};
    int rc = chconf_remote_remove_hosts(&in, cluster, hosts, n, o.flags, &b->u.out, &err);
    if (rc)
        return push_fail(L, &err, rc);
    return push_out(L, &b->u.out);
}

static int l_remote_create_cluster(lua_State *L)
{
    opts o = check_opts(L, 3, "remote_servers.xml");
    chconf_in in = check_in(L, 1, &o);
    lua_settop(L, 3);
    lua_newtable(L); /* 4: anchor */
    chconf_cluster_spec c;
    check_cluster(L, 2, 4, 2, &c);
    box *b = new_box(L, BOX_OUT);
    dr_err err = {0};
    int rc = chconf_remote_create_cluster(&in, &c, o.flags, &b->u.out, &err);
    if (rc)
        return push_fail(L, &err, rc);
    return push_out(L, &b->u.out);
}

static int l_macros_read(lua_State *L)
{
    opts o = check_opts(L, 2, "macros.xml");
    chconf_in in = check_in(L, 1, &o);
    box *b = new_box(L, BOX_MACROS);
    dr_err err = {0};
    int rc = chconf_macros_read(&in, &b->u.macros, &err);
    if (rc)
        return push_fail(L, &err, rc);
    const chconf_macros *m = &b->u.macros;
    lua_createtable(L, 0, 5);
    set_bool(L, "found", m->found);
    set_str(L, "incl", m->incl);
    set_int(L, "line", m->line);
    push_kv_map(L, m->v, m->n);
    lua_setfield(L, -2, "values");
    lua_createtable(L, (int)m->n, 0);
    for (size_t i = 0; i < m->n; i++) {
        lua_pushstring(L, m->v[i].name);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -2, "order");
    return 1;
}

static int l_macros_set(lua_State *L)
{
    opts o = check_opts(L, 3, "macros.xml");
    chconf_in in = check_in(L, 1, &o);
    lua_settop(L, 3);
    lua_newtable(L); /* 4: anchor */
    lua_pushnil(L);  /* 5: scratch */
    size_t n;
    chconf_pair *m = check_pairs(L, 2, 4, 5, &n);
    box *b = new_box(L, BOX_OUT);
    dr_err err = {0};
    int rc = chconf_macros_set(&in, m, n, o.flags, &b->u.out, &err);
    if (rc)
        return push_fail(L, &err, rc);
    return push_out(L, &b->u.out);
}

/* render_*(root, ..., opts): a whole file as a string. */
static int push_rendered(lua_State *L, box *b, int rc, const dr_err *err)
{
    if (rc)
        return push_fail(L, err, rc);
    lua_pushlstring(L, b->u.buf.data ? b->u.buf.data : "", b->u.buf.len);
    return 1;
}

static int l_render_zookeeper(lua_State *L)
{
    const char *root = luaL_checkstring(L, 1);
    opts o = check_opts(L, 4, "zookeeper.xml");
    lua_settop(L, 4);
    lua_newtable(L); /* 5: anchor */
    lua_pushnil(L);  /* 6: scratch for nodes */
    lua_pushnil(L);  /* 7: scratch for settings */
    size_t n, ns = 0;
    chconf_endpoint *nodes = check_endpoints(L, 2, 5, 2181, &n);
    chconf_pair *settings = NULL;
    if (!lua_isnil(L, 3))
        settings = check_pairs(L, 3, 5, 7, &ns);
    box *b = new_box(L, BOX_BUF);
    dr_err err = {0};
    int rc =
        chconf_render_zookeeper(root, o.section, nodes, n, settings, ns, o.flags, &b->u.buf, &err);
    return push_rendered(L, b, rc, &err);
}

static int l_render_remote_servers(lua_State *L)
{
    const char *root = luaL_checkstring(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    opts o = check_opts(L, 3, "remote_servers.xml");
    lua_settop(L, 3);
    lua_newtable(L); /* 4: anchor */
    size_t n = lua_rawlen(L, 2);
    chconf_cluster_spec *c = scratch(L, n, sizeof *c);
    lua_rawseti(L, 4, 1);
    for (size_t i = 0; i < n; i++) {
        lua_rawgeti(L, 2, (lua_Integer)i + 1);
        check_cluster(L, 2, 4, lua_gettop(L), &c[i]);
        lua_pop(L, 1);
    }
    box *b = new_box(L, BOX_BUF);
    dr_err err = {0};
    int rc = chconf_render_remote_servers(root, o.section, c, n, o.flags, &b->u.buf, &err);
    return push_rendered(L, b, rc, &err);
}

static int l_render_macros(lua_State *L)
{
    const char *root = luaL_checkstring(L, 1);
    opts o = check_opts(L, 3, "macros.xml");
    lua_settop(L, 3);
    lua_newtable(L); /* 4: anchor */
    lua_pushnil(L);  /* 5: scratch */
    size_t n;
    chconf_pair *m = check_pairs(L, 2, 4, 5, &n);
    box *b = new_box(L, BOX_BUF);
    dr_err err = {0};
    int rc = chconf_render_macros(root, o.section, m, n, o.flags, &b->u.buf, &err);
    return push_rendered(L, b, rc, &err);
}

static const luaL_Reg chconf_funcs[] = {
    {"root", l_root},
    {"includes", l_includes},
    {"zk_read", l_zk_read},
    {"zk_set_nodes", l_zk_set_nodes},
    {"remote_read", l_remote_read},
    {"remote_add_replica", l_remote_add_replica},
    {"remote_remove_hosts", l_remote_remove_hosts},
    {"remote_create_cluster", l_remote_create_cluster},
    {"macros_read", l_macros_read},
    {"macros_set", l_macros_set},
    {"render_zookeeper", l_render_zookeeper},
    {"render_remote_servers", l_render_remote_servers},
    {"render_macros", l_render_macros},
    {NULL, NULL},
};

static const luaL_Reg box_metameth[] = {
    {"__gc", box_close},
    {"__close", box_close},
    {NULL, NULL},
};

static void createmeta(lua_State *L)
{
    luaL_newmetatable(L, BOX_MT);
    luaL_setfuncs(L, box_metameth, 0);
    lua_pop(L, 1);
}

int luaopen_dr_chconf(lua_State *L)
{
    createmeta(L);
    luaL_newlib(L, chconf_funcs);
    lua_pushinteger(L, CHCONF_NEW_SHARD);
    lua_setfield(L, -2, "NEW_SHARD");
    return 1;
}
