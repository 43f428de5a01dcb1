/* ch_lua: Lua binding of ch ("dr.ch"), a "dr.ch.client" userdata holding
 * the credentials.  See include/ch_lua.h for the functions. */
#include "ch_lua.h"

#include <lauxlib.h>
#include <lua.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ch.h"
#include "effect.h"
#include "luabind.h"

#define CLIENT_MT "dr.ch.client"
#define DEFAULT_TIMEOUT_MS 10000

typedef struct lclient {
    int open;
    ch_client c;
    int port;
    int timeout_ms;
} lclient;

static lclient *check_client(lua_State *L, int idx)
{
    lclient *lc = luaL_checkudata(L, idx, CLIENT_MT);
    if (!lc->open)
        luaL_error(L, "attempt to use a closed clickhouse client");
    return lc;
}

static int check_timeout(lua_State *L, int idx, int def_ms)
{
    return luabind_opt_timeout_ms(L, idx, def_ms, 86400);
}

/* A host argument: "addr" or "addr:port".  The address is copied into buf
 * (a Lua-owned userdata would be overkill: addresses are short). */
typedef struct lhost {
    char addr[256];
    int port;
} lhost;

static void check_host_value(lua_State *L, int idx, int argn, int def_port, lhost *h)
{
    size_t len;
    const char *s = lua_tolstring(L, idx, &len);
    if (!s || len == 0 || len >= sizeof h->addr)
        luaL_argerror(L, argn, "host expected (\"addr\" or \"addr:port\")");
    const char *colon = strchr(s, ':');
    h->port = def_port;
    if (colon && !strchr(colon + 1, ':')) {
        char *end;
        long p = strtol(colon + 1, &end, 10);
        if (*end || p < 1 || p > 65535)
            luaL_argerror(L, argn, "port between 1 and 65535 expected after ':'");
        h->port = (int)p;
        len = (size_t)(colon - s);
    }
    memcpy(h->addr, s, len);
    h->addr[len] = '\0';
}

static int opt_field_int(lua_State *L, int idx, const char *k, int def)
{
    lua_getfield(L, idx, k);
    int v = def;
    if (!lua_isnil(L, -1)) {
        if (!lua_isnumber(L, -1))
            luaL_error(L, "bad field '%s' (number expected, got %s)", k, luaL_typename(L, -1));
        v = (int)lua_tointeger(L, -1);
    }
    lua_pop(L, 1);
    return v;
}

static lua_Number opt_field_num(lua_State *L, int idx, const char *k, lua_Number def)
{
    lua_getfield(L, idx, k);
    lua_Number v = def;
    if (!lua_isnil(L, -1)) {
        if (!lua_isnumber(L, -1))
            luaL_error(L, "bad field '%s' (number expected, got %s)", k, luaL_typename(L, -1));
        v = lua_tonumber(L, -1);
    }
    lua_pop(L, 1);
    return v;
}

/* ch.client(opts) */
static int l_client(lua_State *L)
{
    if (lua_isnoneornil(L, 1))
        lua_newtable(L);
    luaL_checktype(L, 1, LUA_TTABLE);
    const char *user = luabind_opt_field_str(L, 1, "user");
    const char *pfile = luabind_opt_field_str(L, 1, "password_file");
    const char *penv = luabind_opt_field_str(L, 1, "password_env");
    int port = opt_field_int(L, 1, "port", CH_DEFAULT_PORT);
    luaL_argcheck(L, port >= 1 && port <= 65535, 1, "port between 1 and 65535 expected");
    lua_Number t = opt_field_num(L, 1, "timeout", DEFAULT_TIMEOUT_MS / 1000.0);
    lua_Number ct = opt_field_num(L, 1, "connect_timeout", 3);
    luaL_argcheck(L, t > 0 && t <= 86400 && ct > 0 && ct <= 600, 1, "timeouts in seconds expected");
    /* created closed, then opened: a failure leaves a harmless closed object */
    lclient *lc = lua_newuserdatauv(L, sizeof *lc, 0);
    memset(lc, 0, sizeof *lc);
    luaL_setmetatable(L, CLIENT_MT);
    dr_err err = {0};
    if (ch_client_init(&lc->c, user, pfile, penv, &err) != DR_OK)
        return luabind_fail(L, &err);
    lc->c.connect_timeout_ms = (int)(ct * 1000);
    lc->port = port;
    lc->timeout_ms = (int)(t * 1000);
    lc->open = 1;
    return 1;
}

