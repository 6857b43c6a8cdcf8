"""Pain signals on the accelerator against each user's events walked one by one, whatever the block size."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd
import pytest

from usagelens.analytics import EventLog, kernels
from usagelens.analytics.pain import COUNTS, step_signals

STEPS = ["open", "search", "buy"]
ERRORS, SUPPORT = ["crash", "buy"], ["help", "crash"]  # buy is a step, crash an error: both as they say
GAP = pd.Timedelta(minutes=3)
START, END = pd.Timestamp("2024-01-03"), pd.Timestamp("2024-01-09")


def _frame(seed: int) -> pd.DataFrame:
    """Users whose runs of signals begin and end blocks, and who may have no step or no event in the range."""
    rng = np.random.default_rng(seed)
    n = 2_000
    return pd.DataFrame({
        "user": rng.choice([f"u{i}" for i in range(40)], n),
        # minutes apart over ten days, with ties: repeats within the gap and some just outside
        "time": pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 60 * 24 * 10, n) // 2 * 2, "min"),
        "event": rng.choice([*STEPS, "share", "crash", "help", "crash", "help"], n),
    })


def _walked(frame: pd.DataFrame, start: pd.Timestamp | None) -> Counter:
    """Counts by (user, step, column) from each user's events in time order: a signal goes to the last action
    before it, a repeat is the same step as the very next action within the gap."""
    counts: Counter = Counter()
    rows = frame.sort_values(["user", "time"], kind="stable")
    if start is not None:
        rows = rows[(rows["time"] >= START) & (rows["time"] < END + pd.Timedelta(days=1))]
    for user, events in rows.groupby("user", sort=False):
        action: tuple[str, pd.Timestamp] | None = None
        for time, event in zip(events["time"], events["event"], strict=True):
            if event in STEPS or event not in [*ERRORS, *SUPPORT]:
                if action and action[0] == event and event in STEPS and time - action[1] <= GAP:
                    counts[user, event, "repeats"] += 1
                action = (event, time)
                if event in STEPS:
                    counts[user, event, "events"] += 1
            elif action and action[0] in STEPS:
                counts[user, action[0], "errors" if event in ERRORS else "support"] += 1
    return counts


@pytest.mark.parametrize("chunk", [1, 7, 300, 1 << 23])
@pytest.mark.parametrize("ranged", [False, True])
def test_signals_match_walking_each_user(monkeypatch: pytest.MonkeyPatch, chunk: int, ranged: bool) -> None:
    frame = _frame(chunk)
    monkeypatch.setattr(kernels, "CHUNK_ROWS", chunk)
    log = EventLog.from_frame(frame, user="user", time="time", event="event")
    table = step_signals(log, STEPS, errors=ERRORS, support=SUPPORT, gap=GAP,
                         **({"start": START, "end": END} if ranged else {}))
    got = Counter({(user, step, name): value for user, step, *values in table.itertuples(index=False)
                   for name, value in zip(COUNTS, values, strict=True) if value})
    assert got == _walked(frame, START if ranged else None)
    assert table[COUNTS].sum().gt(0).all()  # every kind of count happens
