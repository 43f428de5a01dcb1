-- dr.procedures: the phases of the DR procedures of the primary /
-- warm-standby design that do not depend on the coordination kind, as steps
-- over the primitives, and the step builders the kinds share.  A runbook
-- (runbooks/failover.lua, recover.lua, switchover.lua, failback.lua) calls
-- them in order, with the phases of its coordination kind (dr.coord: the
-- ZooKeeper or the ClickHouse Keeper module, chosen from the inventory) in
-- between; a site copies a runbook to add a step of its own.
--
-- The inventory describes the hosts and the *home* topology (which site is
-- primary, which keepers are observers or spares).  What is true now is
-- read from the servers: after a failover the inventory's standby holds the
-- quorum, so every procedure starts by looking.
--
-- A switch (failover, switchover, failback) carries a table `sw` from phase
-- to phase: target and old (the sites), coord (the kind's module), opts,
-- and what the kind's pre-flight decided (pf, ensemble: the keepers
-- ClickHouse points at, members: the membership written, to_fence).  A
-- recovery carries `rc`: site, live, coord, opts, assume, and what its
-- pre-flight found (ensemble, members, rejoin, target).
local dr = require "dr"
local inv = require "dr.inventory"
local hosts = require "dr.hosts"
local keepers = require "dr.keepers"
local clickhouse = require "dr.clickhouse"
local chconf = require "dr.chconf"
local ch_rebuild = require "dr.ch_rebuild"
local topology = require "dr.topology"

local M = {}

local MARKER = "/drctl/marker"
M.MARKER = MARKER

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

-- ------------------------------------------------------------ clickhouse files

-- A step that edits one XML file of ClickHouse server c: edit(text, opts)
-- gets the file's text (nil: absent; opts then asks for a new document)
-- and returns the new text and whether it changed, or nil and an error.
-- Writes only a change, as a compare-and-swap on what was read.
local function edit_xml_step(c, name, path, edit, hint)
    return {
        name = name,
        host = c.name,
        act = function()
            local text = hosts.read(c, path)
            local out, changed = edit(text, text == nil and { root = "yandex" } or nil)
            if not out then
                error(changed .. (hint or ""), 0)
            end
            if not changed then
                return false
            end
            hosts.write(c, path, out, { previous = text or false })
            return true
        end,
    }
end

local function repoint_clickhouse_step(c, ensemble)
    local nodes = {}
    for i, k in ipairs(ensemble) do
        nodes[i] = { host = k.host, port = k.client_port }
    end
    return edit_xml_step(c, string.format("point %s at keepers %s", c.name, names(ensemble)),
        c.zookeeper_xml, function(text, opts)
            return chconf.set_zookeeper_nodes(text, c.zookeeper_xml, nodes, opts)
        end)
end

-- nil without an umbrella cluster.  memo (optional, shared by the steps of
-- one group): remote_servers.xml text -> the edit made of it, so that the
-- same file on hundreds of nodes is parsed and edited once (the text is
-- one string object then: equal reads are shared, see ssh read_file)
local function umbrella_remove_step(c, dead, memo)
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
            local done = memo and memo[text]
            local out, changed, code
            if done then
                out, changed = done[1], done[2]
            else
                out, changed, code = chconf.remove_hosts(text, c.remote_servers_xml, umbrella,
                    list, { drop_empty_shards = true })
                if out and memo then
                    memo[text] = { out, changed } -- the path is only in errors: not kept
                end
            end
            if not out then
                if code == "not found" then
                    return false
                end
                error(changed, 0)
            end
            if changed then
                hosts.write(c, c.remote_servers_xml, out, { previous = text })
            end
            return changed
        end,
    }
end

-- nil without an umbrella cluster.  memo (optional, shared by the steps of
-- one group): remote_servers.xml text -> the edit made of it, as for
-- umbrella_remove_step.
local function umbrella_add_step(c, back, memo)
    local umbrella = inv.umbrella_cluster
    if not umbrella then
        return nil
    end
    return {
        name = string.format("put %s back into cluster '%s' on %s", back.name, umbrella, c.name),
        host = c.name,
        act = function()
            local text = hosts.read(c, c.remote_servers_xml)
            if not text then
                return false
            end
            local done = memo and memo[text]
            if not done then
                local edited, changed = text, false
                for _, d in ipairs(back.clickhouse) do
                    local out, ch = chconf.add_replica(edited, c.remote_servers_xml, umbrella,
                        d.shard_num, { host = d.host, port = d.tcp_port })
                    if not out then
                        error(ch, 0)
                    end
                    if ch then
                        edited, changed = out, true
                    end
                end
                done = { edited, changed }
                if memo then
                    memo[text] = done
                end
            end
            if done[2] then -- what was read: not read a second time
                hosts.write(c, c.remote_servers_xml, done[1], { previous = text })
            end
            return done[2]
        end,
    }
end