/* client:tls("host:port", {ca_file=, cert_file=, key_file=}) -> true | nil, err
 * From then on that server is spoken to over HTTPS with verification. */
static int l_tls(lua_State *L)
{
    lclient *lc = check_client(L, 1);
    lhost h;
    check_host_value(L, 2, 2, lc->port, &h);
    if (lua_isnoneornil(L, 3))
        lua_newtable(L);
    luaL_checktype(L, 3, LUA_TTABLE);
    const char *ca = luabind_opt_field_str(L, 3, "ca_file");
    const char *cert = luabind_opt_field_str(L, 3, "cert_file");
    const char *key = luabind_opt_field_str(L, 3, "key_file");
    dr_err err = {0};
    if (ch_client_set_tls(&lc->c, h.addr, h.port, ca, cert, key, &err) != DR_OK)
        return luabind_fail(L, &err);
    lua_pushboolean(L, 1);
    return 1;
}

static int l_close(lua_State *L)
{
    lclient *lc = luaL_checkudata(L, 1, CLIENT_MT);
    if (lc->open) {
        ch_client_free(&lc->c);
        lc->open = 0;
    }
    return 0;
}

static int l_tostring(lua_State *L)
{
    lclient *lc = luaL_checkudata(L, 1, CLIENT_MT);
    if (lc->open)
        lua_pushfstring(L, "dr.ch.client (user %s, port %d)", lc->c.user, lc->port);
    else
        lua_pushliteral(L, "dr.ch.client (closed)");
    return 1;
}

/* Pushes rows of a TSV-with-names answer; on a parse error pushes nothing
 * and returns the error. */
