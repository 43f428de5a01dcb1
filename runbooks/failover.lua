-- failover: the standby site becomes the primary after the primary site is
-- lost (unplanned).  The RTO runs from the first change to the write that
-- proves the new primary writable.  Each line below is one phase; `coord`
-- is the inventory's coordination kind (ZooKeeper or ClickHouse Keeper).
-- A site that needs one more step (notify, drain ingestion, switch DNS)
-- copies this file and adds it where it belongs (README: "The procedures,
-- phase by phase").
local dr = require "dr"
local procedures = require "dr.procedures"
local coord = require "dr.coord"

return dr.runbook {
    description = "unplanned failover: make --to SITE the primary",
    params = {
        to = { required = true, kind = "site", help = "the site to promote (the standby)" },
    },
    confirm = "to",
    cooldown = true,
    switches_site = true,
    main = function(p)
        local sw = procedures.switch_to(p.to, coord, { planned = false })
        procedures.refuse_if_serving(sw) -- pre-flight: the target is not the primary already
        coord.preflight(sw)              -- hosts, data holder, writes; what to fence
        procedures.lock_target(sw)       -- one failover at a time on the target's keeper hosts
        procedures.fence(sw)             -- the old primary, every reachable host at once
        coord.stop(sw)                   -- the target's keepers stop (Keeper: old members fenced)
        coord.backup(sw)                 -- the data holder's coordination data, on its host
        coord.rebuild(sw)                -- the new ensemble: configs, data holder first
        coord.prove(sw)                  -- leader holds the data: zxid guard, marker
        procedures.move_run_lock(sw)     -- the run lock, into the new ensemble
        procedures.repoint_clickhouse(sw) -- <zookeeper> nodes, umbrella cluster, restart
        procedures.verify_writes(sw)     -- every node writable, a heartbeat row, RTO
        procedures.record_topology(sw)   -- which site is primary now, and since when
        procedures.warn_old_unfenced(sw) -- hosts of the old primary left unfenced, loudly
        procedures.unlock_target(sw)
    end,
}
