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
            agent = inv.ssh.agent,
        }
        if not p then
            error("ssh: " .. tostring(err), 2)
        end
        pool = p
    end
    return pool
end

-- "user@host:port" of a node: the host string journaled with every effect.
function M.spec(node)
    return string.format("%s@%s:%d", node.ssh_user or inv.ssh.user, node.host,
        node.ssh_port or inv.ssh.port)
end

-- The cause in an error raised by these calls, for a message that names
-- the node itself: without the Lua position ("procedures.lua:12: ") and
-- without the node's name that check() puts first.
function M.why(err, node)
    local text = tostring(err):gsub("^[^:\n]*%.lua:%d+: ", "")
    local name = node and node.name
    if name and text:sub(1, #name + 2) == name .. ": " then
        text = text:sub(#name + 3)
    end
    return (text:gsub("%s+$", ""))
end

function M.quote(s)
    return "'" .. tostring(s):gsub("'", "'\\''") .. "'"
end

local function check(node, cmd, r, err, opts)
    if not r then
        error(string.format("%s: %s", node.name, err), 3)
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
