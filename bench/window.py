#!/usr/bin/env python3
"""Window timings under Xvfb, with the app's own frame log (SERVICESCOPE_FRAME_LOG):

1. time from process start to the first frame;
2. frame times with about 100,000 points plotted (lines: synthetic regions x channels);
3. frame times while a 1,000,000-row CSV loads in the background.

Usage: python3 bench/window.py BIN OUT_DIR   (run by bench/run.sh)"""
import os
import re
import statistics
import subprocess
import sys
import time

BIN, OUT = sys.argv[1], sys.argv[2]
LINE = re.compile(r"frame (\d+) ui_ms ([\d.]+) interval_ms ([\d.]+|-)")


def run(view, frames, display):
    env = dict(os.environ, DISPLAY=display, SERVICESCOPE_FRAME_LOG=str(frames), SERVICESCOPE_VIEW=view)
    t0 = time.perf_counter()
    p = subprocess.Popen([BIN], env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    first = None
    rows = []
    for line in p.stderr:
        m = LINE.match(line)
        if m:
            if first is None:
                first = time.perf_counter() - t0
            iv = None if m.group(3) == "-" else float(m.group(3))
            rows.append((int(m.group(1)), float(m.group(2)), iv))
    p.wait(timeout=120)
    return first, rows


def summary(rows, skip=5):
    ui = [r[1] for r in rows[skip:]]
    iv = [r[2] for r in rows[skip:] if r[2] is not None]
    if not ui:
        return "no frames"
    p95 = sorted(ui)[int(len(ui) * 0.95) - 1]
    return (f"ui median {statistics.median(ui):.2f} ms, p95 {p95:.2f} ms, max {max(ui):.2f} ms; "
            f"frame interval median {statistics.median(iv):.1f} ms, max {max(iv):.1f} ms ({len(ui)} frames)")


def main():
    display = ":91"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                            stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    try:
        subprocess.run([BIN, "gen-sample", "--rows", "104000", "--regions", "40", "--indicators", "1",
                        "--out", f"{OUT}/points.ron", "--force"], check=True, stdout=subprocess.DEVNULL)
        starts = [run("", 3, display)[0] for _ in range(5)]
        print(f"process start to first frame: median {statistics.median(starts) * 1000:.0f} ms "
              f"(min {min(starts) * 1000:.0f}, goal < 400 ms)")
        _, rows = run(f"load:{OUT}/points.ron,Lines,allregions,allchannels,wait", 120, display)
        pts = [r for r in rows]
        print(f"~100,000 points (Lines, 40 regions x 13 channels x 200 months): {summary(pts, 20)} (goal < 16 ms)")
        _, rows = run(f"load:{OUT}/big.csv", 240, display)
        print(f"during a 1M-row CSV load: {summary(rows, 1)}")
    finally:
        xvfb.terminate()


if __name__ == "__main__":
    main()
