/* chconf_lua: Lua binding of chconf ("dr.chconf"): ClickHouse config files as
 * text in, text and tables out.  See include/chconf_lua.h for the functions.
 *
 * Every argument is read and checked before chconf is called, into scratch
 * memory owned by Lua (userdata on the stack) and strings anchored in a Lua
 * table, so that misuse found halfway through a table raises without leaking
 * anything.  C results are pushed and freed before returning. */
#include "chconf_lua.h"

#include <lauxlib.h>
#include <lua.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "chconf.h"

#define DEFAULT_ZK_PORT 2181
#define DEFAULT_CH_PORT 9000

static int fail(lua_State *L, const dr_err *err)
{
    lua_pushnil(L);
    lua_pushstring(L, err->msg);
    lua_pushstring(L, dr_strerror(err->code));
    return 3;
}

/* ---- reading arguments ------------------------------------------------------ */

/* Zeroed memory for n elements, owned by a userdata pushed on the stack. */
static void *scratch(lua_State *L, size_t n, size_t size)
{
    if (n == 0)
        n = 1;
    if (n > SIZE_MAX / size / 2)
        luaL_error(L, "too many elements");
    void *p = lua_newuserdatauv(L, n * size, 0);
    memset(p, 0, n * size);
    return p;
}

/* Keeps the string (or number made string) at the top of the stack alive in
 * the anchor table at `anchors` while the call runs; pops it. */
static const char *anchor(lua_State *L, int anchors)
{
    const char *s = lua_tostring(L, -1);
    lua_rawseti(L, anchors, (lua_Integer)lua_rawlen(L, anchors) + 1);
    return s;
}

/* A string argument without NUL bytes. */
static const char *check_name(lua_State *L, int arg)
{
    size_t len;
    const char *s = luaL_checklstring(L, arg, &len);
    luaL_argcheck(L, strlen(s) == len, arg, "string without NUL bytes expected");
    return s;
}

/* The file text, or NULL when nil is allowed and given. */
static const char *check_text(lua_State *L, int arg, int nil_ok, size_t *len)
{
    if (nil_ok && lua_isnoneornil(L, arg)) {
        *len = 0;
        return NULL;
    }
    return luaL_checklstring(L, arg, len);
}

enum {
    OPT_SECTION = 1u << 0,
    OPT_INLINE = 1u << 1,
    OPT_ROOT = 1u << 2,
    OPT_REPLACE = 1u << 3,
    OPT_SETTINGS = 1u << 4,
    OPT_DROP_EMPTY = 1u << 5,
    OPT_FORCE = 1u << 6,
};

static const struct {
    const char *key;
    unsigned bit;
    unsigned flag; /* CHCONF_* for the boolean options */
} OPTION_KEYS[] = {
    {"section", OPT_SECTION, 0},
    {"inline", OPT_INLINE, CHCONF_INLINE},
    {"root", OPT_ROOT, 0},
    {"replace", OPT_REPLACE, CHCONF_REPLACE},
    {"settings", OPT_SETTINGS, 0},
    {"drop_empty_shards", OPT_DROP_EMPTY, CHCONF_DROP_EMPTY_SHARDS},
    {"force", OPT_FORCE, CHCONF_FORCE},
};
#define N_OPTION_KEYS (sizeof OPTION_KEYS / sizeof OPTION_KEYS[0])

typedef struct options {
    const char *section;
    const char *root;
    unsigned flags;
    int settings; /* stack index of the settings table, 0 when none */
} options;

/* Reads the options table at arg (nil or absent: defaults).  A key the
 * function does not take raises: a misspelt `force` must not pass silently. */
