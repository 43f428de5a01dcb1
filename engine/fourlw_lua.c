/* fourlw_lua: Lua binding of fourlw ("dr.fourlw"): four-letter words as
 * plain tables.  See include/fourlw_lua.h for the functions. */
#include "fourlw_lua.h"

#include <lauxlib.h>
#include <lua.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "effect.h"
#include "luabind.h"
#include "fourlw.h"

#define DEFAULT_PORT 2181
#define DEFAULT_TIMEOUT_MS 3000

static int check_port(lua_State *L, int idx)
{
    lua_Integer p = luaL_optinteger(L, idx, DEFAULT_PORT);
    luaL_argcheck(L, p >= 1 && p <= 65535, idx, "port between 1 and 65535 expected");
    return (int)p;
}

static int check_timeout(lua_State *L, int idx)
{
    return luabind_opt_timeout_ms(L, idx, DEFAULT_TIMEOUT_MS, 3600);
}

static void push_srvr(lua_State *L, const fourlw_srvr *s)
{
    lua_createtable(L, 0, 14);
    luabind_set_bool(L, "serving", s->serving);
    luabind_set_str(L, "mode", fourlw_mode_name(s->mode));
    if (!s->serving)
        return;
    luabind_set_str(L, "flavor", fourlw_flavor_name(s->flavor));
    if (s->version)
        luabind_set_str(L, "version", s->version);
    if (s->has_zxid) {
        luabind_set_int(L, "zxid", (int64_t)s->zxid.value);
        luabind_set_int(L, "epoch", s->zxid.epoch);
        luabind_set_int(L, "counter", s->zxid.counter);
    }
    if (s->node_count >= 0)
        luabind_set_int(L, "node_count", s->node_count);
    lua_createtable(L, 0, 3);
    lua_pushnumber(L, s->latency_min);
    lua_setfield(L, -2, "min");
    lua_pushnumber(L, s->latency_avg);
    lua_setfield(L, -2, "avg");
    lua_pushnumber(L, s->latency_max);
    lua_setfield(L, -2, "max");
    lua_setfield(L, -2, "latency");
    if (s->received >= 0)
        luabind_set_int(L, "received", s->received);
    if (s->sent >= 0)
        luabind_set_int(L, "sent", s->sent);
    if (s->connections >= 0)
        luabind_set_int(L, "connections", s->connections);
    if (s->outstanding >= 0)
        luabind_set_int(L, "outstanding", s->outstanding);
}

/* kv values: numbers where the text is a number, strings otherwise. */
static void push_kv(lua_State *L, const fourlw_kvlist *kv, int numbers)
{
    lua_createtable(L, 0, (int)kv->n);
    for (size_t i = 0; i < kv->n; i++) {
        if (!numbers || lua_stringtonumber(L, kv->items[i].value) == 0)
            lua_pushstring(L, kv->items[i].value);
        lua_setfield(L, -2, kv->items[i].key);
    }
}

static void push_mntr(lua_State *L, const fourlw_mntr *m)
{
    lua_createtable(L, 0, 8);
    luabind_set_bool(L, "serving", m->serving);
    luabind_set_str(L, "mode", fourlw_mode_name(m->mode));
    if (!m->serving)
        return;
    luabind_set_str(L, "flavor", fourlw_flavor_name(m->flavor));
    push_kv(L, &m->kv, 1);
    lua_setfield(L, -2, "values");
    int64_t v;
    if (fourlw_mntr_learners(m, &v) == DR_OK)
        luabind_set_int(L, "learners", v);
    if (fourlw_mntr_get_int(m, "zk_synced_followers", &v) == DR_OK)
        luabind_set_int(L, "synced_followers", v);
    if (fourlw_mntr_get_int(m, "zk_synced_observers", &v) == DR_OK)
        luabind_set_int(L, "synced_observers", v);
}

