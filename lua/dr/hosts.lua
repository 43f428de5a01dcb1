-- dr.hosts: commands and files on the inventory's nodes, over SSH.
--
-- One ssh pool per run, built from the inventory's ssh section; a node is a
-- table from dr.inventory (keeper or clickhouse).  Mutating calls (exec,
-- exec_many, write) go through the engine's effect gate inside the ssh
-- binding: in a rehearsal they are recorded, not performed.  probe and read
-- run in rehearsals too and must only be used for what changes nothing.
local ssh = require "dr.ssh"
local inv = require "dr.inventory"

local M = {}
local pool

function M.pool()
    if not pool then
        local p, err = ssh.pool {
            known_hosts = inv.ssh.known_hosts,
            identity = inv.ssh.identity,
            user = inv.ssh.user,
            port = inv.ssh.port,
            connect_timeout = inv.ssh.connect_timeout,
            passphrase_file = inv.ssh.passphrase_file,
            passphrase_env = inv.ssh.passphrase_env,
        }
        if not p then
            error("ssh: " .. tostring(err), 2)
        end
        pool = p
        M.route_all(p)
    end
    return pool
end

-- become (sudo) and the jump host of every inventory node, set on the pool
-- before any session opens; rollback and journaled host specs get them too.
function M.route_all(p)
    for _, site in pairs(inv.sites) do
        for _, list in ipairs({ site.keepers, site.clickhouse }) do
            for _, n in ipairs(list) do
                local ok, err = p:host_options(M.spec(n), { become = n.become, jump = n.jump })
                if not ok then
                    error(string.format("%s: %s", n.name, err), 0)
                end
            end
        end
    end
end

-- The message sudo -n prints when the login user may not run a command
-- without a password, or nil.
local function sudo_refusal(node, r)
    if node.become ~= "sudo" or r.status == 0 then
        return nil
    end
    local e = r.stderr or ""
    if e:match("^sudo: ") or e:match("is not allowed to execute") or e:match("^Sorry, user") then
        return (e:gsub("%s+$", ""))
    end
end

-- "user@host:port" of a node: the host string journaled with every effect.
function M.spec(node)
    return string.format("%s@%s:%d", node.ssh_user or inv.ssh.user, node.host,
        node.ssh_port or inv.ssh.port)
end

function M.quote(s)
    return "'" .. tostring(s):gsub("'", "'\\''") .. "'"
end

local function check(node, cmd, r, err, opts)
    if not r then
        error(string.format("%s: %s", node.name, err), 3)
    end
    local refused = sudo_refusal(node, r)
    if refused then
        error(string.format("%s (%s): sudo refused: sudo -n -- /bin/sh -c %s: %s", node.name,
            M.spec(node), M.quote(cmd), refused), 0)
    end
    if r.status ~= 0 and not (opts and opts.allow_fail) then
        local out = (r.stderr ~= "" and r.stderr) or r.stdout
        error(string.format("%s: '%s' exited with %s: %s", node.name, cmd,
            tostring(r.status or r.signal), (out or ""):gsub("%s+$", "")), 3)
    end
    return r
end

-- Runs a command that changes the host (gated).  Raises when it cannot run
-- or exits non-zero, unless opts.allow_fail.
function M.exec(node, cmd, opts)
    local r, err = M.pool():exec(M.spec(node), cmd, opts)
    return check(node, cmd, r, err, opts)
end

-- Runs a read-only command (not gated: runs in rehearsals too).
function M.probe(node, cmd, opts)
    local r, err = M.pool():probe(M.spec(node), cmd, opts)
    return check(node, cmd, r, err, opts)
end

-- One command on many nodes in parallel (gated per host).  Returns the
-- results by node name; raises listing every node that failed unless
-- opts.allow_fail.
function M.exec_many(nodes, cmd, opts)
    local specs = {}
    for i, n in ipairs(nodes) do
        specs[i] = M.spec(n)
    end
    local results = M.pool():exec_many(specs, cmd, opts)
    local by_name, failed = {}, {}
    for i, n in ipairs(nodes) do
        local r = results[i]
        by_name[n.name] = r
        if r.ok == false or (r.status and r.status ~= 0) then
            failed[#failed + 1] = string.format("%s: %s", n.name,
                r.error or ((r.stderr or ""):gsub("%s+$", "")))
        end
    end
    if #failed > 0 and not (opts and opts.allow_fail) then
        error("'" .. cmd .. "' failed on " .. table.concat(failed, "; "), 2)
    end
    return by_name
end

-- The content of a file, or nil when it does not exist.
function M.read(node, path)
    local data, err, code = M.pool():read_file(M.spec(node), path)
    if data then
        return data
    end
    if code == "not found" then
        return nil
    end
    error(string.format("%s: %s", node.name, err), 2)
end

-- Replaces a file atomically (gated, checkpointed).  opts.expect_sha256
-- makes it a compare-and-swap on the content the step observed.
function M.write(node, path, content, opts)
    local r, err = M.pool():write_file(M.spec(node), path, content, opts)
    if not r then
        error(string.format("%s: %s", node.name, err), 2)
    end
    return r
end

return M
