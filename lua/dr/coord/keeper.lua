-- dr.coord.keeper: the phases of the DR procedures that are ClickHouse
-- Keeper's own, behind the interface every coordination kind gives
-- (dr.coord; see dr.coord.zookeeper for the list).
--
-- Keeper is Raft: a site that holds no quorum cannot vote itself one, and
-- the cluster configuration stored in a node's log and snapshots wins over
-- its XML.  So a failover is Keeper's documented quorum-loss recovery
-- (fence the old members, pick the most up-to-date node, back up its log
-- and snapshot dirs, rewrite raft_configuration everywhere, `rcvr` to the
-- chosen node, then start the others one at a time until mntr says
-- follower), in the order dr.coord.keeper_order gives: stop runs its fence
-- and ensure_stopped steps, backup its backup, rebuild the rest.  A
-- recovery sets the returning nodes' old state aside, so that they start
-- empty and join as learners: editing the XML of a node that has state
-- would not change its role.
local dr = require "dr"
local inv = require "dr.inventory"
local hosts = require "dr.hosts"
local keepers = require "dr.keepers"
local fourlw = require "dr.fourlw"
local keeperxml = require "dr.keeperxml"
local keeper_order = require "dr.coord.keeper_order"
local P = require "dr.procedures"

-- run_lock false: the run lock znode (dr.procedures) is taken in ZooKeeper
-- ensembles only.
local M = { kind = "clickhouse-keeper", run_lock = false }

local function server_of(k, role)
    return {
        id = k.id, hostname = k.host, port = k.raft_port, role = role,
        priority = role == "learner" and 0 or 1,
    }
end

local function describe(m)
    local parts = {}
    for _, s in ipairs(m) do
        parts[#parts + 1] = string.format("%d:%s", s.id, s.role == "learner" and "lrn" or "par")
    end
    return table.concat(parts, " ")
end

local function set_of(list)
    local s = {}
    for _, n in ipairs(list) do
        s[n] = true
    end
    return s
end

-- The keeper's XML, parsed; raises naming the node when it is missing or
-- describes another server.  The caller closes the doc.
local function read_doc(k)
    local text = hosts.read(k, k.config)
    if not text then
        error(string.format("%s: %s does not exist", k.name, k.config), 0)
    end
    local doc, err = keeperxml.parse(text, k.config)
    if not doc then
        error(string.format("%s: %s", k.name, err), 0)
    end
    local info = doc:info()
    if info.server_id and info.server_id ~= k.id then
        doc:close()
        error(string.format("%s: %s says server_id %d, the inventory says %d", k.name, k.config,
            info.server_id, k.id), 0)
    end
    return doc, text
end

-- The highest index named by k's changelog and snapshot files (a lower
-- bound of its last log index: a changelog file is named after the first
-- index it holds) and how many such files there are, over ssh.
local function log_files(k)
    local best, files = nil, 0
    for _, dir in ipairs({ k.log_storage_path, k.snapshot_storage_path }) do
        local r = hosts.probe(k, "ls -1 -- " .. hosts.quote(dir) .. " 2>/dev/null; true")
        for name in r.stdout:gmatch("[^\n]+") do
            local idx = name:match("^changelog_(%d+)_%d+%.bin") or name:match("^snapshot_(%d+)%.bin")
            if idx then
                files = files + 1
                idx = tonumber(idx)
                if not best or idx > best then
                    best = idx
                end
            end
        end
    end
    return best, files
end

-- What a Keeper node holds: lgif when it answers (exact), else what its
-- changelog and snapshot file names say.
local function observe(k)
    local l = fourlw.lgif(k.host, k.client_port, 3)
    if l and l.last_log_idx then
        return { idx = l.last_log_idx, term = l.last_log_term or 0, exact = true, how = "lgif" }
    end
    local best, files = log_files(k)
    return { idx = best, term = 0, exact = false, files = files, how = "log dir" }
end

-- The most up-to-date node: highest (term, index) as Raft compares logs;
-- on a tie an exact answer, then a running node, then the lowest id.
local function pick(ks, seen, running)
    local best
    for _, k in ipairs(ks) do
        local s = seen[k.name]
        if s.idx then
            local b = best and seen[best.name]
            if not b or s.term > b.term or (s.term == b.term and (s.idx > b.idx or
                    (s.idx == b.idx and ((s.exact and not b.exact) or
                        (s.exact == b.exact and running[k.name] and not running[best.name]))))) then
                best = k
            end
        end
    end
    return best
