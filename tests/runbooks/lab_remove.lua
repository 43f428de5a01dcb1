-- Test runbook for the lab: on zk6 (a spare, not running), replaces its
-- zoo.cfg, creates a dynamic file and removes a versioned one, as a keeper
-- config rewrite does: rollback must undo all three byte for byte.
local dr = require "dr"
local inv = require "dr.inventory"
local hosts = require "dr.hosts"

return dr.runbook {
    description = "lab test: replace, create and remove files on zk6",
    params = { tag = { default = "t1" } },
    main = function(p)
        local zk6 = inv.nodes.zk6
        local dir = zk6.config:match("^(.*)/[^/]*$")
        dr.step {
            name = "rewrite zk6's config files",
            host = zk6.name,
            act = function()
                local text = hosts.read(zk6, zk6.config)
                hosts.write(zk6, zk6.config, text .. "# drctl lab remove " .. p.tag .. "\n")
                hosts.write(zk6, dir .. "/zoo.cfg.dynamic.drctl-test", "server.6=x " .. p.tag .. "\n")
                hosts.remove(zk6, dir .. "/zoo.cfg.dynamic.100000000")
            end,
        }
    end,
}