static void push_member(lua_State *L, const fourlw_member *m)
{
    lua_createtable(L, 0, 7);
    luabind_set_int(L, "id", m->id);
    luabind_set_str(L, "host", m->host);
    luabind_set_int(L, "quorum_port", m->quorum_port);
    luabind_set_int(L, "election_port", m->election_port);
    luabind_set_str(L, "role", fourlw_role_name(m->role));
    if (m->client_host)
        luabind_set_str(L, "client_host", m->client_host);
    if (m->client_port)
        luabind_set_int(L, "client_port", m->client_port);
}

static void push_conf(lua_State *L, const fourlw_conf *c)
{
    lua_createtable(L, 0, 7);
    luabind_set_bool(L, "serving", c->serving);
    if (!c->serving)
        return;
    luabind_set_str(L, "flavor", fourlw_flavor_name(c->flavor));
    if (c->server_id >= 0)
        luabind_set_int(L, "server_id", c->server_id);
    push_kv(L, &c->kv, 0);
    lua_setfield(L, -2, "values");
    lua_createtable(L, (int)c->membership.n, 0);
    for (size_t i = 0; i < c->membership.n; i++) {
        push_member(L, &c->membership.members[i]);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -2, "members");
    if (c->membership.has_version)
        luabind_set_int(L, "version", (int64_t)c->membership.version);
}

static void push_lgif(lua_State *L, const fourlw_lgif *l)
{
    push_kv(L, &l->kv, 1);
}

static const char *isro_name(fourlw_isro r)
{
    return r == FOURLW_ISRO_RO ? "ro" : r == FOURLW_ISRO_RW ? "rw" : "not-serving";
}

/* Parses text as the answer to word and pushes the result (1 value) or
 * fills err (returns <0).  Unknown words are a usage error (-100). */
static int parse_push(lua_State *L, const char *origin, const char *word, const char *text,
                      size_t len, dr_err *err)
{
    int rc;
    if (!strcmp(word, "srvr") || !strcmp(word, "stat")) {
        fourlw_srvr s;
        rc = fourlw_parse_srvr(origin, text, len, &s, err);
        if (!rc)
            push_srvr(L, &s);
        fourlw_srvr_free(&s);
    } else if (!strcmp(word, "mntr")) {
        fourlw_mntr m;
        rc = fourlw_parse_mntr(origin, text, len, &m, err);
        if (!rc)
            push_mntr(L, &m);
        fourlw_mntr_free(&m);
    } else if (!strcmp(word, "conf")) {
        fourlw_conf c;
        rc = fourlw_parse_conf(origin, text, len, &c, err);
        if (!rc)
            push_conf(L, &c);
        fourlw_conf_free(&c);
    } else if (!strcmp(word, "lgif")) {
        fourlw_lgif l;
        rc = fourlw_parse_lgif(origin, text, len, &l, err);
        if (!rc)
            push_lgif(L, &l);
        fourlw_lgif_free(&l);
    } else if (!strcmp(word, "isro")) {
        fourlw_isro r;
        rc = fourlw_parse_isro(origin, text, len, &r, err);
        if (!rc)
            lua_pushstring(L, isro_name(r));
    } else if (!strcmp(word, "ruok")) {
        rc = fourlw_parse_ruok(origin, text, len, err);
        if (!rc)
            lua_pushboolean(L, 1);
    } else {
        return -100;
    }
    return rc;
}

static const char *const READ_WORDS[] = {"srvr", "stat", "mntr", "conf",
                                         "ruok", "isro", "lgif", NULL};

static int ask(lua_State *L, const char *word)
{
    const char *host = luaL_checkstring(L, 1);
    int port = check_port(L, 2);
    int timeout = check_timeout(L, 3);
    dr_buf ans = DR_BUF_INIT;
    dr_err err = {0};
    int rc = fourlw_query(host, port, word, timeout, &ans, &err);
    if (rc == DR_OK) {
        char origin[300];
        snprintf(origin, sizeof origin, "%s:%d %s", host, port, word);
        rc = parse_push(L, origin, word, ans.data ? ans.data : "", ans.len, &err);
    }
    dr_buf_free(&ans);
    return rc ? luabind_fail(L, &err) : 1;
}

