-- Example: point a DNS or load-balancer record at a site through the
-- provider's HTTP API, as a step of its own.  Run it after a failover (or
-- call the same dr.http step from your own copy of failover.lua):
--
--   drctl plan runbooks/examples/lb_switch.lua --api https://lb.example/api \
--       --record clickhouse.example --target dallas --address 10.2.0.10
--   drctl run  runbooks/examples/lb_switch.lua ... --yes
--
-- The API token stays in a file (header_file: "Authorization: Bearer ..."
-- lines, mode 0600), never in the runbook, the journal or the plan.  A
-- rehearsal shows the request (method, URL, body) and sends nothing.
local dr = require "dr"
local http = require "dr.http"

return dr.runbook {
    description = "switch a DNS / load-balancer record to a site through an HTTP API",
    params = {
        api = { required = true },     -- base URL of the API
        record = { required = true },  -- the record (name) to repoint
        target = { required = true },  -- the site it now points at
        address = { default = "" },    -- the address it gets (else the API picks by site)
        token_file = { default = "" }, -- header lines with the credentials
    },
    main = function(p)
        local body = string.format('{"record":"%s","site":"%s","address":"%s","run":"%s"}',
            p.record, p.target, p.address, dr.run_id() or "")
        dr.step {
            name = string.format("point %s at %s", p.record, p.target),
            act = function()
                local r, err = http.request {
                    method = "PUT",
                    url = p.api .. "/records/" .. p.record,
                    headers = { "Content-Type: application/json" },
                    header_file = p.token_file ~= "" and p.token_file or nil,
                    body = body,
                    timeout = 10,
                    retries = 3, -- transport errors and 5xx, with backoff
                }
                if not r then
                    error(err, 0)
                end
                return { status = r.status, attempts = r.attempts }
            end,
            verify = function(_, result)
                return result.status >= 200 and result.status < 300,
                    "the API answered " .. tostring(result.status)
            end,
        }
    end,
}
