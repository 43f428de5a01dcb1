-- marker: writes the marker znode (/drctl/marker, carrying this run's id)
-- through the running ensemble and reads it back through a standby
-- observer.  A failover checks that the new ensemble holds it: run this
-- regularly (it is part of every drill) so the marker is recent.
local dr = require "dr"
local keepers = require "dr.keepers"

return dr.runbook {
    description = "write the marker znode through the ensemble and read it back via a standby",
    main = function()
        local all = keepers.all()
        local p = keepers.probe(all)
        local voting, standby = {}, {}
        for _, k in ipairs(all) do
            if p[k.name].mode == "leader" or p[k.name].mode == "follower" then
                voting[#voting + 1] = k
            elseif p[k.name].mode == "observer" then
                standby[#standby + 1] = k
            end
        end
        if #voting == 0 then
            dr.refuse("no keeper serves as leader or follower", "check drctl status")
        end
        dr.step {
            name = "write /drctl/marker",
            act = function()
                local s = assert(keepers.connect(voting))
                assert(s:marker_write("/drctl/marker", dr.run_id()))
                s:close()
            end,
        }
        if #standby > 0 and not dr.rehearsal() then
            local s = assert(keepers.connect({ standby[1] }))
            s:sync("/drctl/marker")
            local m = assert(s:marker_read("/drctl/marker"))
            s:close()
            if m.run_id ~= dr.run_id() then
                error(string.format("%s reads marker %s, not %s", standby[1].name,
                    tostring(m.run_id), dr.run_id()))
            end
            dr.log("%s reads the marker of run %s", standby[1].name, m.run_id)
        end
    end,
}
