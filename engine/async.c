/* async: requests that step group members yield to the scheduler. */
#include "async.h"

#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>

static const char MEMBERS_KEY[] = "dr.async.members";

int dr_async_member(lua_State *L)
{
    if (!lua_isyieldable(L))
        return 0;
    if (lua_getfield(L, LUA_REGISTRYINDEX, MEMBERS_KEY) != LUA_TTABLE) {
        lua_pop(L, 1);
        return 0;
    }
    lua_pushthread(L);
    int on = lua_rawget(L, -2) == LUA_TBOOLEAN;
    lua_pop(L, 2);
    return on;
}

void dr_async_set_member(lua_State *L, lua_State *T, int on)
{
    if (lua_getfield(L, LUA_REGISTRYINDEX, MEMBERS_KEY) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_newtable(L);
        lua_createtable(L, 0, 1);
        lua_pushliteral(L, "k");
        lua_setfield(L, -2, "__mode"); /* a dead thread leaves the set */
        lua_setmetatable(L, -2);
        lua_pushvalue(L, -1);
        lua_setfield(L, LUA_REGISTRYINDEX, MEMBERS_KEY);
    }
    lua_pushthread(T);
    lua_xmove(T, L, 1);
    if (on)
        lua_pushboolean(L, 1);
    else
        lua_pushnil(L);
    lua_rawset(L, -3);
    lua_pop(L, 1);
}

static int req_gc(lua_State *L)
{
    dr_async_req *r = luaL_checkudata(L, 1, DR_ASYNC_MT);
    free(r->host);
    free(r->cmd);
    ssh_result_free(&r->res);
    r->host = r->cmd = NULL;
    return 0;
}

dr_async_req *dr_async_push(lua_State *L, dr_async_kind kind)
{
    dr_async_req *r = lua_newuserdatauv(L, sizeof *r, 0);
    memset(r, 0, sizeof *r);
    r->kind = kind;
    if (luaL_newmetatable(L, DR_ASYNC_MT)) {
        lua_pushcfunction(L, req_gc);
        lua_setfield(L, -2, "__gc");
    }
    lua_setmetatable(L, -2);
    return r;
}

dr_async_req *dr_async_check(lua_State *L, int idx)
{
    return luaL_testudata(L, idx, DR_ASYNC_MT);
}
