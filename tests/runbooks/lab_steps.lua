-- Test runbook for the lab: three steps, each writing one file on zk6 and
-- then waiting for a "go" file there, so that a test can SIGKILL drctl in
-- the middle of any step and resume it.
local dr = require "dr"
local inv = require "dr.inventory"
local hosts = require "dr.hosts"

return dr.runbook {
    description = "lab test: three steps to interrupt",
    params = { dir = { required = true }, tag = { default = "v1" } },
    main = function(p)
        local zk6 = inv.nodes.zk6
        for i = 1, 3 do
            local path = string.format("%s/step%d.txt", p.dir, i)
            local want = string.format("step %d %s\n", i, p.tag)
            dr.step {
                name = "write step" .. i,
                host = zk6.name,
                check = function()
                    return { sha = dr.sha256(hosts.read(zk6, path) or "") }
                end,
                act = function()
                    hosts.write(zk6, path, want)
                    dr.wait {
                        what = "go" .. i,
                        timeout = 120,
                        check = function()
                            return hosts.read(zk6, p.dir .. "/go" .. i) ~= nil
                        end,
                    }
                end,
                verify = function()
                    return hosts.read(zk6, path) == want, path .. " does not hold " .. want
                end,
            }
        end
    end,
}
