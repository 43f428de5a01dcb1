/* chconf_lua: the Lua binding of chconf (module "dr.chconf"): read and patch
 * ClickHouse config text from runbooks.  Pure functions on strings: nothing
 * is written anywhere, so no call goes through the effect gate (the caller
 * writes the result with the ssh binding, which does). */
#ifndef DR_CHCONF_LUA_H
#define DR_CHCONF_LUA_H

struct lua_State;

/* Returns the module table on the stack. */
int luaopen_dr_chconf(struct lua_State *L);

#endif
