-- dr.topology: which site is the primary now, as a recorded fact, and
-- whether two sites serve at once (split brain).
--
-- Every switch (failover, switchover, failback) records the active
-- topology with a generation number one above the last one: in the new
-- ensemble (znode /drctl/topology, which the ensemble carries over every
-- later switch since the data holder's history is kept) and in the state
-- directory.  status, drill and plan read it; with nothing recorded, the
-- inventory's home topology holds.
local dr = require "dr"
local inv = require "dr.inventory"
local keepers = require "dr.keepers"
local hosts = require "dr.hosts"

local M = {}

M.ZNODE = "/drctl/topology"
M.STATE = "topology"

-- "key=value" lines: readable with cat, stable, no parser needed.  The
-- znode also names the run and the time; the state file holds only what a
-- plan can know, so that a plan shows the very file its run writes.
local function encode(t, with_run)
    local text = string.format("generation=%d\nprimary=%s\nstandby=%s\n", t.generation,
        t.primary, t.standby)
    if with_run then
        text = text .. string.format("run=%s\ntime=%d\n", tostring(t.run or "-"),
            math.floor(t.time or 0))
    end
    return text
end

local function decode(text)
    if not text then
        return nil
    end
    local t = {}
    for k, v in text:gmatch("([%w_]+)=([^\n]*)") do
        t[k] = v
    end
    t.generation = tonumber(t.generation)
    t.time = tonumber(t.time)
    if not t.generation or not t.primary or not inv.sites[t.primary] then
        return nil
    end
    return t
end
M.encode, M.decode = encode, decode

local function other(name)
    for n in pairs(inv.sites) do
        if n ~= name then
            return n
        end
    end
end

-- The keepers answering as leader, from a probe (name -> srvr view).
local function leaders_of(probe)
    local out = {}
    for _, k in ipairs(keepers.all()) do
        if probe[k.name] and probe[k.name].mode == "leader" then
            out[#out + 1] = k
        end
    end
    return out
end

-- What the ensemble led by `leader` says: its membership and its topology
-- record.  A session to that leader alone, so that two ensembles are read
-- apart.  {members = {...} | nil, record = t | nil}.
local function read_ensemble(leader)
    local s = keepers.connect({ leader }, 5)
    if not s then
        return {}
    end
    local out = {}
    local cfg = s:config()
    out.members = cfg and cfg.members or nil
    if s:exists(M.ZNODE) then
        out.record = decode((s:get(M.ZNODE)))
    end
    s:close()
    return out
end

-- The active topology: {primary, standby, generation, source, run, time}.
-- The highest generation among the records of the serving ensembles; the
-- state directory's record counts when it is newer and its primary's
-- keepers serve, or when no ensemble serves; else the inventory.
-- probe: a keepers.probe of keepers.all() (taken here when nil).
function M.active(probe)
    probe = probe or keepers.probe(keepers.all())
    local best
    for _, l in ipairs(leaders_of(probe)) do
        local ok, e = pcall(read_ensemble, l)
        if ok and e.record and (not best or e.record.generation > best.generation) then
            best = e.record
            best.source = "znode " .. M.ZNODE .. " via " .. l.name
        end
    end
    local st = decode(dr.state_read(M.STATE))
    if st and (not best or st.generation > best.generation) then
        local serving = #leaders_of(probe) == 0
        for _, k in ipairs(inv.sites[st.primary].keepers) do
            local m = probe[k.name] and probe[k.name].mode
            if m == "leader" or m == "follower" then
                serving = true
            end
        end
        if serving then
            best = st
            best.source = "state directory"
        end
    end
    if best then
        best.standby = other(best.primary)
        return best
    end
    return {
        primary = inv.primary.name, standby = inv.standby.name, generation = 0,
        source = "inventory (home topology; no switch recorded)",
    }
end

-- The site objects of the active topology: primary, standby, record.
function M.sites(probe)
    local t = M.active(probe)
    return inv.sites[t.primary], inv.sites[t.standby], t
end

-- A step that records `primary` as the active primary: generation one
-- above the highest known, written into the ensemble `ensemble` (when it
-- serves: a rehearsal only says so) and into the state directory.
function M.record_step(primary, ensemble)
    return dr.step {
        name = string.format("record the active topology: %s primary", primary),
        act = function()
            local cur = M.active()
            local t = {
                generation = (cur.generation or 0) + 1, primary = primary,
                standby = other(primary), run = dr.run_id(), time = dr.now(),
            }
            if cur.primary == primary and cur.generation > 0 and cur.run == dr.run_id() then
                t.generation = cur.generation -- a resumed run: the same record
            end
            local text, state_text = encode(t, true), encode(t)
            if dr.rehearsal() then
                -- the ensemble this plan builds does not serve yet (what
                -- answers now is the old one): the plan only says so
                dr.log("the real run writes %s through %s: %s primary, generation one above "
                    .. "the last recorded", M.ZNODE, keepers.target(ensemble[1]), primary)
                dr.state_write(M.STATE, state_text)
                return t
            end
            local s, err = keepers.connect(ensemble, 10)
            if s then
                local ok, why
                if s:exists(M.ZNODE) then
                    ok, why = s:set(M.ZNODE, text)
                else
                    ok, why = s:create(M.ZNODE, text, { parents = true })
                end
                s:close()
                if not ok then
                    error("topology record: " .. tostring(why), 0)
                end
            else
                error("topology record: " .. tostring(err), 0)
            end
            local ok, why = dr.state_write(M.STATE, state_text)
            if not ok then
                error("topology record: " .. tostring(why), 0)
            end
            dr.log("active topology: %s primary, %s standby, generation %d", t.primary,
                t.standby, t.generation)
            return t
        end,
    }
end

-- ------------------------------------------------------------ split brain

local function id_set(members)
    local set = {}
    for _, m in ipairs(members or {}) do
        if m.role ~= "observer" then
            set[m.id] = true
        end
    end
    return set
end

local function overlaps(a, b)
    for id in pairs(a) do
        if b[id] then
            return true
        end
    end
    return false
end

local function sorted_keys(set)
    local out = {}
    for k in pairs(set) do
        out[#out + 1] = k
    end
    table.sort(out)
    return out
end

-- Two serving ensembles: leaders whose voting memberships do not overlap,
-- or writable ClickHouse servers of one shard pointing at keeper sets that
-- do not overlap.  Returns nil, or {hosts = {...}, value = text, fix = text,
-- lost = the site to fence}.  probe: keepers.probe(keepers.all()); active:
-- M.active(probe); ch_view (optional): name -> {writable = bool}.
function M.split_brain(probe, active, ch_view)
    local found, parts = {}, {}
    local leaders = leaders_of(probe)
    if #leaders >= 2 then
        local sets = {}
        for i, l in ipairs(leaders) do
            local ok, e = pcall(read_ensemble, l)
            sets[i] = id_set(ok and e.members or nil)
        end
        for i = 1, #leaders do
            for j = i + 1, #leaders do
                if next(sets[i]) and next(sets[j]) and not overlaps(sets[i], sets[j]) then
                    found[leaders[i].name], found[leaders[j].name] = true, true
                    parts[#parts + 1] = string.format("%s and %s both lead (voting ids %s | %s)",
                        leaders[i].name, leaders[j].name,
                        table.concat(sorted_keys(sets[i]), ","),
                        table.concat(sorted_keys(sets[j]), ","))
                end
            end
        end
    end
    if ch_view then
        local chconf = require "dr.chconf"
        local by_shard = {}
        for _, site in pairs(inv.sites) do
            for _, c in ipairs(site.clickhouse) do
                local v = ch_view[c.name]
                if v and v.writable then
                    local ok, text = pcall(hosts.read, c, c.zookeeper_xml)
                    local nodes = ok and text and chconf.zookeeper_nodes(text, c.zookeeper_xml)
                    if nodes then
                        local set = {}
                        for _, n in ipairs(nodes) do
                            set[n.host .. ":" .. tostring(n.port)] = true
                        end
                        by_shard[c.shard] = by_shard[c.shard] or {}
                        table.insert(by_shard[c.shard], { c = c, set = set })
                    end
                end
            end
        end
        for shard, list in pairs(by_shard) do
            for i = 1, #list do
                for j = i + 1, #list do
                    if not overlaps(list[i].set, list[j].set) then
                        found[list[i].c.name], found[list[j].c.name] = true, true
                        parts[#parts + 1] = string.format("%s and %s (shard %s) are both "
                            .. "writable on different ensembles", list[i].c.name,
                            list[j].c.name, shard)
                    end
                end
            end
        end
    end
    if #parts == 0 then
        return nil
    end
    local lost = active.standby
    local lost_hosts = {}
    for _, n in ipairs(sorted_keys(found)) do
        local node = inv.nodes[n]
        if node and node.site == lost then
            lost_hosts[#lost_hosts + 1] = n
        end
    end
    table.sort(parts)
    return {
        hosts = sorted_keys(found),
        value = string.format("SPLIT BRAIN: two serving ensembles: %s; %s is primary "
            .. "(generation %d, %s), %s's servers %s take writes that diverge",
            table.concat(parts, "; "), active.primary, active.generation, active.source,
            lost, #lost_hosts > 0 and table.concat(lost_hosts, ", ") or "(see hosts)"),
        fix = string.format("end it now: drctl fence --site %s --yes (stops and disables its "
            .. "servers), then drctl run recover --site %s (sets aside what %s wrote since "
            .. "the switch and rejoins it as the standby)", lost, lost, lost),
        lost = lost,
    }
end

return M
