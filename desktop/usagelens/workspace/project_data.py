"""The analysable data of a project: raw sources run through their recipes, then encoded.

This is the one place that turns a project into analysis inputs, so the GUI, the report and the CLI all
compute on exactly the same cleaned table.
"""

from __future__ import annotations

import pandas as pd

from usagelens.analytics import EventLog
from usagelens.analytics.kpi import KpiInputs
from usagelens.cleaning import apply_recipe
from usagelens.model import Project, Source, SourceKind


def cleaned_table(project: Project, source: Source) -> pd.DataFrame:
    """The source's raw table with its enabled recipe steps applied (the raw table is left untouched)."""
    steps = project.recipes.get(source.id, [])
    if not steps:
        return source.table
    return apply_recipe(source.table, steps, roles=source.roles, salt=project.pseudonym_salt).frame


def events_source(project: Project) -> Source | None:
    """The behavioural source analyses run on (the first one, as the GUI shows them)."""
    sources = project.sources_of(SourceKind.EVENTS)
    return sources[0] if sources else None


def event_log(project: Project, source: Source) -> EventLog:
    """Encode a cleaned events source once; every metric of the engine then runs on it."""
    return encode_events(source, cleaned_table(project, source))


def encode_events(source: Source, frame: pd.DataFrame) -> EventLog:
    """Encode an (already cleaned) table of an events source using its column roles."""
    roles = source.roles
    columns = {roles.get(r) for r in ("user_id", "timestamp", "event")}
    properties = [c for c in frame.columns if c not in columns]
    return EventLog.from_frame(
        frame, user=roles["user_id"], time=roles["timestamp"], event=roles["event"], properties=properties
    )


def feedback_table(project: Project) -> pd.DataFrame | None:
    """The first feedback source with a score, cleaned, as columns ``score``, ``time`` (NaT when the
    source has no time column) and ``comment`` (empty text when it has none)."""
    for source in project.sources_of(SourceKind.FEEDBACK):
        column = source.roles.get("score")
        if not column:
            continue
        table = cleaned_table(project, source)
        if column not in table.columns:
            continue
        time_column, comment_column = source.roles.get("timestamp"), source.roles.get("comment")
        times = table[time_column] if time_column in table.columns else pd.Series(pd.NaT, index=table.index)
        comments = table[comment_column] if comment_column in table.columns else pd.Series("", index=table.index)
        return pd.DataFrame({
            "score": pd.to_numeric(table[column], errors="coerce"),
            "time": pd.to_datetime(times, errors="coerce"),
            "comment": comments.fillna("").astype(str),
        })
    return None


def kpi_inputs(project: Project, log: EventLog | None) -> KpiInputs:
    table = feedback_table(project)
    if table is None:
        return KpiInputs(log=log)
    return KpiInputs(log=log, scores=table["score"], score_times=table["time"])


def frequent_events(project: Project, limit: int = 40) -> list[str]:
    """The most frequent event names of the raw events source, for pickers (cheap: one value count)."""
    source = events_source(project)
    column = source.roles.get("event") if source else None
    if source is None or not column or column not in source.table.columns:
        return []
    return [str(name) for name in source.table[column].value_counts().index[:limit]]
