-- Test runbook: three steps, each replacing one file under --dir, with a
-- crash point inside every step (the test creates DIR/crash-N to SIGKILL
-- the run there, before or after the write).
local dr = require "dr"
local files = require "dr.testfiles"

return dr.runbook {
    description = "write three files, one step each",
    params = { dir = { required = true }, tag = { default = "v2" } },
    main = function(p)
        for i = 1, 3 do
            local path = p.dir .. "/f" .. i
            local want = string.format("file %d %s\n", i, p.tag)
            dr.step {
                name = "write f" .. i,
                host = "local",
                check = function()
                    return { content = files.read(path) or "" }
                end,
                act = function()
                    files.crash_if(p.dir .. "/crash-" .. i .. "-before")
                    assert(files.write(path, want))
                    files.crash_if(p.dir .. "/crash-" .. i .. "-after")
                    files.term_if(p.dir .. "/term-" .. i)
                    return i
                end,
                verify = function()
                    local now = files.read(path)
                    return now == want, "f" .. i .. " holds " .. tostring(now)
                end,
            }
        end
    end,
}
