-- drill_fault: the faults `drctl drill --full --inject FAULT` injects that
-- act on a host (the drill starts this runbook beside its switchover, in a
-- state directory of its own).  --action restart-keeper restarts the first
-- keeper of --site that is serving (leader, follower or observer) through
-- the inventory's stop and start commands, and waits until it serves again:
-- a standby keeper restarted in the middle of a switch.
local dr = require "dr"
local inv = require "dr.inventory"
local keepers = require "dr.keepers"

local serving = { leader = true, follower = true, observer = true }

return dr.runbook {
    description = "inject a drill's fault into a host (restart a keeper of a site)",
    params = {
        action = { required = true, help = "restart-keeper" },
        site = { required = true, kind = "site", help = "the site whose keeper is restarted" },
    },
    main = function(p)
        if p.action ~= "restart-keeper" then
            dr.refuse("--action must be restart-keeper", "fix the arguments")
        end
        local site = inv.sites[p.site]
        local ks = site and site.keepers or {}
        local probe = keepers.probe(ks)
        local k
        for _, x in ipairs(ks) do
            if serving[probe[x.name].mode] then
                k = x
                break
            end
        end
        if not k then
            dr.refuse(string.format("no keeper of %s is serving: nothing to restart", p.site),
                "check drctl status")
        end
        dr.step {
            name = string.format("restart %s (was %s)", k.name, probe[k.name].mode),
            host = k.name,
            act = function()
                keepers.stop(k)
                keepers.start(k)
            end,
            verify = function()
                return keepers.wait_mode(k, serving, 60)
            end,
        }
        dr.metric("restarted", 1)
    end,
}
