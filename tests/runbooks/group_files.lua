-- Test runbook: one group of three steps, each replacing one file under
-- --dir.  Every member's act waits until all three members have started (or
-- finished in an earlier, interrupted run): run one after another, the
-- first would wait for ever, so the run only ends when the members really
-- overlap.  Crash points as in three_files.lua; --fail N makes member N
-- fail, --limit N runs at most N members at once.
local dr = require "dr"
local files = require "dr.testfiles"

return dr.runbook {
    description = "write three files in one parallel group",
    params = {
        dir = { required = true },
        tag = { default = "v2" },
        fail = { default = "0" },
        limit = { default = "0" },
        wait = { default = "5" },
    },
    main = function(p)
        local started = {}
        local function want(i)
            return string.format("file %d %s\n", i, p.tag)
        end
        local function path(i)
            return p.dir .. "/f" .. i
        end
        local results = dr.group {
            name = "write the files",
            over = { 1, 2, 3 },
            limit = tonumber(p.limit),
            step = function(i)
                return {
                    name = "write f" .. i,
                    host = "local",
                    check = function()
                        return { content = files.read(path(i)) or "" }
                    end,
                    act = function()
                        started[i] = true
                        dr.wait {
                            what = "every member started",
                            timeout = tonumber(p.wait),
                            interval = 0.01,
                            check = function()
                                for j = 1, 3 do
                                    if not started[j] and files.read(path(j)) ~= want(j) then
                                        return false, "f" .. j .. " not started"
                                    end
                                end
                                return true
                            end,
                        }
                        if tonumber(p.fail) == i then
                            error("member " .. i .. " fails as asked")
                        end
                        files.crash_if(p.dir .. "/crash-" .. i .. "-before")
                        assert(files.write(path(i), want(i)))
                        files.crash_if(p.dir .. "/crash-" .. i .. "-after")
                        return i * 10
                    end,
                    verify = function()
                        local now = files.read(path(i))
                        return now == want(i), "f" .. i .. " holds " .. tostring(now)
                    end,
                }
            end,
        }
        dr.step {
            name = "after the group",
            act = function()
                local sum = 0
                for i = 1, 3 do -- a member finished before an interruption returns nil
                    sum = sum + (results[i] or 0)
                end
                assert(files.write(p.dir .. "/sum", tostring(sum) .. "\n"))
            end,
        }
    end,
}