static int push_rows(lua_State *L, const char *what, const ch_request *r, dr_err *err)
{
    ch_table t;
    int rc = ch_parse_tsv(what, r->body.data, r->body.len, &t, err);
    if (rc != DR_OK)
        return rc;
    lua_createtable(L, (int)t.nrows, 1);
    for (size_t i = 0; i < t.nrows; i++) {
        lua_createtable(L, 0, (int)t.ncols);
        for (size_t c = 0; c < t.ncols; c++)
            luabind_set_str(L, t.names[c], ch_table_cell(&t, i, c));
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_createtable(L, (int)t.ncols, 0);
    for (size_t c = 0; c < t.ncols; c++) {
        lua_pushstring(L, t.names[c]);
        lua_rawseti(L, -2, (lua_Integer)c + 1);
    }
    lua_setfield(L, -2, "columns");
    ch_table_free(&t);
    return DR_OK;
}

/* c:query(host | {hosts}, sql [, timeout]) */
static int l_query(lua_State *L)
{
    lclient *lc = check_client(L, 1);
    const char *sql = luaL_checkstring(L, 3);
    luaL_argcheck(L, ch_sql_is_read_only(sql), 3,
                  "read-only statement expected (SELECT, WITH, SHOW, DESCRIBE, EXISTS); "
                  "use execute for statements that change state");
    int timeout = check_timeout(L, 4, lc->timeout_ms);
    int many = lua_istable(L, 2);
    size_t n = many ? (size_t)luaL_len(L, 2) : 1;
    if (!many)
        luaL_checkstring(L, 2);
    luaL_argcheck(L, n > 0 && n <= 1000, 2, "1 to 1000 hosts expected");
    /* all C allocations are made after every argument has been checked */
    lhost *hosts = lua_newuserdatauv(L, n * sizeof *hosts, 0);
    for (size_t i = 0; i < n; i++) {
        if (many)
            lua_rawgeti(L, 2, (lua_Integer)i + 1);
        else
            lua_pushvalue(L, 2);
        check_host_value(L, -1, 2, lc->port, &hosts[i]);
        lua_pop(L, 1);
    }
    ch_request *reqs = dr_calloc(n, sizeof *reqs);
    char **owned = dr_calloc(n, sizeof *owned);
    for (size_t i = 0; i < n; i++)
        ch_req_select(&reqs[i], hosts[i].addr, hosts[i].port, sql, timeout, &owned[i]);
    dr_err err = {0};
    int rc = ch_run(&lc->c, reqs, n, timeout + 1000, &err);
    int nret;
    if (rc < 0) {
        nret = luabind_fail(L, &err);
    } else if (!many) {
        dr_err perr = {0};
        if (reqs[0].rc != DR_OK)
            nret = luabind_fail(L, &reqs[0].err);
        else if (push_rows(L, "ch query", &reqs[0], &perr) != DR_OK)
            nret = luabind_fail(L, &perr);
        else
            nret = 1;
    } else {
        lua_createtable(L, (int)n, 0);
        for (size_t i = 0; i < n; i++) {
            ch_request *r = &reqs[i];
            lua_createtable(L, 0, 8);
            luabind_set_str(L, "host", hosts[i].addr);
            luabind_set_int(L, "port", hosts[i].port);
            luabind_set_int(L, "status", r->http_status);
            lua_pushnumber(L, (lua_Number)r->elapsed_ms / 1000.0);
            lua_setfield(L, -2, "elapsed");
            dr_err perr = r->err;
            int ok = r->rc == DR_OK && push_rows(L, "ch query", r, &perr) == DR_OK;
            if (ok) {
                lua_setfield(L, -2, "rows");
            } else {
                luabind_set_str(L, "error", perr.msg);
                luabind_set_str(L, "code", dr_strerror(perr.code));
                if (r->ch_code)
                    luabind_set_int(L, "ch_code", r->ch_code);
            }
            luabind_set_bool(L, "ok", ok);
            lua_rawseti(L, -2, (lua_Integer)i + 1);
        }
        nret = 1;
    }
    for (size_t i = 0; i < n; i++) {
        ch_request_free(&reqs[i]);
        free(owned[i]);
    }
    free(reqs);
    free(owned);
    return nret;
}

static void push_replica(lua_State *L, const ch_replica *r)
{
    lua_createtable(L, 0, 16);
    luabind_set_str(L, "database", r->database);
    luabind_set_str(L, "table", r->table);
    luabind_set_str(L, "replica_name", r->replica_name);
    luabind_set_bool(L, "is_readonly", r->is_readonly);
    luabind_set_bool(L, "is_session_expired", r->is_session_expired);
    luabind_set_int(L, "queue_size", (int64_t)r->queue_size);
    luabind_set_int(L, "inserts_in_queue", (int64_t)r->inserts_in_queue);
    luabind_set_int(L, "log_pointer", (int64_t)r->log_pointer);
    luabind_set_int(L, "log_max_index", (int64_t)r->log_max_index);
    luabind_set_int(L, "log_lag", (int64_t)ch_replica_log_lag(r));
    luabind_set_int(L, "absolute_delay", (int64_t)r->absolute_delay);
    luabind_set_int(L, "active_replicas", (int64_t)r->active_replicas);
    luabind_set_int(L, "total_replicas", (int64_t)r->total_replicas);
    const char *why;
    luabind_set_bool(L, "caught_up", ch_replica_caught_up(r, &why));
    if (why)
        luabind_set_str(L, "why", why);
}

static void push_replicas(lua_State *L, const ch_replicas *reps)
{
    lua_createtable(L, (int)reps->n, 1);
    int all = 1;
    for (size_t i = 0; i < reps->n; i++) {
        push_replica(L, &reps->items[i]);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
        all = all && ch_replica_caught_up(&reps->items[i], NULL);
    }
    luabind_set_bool(L, "caught_up", all);
}

static int l_replicas(lua_State *L)
{
    lclient *lc = check_client(L, 1);
    lhost h;
    check_host_value(L, 2, 2, lc->port, &h);
    int timeout = check_timeout(L, 3, lc->timeout_ms);
    ch_replicas reps;
    dr_err err = {0};
    if (ch_replicas_get(&lc->c, h.addr, h.port, timeout, &reps, &err) != DR_OK)
        return luabind_fail(L, &err);
    push_replicas(L, &reps);
    ch_replicas_free(&reps);
    return 1;
}

static void push_status(lua_State *L, const ch_replicas_status *s)
{
    lua_createtable(L, 0, 5);
    luabind_set_bool(L, "ok", s->ok);
    luabind_set_int(L, "status", s->http_status);
    luabind_set_str(L, "body", s->body);
    if (s->ch_code)
        luabind_set_int(L, "code", s->ch_code);
    lua_createtable(L, (int)s->n, 0);
    for (size_t i = 0; i < s->n; i++) {
        lua_createtable(L, 0, 3);
        luabind_set_str(L, "table", s->entries[i].table);
        luabind_set_int(L, "absolute_delay", (int64_t)s->entries[i].absolute_delay);
        luabind_set_int(L, "relative_delay", (int64_t)s->entries[i].relative_delay);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -2, "tables");
}

static int l_replicas_status(lua_State *L)
{
    lclient *lc = check_client(L, 1);
    lhost h;
    check_host_value(L, 2, 2, lc->port, &h);
    int verbose = lua_toboolean(L, 3);
    int timeout = check_timeout(L, 4, lc->timeout_ms);
    ch_replicas_status s;
    dr_err err = {0};
    if (ch_replicas_status_get(&lc->c, h.addr, h.port, verbose, timeout, &s, &err) != DR_OK)
        return luabind_fail(L, &err);
    push_status(L, &s);
    ch_replicas_status_free(&s);
    return 1;
}

/* c:catch_up({hosts} [, timeout]) */
static int l_catch_up(lua_State *L)
{
    lclient *lc = check_client(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    int timeout = check_timeout(L, 3, lc->timeout_ms);
    size_t n = (size_t)luaL_len(L, 2);
    luaL_argcheck(L, n > 0 && n <= 1000, 2, "1 to 1000 hosts expected");
    lhost *hosts = lua_newuserdatauv(L, n * sizeof *hosts, 0);
    for (size_t i = 0; i < n; i++) {
        lua_rawgeti(L, 2, (lua_Integer)i + 1);
        check_host_value(L, -1, 2, lc->port, &hosts[i]);
        lua_pop(L, 1);
    }
    ch_catchup *v = dr_calloc(n, sizeof *v);
    for (size_t i = 0; i < n; i++) {
        v[i].host = hosts[i].addr;
        v[i].port = hosts[i].port;
    }
    dr_err err = {0};
    int rc = ch_catchup_many(&lc->c, v, n, timeout, &err);
    int nret = 1;
    if (rc < 0) {
        nret = luabind_fail(L, &err);
    } else {
        lua_createtable(L, (int)n, 0);
        for (size_t i = 0; i < n; i++) {
            lua_createtable(L, 0, 8);
            luabind_set_str(L, "host", hosts[i].addr);
            luabind_set_int(L, "port", hosts[i].port);
            luabind_set_bool(L, "ok", v[i].rc == DR_OK);
            luabind_set_bool(L, "caught_up", v[i].rc == DR_OK && v[i].caught_up);
            if (v[i].rc == DR_OK) {
                push_replicas(L, &v[i].replicas);
                lua_setfield(L, -2, "replicas");
            } else {
                luabind_set_str(L, "error", v[i].err.msg);
                luabind_set_str(L, "code", dr_strerror(v[i].err.code));
            }
            if (v[i].status_rc == DR_OK) {
                push_status(L, &v[i].status);
                lua_setfield(L, -2, "replicas_status");
            } else {
                luabind_set_str(L, "replicas_status_error", v[i].status_err.msg);
            }
            lua_rawseti(L, -2, (lua_Integer)i + 1);
        }
    }
    for (size_t i = 0; i < n; i++)
        ch_catchup_free(&v[i]);
    free(v);
    return nret;
}

static int l_sync_replica(lua_State *L)
{
    lclient *lc = check_client(L, 1);
    lhost h;
    check_host_value(L, 2, 2, lc->port, &h);
    const char *table = luaL_checkstring(L, 3);
    luaL_argcheck(L, ch_check_table_name(table, NULL) == DR_OK, 3, "db.table expected");
    int timeout = check_timeout(L, 4, lc->timeout_ms);
    dr_err err = {0};
    if (ch_sync_replica(&lc->c, h.addr, h.port, table, timeout, &err) != DR_OK)
        return luabind_fail(L, &err);
    lua_pushboolean(L, 1);
    return 1;
}

/* c:sync_replicas({{host, "db.table"}, ...} [, timeout]) -> list of {ok=true} or
 * {ok=false, error=, code=}, in the order of the items: SYSTEM SYNC REPLICA
 * on every item at once, each bounded by timeout. */
static int l_sync_replicas(lua_State *L)
{
    lclient *lc = check_client(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    int timeout = check_timeout(L, 3, lc->timeout_ms);
    size_t n = (size_t)luaL_len(L, 2);
    luaL_argcheck(L, n > 0 && n <= 1000, 2, "1 to 1000 {host, table} items expected");
    /* every argument is checked before any C allocation */
    lhost *hosts = lua_newuserdatauv(L, n * sizeof *hosts, 0);
    int items = lua_gettop(L) + 1;
    lua_createtable(L, (int)n, 0); /* the table names, kept alive until the call ends */
    for (size_t i = 0; i < n; i++) {
        if (lua_rawgeti(L, 2, (lua_Integer)i + 1) != LUA_TTABLE)
            luaL_argerror(L, 2, "{host, \"db.table\"} items expected");
        lua_rawgeti(L, -1, 1);
        check_host_value(L, -1, 2, lc->port, &hosts[i]);
        lua_pop(L, 1);
        lua_rawgeti(L, -1, 2);
        const char *t = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
        if (!t || ch_check_table_name(t, NULL) != DR_OK)
            luaL_argerror(L, 2, "db.table expected as the second value of each item");
        lua_rawseti(L, items, (lua_Integer)i + 1);
        lua_pop(L, 1);
    }
    ch_sync_item *v = dr_calloc(n, sizeof *v);
    for (size_t i = 0; i < n; i++) {
        lua_rawgeti(L, items, (lua_Integer)i + 1);
        v[i].host = hosts[i].addr;
        v[i].port = hosts[i].port;
        v[i].table = lua_tostring(L, -1); /* anchored in the items table */
        lua_pop(L, 1);
    }
    dr_err err = {0};
    int rc = ch_sync_replicas(&lc->c, v, n, timeout, &err);
    int nret = 1;
    if (rc < 0) {
        nret = luabind_fail(L, &err);
    } else {
        lua_createtable(L, (int)n, 0);
        for (size_t i = 0; i < n; i++) {
            lua_createtable(L, 0, 3);
            luabind_set_bool(L, "ok", v[i].rc == DR_OK);
            if (v[i].rc != DR_OK) {
                luabind_set_str(L, "error", v[i].err.msg);
                luabind_set_str(L, "code", dr_strerror(v[i].err.code));
            }
            lua_rawseti(L, -2, (lua_Integer)i + 1);
        }
    }
    free(v);
    return nret;
}

static int l_processes(lua_State *L)
{
    lclient *lc = check_client(L, 1);
    lhost h;
    check_host_value(L, 2, 2, lc->port, &h);
    int timeout = check_timeout(L, 3, lc->timeout_ms);
    ch_processes p;
    dr_err err = {0};
    if (ch_processes_get(&lc->c, h.addr, h.port, timeout, &p, &err) != DR_OK)
        return luabind_fail(L, &err);
    lua_createtable(L, (int)p.n, 0);
    for (size_t i = 0; i < p.n; i++) {
        lua_createtable(L, 0, 4);
        luabind_set_str(L, "query_id", p.items[i].query_id);
        luabind_set_str(L, "user", p.items[i].user);
        lua_pushnumber(L, p.items[i].elapsed);
        lua_setfield(L, -2, "elapsed");
        luabind_set_str(L, "query", p.items[i].query);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    ch_processes_free(&p);
    return 1;
}

static int l_heartbeat_lag(lua_State *L)
{
    lclient *lc = check_client(L, 1);
    lhost h;
    check_host_value(L, 2, 2, lc->port, &h);
    const char *site = luaL_checkstring(L, 3);
    const char *table = luaL_optstring(L, 4, NULL);
    luaL_argcheck(L, !table || ch_check_table_name(table, NULL) == DR_OK, 4, "db.table expected");
    ch_lags lags;
    dr_err err = {0};
    if (ch_heartbeat_lag(&lc->c, h.addr, h.port, table, site, lc->timeout_ms, &lags, &err) != DR_OK)
        return luabind_fail(L, &err);
    lua_createtable(L, 0, (int)lags.n);
    for (size_t i = 0; i < lags.n; i++)
        luabind_set_int(L, lags.items[i].site, lags.items[i].lag_s);
    ch_lags_free(&lags);
    return 1;
}

static int l_heartbeat_write(lua_State *L)
{
    lclient *lc = check_client(L, 1);
    lhost h;
    check_host_value(L, 2, 2, lc->port, &h);
    const char *site = luaL_checkstring(L, 3);
    luaL_argcheck(L, *site, 3, "site name expected");
    const char *table = luaL_optstring(L, 4, NULL);
    luaL_argcheck(L, !table || ch_check_table_name(table, NULL) == DR_OK, 4, "db.table expected");
    char where[300], summary[600];
    snprintf(where, sizeof where, "%s:%d", h.addr, h.port);
    snprintf(summary, sizeof summary, "heartbeat: INSERT INTO %s (site_id = '%s', now())",
             table ? table : "default.heartbeat", site);
    dr_effect e = {.kind = DR_EFFECT_CH_WRITE, .module = "ch", .host = where, .summary = summary};
    dr_err err = {0};
    int d = dr_effect_gate(L, &e, &err);
    if (d < 0)
        return luabind_fail(L, &err);
    if (d == DR_EFFECT_SIMULATE) {
        lua_pushboolean(L, 1);
        return 1;
    }
    int rc = ch_heartbeat_write(&lc->c, h.addr, h.port, table, site, lc->timeout_ms, &err);
    dr_effect_done(L, &e, rc, rc == DR_OK ? "written" : err.msg);
    if (rc != DR_OK)
        return luabind_fail(L, &err);
    lua_pushboolean(L, 1);
    return 1;
}

static int l_execute(lua_State *L)
{
    lclient *lc = check_client(L, 1);
    lhost h;
    check_host_value(L, 2, 2, lc->port, &h);
    const char *sql = luaL_checkstring(L, 3);
    int timeout = check_timeout(L, 4, lc->timeout_ms);
    char where[300];
    snprintf(where, sizeof where, "%s:%d", h.addr, h.port);
    dr_effect e = {.kind = DR_EFFECT_CH_WRITE, .module = "ch", .host = where, .summary = sql};
    dr_err err = {0};
    int d = dr_effect_gate(L, &e, &err);
    if (d < 0)
        return luabind_fail(L, &err);
    if (d == DR_EFFECT_SIMULATE) {
        lua_createtable(L, 0, 3);
        luabind_set_int(L, "status", 200);
        luabind_set_str(L, "body", "");
        luabind_set_bool(L, "simulated", 1);
        return 1;
    }
    ch_request r;
    ch_req_exec(&r, h.addr, h.port, sql, timeout);
    int rc = ch_run_one(&lc->c, &r, &err);
    dr_effect_done(L, &e, rc, rc == DR_OK ? "done" : err.msg);
    int nret;
    if (rc != DR_OK) {
        nret = luabind_fail(L, &err);
    } else {
        lua_createtable(L, 0, 3);
        luabind_set_int(L, "status", r.http_status);
        lua_pushlstring(L, r.body.data ? r.body.data : "", r.body.len);
        lua_setfield(L, -2, "body");
        luabind_set_bool(L, "simulated", 0);
        nret = 1;
    }
    ch_request_free(&r);
    return nret;
}

/* ch.replicated_ddl(sql) -> {engine, zookeeper_path, replica} */
static int l_replicated_ddl(lua_State *L)
{
    const char *sql = luaL_checkstring(L, 1);
    ch_replicated_ddl d;
    dr_err err = {0};
    if (ch_parse_replicated_ddl("SHOW CREATE TABLE", sql, &d, &err) != DR_OK)
        return luabind_fail(L, &err);
    lua_createtable(L, 0, 3);
    luabind_set_str(L, "engine", d.engine);
    luabind_set_str(L, "zookeeper_path", d.zookeeper_path);
    luabind_set_str(L, "replica", d.replica);
    ch_replicated_ddl_free(&d);
    return 1;
}

/* ch.ddl_for_replica(sql, replica|nil, attach) -> statement */
static int l_ddl_for_replica(lua_State *L)
{
    const char *sql = luaL_checkstring(L, 1);
    const char *replica = luaL_optstring(L, 2, NULL);
    luaL_argcheck(L, !replica || *replica, 2, "replica name expected");
    int attach = lua_toboolean(L, 3);
    ch_replicated_ddl d;
    dr_err err = {0};
    if (ch_parse_replicated_ddl("SHOW CREATE TABLE", sql, &d, &err) != DR_OK)
        return luabind_fail(L, &err);
    dr_buf b = DR_BUF_INIT;
    ch_replicated_ddl_rewrite(sql, &d, replica, attach, &b);
    ch_replicated_ddl_free(&d);
    lua_pushlstring(L, b.data ? b.data : "", b.len);
    dr_buf_free(&b);
    return 1;
}

static const luaL_Reg ch_functions[] = {
    {"client", l_client},
    {"replicated_ddl", l_replicated_ddl},
    {"ddl_for_replica", l_ddl_for_replica},
    {NULL, NULL},
};

static const luaL_Reg client_methods[] = {
    {"query", l_query},
    {"replicas", l_replicas},
    {"replicas_status", l_replicas_status},
    {"catch_up", l_catch_up},
    {"sync_replica", l_sync_replica},
    {"sync_replicas", l_sync_replicas},
    {"processes", l_processes},
    {"heartbeat_lag", l_heartbeat_lag},
    {"heartbeat_write", l_heartbeat_write},
    {"execute", l_execute},
    {"tls", l_tls},
    {"close", l_close},
    {NULL, NULL},
};

static const luaL_Reg client_metamethods[] = {
    {"__gc", l_close}, {"__close", l_close}, {"__tostring", l_tostring},
    {"__index", NULL}, /* set to the method table below */
    {NULL, NULL},
};

int luaopen_dr_ch(lua_State *L)
{
    luaL_newlib(L, ch_functions);
    luabind_createmeta(L, CLIENT_MT, client_metamethods, client_methods);
    return 1;
}
