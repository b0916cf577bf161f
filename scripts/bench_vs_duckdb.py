"""Percorso against DuckDB on one log: run by scripts/bench-vs-duckdb.sh, which prepares the parts.

Runs, alternately and RUNS times each:
  - DuckDB: read the CSV's customer, time, touchpoint, channel, event type and value into a table, then the per-touchpoint figures (events, customers, median
    time to the next event) and the per-transition counts, with LEAD() over each customer's events
    in time order: the core of the report that Percorso computes;
  - Percorso: `percorso import` of the same columns into a new workspace that holds the journey, then
    `percorso report --format json` on it (which reopens the workspace, as the app does).
Each step is its own process, timed by the wall clock, its peak memory read from the kernel
(wait4's maximum resident set size). Prints every run, the medians, and the ratio of the medians.
"""

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

DUCKDB_SQL = """
SET threads TO {threads};
CREATE TABLE events AS
  SELECT customer_id, timestamp, touchpoint, channel, event_type, value
  FROM read_csv('{csv}', header = true);
CREATE TABLE steps AS
  SELECT customer_id AS customer, touchpoint, timestamp AS ts,
         LEAD(touchpoint) OVER w AS next_touchpoint,
         LEAD(timestamp) OVER w AS next_ts
  FROM events
  WINDOW w AS (PARTITION BY customer_id ORDER BY timestamp);
SELECT touchpoint, count(*) AS events, count(DISTINCT customer) AS customers,
       median(epoch(next_ts) - epoch(ts)) AS median_next_s
  FROM steps GROUP BY touchpoint ORDER BY touchpoint;
SELECT touchpoint, next_touchpoint, count(*) AS moves
  FROM steps WHERE next_touchpoint IS NOT NULL
  GROUP BY ALL ORDER BY moves DESC;
"""


# The columns DuckDB reads and Percorso keeps: the log's customer, time, touchpoint, channel,
# event type and value (the generator's region and device are left to both).
IMPORT_ROLES = [
    "--customer", "customer_id",
    "--timestamp", "timestamp",
    "--touchpoint", "touchpoint",
    "--channel", "channel",
    "--event", "event_type",
    "--value", "value",
]


def run(argv, **kwargs):
    """Runs argv to the end; returns (seconds, peak resident memory in MB)."""
    with tempfile.TemporaryFile() as errors:
        start = time.monotonic()
        child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=errors, **kwargs)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.monotonic() - start
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            errors.seek(0)
            sys.stderr.write(errors.read().decode(errors="replace"))
            sys.exit(f"failed ({code}): {argv[0]} {argv[1]}")
    return seconds, usage.ru_maxrss / 1024


def main():
    duckdb_python, percorso, journey, csv, scratch, runs = sys.argv[1:7]
    runs = int(runs)
    threads = os.cpu_count() or 1
    sql = DUCKDB_SQL.format(csv=csv, threads=threads)
    duck_script = (
        "import duckdb, sys\n"
        "con = duckdb.connect()\n"
        "for statement in sys.argv[1].split(';'):\n"
        "    if statement.strip():\n"
        "        con.execute(statement).fetchall()\n"
    )
    duck, ours = [], []
    for i in range(runs):
        seconds, mb = run([duckdb_python, "-c", duck_script, sql])
        duck.append((seconds, mb))
        print(f"run {i + 1}: DuckDB load + query {seconds:6.2f} s, peak {mb:6.0f} MB", flush=True)

        workspace = os.path.join(scratch, f"bench-{i}.percorso")
        if os.path.exists(workspace):
            os.remove(workspace)
        shutil.copyfile(journey, workspace)
        imported, import_mb = run(
            [percorso, "import", "--workspace", workspace, *IMPORT_ROLES, csv]
        )
        reported, report_mb = run(
            [percorso, "report", "--workspace", workspace, "--format", "json"]
        )
        ours.append((imported + reported, max(import_mb, report_mb), imported, reported))
        print(
            f"run {i + 1}: Percorso import {imported:6.2f} s (peak {import_mb:5.0f} MB) + report"
            f" {reported:5.2f} s (peak {report_mb:5.0f} MB) = {imported + reported:6.2f} s",
            flush=True,
        )
        os.remove(workspace)

    duck_s = statistics.median(s for s, _ in duck)
    duck_mb = max(mb for _, mb in duck)
    ours_s = statistics.median(s for s, _, _, _ in ours)
    ours_mb = max(mb for _, mb, _, _ in ours)
    import_s = statistics.median(i for _, _, i, _ in ours)
    report_s = statistics.median(r for _, _, _, r in ours)
    print()
    print(f"DuckDB   load + query:    median {duck_s:6.2f} s, peak memory {duck_mb:6.0f} MB")
    print(
        f"Percorso import + report: median {ours_s:6.2f} s (import {import_s:.2f} s, report"
        f" {report_s:.2f} s), peak memory {ours_mb:6.0f} MB"
    )
    print(f"ratio (DuckDB / Percorso): {duck_s / ours_s:.2f}")


if __name__ == "__main__":
    main()
