"""A pinned finding's evidence, checked against today's data.

When an analysis is pinned as a finding, a short fingerprint of its result table is stored with it
(``Finding.evidence_summary``). Re-computing the analysis on refreshed or re-cleaned data and comparing
fingerprints tells the product owner whether the numbers behind the finding still hold, without keeping the
whole table in the project file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace

import pandas as pd

from usagelens.model import Cohort, Finding, SavedAnalysis
from usagelens.model.translatable import QT_TRANSLATE_NOOP, Dated, Phrase, plural
from usagelens.workspace.analyses import ANALYSES, AnalysisInputs, ChartData, DataFacts, rerun
from usagelens.workspace.kept_runs import english_as_of_text, kept_part

SIGNIFICANT_DIGITS = 6  # floats are compared at this precision, so summation order never reads as a change
# A unit's amount said whole and in number, by the unit: the spin box's word after a label ("Within 14 days",
# German "Innerhalb 14 Tagen") does not fit the settings' "Each side: 28 days" ("Je Seite: 28 Tage")
AMOUNTS = {"days": (QT_TRANSLATE_NOOP("Evidence", "{count} day"), QT_TRANSLATE_NOOP("Evidence", "{count} days"))}


def table_fingerprint(table: pd.DataFrame) -> str:
    """``"<rows>x<columns>:<digest>"`` of a result table; equal tables give equal fingerprints."""
    rounded = table.copy()
    for name in rounded.columns:
        if pd.api.types.is_float_dtype(rounded[name]):
            rounded[name] = rounded[name].map(lambda v: "" if pd.isna(v) else f"{v:.{SIGNIFICANT_DIGITS}g}")
    text = rounded.to_csv(index=False)
    digest = hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()[:12]
    return f"{table.shape[0]}x{table.shape[1]}:{digest}"


@dataclass(frozen=True)
class EvidenceCheck:
    """The outcome of re-computing a pinned analysis: whether its numbers moved, in one sentence."""

    changed: bool | None  # None: nothing to compare against (pinned before fingerprints were kept)
    text: str


def _rows(fingerprint: str) -> int | None:
    head = fingerprint.split("x", 1)[0]
    return int(head) if head.isdigit() else None


def recomputed_on(as_of: str = "") -> Phrase:
    """What a pinned analysis was re-computed on, as a check's sentence says it: the results a warehouse
    computed at ``as_of`` (kept in the project), else the data loaded now."""
    if as_of:
        return QT_TRANSLATE_NOOP("Evidence", "the warehouse results as of {time}").format(time=as_of)
    return QT_TRANSLATE_NOOP("Evidence", "today's data")


def compare_evidence(pinned: str, table: pd.DataFrame, as_of: str = "") -> EvidenceCheck:
    """Compare the fingerprint stored at pin time with a freshly computed table (re-computed on a warehouse's
    results as of ``as_of`` where it is given). The sentence is marked: step 5 shows it in the user's language."""
    current = table_fingerprint(table)
    if not pinned:
        return EvidenceCheck(None, QT_TRANSLATE_NOOP(
            "Evidence", "Re-computed on {basis}; this finding was pinned without a record of its numbers, so no "
                        "comparison is possible.").format(basis=recomputed_on(as_of)))
    if pinned == current:
        return EvidenceCheck(False, QT_TRANSLATE_NOOP("Evidence", "Same numbers as when the finding was pinned."))
    before, after = _rows(pinned), _rows(current)
    if before is not None and before != after:
        return EvidenceCheck(True, QT_TRANSLATE_NOOP(
            "Evidence", "The numbers changed since the finding was pinned ({before} → {after} rows): check that it "
                        "still holds.").format(before=before, after=after))
    return EvidenceCheck(True, QT_TRANSLATE_NOOP(
        "Evidence", "The numbers changed since the finding was pinned: check that it still holds."))


DELETED_COHORT = QT_TRANSLATE_NOOP("Evidence", "a deleted cohort")  # a filter or breakdown no longer there


@dataclass(frozen=True)
class FindingEvidence:
    """What the report prints under a pinned finding: how to repeat the analysis, on which data, and
    whether today's data still gives the numbers the finding was written on."""

    settings: str  # "Funnel · Steps: signup → create_project · Window (days): 14"
    data_range: str  # "1 Jan 2024 – 30 Jun 2024" (the analysis's own range where it sets one)
    check: str  # the EvidenceCheck sentence, or why the analysis could not run today
    changed: bool | None
    charts: tuple[ChartData, ...] = ()  # today's charts, drawn where no chart was pinned with the finding
    as_of: str = ""  # when a warehouse computed the results re-run from (kept in the project); "" for today's data

    @property
    def drawn_from(self) -> str:
        """What the numbers re-computed here come from, as the report words it."""
        return recomputed_on(self.as_of)

    @property
    def checked_on(self) -> str:
        """The label of :attr:`check` in the report: the kept results it compared are not today's data (their
        time is in :attr:`data_range`)."""
        return "Check" if self.as_of else "Today"


