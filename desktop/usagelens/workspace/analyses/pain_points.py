"""Pain points, triangulated (issue 16.7): per journey step and segment, five signals of trouble ranked together
and joined to what the users involved said.

The signals of a row (a step, for the users of one segment who did it in the range):

- **errors** and **support contacts** per time the step was done: error events (names matching the error
  patterns) and support contacts (the support patterns) between the step and the user's next action;
- **repeats**: the share of times the user did the step again within a few seconds (a rage-click);
- **drop-off**: of the users who reached the step in the funnel of the steps, the share who went no further;
- **detractors**: of the survey answers the row's users gave in the range, the share from 0 to 6 (NPS; 1 to 3
  on CSAT).

The pain score is the mean of the row's percentile ranks among the rows on each signal it has, from 0 to 100
(100: the worst row on every signal) — no weights to argue about. The row-level counts come from
``step_signals`` and the funnel's ``cohort_members`` on either engine; the join to segments, survey answers
and feedback themes happens here, over the small per-user table.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from types import ModuleType

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from usagelens.analytics.encoding import as_text
from usagelens.analytics.themes import as_quote, starter_rules, theme_mask, theme_word
from usagelens.model import SourceKind, ThemeRule
from usagelens.model.translatable import QT_TRANSLATE_NOOP, joined, plural
from usagelens.workspace import project_data
from usagelens.workspace.analyses.behaviour import date_range
from usagelens.workspace.analyses.spec import (
    AnalysisInputs,
    AnalysisResult,
    ChartData,
    DataFacts,
    Param,
    Params,
    Series,
)

ERROR_PATTERNS = "error, fail, crash, exception"
SUPPORT_PATTERNS = "support, help, ticket"
EVERYONE = "Everyone"
MIN_USERS = 20  # default: rows with fewer users are left out, one angry user would top the table
MIN_ANSWERS = 5  # fewer answers give no detractor share
PREFERRED_SEGMENTS = ("platform", "device", "os", "device_type", "browser")
SIGNALS = (
    ("error_rate", "errors"),
    ("support_rate", "support contacts"),
    ("repeat_rate", "repeats"),
    ("drop_off_rate", "drop-off"),
    ("detractor_share", "detractors"),
)
SCORE_TEXT = QT_TRANSLATE_NOOP("Analysis", "Pain score = the mean of the row's percentile ranks among the rows on "
                                          "error rate, support-contact rate, repeats, drop-off and detractor share "
                                          "(those it has), 0–100: 100 is the worst row on each.")
COLUMNS = ["step", "segment", "pain_score", "users", *(name for name, _ in SIGNALS), "answers", "users_involved",
           "top_theme", "quote"]
CHART_ROWS = 10


def params(facts: DataFacts) -> list[Param]:
    """The panel's own parameters (the counted-under choice and the date range come from the gallery); the
    steps default to the typical journey, the segment to a platform-like attribute (where pain differs most)."""
    events = tuple((e, e) for e in facts.events)
    journey = list(facts.journey) or list(facts.events[:3])
    attributes = facts.attributes
    segment = next((a for a in PREFERRED_SEGMENTS if a in attributes), "")
    return [
        Param("steps", QT_TRANSLATE_NOOP("Analysis", "Steps"), "events", journey, events,
              help=QT_TRANSLATE_NOOP("Analysis",
                                     "The journey steps to look at, in order (a funnel's steps, for the drop-off)")),
        Param("by", QT_TRANSLATE_NOOP("Analysis", "Per segment of"), "attribute", segment,
              tuple((a, a) for a in attributes), optional=True,
              help=QT_TRANSLATE_NOOP("Analysis",
                                     "Split each step by a customer attribute or event property, e.g. platform "
                                     "or plan")),
        Param("errors", QT_TRANSLATE_NOOP("Analysis", "Error events"), "text", ERROR_PATTERNS,
              help=QT_TRANSLATE_NOOP("Analysis",
                                     "Events whose name contains one of these words (comma-separated) count as "
                                     "errors")),
        Param("support", QT_TRANSLATE_NOOP("Analysis", "Support events"), "text", SUPPORT_PATTERNS,
              help=QT_TRANSLATE_NOOP("Analysis",
                                     "Events whose name contains one of these words count as support contacts")),
        Param("repeat_seconds", QT_TRANSLATE_NOOP("Analysis", "Repeat within"), "int", 10, minimum=1, maximum=3600,
              unit=QT_TRANSLATE_NOOP("Analysis", "s"),
              help=QT_TRANSLATE_NOOP("Analysis", "The same step again this soon counts as a repeat (a rage-click)")),
        Param("window_days", QT_TRANSLATE_NOOP("Analysis", "Funnel within"), "int", 14, maximum=365,
              unit=QT_TRANSLATE_NOOP("Analysis", "days"), zero_text=QT_TRANSLATE_NOOP("Analysis", "no time limit"),
              help=QT_TRANSLATE_NOOP("Analysis",
                                     "For the drop-off: every step must be reached this long after the first")),
        Param("min_users", QT_TRANSLATE_NOOP("Analysis", "Rows with at least"), "int", MIN_USERS, minimum=1,
              maximum=1_000_000, unit=QT_TRANSLATE_NOOP("Analysis", "users"),
              help=QT_TRANSLATE_NOOP("Analysis",
                                     "A step and segment with fewer users is left out, so a handful of users "
                                     "cannot top the table")),
    ]


def matching_events(names: Sequence[str], patterns: str, exclude: Sequence[str] = ()) -> list[str]:
    """The event names containing one of the comma-separated ``patterns`` (case-insensitive), ``exclude`` left out."""
    words = [w.strip().lower() for w in str(patterns or "").split(",") if w.strip()]
    return [n for n in names if n not in exclude and any(w in n.lower() for w in words)]


@dataclass(frozen=True)
class Feedback:
    """Survey answers of known users: ``user_id`` (text), ``score``, ``comment``, optionally ``time`` (when
    answered); and the score's scale."""

    answers: pd.DataFrame
    scale: str  # "nps" or "csat"

    def unhappy(self) -> np.ndarray:
        limit = 6 if self.scale == "nps" else 3
        return (self.answers["score"] <= limit).to_numpy(bool)

    def within(self, start: object = None, end: object = None) -> Feedback:
        """The answers given in the date range (whole days), as the steps are counted in it."""
        if "time" not in self.answers.columns or (start is None and end is None):
            return self
        times = self.answers["time"]
        keep = times.notna()
        if start is not None:
            keep &= times >= pd.Timestamp(str(start))
        if end is not None:
            keep &= times < pd.Timestamp(str(end)) + pd.Timedelta(days=1)
        return Feedback(self.answers[keep.to_numpy(bool)].reset_index(drop=True), self.scale)


