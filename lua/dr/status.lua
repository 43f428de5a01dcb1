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

local function ssh_state(node)
    local ok, r = pcall(hosts.probe, node, "true", { timeout = 5 })
    if ok then
        return "ok"
    end
    return "down: " .. tostring(r):gsub("^.-: ", "")
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
        local have_ch = true
        local ch_view = {}
        for _, site in pairs(inv.sites) do
            for _, c in ipairs(site.clickhouse) do
                local list, cherr = clickhouse.client():replicas(clickhouse.target(c))
                if not list then
                    -- why it is down (refused, TLS, auth) belongs in the answer
                    ch_view[c.name] = { error = cherr }
                    dr.warn("%s: %s", c.name, tostring(cherr))
                end
                if list then
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
        local rows = {}
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
                    ssh = ssh_state(k),
                }
                s.keepers[#s.keepers + 1] = e
                rows[#rows + 1] = { site.name, k.name, k.host, "keeper " .. k.id, e.mode,
                    e.zxid or "-", e.ssh }
            end
            for _, c in ipairs(site.clickhouse) do
                local v = ch_view[c.name] or {}
                local e = {
                    name = c.name, host = c.host, replica = c.replica,
                    state = v.state or (have_ch and "down" or "unknown"),
                    delay = v.delay, delay_unknown = v.delay_unknown, queue = v.queue,
                    ssh = ssh_state(c), error = v.error,
                }
                s.clickhouse[#s.clickhouse + 1] = e
                local lag = "-"
                if e.delay then
                    lag = string.format("%s queue %d", v.delay_unknown and e.delay == 0
                        and "delay unknown" or string.format("delay %ds", e.delay), e.queue or 0)
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
        if split then
            dr.out("SPLIT BRAIN (hosts %s)", table.concat(split.hosts, ", "))
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
        local function line(r)
            local parts = {}
            for i, v in ipairs(r) do
                -- padded by hand: string.format widths stop at 99, and a
                -- "down: why" cell can be longer
                local t = tostring(v)
                parts[i] = t .. string.rep(" ", width[i] - #t)
            end
            dr.out("%s", (table.concat(parts, "  "):gsub("%s+$", "")))
        end
        line(head)
        for _, r in ipairs(rows) do
            line(r)
        end
        if split then
            error(split.value .. "; " .. split.fix, 0)
        end
    end,
}
