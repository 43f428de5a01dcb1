-- Test runbook for the lab: takes the failover lock of --site's keeper
-- hosts as a failover does, holds it until the file --release exists on the
-- site's first keeper host, then releases it.  Changes nothing else.
local dr = require "dr"
local inv = require "dr.inventory"
local hosts = require "dr.hosts"
local procedures = require "dr.procedures"

return dr.runbook {
    description = "lab test: hold a site's failover lock",
    params = { site = { required = true, kind = "site" }, release = { required = true } },
    main = function(p)
        local site = inv.sites[p.site]
        procedures.take_site_lock(site, "lab test")
        dr.step {
            name = "hold the lock",
            act = function()
                dr.wait {
                    what = "the release file " .. p.release, timeout = 300, max_interval = 0.5,
                    check = function()
                        local r = hosts.probe(site.keepers[1], "test -e " .. hosts.quote(p.release),
                            { allow_fail = true })
                        return r.status == 0
                    end,
                }
            end,
        }
        procedures.release_site_lock(site)
    end,
}
