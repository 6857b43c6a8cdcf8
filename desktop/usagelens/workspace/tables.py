"""Every table of the report as a DataFrame, for one Excel workbook (a sheet per table).

The workbook is written by ``usagelens.io.write_xlsx``, which keeps text cells as text (a comment starting with
``=`` never becomes a formula). Numbers stay numbers here, so stakeholders can re-sort and chart them.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from usagelens.analytics.impact import action_objective_id
from usagelens.analytics.kpi import binding_label
from usagelens.analytics.priority import rice_score
from usagelens.io import write_xlsx
from usagelens.workspace.money import RevenueSummary
from usagelens.workspace.review_board import status_text
from usagelens.workspace.summary import SummaryData
from usagelens.workspace.voices import COLUMNS, endorsement_about, endorsement_day, quote_line, voices_per_month


def report_tables(data: SummaryData) -> dict[str, pd.DataFrame]:
    """Objectives, hypotheses, revenue, findings, actions, impact, themes, reviews and, once there are any, the
    voices per month and the endorsements, by sheet name."""
    project = data.project
    statements = {o.id: o.statement for o in project.objectives}
    objectives = pd.DataFrame([{
        "objective": r.objective.statement, "kpi": r.objective.kpi, "measured_by": binding_label(r.objective.binding),
        "baseline": r.objective.baseline, "baseline_date": r.objective.baseline_date, "current": r.value,
        "current_basis": r.current.basis if r.current else "", "target": r.objective.target,
        "deadline": r.objective.deadline, "progress": r.share, "industry": r.objective.industry,
        "status": status_text(r.objective, r.value, data.data_end),
    } for r in data.board])
    hypotheses = pd.DataFrame([{"objective": o.statement, "hypothesis": h.text, "status": h.status,
                                "evidence": h.evidence} for o in project.objectives for h in o.hypotheses])
    findings = pd.DataFrame([{
        "finding": f.title, "kind": f.kind, "confidence": f.confidence, "detail": f.detail,
        "objectives": "; ".join(statements.get(i, "") for i in f.objective_ids),
        "quotes": "\n".join(quote_line(q) for q in f.quotes),
    } for f in project.findings])
    actions = pd.DataFrame([{
        "action": a.title, "owner": a.owner, "due": a.due, "status": a.status.value, "release_date": a.release_date,
        "reach": a.reach, "impact": a.impact, "confidence": a.confidence, "effort": a.effort,
        "rice": rice_score(a), "expected_effect": a.expected_impact,
        "objective": statements.get(action_objective_id(project, a), ""),
    } for a in project.actions])
    titles = {a.id: a.title for a in project.actions}
    impact = pd.DataFrame([{
        "action": titles.get(i, i), "verdict": m.verdict, "reason": m.reason, "window_days": m.window_days,
        "before_mean": m.before_mean, "after_mean": m.after_mean, "difference": m.difference,
        "ci_low": m.ci_low, "ci_high": m.ci_high, "p_value": m.p_value,
    } for i, m in data.impacts.items()])
    tables = {"Objectives": objectives, "Hypotheses": hypotheses}
    if data.revenue is not None:
        tables["Revenue"] = _revenue_sheet(data.revenue)
    tables.update({"Findings": findings, "Actions": actions, "Impact": impact})
    if data.themes is not None:
        themes = data.themes.copy()
        themes["quotes"] = themes["quotes"].map("\n".join)
        tables["Feedback themes"] = themes
    tables["Reviews"] = pd.DataFrame([{"date": r.date, "data_until": r.data_until, "notes": r.notes,
                                       **{statements.get(k, k): v for k, v in r.values.items()}}
                                      for r in project.reviews])
    counts = voices_per_month(project.findings, project.reviews)
    if not counts.empty:
        tables["Voices per month"] = counts.table.rename(columns=COLUMNS)
        tables["Endorsements"] = pd.DataFrame([{
            "review": r.date, "who": e.name, "role": e.role, "stance": e.stance.value, "what": e.what,
            "about": endorsement_about(project, e), "given": endorsement_day(r, e),
        } for r in project.reviews for e in r.endorsements], columns=["review", "who", "role", "stance", "what",
                                                                      "about", "given"])
    return {name: _dates_as_timestamps(frame) for name, frame in tables.items()}


def _revenue_sheet(revenue: RevenueSummary) -> pd.DataFrame:
    """Revenue per currency as billed and, where the rates allow, the converted total below it, each row
    saying which it is."""
    rows = revenue.by_currency.assign(basis="as billed")
    if revenue.total is not None:
        rows = pd.concat([rows, revenue.total.assign(basis=revenue.line)], ignore_index=True)
    return rows


def _dates_as_timestamps(frame: pd.DataFrame) -> pd.DataFrame:
    """Python dates as datetime64 columns, which the workbook writer stores as Excel dates."""
    for column in frame.columns:
        if frame[column].map(lambda v: hasattr(v, "isoformat") and not isinstance(v, pd.Timestamp)).any():
            frame[column] = pd.to_datetime(frame[column])
    return frame


def export_xlsx(data: SummaryData, path: str | Path) -> int:
    """Write every table to one workbook (atomically); returns the number of sheets."""
    tables = report_tables(data)
    write_xlsx(tables, path)
    return len(tables)
