-- dr.keepers: the ZooKeeper / ClickHouse Keeper servers of the inventory as
-- a runbook sees them: roles and zxids from four-letter words, the data a
-- stopped node holds, starting and stopping through the inventory's
-- commands, and a client session with the super-user digest.
local dr = require "dr"
local inv = require "dr.inventory"
local fourlw = require "dr.fourlw"
local hosts = require "dr.hosts"

local M = {}

function M.target(k)
    return string.format("%s:%d", k.host, k.client_port)
end

function M.hex(zxid)
    if not zxid then
        return "-"
    end
    return string.format("0x%x", zxid)
end

-- srvr of every keeper in ks at once: name -> {ok, serving, mode, zxid,
-- epoch, node_count, error}.  A keeper that does not answer has ok=false.
function M.probe(ks, timeout)
    local targets = {}
    for i, k in ipairs(ks) do
        targets[i] = M.target(k)
    end
    local out = {}
    if #targets == 0 then
        return out
    end
    for i, r in ipairs(fourlw.probe(targets, "srvr", timeout or 3)) do
        local k = ks[i]
        local s = r.ok and r.result or {}
        out[k.name] = {
            ok = r.ok,
            serving = r.ok and s.serving,
            mode = r.ok and (s.mode or "unknown") or "down",
            zxid = s.zxid,
            epoch = s.epoch,
            node_count = s.node_count,
            error = r.error,
        }
    end
    return out
end

-- What the data directories of keepers ks hold, read over ssh without the
-- servers, every host at once (one listing and one read each): the highest
-- zxid named by its snapshot and log files (a lower bound of its last
-- transaction: a log file is named after its first one) and its
-- currentEpoch.  name -> {zxid = n|nil, epoch = n|nil, files = count};
-- raises naming every keeper whose host could not be asked.
function M.data_state_all(ks)
    local out = {}
    if inv.keeper_kind ~= "zookeeper" then
        for _, k in ipairs(ks) do
            out[k.name] = { files = 0 }
        end
        return out
    end
    local listed = hosts.probe_all(ks, function(k)
        return "ls -1 " .. hosts.quote((k.data_log_dir or k.data_dir) .. "/version-2")
            .. " 2>/dev/null; true"
    end)
    local failed = {}
    for _, k in ipairs(ks) do
        local r = listed[k.name]
        if not r.ok or r.status ~= 0 then
            failed[#failed + 1] = string.format("%s: %s", k.name,
                r.error or ("exit " .. tostring(r.status or r.signal)))
        end
    end
    if #failed > 0 then
        error(table.concat(failed, "; "), 2)
    end
    local epochs = hosts.read_all(ks, function(k)
        return k.data_dir .. "/version-2/currentEpoch"
    end)
    for _, k in ipairs(ks) do
        local best, files = nil, 0
        for name in listed[k.name].stdout:gmatch("[^\n]+") do
            local hex = name:match("^log%.(%x+)$") or name:match("^snapshot%.(%x+)$")
            if hex then
                files = files + 1
                local z = tonumber(hex, 16)
                if not best or z > best then
                    best = z
                end
            end
        end
        local epoch = epochs[k.name]
        out[k.name] = { zxid = best, epoch = epoch and tonumber(epoch:match("%d+")), files = files }
    end
    return out
end

function M.stop(k)
    return hosts.exec(k, k.stop)
end

-- Starts k; its inventory `enable` command first, when it has one: a node
-- drctl starts on purpose (a member of the new ensemble, a recovered
-- observer) must also come back after a reboot, and a fenced one is
-- disabled until then.
function M.start(k)
    if k.enable then
        hosts.exec(k, k.enable)
    end
    return hosts.exec(k, k.start)
end

-- Waits until k answers srvr with one of the modes in `modes` (a set).
function M.wait_mode(k, modes, timeout)
    local want = {}
    for m in pairs(modes) do
        want[#want + 1] = m
    end
    table.sort(want)
    local last
    return dr.wait {
        what = string.format("%s to be %s", k.name, table.concat(want, " or ")),
        timeout = timeout or 60,
        check = function()
            local s, err = fourlw.srvr(k.host, k.client_port, 2)
            if not s then
                return false, err
            end
            last = s
            return modes[s.mode] == true, "mode " .. tostring(s.mode)
        end,
    }, last
end

-- "silent: zk1, zk2 (8 s)": the keepers of ks that did not answer probe p,
-- and for how long the longest-silent of them has not (since[name] keeps the
-- first silent poll's time across polls); "" when every one answered.
function M.silent_note(ks, p, since)
    local now, names, longest = dr.now(), {}, 0
    for _, x in ipairs(ks) do
        if p[x.name] and not p[x.name].ok then
            since[x.name] = since[x.name] or now
            names[#names + 1] = x.name
            longest = math.max(longest, now - since[x.name])
        else
            since[x.name] = nil
        end
    end
    if #names == 0 then
        return ""
    end
    return string.format("silent: %s (%.0f s)", table.concat(names, ", "), longest)
end

-- Waits until the keepers in `up` have formed a quorum: one of them leads
-- and `k` (just started) leads or follows.
function M.wait_ensemble(up, k, timeout)
    local since = {}
    return dr.wait {
        what = string.format("%s to join an ensemble of %s", k.name,
            table.concat((function()
                local n = {}
                for i, x in ipairs(up) do
                    n[i] = x.name
                end
                return n
            end)(), ", ")),
        timeout = timeout or 60,
        check = function()
            local p = M.probe(up, 2)
            local leaders = 0
            for _, x in ipairs(up) do
                if p[x.name].mode == "leader" then
                    leaders = leaders + 1
                end
            end
            local m = p[k.name].mode
            local silent = M.silent_note(up, p, since)
            return leaders == 1 and (m == "leader" or m == "follower"),
                string.format("%s is %s, %d leader(s)%s", k.name, tostring(m), leaders,
                    silent ~= "" and "; " .. silent or "")
        end,
    }
end

-- A client session to the given keepers (all of them: the client picks),
-- authenticated with the super-user digest when the inventory names one.
function M.connect(ks, timeout)
    local zk = require "dr.zk"
    local servers = {}
    for i, k in ipairs(ks) do
        servers[i] = M.target(k)
    end
    return zk.connect(table.concat(servers, ","), {
        timeout = timeout or 15,
        secret_file = inv.super_digest.file,
        secret_env = inv.super_digest.env,
    })
end

-- Every keeper of the inventory, by site, in file order.
function M.all()
    local list = {}
    for _, site in pairs(inv.sites) do
        for _, k in ipairs(site.keepers) do
            list[#list + 1] = k
        end
    end
    table.sort(list, function(a, b)
        return a.id < b.id
    end)
    return list
end

return M
