/* luabind: helpers shared by the Lua bindings; see include/luabind.h. */
#include "luabind.h"

#include <string.h>

int luabind_fail(lua_State *L, const dr_err *err)
{
    lua_pushnil(L);
    lua_pushstring(L, err->msg);
    lua_pushstring(L, dr_strerror(err->code));
    return 3;
}

void luabind_set_int(lua_State *L, const char *k, lua_Integer v)
{
    lua_pushinteger(L, v);
    lua_setfield(L, -2, k);
}

void luabind_set_str(lua_State *L, const char *k, const char *v)
{
    if (!v)
        return;
    lua_pushstring(L, v);
    lua_setfield(L, -2, k);
}

void luabind_set_bool(lua_State *L, const char *k, int v)
{
    lua_pushboolean(L, v);
    lua_setfield(L, -2, k);
}

const char *luabind_unknown_key(lua_State *L, int idx, const char *const *keys)
{
    idx = lua_absindex(L, idx);
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        int known = 0;
        if (lua_type(L, -1) == LUA_TSTRING)
            for (int k = 0; keys[k] && !known; k++)
                known = !strcmp(lua_tostring(L, -1), keys[k]);
        if (!known)
            return luaL_tolstring(L, -1, NULL);
    }
    return NULL;
}

int luabind_opt_timeout_ms(lua_State *L, int idx, int def_ms, int max_s)
{
    if (lua_isnoneornil(L, idx))
        return def_ms;
    lua_Number s = luaL_checknumber(L, idx);
    if (!(s > 0 && s <= max_s))
        luaL_argerror(L, idx, lua_pushfstring(L, "timeout in seconds (0-%d] expected", max_s));
    int ms = (int)(s * 1000.0);
    return ms > 0 ? ms : 1;
}

void luabind_createmeta(lua_State *L, const char *tname, const luaL_Reg *metamethods,
                        const luaL_Reg *methods)
{
    luaL_newmetatable(L, tname);
    luaL_setfuncs(L, metamethods, 0);
    lua_newtable(L);
    luaL_setfuncs(L, methods, 0);
    lua_setfield(L, -2, "__index");
    lua_pop(L, 1);
}

const char *luabind_opt_field_str(lua_State *L, int idx, const char *k)
{
    lua_getfield(L, idx, k);
    const char *s = NULL;
    if (!lua_isnil(L, -1)) {
        if (lua_type(L, -1) != LUA_TSTRING)
            luaL_error(L, "bad field '%s' (string expected, got %s)", k, luaL_typename(L, -1));
        s = lua_tostring(L, -1);
    }
    lua_pop(L, 1);
    return s;
}
