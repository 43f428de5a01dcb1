/* diff_lua: Lua binding of diff ("dr.diff").  See include/diff_lua.h. */
#include "diff_lua.h"

#include <lauxlib.h>
#include <lua.h>
#include <string.h>

#include "diff.h"

static int l_unified(lua_State *L)
{
    const char *path = luaL_optstring(L, 1, NULL);
    size_t blen = 0, alen;
    int is_new = lua_isnoneornil(L, 2);
    const char *before = is_new ? "" : luaL_checklstring(L, 2, &blen);
    const char *after = luaL_checklstring(L, 3, &alen);
    if (path)
        luaL_argcheck(L, strlen(path) == lua_rawlen(L, 1), 1, "path without NUL bytes expected");
    diff_stats st = {0};
    dr_buf out = DR_BUF_INIT;
    diff_unified(path, before, blen, after, alen, &out, &st);
    if (is_new && out.len > 0) {
        /* "--- a/PATH\n" becomes "--- /dev/null\n": the file did not exist. */
        const char *nl = memchr(out.data, '\n', out.len);
        size_t skip = nl ? (size_t)(nl - out.data) + 1 : out.len;
        dr_buf fixed = DR_BUF_INIT;
        dr_buf_puts(&fixed, "--- /dev/null\n");
        dr_buf_append(&fixed, out.data + skip, out.len - skip);
        dr_buf_free(&out);
        out = fixed;
    }
    lua_pushlstring(L, out.data ? out.data : "", out.len);
    dr_buf_free(&out);
    lua_createtable(L, 0, 3);
    lua_pushinteger(L, (lua_Integer)st.added);
    lua_setfield(L, -2, "added");
    lua_pushinteger(L, (lua_Integer)st.removed);
    lua_setfield(L, -2, "removed");
    lua_pushinteger(L, (lua_Integer)st.hunks);
    lua_setfield(L, -2, "hunks");
    return 2;
}

static const luaL_Reg diff_functions[] = {
    {"unified", l_unified},
    {NULL, NULL},
};

int luaopen_dr_diff(lua_State *L)
{
    luaL_newlib(L, diff_functions);
    return 1;
}
