-- Test runbook: a mutating call outside any step must be refused.
local dr = require "dr"
local files = require "dr.testfiles"
return dr.runbook {
    params = { dir = { required = true } },
    main = function(p)
        assert(files.write(p.dir .. "/x", "x"))
    end,
}
