-- dr.coord.zookeeper: the phases of the DR procedures that are ZooKeeper's
-- own, behind the interface every coordination kind gives (dr.coord):
--
--   switch (failover, switchover, failback), on the table of
--   dr.procedures.switch_to:
--     preflight(sw)          the target's hosts, zxids and writes: the data
--                            holder, the zxid to guard, what to fence, the
--                            membership to build (sw.members, sw.ensemble)
--     catch_up(sw)           a planned switch's gate of the kind, once the
--                            old primary's ClickHouse is fenced (none here)
--     stop(sw)               the target's running keepers stop
--     backup(sw)             the data holder's data directories copied
--     rebuild(sw)            every config rewritten, the data holder started
--                            first, then the others one at a time
--     prove(sw)              zxid guard, marker, roles of the new ensemble
--     keepers_caught_up(sw)  inside a planned switch's catch-up gate
--   recovery, on the table of dr.procedures.recovery_of:
--     survey(rc)             the live ensemble, the membership after recovery
--     fence_site(rc)         the returning site's keepers stop
--     set_aside(rc)          their old data moved aside (kept)
--     rewrite(rc)            their configs: observers of the live ensemble
--     rejoin(rc)             into the ensemble, and started
--     verify(rc)             roles and one leader
--   run_lock                 true: the run lock is a znode of the ensemble
local dr = require "dr"
local inv = require "dr.inventory"
local hosts = require "dr.hosts"
local keepers = require "dr.keepers"
local zkconf = require "dr.zkconf"
local P = require "dr.procedures"

local M = { kind = "zookeeper", run_lock = true }

local names, dirname, in_parallel, each = P.names, P.dirname, P.in_parallel, P.each

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
    local seen, silent = {}, {}
    for _, k in ipairs(ks) do
        local p = probe[k.name]
        if not (p.serving and p.zxid) then
            silent[#silent + 1] = k
        end
    end
    -- the data directories of the silent ones, all at once
    local data = keepers.data_state_all(silent)
    for _, k in ipairs(ks) do
        local p = probe[k.name]
        if p.serving and p.zxid then
            seen[k.name] = { zxid = p.zxid, epoch = p.zxid >> 32, exact = true, mode = p.mode }
        else
            local d = data[k.name]
            seen[k.name] = {
                zxid = d.zxid, epoch = d.epoch, exact = false, mode = p.mode, files = d.files,
            }
        end
    end
    return seen, probe
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
            hosts.write(k, k.config, plan.static, { expect_sha256 = pre.sha, previous = text })
            -- one checkpointed effect per file: a rollback puts each back
            for _, p in ipairs(plan.remove) do
                hosts.remove(k, p)
            end
            return plan.dynamic_path
        end,
    }
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


-- ------------------------------------------------------------ failover

