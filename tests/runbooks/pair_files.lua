-- Test runbook: one step that writes two files under --dir the way a
-- keeper's config step does (first "dyn", then "cfg"), observing only cfg's
-- hash and with no verify, so that a run killed between or after the writes
-- (DRCTL_CRASH_AT=effect:N) shows whether resume recognises its own write.
local dr = require "dr"
local files = require "dr.testfiles"

return dr.runbook {
    description = "write two files in one step",
    params = { dir = { required = true }, tag = { default = "v2" } },
    main = function(p)
        dr.step {
            name = "write the pair",
            host = "local",
            check = function()
                return { sha = dr.sha256(files.read(p.dir .. "/cfg") or "") }
            end,
            act = function()
                assert(files.write(p.dir .. "/dyn", "dyn " .. p.tag .. "\n"))
                assert(files.write(p.dir .. "/cfg", "cfg " .. p.tag .. "\n"))
            end,
        }
    end,
}
