/* diff_lua: the Lua binding of diff, module "dr.diff": what a step would
 * change in a file, as a unified diff a person reads in a plan or a report.
 *
 *   diff.unified(path, before, after) -> text, {added =, removed =, hunks =}
 *       before: the current content, or nil when the file does not exist yet
 *       (then the old side is labelled /dev/null, as git does for new files);
 *       after: the new content.  text is "" when the two are equal.  Labels
 *       are a/<path> and b/<path>; path may be nil ("a" and "b").
 *
 * Pure: nothing is read or written.  Texts may hold any bytes.  Misuse
 * (a non-string argument) raises. */
#ifndef DR_DIFF_LUA_H
#define DR_DIFF_LUA_H

struct lua_State;

/* Opens the module: returns its table. */
int luaopen_dr_diff(struct lua_State *L);

#endif
