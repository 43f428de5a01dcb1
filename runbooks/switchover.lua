-- switchover: a planned failover to the standby with both sites alive.  The
-- catch-up gate is mandatory: no INSERTs running on the site being demoted,
-- the target's keepers at the leader's zxid, its replicas caught up; then
-- failover to the target and recovery of the other site as its standby.
local dr = require "dr"
local procedures = require "dr.procedures"

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
        procedures.switch(p.to, { gate_timeout = tonumber(p.gate_timeout) })
    end,
}
