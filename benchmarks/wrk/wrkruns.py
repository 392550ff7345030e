"""Reads one wrk run of the benchmark scripts (starter.sh, two-process.sh): NAME.txt (wrk's output,
with --latency), NAME.cpu (the serving JVMs' CPU ticks during it) and NAME.load (the 1-minute load
average after it), all in the run's output directory."""
import os
import re

UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3}


def ms(text):
    """A wrk latency ("512.00us", "1.20ms", "2.00s") in milliseconds."""
    m = re.match(r"([\d.]+)(us|ms|s)", text)
    return float(m.group(1)) * UNITS[m.group(2)]


def load(out, name, tick):
    """The run NAME: requests per second, CPU microseconds per request (tick: clock ticks per
    second), p50 and p99 in ms when wrk printed its latency distribution, the load after it, and the
    non-2xx answers plus socket errors."""
    text = open(os.path.join(out, name + ".txt")).read()
    requests = int(re.search(r"(\d+) requests in", text).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    ticks = int(open(os.path.join(out, name + ".cpu")).read())
    run = {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)),
        "cpu_us": ticks / tick * 1e6 / requests,
        "load": float(open(os.path.join(out, name + ".load")).read()),
        "errors": (int(bad.group(1)) if bad else 0) + (sum(map(int, errors.groups())) if errors else 0),
    }
    p50 = re.search(r"^\s*50%\s+(\S+)", text, re.M)
    p99 = re.search(r"^\s*99%\s+(\S+)", text, re.M)
    if p50 and p99:
        run["p50"] = ms(p50.group(1))
        run["p99"] = ms(p99.group(1))
    return run
