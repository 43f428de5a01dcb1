-- Test runbook: tries to leave the sandbox in the way given by --how.
local dr = require "dr"
return dr.runbook {
    params = { how = { required = true } },
    main = function(p)
        if p.how == "os" then
            os.execute("touch /tmp/drctl-escaped")
        elseif p.how == "io" then
            io.open("/tmp/drctl-escaped", "w")
        elseif p.how == "binary" then
            load(string.dump(function() end))
        elseif p.how == "loadb" then
            load("\27Lua", "x", "b")
        elseif p.how == "debug" then
            require("debug")
        elseif p.how == "global" then
            leaked = 1
        end
    end,
}