function M.preflight(sw)
    local target, dead, opts = sw.target, sw.old, sw.opts
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
            P.require_reachable(target)
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
            P.survey_sites(target, dead, opts, plan)
            dr.log("data holder: %s at %s", holder.name, keepers.hex(plan.zxid_before))
            return plan
        end,
    }
    -- the membership to write
    local new = {}
    for _, k in ipairs(ensemble) do
        new[#new + 1] = as_server(k, "participant")
    end
    assert(zkconf.validate(new))
    dr.log("new ensemble: %s", describe(new))
    sw.pf, sw.holder, sw.members, sw.ensemble = pf, inv.nodes[pf.holder], new, ensemble
    -- the old primary's keepers and ClickHouse, every one that answers
    sw.to_fence = pf
end

-- Nothing of the kind's own: the zxid part of a planned switch's gate runs
-- before the switch (keepers_caught_up).
function M.catch_up(sw)
end

-- The target's keepers that run stop, to rewrite their membership.
function M.stop(sw)
    local running = {}
    for _, n in ipairs(sw.pf.running) do
        running[#running + 1] = inv.nodes[n]
    end
    in_parallel("stop " .. sw.target.name .. "'s keepers",
        each(running, P.stop_keeper_step, "to rewrite its membership"))
end

function M.backup(sw)
    P.backup_data(sw.holder, "failover")
end

-- Every config rewritten, then the data holder first and the others one
-- at a time: nodes without the data never run together without it, so
-- they cannot elect an empty leader.  Nodes at the holder's zxid hold the
-- same data: any of them may win the election (ZooKeeper breaks the tie by
-- id).
function M.rebuild(sw)
    local target, holder, new = sw.target, sw.holder, sw.members
    in_parallel("write " .. target.name .. "'s keeper configs",
        each(target.keepers, write_keeper_config_step, new, "participant of " .. describe(new)))
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
end

function M.prove(sw)
    local holders = {}
    for _, n in ipairs(sw.pf.holders) do
        holders[n] = true
    end
    P.prove_ensemble(sw.ensemble, holders, sw.pf.zxid_before, sw.pf.replica_paths)
end

-- Inside a planned switch's catch-up gate: the target's keepers at the
-- leader's zxid.
function M.keepers_caught_up(sw)
    local target, all = sw.target, keepers.all()
    local since = {}
    dr.wait {
        what = target.name .. "'s keepers at the leader's zxid",
        timeout = sw.opts.gate_timeout or 60,
        check = function()
            local p = keepers.probe(all)
            local lz
            for _, k in ipairs(all) do
                if p[k.name].mode == "leader" then
                    lz = p[k.name].zxid
                end
            end
            local silent = keepers.silent_note(all, p, since)
            if not lz then
                return false, "no leader" .. (silent ~= "" and "; " .. silent or "")
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

-- ------------------------------------------------------------ recovery

-- The ensemble that serves on the live site (or the one this run built),
-- its membership, and the membership after recovery: the site's keepers
-- (not its spares) as observers.
function M.survey(rc)
    local site, live = rc.site, rc.live
    local ensemble, current = {}, nil
    if rc.assume then
        -- right after a failover in the same run (switchover, failback):
        -- the ensemble it built and proved, which a rehearsal cannot see
        ensemble, current = rc.assume.ensemble, rc.assume.members
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
        P.take_run_lock_in(ensemble)
        local s = assert(keepers.connect(ensemble))
        local config = assert(s:config())
        s:close()
        current = config.members
    end
    P.refuse_if_voting(site, current, "ensemble")
    local joining = {}
    rc.rejoin = P.rejoining(site)
    for _, k in ipairs(rc.rejoin) do
        joining[#joining + 1] = as_server(k, "observer")
    end
    rc.target = assert(zkconf.after_recovery(current, joining))
    rc.ensemble, rc.members = ensemble, current
    dr.log("membership after recovery: %s", describe(rc.target))
end

-- Every keeper of the site stops (it may have come back with its old
-- config) before anything else.  Which of them answer is journaled (a
-- step's result): a run resumed after the fence finds none answering, and
-- must still number its steps as the journal does.
function M.fence_site(rc)
    local site = rc.site
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
        each(answering, P.stop_keeper_step, "it must not run with its old membership"))
end

function M.set_aside(rc)
    for _, k in ipairs(rc.site.keepers) do
        set_aside_data(k)
    end
end

-- The site's keepers, the spares too: no stale config may stay behind to
-- drag a restarted node back.
function M.rewrite(rc)
    local site, target = rc.site, rc.target
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
end

-- The observers are added online (super user), then started; the spares
-- are not started, but a failover may have disabled them: the fence is
-- lifted for the whole site, as it was before the switch.
function M.rejoin(rc)
    local site, rejoin, ensemble = rc.site, rc.rejoin, rc.ensemble
    -- The step is there even when the membership already holds them: a
    -- run resumed after its reconfig (say, across a partition that failed
    -- the starts below) must number its steps as the journal does.
    local join, leave = zkconf.reconfig_args(rc.members, rc.target)
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
    in_parallel("enable " .. site.name .. "'s spares", each(site.keepers, function(k)
        if k.role ~= "spare" or not k.enable then
            return nil
        end
        return {
            name = string.format("enable %s (a spare, not started)", k.name),
            host = k.name,
            act = function()
                hosts.exec(k, k.enable)
            end,
        }
    end))
end

function M.verify(rc)
    local ensemble = rc.ensemble
    dr.step {
        name = "verify roles and membership",
        verify = function()
            P.check_rejoined(rc.rejoin, ensemble, false)
            local sess = assert(keepers.connect(ensemble))
            local cfg = assert(sess:config())
            sess:close()
            dr.log("membership now: %s (version %x)", describe(cfg.members), cfg.version or 0)
            return true
        end,
    }
end

return M
