-- Test runbook: a first step marked redo_on_resume (as a run lock is: what
-- it holds dies with the process) appends a line to DIR/held; the second
-- step crashes where DIR/crash exists.  A resume runs the first step again.
local dr = require "dr"
local files = require "dr.testfiles"

return dr.runbook {
    description = "a step that is redone on resume",
    params = { dir = { required = true } },
    main = function(p)
        dr.step {
            name = "take the lock",
            redo_on_resume = true,
            act = function()
                local old = files.read(p.dir .. "/held") or ""
                assert(files.write(p.dir .. "/held", old .. "held\n"))
            end,
        }
        dr.step {
            name = "work",
            act = function()
                files.crash_if(p.dir .. "/crash")
                assert(files.write(p.dir .. "/work", "done\n"))
            end,
        }
    end,
}
