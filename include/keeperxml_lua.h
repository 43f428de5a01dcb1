/* keeperxml_lua: the Lua binding of keeperxml, module "dr.keeperxml":
 * ClickHouse Keeper's <keeper_server> configuration as an object, its Raft
 * membership as plain Lua tables, and the quorum-loss recovery as a list of
 * steps a runbook carries out one by one.  Pure: nothing here touches a host,
 * so nothing is gated (the runbook moves text with dr.ssh and sends rcvr with
 * dr.fourlw, which are).
 *
 * A server is a table, a membership an array of them (returned sorted by id):
 *   {id = 4, hostname = "zk1.dal.example", port = 9234,
 *    role = "participant" | "learner", priority = 0 | nil, start_as_follower = bool | nil}
 *   (given: port 9234 and role "participant" by default; "observer" is taken
 *    for "learner"; priority and start_as_follower nil when not in the file)
 *
 * Documents:
 *   local doc = keeperxml.parse(text, name) -> doc | nil, err, code
 *       errors read "name:line:col: malformed XML: ..." or
 *       "name:line: what was expected"
 *   doc:render() -> text
 *   doc:info() -> {server_id, tcp_port, log_storage_path, snapshot_storage_path}
 *   doc:set(key, value) -> true | nil, err, code
 *                                    <keeper_server>/<key> text ("server_id", "tcp_port")
 *   doc:members() -> membership      (<raft_configuration>)
 *   doc:set_members(membership, {has_state = bool}) -> true | nil, err, code, advice
 *       has_state (required): the node already has Keeper log/snapshot data; then a
 *       role change cannot be made by editing the XML and is refused with the
 *       supported routes in advice (the document is left unchanged)
 *   doc:close()  (also __gc and __close)
 *
 * Memberships (new tables returned; inputs are not changed):
 *   keeperxml.validate(m) -> true | nil, err, code
 *   keeperxml.check_hosts(a, b) -> true | nil, err, code
 *   keeperxml.after_failover(current, surviving_site) -> m | nil, err, code
 *   keeperxml.after_recovery(current, other_site) -> m | nil, err, code
 *   keeperxml.after_failback(primary, standby) -> m | nil, err, code
 *   keeperxml.promote(m, id) / keeperxml.demote(m, id) -> m | nil, err, code
 *
 * Misuse raises: wrong types, an unknown server field, a port out of range,
 * a key that is not an element name, a value with control characters, a
 * closed doc.  A membership with the same id twice is an expected failure. */
#ifndef DR_KEEPERXML_LUA_H
#define DR_KEEPERXML_LUA_H

struct lua_State;

/* Opens the module: returns its table. */
int luaopen_dr_keeperxml(struct lua_State *L);

#endif
