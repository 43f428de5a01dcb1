-- switchover: a planned failover to the standby with both sites alive.  The
-- catch-up gate is mandatory: no INSERTs running on the site being demoted,
-- the target's keepers at the leader's zxid, its replicas caught up; then
-- the failover to the target and the recovery of the other site as its
-- standby.  Each line below is one phase; `coord` is the inventory's
-- coordination kind (ZooKeeper or ClickHouse Keeper).
local dr = require "dr"
local procedures = require "dr.procedures"
local coord = require "dr.coord"

return dr.runbook {
    description = "planned switch: make --to SITE the primary, the other its standby",
    params = {
        to = { required = true, kind = "site", help = "the site to promote" },
        gate_timeout = { default = "60", help = "seconds to wait at the catch-up gate" },
    },
    confirm = "to",
    cooldown = true,
    switches_site = true,
    main = function(p)
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
        -- the old primary rejoins as the standby of the ensemble just built
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
