#!/usr/bin/env python3
"""The peer of `servicescope export` in bench/export.sh: draws the same grouped bar chart
(first-contact resolution by channel for the four benchmark regions, values as in the bundled
benchmark, value labels, hatching for illustrative values, legend, footer) and saves it as a
3840 x 2160 PNG. Usage: python3 bench/matplotlib_bar.py OUT.png
"""
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

CHANNELS = ["Phone", "Email", "Chat", "Twitter", "Facebook", "Forum", "Web self-service", "In person"]
SERIES = [
    ("United Kingdom", "#0072b2", [72, 67, 71, 63, 65, 64, 59, 81]),
    ("Maghreb", "#e69f00", [67, 61, 66, 58, 57, 57, 52, 76]),
    ("Québec", "#009e73", [77, 67, 73, 64, 69, 64, 61, 81]),
    ("France", "#d55e00", [70, 60, 69, 60, 61, 57, 56, 75]),
]


def main(out):
    fig, ax = plt.subplots(figsize=(16, 9), dpi=240)  # 3840 x 2160 px
    width = 0.8 / len(SERIES)
    for i, (name, colour, values) in enumerate(SERIES):
        xs = [c + (i - (len(SERIES) - 1) / 2) * width for c in range(len(CHANNELS))]
        bars = ax.bar(xs, values, width * 0.92, label=name, color=colour, alpha=0.5,
                      edgecolor=colour, hatch="///")
        ax.bar_label(bars, labels=[f"{v}%" for v in values], fontsize=9)
    ax.set_xticks(range(len(CHANNELS)), CHANNELS)
    ax.set_ylim(0, 100)
    ax.yaxis.set_major_formatter(matplotlib.ticker.PercentFormatter())
    ax.grid(axis="y", color="#e4e4e4")
    ax.set_axisbelow(True)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.set_ylabel("First-contact resolution (%)")
    fig.suptitle("First-contact resolution", x=0.03, ha="left", fontsize=22, fontweight="bold")
    ax.set_title("Latest available value, all years", loc="left", color="#5f6368")
    ax.legend(ncol=4, loc="upper left", frameon=False)
    fig.text(0.03, 0.02, "Hatched, light values are illustrative. Source: servicescope project, "
             "“Illustrative values for demonstration” (2026-11)", fontsize=8, color="#5f6368")
    fig.savefig(out)


if __name__ == "__main__":
    main(sys.argv[1])