end

-- One step: node k's raft_configuration becomes m.  has_state: the node
-- keeps its Keeper data and the XML is not forced by a recovery, so a role
-- change is refused with keeperxml's advice.
local function write_config(k, m, has_state, why)
    dr.step {
        name = string.format("write %s's raft_configuration: %s", k.name, why),
        host = k.name,
        check = function()
            local text = hosts.read(k, k.config)
            return { sha = text and dr.sha256(text) or "absent" }
        end,
        act = function()
            local doc, text = read_doc(k)
            local ok, err, _, advice = doc:set_members(m, { has_state = has_state })
            if not ok then
                doc:close()
                error(string.format("%s: %s\n%s", k.name, err, advice or ""), 0)
            end
            local out = doc:render()
            doc:close()
            if out == text then
                return false
            end
            hosts.write(k, k.config, out, { previous = text })
            return true
        end,
    }
end

local function wait_state(k, state, timeout)
    return dr.wait {
        what = string.format("mntr on %s to say zk_server_state=%s", k.name, state),
        timeout = timeout,
        check = function()
            local m, err = fourlw.mntr(k.host, k.client_port, 2)
            if not m then
                return false, err
            end
            return m.mode == state, "zk_server_state " .. tostring(m.mode)
        end,
    }
end

local function wait_answering(k, timeout)
    return dr.wait {
        what = string.format("%s to answer ruok", k.name),
        timeout = timeout,
        check = function()
            local ok, err = fourlw.ruok(k.host, k.client_port, 2)
            return ok == true, err
        end,
    }
end


-- ------------------------------------------------------------ failover

