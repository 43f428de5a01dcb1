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

-- ask(items) -> answers, err for every item_of(x) of list: the HTTP client
-- takes at most 1000 hosts per call, so bigger fleets go in slices, each
-- asked in parallel.  The answers in the order of list; a slice that
-- failed whole answers {ok=false, error} for each of its items.
local function in_slices(list, item_of, ask)
    local out = {}
    for first = 1, #list, 1000 do
        local items = {}
        for i = first, math.min(#list, first + 999) do
            items[#items + 1] = item_of(list[i])
        end
        local res, err = ask(items)
        for i = 1, #items do
            out[first + i - 1] = res and res[i] or { ok = false, error = err }
        end
    end
    return out
end

-- Asks every node at once (a read-only query) and returns the answers in
-- the order of nodes: {ok, rows} or {ok=false, error}.
local function query_all(nodes, sql, timeout)
    return in_slices(nodes, M.target, function(targets)
        return M.client():query(targets, sql, timeout)
    end)
end

-- One warning for every node that did not answer, naming them all (a dead
-- site of hundreds of nodes is one line, not hundreds) with the first
-- error; silent is a list of {name, error}.
local function warn_silent(silent, what)
    if #silent == 0 then
        return
    end
    local list = {}
    for i, s in ipairs(silent) do
        list[i] = s[1]
    end
    if #silent == 1 then
        dr.warn("%s: cannot %s: %s", list[1], what, silent[1][2])
    else
        dr.warn("%d nodes cannot %s: %s (first: %s)", #silent, what, table.concat(list, ", "),
            silent[1][2])
    end
end

-- An INSERT, after leading blanks and comments.
local function is_insert(q)
    q = tostring(q)
    repeat
        local before = q
        q = q:gsub("^%s+", ""):gsub("^%-%-[^\n]*", ""):gsub("^/%*.-%*/", "")
    until q == before
    return q:sub(1, 6):upper() == "INSERT"
end

-- "ch3: INSERT ... (12 s)" for every INSERT running on nodes (all asked at
-- once); a node that does not answer is reported by a warning, not counted.
function M.running_inserts(nodes)
    local busy, silent = {}, {}
    local res = query_all(nodes, "SELECT query, elapsed FROM system.processes ORDER BY elapsed DESC")
    for i, c in ipairs(nodes) do
        local r = res[i]
        if not r.ok then
            silent[#silent + 1] = { c.name, r.error }
        else
            for _, p in ipairs(r.rows) do
                if is_insert(p.query) then
                    busy[#busy + 1] = string.format("%s: %s (%s s)", c.name,
                        tostring(p.query):sub(1, 60), tostring(p.elapsed))
                end
            end
        end
    end
    warn_silent(silent, "list running queries")
    return busy
end

-- The znodes the replicated tables of nodes live under (their replica
-- paths), read from system.replicas (every node at once), which answers
-- even when the tables are read-only.  A new ensemble must hold them.
function M.replica_paths(nodes)
    local paths, seen, silent = {}, {}, {}
    local res = query_all(nodes, "SELECT zookeeper_path, replica_name FROM system.replicas")
    for i, c in ipairs(nodes) do
        local r = res[i]
        if not r.ok then
            silent[#silent + 1] = { c.name, r.error }
        else
            for _, row in ipairs(r.rows) do
                local p = row.zookeeper_path .. "/replicas/" .. row.replica_name
                if not seen[p] then
                    seen[p] = true
                    paths[#paths + 1] = p
                end
            end
        end
    end
    warn_silent(silent, "read system.replicas")
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

-- "a, b, c" of at most 20 strings, then " and N more".
local function first_20(list)
    local shown = table.concat(list, ", ", 1, math.min(#list, 20))
    return shown .. (#list > 20 and string.format(" and %d more", #list - 20) or "")
end

-- One poll of a wait over many nodes: why_of(node, answer) is nil for a
-- node that is there, else why not.  Returns the nodes not there yet (to
-- ask on the next poll: a node there stays so for the wait) and the
-- wait's verdict and detail, naming them.
local function poll_left(left, answers, why_of)
    local still, why = {}, {}
    for i, c in ipairs(left) do
        local bad = why_of(c, answers[i])
        if bad then
            still[#still + 1] = c
            why[#why + 1] = c.name .. " (" .. bad .. ")"
        end
    end
    if #still == 0 then
        return still, true
    end
    return still, false, string.format("%d not yet: %s", #still, first_20(why))
end

-- Every replicated table of every node in nodes is writable, all asked
-- at once on each poll: one wait for a whole site however many nodes it
-- has.  The wait's detail names the nodes still read-only or silent.
function M.wait_all_writable(nodes, timeout)
    local left = nodes
    return dr.wait {
        what = string.format("the replicated tables of %d ClickHouse node%s to be writable",
            #nodes, #nodes == 1 and "" or "s"),
        timeout = timeout or 120,
        check = function()
            local res = query_all(left,
                "SELECT database, table, is_readonly, is_session_expired FROM system.replicas")
            local ok, detail
            left, ok, detail = poll_left(left, res, function(_, r)
                if not r.ok then
                    return "silent: " .. tostring(r.error)
                end
                for _, row in ipairs(r.rows) do
                    if row.is_readonly ~= "0" or row.is_session_expired ~= "0" then
                        return string.format("%s.%s read-only", row.database, row.table)
                    end
                end
            end)
            return ok, detail
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

-- The catch-up view (client:catch_up) of every node at once; answers in
-- the order of nodes.
local function catch_up_all(nodes)
    return in_slices(nodes, M.target, function(targets)
        return M.client():catch_up(targets)
    end)
end

-- SYSTEM SYNC REPLICA of every {node, "db.table"} pair at once, each
-- bounded by timeout; returns "node: why" of every failure (why names the
-- table).
local function sync_all(pairs_, timeout)
    local res = in_slices(pairs_, function(p)
        return { M.target(p[1]), p[2] }
    end, function(items)
        return M.client():sync_replicas(items, timeout)
    end)
    local failed = {}
    for i, p in ipairs(pairs_) do
        if not res[i].ok then
            failed[#failed + 1] = string.format("%s: %s", p[1].name, tostring(res[i].error))
        end
    end
    return failed
end

-- wait_caught_up for every node of nodes, however many: one wait whose
-- every poll asks the nodes not yet caught up all at once (a node caught
-- up is not asked again: with writes stopped it stays so), naming the
-- ones still behind; then one SYSTEM SYNC REPLICA of every table of every
-- node, all at once, with the time left (at least 5 s).  One error names
-- every node and table that did not sync.  A rehearsal stops after the
-- wait, as wait_caught_up does.
function M.wait_all_caught_up(nodes, timeout)
    timeout = timeout or 300
    if #nodes == 0 then
        return true
    end
    local t0 = dr.clock()
    local names = {}
    for i, c in ipairs(nodes) do
        names[i] = c.name
    end
    local left, tables = nodes, {}
    dr.wait {
        what = string.format("the replicas of %s to catch up", first_20(names)),
        timeout = timeout,
        check = function()
            local ok, detail
            left, ok, detail = poll_left(left, catch_up_all(left), function(c, r)
                if not r.ok then
                    return "silent: " .. tostring(r.error)
                end
                local list, bad = {}, nil
                for _, t in ipairs(r.replicas) do
                    list[#list + 1] = t.database .. "." .. t.table
                    if not bad and not t.caught_up then
                        bad = string.format("%s.%s: %s", t.database, t.table, tostring(t.why))
                    end
                end
                tables[c] = list -- the tables to sync once every node is there
                return bad
            end)
            return ok, detail
        end,
    }
    if dr.rehearsal() then
        return true
    end
    local pairs_ = {}
    for _, c in ipairs(nodes) do
        for _, t in ipairs(tables[c] or {}) do
            pairs_[#pairs_ + 1] = { c, t }
        end
    end
    if #pairs_ == 0 then
        return true
    end
    local failed = sync_all(pairs_, math.max(5, timeout - (dr.clock() - t0)))
    if #failed > 0 then
        error(string.format("%d of %d replicas did not sync: %s", #failed, #pairs_,
            table.concat(failed, "; ")), 0)
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
