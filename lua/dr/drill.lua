-- drctl drill: is the standby ready to take over?  A read-only view: every
-- check only looks (ssh probes, four-letter words, SELECTs, file reads) and
-- hands its result to `drctl drill` (dr.drill.submit), which adds the
-- checks only C can make (the failover rehearsal, the drill history) and
-- writes the reports.
--
-- A check is {name, status = pass|warn|fail, value, threshold, fix,
-- detail, host, start, end}; fix is one sentence saying what to do.
local dr = require "dr"
local inv = require "dr.inventory"
local keepers = require "dr.keepers"
local hosts = require "dr.hosts"
local drill = require "dr.drill"
local chconf = require "dr.chconf"
local zkconf = require "dr.zkconf"
local diff = require "dr.diff"
local topology = require "dr.topology"

local checks = {}
local t0

local function elapsed()
    return (dr.clock() - t0)
end

-- Runs fn() -> status, value, fix[, detail] as one timed check; an error
-- raised by fn is the check's failure, not the drill's.
local function check(name, host, threshold, fn)
    local start = elapsed()
    local ok, status, value, fix, detail = pcall(fn)
    if not ok then
        status, value, fix = "fail", "error: " .. tostring(status):gsub("^.-:%d+: ", ""),
            "make " .. (host or "the check") .. " answer, then run the drill again"
    end
    checks[#checks + 1] = {
        name = name, status = status, value = value and tostring(value) or nil,
        threshold = threshold and tostring(threshold) or nil,
        fix = status ~= "pass" and fix or nil, detail = detail, host = host or "",
        start = start, ["end"] = elapsed(),
    }
end