static void check_options(lua_State *L, int arg, unsigned allowed, options *o)
{
    memset(o, 0, sizeof *o);
    if (lua_isnoneornil(L, arg))
        return;
    luaL_checktype(L, arg, LUA_TTABLE);
    lua_pushnil(L);
    while (lua_next(L, arg)) {
        lua_pop(L, 1);
        size_t k = N_OPTION_KEYS;
        if (lua_type(L, -1) == LUA_TSTRING)
            for (k = 0; k < N_OPTION_KEYS; k++)
                if (!strcmp(lua_tostring(L, -1), OPTION_KEYS[k].key))
                    break;
        if (k == N_OPTION_KEYS || !(OPTION_KEYS[k].bit & allowed)) {
            lua_pushvalue(L, -1);
            const char *key = luaL_tolstring(L, -1, NULL);
            luaL_argerror(L, arg, lua_pushfstring(L, "unknown option '%s'", key));
        }
        int t = lua_getfield(L, arg, OPTION_KEYS[k].key);
        if (OPTION_KEYS[k].flag) {
            if (t != LUA_TBOOLEAN)
                luaL_argerror(
                    L, arg,
                    lua_pushfstring(L, "option '%s': boolean expected", OPTION_KEYS[k].key));
            if (lua_toboolean(L, -1))
                o->flags |= OPTION_KEYS[k].flag;
        } else if (OPTION_KEYS[k].bit == OPT_SETTINGS) {
            if (t != LUA_TTABLE)
                luaL_argerror(L, arg, "option 'settings': table expected");
            o->settings = 1; /* fetched again below: lua_next needs a clean stack */
        } else if (t != LUA_TSTRING) {
            luaL_argerror(L, arg,
                          lua_pushfstring(L, "option '%s': string expected", OPTION_KEYS[k].key));
        }
        lua_pop(L, 1);
    }
    /* Strings stay alive in the options table, which stays on the stack. */
    if (lua_getfield(L, arg, "section") == LUA_TSTRING)
        o->section = lua_tostring(L, -1);
    lua_pop(L, 1);
    if (lua_getfield(L, arg, "root") == LUA_TSTRING) {
        o->root = lua_tostring(L, -1);
        if (strcmp(o->root, "clickhouse") && strcmp(o->root, "yandex"))
            luaL_argerror(L, arg, "option 'root': \"clickhouse\" or \"yandex\" expected");
    }
    lua_pop(L, 1);
    if (o->settings) {
        lua_getfield(L, arg, "settings");
        o->settings = lua_gettop(L); /* left on the stack */
    }
}

/* Reads the endpoint at the top of the stack ("host", "host:port",
 * "[v6addr]:port" or {host =, port =}) into e and pops it.  def_port is
 * used when none is given; any_port allows port 0. */
static void to_endpoint(lua_State *L, int arg, const char *what, lua_Integer i, int anchors,
                        int def_port, int any_port, chconf_endpoint *e)
{
    int t = lua_type(L, -1);
    lua_Integer port = def_port;
    if (t == LUA_TTABLE) {
        size_t hl = 0;
        if (lua_getfield(L, -1, "host") != LUA_TSTRING || strlen(lua_tolstring(L, -1, &hl)) != hl ||
            hl == 0)
            luaL_argerror(L, arg,
                          lua_pushfstring(L, "%s #%d: field 'host' must be a non-empty string",
                                          what, (int)i));
        e->host = anchor(L, anchors);
        int pt = lua_getfield(L, -1, "port");
        if (pt != LUA_TNIL) {
            if (!lua_isinteger(L, -1))
                luaL_argerror(L, arg,
                              lua_pushfstring(L, "%s #%d: port must be an integer", what, (int)i));
            port = lua_tointeger(L, -1);
        }
        lua_pop(L, 1);
    } else if (t == LUA_TSTRING) {
        size_t len;
        const char *s = lua_tolstring(L, -1, &len);
        const char *host = s, *colon = NULL;
        size_t hl = len;
        if (s[0] == '[') {
            const char *close = memchr(s, ']', len);
            if (!close || (close[1] && close[1] != ':'))
                goto bad_string;
            host = s + 1;
            hl = (size_t)(close - host);
            colon = close[1] ? close + 1 : NULL;
        } else {
            colon = strrchr(s, ':');
            if (colon && strchr(s, ':') != colon)
                colon = NULL; /* a bare IPv6 address */
            if (colon)
                hl = (size_t)(colon - s);
        }
        if (colon) {
            char *end;
            long p = strtol(colon + 1, &end, 10);
            if (end == colon + 1 || *end || p < 0 || p > 65535)
                goto bad_string;
            port = p;
        }
        if (hl == 0 || strlen(s) != len)
            goto bad_string;
        lua_pushlstring(L, host, hl);
        e->host = anchor(L, anchors);
    } else {
        luaL_argerror(
            L, arg,
            lua_pushfstring(L, "%s #%d: \"host:port\" or {host =, port =} expected", what, (int)i));
    }
    if (port < (any_port ? 0 : 1) || port > 65535)
        luaL_argerror(
            L, arg, lua_pushfstring(L, "%s #%d: port between 1 and 65535 expected", what, (int)i));
    e->port = (int)port;
    lua_pop(L, 1);
    return;
bad_string:
    luaL_argerror(L, arg,
                  lua_pushfstring(L, "%s #%d: \"host\" or \"host:port\" expected, got '%s'", what,
                                  (int)i, lua_tostring(L, -1)));
}

