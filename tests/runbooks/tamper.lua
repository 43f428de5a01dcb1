-- Test runbook: tries to change what every chunk of the run shares (--how),
-- then checks that a chunk loaded afterwards still sees the real thing.
local dr = require "dr"
local attempts = {
    format = function() string.format = function() return "tampered" end end,
    rawset = function() rawset(string, "format", function() return "tampered" end) end,
    dr = function() dr.step = function() return "tampered" end end,
    global = function() string = { format = function() return "tampered" end } end,
    table = function() table.concat = function() return "tampered" end end,
}
return dr.runbook {
    params = { how = { required = true } },
    main = function(p)
        local ok, why = pcall(attempts[p.how])
        if ok then
            dr.log("the attempt was not refused")
        else
            dr.log("refused: %s", why)
        end
        local later = load("local dr = require 'dr'; return string.format('%d-%s', 7, 'x'), "
            .. "table.concat({ 'a', 'b' }), type(dr.step) == 'function' and dr.step ~= nil")
        local f, c = later()
        assert(f == "7-x", "string.format was changed for later chunks: " .. tostring(f))
        assert(c == "ab", "table.concat was changed for later chunks")
        local step_ok = pcall(dr.step, { name = "still a step" })
        assert(step_ok, "dr.step was changed")
        local n = 0
        for _ in pairs(string) do
            n = n + 1
        end
        assert(n > 5, "pairs over string sees nothing")
    end,
}
