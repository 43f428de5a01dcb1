-- Test runbook for the webhooks: one step that succeeds, then, as asked,
-- a step that fails (how=fail) or a refusal (how=refuse), or nothing more.
local dr = require "dr"

return dr.runbook {
    description = "lab test: webhook events",
    params = { how = { default = "ok" } },
    main = function(p)
        dr.step { name = "first", act = function() end }
        if p.how == "fail" then
            dr.step { name = "breaks", act = function() error("broken on purpose", 0) end }
        elseif p.how == "refuse" then
            dr.step {
                name = "refuses",
                act = function() dr.refuse("refused on purpose", "nothing to do") end,
            }
        end
    end,
}
