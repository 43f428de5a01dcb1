-- Test runbook for the jump host: replaces a file on a host (through
-- whatever path the inventory gives: a jump host for dallas) and reads it
-- back.
local dr = require "dr"
local inv = require "dr.inventory"
local hosts = require "dr.hosts"

return dr.runbook {
    description = "lab test: write a file on a node and read it back",
    params = { node = { default = "zk5" }, path = { required = true }, text = { default = "x" } },
    main = function(p)
        local n = assert(inv.nodes[p.node], "no node " .. p.node)
        dr.step {
            name = "write " .. p.path .. " on " .. n.name,
            host = n.name,
            act = function()
                hosts.write(n, p.path, p.text .. "\n")
            end,
            verify = function()
                return hosts.read(n, p.path) == p.text .. "\n", "read back something else"
            end,
        }
    end,
}