/* An array argument: its length, checked. */
static size_t check_array(lua_State *L, int arg, const char *what)
{
    luaL_checktype(L, arg, LUA_TTABLE);
    lua_Integer n = luaL_len(L, arg);
    if (n < 1 || n > 100000)
        luaL_argerror(L, arg, lua_pushfstring(L, "non-empty array of %s expected", what));
    return (size_t)n;
}

/* The endpoints in the array at arg, in scratch memory left on the stack. */
static chconf_endpoint *check_endpoints(lua_State *L, int arg, const char *what, int anchors,
                                        int def_port, int any_port, size_t *n)
{
    *n = check_array(L, arg, what);
    chconf_endpoint *v = scratch(L, *n, sizeof *v);
    for (size_t i = 0; i < *n; i++) {
        lua_geti(L, arg, (lua_Integer)i + 1);
        to_endpoint(L, arg, what, (lua_Integer)i + 1, anchors, def_port, any_port, &v[i]);
    }
    return v;
}

/* Orders name/value pairs read from a map as ClickHouse's docs write them
 * (macros cluster, shard, replica; a replica's user, password, secure), then
 * by name, so the output is the same on every run whatever the hash order. */
static int pair_rank(const char *name)
{
    static const char *const first[] = {"cluster", "shard",    "replica",
                                        "user",    "password", "secure"};
    const int n = (int)(sizeof first / sizeof first[0]);
    for (int i = 0; i < n; i++)
        if (!strcmp(name, first[i]))
            return i;
    return n;
}

static int pair_cmp(const void *a, const void *b)
{
    const chconf_pair *x = a, *y = b;
    int rx = pair_rank(x->name), ry = pair_rank(y->name);
    if (rx != ry)
        return rx - ry;
    return strcmp(x->name, y->name);
}

/* The string-keyed map at idx as name/value pairs (values: strings or
 * numbers), sorted, in scratch memory left on the stack. */
static chconf_pair *check_pairs(lua_State *L, int arg, int idx, const char *what, int anchors,
                                size_t *n)
{
    if (lua_type(L, idx) != LUA_TTABLE)
        luaL_argerror(L, arg, lua_pushfstring(L, "%s: table expected", what));
    size_t count = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        count++;
    }
    chconf_pair *v = scratch(L, count, sizeof *v);
    size_t i = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        if (lua_type(L, -2) != LUA_TSTRING)
            luaL_argerror(L, arg, lua_pushfstring(L, "%s: string keys expected", what));
        int vt = lua_type(L, -1);
        if (vt != LUA_TSTRING && vt != LUA_TNUMBER)
            luaL_argerror(L, arg,
                          lua_pushfstring(L, "%s '%s': string or number expected, got %s", what,
                                          lua_tostring(L, -2), luaL_typename(L, -1)));
        size_t vl;
        lua_pushvalue(L, -1);
        const char *val = lua_tolstring(L, -1, &vl); /* converts the copy, not the table */
        if (strlen(val) != vl)
            luaL_argerror(
                L, arg,
                lua_pushfstring(L, "%s '%s': NUL byte in value", what, lua_tostring(L, -3)));
        v[i].value = anchor(L, anchors);
        v[i].name = lua_tostring(L, -2); /* anchored by the table itself */
        i++;
        lua_pop(L, 1);
    }
    qsort(v, count, sizeof *v, pair_cmp);
    *n = count;
    return v;
}

/* A replica: "host[:port]" or {host =, port =, extra = {k = v}}, read from
 * the top of the stack (popped). */