local function nodes_of(site)
    local list = {}
    for _, k in ipairs(site.keepers) do
        list[#list + 1] = k
    end
    for _, c in ipairs(site.clickhouse) do
        list[#list + 1] = c
    end
    return list
end

-- The role the active topology gives keeper k: the inventory's roles when
-- the home primary is primary; after a switch, every keeper of the new
-- primary votes (the failover made them participants) and the standby's
-- keepers other than spares observe (what recover makes them).
local active_primary
local function role_of(k)
    if active_primary == nil or active_primary == inv.primary.name then
        return k.role
    end
    if k.site == active_primary then
        return "participant"
    end
    return k.role == "spare" and "spare" or "observer"
end

-- The membership the active topology implies: the primary's participants
-- and every observer, spares absent.
-- skip_site: a lost standby, not yet back in the membership.
local function expected_members(skip_site)
    local m = {}
    for _, k0 in ipairs(keepers.all()) do
        local k = setmetatable({ role = role_of(k0) }, { __index = k0 })
        if (k.role == "participant" or k.role == "observer") and k.site ~= skip_site then
            m[#m + 1] = {
                id = k.id, host = k.host, quorum_port = k.quorum_port,
                election_port = k.election_port, role = k.role,
                client_host = k.host, client_port = k.client_port,
            }
        end
    end
    return m
end

local function member_lines(m)
    local lines = {}
    for _, s in ipairs(m) do
        lines[#lines + 1] = string.format("server.%d=%s", s.id, zkconf.server_line(s))
    end
    table.sort(lines)
    return table.concat(lines, "\n") .. "\n"
end

local function quorum_keepers(primary)
    local list = {}
    for _, k in ipairs(primary.keepers) do
        if role_of(k) == "participant" then
            list[#list + 1] = k
        end
    end
    return list
end

return dr.runbook {
    description = "readiness drill: is the standby ready to take over? (read-only)",
    params = {
        max_zxid_lag = { default = "1000", help = "transactions an observer may be behind" },
        max_delay = { default = "60", help = "seconds a standby replica may be behind" },
        max_queue = { default = "100", help = "replication queue entries allowed" },
        max_heartbeat_lag = { default = "120", help = "heartbeat lag primary -> standby, s" },
        backup_margin = { default = "2", help = "free space wanted, as a multiple of the data" },
    },
    main = function(p)
        t0 = dr.clock()
        local max_zxid_lag = tonumber(p.max_zxid_lag)
        local max_delay = tonumber(p.max_delay)
        local max_queue = tonumber(p.max_queue)
        local max_hb = tonumber(p.max_heartbeat_lag)
        local margin = tonumber(p.backup_margin)
        -- 0. which site is primary now (recorded by the last switch), and
        -- split brain before anything else
        local all = keepers.all()
        local probe = keepers.probe(all)
        local primary, standby, active = topology.sites(probe)
        active_primary = active.primary
        local result = { kind = "readiness", standby = standby.name, primary = primary.name,
            generation = active.generation, topology_source = active.source,
            cluster = inv.cluster }
        local ch_view = {}
        local have_ch0, ch0 = pcall(require, "dr.clickhouse")
        for _, site in ipairs({ primary, standby }) do
            for _, c in ipairs(site.clickhouse) do
                local list = have_ch0 and ch0.client():replicas(ch0.target(c)) or nil
                if list then
                    local writable = #list > 0
                    for _, r in ipairs(list) do
                        if r.is_readonly or r.is_session_expired then
                            writable = false
                        end
                    end
                    ch_view[c.name] = { writable = writable }
                end
            end
        end
        local split = topology.split_brain(probe, active, ch_view)
        check("split brain", split and table.concat(split.hosts, ",") or "",
            "one serving ensemble; writable replicas of a shard on one ensemble", function()
                if split then
                    return "fail", split.value, split.fix
                end
                return "pass", string.format("one primary: %s (generation %d, %s)",
                    active.primary, active.generation, active.source)
            end)
        -- the standby is the old primary, lost since the switch: nothing of
        -- it answers; its readiness is `recover`'s job, not a failure here
        local lost = false
        if active.generation > 0 and active.primary ~= inv.primary.name then
            lost = true
            for _, k in ipairs(standby.keepers) do
                if probe[k.name].ok then
                    lost = false
                end
            end
            for _, c in ipairs(standby.clickhouse) do
                if ch_view[c.name] then
                    lost = false
                end
            end
        end
        if lost then
            local why = string.format("%s is the lost old primary (switch of generation %d to %s): "
                .. "nothing of it answers; it needs recover", standby.name, active.generation,
                primary.name)
            result.standby_lost = why
            check("standby " .. standby.name, standby.name, "recovered as the standby",
                function()
                    return "warn", why, string.format("when %s's hosts are back: drctl run "
                        .. "recover --site %s (fences its keepers and sets their old data aside, "
                        .. "rejoins them as observers of %s's ensemble, sets aside what its "
                        .. "ClickHouse wrote since the switch, repoints its servers and waits "
                        .. "until every replica caught up)", standby.name, standby.name,
                        primary.name)
                end)
        end

        -- 1. every host over ssh, host key checked against known_hosts
        for _, site in ipairs({ primary, standby }) do
            for _, n in ipairs(nodes_of(site)) do
                check("ssh " .. n.name, n.name, "answers, host key in known_hosts", function()
                    local t = dr.clock()
                    local ok, err = pcall(hosts.probe, n, "true", { timeout = 10 })
                    if not ok then
                        if lost and site == standby then
                            return "warn", tostring(err), "recover brings it back"
                        end
                        error(err, 0)
                    end
                    return "pass", string.format("%s ok (%.0f ms)", hosts.spec(n),
                        (dr.clock() - t) * 1000)
                end)
            end
        end

        -- 2. observers following the leader, zxid lag bounded
        local leader, others = nil, {}
        for _, k in ipairs(all) do
            if probe[k.name].mode == "leader" then
                if k.site == primary.name and not leader then
                    leader = k
                else
                    others[#others + 1] = k.name
                end
            end
        end
        check("quorum leader", leader and leader.name or nil, "one leader, on " .. primary.name,
            function()
                if not leader then
                    return "fail", "no keeper of " .. primary.name .. " answers as leader"
                        .. (#others > 0 and (" (" .. table.concat(others, ", ") .. " leads "
                        .. "elsewhere)") or ""),
                        "restore the primary's quorum (" .. primary.name .. ") before anything else"
                end
                if #others > 0 then
                    return "fail", string.format("%s leads, and so does %s", leader.name,
                        table.concat(others, ", ")), "see the split brain check"
                end
                return "pass", string.format("%s leads at zxid %s", leader.name,
                    keepers.hex(probe[leader.name].zxid))
            end)
        for _, k in ipairs(lost and {} or standby.keepers) do
            if role_of(k) == "observer" then
                check("observer " .. k.name, k.name,
                    string.format("mode observer, zxid lag <= %d", max_zxid_lag), function()
                        local s = probe[k.name]
                        if not s.ok then
                            return "fail", string.format("%s does not answer srvr (%s)", k.name,
                                tostring(s.error)),
                                string.format("start %s (%s) and wait until srvr says Mode: "
                                    .. "observer", k.name, k.start or "its start command")
                        end
                        if s.mode ~= "observer" then
                            return "fail", string.format("%s is %s, not observer", k.name, s.mode),
                                string.format("rewrite %s's dynamic config as observer of the "
                                    .. "primary's ensemble and restart it", k.name)
                        end
                        if not leader or not s.zxid then
                            return "warn", "observer, lag unknown (no leader zxid)",
                                "restore the primary's quorum to measure the lag"
                        end
                        local lag = probe[leader.name].zxid - s.zxid
                        if lag < 0 then
                            lag = 0
                        end
                        local v = string.format("mode observer, zxid %s, %d behind %s",
                            keepers.hex(s.zxid), lag, leader.name)
                        if lag > max_zxid_lag then
                            return "fail", v, string.format("%s lags the leader: check its "
                                .. "network to %s and its disk", k.name, leader.name)
                        end
                        return "pass", v
                    end)
            end
        end

        -- 3. standby replicas caught up, heartbeat lag
        local have_ch, clickhouse = pcall(require, "dr.clickhouse")
        if have_ch and not lost then
            for _, c in ipairs(standby.clickhouse) do
                check("replicas " .. c.name, c.name,
                    string.format("absolute_delay <= %d s, queue_size <= %d, writable",
                        max_delay, max_queue), function()
                        local list, err = clickhouse.client():replicas(clickhouse.target(c))
                        if not list then
                            error(err, 0)
                        end
                        local worst, queue, bad = 0, 0, {}
                        for _, r in ipairs(list) do
                            worst = math.max(worst, r.absolute_delay or 0)
                            queue = math.max(queue, r.queue_size or 0)
                            if r.is_readonly or r.is_session_expired then
                                bad[#bad + 1] = r.database .. "." .. r.table .. " read-only"
                            end
                        end
                        local v = string.format("%d table(s), delay %d s, queue %d", #list,
                            worst, queue)
                        if #bad > 0 then
                            return "fail", v .. ", " .. table.concat(bad, ", "),
                                string.format("%s cannot reach the keepers: check its "
                                    .. "<zookeeper> section and the quorum", c.name)
                        end
                        if worst > max_delay or queue > max_queue then
                            return "fail", v, string.format("let %s catch up (SYSTEM SYNC "
                                .. "REPLICA) and check fetches from %s", c.name, primary.name)
                        end
                        return "pass", v
                    end)
            end
            local c = standby.clickhouse[1]
            if c then
                check("heartbeat lag", c.name, string.format("<= %d s", max_hb), function()
                    local lags, err = clickhouse.client():heartbeat_lag(clickhouse.target(c),
                        standby.name)
                    if not lags and tostring(err):find("doesn't exist", 1, true) then
                        return "fail", "no table default.heartbeat on " .. c.name,
                            "create it on every server with 'drctl init', then run the writer "
                            .. "on " .. primary.name .. " (contrib/drctl-heartbeat.timer)"
                    end
                    if not lags then
                        error(err, 0)
                    end
                    local lag = lags[primary.name]
                    if not lag then
                        return "fail", "no heartbeat row from " .. primary.name .. " on " .. c.name,
                            "run the heartbeat writer on " .. primary.name .. " (contrib/"
                            .. "drctl-heartbeat.timer, see 'drctl help init') and check that "
                            .. "default.heartbeat replicates to " .. standby.name
                    end
                    result.lag_seconds = lag
                    local v = string.format("%s -> %s: %d s", primary.name, standby.name, lag)
                    if lag > max_hb then
                        return "fail", v, "heartbeats from " .. primary.name .. " are old: is the "
                            .. "heartbeat writer running on " .. primary.name .. " (contrib/"
                            .. "drctl-heartbeat.timer, 'drctl help init'), and does replication "
                            .. "reach " .. c.name .. "?"
                    end
                    return "pass", v
                end)
            end
        end

        -- 4. configs on the hosts equal to what the inventory implies
        local ensemble = quorum_keepers(primary)
        local want_nodes = {}
        for i, k in ipairs(ensemble) do
            want_nodes[i] = { host = k.host, port = k.client_port }
        end
        for _, site in ipairs(lost and { primary } or { primary, standby }) do
            for _, c in ipairs(site.clickhouse) do
                check("config " .. c.name, c.name, "<zookeeper> = " .. primary.name
                    .. "'s participants; macros = inventory", function()
                        local drift, parts = {}, {}
                        local text = hosts.read(c, c.zookeeper_xml)
                        local want, err = chconf.set_zookeeper_nodes(text, c.zookeeper_xml,
                            want_nodes, text == nil and { root = "yandex" } or nil)
                        if not want then
                            error(err, 0)
                        end
                        if want ~= (text or "") then
                            drift[#drift + 1] = diff.unified(c.zookeeper_xml, text, want)
                            parts[#parts + 1] = "<zookeeper> differs"
                        end
                        local mtext = hosts.read(c, c.macros_xml)
                        local mwant, merr = chconf.set_macros(mtext, c.macros_xml,
                            { cluster = inv.cluster, shard = c.shard, replica = c.replica },
                            mtext == nil and { root = "yandex" } or { force = true })
                        if not mwant then
                            error(merr, 0)
                        end
                        if mwant ~= (mtext or "") then
                            drift[#drift + 1] = diff.unified(c.macros_xml, mtext, mwant)
                            parts[#parts + 1] = "macros differ"
                        end
                        if #drift > 0 then
                            return "fail", table.concat(parts, ", "),
                                string.format("restore %s's config files (the diff shows what "
                                    .. "the inventory expects), then restart it", c.name),
                                table.concat(drift)
                        end
                        return "pass", string.format("%d keeper node(s), replica %s",
                            #want_nodes, c.replica)
                    end)
            end
        end
        local want_members = member_lines(expected_members(lost and standby.name or nil))
        for _, k in ipairs(keepers.all()) do
            if (role_of(k) == "participant" or role_of(k) == "observer")
                and not (lost and k.site == standby.name) then
                check("membership " .. k.name, k.name, "dynamic config = inventory topology",
                    function()
                        local text = hosts.read(k, k.config)
                        if not text then
                            return "fail", k.config .. " does not exist",
                                "restore " .. k.name .. "'s zoo.cfg"
                        end
                        local cfg = assert(zkconf.parse(text, k.config))
                        local dyn = cfg:get("dynamicConfigFile")
                        local members = cfg:members()
                        cfg:close()
                        local path = k.config
                        if dyn then
                            local dtext = hosts.read(k, dyn)
                            if not dtext then
                                return "fail", dyn .. " does not exist",
                                    "restore " .. k.name .. "'s dynamic config file"
                            end
                            local d = assert(zkconf.parse(dtext, dyn, "dynamic"))
                            members = d:members()
                            d:close()
                            path = dyn
                        end
                        local have = member_lines(members)
                        if have ~= want_members then
                            return "fail", string.format("%d server line(s) differ from the "
                                .. "inventory", #members),
                                string.format("reconfigure the ensemble (or fix %s) so that "
                                    .. "%s's membership matches the inventory", path, k.name),
                                diff.unified(path, have, want_members)
                        end
                        return "pass", string.format("%d server(s) as expected", #members)
                    end)
            end
        end

        -- 5. room for the coordination-data backup on the standby keepers
        for _, k in ipairs(lost and {} or standby.keepers) do
            if role_of(k) == "observer" then
                local dirs = {}
                for _, d in ipairs({ k.data_dir, k.data_log_dir, k.log_storage_path,
                    k.snapshot_storage_path }) do
                    dirs[#dirs + 1] = hosts.quote(d)
                end
                check("backup room " .. k.name, k.name,
                    string.format("free >= %gx the data", margin), function()
                        local du = hosts.probe(k, "du -sk " .. table.concat(dirs, " "))
                        local used = 0
                        for kb in du.stdout:gmatch("(%d+)%s") do
                            used = used + tonumber(kb)
                        end
                        local df = hosts.probe(k, "df -Pk " .. dirs[1])
                        local avail = tonumber(df.stdout:match("\n%S+%s+%d+%s+%d+%s+(%d+)"))
                        if not avail then
                            error("cannot read df output: " .. df.stdout, 0)
                        end
                        local v = string.format("data %d KiB, free %d KiB", used, avail)
                        if avail < used * margin then
                            return "fail", v, string.format("free space on %s next to %s "
                                .. "before a failover backs it up", k.name, k.data_dir)
                        end
                        return "pass", v
                    end)
            end
        end

        -- 6. what earlier runs set aside on the keeper hosts (drctl gc)
        check("set-aside data", nil, "within the retention", function()
            local gc = require "dr.gc"
            local runs, days = gc.retention()
            local items = gc.decide(gc.list(gc.keepers()), runs, days, dr.now())
            local kb, over, over_kb = 0, 0, 0
            for _, it in ipairs(items) do
                kb = kb + it.kb
                if not it.keep then
                    over, over_kb = over + 1, over_kb + it.kb
                end
            end
            dr.metric("set_aside_kib", kb)
            local v = string.format("%d item(s), %d KiB; beyond the retention: %d (%d KiB)",
                #items, kb, over, over_kb)
            if over > 0 then
                return "warn", v, "drctl gc lists them; drctl gc --yes removes them"
            end
            return "pass", v
        end)

        result.checks = checks
        drill.submit(result)
    end,
}