def settings_items(saved: SavedAnalysis, cohorts: Sequence[Cohort] = ()) -> tuple[str, list[tuple[str, str]]]:
    """An analysis's title and its parameters as (label, value) text, in the gallery's order and words; a cohort
    (filter or breakdown) by its name among ``cohorts``."""
    spec = ANALYSES.get(saved.kind)
    facts = DataFacts(cohorts=tuple((c.id, c.name) for c in cohorts))
    params = {p.name: p for p in spec.params(facts)} if spec else {}
    items = []
    for name, value in saved.params.items():
        shown = " → ".join(map(str, value)) if isinstance(value, list | tuple) else value
        param = params.get(name)
        if param is not None and param.kind in ("int", "float") and value is not None:
            shown = value
            if param.zero_text and not value:
                shown = param.zero_text
            elif param.unit in AMOUNTS:  # "28 days", in the user's language in the GUI
                shown = plural(int(value), *AMOUNTS[param.unit])
            elif param.unit:
                shown = Phrase("", "{value} {unit}", {"value": value, "unit": param.unit})
        if param is not None and param.kind == "date" and value:
            shown = _iso_day(value)
        if param is not None and param.kind == "event" and not value and param.zero_text:
            shown = param.zero_text  # what the empty choice measures: "Daily active users", as the gallery says
        if param is not None and param.kind == "attribute" and value:
            gone = DELETED_COHORT if str(value).startswith("cohort:") else value
            shown = dict(param.choices).get(str(value), gone)
        if name == "cohort" and value:
            shown = next((c.name for c in cohorts if c.id == value), DELETED_COHORT)
        label = param.label if param is not None else name.replace("_", " ").capitalize()
        items.append((label, "—" if shown in ("", None) else shown if isinstance(shown, str) else str(shown)))
    return (spec.title if spec else saved.kind), items


def settings_line(saved: SavedAnalysis, cohorts: Sequence[Cohort] = ()) -> str:
    """The analysis and its parameters in one line, for a reader who wants to repeat it."""
    title, items = settings_items(saved, cohorts)
    return " · ".join([title, *(f"{label}: {value}" for label, value in items)])


def _iso_day(value: object) -> str:
    """A date parameter as the gallery keeps it ("2024-04-01"), which the GUI writes as the locale does."""
    try:
        day = pd.Timestamp(str(value)).date()
    except ValueError:
        return str(value)
    return QT_TRANSLATE_NOOP("Evidence", "{day}").format(day=Dated(day))


def _day(value: object) -> str:
    return f"{pd.Timestamp(value):%-d %b %Y}"


def finding_evidence(inputs: AnalysisInputs, finding: Finding, cohort: str = "") -> FindingEvidence | None:
    """Re-run a finding's pinned analysis on today's data and describe its evidence (None: written by hand);
    with ``cohort`` (an id), for that cohort's users whatever cohort it was pinned with."""
    saved = finding.analysis
    if saved is None or saved.kind not in ANALYSES:
        return None
    if cohort:
        saved = replace(saved, params={**saved.params, "cohort": cohort})
    with kept_part() as run:  # a linked source's: the results kept in the project where they are
        result = rerun(inputs, saved)
    span = inputs.span or (None, None)
    start, end = saved.params.get("start") or span[0], saved.params.get("end") or span[1]
    data_range = f"{_day(start)} – {_day(end)}" if start is not None and end is not None else "–"
    as_of = "" if run.as_of is None else english_as_of_text(run.as_of)
    if as_of:
        kept = f"warehouse results as of {as_of}"
        data_range = kept if data_range == "–" else f"{data_range} · {kept}"
    settings = settings_line(saved, inputs.project.cohorts)
    if result.empty:
        cannot = f"Cannot be re-computed on {recomputed_on(as_of)}" if as_of else "Cannot be re-computed today"
        return FindingEvidence(settings, data_range, f"{cannot}: {result.message}", True, as_of=as_of)
    check = compare_evidence(finding.evidence_summary, result.table, as_of)
    return FindingEvidence(settings, data_range, check.text, check.changed, tuple(result.charts), as_of)
