/* ssh_lua: the Lua binding of ssh, module "dr.ssh".
 *
 *   local pool = ssh.pool{known_hosts=..., identity=..., user=..., port=...,
 *                         agent=bool, passphrase_file=..., passphrase_env=...,
 *                         tofu=bool, connect_timeout=s, exec_timeout=s, parallel=n,
 *                         files_over_exec=bool}
 *   pool:exec(host, cmd [, {timeout=s}])       gated (effect EXEC)
 *   pool:probe(host, cmd [, {timeout=s}])      NOT gated: read-only commands only
 *   pool:exec_many(hosts, cmd [, {timeout=s}]) gated per host, run in parallel
 *   pool:read_file(host, path)                 not gated (reads change nothing)
 *   pool:write_file(host, path, content [, {mode=n, expect_sha256=hex}])  gated (WRITE_FILE)
 *   pool:close()
 *
 * Every mutating call goes through dr_effect_gate; in a rehearsal it returns
 * what success would (exit 0 and empty output; for a write, the previous
 * content and its hash) without touching the host. */
#ifndef DR_SSH_LUA_H
#define DR_SSH_LUA_H

struct lua_State;

/* Opens the module: returns its table (with the function `pool`). */
int luaopen_dr_ssh(struct lua_State *L);

#endif
