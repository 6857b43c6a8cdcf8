"""Event logs from rows drawn by hypothesis as ``(user, steps after the previous row of anyone)``: a random
interleaving of users whose gaps the test chooses (minutes across a session's gap, hours across midnight)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from usagelens.analytics import EventLog


def stepped_log(rows: list[tuple[int, int]], start: pd.Timestamp, unit: str) -> EventLog:
    """One ``view`` per row, by user ``u<user>``, each ``step`` ``unit``\\s after the row before it."""
    steps = np.cumsum([step for _, step in rows], dtype=np.int64)
    frame = pd.DataFrame({
        "user_id": [f"u{user}" for user, _ in rows],
        "timestamp": start + pd.to_timedelta(steps, unit=unit),
        "event": "view",
    })
    return EventLog.from_frame(frame, user="user_id", time="timestamp", event="event")
