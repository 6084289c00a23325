#!/usr/bin/env python3
"""DuckDB's SQL of the aggregation servicescope's contact-log import computes (bench/raw.sh):
per region, channel and month, ASA and AHT (means over answered calls), abandonment and
service level (over calls offered) and answered-within (over calls answered), 20 s threshold.

    python3 bench/duckdb_raw.py LOG.csv [--print]
"""
import sys

import duckdb

QUERY = """
SELECT region, channel, strftime(date_trunc('month', "timestamp"), '%Y-%m') AS period,
  avg(queue_s) FILTER (WHERE outcome = 'answered') AS asa_s,
  avg(service_s) FILTER (WHERE outcome = 'answered') AS aht_s,
  100.0 * count(*) FILTER (WHERE outcome = 'abandoned') / count(*) AS abandon_pct,
  100.0 * count(*) FILTER (WHERE outcome = 'answered' AND queue_s <= 20) / count(*)
    AS service_level_20s_pct,
  100.0 * count(*) FILTER (WHERE outcome = 'answered' AND queue_s <= 20)
    / count(*) FILTER (WHERE outcome = 'answered') AS answered_within_20s_pct
FROM read_csv(?, header = true, timestampformat = '%Y-%m-%d %H:%M:%S')
GROUP BY ALL ORDER BY ALL
"""


def main():
    rows = duckdb.connect().execute(QUERY, [sys.argv[1]]).fetchall()
    if "--print" in sys.argv:
        for r in rows:
            print(",".join(str(x) for x in r))
    else:
        print(len(rows))


if __name__ == "__main__":
    main()
