-- GET /todos as one user whose list the script seeded (benchmarks/wrk/two-process.sh).
wrk.method = "GET"
wrk.headers["X-User-ID"] = "bench"
