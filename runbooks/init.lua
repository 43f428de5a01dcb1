-- init: the prerequisites the drill and the failover assume on the sites,
-- made once.  On every ClickHouse server of both sites, the heartbeat
-- table default.heartbeat: one row per site and time, replicated, so that
-- the standby sees the primary's newest heartbeat (the drill's "heartbeat
-- lag") and a failover can prove the promoted site writable.  Then it says
-- how to run the writer (contrib/drctl-heartbeat.timer on the primary).
-- Idempotent: a server that has the table is left alone.
local dr = require "dr"
local inv = require "dr.inventory"
local clickhouse = require "dr.clickhouse"

-- ClickHouse 20 and later refuse the old MergeTree parameters unless told
-- to allow them; 18.16 (the lab's) knows no others.
local function ddl(version, zk_path)
    local major = tonumber((version or ""):match("^(%d+)")) or 0
    local columns = "(d Date, site_id String, updated_at DateTime)"
    if major >= 20 then
        return string.format("CREATE TABLE IF NOT EXISTS default.heartbeat %s ENGINE = "
            .. "ReplicatedReplacingMergeTree('%s', '{replica}', updated_at) "
            .. "PARTITION BY toYYYYMM(d) ORDER BY site_id", columns, zk_path)
    end
    return string.format("CREATE TABLE IF NOT EXISTS default.heartbeat %s ENGINE = "
        .. "ReplicatedReplacingMergeTree('%s', '{replica}', d, (site_id), 8192, updated_at)",
        columns, zk_path)
end

return dr.runbook {
    description = "create the heartbeat table on every ClickHouse server (drill, failover)",
    params = {
        zk_path = { default = "/clickhouse/{cluster}/tables/{shard}/heartbeat",
            help = "the table's path in ZooKeeper (macros of the servers)" },
    },
    main = function(p)
        if p.zk_path:find("'", 1, true) then
            dr.refuse("--zk-path must not contain a quote", "give a plain ZooKeeper path")
        end
        local nodes = {}
        for _, site in ipairs({ inv.primary, inv.standby }) do
            for _, c in ipairs(site.clickhouse) do
                nodes[#nodes + 1] = c
            end
        end
        dr.group {
            name = "create default.heartbeat",
            over = nodes,
            step = function(c)
                return {
                    name = "create default.heartbeat on " .. c.name,
                    host = c.name,
                    check = function()
                        local rows, err = clickhouse.client():query(clickhouse.target(c),
                            "SELECT version() AS v, (SELECT count() FROM system.tables WHERE "
                            .. "database = 'default' AND name = 'heartbeat') AS have")
                        if not rows then
                            error(string.format("%s: %s", c.name, err), 0)
                        end
                        return { version = rows[1].v, have = tonumber(rows[1].have) == 1 }
                    end,
                    act = function(pre)
                        if pre.have then
                            return "there already"
                        end
                        local ok, err = clickhouse.client():execute(clickhouse.target(c),
                            ddl(pre.version, p.zk_path))
                        if not ok then
                            error(string.format("%s: %s", c.name, err), 0)
                        end
                        return "created"
                    end,
                }
            end,
        }
        dr.log("the heartbeat writer: on one ClickHouse host of %s (the primary), put SITE=%s "
            .. "in /etc/drctl/heartbeat.env and a clickhouse-client config with a user that may "
            .. "INSERT in /etc/drctl/heartbeat-client.xml, install contrib/drctl-heartbeat.service "
            .. "and .timer, then: systemctl enable --now drctl-heartbeat.timer", inv.primary.name,
            inv.primary.name)
        dr.log("without systemd, every 10 s: clickhouse-client --query \"INSERT INTO "
            .. "default.heartbeat (d, site_id, updated_at) VALUES (today(), '%s', now())\"",
            inv.primary.name)
    end,
}
