"""The analysable data of a project: raw sources run through their recipes, then encoded.

This is the one place that turns a project into analysis inputs, so the GUI, the report and the CLI all
compute on exactly the same cleaned table.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Protocol

import pandas as pd

from usagelens.analytics import AnalysisError, EventLog, Payments
from usagelens.analytics.engine_events import Events
from usagelens.analytics.kpi import KpiInputs
from usagelens.cleaning import apply_recipe
from usagelens.io.warehouse.url import WarehouseError
from usagelens.model import Project, Source, SourceKind
from usagelens.model.stored_table import table_column
from usagelens.model.translatable import QT_TRANSLATE_NOOP
from usagelens.workspace.metrics import MetricsTable
from usagelens.workspace.selection import combine, selection
from usagelens.workspace.stored_logs import stored_or_encoded


def cleaned_table(project: Project, source: Source) -> pd.DataFrame:
    """The source's raw table with its enabled recipe steps applied (the raw table is left untouched)."""
    steps = project.recipes.get(source.id, [])
    if not steps:
        return source.table
    return apply_recipe(source.table, steps, roles=source.roles, pseudonym_key=project.pseudonym_key).frame


class DataProvider(Protocol):
    """Where cleaned tables and encoded logs come from (the GUI's ``DataCache`` memoises them)."""

    def cleaned(self, project: Project, source: Source) -> pd.DataFrame: ...

    def event_log(self, project: Project, source: Source) -> EventLog: ...

    def analysed_log(self, project: Project, sources: Sequence[Source]) -> EventLog: ...


class DirectData:
    """A provider that keeps nothing in memory between calls (the CLI, the report and tests need no cache);
    the logs of big saved sources still come from the user cache (:mod:`stored_logs`)."""

    def cleaned(self, project: Project, source: Source) -> pd.DataFrame:
        return cleaned_table(project, source)

    def event_log(self, project: Project, source: Source) -> EventLog:
        # a big saved source maps (or builds) its stored log, as in the app: the report of a 10M-event project
        # then never decodes its table
        return stored_or_encoded(project, source, lambda: event_log(project, source))[0]

    def analysed_log(self, project: Project, sources: Sequence[Source]) -> EventLog:
        if len(sources) == 1:
            return self.event_log(project, sources[0])
        return combined_log(sources, [self.cleaned(project, s) for s in sources])


def event_log(project: Project, source: Source) -> EventLog:
    """Encode a cleaned events source once; every metric of the engine then runs on it."""
    return encode_events(source, cleaned_table(project, source))


def encode_events(source: Source, frame: pd.DataFrame) -> EventLog:
    """Encode an (already cleaned) table of an events source using its column roles."""
    return encode_frame(frame, source.roles)


def encode_frame(frame: pd.DataFrame, roles: dict[str, str]) -> EventLog:
    """Encode a cleaned event table whose user, time and event columns ``roles`` names."""
    columns = {roles.get(r) for r in ("user_id", "timestamp", "event")}
    properties = [c for c in frame.columns if c not in columns]
    return EventLog.from_frame(
        frame, user=roles["user_id"], time=roles["timestamp"], event=roles["event"], properties=properties
    )


def combined_log(sources: Sequence[Source], tables: Sequence[pd.DataFrame]) -> EventLog:
    """Several cleaned event sources encoded as one log (``selection.SOURCE_COLUMN`` tells them apart)."""
    return encode_frame(*combine(sources, tables))


def analysed_log(project: Project, provider: DataProvider | None = None) -> EventLog | None:
    """The event log the analyses, KPIs and report run on: the selected event sources, combined (None when
    there are none, or when they are a warehouse's: see :func:`linked_events_source`)."""
    sources = selection(project, SourceKind.EVENTS).sources
    if not sources or events_in_warehouse(project):
        return None
    return (provider or DirectData()).analysed_log(project, sources)


def linked_events_source(project: Project) -> Source | None:
    """The selected events source when it is a warehouse's table (its analyses then run in the warehouse; its
    table is only a preview). :class:`LookupError` when it is selected with other event sources, which the
    warehouse cannot join (its cleaning steps run in the warehouse: :func:`.warehouse.linked_read`)."""
    sources = selection(project, SourceKind.EVENTS).sources
    linked = [source for source in sources if source.link is not None]
    if not linked:
        return None
    if len(sources) > 1:
        raise LookupError(QT_TRANSLATE_NOOP(
            "Analysis", "{source} is a warehouse's table, which cannot be combined with other event sources: choose "
                        "it alone in the data selection.").format(source=linked[0].name))
    return linked[0]


def last_data_day(project: Project) -> date | None:
    """The last day with an event in the analysed event sources (cheap: a column maximum, no encoding; a
    warehouse's table asks its warehouse, as its first rows kept here say nothing of its end, or the result of
    that kept in the project)."""
    ends = [_last_time(project, source) for source in selection(project, SourceKind.EVENTS).sources]
    ends = [end for end in ends if pd.notna(end)]
    return max(pd.Timestamp(end) for end in ends).date() if ends else None