def feedback_of(inputs: AnalysisInputs) -> Feedback | None:
    """The selected feedback sources' answers with a user id, as the analyses clean them (None: no user column).

    Read for everyone even when the analysis is filtered to a cohort: answers join the rows by user id, so only
    the cohort's users' answers are counted."""
    combined = project_data.analysed_table(inputs.project, SourceKind.FEEDBACK, inputs.provider)
    survey = AnalysisInputs(inputs.project, inputs.provider).survey  # a cohort's inputs refuse it as a whole
    if combined is None or not combined[1].get("user_id") or survey is None:
        return None
    table, roles = combined
    comment = roles.get("comment")
    answers = pd.DataFrame({
        "user_id": as_text(table[roles["user_id"]]).to_numpy(object),
        "score": pd.to_numeric(table[roles["score"]], errors="coerce").to_numpy(float),
        "comment": table[comment].fillna("").astype(str).to_numpy(object) if comment in table.columns else "",
        "time": pd.to_datetime(table[roles["timestamp"]], errors="coerce").to_numpy(),
    })
    answers = answers[answers["user_id"].notna() & answers["score"].notna()].reset_index(drop=True)
    return Feedback(answers, survey[2])


def compute_pain_points(inputs: AnalysisInputs, params: Params) -> AnalysisResult:
    """:func:`pain_points` on the analysed events (a log, or a warehouse's view), with the customers, survey
    answers and theme rules of the project. The error and support events are looked for among the data facts'
    events, but a cohort's among its members' own (the facts are everyone's): the message names the events
    counted, and one the members never did would read as one of their pains."""
    events = inputs.events
    return pain_points(events.metrics, events.data, params, customers=events.customers,
                       feedback=feedback_of(inputs), themes=inputs.project.themes or starter_rules(),
                       event_names=inputs.facts.events if inputs.cohort is None else ())


