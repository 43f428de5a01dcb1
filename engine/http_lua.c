/* http_lua: the "dr.http" module.  See include/http_lua.h. */
#include "http_lua.h"

#include <lauxlib.h>
#include <lua.h>
#include <stdlib.h>
#include <string.h>

#include "effect.h"
#include "http.h"
#include "luabind.h"

/* Appends the lines of text (one header each, blank lines skipped) to hdrs. */
static void add_header_lines(dr_buf *store, const char *text)
{
    for (const char *p = text; *p;) {
        size_t n = strcspn(p, "\r\n");
        if (n)
            dr_buf_append(store, p, n), dr_buf_putc(store, '\0');
        p += n;
        while (*p == '\r' || *p == '\n')
            p++;
    }
}

static int l_request(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    http_request rq = {0};
    rq.url = luabind_opt_field_str(L, 1, "url");
    if (!rq.url)
        return luaL_argerror(L, 1, "field 'url' (string) expected");
    rq.method = luabind_opt_field_str(L, 1, "method");
    size_t blen = 0;
    lua_getfield(L, 1, "body");
    if (!lua_isnil(L, -1)) {
        if (lua_type(L, -1) != LUA_TSTRING)
            return luaL_error(L, "bad field 'body' (string expected, got %s)",
                              luaL_typename(L, -1));
        rq.body = lua_tolstring(L, -1, &blen);
        rq.body_len = blen;
    }
    lua_pop(L, 1);
    rq.ca_file = luabind_opt_field_str(L, 1, "ca_file");
    const char *header_file = luabind_opt_field_str(L, 1, "header_file");
    lua_getfield(L, 1, "timeout");
    lua_Number t = luaL_optnumber(L, -1, 10);
    lua_pop(L, 1);
    lua_getfield(L, 1, "retries");
    lua_Integer retries = luaL_optinteger(L, -1, 0);
    lua_pop(L, 1);
    luaL_argcheck(L, t > 0 && t <= 3600, 1, "timeout in seconds (0..3600] expected");
    luaL_argcheck(L, retries >= 0 && retries <= 20, 1, "retries between 0 and 20 expected");
    rq.timeout_ms = (int)(t * 1000);
    rq.retries = (int)retries;

    /* header lines: the table's, then the file's; "a\0b\0" in store */
    dr_buf store = DR_BUF_INIT;
    lua_getfield(L, 1, "headers");
    if (!lua_isnil(L, -1)) {
        luaL_checktype(L, -1, LUA_TTABLE);
        lua_Integer n = luaL_len(L, -1);
        for (lua_Integer i = 1; i <= n; i++) {
            lua_rawgeti(L, -1, i);
            const char *h = lua_tostring(L, -1);
            if (!h) {
                dr_buf_free(&store);
                return luaL_error(L, "bad field 'headers' (list of \"Name: value\" strings)");
            }
            add_header_lines(&store, h);
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1);
    dr_err err = {0};
    int rc = http_check_url(rq.url, &err);
    char *secret = NULL;
    if (rc == DR_OK && header_file) {
        rc = dr_secret_load(header_file, NULL, &secret, &err);
        if (rc == DR_OK)
            add_header_lines(&store, secret);
        else
            dr_err_wrap(&err, "http header_file");
    }
    if (rc != DR_OK) {
        dr_buf_free(&store);
        dr_secret_free(secret);
        return luabind_fail(L, &err);
    }
    size_t nh = 0;
    for (size_t i = 0; i < store.len; i++)
        nh += store.data[i] == '\0';
    const char **hdrs = dr_calloc(nh + 1, sizeof *hdrs);
    for (size_t i = 0, k = 0; i < store.len; i += strlen(store.data + i) + 1)
        hdrs[k++] = store.data + i;
    rq.headers = hdrs;

    const char *method = rq.method ? rq.method : rq.body ? "POST" : "GET";
    dr_buf summary = DR_BUF_INIT;
    dr_buf_printf(&summary, "%s %s", method, rq.url);
    if (rq.body)
        dr_buf_printf(&summary, " body %.*s%s", (int)(blen > 200 ? 200 : blen), rq.body,
                      blen > 200 ? "..." : "");
    char host[256];
    const char *h0 = strstr(rq.url, "//") + 2;
    size_t hl = strcspn(h0, "/?#");
    snprintf(host, sizeof host, "%.*s", (int)(hl < 255 ? hl : 255), h0);
    dr_effect e = {.kind = DR_EFFECT_HTTP, .module = "http", .host = host, .summary = summary.data};
    int d = dr_effect_gate(L, &e, &err);
    http_response res = {0};
    if (d == DR_EFFECT_PERFORM) {
        rc = http_send(&rq, &res, &err);
        char detail[64];
        snprintf(detail, sizeof detail, "HTTP %ld", res.status);
        dr_effect_done(L, &e, rc, rc == DR_OK ? detail : err.msg);
    }
    if (store.data)
        memset(store.data, 0, store.cap); /* header values may be secrets */
    dr_buf_free(&store);
    dr_secret_free(secret);
    free(hdrs);
    dr_buf_free(&summary);
    if (d < 0 || (d == DR_EFFECT_PERFORM && rc != DR_OK)) {
        http_response_free(&res);
        return luabind_fail(L, &err);
    }
    lua_createtable(L, 0, 5);
    luabind_set_int(L, "status", res.status);
    lua_pushlstring(L, res.body.data ? res.body.data : "", res.body.len);
    lua_setfield(L, -2, "body");
    luabind_set_int(L, "attempts", res.attempts);
    lua_pushnumber(L, (lua_Number)res.elapsed_ms / 1000.0);
    lua_setfield(L, -2, "elapsed");
    luabind_set_bool(L, "simulated", d == DR_EFFECT_SIMULATE);
    http_response_free(&res);
    return 1;
}

static const luaL_Reg http_functions[] = {
    {"request", l_request},
    {NULL, NULL},
};

int luaopen_dr_http(lua_State *L)
{
    luaL_newlib(L, http_functions);
    return 1;
}
