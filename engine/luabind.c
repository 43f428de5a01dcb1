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

#define SHARED_MIN 256  /* shorter strings are interned by Lua */
#define SHARED_RECENT 8 /* long strings compared byte for byte */
#define SHARED_KEPT "dr.shared_strings"
#define SHARED_RING "dr.shared_recent"

/* The registry table name, created when missing, pushed. */
static void registry_table(lua_State *L, const char *name)
{
    if (lua_getfield(L, LUA_REGISTRYINDEX, name) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_newtable(L);
        lua_pushvalue(L, -1);
        lua_setfield(L, LUA_REGISTRYINDEX, name);
    }
}

void luabind_push_shared(lua_State *L, const char *data, size_t len, int keep)
{
    if (len < SHARED_MIN) {
        lua_pushlstring(L, data, len);
        return;
    }
    /* the ring: slots 1..SHARED_RECENT, slot 0 the next one to replace */
    registry_table(L, SHARED_RING);
    int ring = lua_gettop(L);
    for (int i = 1; i <= SHARED_RECENT; i++) {
        size_t n;
        if (lua_rawgeti(L, ring, i) == LUA_TSTRING) {
            const char *s = lua_tolstring(L, -1, &n);
            if (n == len && (s == data || !memcmp(s, data, len))) {
                lua_replace(L, ring);
                return;
            }
        }
        lua_pop(L, 1);
    }
    lua_pushlstring(L, data, len);
    if (keep) {
        registry_table(L, SHARED_KEPT);
        lua_pushvalue(L, -2);
        if (lua_rawget(L, -2) == LUA_TSTRING) {
            lua_replace(L, -3); /* the kept one instead of the new copy */
        } else {
            lua_pop(L, 1);
            lua_pushvalue(L, -2);
            lua_pushvalue(L, -3);
            lua_rawset(L, -3);
        }
        lua_pop(L, 1);
    }
    lua_rawgeti(L, ring, 0);
    lua_Integer slot = lua_isinteger(L, -1) ? lua_tointeger(L, -1) : 1;
    lua_pop(L, 1);
    lua_pushvalue(L, -1);
    lua_rawseti(L, ring, slot);
    lua_pushinteger(L, slot % SHARED_RECENT + 1);
    lua_rawseti(L, ring, 0);
    lua_replace(L, ring);
}