def pain_points(metrics: ModuleType, data: object, params: Params, *, customers: object | None = None,
                feedback: Feedback | None = None, themes: Sequence[ThemeRule] = (),
                event_names: Sequence[str] = ()) -> AnalysisResult:
    """The ranked table on either engine: ``metrics`` is :mod:`usagelens.analytics` with an event log, or
    :mod:`usagelens.analytics.definitions` with a standard view (the same functions, see ``analyses.events``);
    ``event_names`` as :func:`user_signals` takes them."""
    signals = user_signals(metrics, data, params, customers=customers, event_names=event_names)
    feedback = feedback.within(**date_range(params)) if feedback is not None else None
    least = int(params.get("min_users") or MIN_USERS)
    table = ranked(step_rows(signals.per_user, signals.steps, feedback, themes, least))
    return _result(params, table, signals, feedback, least, small=_small_rows(signals.per_user, least))


@dataclass(frozen=True)
class UserSignals:
    """The per-user table behind the rows, and the events counted as errors and support contacts."""

    per_user: pd.DataFrame  # segment, user_id, step, events, errors, support, repeats, reached, dropped, involved
    steps: list[str]
    errors: list[str]
    support: list[str]


def user_signals(metrics: ModuleType, data: object, params: Params, *, customers: object | None = None,
                 event_names: Sequence[str] = ()) -> UserSignals:
    """Each user's signals per step, labelled with their segment, with the funnel's drop-off and whether they were
    involved (an error, a support contact or a repeat at the step, or their last step in the funnel): what the
    table aggregates and what the users behind a row are (``workspace.people``).

    The error and support events are found among ``event_names``, the events the analysed users did in the
    log's order (the data facts' events, which each engine gives as :func:`~usagelens.analytics.event_counts`
    does); without them the engine is asked, a pass over every row (0.7 s at 100M events on the accelerator)."""
    steps = list(params.get("steps") or [])
    if not steps:
        raise LookupError(QT_TRANSLATE_NOOP("Analysis", "Choose the journey steps to look at."))
    names = list(event_names) or _events_done(metrics, data)
    errors = matching_events(names, params.get("errors", ERROR_PATTERNS), steps)
    support = matching_events(names, params.get("support", SUPPORT_PATTERNS), [*steps, *errors])
    options = {"errors": errors, "support": support, "gap": f"{int(params['repeat_seconds'])}s", **date_range(params)}
    by = params.get("by") or ""
    if by:  # one pass labelled with each user's segment, not one per segment
        per_user = metrics.step_signals(data, steps, **options, by=by, customers=customers,
                                        counted=params.get("counted") or "first")
    else:
        per_user = metrics.step_signals(data, steps, **options)
        per_user.insert(0, "segment", EVERYONE)
    per_user = with_drop_off(per_user, furthest_steps(metrics, data, steps, params), steps)
    involved = (per_user["errors"] > 0) | (per_user["support"] > 0) | (per_user["repeats"] > 0) | per_user["dropped"]
    return UserSignals(per_user.assign(involved=involved.to_numpy(bool)), steps, errors, support)


def _events_done(metrics: ModuleType, data: object) -> list[str]:
    """The events of ``data``'s users, most frequent first: a cohort's part lists every event of the whole it
    was cut from on either engine (a count of 0 for the others), so those are left out."""
    counts = metrics.event_counts(data)
    return [str(name) for name in counts.loc[counts["events"] > 0, "event"]]


def furthest_steps(metrics: ModuleType, data: object, steps: list[str], params: Params) -> pd.Series:
    """Each funnel user's last step reached (1-based), by user id: the users a funnel rule stops at each step,
    every step in one query (a cohort rule per step ran the funnel once per step)."""
    if len(steps) < 2:
        return pd.Series(dtype="int64")
    days = int(params.get("window_days") or 0)
    reached = metrics.funnel_reached(data, steps, window=f"{days}d" if days else None, **date_range(params))
    return pd.Series(reached["reached"].to_numpy(np.int64), index=reached["user_id"].to_numpy(object))


def with_drop_off(per_user: pd.DataFrame, furthest: pd.Series, steps: list[str]) -> pd.DataFrame:
    """``reached`` (the user reached the row's step in the funnel) and ``dropped`` (and went no further) per row;
    the last step has no drop-off."""
    number = positions(per_user["step"], steps) + 1
    last = np.append(furthest.to_numpy(np.int64), 0)[positions(per_user["user_id"], furthest.index)]  # absent: 0
    has_next = number < len(steps)
    return per_user.assign(reached=(last >= number) & has_next, dropped=(last == number) & has_next)


def positions(values: pd.Series, among: Sequence[str] | pd.Index) -> np.ndarray:
    """Each text value's position in ``among`` (-1 where absent): one hash lookup in Arrow, where mapping the
    400,000 user ids of 100M events one by one took a quarter of a second."""
    text = pa.large_string()  # pandas' own text type: its columns go over as they are
    found = pc.index_in(pa.array(values, type=text), value_set=pa.array(np.asarray(among, dtype=object), type=text))
    return found.fill_null(-1).to_numpy().astype(np.int64)