static void to_replica(lua_State *L, int arg, const char *what, lua_Integer i, int anchors,
                       chconf_replica_spec *r)
{
    chconf_endpoint e;
    if (lua_type(L, -1) == LUA_TTABLE) {
        lua_pushnil(L);
        while (lua_next(L, -2)) {
            lua_pop(L, 1);
            const char *k = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "";
            if (strcmp(k, "host") && strcmp(k, "port") && strcmp(k, "extra"))
                luaL_argerror(
                    L, arg,
                    lua_pushfstring(L, "%s #%d: unknown field '%s' (host, port, extra expected)",
                                    what, (int)i, luaL_tolstring(L, -1, NULL)));
        }
        if (lua_getfield(L, -1, "extra") != LUA_TNIL) {
            int extra = lua_gettop(L);
            size_t n;
            chconf_pair *x = check_pairs(L, arg, extra, "replica extra", anchors, &n);
            /* scratch stays alive: anchor it too */
            lua_rawseti(L, anchors, (lua_Integer)lua_rawlen(L, anchors) + 1);
            r->extra = x;
            r->n_extra = n;
        }
        lua_pop(L, 1);
    }
    to_endpoint(L, arg, what, i, anchors, DEFAULT_CH_PORT, 0, &e);
    r->host = e.host;
    r->port = e.port;
}

/* A cluster spec table at idx, read into c (all memory anchored). */
static void to_cluster(lua_State *L, int arg, int idx, int anchors, chconf_cluster_spec *c)
{
    luaL_checktype(L, idx, LUA_TTABLE);
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        const char *k = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "";
        if (strcmp(k, "name") && strcmp(k, "internal_replication") && strcmp(k, "shards"))
            luaL_argerror(L, arg,
                          lua_pushfstring(L,
                                          "cluster: unknown field '%s' (name, "
                                          "internal_replication, shards expected)",
                                          luaL_tolstring(L, -1, NULL)));
    }
    if (lua_getfield(L, idx, "name") != LUA_TSTRING)
        luaL_argerror(L, arg, "cluster: field 'name' must be a string");
    c->name = anchor(L, anchors);
    int t = lua_getfield(L, idx, "internal_replication");
    if (t == LUA_TSTRING) {
        c->internal_replication = anchor(L, anchors);
    } else {
        if (t == LUA_TBOOLEAN)
            c->internal_replication = lua_toboolean(L, -1) ? "true" : "false";
        else if (t != LUA_TNIL)
            luaL_argerror(L, arg, "cluster: field 'internal_replication' must be a boolean");
        lua_pop(L, 1);
    }
    if (lua_getfield(L, idx, "shards") != LUA_TTABLE)
        luaL_argerror(L, arg, "cluster: field 'shards' must be an array of shards");
    int shards = lua_gettop(L);
    lua_Integer ns = luaL_len(L, shards);
    if (ns < 1 || ns > 10000)
        luaL_argerror(L, arg, "cluster: field 'shards' must be a non-empty array");
    chconf_shard_spec *sv = scratch(L, (size_t)ns, sizeof *sv);
    lua_rawseti(L, anchors, (lua_Integer)lua_rawlen(L, anchors) + 1);
    for (lua_Integer s = 1; s <= ns; s++) {
        if (lua_geti(L, shards, s) != LUA_TTABLE)
            luaL_argerror(
                L, arg,
                lua_pushfstring(L, "cluster: shard #%d: array of replicas expected", (int)s));
        int shard = lua_gettop(L);
        lua_Integer nr = luaL_len(L, shard);
        if (nr < 1 || nr > 10000)
            luaL_argerror(
                L, arg, lua_pushfstring(L, "cluster: shard #%d: non-empty array expected", (int)s));
        chconf_replica_spec *rv = scratch(L, (size_t)nr, sizeof *rv);
        lua_rawseti(L, anchors, (lua_Integer)lua_rawlen(L, anchors) + 1);
        for (lua_Integer r = 1; r <= nr; r++) {
            lua_geti(L, shard, r);
            to_replica(L, arg, "replica", r, anchors, &rv[r - 1]);
        }
        sv[s - 1].replicas = rv;
        sv[s - 1].n_replicas = (size_t)nr;
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    c->shards = sv;
    c->n_shards = (size_t)ns;
}

