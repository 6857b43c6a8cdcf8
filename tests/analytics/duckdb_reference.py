"""An independent SQL implementation of the design §4 definitions, for cross-checks and benchmarks.

Written from the definitions, not from the numpy code: set-based SQL over the raw rows, so agreement
between the two is evidence that both read the definitions the same way. Test-only (DuckDB is not a
runtime dependency); ``tests/benchmarks`` times these same queries as the baseline.
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb
import pandas as pd

PERIOD_INDEX = {
    "day": "(epoch(date_trunc('day', ts))::BIGINT // 86400)",
    "week": "(epoch(date_trunc('week', ts))::BIGINT // 86400 // 7)",
    "month": "(year(ts) * 12 + month(ts) - 1)::BIGINT",
}


def load(con: duckdb.DuckDBPyConnection, source: str, *, user: str, time: str, event: str) -> None:
    """Create table ``ev(uid, ts, event, src)`` from ``source`` (a registered frame or a
    ``read_parquet(...)`` call); ``src`` keeps the source order for the design's tie rule."""
    con.execute(
        f"""CREATE OR REPLACE TABLE ev AS
        SELECT "{user}"::VARCHAR AS uid, "{time}"::TIMESTAMP AS ts, "{event}"::VARCHAR AS event,
               row_number() OVER () AS src
        FROM {source}
        WHERE "{user}" IS NOT NULL AND "{time}" IS NOT NULL AND "{event}" IS NOT NULL"""
    )


def connect(frame: pd.DataFrame, *, user: str, time: str, event: str) -> duckdb.DuckDBPyConnection:
    """A fresh connection with ``frame`` loaded as table ``ev``."""
    con = duckdb.connect()
    con.register("source", frame)
    load(con, "source", user=user, time=time, event=event)
    con.unregister("source")
    return con


def active_users(con: duckdb.DuckDBPyConnection, period: str) -> pd.DataFrame:
    """``period`` (period index, see PERIOD_INDEX), ``active_users``; periods with activity only."""
    return con.execute(
        f"""SELECT {PERIOD_INDEX[period]} AS period, count(DISTINCT uid) AS active_users
        FROM ev GROUP BY 1 ORDER BY 1"""
    ).df()


def retention(con: duckdb.DuckDBPyConnection, period: str, mode: str) -> pd.DataFrame:
    """``cohort`` (period index), ``cohort_size``, ``period_offset``, ``retained_users``; start and return
    events "any", cells up to the last period of the data; ``mode`` is "on" or "on_or_after"."""
    retained = (
        """SELECT c.cohort, a.per - c.cohort AS n, count(*) AS k
           FROM acts a JOIN cohorts c USING (uid) GROUP BY 1, 2"""
        if mode == "on"
        else """SELECT l.cohort, o.n, count(*) AS k FROM
                (SELECT c.cohort, max(a.per) - c.cohort AS reach FROM acts a JOIN cohorts c USING (uid)
                 GROUP BY c.uid, c.cohort) l JOIN offsets o ON o.n <= l.reach GROUP BY 1, 2"""
    )
    return con.execute(
        f"""WITH acts AS (SELECT DISTINCT uid, {PERIOD_INDEX[period]} AS per FROM ev),
        cohorts AS (SELECT uid, min(per) AS cohort FROM acts GROUP BY uid),
        sizes AS (SELECT cohort, count(*) AS cohort_size FROM cohorts GROUP BY cohort),
        bounds AS (SELECT min(per) AS first_per, max(per) AS last_per FROM acts),
        offsets AS (SELECT range AS n FROM range(0, (SELECT last_per - first_per + 1 FROM bounds))),
        retained AS ({retained})
        SELECT s.cohort, s.cohort_size, o.n AS period_offset, coalesce(r.k, 0) AS retained_users
        FROM sizes s CROSS JOIN offsets o CROSS JOIN bounds b
        LEFT JOIN retained r ON r.cohort = s.cohort AND r.n = o.n
        WHERE s.cohort + o.n <= b.last_per
        ORDER BY 1, 3"""
    ).df()


def funnel_users(
    con: duckdb.DuckDBPyConnection, steps: Sequence[str], window_seconds: float | None
) -> list[int]:
    """Users per step of a sequential funnel: entry at the first S1; step j is the earliest unused Sj row
    at or after step j−1's time (ties by source order), within the window from the entry."""
    ctes = [
        "evr AS (SELECT uid, ts, event, row_number() OVER (PARTITION BY uid ORDER BY ts, src) AS rn FROM ev)",
        """s1 AS (SELECT uid, ts AS t1, ts AS t, rn AS r1 FROM evr
            WHERE event = $s1 QUALIFY row_number() OVER (PARTITION BY uid ORDER BY rn) = 1)""",
    ]
    params = {"s1": steps[0]}
    for j in range(2, len(steps) + 1):
        used = " AND ".join(f"e.rn <> p.r{i}" for i in range(1, j))
        carried = ", ".join(f"p.r{i}" for i in range(1, j))
        window = f"AND e.ts <= p.t1 + to_microseconds({int(window_seconds * 1e6)})" if window_seconds else ""
        ctes.append(
            f"""s{j} AS (SELECT p.uid, p.t1, e.ts AS t, {carried}, e.rn AS r{j}
                FROM s{j - 1} p JOIN evr e
                  ON e.uid = p.uid AND e.event = $s{j} AND e.ts >= p.t AND {used} {window}
                QUALIFY row_number() OVER (PARTITION BY p.uid ORDER BY e.ts, e.rn) = 1)"""
        )
        params[f"s{j}"] = steps[j - 1]
    counts = " UNION ALL ".join(
        f"SELECT {j} AS step, count(*) AS n FROM s{j}" for j in range(1, len(steps) + 1)
    )
    query = f"WITH {', '.join(ctes)} {counts} ORDER BY step"
    return [int(n) for n in con.execute(query, params).df()["n"]]


def event_counts(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """``event``, ``events``, ``users`` per event name."""
    return con.execute(
        "SELECT event, count(*) AS events, count(DISTINCT uid) AS users FROM ev GROUP BY 1 ORDER BY 2 DESC, 1"
    ).df()


def transitions(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """``from_event``, ``to_event``, ``count`` of directly consecutive events of a user."""
    return con.execute(
        """SELECT from_event, to_event, count(*) AS count FROM (
             SELECT event AS from_event, lead(event) OVER (PARTITION BY uid ORDER BY ts, src) AS to_event
             FROM ev)
           WHERE to_event IS NOT NULL GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2"""
    ).df()


def sessions_per_day(con: duckdb.DuckDBPyConnection, gap_seconds: float) -> pd.DataFrame:
    """``day`` (index), ``sessions``, ``users``: sessions split at gaps longer than ``gap_seconds``."""
    return con.execute(
        f"""WITH marked AS (
              SELECT uid, ts, CASE WHEN lag(ts) OVER w IS NULL
                  OR epoch_us(ts) - epoch_us(lag(ts) OVER w) > {int(gap_seconds * 1e6)}
                  THEN 1 ELSE 0 END AS new
              FROM ev WINDOW w AS (PARTITION BY uid ORDER BY ts, src))
           SELECT {PERIOD_INDEX["day"]} AS day, count(*) AS sessions, count(DISTINCT uid) AS users
           FROM marked WHERE new = 1 GROUP BY 1 ORDER BY 1"""
    ).df()