static int l_srvr(lua_State *L)
{
    return ask(L, "srvr");
}
static int l_stat(lua_State *L)
{
    return ask(L, "stat");
}
static int l_mntr(lua_State *L)
{
    return ask(L, "mntr");
}
static int l_conf(lua_State *L)
{
    return ask(L, "conf");
}
static int l_ruok(lua_State *L)
{
    return ask(L, "ruok");
}
static int l_isro(lua_State *L)
{
    return ask(L, "isro");
}
static int l_lgif(lua_State *L)
{
    return ask(L, "lgif");
}

static int l_parse(lua_State *L)
{
    const char *word = luaL_checkstring(L, 1);
    size_t len;
    const char *text = luaL_checklstring(L, 2, &len);
    luaL_checkoption(L, 1, NULL, READ_WORDS);
    dr_err err = {0};
    int rc = parse_push(L, word, word, text, len, &err);
    return rc ? luabind_fail(L, &err) : 1;
}

/* Keeper's rcvr changes the server: gated. */
static int l_rcvr(lua_State *L)
{
    const char *host = luaL_checkstring(L, 1);
    int port = check_port(L, 2);
    int timeout = check_timeout(L, 3);
    char where[300];
    snprintf(where, sizeof where, "%s:%d", host, port);
    dr_effect e = {.kind = DR_EFFECT_ZK_RECONFIG,
                   .module = "fourlw",
                   .host = where,
                   .summary = "rcvr: force ClickHouse Keeper into recovery mode"};
    dr_err err = {0};
    int d = dr_effect_gate(L, &e, &err);
    if (d < 0)
        return luabind_fail(L, &err);
    if (d == DR_EFFECT_SIMULATE) {
        lua_pushboolean(L, 1);
        return 1;
    }
    int rc = fourlw_send_rcvr(host, port, timeout, &err);
    dr_effect_done(L, &e, rc, rc ? err.msg : "ok");
    if (rc)
        return luabind_fail(L, &err);
    lua_pushboolean(L, 1);
    return 1;
}

/* Splits "host:port" or "[v6]:port" (port optional) into a copy of the
 * host (freed by the caller) and the port; NULL when malformed. */
static char *split_target(const char *t, int *port)
{
    *port = DEFAULT_PORT;
    const char *colon;
    const char *h = t;
    size_t hl;
    if (t[0] == '[') {
        const char *close = strchr(t, ']');
        if (!close)
            return NULL;
        h = t + 1;
        hl = (size_t)(close - h);
        colon = close[1] == ':' ? close + 1 : NULL;
        if (!colon && close[1])
            return NULL;
    } else {
        colon = strrchr(t, ':');
        if (colon && strchr(t, ':') != colon)
            colon = NULL; /* a bare IPv6 address */
        hl = colon ? (size_t)(colon - t) : strlen(t);
    }
    if (colon) {
        char *end;
        long p = strtol(colon + 1, &end, 10);
        if (*end || end == colon + 1 || p < 1 || p > 65535)
            return NULL;
        *port = (int)p;
    }
    if (hl == 0)
        return NULL;
    return dr_strndup(h, hl);
}

