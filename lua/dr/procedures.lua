-- dr.procedures: the DR procedures of the primary / warm-standby design,
-- as steps over the primitives.  The runbooks (failover, recover, failback,
-- switchover) are thin wrappers around these functions.
--
-- The inventory describes the hosts and the *home* topology (which site is
-- primary, which keepers are observers or spares).  What is true now is
-- read from the servers: after a failover the inventory's standby holds the
-- quorum, so every procedure starts by looking.
local dr = require "dr"
local inv = require "dr.inventory"
local hosts = require "dr.hosts"
local keepers = require "dr.keepers"
local clickhouse = require "dr.clickhouse"
local zkconf = require "dr.zkconf"
local chconf = require "dr.chconf"
local ch_rebuild = require "dr.ch_rebuild"

local M = {}

local MARKER = "/drctl/marker"

-- ------------------------------------------------------------ helpers

local function site_of(name)
    local s = inv.sites[name]
    if not s then
        local names = {}
        for n in pairs(inv.sites) do
            names[#names + 1] = n
        end
        table.sort(names)
        dr.refuse(string.format("no site '%s' in %s", tostring(name), inv.file),
            "use one of: " .. table.concat(names, ", "))
    end
    return s
end

local function other_site(site)
    for name, s in pairs(inv.sites) do
        if name ~= site.name then
            return s
        end
    end
end

local function names(list)
    local out = {}
    for i, n in ipairs(list) do
        out[i] = n.name
    end
    return table.concat(out, ", ")
end

local function dirname(path)
    return path:match("^(.*)/[^/]*$") or "."
end

local function sha(r)
    return r and r.sha256
end

-- A keeper as a zkconf server table with the given role.
local function as_server(k, role)
    return {
        id = k.id, host = k.host, quorum_port = k.quorum_port,
        election_port = k.election_port, role = role,
        client_host = k.host, client_port = k.client_port,
    }
end

local function describe(m)
    local parts = {}
    for _, s in ipairs(m) do
        parts[#parts + 1] = string.format("%d:%s", s.id, s.role == "observer" and "obs" or "par")
    end
    return table.concat(parts, " ")
end

-- The data holder among ks: highest epoch, then highest zxid; a running
-- node wins a tie (its zxid is exact, not a lower bound).
local function pick_holder(ks, seen)
    local best
    for _, k in ipairs(ks) do
        local s = seen[k.name]
        if s and s.zxid then
            if not best then
                best = k
            else
                local b = seen[best.name]
                local ke, be = s.epoch or (s.zxid >> 32), b.epoch or (b.zxid >> 32)
                if ke > be or (ke == be and (s.zxid > b.zxid or
                        (s.zxid == b.zxid and s.exact and not b.exact))) then
                    best = k
                end
            end
        end
    end
    return best
end

-- What each keeper of ks holds now: srvr when it serves, else what its
-- data directory says (over ssh).  name -> {zxid, epoch, exact, mode}.
local function observe_zxids(ks)
    local probe = keepers.probe(ks)
    local seen = {}
    for _, k in ipairs(ks) do
        local p = probe[k.name]
        if p.serving and p.zxid then
            seen[k.name] = { zxid = p.zxid, epoch = p.zxid >> 32, exact = true, mode = p.mode }
        else
            local d = keepers.data_state(k)
            seen[k.name] = {
                zxid = d.zxid, epoch = d.epoch, exact = false, mode = p.mode, files = d.files,
            }
        end
    end
    return seen, probe
end

-- ------------------------------------------------------------ keeper files

-- Runs the step tables of `steps` as one group, at the same time (one
-- step per host: the builders below make one), or nothing when empty.
local function in_parallel(name, steps)
    if #steps == 0 then
        return {}
    end
    return dr.group {
        name = name,
        over = steps,
        step = function(s)
            return s
        end,
    }
end

-- The step tables that fn(x, ...) builds for each x of list (nil skipped).
local function each(list, fn, ...)
    local out = {}
    for _, x in ipairs(list) do
        out[#out + 1] = fn(x, ...)
    end
    return out
end

-- Writes node k's zoo.cfg and dynamic file for membership m, removing the
-- stale versioned dynamic files that would otherwise win.  One step.
local function write_keeper_config_step(k, m, why)
    local dyn_path = k.config .. ".dynamic"
    return {
        name = string.format("write %s's config: %s", k.name, why),
        host = k.name,
        check = function()
            local text = hosts.read(k, k.config)
            return { sha = text and dr.sha256(text) or "absent" }
        end,
        act = function(pre)
            local text = hosts.read(k, k.config)
            if not text then
                error(string.format("%s: %s does not exist", k.name, k.config), 0)
            end
            local cfg = assert(zkconf.parse(text, k.config))
            local dir = dirname(dyn_path)
            local listing = hosts.probe(k, "ls -1a " .. hosts.quote(dir))
            local entries = {}
            for name in listing.stdout:gmatch("[^\n]+") do
                entries[#entries + 1] = name
            end
            local plan = assert(cfg:write_plan(m, k.id, dyn_path, entries))
            cfg:close()
            hosts.write(k, plan.dynamic_path, plan.dynamic)
            -- compare-and-swap on what the check saw: a zoo.cfg changed in
            -- between (by ZooKeeper or a person) is refused, not overwritten
            hosts.write(k, k.config, plan.static, { expect_sha256 = pre.sha })
            if #plan.remove > 0 then
                local q = {}
                for i, p in ipairs(plan.remove) do
                    q[i] = hosts.quote(p)
                end
                hosts.exec(k, "rm -f -- " .. table.concat(q, " "))
            end
            return plan.dynamic_path
        end,
    }
end

local function stop_keeper_step(k, why)
    return {
        name = string.format("stop %s (%s)", k.name, why),
        host = k.name,
        act = function()
            keepers.stop(k)
        end,
        verify = function()
            local p = keepers.probe({ k }, 2)[k.name]
            return not p.ok, k.name .. " still answers on its client port"
        end,
    }
end

local function stop_keeper(k, why)
    return dr.step(stop_keeper_step(k, why))
end

local function backup_data(k, tag)
    local dirs = {}
    -- by key: a ZooKeeper node lacks the Keeper paths and the other way
    -- round, and ipairs over a list with holes stops at the first one
    for _, key in ipairs({ "data_dir", "data_log_dir", "log_storage_path",
        "snapshot_storage_path" }) do
        if k[key] then
            dirs[#dirs + 1] = k[key]
        end
    end
    for _, d in ipairs(dirs) do
        dr.step {
            name = string.format("back up %s's %s", k.name, d),
            host = k.name,
            act = function()
                local dest = string.format("%s.drctl-%s-%s", d, tag, dr.run_id())
                -- the live data only: what earlier runs set aside in the
                -- directory (*.drctl-*) would be copied again by every
                -- failover, and the backups would grow with each drill
                hosts.exec(k, string.format("mkdir -p -- %s && find %s -mindepth 1 -maxdepth 1 "
                    .. "! -name '*.drctl-*' -exec cp -a -- {} %s/ \\;",
                    hosts.quote(dest), hosts.quote(d), hosts.quote(dest)))
                dr.log("%s: %s saved as %s", k.name, d, dest)
                return dest
            end,
        }
    end
end

-- Moves a keeper's old transaction data aside (kept, not deleted) so that
-- it joins as an empty node and is synced by the leader, and can never
-- bring the old ensemble's history back.
local function set_aside_data(k)
    dr.step {
        name = string.format("set %s's old data aside", k.name),
        host = k.name,
        act = function()
            local d = k.data_dir .. "/version-2"
            local dest = string.format("%s.drctl-stale-%s", d, dr.run_id())
            hosts.exec(k, string.format("if [ -d %s ]; then mv -- %s %s; fi", hosts.quote(d),
                hosts.quote(d), hosts.quote(dest)))
        end,
    }
end

-- ------------------------------------------------------------ clickhouse files

local function repoint_clickhouse_step(c, ensemble)
    return {
        name = string.format("point %s at keepers %s", c.name, names(ensemble)),
        host = c.name,
        act = function()
            local nodes = {}
            for i, k in ipairs(ensemble) do
                nodes[i] = { host = k.host, port = k.client_port }
            end
            local text = hosts.read(c, c.zookeeper_xml)
            local out, changed = chconf.set_zookeeper_nodes(text, c.zookeeper_xml, nodes,
                text == nil and { root = "yandex" } or nil)
            if not out then
                error(changed, 0)
            end
            if not changed then
                return false
            end
            hosts.write(c, c.zookeeper_xml, out)
            return true
        end,
    }
end

local function repoint_clickhouse(c, ensemble)
    return dr.step(repoint_clickhouse_step(c, ensemble))
end

-- nil without an umbrella cluster
local function umbrella_remove_step(c, dead)
    local umbrella = inv.umbrella_cluster
    if not umbrella then
        return nil
    end
    return {
        name = string.format("drop %s from cluster '%s' on %s", dead.name, umbrella, c.name),
        host = c.name,
        act = function()
            local text = hosts.read(c, c.remote_servers_xml)
            if not text then
                return false
            end
            local list = {}
            for i, d in ipairs(dead.clickhouse) do
                list[i] = { host = d.host, port = d.tcp_port }
            end
            local out, changed, code = chconf.remove_hosts(text, c.remote_servers_xml, umbrella,
                list, { drop_empty_shards = true })
            if not out then
                if code == "not found" then
                    return false
                end
                error(changed, 0)
            end
            if changed then
                hosts.write(c, c.remote_servers_xml, out)
            end
            return changed
        end,
    }
end

local function umbrella_add(c, back)
    local umbrella = inv.umbrella_cluster
    if not umbrella then
        return
    end
    dr.step {
        name = string.format("put %s back into cluster '%s' on %s", back.name, umbrella, c.name),
        host = c.name,
        act = function()
            local text = hosts.read(c, c.remote_servers_xml)
            if not text then
                return false
            end
            local changed = false
            for _, d in ipairs(back.clickhouse) do
                local out, ch = chconf.add_replica(text, c.remote_servers_xml, umbrella,
                    d.shard_num, { host = d.host, port = d.tcp_port })
                if not out then
                    error(ch, 0)
                end
                if ch then
                    text, changed = out, true
                end
            end
            if changed then
                hosts.write(c, c.remote_servers_xml, text)
            end
            return changed
        end,
    }
end

local function restart_clickhouse_step(c)
    return {
        name = string.format("restart %s", c.name),
        host = c.name,
        act = function()
            hosts.exec(c, c.restart, { timeout = 120 })
        end,
        verify = function()
            return clickhouse.wait_answering(c, 60)
        end,
    }
end

local function stop_clickhouse_step(c, why)
    return {
        name = string.format("stop %s (%s)", c.name, why),
        host = c.name,
        act = function()
            hosts.exec(c, c.stop, { timeout = 120 })
        end,
    }
end

-- ------------------------------------------------------------ checks

-- The new ensemble is trusted only when its leader is the data holder, its
-- zxid is not behind what the standby held, the marker and the standby
-- replicas' znodes are there, and the roles are as planned.
local function prove_ensemble(ensemble, holders, zxid_before, replica_paths)
    dr.step {
        name = "prove the new ensemble holds the data",
        -- a check only: it runs in real runs (a rehearsal has no new
        -- ensemble to look at) and a failure stops the run
        verify = function()
            local probe = keepers.probe(ensemble)
            local leader
            for _, k in ipairs(ensemble) do
                local p = probe[k.name]
                if p.mode == "leader" then
                    leader = k
                elseif p.mode ~= "follower" then
                    error(string.format("%s is %s, expected leader or follower", k.name,
                        tostring(p.mode)), 0)
                end
            end
            if not leader then
                error("no leader among " .. names(ensemble), 0)
            end
            local lz = probe[leader.name].zxid
            if not holders[leader.name] then
                local hs = {}
                for n in pairs(holders) do
                    hs[#hs + 1] = n
                end
                table.sort(hs)
                error(string.format("zxid guard: %s leads, not a data holder (%s): an ensemble "
                    .. "without the data may have formed; stop it and start a data holder first",
                    leader.name, table.concat(hs, ", ")), 0)
            end
            if zxid_before and lz < zxid_before then
                error(string.format("zxid guard: leader %s is at %s, behind %s seen on the "
                    .. "standby before the failover", leader.name, keepers.hex(lz),
                    keepers.hex(zxid_before)), 0)
            end
            local s = assert(keepers.connect(ensemble))
            local missing = {}
            for _, path in ipairs(replica_paths) do
                if not s:exists(path) then
                    missing[#missing + 1] = path
                end
            end
            local marker = s:exists(MARKER) and s:marker_read(MARKER) or nil
            s:close()
            if #missing > 0 then
                error("marker check: the new ensemble lacks " .. table.concat(missing, ", ")
                    .. ": it does not hold the data the replicas need", 0)
            end
            if marker then
                dr.log("marker %s of run %s is there", MARKER, tostring(marker.run_id))
            else
                dr.warn("no marker %s in the new ensemble (none was ever written?)", MARKER)
            end
            dr.log("leader %s at %s (before: %s)", leader.name, keepers.hex(lz),
                keepers.hex(zxid_before))
            return true
        end,
    }
end

local function write_marker(ensemble)
    dr.step {
        name = "write the marker " .. MARKER,
        act = function()
            local s, cerr = keepers.connect(ensemble)
            if not s and dr.rehearsal() then
                -- the ensemble this plan builds does not run yet
                dr.log("the real run writes %s through %s here", MARKER, names(ensemble))
                return
            end
            if not s then
                error(cerr, 0)
            end
            local ok, err = s:marker_write(MARKER, dr.run_id())
            s:close()
            if not ok then
                error(err, 0)
            end
        end,
    }
end

-- ------------------------------------------------------------ run lock

local lock_session -- kept open for the whole run: the lock is ephemeral

-- Beside the local lock, one run at a time across machines: an ephemeral
-- znode in the running ensemble (where a quorum exists), naming this run.
-- A second drctl anywhere is refused with who holds it and since when.
-- The znode lives as long as this process: a resumed run takes it again.
-- opts.move: the run switched ensembles (a failover): the lock in the old
-- one died with it, take it in the new one; a rehearsal, which builds no
-- new ensemble, only says so.  opts.always: the step is there even when no
-- keeper votes (then it takes nothing), so that a resumed run whose first
-- run took the lock numbers its steps the same way.
local function take_run_lock(voting, opts)
    opts = opts or {}
    if (lock_session and not opts.move) or (#voting == 0 and not opts.always)
        or inv.keeper_kind ~= "zookeeper" then
        return
    end
    dr.step {
        name = "take the run lock " .. "/drctl/lock"
            .. (opts.move and " in the new ensemble" or ""),
        redo_on_resume = true,
        act = function()
            if opts.move and dr.rehearsal() then
                dr.log("the run lock moves to the new ensemble once it serves")
                return
            end
            if #voting == 0 then
                dr.log("no keeper votes now: the lock is taken in the new ensemble once it serves")
                return
            end
            if lock_session then
                lock_session:close()
                lock_session = nil
            end
            local s = assert(keepers.connect(voting))
            local ok, err = s:lock("/drctl/lock", dr.run_id())
            if not ok then
                s:close()
                dr.refuse(err, "wait for that run to end, or check drctl runs on its machine")
            end
            lock_session = s
        end,
    }
end

local function voting_keepers(list)
    local p = keepers.probe(list)
    local out = {}
    for _, k in ipairs(list) do
        if p[k.name].mode == "leader" or p[k.name].mode == "follower" then
            out[#out + 1] = k
        end
    end
    return out
end

-- ------------------------------------------------------------ pre-flight

-- Every host of the site answers over ssh, or the run is refused naming
-- those that do not.
local function require_reachable(target)
    local unreachable = {}
    for _, list in ipairs({ target.keepers, target.clickhouse }) do
        for _, n in ipairs(list) do
            if not pcall(hosts.probe, n, "true", { timeout = 10 }) then
                unreachable[#unreachable + 1] = n.name
            end
        end
    end
    if #unreachable > 0 then
        dr.refuse(string.format("%s hosts do not answer over ssh: %s", target.name,
            table.concat(unreachable, ", ")), "bring them back or fix ssh, then run again")
    end
end

-- What a pre-flight records of both sites, into plan: no INSERTs running on
-- the target's replicas, the znodes of those replicas (for the marker
-- check), which keepers and ClickHouse servers of the old site answer (to
-- fence them).  A planned switch needs the old site's keepers to answer.
local function survey_sites(target, dead, opts, plan)
    local busy = clickhouse.running_inserts(target.clickhouse)
    if #busy > 0 then
        dr.refuse("INSERTs are running on " .. table.concat(busy, ", "),
            "stop the writers on the standby site first")
    end
    plan.replica_paths = clickhouse.replica_paths(target.clickhouse)
    local dead_probe = keepers.probe(dead.keepers, 2)
    for _, k in ipairs(dead.keepers) do
        if dead_probe[k.name].ok then
            plan.dead_keepers[#plan.dead_keepers + 1] = k.name
        elseif opts.planned and k.role ~= "spare" then
            dr.refuse(string.format("%s does not answer: a planned switch needs both "
                .. "sites", k.name), "use failover for an unplanned switch")
        end
    end
    for _, c in ipairs(dead.clickhouse) do
        if pcall(hosts.probe, c, "true", { timeout = 5 }) then
            plan.dead_clickhouse[#plan.dead_clickhouse + 1] = c.name
        else
            dr.warn("%s is unreachable: it cannot be fenced now; recovery rewrites it "
                .. "before it rejoins", c.name)
        end
    end
end

-- ------------------------------------------------------------ failover

-- Makes site `to` the primary: its keepers become the ensemble (data holder
-- first, then the others one at a time), its ClickHouse servers point at
-- it, the other site is fenced where reachable and dropped from the
-- umbrella cluster.  opts.planned: both sites alive (switchover/failback).
function M.failover(to_name, opts)
    opts = opts or {}
    local target = site_of(to_name)
    local dead = other_site(target)
    if inv.keeper_kind ~= "zookeeper" then
        return M.keeper_failover(target, dead, opts)
    end
    local ensemble = target.keepers
    if #ensemble % 2 == 0 then
        dr.refuse(string.format("%s has %d keepers: an ensemble needs an odd number",
            target.name, #ensemble), "add or remove a spare in the inventory")
    end

    -- Pre-flight, as a step: what it decides (the data holder, the zxid to
    -- guard, what to fence) is journaled, so a resumed run acts on the same
    -- decisions even though the world has moved since.
    local pf = dr.step {
        name = string.format("pre-flight: %s's hosts, zxids and writes", target.name),
        act = function()
            require_reachable(target)
            local seen, probe = observe_zxids(target.keepers)
            local holder = pick_holder(target.keepers, seen)
            if not holder then
                dr.refuse(string.format("no keeper of %s holds any data (no zxid from srvr or "
                    .. "its data directory)", target.name), "check the observers' data directories")
            end
            local plan = {
                holder = holder.name, zxid_before = seen[holder.name].zxid, holders = {},
                running = {}, dead_keepers = {}, dead_clickhouse = {},
            }
            for _, k in ipairs(target.keepers) do
                dr.log("%s: %s, zxid %s%s", k.name, probe[k.name].mode,
                    keepers.hex(seen[k.name].zxid), seen[k.name].exact and "" or " (data dir)")
                if seen[k.name].zxid == plan.zxid_before then
                    plan.holders[#plan.holders + 1] = k.name
                end
                if probe[k.name].ok then
                    plan.running[#plan.running + 1] = k.name
                end
            end
            survey_sites(target, dead, opts, plan)
            dr.log("data holder: %s at %s", holder.name, keepers.hex(plan.zxid_before))
            return plan
        end,
    }
    local holder = inv.nodes[pf.holder]
    local holders = {}
    for _, n in ipairs(pf.holders) do
        holders[n] = true
    end

    -- the membership to write
    local new = {}
    for _, k in ipairs(ensemble) do
        new[#new + 1] = as_server(k, "participant")
    end
    assert(zkconf.validate(new))
    dr.log("new ensemble: %s", describe(new))

    -- fence what is reachable of the old primary, every host at once
    local fence = {}
    for _, n in ipairs(pf.dead_keepers) do
        fence[#fence + 1] = stop_keeper_step(inv.nodes[n], "fence the old primary")
    end
    for _, n in ipairs(pf.dead_clickhouse) do
        fence[#fence + 1] = stop_clickhouse_step(inv.nodes[n], "fence the old primary")
    end
    in_parallel("fence the old primary", fence)

    -- stop the target's keepers, save the holder's data, rewrite every config
    local running = {}
    for _, n in ipairs(pf.running) do
        running[#running + 1] = inv.nodes[n]
    end
    in_parallel("stop " .. target.name .. "'s keepers",
        each(running, stop_keeper_step, "to rewrite its membership"))
    backup_data(holder, "failover")
    in_parallel("write " .. target.name .. "'s keeper configs",
        each(target.keepers, write_keeper_config_step, new, "participant of " .. describe(new)))

    -- the data holder first, then the others one at a time: nodes without
    -- the data never run together without it, so they cannot elect an
    -- empty leader.  Nodes at the holder's zxid hold the same data: any of
    -- them may win the election (ZooKeeper breaks the tie by id).
    local order = { holder }
    for _, k in ipairs(target.keepers) do
        if k ~= holder then
            order[#order + 1] = k
        end
    end
    dr.step {
        name = string.format("start %s (the data holder) first", holder.name),
        host = holder.name,
        act = function()
            keepers.start(holder)
        end,
    }
    local started = { holder }
    for i = 2, #order do
        local k = order[i]
        started[#started + 1] = k
        local up = { table.unpack(started) }
        dr.step {
            name = string.format("start %s", k.name),
            host = k.name,
            act = function()
                keepers.start(k)
            end,
            verify = function()
                return keepers.wait_ensemble(up, k, 60)
            end,
        }
    end
    prove_ensemble(ensemble, holders, pf.zxid_before, pf.replica_paths)
    take_run_lock(ensemble, { move = true })
    M.clickhouse_after_failover(target, dead, ensemble)
    return { holder = holder.name, ensemble = new }
end

-- ClickHouse of the new primary site, once its keepers serve: point every
-- server at them, drop the dead site from the umbrella cluster, restart,
-- prove a write, write the marker, record the RTO.  Shared with the
-- ClickHouse Keeper procedures (dr.keeper_procedures).
function M.clickhouse_after_failover(target, dead, ensemble)
    in_parallel("point " .. target.name .. "'s ClickHouse at the new ensemble",
        each(target.clickhouse, repoint_clickhouse_step, ensemble))
    in_parallel("drop " .. dead.name .. " from the umbrella cluster",
        each(target.clickhouse, umbrella_remove_step, dead))
    in_parallel("restart " .. target.name .. "'s ClickHouse",
        each(target.clickhouse, restart_clickhouse_step))
    local first_write = dr.step {
        name = "verify " .. target.name .. " takes writes",
        act = function()
            for _, c in ipairs(target.clickhouse) do
                clickhouse.wait_writable(c, 120)
            end
            return clickhouse.heartbeat(target.clickhouse[1], target.name)
        end,
    }
    write_marker(ensemble)
    local t0 = dr.first_effect_time()
    if t0 and first_write and not dr.rehearsal() then
        dr.metric("rto_seconds", math.floor((first_write - t0) * 1000 + 0.5) / 1000)
    end
end

-- ------------------------------------------------------------ recovery

-- Brings site `name` back as the standby of the ensemble that runs on the
-- other site: its keepers (not its spares) rejoin as observers with their
-- old data set aside, its ClickHouse servers point at the ensemble, get
-- their macros, return to the umbrella cluster and catch up.
function M.recover(name, opts)
    opts = opts or {}
    local site = site_of(name)
    local live = other_site(site)
    if inv.keeper_kind ~= "zookeeper" then
        return M.keeper_recover(site, live, opts)
    end
    local ensemble, current = {}, nil
    if opts.assume then
        -- right after a failover in the same run (switchover, failback):
        -- the ensemble it built and proved, which a rehearsal cannot see
        ensemble, current = opts.assume.ensemble, opts.assume.members
    else
        local probe = keepers.probe(live.keepers)
        for _, k in ipairs(live.keepers) do
            local m = probe[k.name].mode
            if m == "leader" or m == "follower" then
                ensemble[#ensemble + 1] = k
            end
        end
        if #ensemble == 0 then
            dr.refuse("no keeper of " .. live.name .. " serves as leader or follower",
                "fail over to " .. live.name .. " first")
        end
        take_run_lock(ensemble)
        local s = assert(keepers.connect(ensemble))
        local config = assert(s:config())
        s:close()
        current = config.members
    end
    for _, m in ipairs(current) do
        local k = inv.keepers_by_id[m.id]
        if k and k.site == site.name and m.role == "participant" then
            dr.refuse(string.format("server %d (%s) of %s is still a voting member of the "
                .. "ensemble", m.id, k.name, site.name), "this site is the primary: use failback")
        end
    end
    local joining, rejoin = {}, {}
    for _, k in ipairs(site.keepers) do
        if k.role ~= "spare" then
            rejoin[#rejoin + 1] = k
            joining[#joining + 1] = as_server(k, "observer")
        end
    end
    local target = assert(zkconf.after_recovery(current, joining))
    dr.log("membership after recovery: %s", describe(target))

    -- fence: every keeper of the site stops (it may have come back with
    -- its old config) before anything else.  Which of them answer is journaled (a step's
    -- result): a run resumed after the fence finds none answering, and
    -- must still number its steps as the journal does.
    local answered = dr.step {
        name = "survey " .. site.name .. "'s keepers",
        act = function()
            local site_probe = keepers.probe(site.keepers, 2)
            local out = {}
            for _, k in ipairs(site.keepers) do
                if site_probe[k.name].ok then
                    out[#out + 1] = k.name
                end
            end
            return out
        end,
    } or {}
    local answering = {}
    for _, k in ipairs(site.keepers) do
        for _, name in ipairs(answered) do
            if name == k.name then
                answering[#answering + 1] = k
            end
        end
    end
    in_parallel("fence " .. site.name .. "'s keepers",
        each(answering, stop_keeper_step, "it must not run with its old membership"))
    -- rewrite the site's keepers (the spares too: no stale config may stay
    -- behind to drag a restarted node back)
    for _, k in ipairs(site.keepers) do
        set_aside_data(k)
    end
    in_parallel("write " .. site.name .. "'s keeper configs", each(site.keepers, function(k)
        local m = target
        if k.role == "spare" then
            -- a spare keeps a config naming the live ensemble and itself as
            -- an observer, so that even a stray start cannot vote
            m = assert(zkconf.after_recovery(target, { as_server(k, "observer") }))
        end
        return write_keeper_config_step(k, m, k.role == "spare" and "spare, not started"
            or "observer of " .. describe(target))
    end))
    -- add the observers online (super user), then start them
    -- The step is there even when the membership already holds them: a
    -- run resumed after its reconfig (say, across a partition that failed
    -- the starts below) must number its steps as the journal does.
    local join, leave = zkconf.reconfig_args(current, target)
    if join ~= "" or leave ~= "" or #rejoin > 0 then
        dr.step {
            name = "reconfig: add " .. names(rejoin) .. " as observers",
            act = function()
                if join == "" and leave == "" then
                    dr.log("the ensemble's membership already holds %s", names(rejoin))
                    return true
                end
                local sess = assert(keepers.connect(ensemble))
                local r, err = sess:reconfig { joining = join ~= "" and join or nil,
                    leaving = leave ~= "" and leave or nil }
                sess:close()
                if not r then
                    error(err, 0)
                end
                return true
            end,
        }
    end
    -- observers do not vote: they may all start at once
    in_parallel("start " .. site.name .. "'s observers", each(rejoin, function(k)
        return {
            name = string.format("start %s as an observer", k.name),
            host = k.name,
            act = function()
                keepers.start(k)
            end,
            verify = function()
                keepers.wait_mode(k, { observer = true }, 90)
                return true
            end,
        }
    end))
    dr.step {
        name = "verify roles and membership",
        verify = function()
            local p = keepers.probe(keepers.all())
            for _, k in ipairs(rejoin) do
                if p[k.name].mode ~= "observer" then
                    error(string.format("%s is %s, expected observer", k.name, p[k.name].mode), 0)
                end
            end
            local leaders = 0
            for _, k in ipairs(ensemble) do
                if p[k.name].mode == "leader" then
                    leaders = leaders + 1
                end
            end
            if leaders ~= 1 then
                error(string.format("%d leaders among %s", leaders, names(ensemble)), 0)
            end
            local sess = assert(keepers.connect(ensemble))
            local cfg = assert(sess:config())
            sess:close()
            dr.log("membership now: %s (version %x)", describe(cfg.members), cfg.version or 0)
            return true
        end,
    }

    M.clickhouse_after_recovery(site, live, ensemble, opts)
end

-- ClickHouse of a site rejoining as the standby of the keepers `ensemble`
-- (on site `live`): stop, repoint, macros, back into the umbrella cluster,
-- start, recreate the tables a rebuilt host lacks, catch up, marker.  Shared with dr.keeper_procedures.
function M.clickhouse_after_recovery(site, live, ensemble, opts)
    in_parallel("stop " .. site.name .. "'s ClickHouse", each(site.clickhouse, function(c)
        return stop_clickhouse_step(c, "to rewrite its config")
    end))
    for _, c in ipairs(site.clickhouse) do
        repoint_clickhouse(c, ensemble)
        dr.step {
            name = string.format("macros of %s", c.name),
            host = c.name,
            act = function()
                local want = { cluster = inv.cluster, shard = c.shard, replica = c.replica }
                local text = hosts.read(c, c.macros_xml)
                local out, changed = chconf.set_macros(text, c.macros_xml, want,
                    text == nil and { root = "yandex" } or nil)
                if not out then
                    error(changed .. "; a replaced host must get the macros of the replica it "
                        .. "replaces", 0)
                end
                if not changed then
                    return false
                end
                hosts.write(c, c.macros_xml, out)
                return true
            end,
        }
    end
    for _, c in ipairs(site.clickhouse) do
        umbrella_add(c, site)
    end
    for _, c in ipairs(live.clickhouse) do
        umbrella_add(c, site)
    end
    in_parallel("start " .. site.name .. "'s ClickHouse", each(site.clickhouse, function(c)
        return {
            name = string.format("start %s", c.name),
            host = c.name,
            act = function()
                hosts.exec(c, c.start, { timeout = 120 })
            end,
            verify = function()
                return clickhouse.wait_answering(c, 90)
            end,
        }
    end))
    -- a host rebuilt with empty disks has no tables: give it those of a
    -- healthy replica of its shard, or it has nothing to catch up with
    for _, c in ipairs(site.clickhouse) do
        ch_rebuild.step(c, live)
    end
    in_parallel("wait for " .. site.name .. "'s replicas to catch up",
        each(site.clickhouse, function(c)
            return {
                name = string.format("wait for %s to catch up", c.name),
                host = c.name,
                act = function()
                    clickhouse.wait_caught_up(c, opts.catch_up_timeout or 300)
                end,
            }
        end))
    write_marker(ensemble)
end

-- ------------------------------------------------------------ planned switch

-- The switch's catch-up gate: the target's keepers at the leader's zxid
-- and its replicas caught up.
local function catch_up_gate(target, opts)
    if inv.keeper_kind == "zookeeper" then
        local all = keepers.all()
        dr.wait {
            what = target.name .. "'s keepers at the leader's zxid",
            timeout = opts.gate_timeout or 60,
            check = function()
                local p = keepers.probe(all)
                local lz
                for _, k in ipairs(all) do
                    if p[k.name].mode == "leader" then
                        lz = p[k.name].zxid
                    end
                end
                if not lz then
                    return false, "no leader"
                end
                for _, k in ipairs(target.keepers) do
                    local m = p[k.name].mode
                    if (m == "observer" or m == "follower") and p[k.name].zxid ~= lz then
                        return false, string.format("%s at %s, leader at %s", k.name,
                            keepers.hex(p[k.name].zxid), keepers.hex(lz))
                    end
                end
                return true
            end,
        }
    end
    for _, c in ipairs(target.clickhouse) do
        clickhouse.wait_caught_up(c, opts.gate_timeout or 120)
    end
end

-- Both sites alive: no INSERTs on the side being demoted, observers at the
-- leader's zxid, replicas caught up; then failover to `to` and recovery of
-- the other site.
function M.switch(to_name, opts)
    opts = opts or {}
    local target = site_of(to_name)
    local from = other_site(target)
    -- always a step: resumed between the fence and the new ensemble, no
    -- keeper votes, and the steps must still be numbered as journaled
    take_run_lock(voting_keepers(keepers.all()), { always = true })
    local busy = clickhouse.running_inserts(from.clickhouse)
    if #busy > 0 then
        dr.refuse("INSERTs are running on " .. table.concat(busy, ", "),
            "stop the writers on " .. from.name .. " first")
    end
    -- The catch-up gate is a step: a run resumed after the switch began
    -- (the old primary fenced, no leader anywhere yet) must not wait again
    -- for a leader only the rest of the run brings back.
    dr.step {
        name = string.format("catch-up gate: %s's keepers and replicas caught up", target.name),
        act = function()
            catch_up_gate(target, opts)
        end,
    }
    local done = M.failover(to_name, { planned = true })
    M.recover(from.name, {
        catch_up_timeout = opts.catch_up_timeout,
        assume = { ensemble = target.keepers, members = done.ensemble },
    })
end

-- The building blocks the ClickHouse Keeper procedures share with these.
M.site_of = site_of
M.other_site = other_site
M.names = names
M.stop_keeper = stop_keeper
M.stop_keeper_step = stop_keeper_step
M.in_parallel = in_parallel
M.each = each
M.backup_data = backup_data
M.prove_ensemble = prove_ensemble
M.write_marker = write_marker
M.require_reachable = require_reachable
M.survey_sites = survey_sites
M.MARKER = MARKER

-- Keeper kind clickhouse-keeper: the documented quorum-loss recovery.
local keeper_procedures = require "dr.keeper_procedures"
M.keeper_failover = keeper_procedures.failover
M.keeper_recover = keeper_procedures.recover

return M
