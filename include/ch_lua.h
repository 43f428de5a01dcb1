/* ch_lua: the Lua binding of ch, module "dr.ch".
 *
 *   ch.client{user = "default", password_file = PATH | password_env = VAR,
 *             port = 8123, timeout = 10 (s), connect_timeout = 3 (s)}
 *       -> client ("dr.ch.client")                 | nil, err, code
 *   A host argument is "addr" or "addr:port" (the client's port otherwise).
 *
 *   c:query(host, sql [, timeout]) -> rows          read-only (SELECT, WITH,
 *       SHOW, DESC...; sent with readonly=2); rows = {{col = "text", ...}, ...,
 *       columns = {names}}.  With a list of hosts: all asked at once, one
 *       entry per host in order: {host, ok, rows | error, code, ch_code,
 *       status, elapsed (s)}.
 *   c:replicas(host) -> list of {database, table, replica_name, is_readonly,
 *       is_session_expired, queue_size, inserts_in_queue, log_pointer,
 *       log_max_index, log_lag, absolute_delay, active_replicas,
 *       total_replicas, caught_up, why}; list.caught_up = all caught up.
 *   c:replicas_status(host [, verbose]) -> {ok, status, body, code,
 *       tables = {{table, absolute_delay, relative_delay}, ...}}: the
 *       server's own verdict, which 18.16 gives as "Ok." even when tables
 *       are read-only: use it with c:replicas, never alone.
 *   c:catch_up({hosts} [, timeout]) -> one entry per host, all asked at once:
 *       {host, port, ok, caught_up, replicas (as above) | error, code,
 *        replicas_status (as above) | replicas_status_error}
 *   c:sync_replica(host, "db.table", timeout) -> true | nil, "... not caught
 *       up within N s", "timeout"
 *   c:processes(host) -> running INSERTs: {{query_id, user, elapsed, query}}
 *   c:heartbeat_lag(host, my_site [, table]) -> {site = seconds, ...}
 *   c:heartbeat_write(host, site [, table]) -> true      gated (CH_WRITE)
 *   c:execute(host, sql [, timeout]) -> {status, body, simulated}  gated
 *   c:close()
 *
 *   ch.replicated_ddl(sql) -> {engine, zookeeper_path, replica}  (no I/O)
 *       the engine arguments of a SHOW CREATE TABLE of a replicated table,
 *       unquoted, as written (18.16 keeps the {macros}) | nil, err, code
 *       ("not found": not a Replicated*MergeTree with literal arguments)
 *   ch.ddl_for_replica(sql, replica | nil, attach) -> statement  (no I/O)
 *       the same statement with the replica argument replaced (nil: kept)
 *       and, when attach, CREATE replaced by ATTACH | nil, err, code
 *
 * Expected failures return nil, "what: why", code (dr_strerror name);
 * misuse (bad arguments, a non-read-only statement given to query) raises.
 * heartbeat_write and execute change state: they describe the change to
 * dr_effect_gate first, and in a rehearsal only record it. */
#ifndef DR_CH_LUA_H
#define DR_CH_LUA_H

struct lua_State;

/* Opens the module: returns its table. */
int luaopen_dr_ch(struct lua_State *L);

#endif
