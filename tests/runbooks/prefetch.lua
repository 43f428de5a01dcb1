-- Test runbook for the lab: files read ahead (hosts.prefetch) on every
-- ClickHouse host in one command per host, and what makes a host's
-- read-ahead stale.  A read takes its file from the read-ahead once; a
-- write of the file, or a command on the host, drops it.  Changes made
-- behind drctl's back with a probe (which drctl takes to change nothing)
-- show which reads came from the read-ahead.  In a rehearsal only the
-- write is checked: a file "written" reads as written.
local dr = require "dr"
local inv = require "dr.inventory"
local hosts = require "dr.hosts"

local function expect(what, got, want)
    if got ~= want then
        error(string.format("%s: %q, expected %q", what, tostring(got), tostring(want)), 0)
    end
end

return dr.runbook {
    description = "lab test: files read ahead, and when they are read again",
    params = { dir = { required = true, help = "a directory every lab host sees" } },
    main = function(p)
        local nodes = {}
        for _, site in ipairs { inv.primary, inv.standby } do
            for _, n in ipairs(site.clickhouse) do
                nodes[#nodes + 1] = n
            end
        end
        local q = hosts.quote
        local function path(n, which)
            return string.format("%s/%s-%s", p.dir, which, n.name)
        end
        local function ahead()
            hosts.prefetch(nodes, function(n)
                return { path(n, "a"), path(n, "b"), path(n, "none") }
            end)
        end
        dr.step {
            name = "read ahead on every ClickHouse host",
            act = function()
                if dr.rehearsal() then
                    ahead()
                    local n = nodes[1]
                    hosts.write(n, path(n, "b"), "written\n")
                    expect("b after a rehearsed write", hosts.read(n, path(n, "b")), "written\n")
                    expect("a", hosts.read(n, path(n, "a")), "a " .. n.name .. "\n")
                    return
                end
                for _, n in ipairs(nodes) do
                    hosts.write(n, path(n, "a"), "a " .. n.name .. "\n")
                    hosts.write(n, path(n, "b"), "b " .. n.name .. "\n")
                end
                ahead()
                for _, n in ipairs(nodes) do
                    hosts.probe(n, string.format("echo behind > %s; echo behind > %s",
                        q(path(n, "a")), q(path(n, "b"))))
                    expect(n.name .. " a, read ahead", hosts.read(n, path(n, "a")), "a " .. n.name .. "\n")
                    expect(n.name .. " a, read again", hosts.read(n, path(n, "a")), "behind\n")
                    expect(n.name .. " absent", hosts.read(n, path(n, "none")), nil)
                end
                -- a write drops the file it writes, not the host's others
                local n, m = nodes[1], nodes[2]
                ahead()
                hosts.probe(n, "echo behind2 > " .. q(path(n, "a")))
                hosts.write(n, path(n, "b"), "b2\n")
                expect("b after a write", hosts.read(n, path(n, "b")), "b2\n")
                expect("a after another file's write", hosts.read(n, path(n, "a")), "behind\n")
                -- a command on the host drops all of the host's
                hosts.probe(m, "echo behind3 > " .. q(path(m, "b")))
                hosts.exec(m, "true")
                expect("b after a command", hosts.read(m, path(m, "b")), "behind3\n")
                return { hosts = #nodes }
            end,
        }
    end,
}
