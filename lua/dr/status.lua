-- drctl status: both sites at a glance, changing nothing.  Every keeper's
-- mode and zxid (srvr), every ClickHouse replica's state and delay
-- (system.replicas), and whether each host answers over SSH.
local dr = require "dr"
local inv = require "dr.inventory"
local keepers = require "dr.keepers"
local hosts = require "dr.hosts"

local function cause(err, name)
    return hosts.why(err, { name = name })
end

-- "ok", or "down" and why.
local function ssh_state(node)
    local ok, r = pcall(hosts.probe, node, "true", { timeout = 5 })
    if ok then
        return "ok"
    end
    return "down", cause(r, node.name)
end

local function site_order()
    local list = { inv.primary, inv.standby }
    return list
end

return dr.runbook {
    description = "health of both sites (read-only)",
    main = function()
        local result = { schema = "drctl.status/1", sites = {} }
        local all = keepers.all()
        local probe = keepers.probe(all)
        local clickhouse = require "dr.clickhouse"
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
                    ch_view[c.name] = { error = cause(err, c.name) }
                else
                    local v = { state = "ok", delay = 0, queue = 0 }
                    for _, r in ipairs(list) do
                        v.delay = math.max(v.delay, tonumber(r.absolute_delay) or 0)
                        v.queue = v.queue + (tonumber(r.queue_size) or 0)
                        if r.is_readonly or r.is_session_expired then
                            v.state = "read-only"
                        elseif not r.caught_up and v.state == "ok" then
                            v.state = "behind"
                        end
                    end
                    ch_view[c.name] = v
                end
            end
        end
        local rows, problems = {}, {}
        local function problem(node, what, why)
            problems[#problems + 1] = string.format("%s (%s) %s: %s", node.name, node.host, what,
                why)
        end
        for _, site in ipairs(site_order()) do
            local s = { name = site.name, role = site.role, keepers = {}, clickhouse = {} }
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
                    delay_seconds = v.delay, queue = v.queue,
                }
                e.ssh, e.ssh_error = ssh_state(c)
                s.clickhouse[#s.clickhouse + 1] = e
                if e.error then
                    problem(c, "clickhouse", e.error)
                end
                if e.ssh_error then
                    problem(c, "ssh", e.ssh_error)
                end
                rows[#rows + 1] = { site.name, c.name, c.host, "ch " .. c.replica, e.state,
                    e.delay_seconds and string.format("delay %ds queue %d", e.delay_seconds,
                        e.queue or 0) or "-",
                    e.ssh }
            end
        end
        if dr.json() then
            dr.json_out(result)
            return
        end
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
        local color = dr.color()
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
    end,
}
