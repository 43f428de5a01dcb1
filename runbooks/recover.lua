-- recover: the old primary site, back (with its old data and configs, or
-- rebuilt empty), rejoins as the standby: its keepers become observers of
-- the ensemble running on the other site, with their stale configs and
-- data set aside first so that they can never drag the ensemble back; its
-- ClickHouse servers point at the ensemble, get their macros, return to the
-- umbrella cluster and catch up; a ClickHouse host rebuilt with empty disks
-- first gets the replicated tables of a healthy replica of its shard
-- (dr.ch_rebuild).  Each line below is one phase; `coord` is the
-- inventory's coordination kind (ZooKeeper or ClickHouse Keeper).
local dr = require "dr"
local procedures = require "dr.procedures"
local coord = require "dr.coord"

return dr.runbook {
    description = "bring --site SITE back as the standby",
    params = {
        site = { required = true, kind = "site", help = "the site to bring back" },
        catch_up_timeout = { default = "300", help = "seconds for replicas to catch up" },
    },
    main = function(p)
        local rc = procedures.recovery_of(p.site, coord,
            { catch_up_timeout = tonumber(p.catch_up_timeout) })
        coord.survey(rc)                  -- pre-flight: the live ensemble, the membership after
        coord.fence_site(rc)              -- the site's keepers stop: not with the old membership
        coord.set_aside(rc)               -- their old data moved aside (kept): they start empty
        coord.rewrite(rc)                 -- configs: observers of the live ensemble, spares too
        coord.rejoin(rc)                  -- into the ensemble, started, each until it observes
        coord.verify(rc)                  -- roles, and one leader
        procedures.account_split(rc)      -- what the site wrote while cut off (read-only)
        procedures.stop_clickhouse(rc)    -- stopped; those writes set aside (detached, kept)
        procedures.repoint_returning(rc)  -- <zookeeper> nodes, macros, umbrella cluster
        procedures.start_clickhouse(rc)   -- started; a host rebuilt empty gets its tables
        procedures.wait_caught_up(rc)     -- every replica caught up; the marker
    end,
}
