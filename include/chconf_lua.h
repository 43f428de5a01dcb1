/* chconf_lua: the Lua binding of chconf, module "dr.chconf": ClickHouse config
 * files (config.xml, files in config.d, the include_from file) as text in, text
 * and tables out.  Pure functions: nothing here touches a host, so nothing is
 * gated; the runbook reads the file and writes the result with dr.ssh.
 *
 *   text  the file's content; for the patches nil means "the file does not
 *         exist yet": a complete file is rendered (opts.root is then required)
 *   name  the file name used in errors and notes ("config.d/macros.xml")
 *
 * Reads (an absent section gives an empty result, not an error):
 *   chconf.root(text, name)             -> "clickhouse" | "yandex"
 *   chconf.includes(text, name)         -> {include_from = path | nil,
 *         {element = "zookeeper", name = "zookeeper-servers", optional = bool, line = n}, ...}
 *   chconf.zookeeper(text, name [, opts]) -> {found, incl, line, has_identity,
 *         nodes = {{host, port, index, line}, ...}, settings = {session_timeout_ms = "30000", ...}}
 *         (identity is a secret: only has_identity says it is there)
 *   chconf.zookeeper_nodes(text, name [, opts]) -> {{host =, port =}, ...}
 *   chconf.remote_servers(text, name [, opts]) -> {found, incl, line,
 *         names = {"cluster1", "all"},            -- file order
 *         clusters = {cluster1 = {name, line, shards = {   -- shards[i] is shard_num i
 *             {line, internal_replication, weight, shorthand,
 *              replicas = {{host, port (nil: none given), line, extra = {user = ...},
 *                           password_set}}}}}}}
 *         (a replica's password is a secret: only password_set says it is there)
 *   chconf.macros(text, name [, opts])  -> {cluster = "cluster1", shard = "0", ...}
 *   zookeeper_nodes and macros fail ("not found") on a section that takes its
 *   content from an incl= substitution: read the include_from file instead.
 *
 * Patches -> new_text, changed (boolean), notes (one line per change, "" when
 * none).  Applying a patch to its own result changes nothing.
 *   chconf.set_zookeeper_nodes(text, name, nodes [, opts])
 *         nodes = {"zk4:2181", {host = "zk5", port = 2181}, "zk6", ...} (port 2181 by default)
 *   chconf.add_replica(text, name, cluster, shard, replica [, opts])
 *         shard = 1.. (as system.clusters numbers them) or "new" (a new last shard);
 *         replica = "host[:port]" or {host =, port = 9000, extra = {user = "x", ...}}
 *   chconf.remove_hosts(text, name, cluster, hosts [, opts])
 *         hosts = {"ch3", "ch4:9000", {host =, port =}}: no port means any port
 *   chconf.create_cluster(text, name, cluster [, opts])
 *         cluster = {name = "all", internal_replication = true,
 *                    shards = {{"ch1:9000", "ch2:9000"}, {replica, ...}}}
 *   chconf.set_macros(text, name, macros [, opts])
 *         macros = {cluster = "cluster1", shard = 0, replica = "dal-prod-01"}
 *   Maps are written in ClickHouse's usual order: macros cluster, shard, replica,
 *   a replica's user, password, secure; the rest by name.
 *
 * opts (a key a function does not take raises):
 *   section = "zookeeper-servers"  element under the root (default: the usual name)
 *   inline = bool       patch a section carrying incl= by writing it in place
 *   root = "yandex" | "clickhouse"  root element of a new file (text nil)
 *   replace = bool      new file: replace="1" on the section
 *   settings = {k = v}  set_zookeeper_nodes, new file: session_timeout_ms, root, ...
 *   drop_empty_shards = bool   remove_hosts: drop a shard left without replicas
 *   force = bool        set_macros: allow changing cluster/shard/replica
 *
 * Misuse (wrong types, bad ports, unknown options) raises.  A file or request
 * that cannot be honoured returns nil, "file:line: what", code (code is the
 * dr_strerror name: "parse error", "refused", "conflict", "not found",
 * "invalid"). */
#ifndef DR_CHCONF_LUA_H
#define DR_CHCONF_LUA_H

struct lua_State;

/* Opens the module: returns its table. */
int luaopen_dr_chconf(struct lua_State *L);

#endif
