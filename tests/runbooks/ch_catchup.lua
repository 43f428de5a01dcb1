-- Test runbook: the catch-up check of every ClickHouse node of the
-- inventory (every replicated table caught up, then SYSTEM SYNC REPLICA),
-- as the procedures run it before a planned switch: every node at once
-- (clickhouse.wait_all_caught_up), or with --one_by_one 1 node after node
-- (clickhouse.wait_caught_up, the gate before it asked every node at
-- once), for a comparison.  --repeat N asks each server as N nodes (a
-- fleet's worth of requests on the lab's four).  Logs how long the check
-- took.  Changes nothing.
local dr = require "dr"
local inv = require "dr.inventory"
local clickhouse = require "dr.clickhouse"

return dr.runbook {
    description = "lab test: catch-up check of every replica",
    params = { timeout = { default = "60" }, one_by_one = { default = "0" },
        ["repeat"] = { default = "1" } },
    main = function(p)
        local nodes = {}
        for _, site in pairs(inv.sites) do
            for _, c in ipairs(site.clickhouse) do
                nodes[#nodes + 1] = c
            end
        end
        table.sort(nodes, function(a, b) return a.name < b.name end)
        local times = tonumber(p["repeat"])
        if times > 1 then
            local many = {}
            for k = 1, times do
                for _, c in ipairs(nodes) do
                    many[#many + 1] = { name = c.name .. "#" .. k, host = c.host,
                        http_port = c.http_port }
                end
            end
            nodes = many
        end
        local t0 = dr.clock()
        if p.one_by_one == "1" then
            for _, c in ipairs(nodes) do
                clickhouse.wait_caught_up(c, tonumber(p.timeout))
            end
        else
            clickhouse.wait_all_caught_up(nodes, tonumber(p.timeout))
        end
        local took = dr.clock() - t0
        for i = 1, math.min(#nodes, 4) do
            dr.log("%s: caught up", nodes[i].name)
        end
        dr.log("catch-up check of %d nodes%s: %.3f s", #nodes,
            p.one_by_one == "1" and " one by one" or " at once", took)
    end,
}
