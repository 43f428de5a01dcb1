/* fourlw_lua: the Lua binding of fourlw, module "dr.fourlw".
 *
 *   fourlw.srvr(host [, port=2181 [, timeout=3 s]])  -> t | nil, err, code
 *       t = {serving, mode, flavor, version, zxid, epoch, counter, node_count,
 *            latency = {min, avg, max}, received, sent, connections, outstanding}
 *   fourlw.stat(...)   same fields as srvr
 *   fourlw.mntr(...)   -> {serving, mode, flavor, values = {key = number|string},
 *                          learners, synced_followers, synced_observers}
 *   fourlw.conf(...)   -> {serving, flavor, server_id, values = {key = string},
 *                          members = {{id, host, quorum_port, election_port, role,
 *                                      client_host, client_port}, ...}, version}
 *   fourlw.ruok(...)   -> true
 *   fourlw.isro(...)   -> "rw" | "ro" | "not-serving"
 *   fourlw.lgif(...)   -> {first_log_idx, ..., last_snapshot_idx}   (ClickHouse Keeper)
 *   fourlw.probe(targets, word [, timeout]) -> list, one entry per target, in order:
 *       {host, port, ok, elapsed (s), answer, result (parsed) | error, code}
 *       targets: {"host:port", ...} or {{host=, port=}, ...}; all asked at once.
 *   fourlw.parse(word, text)  -> parsed table | nil, err, code  (no I/O)
 *   fourlw.rcvr(host [, port [, timeout]]) -> true   Keeper's forced recovery: the
 *       one word that changes a server, so it goes through dr_effect_gate
 *       (DR_EFFECT_ZK_RECONFIG) and a rehearsal only records it.
 *
 * All other calls are read-only probes and run in rehearsals too.  "Not
 * serving" is a result (serving = false, mode = "not-serving"), not an error;
 * a word missing from the server's whitelist is an error (code "refused"). */
#ifndef DR_FOURLW_LUA_H
#define DR_FOURLW_LUA_H

struct lua_State;

/* Opens the module: returns its table. */
int luaopen_dr_fourlw(struct lua_State *L);

#endif
