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
        local real_step, real_format = dr.step, string.format
        local ok, why = pcall(attempts[p.how])
        if ok then
            dr.log("the attempt was not refused")
        else
            dr.log("refused: %s", why)
        end
        local later = load("local dr = require 'dr'; return string.format('%d-%s', 7, 'x'), "
            .. "table.concat({ 'a', 'b' }), dr.step, string.format")
        local f, c, step, format = later()
        assert(f == "7-x", "string.format was changed for later chunks: " .. tostring(f))
        assert(c == "ab", "table.concat was changed for later chunks")
        assert(step == real_step, "dr.step was changed for later chunks")
        assert(format == real_format, "string.format was replaced for later chunks")
        local n = 0
        for _ in pairs(string) do
            n = n + 1
        end
        assert(n > 5, "pairs over string sees nothing")
    end,
}
