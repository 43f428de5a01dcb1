-- dr.ch_rebuild: a ClickHouse server of the recovered site that came back
-- rebuilt (installed and configured, empty metadata and data directories)
-- gets the replicated tables of a healthy replica of its shard on the live
-- site, so that it can catch up instead of failing the catch-up gate.
--
-- What ClickHouse 18.16.1 does (measured on the lab's servers):
--   * SHOW CREATE TABLE prints the engine arguments as they were written, so
--     '{shard}' and '{replica}' stay macros and the same statement is valid
--     on every replica of the shard.  A table created with literal names is
--     rewritten: the healthy replica's name is replaced by the rebuilt one's.
--   * CREATE TABLE fails with code 253 "Replica .../replicas/NAME already
--     exists" while the replica's znode is still there, which it is in a
--     recovery (the rebuilt host keeps its replica name).
--   * ATTACH TABLE with the full definition takes that replica over: the
--     server finds every part the znode lists missing on disk, removes them
--     from the znode and queues a fetch of each (no flags/force_restore_data
--     needed: that flag only lifts the check against UNEXPECTED local parts,
--     and an empty disk has none).  Its queue and log pointer carry on.
--   * Without a znode, CREATE TABLE makes a new replica that copies the
--     queue and parts list of an active one ("Will mimic ...").
-- So: znode there and nobody active on it -> ATTACH; no znode -> CREATE;
-- anything else -> refuse, saying what the operator can do.
local dr = require "dr"
local inv = require "dr.inventory"
local ch = require "dr.ch"
local clickhouse = require "dr.clickhouse"

local M = {}

local function quote(s)
    return "'" .. s:gsub("[\\']", "\\%0") .. "'"
end

local function ident(s)
    return "`" .. s:gsub("[\\`]", "\\%0") .. "`"
end

local function q(c, sql)
    return clickhouse.client():query(clickhouse.target(c), sql)
end

local function must(c, sql)
    local rows, err = q(c, sql)
    if not rows then
        error(string.format("%s: %s", c.name, err), 0)
    end
    return rows
end

-- The replicated tables of c: "db.table" -> {database, table, zookeeper_path,
-- replica_name}, from system.replicas (which lists them even read-only).
local function replicated_tables(c)
    local out = {}
    for _, r in ipairs(must(c, "SELECT database, table, zookeeper_path, replica_name "
        .. "FROM system.replicas ORDER BY database, table")) do
        out[r.database .. "." .. r.table] = r
    end
    return out
end

-- A healthy replica of c's shard on the live site: answers, and none of its
-- replicated tables is read-only or without a session.
function M.healthy_replica(c, live)
    local why = {}
    for _, h in ipairs(live.clickhouse) do
        if h.shard == c.shard then
            local list, err = clickhouse.client():replicas(clickhouse.target(h))
            if not list then
                why[#why + 1] = string.format("%s: %s", h.name, err)
            else
                local bad
                for _, r in ipairs(list) do
                    if r.is_readonly or r.is_session_expired then
                        bad = string.format("%s: %s.%s is read-only", h.name, r.database, r.table)
                        break
                    end
                end
                if not bad then
                    return h
                end
                why[#why + 1] = bad
            end
        end
    end
    dr.refuse(string.format("no healthy replica of shard %s on %s to copy %s's tables from (%s)",
        tostring(c.shard), live.name, c.name,
        #why > 0 and table.concat(why, "; ") or "none in the inventory"),
        "bring a replica of that shard on " .. live.name .. " back to a writable state first")
end

-- The check of the step: what the healthy replica has (stable while the
-- step acts, so that a resumed run recognises its own precondition).
function M.survey(c, live)
    local h = M.healthy_replica(c, live)
    local list = {}
    for key, r in pairs(replicated_tables(h)) do
        list[#list + 1] = key .. " " .. r.zookeeper_path
    end
    table.sort(list)
    return { healthy = h.name, tables = list }
end

-- {name} macros of s expanded from macros; nil and the unknown name when
-- one is not defined.
local function expand(s, macros)
    local unknown
    local out = s:gsub("{([^{}]*)}", function(k)
        if macros[k] == nil then
            unknown = unknown or k
            return nil
        end
        return macros[k]
    end)
    if unknown then
        return nil, unknown
    end
    return out
end

-- The macros the rebuilt node will have: its own system.macros when it
-- answers, with cluster, shard and replica as the recovery writes them.
local function macros_of(c)
    local m = {}
    local rows = q(c, "SELECT macro, substitution FROM system.macros")
    for _, r in ipairs(rows or {}) do
        m[r.macro] = r.substitution
    end
    m.cluster, m.shard, m.replica = inv.cluster, c.shard, c.replica
    return m
end

-- The children of znode path (name -> value), read through ClickHouse h
-- (system.zookeeper: the same ensemble the tables use); nil when path does
-- not exist.
local function znode_children(h, path)
    local parent, name = path:match("^(.*)/([^/]+)$")
    local rows = must(h, "SELECT name FROM system.zookeeper WHERE path = " .. quote(parent)
        .. " AND name = " .. quote(name))
    if #rows == 0 then
        return nil
    end
    local out = {}
    for _, r in ipairs(must(h, "SELECT name, value FROM system.zookeeper WHERE path = "
        .. quote(path))) do
        out[r.name] = r.value
    end
    return out
end

local function refuse_table(c, key, why, unblock)
    dr.refuse(string.format("%s: cannot recreate %s: %s", c.name, key, why), unblock)
end

-- What to run on c so that it has every replicated table of the healthy
-- replica h: a list of {database | table, statement, action, replica_path}.
-- Refuses, before anything is changed, when one table is not in a state
-- this step understands.
function M.plan(c, h)
    local have_tables, have_dbs, answering = {}, {}, true
    local rows, err = q(c, "SELECT database, name, engine FROM system.tables")
    if rows then
        for _, r in ipairs(rows) do
            have_tables[r.database .. "." .. r.name] = r.engine
        end
        for _, r in ipairs(must(c, "SELECT name FROM system.databases")) do
            have_dbs[r.name] = true
        end
    elseif dr.rehearsal() then
        -- the start of c was only planned: show what a server without
        -- tables would get; the real run compares again once c runs
        dr.warn("%s does not answer (%s): the plan lists every replicated table of %s; "
            .. "the real run creates only those %s lacks", c.name, err, h.name, c.name)
        answering = false
        have_dbs.default = true -- every server creates it at its first start
    else
        error(string.format("%s: %s", c.name, err), 0)
    end
    local mine = answering and replicated_tables(c) or {}
    local macros = macros_of(c)
    local theirs = replicated_tables(h)
    local keys = {}
    for key in pairs(theirs) do
        keys[#keys + 1] = key
    end
    table.sort(keys)
    local todo, dbs_done = {}, {}
    for _, key in ipairs(keys) do
        local r = theirs[key]
        local engine = have_tables[key]
        if engine then
            local m = mine[key]
            if not m then
                refuse_table(c, key, string.format("%s has it with engine %s, %s as a "
                    .. "replicated table", c.name, engine, h.name),
                    "drop or rename " .. key .. " on " .. c.name .. ", then run again")
            end
            if m.zookeeper_path ~= r.zookeeper_path then
                refuse_table(c, key, string.format("%s replicates it from %s, %s from %s",
                    c.name, m.zookeeper_path, h.name, r.zookeeper_path),
                    "check the macros and the table definition on " .. c.name)
            end
        else
            if r.table:match("^%.inner%.") then
                refuse_table(c, key, "it is the inner table of a materialized view",
                    "create the view on " .. c.name .. " by hand (SHOW CREATE TABLE on "
                    .. h.name .. "), then run again")
            end
            local show = must(h, "SHOW CREATE TABLE " .. ident(r.database) .. "."
                .. ident(r.table))
            local ddl = show[1] and show[1].statement
            local d, derr = ch.replicated_ddl(ddl or "")
            if not d then
                refuse_table(c, key, "the definition on " .. h.name .. " is not understood: "
                    .. tostring(derr), "create the table on " .. c.name .. " by hand")
            end
            local path, unknown = expand(d.zookeeper_path, macros)
            if not path then
                refuse_table(c, key, string.format("macro {%s} of its ZooKeeper path %s is "
                    .. "not defined on %s", unknown, d.zookeeper_path, c.name),
                    "define it in " .. c.macros_xml .. ", restart " .. c.name .. ", run again")
            end
            if path ~= r.zookeeper_path then
                refuse_table(c, key, string.format("its ZooKeeper path would be %s on %s, but "
                    .. "%s's is %s (shard macros differ?)", path, c.name, h.name,
                    r.zookeeper_path), "fix the shard of " .. c.name .. " in the inventory")
            end
            local replica, rewrite
            if d.replica:find("{", 1, true) then
                replica, unknown = expand(d.replica, macros)
                if not replica then
                    refuse_table(c, key, string.format("macro {%s} of its replica name is not "
                        .. "defined on %s", unknown, c.name),
                        "define it in " .. c.macros_xml .. ", restart " .. c.name .. ", run again")
                end
            elseif d.replica == r.replica_name then
                -- created with a literal name: never reuse the healthy one's
                replica, rewrite = c.replica, c.replica
            else
                refuse_table(c, key, string.format("its replica name is the literal '%s', "
                    .. "not %s's own name %s", d.replica, h.name, r.replica_name),
                    "create the table on " .. c.name .. " by hand")
            end
            if replica == r.replica_name then
                refuse_table(c, key, string.format("%s would be replica %s, the name %s uses",
                    c.name, replica, h.name), "give " .. c.name .. " its own replica name")
            end
            local replica_path = r.zookeeper_path .. "/replicas/" .. replica
            local z = znode_children(h, replica_path)
            local attach = false
            if z then
                for _, child in ipairs({ "parts", "queue", "log_pointer" }) do
                    if z[child] == nil then
                        refuse_table(c, key, string.format("its replica znode %s has no %s: "
                            .. "incomplete metadata", replica_path, child),
                            "remove that znode (deleteall " .. replica_path .. "), then run "
                            .. "again: the table is then created as a new replica")
                    end
                end
                attach = true
            end
            if not have_dbs[r.database] and not dbs_done[r.database] then
                local db = must(h, "SHOW CREATE DATABASE " .. ident(r.database))
                local stmt = db[1] and db[1].statement or ""
                local dbengine = stmt:match("ENGINE%s*=%s*(%w+)")
                if dbengine and dbengine ~= "Ordinary" and dbengine ~= "Atomic" then
                    refuse_table(c, key, string.format("its database %s has engine %s",
                        r.database, dbengine), "create the database on " .. c.name
                        .. " by hand, then run again")
                end
                todo[#todo + 1] = { database = r.database, statement = stmt }
                dbs_done[r.database] = true
            end
            todo[#todo + 1] = {
                table = key, replica_path = replica_path,
                action = attach and "attach" or "create",
                statement = assert(ch.ddl_for_replica(ddl, rewrite, attach)),
                active_host = z and z.is_active and (z.host or "?") or nil,
            }
        end
    end
    return todo
end

-- A replica znode still held by a session (is_active) belongs to a running
-- server; a killed one's lingers until its session expires.  Wait for that,
-- then refuse: two servers must never run one replica.
local function wait_inactive(c, h, t, timeout)
    local ok = pcall(dr.wait, {
        what = t.replica_path .. "/is_active to expire",
        timeout = timeout,
        check = function()
            local z = znode_children(h, t.replica_path)
            return z == nil or z.is_active == nil, "still active"
        end,
    })
    if not ok then
        local host = (znode_children(h, t.replica_path) or {}).host or "?"
        refuse_table(c, t.table, string.format("replica %s is active (a server holds "
            .. "%s/is_active; its host znode says: %s)", t.replica_path, t.replica_path,
            (host:gsub("\n", " "))), "stop the server running as that replica, or give "
            .. c.name .. " another replica name in the inventory")
    end
end

-- The step, for node c of the recovered site, once it runs.
function M.step(c, live, opts)
    opts = opts or {}
    dr.step {
        name = string.format("recreate the replicated tables %s lacks", c.name),
        host = c.name,
        check = function()
            return M.survey(c, live)
        end,
        act = function(pre)
            local h = inv.nodes[pre.healthy]
            local todo = M.plan(c, h)
            if #todo == 0 then
                dr.log("%s has every replicated table of %s", c.name, h.name)
                return { created = 0 }
            end
            for _, t in ipairs(todo) do
                if t.active_host and dr.rehearsal() then
                    dr.warn("%s is active now (host: %s): the real run waits for it to expire "
                        .. "and refuses if it does not", t.replica_path,
                        (t.active_host:gsub("\n", " ")))
                elseif t.active_host then
                    wait_inactive(c, h, t, opts.session_wait or 60)
                end
            end
            local n = 0
            for _, t in ipairs(todo) do
                dr.log("%s: %s", c.name, t.table and (t.action .. " " .. t.table
                    .. " (replica " .. t.replica_path .. ")") or ("create database "
                    .. t.database))
                local r, err = clickhouse.client():execute(clickhouse.target(c), t.statement,
                    opts.timeout or 60)
                if not r then
                    error(string.format("%s: %s", c.name, err), 0)
                end
                n = n + (t.table and 1 or 0)
            end
            return { created = n }
        end,
        verify = function(pre)
            local h = inv.nodes[pre.healthy]
            local mine = replicated_tables(c)
            for key, r in pairs(replicated_tables(h)) do
                local m = mine[key]
                if not m then
                    return false, key .. " is still missing on " .. c.name
                end
                if m.zookeeper_path ~= r.zookeeper_path or m.replica_name == r.replica_name then
                    return false, string.format("%s on %s is replica %s of %s", key, c.name,
                        m.replica_name, m.zookeeper_path)
                end
            end
            return true
        end,
    }
end

return M
