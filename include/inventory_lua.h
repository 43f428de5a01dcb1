/* inventory_lua: the inventory as seen by runbooks (`require "dr.inventory"`):
 * plain Lua tables built from a loaded inventory_t. */
#ifndef DR_INVENTORY_LUA_H
#define DR_INVENTORY_LUA_H

#include "inventory.h"

struct lua_State;

/* Makes inv (owned by the caller, outliving the state) the inventory that
 * `require "dr.inventory"` returns and that C bindings find with
 * inventory_lua_get. */
void inventory_lua_set(struct lua_State *L, const inventory_t *inv);
const inventory_t *inventory_lua_get(struct lua_State *L);

int luaopen_dr_inventory(struct lua_State *L);

#endif