def _small_rows(per_user: pd.DataFrame, least: int) -> int:
    sizes = per_user.groupby(["step", "segment"], sort=False).size()
    return int((sizes < least).sum())


def step_rows(per_user: pd.DataFrame, steps: list[str], feedback: Feedback | None,
              themes: Sequence[ThemeRule], least: int = MIN_USERS) -> pd.DataFrame:
    """One row per step and segment with ``least`` users or more: the signals and the evidence."""
    hits = _theme_hits(feedback, themes)
    records = []
    for (step, segment), part in per_user.groupby(["step", "segment"], sort=False):
        if len(part) < least:
            continue
        events = int(part["events"].sum())
        reached = int(part["reached"].sum())
        record = {
            "step": step, "segment": segment, "users": len(part),
            "error_rate": part["errors"].sum() / events, "support_rate": part["support"].sum() / events,
            "repeat_rate": part["repeats"].sum() / events,
            "drop_off_rate": part["dropped"].sum() / reached if reached else math.nan,
            "users_involved": int(part["involved"].sum()),
        }
        record.update(_voice(feedback, hits, themes, part["user_id"], part.loc[part["involved"], "user_id"]))
        records.append(record)
    table = pd.DataFrame.from_records(records, columns=[c for c in COLUMNS if c != "pain_score"])
    order = {s: i for i, s in enumerate(steps)}
    return table.sort_values("step", key=lambda s: s.map(order), kind="stable", ignore_index=True)


def _theme_hits(feedback: Feedback | None, themes: Sequence[ThemeRule]) -> np.ndarray:
    """answers × themes: whether each answer's comment mentions each theme."""
    if feedback is None or not themes:
        return np.zeros((0 if feedback is None else len(feedback.answers), 0), dtype=bool)
    comments = feedback.answers["comment"]
    return np.column_stack([theme_mask(comments, rule).to_numpy(bool) for rule in themes])


def _voice(feedback: Feedback | None, hits: np.ndarray, themes: Sequence[ThemeRule], users: pd.Series,
           involved: pd.Series) -> dict[str, object]:
    """Detractor share of the row's users' answers; the top theme of the involved users' comments and one quote
    of it (from the lowest score, so the quote shows the pain)."""
    empty = {"detractor_share": math.nan, "answers": 0, "top_theme": None, "quote": None}  # missing, as in a CSV
    if feedback is None:
        return empty
    answers = feedback.answers
    mine = answers["user_id"].isin(users).to_numpy(bool)
    n = int(mine.sum())
    found: dict[str, object] = {**empty, "answers": n}
    if n >= MIN_ANSWERS:
        found["detractor_share"] = float(feedback.unhappy()[mine].mean())
    said = answers["user_id"].isin(involved).to_numpy(bool) & (answers["comment"].str.strip() != "").to_numpy(bool)
    if not said.any():
        return found
    candidates = said
    if hits.shape[1]:
        counts = hits[said].sum(axis=0)
        if counts.max() > 0:
            best = int(np.argmax(counts))  # ties: the first theme rule
            found["top_theme"] = themes[best].name
            candidates = said & hits[:, best]
    rows = np.flatnonzero(candidates)
    quote_row = rows[np.argsort(answers["score"].to_numpy(float)[rows], kind="stable")[0]]
    found["quote"] = as_quote(str(answers["comment"].iloc[quote_row]))
    return found


def ranked(table: pd.DataFrame) -> pd.DataFrame:
    """``pain_score`` (see :data:`SCORE_TEXT`) inserted after the segment, the most painful row first."""
    ranks = pd.DataFrame({name: table[name].astype(float).rank(pct=True) for name, _ in SIGNALS})
    table.insert(2, "pain_score", (100 * ranks.mean(axis=1, skipna=True)).to_numpy(float))
    table["users"] = table["users"].astype("int64")
    table["answers"] = table["answers"].astype("int64")
    table["users_involved"] = table["users_involved"].astype("int64")
    return table.sort_values("pain_score", ascending=False, kind="stable", ignore_index=True)[COLUMNS]


def row_label(row: pd.Series) -> str:
    return str(row["step"]) if row["segment"] == EVERYONE else f"{row['step']} · {row['segment']}"


