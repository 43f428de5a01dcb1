-- dr.clickhouse: what the procedures ask of ClickHouse servers, over HTTP
-- with the inventory's credentials: running INSERTs, the replicas' znodes,
-- answering / writable / caught-up waits, the heartbeat write.
local dr = require "dr"
local inv = require "dr.inventory"
local ch = require "dr.ch"

local M = {}
local client

function M.client()
    if not client then
        local c, err = ch.client {
            user = inv.clickhouse_auth.user,
            password_file = inv.clickhouse_auth.password_file,
            password_env = inv.clickhouse_auth.password_env,
        }
        if not c then
            error("clickhouse: " .. tostring(err), 2)
        end
        -- https: true nodes (inventory, per kind or node) go over TLS with
        -- their CA and client certificate
        for name, n in pairs(inv.nodes) do
            if n.kind == "clickhouse" and n.https then
                local ok, terr = c:tls(M.target(n), { ca_file = n.ca_file,
                    cert_file = n.cert_file, key_file = n.key_file })
                if not ok then
                    error(string.format("clickhouse %s: %s", name, terr), 2)
                end
            end
        end
        client = c
    end
    return client
end

function M.target(c)
    return string.format("%s:%d", c.host, c.http_port)
end

-- "ch3: INSERT ... (12 s)" for every INSERT running on nodes; a node that
-- does not answer is reported by a warning, not counted.
function M.running_inserts(nodes)
    local busy = {}
    for _, c in ipairs(nodes) do
        local list, err = M.client():processes(M.target(c))
        if not list then
            dr.warn("%s: cannot list running queries: %s", c.name, err)
        else
            for _, p in ipairs(list) do
                busy[#busy + 1] = string.format("%s: %s (%s s)", c.name,
                    tostring(p.query):sub(1, 60), tostring(p.elapsed))
            end
        end
    end
    return busy
end

-- The znodes the replicated tables of nodes live under (their replica
-- paths), read from system.replicas, which answers even when the tables
-- are read-only.  A new ensemble must hold them.
function M.replica_paths(nodes)
    local paths, seen = {}, {}
    for _, c in ipairs(nodes) do
        local rows, err = M.client():query(M.target(c),
            "SELECT zookeeper_path, replica_name FROM system.replicas")
        if not rows then
            dr.warn("%s: cannot read system.replicas: %s", c.name, err)
        else
            for _, r in ipairs(rows) do
                local p = r.zookeeper_path .. "/replicas/" .. r.replica_name
                if not seen[p] then
                    seen[p] = true
                    paths[#paths + 1] = p
                end
            end
        end
    end
    table.sort(paths)
    return paths
end

function M.wait_answering(c, timeout)
    return dr.wait {
        what = c.name .. " to answer queries",
        timeout = timeout or 60,
        check = function()
            local rows, err = M.client():query(M.target(c), "SELECT 1 AS one", 5)
            return rows ~= nil, err
        end,
    }
end

local function replicas_state(c)
    local list, err = M.client():replicas(M.target(c))
    if not list then
        return nil, err
    end
    return list
end

-- Every replicated table of c is writable: not read-only, session alive.
function M.wait_writable(c, timeout)
    return dr.wait {
        what = c.name .. "'s replicated tables to be writable",
        timeout = timeout or 120,
        check = function()
            local list, err = replicas_state(c)
            if not list then
                return false, err
            end
            for _, r in ipairs(list) do
                if r.is_readonly or r.is_session_expired then
                    return false, string.format("%s.%s read-only", r.database, r.table)
                end
            end
            return true
        end,
    }
end

-- Every replicated table of c has nothing left to fetch (queue empty, log
-- pulled, no delay), then SYSTEM SYNC REPLICA confirms it.
function M.wait_caught_up(c, timeout)
    local t0 = dr.clock()
    local tables = {}
    dr.wait {
        what = c.name .. "'s replicas to catch up",
        timeout = timeout or 300,
        check = function()
            local list, err = replicas_state(c)
            if not list then
                return false, err
            end
            tables = {}
            for _, r in ipairs(list) do
                tables[#tables + 1] = r.database .. "." .. r.table
                if not r.caught_up then
                    return false, string.format("%s.%s: %s", r.database, r.table,
                        tostring(r.why))
                end
            end
            return true
        end,
    }
    if dr.rehearsal() then
        return true
    end
    for _, t in ipairs(tables) do
        local left = math.max(5, (timeout or 300) - (dr.clock() - t0))
        local ok, err = M.client():sync_replica(M.target(c), t, left)
        if not ok then
            error(string.format("%s: %s", c.name, err), 0)
        end
    end
    return true
end

-- Writes the site's heartbeat row through c; returns the wall-clock time
-- the write was accepted (the end of the RTO).
function M.heartbeat(c, site)
    local ok, err = M.client():heartbeat_write(M.target(c), site)
    if not ok then
        error(string.format("%s: heartbeat write refused: %s", c.name, err), 0)
    end
    return dr.now()
end

function M.count(c, tbl)
    local rows, err = M.client():query(M.target(c), "SELECT count() AS n FROM " .. tbl)
    if not rows then
        return nil, err
    end
    return tonumber(rows[1].n)
end

return M
