/* inventory_lua: the Lua binding of inventory, module "dr.inventory": the
 * resolved inventory as plain, fresh Lua tables (changing them changes
 * nothing but the copy).
 *
 *   inventory.load(path)               -> inv | nil, err, code, errors
 *   inventory.parse(text [, name])     -> inv | nil, err, code, errors   (no I/O)
 *       errors: every problem, {"file:line:col: message", ...}; err is the
 *       first with a count; code "invalid" (or "not found", "i/o error").
 *
 *   inv = { file, cluster, umbrella_cluster (or nil), keeper_kind,
 *           super_digest = {file= | env=} or nil,
 *           ssh = {user, port, identity, known_hosts, passphrase = {...} or nil,
 *                  connect_timeout},
 *           clickhouse_auth = {user, password = {file= | env=} or nil},
 *           sites = {[name] = site}, primary = site, standby = site,
 *           shards = {"0", ...}          (first-seen order),
 *           nodes = {[name] = node},      (keepers and clickhouse nodes)
 *           keeper_by_id = {[id] = keeper} }
 *   site   = { name, role ("primary" | "standby"), keepers = {keeper...},
 *              clickhouse = {node...} }                    (file order)
 *   keeper = { type = "keeper", site (name), id, name, host, role, client_port,
 *              quorum_port, election_port | raft_port, config, data_dir,
 *              data_log_dir | log_storage_path, snapshot_storage_path,
 *              start, stop, restart, status, ssh_user, ssh_port, where }
 *   node   = { type = "clickhouse", site, name, host, shard, shard_index (1-based),
 *              replica, http_port, tcp_port, interserver_port, config,
 *              zookeeper_xml, remote_servers_xml, macros_xml, start, stop,
 *              restart, status, ssh_user, ssh_port, where }
 *   where  = "file:line:col" of the node's entry, for messages.
 *
 * Secrets are never read: only their file or variable name is there.
 * Misuse (a non-string path) raises. */
#ifndef DR_INVENTORY_LUA_H
#define DR_INVENTORY_LUA_H

#include "inventory.h"

struct lua_State;

/* Opens the module: returns its table. */
int luaopen_dr_inventory(struct lua_State *L);

/* Pushes inv as the table inventory.load() returns, for an engine that has
 * loaded the inventory itself.  inv is only read; the table owns copies. */
void inventory_lua_push(struct lua_State *L, const inventory_t *inv);

#endif
