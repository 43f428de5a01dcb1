-- The built-in rollback runbook (drctl rollback RUN): every file the run
-- replaced or removed goes back to its checkpointed content, newest change
-- first, so a file changed twice ends as it was before the run; a file the
-- run created is removed.  The rollback is a run of its own, journaled and
-- checkpointed, so it can be rolled back too (drctl refuses to roll the
-- same run back twice).  Servers are not restarted: the rollback says which
-- ones read the restored files, and which files appeared next to them since
-- the run started that the run did not write (a server's own rewrites, such
-- as ZooKeeper's zoo.cfg.dynamic.<version>), which it leaves in place.
local dr = require "dr"

-- How a checkpoint goes back, by the module that journaled it.  A module
-- not listed here restores through its own restore(host, path, content).
local restorers = {
    ssh = function(cp)
        local hosts = require "dr.hosts"
        local pool = hosts.pool()
        if cp.content then
            local r, err = pool:write_file(cp.host, cp.path, cp.content)
            return r ~= nil, err
        end
        local r, err = pool:remove_file(cp.host, cp.path)
        return r ~= nil, err
    end,
    -- a file of the state directory (the recorded topology)
    state = function(cp)
        local ok, err = dr.state_write(cp.path, cp.content)
        return ok ~= nil and ok ~= false, err
    end,
    -- a znode: cp.host is the server list the run used
    zk = function(cp)
        local inv = require "dr.inventory"
        local zk = require "dr.zk"
        local s, err = zk.connect(cp.host, {
            secret_file = inv.super_digest.file, secret_env = inv.super_digest.env,
        })
        if not s then
            return false, err
        end
        local ok, why
        if cp.content then
            if s:exists(cp.path) then
                ok, why = s:set(cp.path, cp.content)
            else
                ok, why = s:create(cp.path, cp.content, { parents = true })
            end
        elseif s:exists(cp.path) then
            ok, why = s:delete(cp.path)
        else
            ok = true
        end
        s:close()
        return ok ~= nil and ok ~= false, why
    end,
}

-- The inventory node a journaled host spec ("user@host:port") names.
local function node_of(spec)
    local ok, inv = pcall(require, "dr.inventory")
    if not ok or type(inv) ~= "table" or not inv.nodes then
        return nil
    end
    local hosts = require "dr.hosts"
    for _, n in pairs(inv.nodes) do
        if hosts.spec(n) == spec then
            return n
        end
    end
    return nil
end

local function dirname(path)
    return path:match("^(.*)/[^/]*$") or "."
end

-- Files in the directories of the restored files, changed since the run
-- started and not written by the run: listed, never touched.
local function report_strays(checkpoints, since_ms)
    local hosts = require "dr.hosts"
    local pool = hosts.pool()
    local known, dirs, order = {}, {}, {}
    for _, cp in ipairs(checkpoints) do
        known[cp.host .. "\n" .. cp.path] = true
        local key = cp.host .. "\n" .. dirname(cp.path)
        if cp.module == "ssh" and not dirs[key] then
            dirs[key] = { host = cp.host, dir = dirname(cp.path) }
            order[#order + 1] = key
        end
    end
    local strays = {}
    for _, key in ipairs(order) do
        local d = dirs[key]
        local r = pool:probe(d.host, string.format(
            "find %s -maxdepth 1 -type f -newermt @%d 2>/dev/null", hosts.quote(d.dir),
            since_ms // 1000 - 1))
        if r and r.status == 0 then
            for f in r.stdout:gmatch("[^\n]+") do
                if not known[d.host .. "\n" .. f] then
                    strays[#strays + 1] = d.host .. ":" .. f
                end
            end
        end
    end
    return strays
end

-- The failover locks (dr.procedures) the run took and still holds: a run
-- that stopped keeps them; once it is rolled back they go.
local function release_locks(run)
    local records = dr.journal(run)
    for _, r in ipairs(records or {}) do
        if r.t == "step_end" and type(r.result) == "table" and type(r.result.site_lock) == "table" then
            for _, l in ipairs(r.result.site_lock) do
                dr.step {
                    name = string.format("release run %s's failover lock on %s", run, l.node),
                    host = l.host,
                    act = function()
                        local hosts = require "dr.hosts"
                        hosts.pool():exec(l.host, string.format(
                            "if [ \"$(cut -d' ' -f1 %s 2>/dev/null)\" = %s ]; then rm -f -- %s; fi",
                            hosts.quote(l.path), hosts.quote(run), hosts.quote(l.path)))
                    end,
                }
            end
        end
    end
end

return dr.runbook {
    description = "restore every file a run replaced or removed, newest first, byte for byte",
    params = { run = { required = true, help = "the run whose changes are undone" } },
    main = function(p)
        local checkpoints, info = dr.checkpoints(p.run)
        if not checkpoints then
            dr.refuse(info, "see drctl runs")
        end
        release_locks(p.run)
        if #checkpoints == 0 then
            dr.log("run %s replaced no file: nothing to restore", p.run)
            return
        end
        local restart, restart_seen = {}, {}
        for _, cp in ipairs(checkpoints) do
            local restore = restorers[cp.module] or require("dr." .. cp.module).restore
            dr.step {
                name = string.format("restore %s", cp.path),
                host = cp.host,
                act = function()
                    local ok, why = restore(cp)
                    if not ok then
                        error(string.format("restore %s on %s: %s", cp.path, cp.host, why), 0)
                    end
                end,
            }
            dr.log("restored %s:%s (%s)", cp.host, cp.path,
                not cp.existed and "removed: the run created it"
                or cp.kind == "remove_file" and "put back: the run removed it"
                or "content before the run")
            local n = cp.module == "ssh" and node_of(cp.host)
            if n and not restart_seen[n.name] then
                restart_seen[n.name] = true
                restart[#restart + 1] = n.name
            end
        end
        dr.metric("files_restored", #checkpoints)
        if info and info.time and not dr.rehearsal() then
            local ok, strays = pcall(report_strays, checkpoints, info.time)
            if ok and #strays > 0 then
                dr.warn("written since run %s started, not by it (left in place): %s", p.run,
                    table.concat(strays, ", "))
            end
        end
        if #restart > 0 then
            table.sort(restart)
            dr.warn("servers read the restored files only when they start: restart %s "
                .. "(drctl restarts nothing on rollback)", table.concat(restart, ", "))
        end
    end,
}
