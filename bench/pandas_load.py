#!/usr/bin/env python3
"""Peer for the CSV load benchmark: pandas read_csv of the long-format file, then the same
kind of grouping servicescope does to make the data ready (latest value per region, channel
and indicator), as a whole process. Usage: python3 bench/pandas_load.py FILE.csv"""
import sys

import pandas as pd

df = pd.read_csv(sys.argv[1], na_values=["NA", "n/a", "-", ".."])
df = df.dropna(subset=["value"]).sort_values("period")
latest = df.groupby(["region", "channel", "indicator"], sort=True)["value"].last()
print(len(df), len(latest))
