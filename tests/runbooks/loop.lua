-- Test runbook: never ends, outside a step or inside one (--where step);
-- the run's deadline (or the step's) must stop it naming this file's line.
local dr = require "dr"
return dr.runbook {
    params = { where = { default = "main" } },
    run_deadline = 1,
    step_deadline = 1,
    main = function(p)
        if p.where == "step" then
            dr.step {
                name = "spin",
                act = function()
                    local n = 0
                    while true do n = n + 1 end
                end,
            }
        end
        while true do end
    end,
}
