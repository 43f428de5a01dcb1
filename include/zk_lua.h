/* zk_lua: the Lua binding of zk, module "dr.zk".
 *
 *   local s = zk.connect(servers [, {timeout=s, session_timeout=s,
 *                                    secret_file=path, secret_env=NAME}])
 *   s:get(path)               -> data, stat          (read-only)
 *   s:exists(path)            -> bool, stat|nil      (read-only)
 *   s:children(path)          -> {names...}          (read-only)
 *   s:sync(path)              -> true                (read-only)
 *   s:config()                -> {version, members={...}, text}   (read-only)
 *   s:marker_read(path)       -> {run_id, time_ms, mzxid}         (read-only)
 *   s:lock_holder(path)       -> {host, pid, run_id, time_ms} | false when free
 *   s:set(path, data [, version=-1])          -> stat     gated ZK_WRITE
 *   s:create(path, data [, {ephemeral, sequential, container, parents}]) -> path  gated ZK_WRITE
 *   s:delete(path [, version=-1])             -> true     gated ZK_WRITE
 *   s:marker_write(path, run_id)              -> true     gated ZK_WRITE
 *   s:lock(path, run_id)      -> true | nil, "... held by run X ... since ...", "conflict", holder
 *                                                          gated ZK_WRITE
 *   s:unlock(path, run_id)    -> true                      gated ZK_WRITE
 *   s:reconfig{joining="server.5=...", leaving="5", from_version=n} -> config   gated ZK_RECONFIG
 *   s:close()
 *
 * set reads the current data first (it is the effect's `before`) and writes only
 * over that version, even with version -1: a change made in between is a
 * conflict, not silently overwritten.
 * stat = {version, cversion, czxid, mzxid, ephemeral_owner, data_length, num_children}.
 * A gated call asks dr_effect_gate first; in a rehearsal it returns what success
 * would: set -> the stat with version + 1, create -> the path, reconfig -> the
 * membership the change would give (simulated = true), lock -> true unless
 * somebody else holds it (that is read and reported in rehearsals too).
 * Expected failures are `nil, "what: why", code`; misuse raises. */
#ifndef DR_ZK_LUA_H
#define DR_ZK_LUA_H

struct lua_State;

/* Opens the module: returns its table (with the function `connect`). */
int luaopen_dr_zk(struct lua_State *L);

#endif
