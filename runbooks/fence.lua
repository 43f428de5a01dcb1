-- fence: stop a site's servers now and keep them from coming back on their
-- own (the inventory's disable commands: `systemctl disable --now ...`), so
-- that an old primary that returned after a failover cannot take writes as
-- a second primary.  Hosts that ssh cannot reach are fenced with the
-- site's `fence` command, run on this machine.  `recover --site SITE`
-- enables them again when the site rejoins as the standby.
local dr = require "dr"
local procedures = require "dr.procedures"
local keepers = require "dr.keepers"
local hosts = require "dr.hosts"

return dr.runbook {
    description = "fence --site SITE: stop and disable its servers (ends a split brain)",
    params = {
        site = { required = true, help = "the site to fence (not the serving primary)" },
    },
    confirm = "site",
    main = function(p)
        local site = procedures.site_of(p.site)
        local topology = require "dr.topology"
        local active = topology.active()
        if active.primary == site.name then
            dr.refuse(string.format("%s is the active primary (generation %d, %s)", site.name,
                active.generation, active.source),
                "fence the other site, or switch first (switchover / failover)")
        end
        local pf = { dead_keepers = {}, idle_keepers = {}, dead_clickhouse = {}, unfenced = {} }
        -- journaled: a resumed fence acts on what this step found
        pf = dr.step {
            name = "find " .. site.name .. "'s reachable hosts",
            act = function()
                local probe = keepers.probe(site.keepers, 2)
                for _, k in ipairs(site.keepers) do
                    if probe[k.name].ok then
                        pf.dead_keepers[#pf.dead_keepers + 1] = k.name
                    elseif pcall(hosts.probe, k, "true", { timeout = 5 }) then
                        pf.idle_keepers[#pf.idle_keepers + 1] = k.name
                    else
                        pf.unfenced[#pf.unfenced + 1] = k.name
                    end
                end
                for _, c in ipairs(site.clickhouse) do
                    if pcall(hosts.probe, c, "true", { timeout = 5 }) then
                        pf.dead_clickhouse[#pf.dead_clickhouse + 1] = c.name
                    else
                        pf.unfenced[#pf.unfenced + 1] = c.name
                    end
                end
                return pf
            end,
        }
        local left = procedures.fence_old_primary(site, pf, site.name .. ", fenced on demand")
        procedures.warn_unfenced(site, left)
        if #left == 0 then
            dr.log("%s is fenced: its servers stay down until drctl run recover --site %s",
                site.name, site.name)
        end
    end,
}