def row_summary(row: pd.Series) -> str:
    """The row's signals in words, for the message and a pinned finding."""
    parts = [QT_TRANSLATE_NOOP("Analysis", "errors after {rate:.1%} of the times it was done").format(
                 rate=row["error_rate"]),
             QT_TRANSLATE_NOOP("Analysis", "support contacts after {rate:.1%}").format(rate=row["support_rate"]),
             QT_TRANSLATE_NOOP("Analysis", "repeated within seconds {rate:.1%}").format(rate=row["repeat_rate"])]
    if not pd.isna(row["drop_off_rate"]):
        parts.append(QT_TRANSLATE_NOOP("Analysis", "{rate:.0%} went no further in the funnel").format(
            rate=row["drop_off_rate"]))
    if not pd.isna(row["detractor_share"]):
        parts.append(plural(int(row["answers"]),
                            QT_TRANSLATE_NOOP("Analysis", "{share:.0%} of {count:,} survey answer from detractors"),
                            QT_TRANSLATE_NOOP("Analysis", "{share:.0%} of {count:,} survey answers from detractors")
                            ).format(share=row["detractor_share"]))
    theme = QT_TRANSLATE_NOOP("Analysis", "; their feedback's top theme: {theme}").format(
        theme=theme_word(str(row["top_theme"]))) if pd.notna(row["top_theme"]) else ""
    who = QT_TRANSLATE_NOOP("Analysis", "users") if row["segment"] == EVERYONE else \
        QT_TRANSLATE_NOOP("Analysis", "{segment} users").format(segment=str(row["segment"]))
    users = plural(int(row["users"]), QT_TRANSLATE_NOOP("Analysis", "{count:,} user"),
                   QT_TRANSLATE_NOOP("Analysis", "{count:,} users"))
    return QT_TRANSLATE_NOOP("Analysis", "{step} for {who} ({users}, {involved:,} involved; pain score {score:.0f}): "
                                         "{signals}{theme}.").format(
        step=str(row["step"]), who=who, users=users, involved=int(row["users_involved"]), score=row["pain_score"],
        signals=joined(parts, ", "), theme=theme)


def row_finding_text(table: pd.DataFrame, row: int) -> tuple[str, str, list[str]]:
    """(title, detail, quotes) of a finding pinned from row ``row``: the signals, how the score is made, the quote."""
    values = table.iloc[row]
    detail = f"{row_summary(values)} {SCORE_TEXT}"
    return f"Pain point: {row_label(values)}", detail, [values["quote"]] if pd.notna(values["quote"]) else []


def _result(params: Params, table: pd.DataFrame, signals: UserSignals, feedback: Feedback | None, least: int,
            small: int) -> AnalysisResult:
    top = table.head(CHART_ROWS)
    chart = ChartData("bars", QT_TRANSLATE_NOOP("Analysis", "Pain score per step and segment") if params.get("by")
                      else QT_TRANSLATE_NOOP("Analysis", "Pain score per step"),
                      [Series(QT_TRANSLATE_NOOP("Analysis", "Pain score"), [row_label(r) for _, r in top.iterrows()],
                              top["pain_score"].to_numpy(float))],
                      y_label=QT_TRANSLATE_NOOP("Analysis", "Pain score (0–100)"))
    result = AnalysisResult("pain_points", params, table, [chart], empty=table.empty)
    if table.empty:
        result.message = QT_TRANSLATE_NOOP("Analysis", "No step has {count:,} users or more in a segment: choose "
                                                       "other steps, a wider range, no segment or fewer users per "
                                                       "row.").format(count=least)
        return result
    counted = QT_TRANSLATE_NOOP("Analysis", "Errors: {errors}; support: {support}.").format(
        errors=", ".join(signals.errors) or QT_TRANSLATE_NOOP("Analysis", "no event matches the error words"),
        support=", ".join(signals.support) or QT_TRANSLATE_NOOP("Analysis", "no event matches the support words"))
    notes = [QT_TRANSLATE_NOOP("Analysis", "Most painful: {row}").format(row=row_summary(table.iloc[0])), counted,
             SCORE_TEXT]
    if feedback is None:
        notes.append(QT_TRANSLATE_NOOP("Analysis", "No survey answers with a user id: the detractor share, themes and "
                                                   "quotes are left empty."))
    if small:
        notes.append(plural(small, QT_TRANSLATE_NOOP("Analysis", "{count:,} row with fewer than {least:,} users left "
                                                                 "out."),
                            QT_TRANSLATE_NOOP("Analysis", "{count:,} rows with fewer than {least:,} users left out.")
                            ).format(least=least))
    result.message = joined(notes, " ")
    return result