-- The command that stops ClickHouse server c.  With a stop_timeout
-- (inventory), a stop still running after that many seconds is ended with
-- c.kill (SIGKILL), as systemd's TimeoutStopSec would, in the same command
-- on the host (one round trip, shown whole in the plan): ClickHouse 18.16
-- asked to stop waits for its replication threads, which wait out a
-- connect timeout to every keeper of a lost site in turn (31 s measured
-- with chicago blackholed, 5-6 s with it killed).  Safe for the servers
-- drctl stops: replicas of a site whose keepers are gone or being replaced
-- take no writes, and MergeTree parts survive a SIGKILL (a part is renamed
-- into place whole; leftovers of a merge are removed at the next start).
local KILLED = "drctl: stop_timeout passed, killed"

local function stop_command(c)
    if not c.stop_timeout then
        return c.stop
    end
    return string.format("timeout %d /bin/sh -c %s; rc=$?; if [ $rc -eq 124 ]; then "
        .. "echo %s; %s; else exit $rc; fi", c.stop_timeout, hosts.quote(c.stop),
        hosts.quote(KILLED), c.kill)
end

-- Runs cmd (a stop_command, perhaps with more after it) on c; warns when
-- the stop had to be killed.
local function exec_stop(c, cmd)
    -- a stop_timeout of minutes must not be cut short by the exec's own
    local r = hosts.exec(c, cmd, { timeout = math.max(120, (c.stop_timeout or 0) + 60) })
    if r and r.stdout and r.stdout:find(KILLED, 1, true) then
        dr.warn("%s: still stopping after %d s (stop_timeout): killed with '%s'", c.name,
            c.stop_timeout, c.kill)
    end
end

-- What a step that stops c says of the kill after stop_timeout.
local function kill_note(c)
    return c.stop_timeout and string.format(", kill after %d s", c.stop_timeout) or ""
end

local function restart_clickhouse_step(c)
    return {
        name = string.format("restart %s%s", c.name,
            c.stop_timeout and string.format(" (stop%s, start)", kill_note(c)) or ""),
        host = c.name,
        act = function()
            if c.stop_timeout then
                exec_stop(c, "( " .. stop_command(c) .. " ) && " .. c.start)
            else
                hosts.exec(c, c.restart, { timeout = 120 })
            end
        end,
        verify = function()
            return clickhouse.wait_answering(c, 60)
        end,
    }
end

