-- Test runbook for the lab: three steps that change two files on two hosts
-- (one new, one replaced), run a command, and set a znode with the
-- super-user digest: enough to compare a rehearsal with the real run and
-- to roll back.  Touches only a spare's config (zk6 is not running) and
-- files of its own.
local dr = require "dr"
local inv = require "dr.inventory"
local hosts = require "dr.hosts"
local keepers = require "dr.keepers"

return dr.runbook {
    description = "lab test: files, a command and a znode",
    params = { tag = { default = "t1" } },
    main = function(p)
        local zk6 = inv.nodes.zk6
        local ch4 = inv.nodes.ch4
        local note = zk6.config:match("^(.*)/[^/]*$") .. "/drctl-note.txt"
        dr.step {
            name = "annotate zk6's zoo.cfg",
            host = zk6.name,
            check = function()
                return { sha = dr.sha256(hosts.read(zk6, zk6.config) or "") }
            end,
            act = function(pre)
                local text = hosts.read(zk6, zk6.config)
                hosts.write(zk6, zk6.config, text .. "# drctl lab test " .. p.tag .. "\n",
                    { expect_sha256 = pre.sha })
            end,
        }
        dr.step {
            name = "leave a note on zk6 and on ch4",
            act = function()
                hosts.write(zk6, note, "note " .. p.tag .. "\n")
                hosts.write(ch4, ch4.macros_xml .. ".drctl-note", "note " .. p.tag .. "\n")
                hosts.exec(ch4, "touch " .. hosts.quote(ch4.macros_xml .. ".drctl-exec"))
            end,
        }
        dr.step {
            name = "set /drctl/test",
            act = function()
                local live = {}
                for _, k in ipairs(inv.primary.keepers) do
                    live[#live + 1] = k
                end
                local s = assert(keepers.connect(live))
                if s:exists("/drctl/test") then
                    assert(s:set("/drctl/test", "tag=" .. p.tag))
                else
                    assert(s:create("/drctl/test", "tag=" .. p.tag, { parents = true }))
                end
                s:close()
            end,
        }
    end,
}
