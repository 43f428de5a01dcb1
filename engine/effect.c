/* effect: the run-mode gate between mutating bindings and the engine. */
#include "effect.h"

#include <lauxlib.h>
#include <lua.h>

static const char HOOKS_KEY[] = "dr.effect.hooks";

void dr_effect_install(lua_State *L, const dr_effect_hooks *hooks)
{
    if (hooks)
        lua_pushlightuserdata(L, (void *)hooks);
    else
        lua_pushnil(L);
    lua_setfield(L, LUA_REGISTRYINDEX, HOOKS_KEY);
}

static const dr_effect_hooks *hooks_of(lua_State *L)
{
    if (!L)
        return NULL;
    lua_getfield(L, LUA_REGISTRYINDEX, HOOKS_KEY);
    const dr_effect_hooks *h = lua_touserdata(L, -1);
    lua_pop(L, 1);
    return h;
}

int dr_effect_gate(lua_State *L, const dr_effect *e, dr_err *err)
{
    const dr_effect_hooks *h = hooks_of(L);
    if (!h || !h->gate)
        return DR_EFFECT_PERFORM;
    return h->gate(h->ud, L, e, err);
}

void dr_effect_done(lua_State *L, const dr_effect *e, int rc, const char *detail)
{
    const dr_effect_hooks *h = hooks_of(L);
    if (h && h->done)
        h->done(h->ud, L, e, rc, detail);
}

int dr_effect_written(lua_State *L, const char *host, const char *path, const char **data,
                      size_t *len)
{
    if (!L)
        return 0;
    int found = 0;
    if (lua_getfield(L, LUA_REGISTRYINDEX, "dr.written") == LUA_TTABLE) {
        lua_pushfstring(L, "%s\n%s", host ? host : "", path ? path : "");
        if (lua_rawget(L, -2) == LUA_TSTRING) {
            *data = lua_tolstring(L, -1, len);
            found = 1;
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return found;
}