def _last_time(project: Project, source: Source) -> object:
    if source.link is None:
        return table_column(source, source.roles["timestamp"]).max()
    from usagelens.workspace.warehouse_results import kept_events  # Ibis loads only for a warehouse's project

    try:
        return kept_events(project, source, raw=True).end()  # the raw table's end, as a file's column maximum
    except (WarehouseError, AnalysisError):
        return pd.NaT  # no day to suggest: measuring the KPI then says what is wrong


def events_in_warehouse(project: Project) -> bool:
    """Whether an analysed events source is a warehouse's table (then facts about the events are queries)."""
    return any(source.link is not None for source in selection(project, SourceKind.EVENTS).sources)


def analysed_table(project: Project, kind: SourceKind,
                   provider: DataProvider | None = None) -> tuple[pd.DataFrame, dict[str, str]] | None:
    """The selected sources of ``kind``, cleaned and combined, with the roles to read them (None: none)."""
    sources = selection(project, kind).sources
    if not sources:
        return None
    provider = provider or DirectData()
    return combine(sources, [provider.cleaned(project, s) for s in sources])


def feedback_table(project: Project, provider: DataProvider | None = None) -> pd.DataFrame | None:
    """The selected feedback sources, cleaned, as columns ``score``, ``time`` and ``comment`` (empty text
    where a source has no comment column)."""
    combined = analysed_table(project, SourceKind.FEEDBACK, provider)
    return None if combined is None else answers_of(*combined)


def answers_of(table: pd.DataFrame, roles: dict[str, str]) -> pd.DataFrame:
    """A cleaned feedback table as :func:`feedback_table` gives it, from the table and its column roles."""
    comment_column = roles.get("comment")
    comments = table[comment_column] if comment_column in table.columns else pd.Series("", index=table.index)
    return pd.DataFrame({
        "score": pd.to_numeric(table[roles["score"]], errors="coerce"),
        "time": pd.to_datetime(table[roles["timestamp"]], errors="coerce"),
        "comment": comments.fillna("").astype(str),
    })


def kpi_inputs(project: Project, log: EventLog | None, provider: DataProvider | None = None) -> KpiInputs:
    """What the project's KPIs are measured on: the event log (or a warehouse's events), the survey answers
    and the metrics exports."""
    table = feedback_table(project, provider)
    metrics = analysed_metrics(project, provider)
    daily = None if metrics is None or not metrics.metrics else metrics.daily_totals()
    events = _warehouse_events(project)
    revenue = {"payments": analysed_payments(project, provider), "rates": project.exchange_rates}
    if table is None:
        return KpiInputs(log=log, metrics=daily, events=events, **revenue)
    return KpiInputs(log=log, scores=table["score"], score_times=table["time"], metrics=daily, events=events,
                     **revenue)


def analysed_payments(project: Project, provider: DataProvider | None = None) -> Payments | None:
    """The selected revenue sources' payments, combined (the revenue analysis and the ARPU KPI read them)."""
    combined = analysed_table(project, SourceKind.REVENUE, provider)
    if combined is None:
        return None
    table, roles = combined
    return Payments.from_frame(table, user=roles["user_id"], time=roles["timestamp"], amount=roles["amount"],
                               currency=roles.get("currency") or None)


def _warehouse_events(project: Project) -> Events | None:
    """The selected warehouse table's events, answered from the results kept in the project where they can be,
    when the project's events stay in a warehouse and it can be reached or its view's columns are kept (else
    the KPIs say there is no event log, and the analyses say why)."""
    try:
        source = linked_events_source(project)
        if source is None:
            return None
        from usagelens.workspace.warehouse_results import kept_events  # Ibis loads only for a warehouse's project

        return kept_events(project, source)
    except (LookupError, WarehouseError):
        return None


def analysed_metrics(project: Project, provider: DataProvider | None = None) -> MetricsTable | None:
    """The selected aggregated exports (date × counts), cleaned and combined."""
    combined = analysed_table(project, SourceKind.METRICS, provider)
    return None if combined is None else MetricsTable(combined[0], combined[1]["timestamp"])


def metric_names(project: Project) -> list[str]:
    """The metrics of the selected aggregated exports (cheap: the raw tables' numeric columns)."""
    return [name for source in selection(project, SourceKind.METRICS).sources
            for name in MetricsTable(source.table, source.roles["timestamp"]).metrics]


def frequent_events(project: Project, limit: int = 40) -> list[str]:
    """The most frequent event names of the analysed raw event sources, for pickers (cheap: value counts)."""
    counts = [source.table[source.roles["event"]].value_counts()
              for source in selection(project, SourceKind.EVENTS).sources]
    if not counts:
        return []
    total = pd.concat(counts).groupby(level=0, sort=False).sum().sort_values(ascending=False, kind="stable")
    return [str(name) for name in total.index[:limit]]
