/* drill_lua: the bridge between lua/dr/drill.lua and the C report writers,
 * module "dr.drill":
 *
 *   drill.submit(result)  hands the drill's result to the command that ran
 *       the view (kept in the registry; a second call replaces the first):
 *       {kind = "readiness", lag_seconds = n|nil, rto_seconds = n|nil,
 *        rpo_rows = n|nil, checks = {{name =, status = "pass"|"warn"|"fail",
 *        value =, threshold =, fix =, detail =, host =, start =, ["end"] =},
 *        ...}}  (start/end: seconds since the drill's start)
 *
 * Misuse (not a table, a check without name or with an unknown status)
 * raises. */
#ifndef DR_DRILL_LUA_H
#define DR_DRILL_LUA_H

#include "drill.h"

struct lua_State;

int luaopen_dr_drill(struct lua_State *L);

/* Appends what the view submitted to r (kind, metrics, checks).  Returns
 * DR_ENOTFOUND when nothing was submitted. */
int drill_lua_result(struct lua_State *L, drill_report *r, dr_err *err);

/* The sites the view checked, from what it submitted (primary, standby,
 * standby_lost: the standby is the lost old primary, and why; cluster):
 * each a new string, or NULL when absent. */
void drill_lua_sites(struct lua_State *L, char **primary, char **standby, char **lost,
                     char **cluster);

#endif
