-- POSTs the same ~100-byte JSON body on every request (benchmarks/wrk/echo.sh).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"id":12345,"name":"zerver-echo","tags":["bench","wrk","echo"],"ok":true,"ratio":0.95,"note":"abcdef"}'
