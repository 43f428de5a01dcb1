/* luaser: Lua literal serialization for journal records. */
#include "luaser.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>

static void dump_string(dr_buf *out, const char *s, size_t n)
{
    dr_buf_putc(out, '"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"':
            dr_buf_puts(out, "\\\"");
            break;
        case '\\':
            dr_buf_puts(out, "\\\\");
            break;
        case '\n':
            dr_buf_puts(out, "\\n");
            break;
        case '\r':
            dr_buf_puts(out, "\\r");
            break;
        case '\t':
            dr_buf_puts(out, "\\t");
            break;
        default:
            if (c < 32 || c == 127)
                dr_buf_printf(out, "\\%03u", c);
            else
                dr_buf_putc(out, (char)c);
        }
    }
    dr_buf_putc(out, '"');
}

static int is_identifier(const char *s, size_t n)
{
    static const char *const reserved[] = {"and",   "break", "do",       "else", "elseif", "end",
                                           "false", "for",   "function", "goto", "if",     "in",
                                           "local", "nil",   "not",      "or",   "repeat", "return",
                                           "then",  "true",  "until",    "while"};
    if (n == 0 || (s[0] >= '0' && s[0] <= '9'))
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9')))
            return 0;
    }
    for (size_t i = 0; i < sizeof reserved / sizeof reserved[0]; i++)
        if (strlen(reserved[i]) == n && !memcmp(reserved[i], s, n))
            return 0;
    return 1;
}

static int dump(lua_State *L, int idx, dr_buf *out, int depth, dr_err *err)
{
    idx = lua_absindex(L, idx);
    switch (lua_type(L, idx)) {
    case LUA_TNIL:
        dr_buf_puts(out, "nil");
        return DR_OK;
    case LUA_TBOOLEAN:
        dr_buf_puts(out, lua_toboolean(L, idx) ? "true" : "false");
        return DR_OK;
    case LUA_TNUMBER:
        if (lua_isinteger(L, idx)) {
            lua_Integer v = lua_tointeger(L, idx);
            if (v == LUA_MININTEGER)
                dr_buf_puts(out, "math.mininteger");
            else
                dr_buf_printf(out, "%lld", (long long)v);
        } else {
            double d = lua_tonumber(L, idx);
            if (isnan(d))
                dr_buf_puts(out, "(0/0)");
            else if (isinf(d))
                dr_buf_puts(out, d > 0 ? "math.huge" : "-math.huge");
            else
                dr_buf_printf(out, "%a", d);
        }
        return DR_OK;
    case LUA_TSTRING: {
        size_t n;
        const char *s = lua_tolstring(L, idx, &n);
        dump_string(out, s, n);
        return DR_OK;
    }
    case LUA_TTABLE: {
        if (depth > 64)
            return dr_err_set(err, DR_EINVAL, "serialize: tables nested too deep (a cycle?)");
        if (!lua_checkstack(L, 4))
            return dr_err_set(err, DR_ENOMEM, "serialize: Lua stack exhausted");
        dr_buf_putc(out, '{');
        lua_Integer n = (lua_Integer)lua_rawlen(L, idx);
        int first = 1;
        for (lua_Integer i = 1; i <= n; i++) {
            if (!first)
                dr_buf_putc(out, ',');
            first = 0;
            lua_rawgeti(L, idx, i);
            int rc = dump(L, -1, out, depth + 1, err);
            lua_pop(L, 1);
            if (rc)
                return rc;
        }
        lua_pushnil(L);
        while (lua_next(L, idx)) {
            if (lua_isinteger(L, -2)) {
                lua_Integer k = lua_tointeger(L, -2);
                if (k >= 1 && k <= n) {
                    lua_pop(L, 1);
                    continue;
                }
            }
            if (!first)
                dr_buf_putc(out, ',');
            first = 0;
            size_t kn = 0;
            const char *k = lua_type(L, -2) == LUA_TSTRING ? lua_tolstring(L, -2, &kn) : NULL;
            if (k && is_identifier(k, kn)) {
                dr_buf_append(out, k, kn);
            } else {
                int kt = lua_type(L, -2);
                if (kt != LUA_TSTRING && kt != LUA_TNUMBER && kt != LUA_TBOOLEAN) {
                    lua_pop(L, 2);
                    return dr_err_set(err, DR_EINVAL, "serialize: a %s cannot be a journal key",
                                      lua_typename(L, kt));
                }
                dr_buf_putc(out, '[');
                int rc = dump(L, -2, out, depth + 1, err);
                if (rc) {
                    lua_pop(L, 2);
                    return rc;
                }
                dr_buf_putc(out, ']');
            }
            dr_buf_putc(out, '=');
            int rc = dump(L, -1, out, depth + 1, err);
            lua_pop(L, 1);
            if (rc) {
                lua_pop(L, 1);
                return rc;
            }
        }
        dr_buf_putc(out, '}');
        return DR_OK;
    }
    default:
        return dr_err_set(err, DR_EINVAL, "serialize: a %s cannot be journaled",
                          luaL_typename(L, idx));
    }
}

