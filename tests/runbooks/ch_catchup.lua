-- Test runbook: the catch-up check of every ClickHouse node of the
-- inventory (every replicated table caught up, then SYSTEM SYNC REPLICA),
-- as the procedures run it before a planned switch.  Changes nothing.
local dr = require "dr"
local inv = require "dr.inventory"
local clickhouse = require "dr.clickhouse"

return dr.runbook {
    description = "lab test: catch-up check of every replica",
    params = { timeout = { default = "60" } },
    main = function(p)
        for _, site in pairs(inv.sites) do
            for _, c in ipairs(site.clickhouse) do
                clickhouse.wait_caught_up(c, tonumber(p.timeout))
                dr.log("%s: caught up", c.name)
            end
        end
    end,
}
