-- dr.coord: the coordination kind of the inventory, chosen once: the
-- module of its phases, dr.coord.zookeeper (keeper kind zookeeper) or
-- dr.coord.keeper (clickhouse-keeper).  Both give the same functions (see
-- dr.coord.zookeeper); a runbook calls them between the phases of
-- dr.procedures:
--
--     local coord = require "dr.coord"
--     local sw = procedures.switch_to(p.to, coord, { planned = false })
--     coord.preflight(sw)
local inv = require "dr.inventory"

if inv.keeper_kind == "zookeeper" then
    return require "dr.coord.zookeeper"
end
return require "dr.coord.keeper"
