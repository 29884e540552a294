-- POSTs the contents of a file with a given Content-Type on every request.
-- Usage: wrk -t2 -c32 -d20s --latency -s benchmarks/wrk/post-file.lua http://127.0.0.1:5077/api/verify -- <file> <content-type>
-- Fails every response that is not 200 into the "Non-2xx" count, so a 429 or 400 shows in wrk's summary.
local request_text

function init(args)
  local path, content_type = args[1], args[2] or "application/octet-stream"
  local f = assert(io.open(path, "rb"), "cannot open " .. tostring(path))
  local body = f:read("*a")
  f:close()
  request_text = wrk.format("POST", nil, { ["Content-Type"] = content_type }, body)
end

function request()
  return request_text
end
