/* http_lua: the Lua binding of http, module "dr.http", for runbook steps
 * that call the systems around a cluster (a DNS or load-balancer API).
 *
 *   http.request{url = "https://...", method = "POST", body = "...",
 *                headers = {"Content-Type: application/json", ...},
 *                header_file = PATH,   -- more header lines from a local file
 *                                      -- (secrets: never journaled or shown)
 *                timeout = 10 (s, per attempt), retries = 2, ca_file = PATH}
 *       -> {status, body, attempts, elapsed (s), simulated}
 *        | nil, "METHOD URL: why", code
 *
 * A request is an effect: inside a step only, journaled with its method,
 * URL and body (never the headers), shown in the plan, and never sent in a
 * rehearsal (the result then has simulated = true, status 0). */
#ifndef DR_HTTP_LUA_H
#define DR_HTTP_LUA_H

struct lua_State;

int luaopen_dr_http(struct lua_State *L);

#endif