/* ---- results ------------------------------------------------------------------ */

static int push_out(lua_State *L, int rc, chconf_out *out, const dr_err *err)
{
    if (rc != DR_OK) {
        chconf_out_free(out);
        return fail(L, err);
    }
    lua_pushlstring(L, out->text, out->len);
    lua_pushboolean(L, out->changed);
    lua_pushstring(L, out->notes);
    chconf_out_free(out);
    return 3;
}

/* A new file rendered into b (rc from the render function). */
static int push_rendered(lua_State *L, int rc, const char *name, dr_buf *b, dr_err *err,
                         const char *what)
{
    if (rc != DR_OK) {
        dr_buf_free(b);
        dr_err_wrap(err, "%s", name);
        return fail(L, err);
    }
    lua_pushlstring(L, b->data, b->len);
    lua_pushboolean(L, 1);
    lua_pushfstring(L, "%s: new file with %s\n", name, what);
    dr_buf_free(b);
    return 3;
}

static void set_str(lua_State *L, const char *k, const char *v)
{
    if (!v)
        return;
    lua_pushstring(L, v);
    lua_setfield(L, -2, k);
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

/* The section's incl=: the short forms refuse to guess what the
 * substitution holds. */
static void incl_refused(dr_err *err, const char *file, int line, const char *element,
                         const char *incl)
{
    dr_err_set(err, DR_ENOTFOUND,
               "%s:%d: <%s> takes its content from the substitution '%s': read the include_from "
               "file with {section = \"%s\"}",
               file, line, element, incl, incl);
}

static void read_in(lua_State *L, chconf_in *in, const options *o)
{
    in->text = check_text(L, 1, 0, &in->len);
    in->file = check_name(L, 2);
    in->section = o->section;
}

/* ---- reads ----------------------------------------------------------------------- */

static int l_root(lua_State *L)
{
    chconf_in in;
    options o = {0};
    read_in(L, &in, &o);
    char *root;
    dr_err err = {0};
    if (chconf_root(&in, &root, &err) != DR_OK)
        return fail(L, &err);
    lua_pushstring(L, root);
    free(root);
    return 1;
}

static int l_includes(lua_State *L)
{
    chconf_in in;
    options o = {0};
    read_in(L, &in, &o);
    chconf_includes inc;
    dr_err err = {0};
    if (chconf_includes_read(&in, &inc, &err) != DR_OK)
        return fail(L, &err);
    lua_createtable(L, (int)inc.n, 1);
    set_str(L, "include_from", inc.include_from);
    for (size_t i = 0; i < inc.n; i++) {
        lua_createtable(L, 0, 4);
        set_str(L, "element", inc.v[i].element);
        set_str(L, "name", inc.v[i].name);
        set_bool(L, "optional", inc.v[i].optional);
        set_int(L, "line", inc.v[i].line);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    chconf_includes_free(&inc);
    return 1;
}

static int read_zk(lua_State *L, chconf_in *in, chconf_zk *zk, dr_err *err)
{
    options o;
    check_options(L, 3, OPT_SECTION, &o);
    read_in(L, in, &o);
    return chconf_zk_read(in, zk, err);
}

static int l_zookeeper(lua_State *L)
{
    chconf_in in;
    chconf_zk zk;
    dr_err err = {0};
    if (read_zk(L, &in, &zk, &err) != DR_OK)
        return fail(L, &err);
    lua_createtable(L, 0, 7);
    set_bool(L, "found", zk.found);
    set_str(L, "incl", zk.incl);
    if (zk.found)
        set_int(L, "line", zk.line);
    lua_createtable(L, (int)zk.n_nodes, 0);
    for (size_t i = 0; i < zk.n_nodes; i++) {
        lua_createtable(L, 0, 4);
        set_str(L, "host", zk.nodes[i].host);
        set_int(L, "port", zk.nodes[i].port);
        set_str(L, "index", zk.nodes[i].index);
        set_int(L, "line", zk.nodes[i].line);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -2, "nodes");
    int identity = 0;
    lua_createtable(L, 0, (int)zk.n_settings);
    for (size_t i = 0; i < zk.n_settings; i++) {
        if (!strcmp(zk.settings[i].name, "identity")) {
            identity = 1; /* a secret: never handed to scripts that may print it */
            continue;
        }
        set_str(L, zk.settings[i].name, zk.settings[i].value);
    }
    lua_setfield(L, -2, "settings");
    set_bool(L, "has_identity", identity);
    chconf_zk_free(&zk);
    return 1;
}

static int l_zookeeper_nodes(lua_State *L)
{
    chconf_in in;
    chconf_zk zk;
    dr_err err = {0};
    if (read_zk(L, &in, &zk, &err) != DR_OK)
        return fail(L, &err);
    if (zk.incl && zk.n_nodes == 0) {
        incl_refused(&err, in.file, zk.line, in.section ? in.section : "zookeeper", zk.incl);
        chconf_zk_free(&zk);
        return fail(L, &err);
    }
    lua_createtable(L, (int)zk.n_nodes, 0);
    for (size_t i = 0; i < zk.n_nodes; i++) {
        lua_createtable(L, 0, 2);
        set_str(L, "host", zk.nodes[i].host);
        set_int(L, "port", zk.nodes[i].port);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    chconf_zk_free(&zk);
    return 1;
}

static void push_replica(lua_State *L, const chconf_replica *r)
{
    lua_createtable(L, 0, 5);
    set_str(L, "host", r->host);
    if (r->port)
        set_int(L, "port", r->port);
    set_int(L, "line", r->line);
    int password = 0;
    lua_createtable(L, 0, (int)r->n_extra);
    for (size_t i = 0; i < r->n_extra; i++) {
        if (!strcmp(r->extra[i].name, "password")) {
            password = 1; /* a secret */
            continue;
        }
        set_str(L, r->extra[i].name, r->extra[i].value);
    }
    lua_setfield(L, -2, "extra");
    set_bool(L, "password_set", password);
}

static void push_cluster(lua_State *L, const chconf_cluster *c)
{
    lua_createtable(L, 0, 3);
    set_str(L, "name", c->name);
    set_int(L, "line", c->line);
    lua_createtable(L, (int)c->n_shards, 0);
    for (size_t s = 0; s < c->n_shards; s++) {
        const chconf_shard *sh = &c->shards[s];
        lua_createtable(L, 0, 5);
        set_int(L, "line", sh->line);
        set_str(L, "internal_replication", sh->internal_replication);
        set_str(L, "weight", sh->weight);
        set_bool(L, "shorthand", sh->shorthand);
        lua_createtable(L, (int)sh->n_replicas, 0);
        for (size_t r = 0; r < sh->n_replicas; r++) {
            push_replica(L, &sh->replicas[r]);
            lua_rawseti(L, -2, (lua_Integer)r + 1);
        }
        lua_setfield(L, -2, "replicas");
        lua_rawseti(L, -2, (lua_Integer)s + 1);
    }
    lua_setfield(L, -2, "shards");
}

static int l_remote_servers(lua_State *L)
{
    options o;
    check_options(L, 3, OPT_SECTION, &o);
    chconf_in in;
    read_in(L, &in, &o);
    chconf_remote r;
    dr_err err = {0};
    if (chconf_remote_read(&in, &r, &err) != DR_OK)
        return fail(L, &err);
    lua_createtable(L, 0, 5);
    set_bool(L, "found", r.found);
    set_str(L, "incl", r.incl);
    if (r.found)
        set_int(L, "line", r.line);
    lua_createtable(L, (int)r.n_clusters, 0);
    for (size_t i = 0; i < r.n_clusters; i++) {
        lua_pushstring(L, r.clusters[i].name);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -2, "names");
    lua_createtable(L, 0, (int)r.n_clusters);
    for (size_t i = 0; i < r.n_clusters; i++) {
        push_cluster(L, &r.clusters[i]);
        lua_setfield(L, -2, r.clusters[i].name);
    }
    lua_setfield(L, -2, "clusters");
    chconf_remote_free(&r);
    return 1;
}

static int l_macros(lua_State *L)
{
    options o;
    check_options(L, 3, OPT_SECTION, &o);
    chconf_in in;
    read_in(L, &in, &o);
    chconf_macros m;
    dr_err err = {0};
    if (chconf_macros_read(&in, &m, &err) != DR_OK)
        return fail(L, &err);
    if (m.incl && m.n == 0) {
        incl_refused(&err, in.file, m.line, in.section ? in.section : "macros", m.incl);
        chconf_macros_free(&m);
        return fail(L, &err);
    }
    lua_createtable(L, 0, (int)m.n);
    for (size_t i = 0; i < m.n; i++)
        set_str(L, m.v[i].name, m.v[i].value);
    chconf_macros_free(&m);
    return 1;
}

/* ---- patches -------------------------------------------------------------------- */

/* Common start of a patch: options at opts_arg, text (nil: new file, which
 * needs opts.root), file name.  Pushes the anchor table; returns its index. */
static int patch_start(lua_State *L, int opts_arg, unsigned allowed, options *o, chconf_in *in)
{
    check_options(L, opts_arg, allowed, o);
    in->text = check_text(L, 1, 1, &in->len);
    in->file = check_name(L, 2);
    in->section = o->section;
    if (!in->text && !o->root)
        luaL_argerror(L, 1, "string expected (or nil with option 'root' for a new file)");
    if (in->text && (o->flags & CHCONF_REPLACE))
        luaL_argerror(L, opts_arg, "option 'replace' applies to a new file (text nil) only");
    if (in->text && o->settings)
        luaL_argerror(L, opts_arg, "option 'settings' applies to a new file (text nil) only");
    lua_newtable(L);
    return lua_gettop(L);
}

static int l_set_zookeeper_nodes(lua_State *L)
{
    options o;
    chconf_in in;
    int anchors = patch_start(
        L, 4, OPT_SECTION | OPT_INLINE | OPT_ROOT | OPT_REPLACE | OPT_SETTINGS, &o, &in);
    size_t n;
    chconf_endpoint *nodes = check_endpoints(L, 3, "node", anchors, DEFAULT_ZK_PORT, 0, &n);
    dr_err err = {0};
    if (!in.text) {
        size_t ns = 0;
        chconf_pair *settings = NULL;
        if (o.settings)
            settings = check_pairs(L, 4, o.settings, "setting", anchors, &ns);
        dr_buf b = DR_BUF_INIT;
        int rc =
            chconf_render_zookeeper(o.root, o.section, nodes, n, settings, ns, o.flags, &b, &err);
        const char *what = lua_pushfstring(L, "<%s>: %d ZooKeeper node(s)",
                                           o.section ? o.section : "zookeeper", (int)n);
        return push_rendered(L, rc, in.file, &b, &err, what);
    }
    chconf_out out = {0};
    int rc = chconf_zk_set_nodes(&in, nodes, n, o.flags, &out, &err);
    return push_out(L, rc, &out, &err);
}

static int l_add_replica(lua_State *L)
{
    options o;
    chconf_in in;
    int anchors = patch_start(L, 6, OPT_SECTION | OPT_INLINE | OPT_ROOT | OPT_REPLACE, &o, &in);
    const char *cluster = check_name(L, 3);
    int shard;
    if (lua_type(L, 4) == LUA_TSTRING) {
        luaL_argcheck(L, !strcmp(lua_tostring(L, 4), "new"), 4, "shard number or \"new\" expected");
        shard = CHCONF_NEW_SHARD;
    } else {
        lua_Integer s = luaL_checkinteger(L, 4);
        luaL_argcheck(L, s >= 1 && s <= 100000, 4, "shard number (1..) or \"new\" expected");
        shard = (int)s;
    }
    chconf_replica_spec replica = {0};
    lua_pushvalue(L, 5);
    to_replica(L, 5, "replica", 1, anchors, &replica);
    dr_err err = {0};
    if (!in.text) {
        if (shard > 1) {
            dr_err_set(&err, DR_ENOTFOUND, "%s: new file: cluster '%s' has no shard %d", in.file,
                       cluster, shard);
            return fail(L, &err);
        }
        chconf_shard_spec s = {&replica, 1};
        chconf_cluster_spec c = {cluster, NULL, &s, 1};
        dr_buf b = DR_BUF_INIT;
        int rc = chconf_render_remote_servers(o.root, o.section, &c, 1, o.flags, &b, &err);
        const char *what = lua_pushfstring(L, "<%s>: cluster %s with replica %s:%d",
                                           o.section ? o.section : "remote_servers", cluster,
                                           replica.host, replica.port);
        return push_rendered(L, rc, in.file, &b, &err, what);
    }
    chconf_out out = {0};
    int rc = chconf_remote_add_replica(&in, cluster, shard, &replica, o.flags, &out, &err);
    return push_out(L, rc, &out, &err);
}

static int l_remove_hosts(lua_State *L)
{
    options o;
    chconf_in in;
    check_options(L, 5, OPT_SECTION | OPT_INLINE | OPT_DROP_EMPTY, &o);
    in.text = check_text(L, 1, 1, &in.len);
    in.file = check_name(L, 2);
    in.section = o.section;
    lua_newtable(L);
    int anchors = lua_gettop(L);
    const char *cluster = check_name(L, 3);
    size_t n;
    chconf_endpoint *hosts = check_endpoints(L, 4, "host", anchors, 0, 1, &n);
    chconf_out out = {0};
    dr_err err = {0};
    if (!in.text) {
        dr_err_set(&err, DR_ENOTFOUND,
                   "%s: the file does not exist: no cluster '%s' to remove "
                   "hosts from",
                   in.file, cluster);
        return fail(L, &err);
    }
    int rc = chconf_remote_remove_hosts(&in, cluster, hosts, n, o.flags, &out, &err);
    return push_out(L, rc, &out, &err);
}

static int l_create_cluster(lua_State *L)
{
    options o;
    chconf_in in;
    int anchors = patch_start(L, 4, OPT_SECTION | OPT_INLINE | OPT_ROOT | OPT_REPLACE, &o, &in);
    chconf_cluster_spec c = {0};
    to_cluster(L, 3, 3, anchors, &c);
    dr_err err = {0};
    if (!in.text) {
        dr_buf b = DR_BUF_INIT;
        int rc = chconf_render_remote_servers(o.root, o.section, &c, 1, o.flags, &b, &err);
        const char *what =
            lua_pushfstring(L, "<%s>: cluster %s, %d shard(s)",
                            o.section ? o.section : "remote_servers", c.name, (int)c.n_shards);
        return push_rendered(L, rc, in.file, &b, &err, what);
    }
    chconf_out out = {0};
    int rc = chconf_remote_create_cluster(&in, &c, o.flags, &out, &err);
    return push_out(L, rc, &out, &err);
}

static int l_set_macros(lua_State *L)
{
    options o;
    chconf_in in;
    int anchors =
        patch_start(L, 4, OPT_SECTION | OPT_INLINE | OPT_ROOT | OPT_REPLACE | OPT_FORCE, &o, &in);
    luaL_checktype(L, 3, LUA_TTABLE);
    size_t n;
    chconf_pair *macros = check_pairs(L, 3, 3, "macro", anchors, &n);
    luaL_argcheck(L, n > 0, 3, "at least one macro expected");
    dr_err err = {0};
    if (!in.text) {
        dr_buf b = DR_BUF_INIT;
        int rc = chconf_render_macros(o.root, o.section, macros, n, o.flags, &b, &err);
        const char *what =
            lua_pushfstring(L, "<%s>: %d macro(s)", o.section ? o.section : "macros", (int)n);
        return push_rendered(L, rc, in.file, &b, &err, what);
    }
    chconf_out out = {0};
    int rc = chconf_macros_set(&in, macros, n, o.flags, &out, &err);
    return push_out(L, rc, &out, &err);
}

static const luaL_Reg chconf_functions[] = {
    {"root", l_root},
    {"includes", l_includes},
    {"zookeeper", l_zookeeper},
    {"zookeeper_nodes", l_zookeeper_nodes},
    {"remote_servers", l_remote_servers},
    {"macros", l_macros},
    {"set_zookeeper_nodes", l_set_zookeeper_nodes},
    {"add_replica", l_add_replica},
    {"remove_hosts", l_remove_hosts},
    {"create_cluster", l_create_cluster},
    {"set_macros", l_set_macros},
    {NULL, NULL},
};

int luaopen_dr_chconf(lua_State *L)
{
    luaL_newlib(L, chconf_functions);
    return 1;
}