int luaser_dump(lua_State *L, int idx, dr_buf *out, dr_err *err)
{
    return dump(L, idx, out, 0, err);
}

static void budget_hook(lua_State *L, lua_Debug *ar)
{
    (void)ar;
    luaL_error(L, "journal record too complex");
}

int luaser_load(lua_State *L, const char *text, size_t len, const char *name, dr_err *err)
{
    dr_buf src = DR_BUF_INIT;
    dr_buf_puts(&src, "return ");
    dr_buf_append(&src, text, len);
    int top = lua_gettop(L);
    if (luaL_loadbufferx(L, src.data, src.len, name, "t") != LUA_OK) {
        dr_err_set(err, DR_EPARSE, "%s: %s", name, lua_tostring(L, -1));
        lua_settop(L, top);
        dr_buf_free(&src);
        return DR_EPARSE;
    }
    dr_buf_free(&src);
    /* The literal may only use math.huge / math.mininteger: give it nothing else. */
    lua_newtable(L);
    lua_newtable(L);
    lua_pushnumber(L, HUGE_VAL);
    lua_setfield(L, -2, "huge");
    lua_pushinteger(L, LUA_MININTEGER);
    lua_setfield(L, -2, "mininteger");
    lua_setfield(L, -2, "math");
    lua_setupvalue(L, -2, 1);
    lua_sethook(L, budget_hook, LUA_MASKCOUNT, 1000000);
    int rc = lua_pcall(L, 0, 1, 0);
    lua_sethook(L, NULL, 0, 0);
    if (rc != LUA_OK) {
        dr_err_set(err, DR_EPARSE, "%s: %s", name, lua_tostring(L, -1));
        lua_settop(L, top);
        return DR_EPARSE;
    }
    return DR_OK;
}

int luaser_equal(lua_State *L, int a, int b)
{
    a = lua_absindex(L, a);
    b = lua_absindex(L, b);
    if (lua_type(L, a) != lua_type(L, b))
        return 0;
    if (lua_type(L, a) != LUA_TTABLE)
        return lua_rawequal(L, a, b);
    if (!lua_checkstack(L, 4))
        return 0;
    /* every key of a is in b with an equal value, and b has no other key */
    lua_pushnil(L);
    while (lua_next(L, a)) {
        lua_pushvalue(L, -2);
        lua_rawget(L, b);
        int eq = luaser_equal(L, -1, -2);
        lua_pop(L, 2);
        if (!eq) {
            lua_pop(L, 1);
            return 0;
        }
    }
    lua_pushnil(L);
    while (lua_next(L, b)) {
        lua_pop(L, 1);
        lua_pushvalue(L, -1);
        lua_rawget(L, a);
        int missing = lua_isnil(L, -1);
        lua_pop(L, 1);
        if (missing) {
            lua_pop(L, 1);
            return 0;
        }
    }
    return 1;
}
