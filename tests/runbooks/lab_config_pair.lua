-- Test runbook for the lab: a step group whose members each write two files
-- on their host the way a keeper's config step does (the second file under a
-- compare-and-swap on what the check saw, no verify), so that a test can
-- kill drctl between the two writes (DRCTL_CRASH_AT=effect:N) and see
-- resume finish the step instead of refusing its own half-done write.
local dr = require "dr"
local inv = require "dr.inventory"
local hosts = require "dr.hosts"

return dr.runbook {
    description = "lab test: two files per host, the second a compare-and-swap",
    params = { dir = { required = true }, tag = { default = "v1" } },
    main = function(p)
        dr.group {
            name = "write the pair on zk5 and zk6",
            over = { inv.nodes.zk5, inv.nodes.zk6 },
            step = function(n)
                local first, second = p.dir .. "/" .. n.name .. ".dynamic", p.dir .. "/" .. n.name .. ".cfg"
                return {
                    name = "write " .. n.name .. "'s pair",
                    host = n.name,
                    check = function()
                        local text = hosts.read(n, second)
                        return { sha = text and dr.sha256(text) or "absent" }
                    end,
                    act = function(pre)
                        hosts.write(n, first, "dynamic " .. p.tag .. "\n")
                        hosts.write(n, second, "cfg " .. p.tag .. "\n", { expect_sha256 = pre.sha })
                    end,
                }
            end,
        }
        dr.step {
            name = "write the last file on zk6",
            host = inv.nodes.zk6.name,
            check = function()
                return { sha = dr.sha256(hosts.read(inv.nodes.zk6, p.dir .. "/last") or "") }
            end,
            act = function()
                hosts.write(inv.nodes.zk6, p.dir .. "/last", "last " .. p.tag .. "\n")
            end,
            verify = function()
                return hosts.read(inv.nodes.zk6, p.dir .. "/last") == "last " .. p.tag .. "\n", "no last file"
            end,
        }
    end,
}
