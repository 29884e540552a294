-- GETs the path of the URL with Accept: text/html, as a browser following the QR code does.
-- Usage: wrk -t2 -c32 -d20s --latency -s benchmarks/wrk/get-html.lua http://127.0.0.1:5077/v/<handle>
wrk.headers["Accept"] = "text/html,application/xhtml+xml"
wrk.headers["Accept-Language"] = "en"