-- The most up-to-date node of the target (its data becomes the cluster's),
-- the cluster as it knows it, the new membership and Keeper's recovery
-- order.  The old primary's ClickHouse stops writing before anything else,
-- and stays stopped across reboots (its disable command); its keepers not
-- running are disabled too, the unreachable hosts fenced by the site fence
-- command.  Running keepers are fenced by the recovery order (stop).
function M.preflight(sw)
    local target, dead, opts = sw.target, sw.old, sw.opts
    local pf = dr.step {
        name = string.format("pre-flight: %s's hosts, Keeper logs and writes", target.name),
        act = function()
            P.require_reachable(target)
            local probe = keepers.probe(target.keepers)
            local seen, running = {}, {}
            local plan = { running = {}, dead_keepers = {}, dead_clickhouse = {} }
            for _, k in ipairs(target.keepers) do
                read_doc(k):close() -- every node's XML must be there and be its own
                seen[k.name] = observe(k)
                if probe[k.name].ok then
                    running[k.name] = true
                    plan.running[#plan.running + 1] = k.name
                end
                local s = seen[k.name]
                dr.log("%s: %s, last log index %s (%s%s)", k.name, probe[k.name].mode,
                    tostring(s.idx or "-"), s.how, s.exact and "" or ", a lower bound")
            end
            local chosen = pick(target.keepers, seen, running)
            if not chosen then
                dr.refuse(string.format("no keeper of %s holds any data (no lgif answer, no "
                    .. "changelog or snapshot file)", target.name),
                    "check the log_storage_path and snapshot_storage_path of its keepers")
            end
            plan.chosen = chosen.name
            plan.chosen_running = running[chosen.name] == true
            -- the cluster as the chosen node knows it
            local doc = read_doc(chosen)
            plan.old = doc:members()
            doc:close()
            P.survey_sites(target, dead, opts, plan)
            dr.log("chosen node: %s (its data becomes the cluster's)", chosen.name)
            return plan
        end,
    }
    local chosen = inv.nodes[pf.chosen]

    local site_servers = {}
    for _, k in ipairs(target.keepers) do
        site_servers[#site_servers + 1] = server_of(k, "participant")
    end
    local new, err = keeperxml.after_failover(pf.old, site_servers)
    if not new then
        dr.refuse(string.format("%s's keepers cannot form the new cluster: %s", target.name, err),
            "give the site an odd number of keepers whose ids match their hosts")
    end
    local order
    order, err = keeper_order.steps {
        old = pf.old, new = new, chosen = chosen.id,
        log_path = chosen.log_storage_path, snapshot_path = chosen.snapshot_storage_path,
    }
    if not order then
        dr.refuse("no recovery plan: " .. err, "check the keepers' XML and the inventory")
    end
    dr.log("new cluster: %s, recovered from %s", describe(new), chosen.name)
    sw.pf, sw.chosen, sw.members, sw.ensemble, sw.order = pf, chosen, new, target.keepers, order
    sw.to_fence = {
        dead_keepers = {}, idle_keepers = pf.idle_keepers, dead_clickhouse = pf.dead_clickhouse,
        unfenced = pf.unfenced,
    }
end

-- A planned switch (switchover, failback) has the old leader at hand:
-- with no more writes coming, the chosen node must hold every entry the
-- leader committed before the old site is fenced.
function M.catch_up(sw)
    local chosen, dead, opts = sw.chosen, sw.old, sw.opts
    if not opts.planned then
        return
    end
    dr.step {
        name = string.format("catch-up gate: %s's log reaches %s's leader's commit index",
            chosen.name, dead.name),
        act = function()
            return dr.wait {
                what = string.format("%s at the leader's commit index", chosen.name),
                timeout = opts.gate_timeout or 60,
                check = function()
                    local leader
                    for _, k in ipairs(dead.keepers) do
                        local m = fourlw.mntr(k.host, k.client_port, 2)
                        if m and m.mode == "leader" then
                            leader = k
                        end
                    end
                    if not leader then
                        return false, "no leader on " .. dead.name
                    end
                    local a, ea = fourlw.lgif(leader.host, leader.client_port, 2)
                    local b, eb = fourlw.lgif(chosen.host, chosen.client_port, 2)
                    if not a or not b then
                        return false, "lgif: " .. tostring(ea or eb)
                    end
                    local want = a.last_committed_log_idx or a.last_log_idx
                    return (b.last_log_idx or -1) >= want, string.format(
                        "%s at %s, %s committed %s", chosen.name, tostring(b.last_log_idx),
                        leader.name, tostring(want))
                end,
            }
        end,
    }
end

-- The steps of Keeper's recovery order whose kind is in `kinds`, in order.
local function run_order(sw, kinds)
    local pf, chosen = sw.pf, sw.chosen
    local running = set_of(pf.running)
    local reachable = set_of(pf.dead_keepers)
    for _, st in ipairs(sw.order) do
        local k = inv.keepers_by_id[st.server_id]
        if not kinds[st.step] then
            -- another phase's
        elseif st.step == "fence" then
            if k and reachable[k.name] then
                P.stop_keeper(k, "fence: an old member must not rejoin")
            else
                dr.step {
                    name = st.text,
                    host = k and k.name,
                    act = function()
                        dr.warn("server %d (%s) does not answer: it cannot be stopped now; keep it "
                            .. "down until `drctl run recover` has set its old data aside",
                            st.server_id, st.hostname)
                    end,
                }
            end
        elseif st.step == "ensure_stopped" then
            if running[k.name] then
                P.stop_keeper(k, "it stays down until its turn")
            else
                dr.step {
                    name = st.text,
                    host = k.name,
                    verify = function()
                        local p = keepers.probe({ k }, 2)[k.name]
                        return not p.ok, k.name .. " answers on its client port"
                    end,
                }
            end
        elseif st.step == "backup" then
            P.backup_data(k, "failover")
        elseif st.step == "rewrite_config" then
            -- has_state false: the forced recovery makes the XML the
            -- cluster's configuration, role changes included
            write_config(k, sw.members, false, "member of " .. describe(sw.members))
        elseif st.step == "rcvr" then
            if pf.chosen_running then
                dr.step {
                    name = string.format("send rcvr to %s (recovery mode, quorum of one)", k.name),
                    host = k.name,
                    act = function()
                        local ok, e = fourlw.rcvr(k.host, k.client_port, 5)
                        if not ok then
                            error(string.format("%s: rcvr: %s", k.name, e), 0)
                        end
                        return true
                    end,
                    verify = function()
                        return wait_answering(k, 60)
                    end,
                }
            else
                dr.step {
                    name = string.format("start %s once with --force-recovery", k.name),
                    host = k.name,
                    act = function()
                        dr.pause(string.format("%s is not running, so it cannot take rcvr: start "
                            .. "Keeper on %s ONCE by hand with --force-recovery (for example "
                            .. "`clickhouse-keeper --config %s --force-recovery`), not through "
                            .. "its start script, and never leave the flag in a start script",
                            k.name, k.host, k.config))
                    end,
                    verify = function()
                        return wait_answering(k, 120)
                    end,
                }
            end
        elseif st.step == "start_wait" then
            dr.step {
                name = string.format("start %s, wait for zk_server_state=%s", k.name, st.expect),
                host = k.name,
                act = function()
                    keepers.start(k)
                end,
                verify = function()
                    return wait_state(k, st.expect, 120)
                end,
            }
        elseif st.step == "verify_leader" then
            dr.step {
                name = st.text,
                host = k.name,
                verify = function()
                    return wait_state(k, "leader", 60)
                end,
            }
        else
            error("keeper recovery: unknown step kind " .. tostring(st.step), 0)
        end
    end
end

-- The old members fenced (those that answer stopped, the others warned
-- about), the other new members stopped until their turn.
function M.stop(sw)
    run_order(sw, { fence = true, ensure_stopped = true })
end

function M.backup(sw)
    run_order(sw, { backup = true })
end

-- raft_configuration everywhere, rcvr to the chosen node, the others
-- started one at a time, the chosen node leads.
function M.rebuild(sw)
    run_order(sw, { rewrite_config = true, rcvr = true, start_wait = true, verify_leader = true })
end

function M.prove(sw)
    P.prove_ensemble(sw.target.keepers, { [sw.chosen.name] = true }, nil, sw.pf.replica_paths)
end

-- Nothing to wait for in the catch-up gate before a planned switch: the
-- commit index is checked once the chosen node is known (catch_up).
function M.keepers_caught_up(sw)
end

-- ------------------------------------------------------------ recovery

-- The cluster as the live site's XML describes it (what the failover
-- wrote, or what this run built), and the membership after recovery: the
-- site's keepers (not its spares) as learners.  Whether the live cluster
-- serves is checked in a real run.
function M.survey(rc)
    local site, live, opts = rc.site, rc.live, rc.opts
    local pf = dr.step {
        name = string.format("pre-flight: %s's Keeper cluster and %s's keepers", live.name,
            site.name),
        act = function()
            local plan = { ensemble = {}, running = {}, advice = {} }
            if opts.assume then
                plan.members = opts.assume.members
            else
                for _, k in ipairs(live.keepers) do
                    if hosts.read(k, k.config) then
                        local doc = read_doc(k)
                        plan.members = doc:members()
                        doc:close()
                        break
                    end
                end
                if not plan.members then
                    dr.refuse("no keeper of " .. live.name .. " has its XML at hand",
                        "fail over to " .. live.name .. " first")
                end
            end
            local by_id = {}
            for _, m in ipairs(plan.members) do
                by_id[m.id] = m
            end
            for _, k in ipairs(live.keepers) do
                if by_id[k.id] and by_id[k.id].role == "participant" then
                    plan.ensemble[#plan.ensemble + 1] = k.name
                end
            end
            if #plan.ensemble == 0 then
                dr.refuse("no keeper of " .. live.name .. " is a voting member of its cluster",
                    "fail over to " .. live.name .. " first")
            end
            P.refuse_if_voting(site, plan.members, "cluster")
            local probe = keepers.probe(site.keepers, 2)
            for _, k in ipairs(site.keepers) do
                if probe[k.name].ok then
                    plan.running[#plan.running + 1] = k.name
                end
                -- what editing the XML alone would do on a node with state,
                -- for the plan
                local _, files = log_files(k)
                local text = files > 0 and hosts.read(k, k.config)
                if text and k.role ~= "spare" then
                    local doc = keeperxml.parse(text, k.config)
                    if doc then
                        local _, _, _, advice = doc:set_members({ server_of(k, "learner") },
                            { has_state = true })
                        doc:close()
                        plan.advice[k.name] = advice
                    end
                end
            end
            return plan
        end,
    }
    local ensemble = {}
    if opts.assume then
        ensemble = opts.assume.ensemble
    else
        for _, n in ipairs(pf.ensemble) do
            ensemble[#ensemble + 1] = inv.nodes[n]
        end
    end
    rc.pf, rc.ensemble, rc.members = pf, ensemble, pf.members
    rc.rejoin = P.rejoining(site)
    local joining = {}
    for _, k in ipairs(rc.rejoin) do
        joining[#joining + 1] = server_of(k, "learner")
    end
    local target, err = keeperxml.after_recovery(pf.members, joining)
    if not target then
        dr.refuse("no membership after recovery: " .. err, "check the keepers' XML")
    end
    rc.target = target
    dr.log("cluster after recovery: %s", describe(target))

    if not opts.assume then
        dr.step {
            name = string.format("check that %s's cluster serves", live.name),
            -- a check only: a rehearsal reads the XML, a real run the servers
            verify = function()
                local p = keepers.probe(ensemble)
                local leaders = 0
                for _, k in ipairs(ensemble) do
                    if p[k.name].mode == "leader" then
                        leaders = leaders + 1
                    elseif p[k.name].mode ~= "follower" then
                        return false, string.format("%s is %s: fail over to %s first", k.name,
                            tostring(p[k.name].mode), live.name)
                    end
                end
                return leaders == 1, string.format("%d leaders among %s", leaders,
                    P.names(ensemble))
            end,
        }
    end
end

-- The site's keepers that run stop before anything else.
function M.fence_site(rc)
    local running = set_of(rc.pf.running)
    for _, k in ipairs(rc.site.keepers) do
        if running[k.name] then
            P.stop_keeper(k, "it must not run with its old membership")
        end
    end
end

-- Their stored configuration would win over any XML: set it aside so that
-- they start empty (the supported alternative is remove + re-add under a
-- new id, see the advice).
function M.set_aside(rc)
    local pf = rc.pf
    for _, k in ipairs(rc.site.keepers) do
        dr.step {
            name = string.format("set %s's old Keeper log and snapshots aside", k.name),
            host = k.name,
            act = function()
                local advice = pf.advice[k.name]
                if advice and advice ~= "" then
                    dr.log("XML alone cannot make %s a learner: %s", k.name,
                        (advice:gsub("\n", " "):gsub("%s+$", "")))
                    dr.log("drctl takes the route of an empty start: the old state is kept "
                        .. "aside, not deleted, and %s is synced by the leader", k.name)
                end
                local cmds = {}
                for _, d in ipairs({ k.log_storage_path, k.snapshot_storage_path }) do
                    local q = hosts.quote(d)
                    local dest = hosts.quote(string.format("%s.drctl-stale-%s", d, dr.run_id()))
                    cmds[#cmds + 1] = string.format("if [ -d %s ]; then mv -- %s %s; fi", q, q,
                        dest)
                end
                hosts.exec(k, table.concat(cmds, "; "))
            end,
        }
    end
end

-- The live cluster learns of the learners (its leader applies servers
-- added to the XML; the file must say the same on every member), then the
-- site's keepers get theirs; a spare names the live cluster and itself as
-- a learner, so that even a stray start cannot vote.
function M.rewrite(rc)
    local target = rc.target
    for _, k in ipairs(rc.ensemble) do
        write_config(k, target, true, "add " .. P.names(rc.rejoin) .. " as learners")
    end
    for _, k in ipairs(rc.site.keepers) do
        local m, why = target, "learner of " .. describe(target)
        if k.role == "spare" then
            m = assert(keeperxml.after_recovery(target, { server_of(k, "learner") }))
            why = "spare, not started"
        end
        write_config(k, m, false, why)
    end
end

-- The learners start empty, one at a time, each until mntr says observer.
function M.rejoin(rc)
    for _, k in ipairs(rc.rejoin) do
        dr.step {
            name = string.format("start %s, wait for zk_server_state=observer", k.name),
            host = k.name,
            act = function()
                keepers.start(k)
            end,
            verify = function()
                return wait_state(k, "observer", 120)
            end,
        }
    end
end

function M.verify(rc)
    dr.step {
        name = "verify roles",
        verify = function()
            P.check_rejoined(rc.rejoin, rc.ensemble, true)
            return true
        end,
    }
end

return M
