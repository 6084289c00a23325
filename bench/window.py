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
LINE = re.compile(r"frame (\d+) ui_ms ([\d.]+) prev_cpu_ms ([\d.]+|-) interval_ms ([\d.]+|-) points (\d+)")


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
            num = lambda g: None if g == "-" else float(g)
            # (frame, ui ms, CPU ms of the previous frame, interval ms, points)
            rows.append((int(m.group(1)), float(m.group(2)), num(m.group(3)), num(m.group(4)), int(m.group(5))))
    p.wait(timeout=120)
    return first, rows


def summary(rows, skip=5):
    """Frame time = eframe's CPU time per frame (ui + tessellation + painting, no vsync wait);
    also the app's own ui time and the interval between frames (includes Xvfb's software GL)."""
    rows = rows[skip:]
    cpu = [r[2] for r in rows if r[2] is not None]
    ui = [r[1] for r in rows]
    iv = [r[3] for r in rows if r[3] is not None]
    if not cpu:
        return "no frames"
    p95 = lambda xs: sorted(xs)[max(0, int(len(xs) * 0.95) - 1)]
    return (f"frame CPU median {statistics.median(cpu):.2f} ms, p95 {p95(cpu):.2f} ms, max {max(cpu):.2f} ms "
            f"(ui alone median {statistics.median(ui):.2f} ms); interval median {statistics.median(iv):.1f} ms, "
            f"max {max(iv):.1f} ms; {len(cpu)} frames, up to {max(r[4] for r in rows):,} points")


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
        _, rows = run(f"load:{OUT}/points.ron,wait,Lines,indicator:fcr_pct,allregions,allchannels", 120, display)
        print(f"~100,000 points (Lines, 40 regions x 13 channels x 200 months): {summary(rows, 20)} (goal < 16 ms)")
        _, rows = run(f"load:{OUT}/big.csv", 240, display)
        print(f"during a 1M-row CSV load: {summary(rows, 1)}")
    finally:
        xvfb.terminate()


if __name__ == "__main__":
    main()
