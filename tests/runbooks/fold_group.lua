-- Test runbook: one group whose members node1..node3 make the same change
-- (each to a file named after itself) and node4 another one: a plan shows
-- node1's change once, naming node2 and node3, and node4's in full.
local dr = require "dr"
local files = require "dr.testfiles"

return dr.runbook {
    description = "the same change on several members of a group",
    params = { dir = { required = true } },
    main = function(p)
        dr.group {
            name = "write the nodes' files",
            over = { 1, 2, 3, 4 },
            step = function(i)
                local name = "node" .. i
                return {
                    name = "write " .. name .. "'s file",
                    host = name,
                    act = function()
                        assert(files.write(p.dir .. "/" .. name,
                            i == 4 and "another change\n" or "the same change\n"))
                    end,
                }
            end,
        }
    end,
}
