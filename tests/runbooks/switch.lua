-- Test runbook: a site switch, subject to the cooldown.
local dr = require "dr"
return dr.runbook {
    params = { to = { required = true } },
    confirm = "to",
    cooldown = true,
    switches_site = true,
    main = function(p)
        dr.step { name = "switch to " .. p.to, act = function() return p.to end }
    end,
}
