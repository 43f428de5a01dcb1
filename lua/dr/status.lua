-- drctl status: both sites at a glance, changing nothing.  Every keeper's
-- mode and zxid (srvr), every ClickHouse replica's state and delay
-- (system.replicas), and whether each host answers over SSH.
local dr = require "dr"
local inv = require "dr.inventory"
local keepers = require "dr.keepers"
local hosts = require "dr.hosts"
local topology = require "dr.topology"

-- ClickHouse 18.16 reports absolute_delay as the current unix time when a
-- replica has no unprocessed insert to measure from (seen right after a
-- failover): a "delay" of decades is a timestamp, not a lag.
local BOGUS_DELAY = 10 * 365 * 86400

local function cause(err, name)
    return hosts.why(err, { name = name })
end

local function site_order(active)
    return { inv.sites[active.primary], inv.sites[active.standby] }
end

return dr.runbook {
    description = "health of both sites (read-only)",
    main = function()
        local result = { schema = "drctl.status/1", sites = {} }
        local all = keepers.all()
        local probe = keepers.probe(all)
        local clickhouse = require "dr.clickhouse"
        -- every host over ssh at once: a silent site costs one timeout
        local every = {}
        for _, site in pairs(inv.sites) do
            table.move(site.keepers, 1, #site.keepers, #every + 1, every)
            table.move(site.clickhouse, 1, #site.clickhouse, #every + 1, every)
        end
        local _, silent_why = hosts.silent(every, 5)
        -- "ok", or "down" and why
        local function ssh_state(node)
            if silent_why[node.name] then
                return "down", cause(silent_why[node.name], node.name)
            end
            return "ok"
        end
        -- a client that cannot be made (password file unreadable) is every
        -- server's error, not the end of the view
        local have_client, client = pcall(clickhouse.client)
        local ch_view = {}
        for _, site in pairs(inv.sites) do
            for _, c in ipairs(site.clickhouse) do
                local list, err
                if have_client then
                    list, err = client:replicas(clickhouse.target(c))
                else
                    err = client
                end
                if not list then
                    -- why it is down (refused, TLS, auth) belongs in the answer
                    ch_view[c.name] = { error = cause(err, c.name) }
                else
                    local v = { state = "ok", delay = 0, queue = 0 }
                    for _, r in ipairs(list) do
                        local d = tonumber(r.absolute_delay) or 0
                        local bogus = d >= BOGUS_DELAY
                        if bogus then
                            v.delay_unknown = true
                        else
                            v.delay = math.max(v.delay, d)
                        end
                        v.queue = v.queue + (tonumber(r.queue_size) or 0)
                        if r.is_readonly or r.is_session_expired then
                            v.state = "read-only"
                        elseif not r.caught_up and v.state == "ok"
                            and not (bogus and r.why == "absolute_delay > 0") then
                            v.state = "behind"
                        end
                    end
                    v.writable = #list > 0 and v.state ~= "read-only"
                    ch_view[c.name] = v
                end
            end
        end
        local active = topology.active(probe)
        local split = topology.split_brain(probe, active, ch_view)
        result.topology = {
            primary = active.primary, standby = active.standby, generation = active.generation,
            source = active.source,
        }
        result.split_brain = split and { hosts = split.hosts, detail = split.value,
            fix = split.fix } or false
        local rows, problems = {}, {}
        local function problem(node, what, why)
            problems[#problems + 1] = string.format("%s (%s) %s: %s", node.name, node.host, what,
                why)
        end
        for _, site in ipairs(site_order(active)) do
            local role = site.name == active.primary and "primary" or "standby"
            local s = { name = site.name, role = role, home_role = site.role, keepers = {},
                clickhouse = {} }
            result.sites[#result.sites + 1] = s
            for _, k in ipairs(site.keepers) do
                local p = probe[k.name]
                local e = {
                    name = k.name, id = k.id, host = k.host, role = k.role,
                    mode = p.mode, zxid = p.zxid and keepers.hex(p.zxid) or nil,
                    error = (not p.ok and p.error) and cause(p.error, k.name) or nil,
                }
                e.ssh, e.ssh_error = ssh_state(k)
                s.keepers[#s.keepers + 1] = e
                rows[#rows + 1] = { site.name, k.name, k.host, "keeper " .. k.id, e.mode,
                    e.zxid or "-", e.ssh }
                if e.error and k.role ~= "spare" then -- spares are stopped by design
                    problem(k, "keeper", e.error)
                end
                if e.ssh_error then
                    problem(k, "ssh", e.ssh_error)
                end
            end
            for _, c in ipairs(site.clickhouse) do
                local v = ch_view[c.name] or {}
                local e = {
                    name = c.name, host = c.host, replica = c.replica,
                    state = v.state or "down", error = v.error,
                    delay_seconds = v.delay, delay_unknown = v.delay_unknown, queue = v.queue,
                }
                e.ssh, e.ssh_error = ssh_state(c)
                s.clickhouse[#s.clickhouse + 1] = e
                if e.error then
                    problem(c, "clickhouse", e.error)
                end
                if e.ssh_error then
                    problem(c, "ssh", e.ssh_error)
                end
                local lag = "-"
                if e.delay_seconds then
                    lag = string.format("%s queue %d", v.delay_unknown and e.delay_seconds == 0
                        and "delay unknown" or string.format("delay %ds", e.delay_seconds),
                        e.queue or 0)
                end
                rows[#rows + 1] = { site.name, c.name, c.host, "ch " .. c.replica, e.state,
                    lag, e.ssh }
            end
        end
        if dr.json() then
            dr.json_out(result)
            if split then
                error(split.value .. "; " .. split.fix, 0)
            end
            return
        end
        local color = dr.color()
        if split then
            dr.out("%sSPLIT BRAIN (hosts %s)%s", color and "\27[1;31m" or "",
                table.concat(split.hosts, ", "), color and "\27[0m" or "")
            dr.out("  %s", split.value)
            dr.out("  %s", split.fix)
            dr.out("")
        end
        dr.out("active topology: %s primary, %s standby (generation %d, %s)", active.primary,
            active.standby, active.generation, active.source)
        local head = { "SITE", "NODE", "HOST", "WHAT", "STATE", "ZXID / LAG", "SSH" }
        local width = {}
        for i, h in ipairs(head) do
            width[i] = #h
        end
        for _, r in ipairs(rows) do
            for i, v in ipairs(r) do
                width[i] = math.max(width[i], #tostring(v))
            end
        end
        -- padded by hand: string.format refuses a width above 99, and a
        -- column holds whatever an error message says (a host key, a path)
        -- on a terminal: good states green, bad ones red (dr.color() is
        -- false when piped or with NO_COLOR)
        local good = { ok = true, leader = true, follower = true, observer = true }
        local bad = { down = true, ["read-only"] = true, error = true }
        local function paint(text, padded)
            if not color then
                return padded
            end
            if good[text] then
                return "\27[32m" .. padded .. "\27[0m"
            elseif bad[text] then
                return "\27[31m" .. padded .. "\27[0m"
            end
            return padded
        end
        local function line(r)
            local parts = {}
            for i, v in ipairs(r) do
                local text = tostring(v)
                parts[i] = paint(text, text .. string.rep(" ", width[i] - #text))
            end
            dr.out("%s", (table.concat(parts, "  "):gsub("%s+$", "")))
        end
        line(head)
        for _, r in ipairs(rows) do
            line(r)
        end
        if #problems > 0 then
            dr.out("\n%d problem(s):", #problems)
            for _, p in ipairs(problems) do
                dr.out("  %s", p)
            end
        end
        if split then
            error(split.value .. "; " .. split.fix, 0)
        end
    end,
}
