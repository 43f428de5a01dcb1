-- The built-in rollback runbook (drctl rollback RUN): every file the run
-- replaced goes back to its checkpointed content, newest change first, so a
-- file changed twice ends as it was before the run; a file the run created
-- is removed.  The rollback is a run of its own, journaled and checkpointed,
-- so it can be rolled back too.
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
        local r, err = pool:exec(cp.host, "rm -f -- " .. hosts.quote(cp.path))
        return r ~= nil and r.status == 0, err or (r and r.stderr)
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

return dr.runbook {
    description = "restore every file a run replaced, newest first, byte for byte",
    params = { run = { required = true, help = "the run whose changes are undone" } },
    main = function(p)
        local checkpoints, err = dr.checkpoints(p.run)
        if not checkpoints then
            dr.refuse(err, "see drctl runs")
        end
        if #checkpoints == 0 then
            dr.log("run %s replaced no file: nothing to restore", p.run)
            return
        end
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
                cp.existed and "content before the run" or "removed: the run created it")
        end
        dr.metric("files_restored", #checkpoints)
    end,
}
