-- gc: lists what earlier runs set aside on the keeper hosts (backups of
-- coordination data, stale data moved aside by recovery) and removes what
-- the inventory's retention (retention: {runs: N, days: D}; default: the 5
-- newest runs) does not keep.  `drctl gc` is the rehearsal (the list, and
-- the removals as a plan); `drctl gc --yes` removes, journaled like any run.
-- Removal cannot be rolled back: that is what the retention is for.
local dr = require "dr"
local hosts = require "dr.hosts"
local gc = require "dr.gc"

return dr.runbook {
    description = "list and prune what earlier runs set aside (retention from the inventory)",
    params = {
        runs = { default = "" }, -- override the inventory's retention.runs
        days = { default = "" }, -- override the inventory's retention.days
    },
    main = function(p)
        local runs, days = gc.retention()
        if p.runs ~= "" or p.days ~= "" then
            runs, days = tonumber(p.runs), tonumber(p.days)
            if (p.runs ~= "" and not runs) or (p.days ~= "" and not days) then
                dr.refuse("--runs and --days take numbers", "give e.g. --runs 3 or --days 30")
            end
        end
        local items = gc.decide(gc.list(gc.keepers()), runs, days, dr.now())
        local kept_kb, gone_kb, by_host = 0, 0, {}
        dr.log("retention: %s%s%s", runs and (runs .. " newest runs") or "",
            (runs and days) and " or " or "", days and ("younger than " .. days .. " days") or "")
        for _, it in ipairs(items) do
            dr.log("%-6s %-4s %8d KiB  %5.1f days  %s", it.keep and "keep" or "remove", it.host,
                it.kb, it.age_days or -1, it.path)
            if it.keep then
                kept_kb = kept_kb + it.kb
            else
                gone_kb = gone_kb + it.kb
                local h = by_host[it.host]
                if not h then
                    h = { node = it.node, paths = {} }
                    by_host[it.host] = h
                    by_host[#by_host + 1] = it.host
                end
                h.paths[#h.paths + 1] = it.path
            end
        end
        dr.log("%d item(s): keep %d KiB, remove %d KiB", #items, kept_kb, gone_kb)
        dr.metric("gc_removed_kib", gone_kb)
        dr.metric("gc_kept_kib", kept_kb)
        for _, name in ipairs(by_host) do
            local h = by_host[name]
            dr.step {
                name = string.format("remove %d set-aside item(s) on %s", #h.paths, name),
                host = name,
                act = function()
                    local q = {}
                    for i, path in ipairs(h.paths) do
                        -- only names the procedures make; never anything else
                        assert(path:match("%.drctl%-[%w]+%-%d+%-%d+%-[%x]+$"), path)
                        q[i] = hosts.quote(path)
                    end
                    hosts.exec(h.node, "rm -rf -- " .. table.concat(q, " "), { timeout = 600 })
                end,
                verify = function()
                    local left = {}
                    for _, it in ipairs(gc.list({ h.node })) do
                        for _, path in ipairs(h.paths) do
                            if it.path == path then
                                left[#left + 1] = path
                            end
                        end
                    end
                    return #left == 0, "still there: " .. table.concat(left, ", ")
                end,
            }
        end
    end,
}
