-- failback: return processing to the home primary site once it has been
-- recovered: the failover procedure in reverse behind the catch-up gate,
-- followed by the recovery of the other site.  The end state is the
-- inventory's topology.
local dr = require "dr"
local inv = require "dr.inventory"
local procedures = require "dr.procedures"

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
        procedures.switch(p.to, { gate_timeout = tonumber(p.gate_timeout) })
    end,
}
