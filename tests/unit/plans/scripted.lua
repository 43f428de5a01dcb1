-- Scripted hosts: dr.ssh, dr.zk, dr.ch and dr.fourlw for plan tests that
-- need no lab (tests/unit/plans/plan_scripted.c loads this file).
--
-- The runbooks, the lua/dr library, the engine and its effect gate run
-- unchanged; only the transports answer from a script.  The seam is the
-- Lua surface of the four primitive modules (what lua/dr requires), not
-- their C internals, so that it holds while those are reorganised.
--
-- Two modes (DRCTL_SCRIPT_MODE):
--   record  every call goes to the real module (a rehearsal against the
--           lab: nothing changes there); the answers of what reads hosts
--           (probes, file reads, four-letter words, queries, znode reads)
--           are written to DRCTL_SCRIPT when the run ends.
--   replay  (default) the same answers, read from DRCTL_SCRIPT; what
--           changes hosts (exec, write_file, remove_file, znode writes,
--           rcvr, ClickHouse writes) is described to the real effect gate
--           as the C bindings describe it, and the gate's rehearsal answer
--           is returned as they return it.  An effect the gate would
--           perform is refused: scripted hosts never pretend a change.
--           The descriptions (kind, host, summary, path, before, after)
--           copy those of ssh_lua.c, zk_lua.c, ch_lua.c and fourlw_lua.c:
--           a binding that words an effect otherwise changes the lab's
--           plans, and this file follows it.
--
-- Answers are keyed by host, call and the call's string arguments
-- (timeouts and option tables left out, so that a changed timeout does not
-- need new fixtures).  A key asked several times answers in recorded
-- order, then repeats its last answer.  Addresses and the lab directory
-- are stored as @NET@ and @LAB@ (DRCTL_LAB_NET, DRCTL_LAB_DIR).
local api = ... -- gate, written, sha256 (plan_scripted.c)

local MODE = os.getenv("DRCTL_SCRIPT_MODE") or "replay"
local FILE = os.getenv("DRCTL_SCRIPT")
local LAB = os.getenv("DRCTL_LAB_DIR")
local NET = os.getenv("DRCTL_LAB_NET") or "127.0.0"
if MODE ~= "record" and MODE ~= "replay" then
    error("DRCTL_SCRIPT_MODE: record or replay expected, not " .. MODE, 0)
end
if not FILE then
    error("DRCTL_SCRIPT: the answers file expected", 0)
end
local RECORD = MODE == "record"

-- ------------------------------------------------------------ text forms

local function pattern(s)
    return (s:gsub("[%^%$%(%)%%%.%[%]%*%+%-%?]", "%%%0"))
end

local function repl(s)
    return (s:gsub("%%", "%%%%"))
end

local function map_strings(v, f)
    if type(v) == "string" then
        return f(v)
    elseif type(v) == "table" then
        local out = {}
        for k, x in pairs(v) do
            out[map_strings(k, f)] = map_strings(x, f)
        end
        return out
    end
    return v
end

local function normalize(s)
    if LAB and LAB ~= "" then
        s = s:gsub(pattern(LAB), "@LAB@")
    end
    return (s:gsub(pattern(NET .. "."), "@NET@."))
end

local function denormalize(s)
    if LAB and LAB ~= "" then
        s = s:gsub("@LAB@", repl(LAB))
    end
    return (s:gsub("@NET@%.", repl(NET .. ".")))
end

