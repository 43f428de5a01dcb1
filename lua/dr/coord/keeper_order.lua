-- dr.coord.keeper_order: the order of ClickHouse Keeper's documented
-- quorum-loss recovery, as data.  Plain Lua with no other module, so that a
-- unit test loads it without the engine.
--
-- From membership `old` to membership `new` around the most up-to-date node
-- `chosen` (an id; a participant of `new`): fence the old members that are
-- not in the new cluster, keep the other new members stopped until their
-- turn, back up the chosen node's log and snapshot directories, write the
-- new raft_configuration on the chosen node and then on the others, send
-- `rcvr` to the chosen node, start the others one at a time (each waits for
-- mntr's zk_server_state), and check that the chosen node leads.
--
-- `new` must be a valid membership already (keeperxml.after_failover
-- validates it and checks that ids stay mapped to their hosts).
local M = {}

local function is_learner(s)
    return s.role == "learner"
end

local function find(members, id)
    for _, s in ipairs(members) do
        if s.id == id then
            return s
        end
    end
end

-- A copy of members sorted by id: the order goes by id, whatever the order
-- of the servers in a config file.
local function by_id(members)
    local out = table.move(members or {}, 1, #(members or {}), 1, {})
    table.sort(out, function(a, b)
        return a.id < b.id
    end)
    return out
end

local function step(list, kind, s, expect, fmt, ...)
    list[#list + 1] = {
        step = kind, server_id = s.id, hostname = s.hostname, expect = expect,
        text = string.format(fmt, ...),
    }
end

-- plan = {old, new, chosen, log_path, snapshot_path}.  Returns the ordered
-- list of {step, server_id, hostname, expect, text}: step is one of fence,
-- ensure_stopped, backup, rewrite_config, rcvr, start_wait, verify_leader;
-- expect the state waited for (start_wait, verify_leader); text the step
-- in a sentence.  Servers are taken in the order of their ids.  nil,
-- "recovery plan: why" when the plan cannot be made.
function M.steps(plan)
    local old, new, chosen_id = by_id(plan.old), by_id(plan.new), plan.chosen
    local chosen = find(new, chosen_id)
    if not chosen or is_learner(chosen) then
        return nil, string.format("recovery plan: the chosen node %s must be a participant of "
            .. "the new cluster", tostring(chosen_id))
    end
    if (plan.log_path or "") == "" or (plan.snapshot_path or "") == "" then
        return nil, "recovery plan: log_storage_path and snapshot_storage_path of the chosen "
            .. "node are needed for the backup"
    end
    local out = {}
    for _, s in ipairs(old) do
        if not find(new, s.id) then
            step(out, "fence", s, nil, "fence server %d (%s): stop Keeper there if it is "
                .. "reachable and keep it from starting again with the old membership", s.id,
                s.hostname)
        end
    end
    for _, s in ipairs(new) do
        if s.id ~= chosen_id then
            step(out, "ensure_stopped", s, nil,
                "make sure Keeper on server %d (%s) is stopped until its turn", s.id, s.hostname)
        end
    end
    step(out, "backup", chosen, nil,
        "back up %s and %s on server %d (%s), the node whose data the cluster will keep",
        plan.log_path, plan.snapshot_path, chosen.id, chosen.hostname)
    step(out, "rewrite_config", chosen, nil, "write the new raft_configuration on server %d (%s)",
        chosen.id, chosen.hostname)
    for _, s in ipairs(new) do
        if s.id ~= chosen_id then
            step(out, "rewrite_config", s, nil,
                "write the new raft_configuration on server %d (%s)", s.id, s.hostname)
        end
    end
    step(out, "rcvr", chosen, nil, "send 'rcvr' to server %d (%s) (or restart it once with "
        .. "--force-recovery); until a quorum forms it answers mntr with an error and refuses "
        .. "requests", chosen.id, chosen.hostname)
    for _, s in ipairs(new) do
        if s.id ~= chosen_id then
            local expect = is_learner(s) and "observer" or "follower"
            step(out, "start_wait", s, expect, "start Keeper on server %d (%s) and wait until mntr "
                .. "shows zk_server_state=%s before the next one", s.id, s.hostname, expect)
        end
    end
    step(out, "verify_leader", chosen, "leader",
        "check that server %d (%s) answers mntr with zk_server_state=leader", chosen.id,
        chosen.hostname)
    return out
end

return M
