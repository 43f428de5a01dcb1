/* luabind: the small pieces every Lua binding of drctl writes the same way,
 * kept in one place so that the bindings agree on them: the expected-failure
 * return (nil, "what: why", code name), fields of a result table, option
 * tables with no unknown keys, timeout arguments, and the metatable of a userdata type (methods
 * under __index). */
#ifndef DR_LUABIND_H
#define DR_LUABIND_H

#include <lauxlib.h>
#include <lua.h>

#include "util.h"

/* Pushes nil, err->msg and dr_strerror(err->code); returns 3, so that a
 * binding can write `return luabind_fail(L, &err);`. */
int luabind_fail(lua_State *L, const dr_err *err);

/* t[k] = v for the table on top of the stack.  luabind_set_str with v NULL
 * sets nothing (the field stays nil). */
void luabind_set_int(lua_State *L, const char *k, lua_Integer v);
void luabind_set_str(lua_State *L, const char *k, const char *v);
void luabind_set_bool(lua_State *L, const char *k, int v);

/* NULL when every key of the table at idx is a string listed in keys
 * (NULL-terminated); else the first other key as text (luaL_tolstring; the
 * key and its text are left on the stack) for the caller's "unknown field"
 * error. */
const char *luabind_unknown_key(lua_State *L, int idx, const char *const *keys);

/* The optional timeout argument at idx, in seconds within (0, max_s], as
 * milliseconds (at least 1); def_ms when it is nil or absent.  Raises
 * "timeout in seconds (0-MAX] expected" otherwise. */
/* The string field k of the table at idx, or NULL when absent or nil;
 * raises "bad field 'k' (string expected, got T)" for another type.  The
 * string stays alive as long as the table does. */
const char *luabind_opt_field_str(lua_State *L, int idx, const char *k);

int luabind_opt_timeout_ms(lua_State *L, int idx, int def_ms, int max_s);

/* Creates the metatable tname (luaL_newmetatable) with metamethods, and a
 * table of methods as its __index; leaves the stack as it found it.
 * metamethods may list {"__index", NULL} as a placeholder. */
void luabind_createmeta(lua_State *L, const char *tname, const luaL_Reg *metamethods,
                        const luaL_Reg *methods);

/* Pushes a string with the len bytes at data, the same string object as an
 * equal one pushed a short while ago when there is one: a fleet's hundreds
 * of equal files become one object, which later table lookups by content
 * (diff caches, memos) find by identity instead of hashing its bytes again.
 * Short strings (Lua interns them) are pushed as they are.  The last few
 * long strings are compared byte for byte (cheap next to Lua's hash of a
 * long string); with keep, every long string is also kept in a table by
 * content for the state's life, so that any later equal one is found. */
void luabind_push_shared(lua_State *L, const char *data, size_t len, int keep);

#endif
