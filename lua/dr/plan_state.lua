-- The header of `drctl plan`: the state the rehearsal starts from, probed
-- read-only before the plan is printed: which site the inventory calls
-- primary, which keeper leads (and so which site holds the quorum now),
-- and every keeper's mode and zxid.
local dr = require "dr"
local inv = require "dr.inventory"
local keepers = require "dr.keepers"

return dr.runbook {
    description = "plan header: the sites' state (read-only)",
    main = function()
        local all = keepers.all()
        local probe = keepers.probe(all, 3)
        local leader, parts = nil, {}
        for _, k in ipairs(all) do
            local p = probe[k.name]
            if p.mode == "leader" then
                leader = k
            end
            parts[#parts + 1] = string.format("%s %s%s", k.name, p.mode or "down",
                p.zxid and (" " .. keepers.hex(p.zxid)) or "")
        end
        dr.out("State before the plan (probed now):")
        dr.out("  primary in the inventory: %s; standby: %s", inv.primary.name, inv.standby.name)
        if leader then
            dr.out("  leader: %s (%s) at zxid %s: %s holds the quorum", leader.name, leader.site,
                keepers.hex(probe[leader.name].zxid), leader.site)
        else
            dr.out("  leader: none answers: no site holds a quorum")
        end
        dr.out("  keepers: %s", table.concat(parts, ", "))
        dr.out("")
    end,
}
