-- dr.gc: what earlier runs set aside on the keeper hosts, and which of it
-- a retention keeps.  Procedures never delete coordination data: a
-- failover backs up the promoted node's directories as DIR.drctl-TAG-RUN,
-- recovery moves a rejoining node's old data to DATA/version-2.drctl-stale-RUN
-- (ZooKeeper) or PATH.drctl-stale-RUN (Keeper).  Run ids start with their
-- UTC start time (YYYYMMDD-HHMMSS-...), which gives each item its age.
local dr = require "dr"
local inv = require "dr.inventory"
local hosts = require "dr.hosts"

local M = {}

-- Default when the inventory has no retention section: the 5 newest runs.
M.DEFAULT_RUNS = 5

local RUN_PATTERN = "%.drctl%-([%w]+)%-(%d%d%d%d%d%d%d%d%-%d%d%d%d%d%d%-[%x]+)$"

-- Seconds since the epoch of a run id's start (UTC), or nil.
local function run_time(run)
    local y, mo, d, h, mi, s = run:match("^(%d%d%d%d)(%d%d)(%d%d)%-(%d%d)(%d%d)(%d%d)")
    if not y then
        return nil
    end
    y, mo, d = tonumber(y), tonumber(mo), tonumber(d)
    -- days from the civil date (proleptic Gregorian)
    if mo <= 2 then
        y = y - 1
    end
    local era = (y >= 0 and y or y - 399) // 400
    local yoe = y - era * 400
    local mp = (mo + 9) % 12
    local doy = (153 * mp + 2) // 5 + d - 1
    local doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    local days = era * 146097 + doe - 719468
    return days * 86400 + tonumber(h) * 3600 + tonumber(mi) * 60 + tonumber(s)
end
M.run_time = run_time

-- The directories of keeper k under which runs set things aside.
local function bases(k)
    local out = {}
    for _, key in ipairs({ "data_dir", "data_log_dir", "log_storage_path",
        "snapshot_storage_path" }) do
        if k[key] then
            out[#out + 1] = k[key]
        end
    end
    return out
end

-- Every set-aside item on every keeper host: {node, host, path, tag, run,
-- time, kb}, by node then path.  Read-only (runs in rehearsals too).  A
-- host that does not answer is reported by a warning and skipped.
function M.list(nodes)
    local items = {}
    for _, k in ipairs(nodes) do
        local globs = {}
        for _, d in ipairs(bases(k)) do
            local q = hosts.quote(d)
            globs[#globs + 1] = q .. ".drctl-*"
            globs[#globs + 1] = q .. "/version-2.drctl-*"
        end
        local cmd = "for p in " .. table.concat(globs, " ")
            .. "; do if [ -e \"$p\" ]; then du -sk -- \"$p\"; fi; done; true"
        local ok, r = pcall(hosts.probe, k, cmd, { timeout = 60 })
        if not ok then
            dr.warn("%s: cannot list what runs set aside: %s", k.name, tostring(r))
        else
            for kb, path in r.stdout:gmatch("(%d+)%s+([^\n]+)") do
                local tag, run = path:match(RUN_PATTERN)
                if run then
                    items[#items + 1] = { node = k, host = k.name, path = path, tag = tag,
                        run = run, time = run_time(run), kb = tonumber(kb) }
                end
            end
        end
    end
    table.sort(items, function(a, b)
        if a.host ~= b.host then
            return a.host < b.host
        end
        return a.path < b.path
    end)
    return items
end

-- Marks each item keep = true/false: an item is kept while its run is
-- among the `runs` newest runs that set anything aside, or younger than
-- `days`; with both limits, it goes only when it is beyond both.
function M.decide(items, runs, days, now)
    local ids, seen = {}, {}
    for _, it in ipairs(items) do
        if not seen[it.run] then
            seen[it.run] = true
            ids[#ids + 1] = it.run
        end
    end
    table.sort(ids, function(a, b) return a > b end) -- newest first
    local rank = {}
    for i, id in ipairs(ids) do
        rank[id] = i
    end
    for _, it in ipairs(items) do
        local by_count = runs and runs > 0 and rank[it.run] <= runs
        local by_age = days and days > 0 and it.time and (now - it.time) < days * 86400
        it.keep = (by_count or by_age) and true or false
        it.age_days = it.time and (now - it.time) / 86400 or nil
    end
    return items
end

-- The retention of the inventory (or the default).
function M.retention()
    local r = inv.retention or {}
    local runs, days = r.runs, r.days
    if not runs and not days then
        runs = M.DEFAULT_RUNS
    end
    return runs, days
end

-- All keepers of both sites.
function M.keepers()
    local out = {}
    for _, site in ipairs({ inv.primary, inv.standby }) do
        for _, k in ipairs(site.keepers) do
            out[#out + 1] = k
        end
    end
    return out
end

return M
