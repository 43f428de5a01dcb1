-- Test runbook for the lab: one step group over every ClickHouse host.
-- Each member runs a command over SSH that first records that it started
-- and then waits (on the host) until every member has started: run one
-- after another, the first command would give up after --patience seconds,
-- so the group only succeeds when the commands really run at the same
-- time.  Then each member waits (dr.wait, polling over SSH) for a "go" file
-- of its own, which the test creates, and writes a file on its host.
local dr = require "dr"
local inv = require "dr.inventory"
local hosts = require "dr.hosts"

return dr.runbook {
    description = "lab test: commands on every ClickHouse host at once",
    params = {
        dir = { required = true, help = "a directory every lab host sees" },
        patience = { default = "20" },
        limit = { default = "0" },
    },
    main = function(p)
        local nodes = {}
        for _, site in ipairs { inv.primary, inv.standby } do
            for _, n in ipairs(site.clickhouse) do
                nodes[#nodes + 1] = n
            end
        end
        local q = hosts.quote
        dr.group {
            name = "barrier on every ClickHouse host",
            over = nodes,
            limit = tonumber(p.limit),
            step = function(n)
                local out = p.dir .. "/done-" .. n.name
                return {
                    name = "barrier on " .. n.name,
                    host = n.name,
                    check = function()
                        return { done = hosts.read(n, out) ~= nil }
                    end,
                    act = function()
                        hosts.exec(n, string.format(
                            "touch %s; i=0; while [ $(ls %s | grep -c '^started-') -lt %d ]; do " ..
                            "i=$((i+1)); [ $i -gt %d ] && { echo 'the others never started' >&2; exit 1; }; " ..
                            "sleep 0.05; done",
                            q(p.dir .. "/started-" .. n.name), q(p.dir), #nodes,
                            math.floor(tonumber(p.patience) * 20)))
                        dr.wait {
                            what = "go-" .. n.name,
                            timeout = 60,
                            check = function()
                                local r = hosts.probe(n, "test -e " .. q(p.dir .. "/go-" .. n.name) ..
                                    " && echo yes || echo no")
                                return r.stdout == "yes\n"
                            end,
                        }
                        hosts.write(n, out, "done " .. n.name .. "\n")
                    end,
                    verify = function()
                        return hosts.read(n, out) == "done " .. n.name .. "\n", "no " .. out
                    end,
                }
            end,
        }
    end,
}