-- Lua source for v: sorted keys, one entry a line, so that a re-recorded
-- fixture diffs well.
local function serialize(v, indent, out)
    local t = type(v)
    if t == "string" then
        out[#out + 1] = string.format("%q", v)
    elseif t == "number" then
        if math.type(v) == "integer" then
            out[#out + 1] = tostring(v)
        elseif v ~= v or v == math.huge or v == -math.huge then
            out[#out + 1] = v ~= v and "0/0" or (v > 0 and "1/0" or "-1/0")
        else
            out[#out + 1] = string.format("%.17g", v)
        end
    elseif t == "boolean" or t == "nil" then
        out[#out + 1] = tostring(v)
    elseif t == "table" then
        local keys = {}
        for k in pairs(v) do
            keys[#keys + 1] = k
        end
        table.sort(keys, function(a, b)
            if type(a) ~= type(b) then
                return type(a) == "number"
            end
            return a < b
        end)
        if #keys == 0 then
            out[#out + 1] = "{}"
            return
        end
        out[#out + 1] = "{\n"
        local inner = indent .. "  "
        for _, k in ipairs(keys) do
            out[#out + 1] = inner .. "["
            serialize(k, inner, out)
            out[#out + 1] = "] = "
            serialize(v[k], inner, out)
            out[#out + 1] = ",\n"
        end
        out[#out + 1] = indent .. "}"
    else
        error("scripted hosts: cannot record a " .. t .. " value", 0)
    end
end

-- ---------------------------------------------------------------- answers

local answers, cursor = {}, {}

if not RECORD then
    local f, err = io.open(FILE, "r")
    if not f then
        error("scripted hosts: " .. tostring(err), 0)
    end
    local text = f:read("a")
    f:close()
    local chunk, perr = load(text, "=" .. FILE, "t", {})
    if not chunk then
        error("scripted hosts: " .. perr, 0)
    end
    local ok, data = pcall(chunk)
    if not ok or type(data) ~= "table" then
        error(string.format("scripted hosts: %s: a table of answers expected (%s)", FILE,
            tostring(data)), 0)
    end
    answers = map_strings(data, denormalize)
end

-- The key of a call: what it asks of which host.  Strings and arrays of
-- strings count; numbers (timeouts) and option tables do not.
local function key_of(where, call, ...)
    local parts = { where, call }
    for i = 1, select("#", ...) do
        local a = select(i, ...)
        if type(a) == "string" or type(a) == "boolean" then
            parts[#parts + 1] = tostring(a)
        elseif type(a) == "table" and #a > 0 then
            local list = {}
            for j, x in ipairs(a) do
                -- {target, table} items (sync_replicas) as "target table"
                list[j] = type(x) == "table" and table.concat(x, " ") or tostring(x)
            end
            parts[#parts + 1] = "[" .. table.concat(list, ",") .. "]"
        end
    end
    return table.concat(parts, " ")
end

-- Recorded results keep no timings: they differ at every recording.
local function strip_timing(v)
    if type(v) == "table" then
        for k, x in pairs(v) do
            if k == "duration" or k == "duration_ms" then
                v[k] = 0
            else
                strip_timing(x)
            end
        end
    end
    return v
end

local function record(key, packed)
    local list = answers[key]
    if not list then
        list = {}
        answers[key] = list
    end
    list[#list + 1] = strip_timing(packed)
end

local function lookup(key)
    local list = answers[key]
    if not list or #list == 0 then
        error(string.format("scripted hosts: no answer for '%s' in %s (record the fixtures "
            .. "again: tests/unit/plans/record.sh)", key, FILE), 0)
    end
    local i = (cursor[key] or 0) + 1
    if i > #list then
        i = #list
    end
    cursor[key] = i
    -- a copy: callers may change what they get
    return map_strings(list[i], function(s) return s end)
end

-- A read of a host: the real call's answer (recorded), or the script's.
local function answer(key, real_call)
    if RECORD then
        local r = table.pack(real_call())
        record(key, map_strings(r, function(s) return s end))
        return table.unpack(r, 1, r.n)
    end
    local r = lookup(key)
    return table.unpack(r, 1, r.n or #r)
end

-- The gate's answer for an effect in a replay: a rehearsal records it and
-- the call goes on as the binding's simulated path does.
local function gate(e)
    local d, err = api.gate(e.kind, e.module, e.host, e.summary, e.path, e.before, e.after)
    if not d then
        return nil, err
    end
    if d ~= "simulate" then
        error("scripted hosts: the gate asks to perform '" .. e.summary .. "' on " .. e.host
            .. ": scripted hosts only rehearse", 0)
    end
    return true
end

local function save()
    if not RECORD then
        return
    end
    local out = { "-- Answers of the lab's hosts, recorded by tests/unit/plans/record.sh:\n",
        "-- see tests/unit/plans/scripted.lua.  Regenerate, do not edit.\n", "return " }
    serialize(map_strings(answers, normalize), "", out)
    out[#out + 1] = "\n"
    local f = assert(io.open(FILE, "w"))
    f:write(table.concat(out))
    f:close()
end

local function not_scripted(mod, name)
    return function()
        error(string.format("scripted hosts: %s.%s is not scripted", mod, name), 2)
    end
end

-- A module table: every name of the real module is either scripted here,
-- passed through (pure functions), or refused, so that a replay never
-- reaches the network.
local function module_of(modname, real, scripted, pure)
    local m = {}
    for k, v in pairs(real) do
        if scripted[k] then
            m[k] = scripted[k]
        elseif pure[k] or type(v) ~= "function" then
            m[k] = v
        else
            m[k] = not_scripted(modname, k)
        end
    end
    for k, v in pairs(scripted) do
        m[k] = v
    end
    return m
end

-- An object with methods: a table whose metatable gives them, and close
-- for __close/__gc.
local function object(methods, name, fields)
    local mt = {
        __index = methods,
        __name = name,
        __tostring = function(o)
            return name .. " (scripted)" .. (o.where and (": " .. o.where) or "")
        end,
        __close = function(o)
            if o.close then
                o:close()
            end
        end,
    }
    return setmetatable(fields, mt)
end

-- ------------------------------------------------------------------- ssh

local function ssh_module(real)
    local pool = {}

    local function simulated_exec(host)
        return { host = host, ok = true, status = 0, stdout = "", stderr = "", duration = 0,
            simulated = true }
    end

    function pool:host_options(host, o)
        if RECORD then
            return self.real:host_options(host, o)
        end
        return true
    end

    function pool:probe(host, cmd, opts)
        return answer(key_of(host, "probe", cmd), function()
            return self.real:probe(host, cmd, opts)
        end)
    end

    function pool:exec(host, cmd, opts)
        if RECORD then
            return self.real:exec(host, cmd, opts)
        end
        local ok, err = gate { kind = "exec", module = "ssh", host = host, summary = cmd }
        if not ok then
            return nil, err
        end
        return simulated_exec(host)
    end

    function pool:exec_many(hosts, cmd, opts)
        if RECORD then
            return self.real:exec_many(hosts, cmd, opts)
        end
        local out = {}
        for i, host in ipairs(hosts) do
            local ok, err = gate { kind = "exec", module = "ssh", host = host, summary = cmd }
            out[i] = ok and simulated_exec(host) or { host = host, ok = false, error = err }
        end
        return out
    end

    function pool:probe_many(hosts, cmds, opts)
        local function cmd_of(i)
            return type(cmds) == "table" and cmds[i] or cmds
        end
        local res = RECORD and self.real:probe_many(hosts, cmds, opts) or {}
        local out = {}
        for i, host in ipairs(hosts) do
            out[i] = answer(key_of(host, "probe", cmd_of(i)), function()
                return res[i]
            end)
        end
        return out
    end

    -- A file as the host has it: data, or nil, error, code ("not found").
    local function host_file(self, host, path)
        return answer(key_of(host, "read", path), function()
            return self.real:read_file(host, path)
        end)
    end

    -- A file as the run sees it: what an earlier step of the plan wrote.
    local function current(self, host, path)
        local w = api.written(host, path)
        if w then
            return w
        end
        return host_file(self, host, path)
    end

    function pool:read_file(host, path)
        return current(self, host, path)
    end

    function pool:read_many(hosts, paths, opts)
        local function path_of(i)
            return type(paths) == "table" and paths[i] or paths
        end
        local res = RECORD and self.real:read_many(hosts, paths, opts) or {}
        local out = {}
        for i, host in ipairs(hosts) do
            local path = path_of(i)
            local data, err, code
            local w = api.written(host, path)
            if w then
                data = w
            else
                data, err, code = answer(key_of(host, "read", path), function()
                    local r = res[i]
                    if r.ok then
                        return r.data
                    end
                    return nil, r.error, r.code
                end)
            end
            if data then
                out[i] = { host = host, ok = true, data = data }
            else
                out[i] = { host = host, ok = false, error = err, code = code }
            end
        end
        return out
    end

    -- Each file as read_file answers it (the same recorded answers).
    function pool:read_files_many(hosts, lists, opts)
        local out = {}
        for i, host in ipairs(hosts) do
            local files, failed = {}, nil
            for _, path in ipairs(lists[i]) do
                local data, err, code = current(self, host, path)
                if data then
                    files[path] = data
                elseif code == "not found" then
                    files[path] = false
                else
                    failed = failed or { host = host, ok = false, error = err, code = code }
                end
            end
            out[i] = failed or { host = host, ok = true, files = files }
        end
        return out
    end

    function pool:write_file(host, path, content, opts)
        if RECORD then
            if not api.written(host, path) then
                host_file(self, host, path)
            end
            return self.real:write_file(host, path, content, opts)
        end
        local before, err, code = current(self, host, path)
        if not before and code ~= "not found" then
            return nil, err, code
        end
        local r = { existed = before ~= nil, sha256 = api.sha256(content), simulated = true }
        if before then
            r.previous = before
            r.previous_sha256 = api.sha256(before)
        end
        local expect = opts and opts.expect_sha256
        if expect and expect ~= (r.previous_sha256 or "") then
            return nil, string.format(
                "write %s:%s: the file is not what the caller expected (now %s, expected %s)",
                host, path, r.previous_sha256 or "absent", expect ~= "" and expect or "absent"),
                "conflict"
        end
        local ok, gerr = gate { kind = "write_file", module = "ssh", host = host, path = path,
            summary = string.format("write %s (%d bytes)", path, #content), before = before,
            after = content }
        if not ok then
            return nil, gerr
        end
        return r
    end

    function pool:remove_file(host, path)
        if RECORD then
            if not api.written(host, path) then
                host_file(self, host, path)
            end
            return self.real:remove_file(host, path)
        end
        local before, err, code = current(self, host, path)
        if not before then
            if code == "not found" then
                return { existed = false }
            end
            return nil, err, code
        end
        local ok, gerr = gate { kind = "remove_file", module = "ssh", host = host, path = path,
            summary = string.format("remove %s (%d bytes)", path, #before), before = before }
        if not ok then
            return nil, gerr
        end
        return { existed = true, simulated = true }
    end

    function pool:close()
        if RECORD and self.real then
            self.real:close()
        end
        return true
    end

    local scripted = {
        pool = function(opts)
            local p = object(pool, "dr.ssh.pool", {})
            if RECORD then
                local r, err, code = real.pool(opts)
                if not r then
                    return nil, err, code
                end
                p.real = r
            end
            return p
        end,
    }
    return module_of("dr.ssh", real, scripted, {})
end

-- -------------------------------------------------------------------- zk

local function zk_module(real)
    local session = {}

    -- read-only methods: answered
    for _, name in ipairs { "get", "exists", "children", "sync", "config", "marker_read",
        "lock_holder" } do
        session[name] = function(self, ...)
            local args = table.pack(...)
            return answer(key_of(self.where, name, ...), function()
                return self.real[name](self.real, table.unpack(args, 1, args.n))
            end)
        end
    end

    local function znode_effect(self, path, summary, before, after)
        return gate { kind = "zk_write", module = "zk", host = self.where, path = path,
            summary = summary, before = before, after = after }
    end

    -- the znode as it is, for an effect's before: data or nil (absent)
    local function znode(self, path)
        local data = self:get(path)
        return data
    end

    function session:marker_write(path, run)
        if RECORD then
            znode(self, path)
            return self.real:marker_write(path, run)
        end
        local ok, err = znode_effect(self, path, "write marker " .. path, znode(self, path),
            "run=" .. run .. "\n")
        if not ok then
            return nil, err
        end
        return true
    end

    function session:lock(path, run)
        if RECORD then
            self:lock_holder(path)
            return self.real:lock(path, run)
        end
        local ok, err = znode_effect(self, path,
            string.format("take the run lock %s for run %s", path, run))
        if not ok then
            return nil, err
        end
        local h = self:lock_holder(path)
        if not h or h.run_id == run then
            return true
        end
        return nil, string.format("zk %s: lock %s is held by run %s (host %s, pid %d)",
            self.where, path, h.run_id, h.host, h.pid), "conflict", h
    end

    function session:unlock(path, run)
        if RECORD then
            return self.real:unlock(path, run)
        end
        local ok, err = znode_effect(self, path,
            string.format("release the run lock %s of run %s", path, run))
        if not ok then
            return nil, err
        end
        return true
    end

    function session:set(path, data)
        if RECORD then
            znode(self, path)
            return self.real:set(path, data)
        end
        local before, stat = self:get(path)
        if not before then
            return nil, string.format("zk %s: set %s: no such znode", self.where, path),
                "not found"
        end
        local ok, err = znode_effect(self, path,
            string.format("set %s (%d bytes)", path, #data), before, data)
        if not ok then
            return nil, err
        end
        stat = type(stat) == "table" and stat or {}
        stat.version = (stat.version or 0) + 1
        stat.data_length = #data
        return stat
    end

    function session:create(path, data, opts)
        if RECORD then
            return self.real:create(path, data, opts)
        end
        data = data or ""
        opts = opts or {}
        local ok, err = znode_effect(self, path,
            string.format("create %s (%d bytes%s%s%s)", path, #data,
                opts.ephemeral and ", ephemeral" or "", opts.sequential and ", sequential" or "",
                opts.container and ", container" or ""), nil, data)
        if not ok then
            return nil, err
        end
        return path
    end

    function session:delete(path)
        if RECORD then
            znode(self, path)
            return self.real:delete(path)
        end
        local before = self:get(path)
        if not before then
            return nil, string.format("zk %s: delete %s: no such znode", self.where, path),
                "not found"
        end
        local ok, err = znode_effect(self, path, "delete " .. path, before)
        if not ok then
            return nil, err
        end
        return true
    end

    -- A rehearsed reconfig returns the membership it predicts from the
    -- current one: recorded as the answer of the change asked.
    function session:reconfig(change)
        local joining, leaving = change.joining, change.leaving
        local key = key_of(self.where, "reconfig", "joining", joining or "-", "leaving",
            leaving or "-")
        if RECORD then
            self:config()
            return answer(key, function()
                return self.real:reconfig(change)
            end)
        end
        local cur, err, code = self:config()
        if not cur then
            return nil, err, code
        end
        local text = ""
        if joining then
            text = text .. "joining: " .. joining .. "\n"
        end
        if leaving then
            text = text .. "leaving: " .. leaving .. "\n"
        end
        local ok, gerr = gate { kind = "zk_reconfig", module = "zk", host = self.where,
            path = "/zookeeper/config", before = cur.text, after = text,
            summary = "reconfig" .. (joining and (" joining " .. joining) or "")
                .. (leaving and (" leaving " .. leaving) or "") }
        if not ok then
            return nil, gerr
        end
        return answer(key)
    end

    function session:close()
        if RECORD and self.real then
            self.real:close()
        end
        return true
    end

    local scripted = {
        connect = function(servers, opts)
            local s = object(session, "dr.zk.session", { where = servers })
            local r = table.pack(answer(key_of(servers, "connect"), function()
                local c, err, code = real.connect(servers, opts)
                if c then
                    s.real = c
                    return true
                end
                return nil, err, code
            end))
            if not r[1] then
                return nil, r[2], r[3]
            end
            return s
        end,
    }
    return module_of("dr.zk", real, scripted, {})
end

-- -------------------------------------------------------------------- ch

local function ch_module(real)
    local client = {}

    for _, name in ipairs { "query", "replicas", "replicas_status", "catch_up", "sync_replica",
        "sync_replicas", "processes", "heartbeat_lag", "tls" } do
        client[name] = function(self, ...)
            local args = table.pack(...)
            return answer(key_of("ch", name, ...), function()
                return self.real[name](self.real, table.unpack(args, 1, args.n))
            end)
        end
    end

    local function where(target)
        if type(target) == "string" and not target:match(":%d+$") then
            return target .. ":8123"
        end
        return tostring(target)
    end

    function client:heartbeat_write(target, site, tbl)
        if RECORD then
            return self.real:heartbeat_write(target, site, tbl)
        end
        local ok, err = gate { kind = "ch_write", module = "ch", host = where(target),
            summary = string.format("heartbeat: INSERT INTO %s (site_id = '%s', now())",
                tbl or "default.heartbeat", site) }
        if not ok then
            return nil, err
        end
        return true
    end

    function client:execute(target, sql, timeout)
        if RECORD then
            return self.real:execute(target, sql, timeout)
        end
        local ok, err = gate { kind = "ch_write", module = "ch", host = where(target),
            summary = sql }
        if not ok then
            return nil, err
        end
        return { status = 200, body = "", simulated = true }
    end

    function client:close()
        if RECORD and self.real then
            self.real:close()
        end
        return true
    end

    local scripted = {
        client = function(opts)
            local c = object(client, "dr.ch.client", {})
            if RECORD then
                local r, err, code = real.client(opts)
                if not r then
                    return nil, err, code
                end
                c.real = r
            end
            return c
        end,
    }
    return module_of("dr.ch", real, scripted, { replicated_ddl = true, ddl_for_replica = true })
end

-- ---------------------------------------------------------------- fourlw

local function fourlw_module(real)
    local scripted = {}
    for _, word in ipairs { "srvr", "stat", "mntr", "conf", "ruok", "isro", "lgif" } do
        scripted[word] = function(host, port, timeout)
            return answer(key_of(string.format("%s:%s", host, tostring(port)), word), function()
                return real[word](host, port, timeout)
            end)
        end
    end
    scripted.probe = function(targets, word, timeout)
        return answer(key_of("fourlw", "probe", targets, word), function()
            return real.probe(targets, word, timeout)
        end)
    end
    scripted.rcvr = function(host, port, timeout)
        if RECORD then
            return real.rcvr(host, port, timeout)
        end
        local ok, err = gate { kind = "zk_reconfig", module = "fourlw",
            host = string.format("%s:%s", host, tostring(port)),
            summary = "rcvr: force ClickHouse Keeper into recovery mode" }
        if not ok then
            return nil, err
        end
        return true
    end
    return module_of("dr.fourlw", real, scripted, { parse = true })
end

local factories = {
    ["dr.ssh"] = ssh_module,
    ["dr.zk"] = zk_module,
    ["dr.ch"] = ch_module,
    ["dr.fourlw"] = fourlw_module,
}

-- plan_scripted.c calls this for each module (name, the real module's
-- table), and with no name once the run ended (to save a recording).
return function(name, real)
    if not name then
        return save()
    end
    local f = factories[name]
    if not f then
        error("scripted hosts: no script for module " .. tostring(name), 0)
    end
    return f(real)
end
