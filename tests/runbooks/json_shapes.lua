-- Test runbook for the CLI tests: two steps that touch no host, a metric
-- and a parameter, so that a real run can be journaled anywhere and its
-- --json shapes checked without a lab.
local dr = require "dr"

return dr.runbook {
    description = "cli test: two steps on no host",
    params = {
        tag = { default = "t1", help = "a word journaled with the run" },
        fail = { help = "make the second step fail" },
    },
    main = function(p)
        dr.step {
            name = "first " .. p.tag,
            act = function()
                return { tag = p.tag }
            end,
        }
        dr.step {
            name = "second",
            act = function()
                if p.fail then
                    error("asked to fail")
                end
            end,
        }
        dr.metric("rto_seconds", 1.5)
    end,
}