static int l_probe(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    const char *word = READ_WORDS[luaL_checkoption(L, 2, NULL, READ_WORDS)];
    int timeout = check_timeout(L, 3);
    lua_Integer n = luaL_len(L, 1);
    luaL_argcheck(L, n >= 0 && n <= 4096, 1, "at most 4096 targets");
    /* read and check every target before allocating anything */
    for (lua_Integer i = 1; i <= n; i++) {
        int t = lua_geti(L, 1, i);
        if (t == LUA_TTABLE) {
            lua_getfield(L, -1, "host");
            if (lua_type(L, -1) != LUA_TSTRING)
                return luaL_error(L, "bad target #%d (field 'host' must be a string)", (int)i);
            lua_pop(L, 1);
        } else if (t != LUA_TSTRING) {
            return luaL_error(L, "bad target #%d (\"host:port\" or {host=, port=} expected)",
                              (int)i);
        }
        lua_pop(L, 1);
    }
    fourlw_probe *p = dr_calloc((size_t)(n > 0 ? n : 1), sizeof *p);
    char **hosts = dr_calloc((size_t)(n > 0 ? n : 1), sizeof *hosts);
    int bad = 0;
    for (lua_Integer i = 1; i <= n && !bad; i++) {
        int t = lua_geti(L, 1, i);
        int port = DEFAULT_PORT;
        if (t == LUA_TTABLE) {
            lua_getfield(L, -1, "host");
            hosts[i - 1] = dr_strdup(lua_tostring(L, -1));
            lua_pop(L, 1);
            lua_getfield(L, -1, "port");
            if (!lua_isnil(L, -1)) {
                lua_Integer pv = lua_isinteger(L, -1) ? lua_tointeger(L, -1) : 0;
                if (pv < 1 || pv > 65535)
                    bad = (int)i;
                port = (int)pv;
            }
            lua_pop(L, 1);
        } else {
            hosts[i - 1] = split_target(lua_tostring(L, -1), &port);
            if (!hosts[i - 1])
                bad = (int)i;
        }
        lua_pop(L, 1);
        p[i - 1].host = hosts[i - 1];
        p[i - 1].port = port;
    }
    if (!bad)
        fourlw_query_many(p, (size_t)n, word, timeout);
    if (!bad) {
        lua_createtable(L, (int)n, 0);
        for (lua_Integer i = 0; i < n; i++) {
            lua_createtable(L, 0, 8);
            luabind_set_str(L, "host", p[i].host);
            luabind_set_int(L, "port", p[i].port);
            lua_pushnumber(L, (lua_Number)p[i].elapsed_ms / 1000.0);
            lua_setfield(L, -2, "elapsed");
            dr_err err = p[i].err;
            int rc = p[i].rc;
            if (rc == DR_OK) {
                lua_pushlstring(L, p[i].answer.data ? p[i].answer.data : "", p[i].answer.len);
                lua_setfield(L, -2, "answer");
                char origin[300];
                snprintf(origin, sizeof origin, "%s:%d %s", p[i].host, p[i].port, word);
                rc = parse_push(L, origin, word, p[i].answer.data ? p[i].answer.data : "",
                                p[i].answer.len, &err);
                if (rc == DR_OK)
                    lua_setfield(L, -2, "result");
            }
            luabind_set_bool(L, "ok", rc == DR_OK);
            if (rc != DR_OK) {
                luabind_set_str(L, "error", err.msg);
                luabind_set_str(L, "code", dr_strerror(err.code));
            }
            lua_rawseti(L, -2, i + 1);
        }
    }
    for (lua_Integer i = 0; i < n; i++) {
        fourlw_probe_free(&p[i]);
        free(hosts[i]);
    }
    free(p);
    free(hosts);
    if (bad)
        return luaL_error(L, "bad target #%d (\"host:port\" with a port 1-65535 expected)", bad);
    return 1;
}

static const luaL_Reg fourlw_functions[] = {
    {"srvr", l_srvr},   {"stat", l_stat},   {"mntr", l_mntr}, {"conf", l_conf},
    {"ruok", l_ruok},   {"isro", l_isro},   {"lgif", l_lgif}, {"rcvr", l_rcvr},
    {"probe", l_probe}, {"parse", l_parse}, {NULL, NULL},
};

int luaopen_dr_fourlw(lua_State *L)
{
    luaL_newlib(L, fourlw_functions);
    return 1;
}
