-- Test runbook for the lab: the step of recover that gives a rebuilt
-- ClickHouse host the replicated tables it lacks, alone, for one node and
-- the healthy replicas of another site; no failover needed around it.
local dr = require "dr"
local inv = require "dr.inventory"
local ch_rebuild = require "dr.ch_rebuild"

return dr.runbook {
    description = "lab test: recreate the replicated tables --node lacks, from --from",
    params = {
        node = { required = true, help = "a ClickHouse node" },
        from = { required = true, help = "the site whose replicas are healthy" },
        session_wait = { default = "60", help = "seconds to wait for an active replica" },
    },
    main = function(p)
        ch_rebuild.step(assert(inv.nodes[p.node], "no node " .. p.node),
            assert(inv.sites[p.from], "no site " .. p.from),
            { session_wait = tonumber(p.session_wait) })
    end,
}
