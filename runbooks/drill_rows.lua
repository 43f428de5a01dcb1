-- drill_rows: the RPO probe of a full drill.  --action write inserts --rows
-- marker rows tagged --tag into --table through the first ClickHouse server
-- of --site (a real, journaled write); --action count counts the rows with
-- that tag there (read-only).  Both report the number as the metric "rows".
--
-- The table needs the layout (d Date, x UInt64, site String, payload String)
-- of the lab's default.events; x is made unique per tag so that replicated
-- deduplication never drops a drill's block.
local dr = require "dr"
local inv = require "dr.inventory"
local clickhouse = require "dr.clickhouse"

local function site_of(name)
    local s = inv.sites[name]
    if not s or not s.clickhouse[1] then
        dr.refuse(string.format("no site '%s' with ClickHouse servers in %s", tostring(name),
            inv.file), "give --site one of the inventory's sites")
    end
    return s
end

return dr.runbook {
    description = "write or count a drill's marker rows (RPO probe)",
    params = {
        action = { required = true, help = "write | count" },
        site = { required = true, kind = "site", help = "the site whose first ClickHouse server is used" },
        tag = { required = true, help = "the drill's tag, stored in the payload column" },
        rows = { default = "100", help = "rows to write" },
        table = { default = "default.events", help = "(d Date, x UInt64, site String, payload String)" },
    },
    main = function(p)
        if not p.tag:match("^[%w_.:-]+$") or not p.table:match("^[%w_]+%.[%w_]+$") then
            dr.refuse("--tag must be [A-Za-z0-9_.:-]+ and --table db.table", "fix the arguments")
        end
        local c = site_of(p.site).clickhouse[1]
        if p.action == "write" then
            local n = tonumber(p.rows)
            if not n or n < 1 then
                dr.refuse("--rows must be a positive number", "fix the arguments")
            end
            dr.step {
                name = string.format("write %d marker rows on %s", n, c.name),
                host = c.name,
                act = function()
                    local base = (dr.now() * 1000) // 1 * 1000
                    local sql = string.format("INSERT INTO %s SELECT today(), %d + number, '%s', "
                        .. "'%s' FROM system.numbers LIMIT %d", p.table, base, p.site, p.tag, n)
                    local r, err = clickhouse.client():execute(clickhouse.target(c), sql)
                    if not r then
                        error(string.format("%s: %s", c.name, err), 0)
                    end
                end,
            }
            dr.metric("rows", n)
        elseif p.action == "count" then
            local rows, err = clickhouse.client():query(clickhouse.target(c), string.format(
                "SELECT count() AS n FROM %s WHERE payload = '%s'", p.table, p.tag))
            if not rows then
                error(string.format("%s: %s", c.name, err), 0)
            end
            dr.metric("rows", tonumber(rows[1].n))
        else
            dr.refuse("--action must be write or count", "fix the arguments")
        end
    end,
}
