#!/usr/bin/env python3
"""Times whole processes: median wall time and peak resident memory over N runs.

    python3 bench/timeit.py RUNS -- CMD ARG...
prints one JSON object: {"median_s": .., "min_s": .., "max_s": .., "cpu_median_s": ..,
"peak_rss_mb": .., "runs": N} (cpu: user + system time of the child, all its threads)
Peak memory comes from the kernel's rusage of each child (ru_maxrss), so it covers the whole
process, like /usr/bin/time -v.
"""
import json
import os
import subprocess
import sys
import time


def run_once(cmd):
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    err = p.stderr.read().decode(errors="replace") if p.stderr else ""
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        sys.exit(f"command failed ({p.returncode}): {' '.join(cmd)}\n{err}")
    return wall, ru.ru_maxrss / 1024.0, ru.ru_utime + ru.ru_stime


def main():
    runs = int(sys.argv[1])
    cmd = sys.argv[sys.argv.index("--") + 1:]
    walls, rss, cpus = [], [], []
    for _ in range(runs):
        w, r, c = run_once(cmd)
        walls.append(w)
        rss.append(r)
        cpus.append(c)
    walls.sort()
    cpus.sort()
    print(json.dumps({"median_s": walls[len(walls) // 2], "min_s": walls[0], "max_s": walls[-1],
                      "cpu_median_s": cpus[len(cpus) // 2], "peak_rss_mb": max(rss),
                      "runs": runs}))


if __name__ == "__main__":
    main()
