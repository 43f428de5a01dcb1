-- failback: return processing to the home primary site once it has been
-- recovered: the failover procedure in reverse behind the catch-up gate,
-- followed by the recovery of the other site.  The end state is the
-- inventory's topology.  Each line below is one phase; `coord` is the
-- inventory's coordination kind (ZooKeeper or ClickHouse Keeper).
local dr = require "dr"
local inv = require "dr.inventory"
local procedures = require "dr.procedures"
local coord = require "dr.coord"

return dr.runbook {
    description = "return to the home primary: --to SITE (the inventory's primary)",
    params = {
        to = { required = true, kind = "site", help = "the site to return to" },
        gate_timeout = { default = "60", help = "seconds to wait at the catch-up gate" },
    },
    confirm = "to",
    switches_site = true,
    main = function(p)
        if inv.primary.name ~= p.to then
            dr.refuse(string.format("%s is not the home primary (%s is, in %s)", p.to,
                inv.primary.name, inv.file), "use switchover to move to another site")
        end
        local sw = procedures.switch_to(p.to, coord,
            { planned = true, gate_timeout = tonumber(p.gate_timeout) })
        procedures.refuse_if_serving(sw) -- pre-flight: the target is not the primary already
        procedures.take_run_lock(sw)     -- one run at a time, in the ensemble serving now
        procedures.catch_up_gate(sw)     -- no INSERTs on the old primary; the target caught up
        -- the failover, planned
        coord.preflight(sw)
        procedures.lock_target(sw)
        procedures.fence(sw)
        coord.catch_up(sw)               -- Keeper: the chosen node at the old leader's commit
        coord.stop(sw)
        coord.backup(sw)
        coord.rebuild(sw)
        coord.prove(sw)
        procedures.move_run_lock(sw)
        procedures.repoint_clickhouse(sw)
        procedures.verify_writes(sw)
        procedures.record_topology(sw)
        procedures.warn_old_unfenced(sw)
        procedures.unlock_target(sw)
        -- the other site rejoins as the standby of the ensemble just built
        local rc = procedures.recovery_of(sw.old.name, coord, { assume = procedures.built(sw) })
        coord.survey(rc)
        coord.fence_site(rc)
        coord.set_aside(rc)
        coord.rewrite(rc)
        coord.rejoin(rc)
        coord.verify(rc)
        procedures.account_split(rc)
        procedures.stop_clickhouse(rc)
        procedures.repoint_returning(rc)
        procedures.start_clickhouse(rc)
        procedures.wait_caught_up(rc)
    end,
}
