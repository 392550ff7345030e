-- GET with no body, keep-alive: the smallest request (benchmarks/wrk/echo.sh with LUA=benchmarks/wrk/get.lua).
wrk.method = "GET"
