-- failover: the standby site becomes the primary after the primary site is
-- lost (unplanned).  Pre-flight, fencing of whatever of the old primary is
-- still reachable, a backup of the data holder's coordination data, the
-- standby's keepers rewritten and started as the new ensemble (data holder
-- first, then the others one at a time), the zxid guard and the marker
-- check, ClickHouse repointed and restarted, a heartbeat write that proves
-- the site writable.  The RTO runs from the first change to that write.
local dr = require "dr"
local procedures = require "dr.procedures"

return dr.runbook {
    description = "unplanned failover: make --to SITE the primary",
    params = {
        to = { required = true, kind = "site", help = "the site to promote (the standby)" },
    },
    confirm = "to",
    cooldown = true,
    switches_site = true,
    main = function(p)
        procedures.failover(p.to, { planned = false })
    end,
}
