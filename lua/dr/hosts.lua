-- dr.hosts: commands and files on the inventory's nodes, over SSH.
--
-- One ssh pool per run, built from the inventory's ssh section; a node is a
-- table from dr.inventory (keeper or clickhouse).  Mutating calls (exec,
-- exec_many, write) go through the engine's effect gate inside the ssh
-- binding: in a rehearsal they are recorded, not performed.  probe and read
-- run in rehearsals too and must only be used for what changes nothing.
local dr = require "dr"
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
            parallel = inv.ssh.parallel,
            passphrase_file = inv.ssh.passphrase_file,
            passphrase_env = inv.ssh.passphrase_env,
            agent = inv.ssh.agent,
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

-- Files read ahead by M.prefetch: spec -> {at = dr.clock(), files = {path
-- = content or false}}.  A read takes its file out; a write or removal of
-- the file drops it, a command on the host (exec) drops the host's, and
-- PREFETCH_FOR seconds drop them all.  The host still refuses a write when
-- the file no longer holds what was read (compare-and-swap).
local ahead = {}
local PREFETCH_FOR = 60

local function forget(spec, path)
    local e = ahead[spec]
    if e and path then
        e.files[path] = nil
    else
        ahead[spec] = nil
    end
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
    forget(M.spec(node))
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
        forget(specs[i])
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

-- A read-only command on every node at once (runs in rehearsals too).
-- cmd is a string or a function of the node.  Returns the results by node
-- name ({ok, status, stdout, stderr} or {ok=false, error}); never raises
-- for a host that fails: a phase decides what a silent host means.  A dead
-- site costs one connect timeout, not one per host.
function M.probe_all(nodes, cmd, opts)
    local specs, cmds = {}, {}
    for i, n in ipairs(nodes) do
        specs[i] = M.spec(n)
        cmds[i] = type(cmd) == "function" and cmd(n) or cmd
    end
    local by_name = {}
    if #specs == 0 then
        return by_name
    end
    local results = M.pool():probe_many(specs, cmds, opts)
    for i, n in ipairs(nodes) do
        by_name[n.name] = results[i]
    end
    return by_name
end

-- The names of the nodes that do not answer `true` over ssh within
-- timeout seconds (all asked at once), in the order of nodes, with why.
function M.silent(nodes, timeout)
    local r = M.probe_all(nodes, "true", { timeout = timeout })
    local silent, why = {}, {}
    for _, n in ipairs(nodes) do
        local x = r[n.name]
        if not x.ok or x.status ~= 0 then
            silent[#silent + 1] = n.name
            local refused = x.ok and sudo_refusal(n, x)
            why[n.name] = x.error or (refused and string.format("sudo refused: sudo -n -- /bin/sh -c 'true': %s",
                refused))
                or ("exit " .. tostring(x.status or x.signal))
        end
    end
    return silent, why
end

-- A file of every node at once: path is a string or a function of the
-- node (nil: skip the node).  Returns content by node name (absent files
-- are missing from the table); raises naming every node whose read failed
-- otherwise, unless opts.allow_fail (then the errors come second).
function M.read_all(nodes, path, opts)
    local specs, paths, asked = {}, {}, {}
    for _, n in ipairs(nodes) do
        local p = type(path) == "function" and path(n) or path
        if p then
            asked[#asked + 1] = n
            specs[#specs + 1] = M.spec(n)
            paths[#paths + 1] = p
        end
    end
    local data, errors, failed = {}, {}, {}
    if #specs == 0 then
        return data, errors
    end
    local results = M.pool():read_many(specs, paths, opts)
    for i, n in ipairs(asked) do
        local r = results[i]
        if r.ok then
            data[n.name] = r.data
        elseif r.code ~= "not found" then
            errors[n.name] = r.error
            failed[#failed + 1] = string.format("%s: %s", n.name, r.error)
        end
    end
    if #failed > 0 and not (opts and opts.allow_fail) then
        error(table.concat(failed, "; "), 2)
    end
    return data, errors
end

-- Reads the files that the next steps will read on many nodes, in one
-- command per node and all nodes at once (two files on 300 nodes: one
-- round of 300 commands, not two).  paths(node) -> list of paths.  A node
-- that fails, or takes more than PREFETCH_WAIT seconds (a host lost since
-- the pre-flight), is left to the steps' own reads, which report it: the
-- read-ahead must not add an exec timeout to theirs.
local PREFETCH_WAIT = 10
function M.prefetch(nodes, paths)
    local specs, lists = {}, {}
    for _, n in ipairs(nodes) do
        local list = paths(n)
        if list and #list > 0 then
            specs[#specs + 1] = M.spec(n)
            lists[#lists + 1] = list
        end
    end
    if #specs == 0 then
        return
    end
    local results = M.pool():read_files_many(specs, lists, { timeout = PREFETCH_WAIT })
    local now = dr.clock()
    for i = 1, #specs do
        local r = results[i]
        if r and r.ok then
            ahead[specs[i]] = { at = now, files = r.files }
        end
    end
end

-- The content of a file, or nil when it does not exist.
function M.read(node, path)
    local spec = M.spec(node)
    local e = ahead[spec]
    if e then
        local data = e.files[path]
        if data ~= nil and dr.clock() - e.at < PREFETCH_FOR then
            e.files[path] = nil
            return data or nil
        elseif data ~= nil then
            ahead[spec] = nil
        end
    end
    local data, err, code = M.pool():read_file(spec, path)
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
-- opts.previous: the content the step read just before (false: absent),
-- so that the file is not read a second time; the host still refuses the
-- write when the file no longer holds it.
function M.write(node, path, content, opts)
    forget(M.spec(node), path)
    local r, err = M.pool():write_file(M.spec(node), path, content, opts)
    if not r then
        error(string.format("%s: %s", node.name, err), 2)
    end
    return r
end

-- Removes a file (gated; its content is checkpointed, so a rollback puts
-- it back).  A file already absent is nothing to do.
function M.remove(node, path)
    forget(M.spec(node), path)
    local r, err = M.pool():remove_file(M.spec(node), path)
    if not r then
        error(string.format("%s: %s", node.name, err), 2)
    end
    return r
end

return M
