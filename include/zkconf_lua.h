/* zkconf_lua: the Lua binding of zkconf, module "dr.zkconf": zoo.cfg and
 * ZooKeeper's dynamic file as objects, and ensemble memberships as plain Lua
 * tables, so a runbook can compute and show the target membership of each
 * procedure before it touches a node.  Pure: nothing here reads or writes a
 * host (the runbook moves the text with dr.ssh), so nothing is gated.
 *
 * A server is a table, a membership an array of them (returned sorted by id):
 *   {id = 4, host = "zk1.dal.example", quorum_port = 2888, election_port = 3888,
 *    role = "participant" | "observer", client_host = nil, client_port = 2181}
 *   (given: quorum_port 2888, election_port 3888 and role "participant" by
 *    default; client_host and client_port nil when the line has none)
 *
 * Files:
 *   local cfg = zkconf.parse(text, name [, kind]) -> cfg | nil, err, code
 *       kind "static" (zoo.cfg, the default) | "dynamic" (zoo.cfg.dynamic[.N]) |
 *       "znode" (/zookeeper/config: as dynamic plus version=); errors read
 *       "name:line:col: what was expected"
 *   cfg:get(key) -> value | nil           cfg:set(key, value)     cfg:unset(key) -> n
 *   cfg:render() -> text                  (byte-equal to the input until changed)
 *   cfg:version() -> integer | nil        (znode kind: its version=)
 *   cfg:members() -> membership           (its server.N lines)
 *   cfg:set_members(membership) -> true | nil, err, code   (unchanged lines keep
 *       their bytes; a file with group.N lines is refused)
 *   cfg:write_plan(membership, self_id, dynamic_path [, dir_entries]) (static only)
 *       -> {static = text, dynamic_path = path, dynamic = text, remove = {path, ...}}
 *       | nil, err, code: the files of node self_id; dir_entries are the names in
 *       dynamic_path's directory; remove lists stale versioned files to delete
 *       after writing (see zkconf_write_plan)
 *   cfg:close()  (also __gc and __close)
 *
 * Memberships (every function returns a new table; inputs are not changed):
 *   zkconf.validate(m) -> true | nil, err, code
 *   zkconf.check_hosts(a, b) -> true | nil, err, code   (ids keep their hosts)
 *   zkconf.after_failover(current, surviving_site) -> m | nil, err, code
 *   zkconf.after_recovery(current, other_site) -> m | nil, err, code
 *   zkconf.after_failback(primary, standby) -> m | nil, err, code
 *   zkconf.promote(m, id) / zkconf.demote(m, id) -> m | nil, err, code ("not found")
 *   zkconf.reconfig_args(from, to) -> joining, leaving   ("server.4=...,server.5=...",
 *       "1,2,3"; "" when nothing) as zk reconfig wants them
 *   zkconf.parse_server(id, value) -> server | nil, err, code   ("h:2888:3888;2181")
 *   zkconf.server_line(server) -> value for a server.N= line
 *   zkconf.versioned_name(path) -> version | nil   (zoo.cfg.dynamic.100000000 -> 0x100000000)
 *   zkconf.is_dynamic_key(key) -> boolean           (server.N, group.N, weight.N)
 *
 * Misuse raises: wrong types, a server table with an unknown field or a port
 * out of range, a key or value that would break the file's line structure,
 * a closed cfg.  A membership with the same id twice is an expected failure
 * (nil, "membership: server.4 given twice", "invalid"). */
#ifndef DR_ZKCONF_LUA_H
#define DR_ZKCONF_LUA_H

struct lua_State;

/* Opens the module: returns its table. */
int luaopen_dr_zkconf(struct lua_State *L);

#endif