local function stop_clickhouse_step(c, why)
    return {
        name = string.format("stop %s (%s%s)", c.name, why, kill_note(c)),
        host = c.name,
        act = function()
            exec_stop(c, stop_command(c))
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
            local s, cerr
            if dr.rehearsal() then
                -- ask first (srvr, at once): connecting to an ensemble
                -- that does not run yet would wait out the whole session
                -- timeout for nothing
                local p = keepers.probe(ensemble, 2)
                for _, k in ipairs(ensemble) do
                    if p[k.name].serving then
                        s, cerr = keepers.connect(ensemble)
                        break
                    end
                end
            else
                s, cerr = keepers.connect(ensemble)
            end
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
-- run took the lock numbers its steps the same way.  Only where the kind
-- has the lock (dr.coord's run_lock: ZooKeeper).
local function take_run_lock(voting, opts)
    opts = opts or {}
    if (lock_session and not opts.move) or (#voting == 0 and not opts.always) then
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

-- site name -> dr.clock() when every host of the site last answered in
-- this process.  The lock step comes seconds after the pre-flight proved
-- it; on a fleet of hundreds of hosts, asking again is a round of `true`
-- on every one.  A resumed run is a new process: it asks.
local reached = {}
local REACHED_FOR = 30 -- seconds a proof stands

-- Every host of the site answers over ssh, or the run is refused naming
-- those that do not.  opts.recent: a proof made in the last REACHED_FOR
-- seconds of this process will do.
local function require_reachable(target, opts)
    local at = reached[target.name]
    if opts and opts.recent and at and dr.clock() - at < REACHED_FOR then
        return
    end
    -- every host at once: a dead host costs one connect timeout in all
    local all = table.move(target.keepers, 1, #target.keepers, 1, {})
    table.move(target.clickhouse, 1, #target.clickhouse, #all + 1, all)
    local silent, why = hosts.silent(all, 10)
    local unreachable = {}
    for _, name in ipairs(silent) do
        local err = tostring(why[name])
        if err:find("sudo refused", 1, true) then
            -- reachable but without the rights the run needs: say which
            dr.refuse(string.format("%s (%s): %s", name, hosts.spec(inv.nodes[name]), err),
                "give the ssh user the sudo rule "
                .. "drctl needs on " .. inv.nodes[name].host .. " (see README, On real sites), "
                .. "then run again")
        end
        -- the cause (refused, timeout, unknown host key, jump host)
        unreachable[#unreachable + 1] = string.format("%s (%s)", name,
            hosts.why(err, inv.nodes[name]))
    end
    if #unreachable > 0 then
        dr.refuse(string.format("%s hosts do not answer over ssh: %s", target.name,
            table.concat(unreachable, "; ")), "bring them back or fix ssh, then run again")
    end
    reached[target.name] = dr.clock()
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
    -- the old site's keepers as the first pre-flight step saw them, if it
    -- ran in this process a moment ago (every one of them is in it)
    local dead_probe = opts.keeper_probe
    for _, k in ipairs(dead.keepers) do
        if not (dead_probe and dead_probe[k.name]) then
            dead_probe = keepers.probe(dead.keepers, 2)
            break
        end
    end
    plan.idle_keepers, plan.unfenced = {}, {}
    local idle = {}
    for _, k in ipairs(dead.keepers) do
        if not dead_probe[k.name].ok then
            idle[#idle + 1] = k
        end
    end
    -- the idle keepers' hosts and the ClickHouse hosts asked over ssh at
    -- once: a blackholed site costs one timeout here, not one per kind
    local ask = {}
    for _, n in ipairs(idle) do
        ask[#ask + 1] = n
    end
    for _, c in ipairs(dead.clickhouse) do
        ask[#ask + 1] = c
    end
    local _, site_silent = hosts.silent(ask, 5)
    local keeper_silent = site_silent
    for _, k in ipairs(dead.keepers) do
        if dead_probe[k.name].ok then
            plan.dead_keepers[#plan.dead_keepers + 1] = k.name
        elseif opts.planned and k.role ~= "spare" then
            dr.refuse(string.format("%s does not answer: a planned switch needs both "
                .. "sites", k.name), "use failover for an unplanned switch")
        elseif not keeper_silent[k.name] then
            -- not running, but its host answers: disabled, it cannot come
            -- back at the next boot with its old membership
            plan.idle_keepers[#plan.idle_keepers + 1] = k.name
        else
            plan.unfenced[#plan.unfenced + 1] = k.name
        end
    end
    local silent, silent_why = {}, site_silent
    for _, c in ipairs(dead.clickhouse) do
        if silent_why[c.name] then
            silent[#silent + 1] = c.name
        end
    end
    for _, c in ipairs(dead.clickhouse) do
        if not silent_why[c.name] then
            plan.dead_clickhouse[#plan.dead_clickhouse + 1] = c.name
        else
            plan.unfenced[#plan.unfenced + 1] = c.name
        end
    end
    if #silent > 0 then -- one line, however many
        dr.warn("%s %s unreachable: %s cannot be fenced now; recovery rewrites %s "
            .. "before %s rejoins", table.concat(silent, ", "), #silent > 1 and "are" or "is",
            #silent > 1 and "they" or "it", #silent > 1 and "them" or "it",
            #silent > 1 and "each" or "it")
    end
end

-- ------------------------------------------------------------ fencing

-- One step fencing node n of the old primary so that it stays fenced: its
-- inventory `disable` command (stops it and keeps it from starting at the
-- next boot until `recover` runs `enable`), else its stop command.
local function fence_step(n, why)
    return {
        name = string.format("fence %s (%s)", n.name, why),
        host = n.name,
        act = function()
            if n.disable then
                hosts.exec(n, n.disable, { timeout = 120 })
                return "disabled"
            end
            hosts.exec(n, n.stop, { timeout = 120 })
            return "stopped"
        end,
        verify = n.kind == "keeper" and function()
            local p = keepers.probe({ n }, 2)[n.name]
            return not p.ok, n.name .. " still answers on its client port"
        end or nil,
    }
end

-- Fences the hosts of site `dead` that ssh cannot reach with the site's
-- inventory fence command, run here (a cloud API call, an IPMI power-off,
-- a firewall rule), and returns the names still unfenced.
local function fence_unreachable(dead, unfenced)
    if #unfenced == 0 then
        return {}
    end
    if not dead.fence then
        return unfenced
    end
    local r = dr.step {
        name = string.format("fence %s with its site fence command (%s unreachable)",
            dead.name, table.concat(unfenced, ", ")),
        act = function()
            local res, err = dr.local_exec(dead.fence, 300)
            if not res then
                return { ok = false, why = err }
            end
            if res.status ~= 0 then
                return { ok = false, why = string.format("exit %d: %s", res.status,
                    (res.stdout or ""):gsub("%s+$", "")) }
            end
            return { ok = true }
        end,
    }
    if r and r.ok then
        return {}
    end
    dr.warn("the fence command of %s failed: %s", dead.name, tostring(r and r.why))
    return unfenced
end

-- The loud end of a failover that left hosts unfenced.
local function warn_unfenced(dead, left)
    if #left == 0 then
        return
    end
    dr.metric("unfenced_hosts", #left)
    dr.warn("NOT FENCED: %s of %s could not be reached and may come back with its old "
        .. "configuration as a second primary (split brain). Finish fencing as soon as they "
        .. "answer: drctl fence --site %s --yes%s", table.concat(left, ", "), dead.name,
        dead.name, dead.fence and "" or " (or add a site 'fence' command to the inventory)")
end

-- Fences every reachable host the survey found on site `dead`, in
-- parallel, then the unreachable ones through the site fence command.
-- Returns the names left unfenced.
local function fence_old_primary(dead, pf, what)
    what = what or "the old primary"
    local steps = {}
    for _, n in ipairs(pf.dead_keepers) do
        steps[#steps + 1] = fence_step(inv.nodes[n], what)
    end
    for _, n in ipairs(pf.idle_keepers or {}) do
        local k = inv.nodes[n]
        if k.disable then
            steps[#steps + 1] = fence_step(k, what .. ", not running")
        end
    end
    for _, n in ipairs(pf.dead_clickhouse) do
        steps[#steps + 1] = fence_step(inv.nodes[n], what)
    end
    in_parallel("fence " .. what, steps)
    return fence_unreachable(dead, pf.unfenced or {})
end

-- Pre-flight: a switch to the site that already serves as the primary
-- would fence the other site and restart this one for nothing (or worse).
-- Refused in plan and run alike, as a step so that a resumed switch (whose
-- target serves by then) does not refuse itself.
local function refuse_if_serving(target, seen)
    dr.step {
        name = string.format("pre-flight: %s is not already the serving primary", target.name),
        act = function()
            local probe = keepers.probe(keepers.all())
            if seen then
                seen.probe = probe
            end
            local active = topology.active(probe)
            local serving = {}
            for _, k in ipairs(target.keepers) do
                if probe[k.name].mode == "leader" then
                    serving[#serving + 1] = k.name .. " leads"
                end
            end
            if #serving > 0 then
                local other = other_site(target)
                dr.refuse(string.format("%s is already the serving primary (%s; recorded: %s "
                    .. "primary, generation %d, from %s): a switch to it would fence %s and "
                    .. "restart the site that serves", target.name, table.concat(serving, ", "),
                    active.primary, active.generation, active.source, other.name),
                    string.format("nothing to switch; to move the primary to %s use "
                        .. "'switchover --to %s' (both sites up) or 'failover --to %s'; to "
                        .. "bring %s back as the standby use 'recover --site %s'", other.name,
                        other.name, other.name, other.name, other.name))
            end
            return true
        end,
    }
end

-- ------------------------------------------------------------ failover lock

-- One failover at a time across operators, whatever machine or state
-- directory each runs from, and whether or not any ensemble serves: before
-- anything changes, a lock file is created atomically (O_EXCL, through the
-- shell's noclobber) next to the config of every keeper of the target site,
-- in inventory order, naming the run.  A failover that finds another run's
-- file refuses.  The run's last step removes the files; a run that stops
-- keeps them, so that no second failover starts on a half-switched site:
-- its resume takes them again (they name it), its rollback removes them.
local SITE_LOCK = ".drctl-failover.lock"

local function site_lock_path(k)
    return dirname(k.config) .. "/" .. SITE_LOCK
end

-- The lock file's text on k ("" when there is none): read-only.
local function site_lock_text(k)
    local r = hosts.probe(k, "cat -- " .. hosts.quote(site_lock_path(k)) .. " 2>/dev/null; true")
    return (r.stdout:gsub("%s+$", ""))
end

local function site_lock_refuse(k, text)
    local owner = text:match("^(%S+)") or "?"
    dr.refuse(string.format("another failover holds the lock %s on %s: %s", site_lock_path(k),
        k.name, text), string.format("let run %s end (drctl runs on its machine), or resume "
        .. "or roll it back; if it is abandoned, remove %s on %s", owner, site_lock_path(k),
        k.name))
end

local function release_cmd(path)
    return string.format("if [ \"$(cut -d' ' -f1 %s 2>/dev/null)\" = %s ]; then rm -f -- %s; fi",
        hosts.quote(path), hosts.quote(dr.run_id()), hosts.quote(path))
end

function M.take_site_lock(site, why)
    return dr.step {
        name = "take the failover lock on " .. site.name .. "'s keeper hosts",
        redo_on_resume = true,
        check = function()
            -- every host of the site at once, naming a refused sudo as such
            -- (unless the pre-flight just proved it)
            require_reachable(site, { recent = true })
            local unreachable = {}
            for _, k in ipairs(site.keepers) do
                local ok, text = pcall(site_lock_text, k)
                if not ok then
                    unreachable[#unreachable + 1] = k.name
                elseif text ~= "" and text:match("^(%S+)") ~= dr.run_id() then
                    site_lock_refuse(k, text)
                end
            end
            if #unreachable > 0 then
                dr.refuse(string.format("%s hosts do not answer over ssh: %s (the failover lock "
                    .. "is taken on every keeper host of the site)", site.name,
                    table.concat(unreachable, ", ")), "bring them back or fix ssh, then run again")
            end
            return {}
        end,
        act = function()
            -- the run id says since when (it starts with the UTC start time)
            local me = string.format("%s %s", dr.run_id(), why or "failover")
            local taken = {}
            for _, k in ipairs(site.keepers) do
                local path = site_lock_path(k)
                local r = hosts.exec(k, string.format(
                    "if (set -C; printf '%%s\\n' %s > %s) 2>/dev/null; then echo taken; "
                    .. "else cat -- %s; fi", hosts.quote(me), hosts.quote(path),
                    hosts.quote(path)))
                local text = (r.stdout or ""):gsub("%s+$", "")
                if not r.simulated and text ~= "taken" and text:match("^(%S+)") ~= dr.run_id() then
                    for _, t in ipairs(taken) do -- what this attempt took goes back
                        hosts.exec(inv.nodes[t.node], release_cmd(t.path), { allow_fail = true })
                    end
                    site_lock_refuse(k, text)
                end
                taken[#taken + 1] = { node = k.name, host = hosts.spec(k), path = path }
            end
            return { site_lock = taken }
        end,
    }
end

function M.release_site_lock(site)
    dr.step {
        name = "release the failover lock on " .. site.name .. "'s keeper hosts",
        -- a resume takes the lock again (its take step is redone): released
        -- again here, or a resumed run that had released it leaves it behind
        redo_on_resume = true,
        act = function()
            for _, k in ipairs(site.keepers) do
                local r = hosts.exec(k, release_cmd(site_lock_path(k)), { allow_fail = true })
                if r.status and r.status ~= 0 then
                    dr.warn("%s: could not remove %s: %s", k.name, site_lock_path(k), r.stderr)
                end
            end
        end,
    }
end

-- Makes site `to` the primary (see failover_locked), holding the failover
-- lock of its keeper hosts from before the first change to the end.

-- ------------------------------------------------------------ a switch, phase by phase

-- The switch to site `to_name` (failover, switchover, failback): the table
-- its phases share.  coord: the coordination kind's module (dr.coord).
-- opts.planned: both sites alive (switchover, failback); opts.gate_timeout.
function M.switch_to(to_name, coord, opts)
    local target = site_of(to_name)
    return { target = target, old = other_site(target), coord = coord, opts = opts or {},
        unfenced = {} }
end

-- Pre-flight: the target is not the serving primary already.
-- Its srvr of every keeper (sw.opts.keeper_probe) spares the pre-flight's
-- survey a second probe of the old site a moment later: a blackholed site
-- costs its probe timeout once, not twice.  A resumed run that skips this
-- step has none, and the survey probes again.
function M.refuse_if_serving(sw)
    local seen = {}
    refuse_if_serving(sw.target, seen)
    sw.opts.keeper_probe = seen.probe
end

-- A planned switch takes the run lock in the ensemble that serves now,
-- before anything changes.  Always a step (where the kind has the lock):
-- resumed between the fence and the new ensemble, no keeper votes, and
-- the steps must still be numbered as journaled.
function M.take_run_lock(sw)
    if sw.coord.run_lock then
        take_run_lock(voting_keepers(keepers.all()), { always = true })
    end
end

-- A planned switch's catch-up gate: no INSERTs running on the site being
-- demoted, then, as a step, the target's keepers (the kind's own check)
-- and its replicas caught up.  A step, so that a run resumed after the
-- switch began (the old primary fenced, no leader anywhere yet) does not
-- wait again for a leader only the rest of the run brings back.
function M.catch_up_gate(sw)
    local target, from, opts = sw.target, sw.old, sw.opts
    local busy = clickhouse.running_inserts(from.clickhouse)
    if #busy > 0 then
        dr.refuse("INSERTs are running on " .. table.concat(busy, ", "),
            "stop the writers on " .. from.name .. " first")
    end
    dr.step {
        name = string.format("catch-up gate: %s's keepers and replicas caught up", target.name),
        act = function()
            sw.coord.keepers_caught_up(sw)
            -- every node at once: the operator waits with writes stopped
            clickhouse.wait_all_caught_up(target.clickhouse, opts.gate_timeout or 120)
        end,
    }
end

-- One failover at a time on the target's keeper hosts, from before the
-- first change to the end (see take_site_lock).  Runbooks take it after
-- the kind's pre-flight, which only reads: a pre-flight that refuses then
-- leaves no lock behind, and a second operator's run is still refused
-- before it changes anything.
function M.lock_target(sw)
    M.take_site_lock(sw.target, "failover to " .. sw.target.name)
end

function M.unlock_target(sw)
    M.release_site_lock(sw.target)
end

-- Fences what the kind's pre-flight chose of the old primary (sw.to_fence),
-- every reachable host at once, so that it stays fenced across reboots;
-- the unreachable ones through the site's fence command.
function M.fence(sw)
    sw.unfenced = M.fence_old_primary(sw.old, sw.to_fence)
end

-- The run lock moves into the new ensemble (the one in the old died with
-- it); a rehearsal, which builds no new ensemble, only says so.
function M.move_run_lock(sw)
    if sw.coord.run_lock then
        take_run_lock(sw.ensemble, { move = true })
    end
end

-- ClickHouse of the new primary site, once its keepers serve: every server
-- points at them, the old site leaves the umbrella cluster, every server
-- restarts.
function M.repoint_clickhouse(sw)
    local target, dead, ensemble = sw.target, sw.old, sw.ensemble
    -- both files the next two groups read, in one round trip per server
    hosts.prefetch(target.clickhouse, function(c)
        local files = { c.zookeeper_xml }
        if inv.umbrella_cluster then
            files[#files + 1] = c.remote_servers_xml
        end
        return files
    end)
    in_parallel("point " .. target.name .. "'s ClickHouse at the new ensemble",
        each(target.clickhouse, repoint_clickhouse_step, ensemble))
    in_parallel("drop " .. dead.name .. " from the umbrella cluster",
        each(target.clickhouse, umbrella_remove_step, dead, {}))
    in_parallel("restart " .. target.name .. "'s ClickHouse",
        each(target.clickhouse, restart_clickhouse_step))
end

-- The new primary takes writes (every node writable, a heartbeat row), the
-- marker is written through the new ensemble, and the RTO is recorded:
-- from the first change to that write.
function M.verify_writes(sw)
    local target = sw.target
    local first_write = dr.step {
        name = "verify " .. target.name .. " takes writes",
        act = function()
            clickhouse.wait_all_writable(target.clickhouse, 120) -- every node at once
            return clickhouse.heartbeat(target.clickhouse[1], target.name)
        end,
    }
    write_marker(sw.ensemble)
    local t0 = dr.first_effect_time()
    if t0 and first_write and not dr.rehearsal() then
        dr.metric("rto_seconds", math.floor((first_write - t0) * 1000 + 0.5) / 1000)
    end
end

-- Which site is primary now, written into the new ensemble and the state
-- directory (dr.topology).
function M.record_topology(sw)
    topology.record_step(sw.target.name, sw.ensemble)
end

-- The loud end of a switch that left hosts of the old primary unfenced.
function M.warn_old_unfenced(sw)
    warn_unfenced(sw.old, sw.unfenced)
end

-- What the switch built, for the recovery of the old primary in the same
-- run (switchover, failback): it cannot see it in a rehearsal.
function M.built(sw)
    return { ensemble = sw.ensemble, members = sw.members }
end
-- ------------------------------------------------------------ damage accounting

-- Active parts of the replicated tables of c, with rows and a content hash
-- (the sum of cityHash64 of every row, as a signed 64-bit integer so that
-- Lua adds them with the same wraparound): database.table -> list of
-- {name, partition, min, max, rows, hash, path}.  nil, err when c does not
-- answer.
local function parts_of(c)
    local cl = clickhouse.client()
    local tables, err = cl:query(clickhouse.target(c),
        "SELECT database, table FROM system.replicas ORDER BY database, table", 10)
    if not tables then
        return nil, err
    end
    local out = {}
    for _, t in ipairs(tables) do
        local full = t.database .. "." .. t.table
        local rows, qerr = cl:query(clickhouse.target(c), string.format(
            "SELECT p.name AS name, p.partition_id AS partition, p.min_block_number AS mn, "
            .. "p.max_block_number AS mx, p.path AS path, h.n AS n, h.h AS h FROM "
            .. "(SELECT name, partition_id, min_block_number, max_block_number, path FROM "
            .. "system.parts WHERE database = '%s' AND table = '%s' AND active) AS p ANY LEFT "
            .. "JOIN (SELECT _part AS name, count() AS n, toInt64(sum(cityHash64(*))) AS h FROM "
            .. "%s GROUP BY _part) AS h USING name", t.database, t.table, full), 60)
        if not rows then
            return nil, qerr
        end
        local list = {}
        for _, r in ipairs(rows) do
            list[#list + 1] = {
                name = r.name, partition = r.partition, min = tonumber(r.mn),
                max = tonumber(r.mx), rows = tonumber(r.n) or 0,
                hash = math.tointeger(tonumber(r.h)) or 0, path = r.path,
            }
        end
        out[full] = list
    end
    return out
end

-- The parts of `mine` (the rejoining replica) that `theirs` (a replica of
-- the live primary) does not hold: not the same part (name and content
-- hash), and not inside a part of theirs whose rows and hash equal those of
-- all my parts in its block range (a merge of the same data).  A part of
-- mine that was merged with rows written during the split is foreign as a
-- whole: its older rows are fetched again from the live replicas.
local function foreign_parts(mine, theirs)
    local same = {}
    for _, p in ipairs(theirs) do
        same[p.name .. "/" .. p.hash] = true
    end
    local out = {}
    for _, p in ipairs(mine) do
        if not same[p.name .. "/" .. p.hash] then
            local known = false
            for _, q in ipairs(theirs) do
                if q.partition == p.partition and q.min <= p.min and p.max <= q.max then
                    local rows, hash = 0, 0
                    for _, x in ipairs(mine) do
                        if x.partition == q.partition and q.min <= x.min and x.max <= q.max then
                            rows, hash = rows + x.rows, hash + x.hash
                        end
                    end
                    known = rows == q.rows and hash == q.hash
                    break
                end
            end
            if not known then
                out[#out + 1] = p
            end
        end
    end
    return out
end

-- What site `site` wrote while it was cut off: for each of its ClickHouse
-- servers that answers, the parts of its replicated tables that no replica
-- of the same shard on `live` holds.  A step (read-only queries): its
-- result is journaled, so a resumed recovery sets aside the same parts.
-- Returns name -> list of {table, partition, name, rows, path}.
local function account_split(site, live)
    return dr.step {
        name = string.format("account for what %s wrote since the switch", site.name),
        act = function()
            local found, total = {}, 0
            for _, c in ipairs(site.clickhouse) do
                local ref
                for _, l in ipairs(live.clickhouse) do
                    if l.shard == c.shard and not ref then
                        local ok = parts_of(l)
                        if ok then
                            ref = ok
                        end
                    end
                end
                local mine, err = parts_of(c)
                if not mine then
                    dr.warn("%s does not answer (%s): what it may have written since the switch "
                        .. "is NOT accounted for. At its start ClickHouse detaches the parts the "
                        .. "ensemble does not list (as unexpected_*), but a part whose name "
                        .. "collides with one written on %s since the switch goes unnoticed: if "
                        .. "%s took writes while cut off, compare its data directory before it "
                        .. "rejoins", c.name, tostring(err):gsub("\n.*", ""), live.name, c.name)
                elseif not ref then
                    dr.warn("no replica of shard %s on %s answers: %s's parts cannot be "
                        .. "compared", c.shard, live.name, c.name)
                else
                    local list = {}
                    for tbl, parts in pairs(mine) do
                        for _, p in ipairs(foreign_parts(parts, ref[tbl] or {})) do
                            list[#list + 1] = {
                                table = tbl, partition = p.partition, name = p.name,
                                rows = p.rows, path = p.path,
                            }
                            total = total + p.rows
                        end
                    end
                    table.sort(list, function(a, b)
                        return a.table .. a.name < b.table .. b.name
                    end)
                    found[c.name] = list
                    if #list == 0 then
                        dr.log("%s: no part that %s lacks", c.name, live.name)
                    end
                    for _, p in ipairs(list) do
                        dr.log("split brain damage: %s %s partition %s part %s: %d rows that %s "
                            .. "does not have", c.name, p.table, p.partition, p.name, p.rows,
                            live.name)
                    end
                end
            end
            return { hosts = found, rows = total }
        end,
    }
end

-- Moves the foreign parts of c (stopped) into its table's detached/
-- directory as drctl-split-RUN_PART: kept for a person to inspect and
-- re-insert (ALTER TABLE ... ATTACH PART after a rename), never dropped,
-- and never seen by the replica when it rejoins.
local function set_aside_step(c, list)
    if not list or #list == 0 then
        return nil
    end
    return {
        name = string.format("set aside %d part(s) %s wrote during the split", #list, c.name),
        host = c.name,
        act = function()
            local cmds, rows = {}, 0
            for _, p in ipairs(list) do
                local src = p.path:gsub("/+$", "")
                local dest = string.format("%s/detached/drctl-split-%s_%s", dirname(src),
                    dr.run_id(), p.name)
                cmds[#cmds + 1] = string.format("if [ -d %s ]; then mkdir -p %s && mv -- %s %s; "
                    .. "fi", hosts.quote(src), hosts.quote(dirname(dest)), hosts.quote(src),
                    hosts.quote(dest))
                rows = rows + p.rows
            end
            hosts.exec(c, table.concat(cmds, "; "))
            for _, p in ipairs(list) do
                dr.log("SET ASIDE on %s: %s partition %s part %s, %d rows, in detached/"
                    .. "drctl-split-%s_%s", c.name, p.table, p.partition, p.name, p.rows,
                    dr.run_id(), p.name)
            end
            return rows
        end,
    }
end

-- ------------------------------------------------------------ a recovery, phase by phase

-- The recovery of site `name` as the standby of the ensemble on the other
-- site: the table its phases share.  coord: the kind's module.
-- opts.assume = {ensemble, members}: right after a switch in the same run
-- (M.built), which a rehearsal cannot see; opts.catch_up_timeout.
function M.recovery_of(name, coord, opts)
    opts = opts or {}
    local site = site_of(name)
    return { site = site, live = other_site(site), coord = coord, opts = opts,
        assume = opts.assume }
end

-- What both kinds share of a recovery's pre-flight and end.

-- The keepers of the site that rejoin (its spares stay stopped).
function M.rejoining(site)
    local out = {}
    for _, k in ipairs(site.keepers) do
        if k.role ~= "spare" then
            out[#out + 1] = k
        end
    end
    return out
end

-- Refuses when a keeper of `site` still votes in `members` (a membership:
-- {id, role}): the site is the primary.  what: "ensemble" or "cluster".
function M.refuse_if_voting(site, members, what)
    for _, m in ipairs(members) do
        local k = inv.keepers_by_id[m.id]
        if k and k.site == site.name and m.role == "participant" then
            dr.refuse(string.format("server %d (%s) of %s is still a voting member of the %s",
                m.id, k.name, site.name, what), "this site is the primary: use failback")
        end
    end
end

-- Raises unless every keeper of rejoin is an observer and the ensemble has
-- exactly one leader.  learner: the kind calls its non-voters learners.
function M.check_rejoined(rejoin, ensemble, learner)
    local p = keepers.probe(keepers.all())
    for _, k in ipairs(rejoin) do
        if p[k.name].mode ~= "observer" then
            error(string.format("%s is %s, expected observer%s", k.name, tostring(p[k.name].mode),
                learner and " (a learner)" or ""), 0)
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
end

-- What the site's ClickHouse servers wrote while cut off (read-only).
-- Right after a planned switch in the same run the catch-up gate found no
-- INSERT running before the site was fenced: it took no writes of its own,
-- and its servers are stopped by now.
function M.account_split(rc)
    rc.damage = { hosts = {}, rows = 0 }
    if rc.assume then
        dr.log("%s was fenced by this planned switch behind the catch-up gate: no writes to "
            .. "account for", rc.site.name)
    else
        rc.damage = account_split(rc.site, rc.live) or rc.damage
    end
end

-- The site's ClickHouse servers stop; what they wrote during a split is
-- moved into detached/ (kept, counted, never dropped).
function M.stop_clickhouse(rc)
    local site, damage = rc.site, rc.damage
    in_parallel("stop " .. site.name .. "'s ClickHouse", each(site.clickhouse, function(c)
        return stop_clickhouse_step(c, "to rewrite its config")
    end))
    in_parallel("set aside what " .. site.name .. " wrote during the split",
        each(site.clickhouse, function(c)
            return set_aside_step(c, damage.hosts[c.name])
        end))
    if damage.rows > 0 then
        dr.metric("rows_set_aside", damage.rows)
        dr.warn("split brain: %d row(s) that %s took while cut off were set aside (detached, "
            .. "not dropped; see the SET ASIDE lines above): re-insert what must be kept",
            damage.rows, site.name)
    end
end

local function macros_step(c)
    local want = { cluster = inv.cluster, shard = c.shard, replica = c.replica }
    return edit_xml_step(c, string.format("macros of %s", c.name), c.macros_xml,
        function(text, opts)
            return chconf.set_macros(text, c.macros_xml, want, opts)
        end, "; a replaced host must get the macros of the replica it replaces")
end

-- Each server of the site points at the live ensemble and gets the macros
-- of its replica; the site returns to the umbrella cluster on both sites.
-- Every server at once, phase by phase (its servers are stopped; the live
-- site's reload remote_servers.xml by themselves), with the files each
-- phase reads read ahead in one round.
function M.repoint_returning(rc)
    local site, live = rc.site, rc.live
    local umbrella = inv.umbrella_cluster
    hosts.prefetch(site.clickhouse, function(c)
        local files = { c.zookeeper_xml, c.macros_xml }
        if umbrella then
            files[#files + 1] = c.remote_servers_xml
        end
        return files
    end)
    in_parallel("point " .. site.name .. "'s ClickHouse at keepers " .. names(rc.ensemble),
        each(site.clickhouse, repoint_clickhouse_step, rc.ensemble))
    in_parallel("macros of " .. site.name .. "'s ClickHouse", each(site.clickhouse, macros_step))
    if umbrella then
        hosts.prefetch(live.clickhouse, function(c)
            return { c.remote_servers_xml }
        end)
        local both = table.move(site.clickhouse, 1, #site.clickhouse, 1, {})
        table.move(live.clickhouse, 1, #live.clickhouse, #both + 1, both)
        in_parallel("put " .. site.name .. " back into cluster '" .. umbrella .. "'",
            each(both, umbrella_add_step, site, {}))
    end
end

-- The site's servers start (enabled again: the failover fenced them); a
-- host rebuilt with empty disks has no tables: it gets those of a healthy
-- replica of its shard, or it has nothing to catch up with.
function M.start_clickhouse(rc)
    local site = rc.site
    in_parallel("start " .. site.name .. "'s ClickHouse", each(site.clickhouse, function(c)
        return {
            name = string.format("start %s", c.name),
            host = c.name,
            act = function()
                if c.enable then
                    -- fenced by the failover: enabled again now that it
                    -- rejoins as the standby
                    hosts.exec(c, c.enable)
                end
                hosts.exec(c, c.start, { timeout = 120 })
            end,
            verify = function()
                return clickhouse.wait_answering(c, 90)
            end,
        }
    end))
    for _, c in ipairs(site.clickhouse) do
        ch_rebuild.step(c, rc.live)
    end
end

-- Every replica of the site caught up, then the marker through the
-- ensemble.
function M.wait_caught_up(rc)
    local site = rc.site
    in_parallel("wait for " .. site.name .. "'s replicas to catch up",
        each(site.clickhouse, function(c)
            return {
                name = string.format("wait for %s to catch up", c.name),
                host = c.name,
                act = function()
                    clickhouse.wait_caught_up(c, rc.opts.catch_up_timeout or 300)
                end,
            }
        end))
    write_marker(rc.ensemble)
end

-- ------------------------------------------------------------ the step builders the kinds share

M.site_of = site_of
M.other_site = other_site
M.names = names
M.dirname = dirname
M.in_parallel = in_parallel
M.each = each
M.stop_keeper = stop_keeper
M.stop_keeper_step = stop_keeper_step
M.backup_data = backup_data
M.prove_ensemble = prove_ensemble
M.take_run_lock_in = take_run_lock
M.require_reachable = require_reachable
M.survey_sites = survey_sites
M.fence_step = fence_step
M.fence_old_primary = fence_old_primary
M.fence_unreachable = fence_unreachable
M.warn_unfenced = warn_unfenced

return M
