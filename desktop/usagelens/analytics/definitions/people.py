"""The people behind a number, on a standard view: who the users of a group are and what one of them did, as
small queries where the events lie (issue 16.3 on a warehouse). The groups themselves are cohort conditions
(:meth:`ViewEvents.members`), so a funnel's drop-off is listed by the very definition that counts it."""

from __future__ import annotations

import ibis.expr.types as ir
import pandas as pd

from usagelens.analytics.definitions.view import EVENT, TIE_BREAK, TIME, USER, USER_KEY, fetch, ordering


def user_activity(view: ir.Table) -> pd.DataFrame:
    """One row per user of ``view``, by user id: ``user_id``, ``events``, ``first_seen``, ``last_seen``
    (times as naive UTC, as the numpy path lists them)."""
    per_user = view.group_by(USER).aggregate(events=view.count(), first_seen=view[TIME].min(),
                                             last_seen=view[TIME].max())
    frame = fetch(per_user.order_by(USER))
    return pd.DataFrame({
        "user_id": frame[USER].astype(object),
        "events": frame["events"].astype("int64"),
        "first_seen": _naive(frame["first_seen"]),
        "last_seen": _naive(frame["last_seen"]),
    })


def user_events(view: ir.Table, user_id: str) -> pd.DataFrame:
    """The events of ``user_id`` in the view's order (time, then the tie-break or the name): ``time``
    (naive UTC), ``event``, then the view's properties."""
    mine = view.filter(view[USER] == user_id)
    frame = fetch(mine.order_by(ordering(mine)))
    properties = [c for c in frame.columns if c not in (USER, TIME, EVENT, TIE_BREAK, USER_KEY)]
    events = pd.DataFrame({"time": _naive(frame[TIME]), "event": frame[EVENT].astype(object)})
    return pd.concat([events, frame[properties].reset_index(drop=True)], axis=1)


def _naive(times: pd.Series) -> pd.Series:
    stamps = pd.to_datetime(times)
    if stamps.dt.tz is not None:
        stamps = stamps.dt.tz_convert("UTC").dt.tz_localize(None)
    return stamps.astype("datetime64[ns]").reset_index(drop=True)
