-- recover: the old primary site, back (with its old data and configs, or
-- rebuilt empty), rejoins as the standby: its keepers become observers of
-- the ensemble running on the other site (online reconfig with the super
-- user), with their stale configs and data set aside first so that they can
-- never drag the ensemble back; its ClickHouse servers point at the
-- ensemble, get their macros, return to the umbrella cluster and catch up;
-- a ClickHouse host rebuilt with empty disks first gets the replicated
-- tables of a healthy replica of its shard (dr.ch_rebuild).
local dr = require "dr"
local procedures = require "dr.procedures"

return dr.runbook {
    description = "bring --site SITE back as the standby",
    params = {
        site = { required = true, kind = "site", help = "the site to bring back" },
        catch_up_timeout = { default = "300", help = "seconds for replicas to catch up" },
    },
    main = function(p)
        procedures.recover(p.site, { catch_up_timeout = tonumber(p.catch_up_timeout) })
    end,
}
