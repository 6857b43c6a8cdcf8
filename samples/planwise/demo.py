"""The demo project the app opens with ``--demo``: the Planwise exports plus a worked example of the method.

The sources go through the same ``detect_options`` / ``build_source`` path a user's import takes, so the demo
holds exactly what an import produces. Baselines and the numbers quoted in findings are measured from the
exports here (test accounts excluded, as after cleaning) rather than typed in, so they stay true whenever the
generator's parameters change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from usagelens.analytics.kpi import evaluate_kpi
from usagelens.analytics.themes import starter_rules
from usagelens.io import build_source, detect_options
from usagelens.model import (
    Action,
    ActionStatus,
    Finding,
    Hypothesis,
    KpiBinding,
    Objective,
    Project,
    ReleaseMarker,
    SavedAnalysis,
    Source,
    SourceKind,
    save_project,
)
from usagelens.workspace.analyses import AnalysisInputs, rerun
from usagelens.workspace.evidence import table_fingerprint
from usagelens.workspace.project_data import kpi_inputs

NAME = "Planwise — Q2 usage review"
DESCRIPTION = (
    "Demo data for Planwise, a made-up project-planning SaaS: six months of exported usage events "
    "(Jan–Jun 2024), the CRM customer list, the in-app NPS survey and monthly billing. The raw events "
    "still contain QA and load-test accounts (user ids starting with test_ or qa_): step 3, Clean, is where "
    "they go."
)
RELEASE = pd.Timestamp("2024-04-01")
SETTLED = pd.Timestamp("2024-04-15")  # two weeks after the release, once adoption has ramped up
OUTAGE = pd.Timestamp("2024-05-14")
Q1_END = date(2024, 3, 31)
REVIEWED = date(2024, 7, 3)
TEST_ACCOUNTS = ("test_", "qa_")

# (file key, kind, column roles, source name, score scale)
SOURCES: list[tuple[str, SourceKind, dict[str, str], str, str | None]] = [
    (
        "events",
        SourceKind.EVENTS,
        {"user_id": "user_id", "timestamp": "timestamp", "event": "event"},
        "Planwise events (Jan–Jun 2024)",
        None,
    ),
    (
        "customers",
        SourceKind.CUSTOMERS,
        {"user_id": "user_id", "signup_date": "signup_date"},
        "Customers (CRM export)",
        None,
    ),
    (
        "survey",
        SourceKind.FEEDBACK,
        {"user_id": "user_id", "timestamp": "date", "score": "nps", "comment": "comment"},
        "In-app NPS survey",
        "nps",
    ),
    (
        "revenue",
        SourceKind.REVENUE,
        {"user_id": "user_id", "timestamp": "date", "amount": "amount", "currency": "currency"},
        "Billing (monthly charges)",
        None,
    ),
    (
        "web_traffic",
        SourceKind.METRICS,
        {"timestamp": "Date"},
        "Website traffic (GA4)",
        None,
    ),
]


@dataclass
class Measured:
    """The numbers the demo's objectives and findings quote."""

    reminder_q1: float  # mean weekly share of active users who set a reminder, Q1
    reminder_settled: float  # the same from 2024-04-15 on
    retention4: dict[str, float]  # week-4 retention of Q1 signup cohorts: "all" and per platform
    error_share: dict[str, float]  # error_shown share of events, per platform
    funnel: list[int]  # users reaching signup, create_project, invite_teammate, upgrade_plan
    solo_upgrades: int  # new users who upgraded without inviting anyone
    outage_events: int
    outage_median: float  # rolling 7-day median of daily events around the outage
    outage_error_share: float
    nps_android: float
    nps_other: float


def build_demo(paths: dict[str, Path], out: Path) -> Path:
    """Import the four exports, add objectives, findings, actions and releases, and save ``out``."""
    sources = [_import(paths[key], kind, roles, name, scale) for key, kind, roles, name, scale in SOURCES]
    m = measure(paths)
    objectives = _objectives(m)
    findings = _findings(m, objectives)
    project = Project(
        name=NAME,
        description=DESCRIPTION,
        objectives=objectives,
        sources=sources,
        findings=findings,
        actions=_actions(m, findings),
        releases=[
            ReleaseMarker(RELEASE.date(), "Reminders 2.0"),
            ReleaseMarker(OUTAGE.date(), "Outage: API incident"),
        ],
        themes=starter_rules(),  # so step 5 and the report show feedback themes out of the box
    )
    _measure_in_the_app(project)
    save_project(project, out)
    return out


def _measure_in_the_app(project: Project) -> None:
    """Baselines and pinned evidence as the app itself measures them, so step 1's "Baseline from data",
    step 8 and the PDF show the very numbers the demo was written with."""
    inputs = AnalysisInputs(project)
    kpis = kpi_inputs(project, inputs.log)
    for objective in project.objectives:
        assert objective.binding is not None and objective.baseline_date is not None
        objective.baseline = evaluate_kpi(objective.binding, kpis, as_of=objective.baseline_date).value
    for finding in project.findings:
        if finding.analysis is not None:
            finding.evidence_summary = table_fingerprint(rerun(inputs, finding.analysis).table)


def _import(path: Path, kind: SourceKind, roles: dict[str, str], name: str, scale: str | None) -> Source:
    return build_source(path, detect_options(path), kind, roles, name=name, score_scale=scale)


# --- measuring ------------------------------------------------------------------------------------------


def measure(paths: dict[str, Path]) -> Measured:
    """Plain-pandas readings of the planted stories, on the events without test accounts."""
    events = pd.read_csv(paths["events"], dtype=str)
    events = events[~events["user_id"].str.startswith(TEST_ACCOUNTS)].copy()
    events["ts"] = pd.to_datetime(events["timestamp"], format="ISO8601")
    events["day"] = events["ts"].dt.normalize()
    events["week"] = events["day"] - pd.to_timedelta(events["day"].dt.day_of_week, unit="D")

    weekly = events.groupby("week")["user_id"].nunique()
    reminder = events[events["event"] == "set_reminder"].groupby("week")["user_id"].nunique()
    share = (reminder / weekly).fillna(0.0)

    daily = events.groupby("day").size()
    median = daily.rolling(7, center=True).median()
    outage_day = events[events["day"] == OUTAGE]
    error = events["event"] == "error_shown"

    # A user's platform is the one most of their events come from (mobile users also use the web app).
    platform = events.groupby("user_id")["platform"].agg(lambda p: p.value_counts().index[0])
    signed_up = set(events.loc[events["event"] == "signup", "user_id"])
    funnel = _funnel(events, ["signup", "create_project", "invite_teammate", "upgrade_plan"])
    upgraded = set(events.loc[events["event"] == "upgrade_plan", "user_id"]) & signed_up

    survey = pd.read_csv(paths["survey"], dtype={"user_id": str}, keep_default_na=False)
    answered_android = survey["user_id"].map(platform).eq("android")
    return Measured(
        reminder_q1=float(share[share.index < RELEASE].mean()),
        reminder_settled=float(share[share.index >= SETTLED].mean()),
        retention4=_week4_retention(events, platform[platform.index.isin(signed_up)]),
        error_share={p: float(error[events["platform"] == p].mean()) for p in ("web", "ios", "android")},
        funnel=[len(users) for users in funnel],
        solo_upgrades=len(upgraded - funnel[2]),
        outage_events=int(daily[OUTAGE]),
        outage_median=float(median[OUTAGE]),
        outage_error_share=float((outage_day["event"] == "error_shown").mean()),
        nps_android=_nps(survey.loc[answered_android, "nps"]),
        nps_other=_nps(survey.loc[~answered_android, "nps"]),
    )


def _funnel(events: pd.DataFrame, steps: list[str]) -> list[set[str]]:
    """Who reaches each step in order (each at or after the previous step's time, no window)."""
    reached = events[events["event"] == steps[0]].groupby("user_id")["ts"].min()
    users = [set(reached.index)]
    for step in steps[1:]:
        rows = events.loc[events["event"] == step, ["user_id", "ts"]]
        rows = rows[rows["user_id"].isin(reached.index)]
        rows = rows[rows["ts"] >= rows["user_id"].map(reached)]
        reached = rows.groupby("user_id")["ts"].min()
        users.append(set(reached.index))
    return users


def _week4_retention(events: pd.DataFrame, platform: pd.Series) -> dict[str, float]:
    """Share of Q1 signups (weekly cohorts 2024-01-01..03-25) active in their cohort week + 4.

    ``platform`` holds the platform of every user who signed up in the window.
    """
    cohort = events.groupby("user_id")["week"].min()
    cohort = cohort[cohort.index.isin(platform.index) & (cohort <= pd.Timestamp(Q1_END))]
    active = events[["user_id", "week"]].drop_duplicates()
    active = active[active["user_id"].isin(cohort.index)]
    retained = set(
        active.loc[active["week"] == active["user_id"].map(cohort) + pd.Timedelta(weeks=4), "user_id"]
    )
    is_retained = cohort.index.isin(list(retained))
    cohort_platform = platform[cohort.index].to_numpy()
    result = {"all": float(is_retained.mean())}
    result.update({p: float(is_retained[cohort_platform == p].mean()) for p in ("web", "ios", "android")})
    return result


def _nps(scores: pd.Series) -> float:
    return float(100 * ((scores >= 9).mean() - (scores <= 6).mean()))


# --- the worked example ---------------------------------------------------------------------------------


def _objectives(m: Measured) -> list[Objective]:
    return [
        Objective(
            statement="Make reminders a weekly habit, so teams stop chasing each other about deadlines.",
            kpi="Share of weekly active users who set a reminder",
            binding=KpiBinding("adoption", {"event": "set_reminder", "period": "week"}),
            baseline_date=Q1_END,
            target=0.30,
            deadline=date(2024, 6, 30),
            hypotheses=[
                Hypothesis(
                    "One-tap reminders from any task (Reminders 2.0) triple weekly reminder use.",
                    status="supported",
                    evidence=f"Weekly share went from {m.reminder_q1:.0%} in Q1 to {m.reminder_settled:.0%} "
                    "from mid-April on; the release was on 1 April.",
                ),
                Hypothesis("Teams that set reminders complete more tasks per week."),
            ],
        ),
        Objective(
            statement="Keep new users past their first month, on every platform.",
            kpi="Week-4 retention of new users (weekly sign-up cohorts)",
            binding=KpiBinding("retention", {"period": "week", "offset": 4, "start_event": "signup"}),
            baseline_date=Q1_END,
            target=0.32,
            deadline=date(2024, 9, 30),
            hypotheses=[
                Hypothesis(
                    "Android users leave because the app crashes on them.",
                    status="supported",
                    evidence=f"Week-4 retention is {m.retention4['android']:.0%} on Android against "
                    f"{m.retention4['web']:.0%} on web; error_shown is {m.error_share['android']:.1%} of "
                    f"Android events against {m.error_share['web']:.1%} on web.",
                ),
                Hypothesis("New users who invite a teammate in their first week stay longer."),
            ],
        ),
        Objective(
            statement="Customers recommend Planwise: lift NPS by fixing what detractors complain about.",
            kpi="NPS of the in-app survey (0–10 scale)",
            binding=KpiBinding("nps", {}),
            baseline_date=Q1_END,
            target=25.0,
            deadline=date(2024, 9, 30),
            hypotheses=[
                Hypothesis(
                    "Detractors are mostly Android users hit by crashes.",
                    status="supported",
                    evidence=f"NPS is {m.nps_android:+.0f} among Android users and {m.nps_other:+.0f} among "
                    "everyone else; crashes are what Android detractors write about most.",
                ),
                Hypothesis("Export problems keep otherwise happy customers from recommending us."),
            ],
        ),
    ]


def _findings(m: Measured, objectives: list[Objective]) -> list[Finding]:
    reminders, retention, nps = (o.id for o in objectives)
    signups, created, invited, upgraded = m.funnel
    drop = 1 - m.outage_events / m.outage_median
    return [
        Finding(
            "Reminders 2.0 tripled weekly reminder use",
            f"Before the release on 1 April about {m.reminder_q1:.0%} of weekly active users set a reminder. "
            f"Adoption ramped up over two weeks and has held at about {m.reminder_settled:.0%} since.",
            kind="trend",
            confidence="high",
            objective_ids=[reminders],
            created=REVIEWED,
            analysis=SavedAnalysis("Reminders before and after 2.0", "before_after",
                                   {"change": RELEASE.date().isoformat(), "event": "set_reminder", "days": 28}),
        ),
        Finding(
            "Android users churn much faster, and see far more errors",
            f"Week-4 retention of Q1 signups: web {m.retention4['web']:.0%}, iOS {m.retention4['ios']:.0%}, "
            f"Android {m.retention4['android']:.0%}. error_shown is {m.error_share['android']:.1%} of "
            f"Android events (web {m.error_share['web']:.1%}). Android users give an NPS of "
            f"{m.nps_android:+.0f} (everyone else {m.nps_other:+.0f}), and crashes top their detractors' "
            "comments.",
            kind="pain point",
            confidence="high",
            objective_ids=[retention, nps],
            created=REVIEWED,
            analysis=SavedAnalysis("Errors by platform", "segments", {"event": "error_shown", "by": "platform"}),
        ),
        Finding(
            "Only about a quarter of new projects ever get a teammate invited",
            f"Funnel signup → create_project → invite_teammate → upgrade_plan: {signups} → {created} "
            f"({created / signups:.0%}) → {invited} ({invited / created:.0%}) → {upgraded} "
            f"({upgraded / invited:.0%}). Inviting is the big leak, and it is what leads to upgrades: only "
            f"{m.solo_upgrades} new users upgraded without inviting anyone.",
            kind="opportunity",
            confidence="medium",
            objective_ids=[retention],
            created=REVIEWED,
            analysis=SavedAnalysis("Sign-up to upgrade", "funnel", {
                "steps": ["signup", "create_project", "invite_teammate", "upgrade_plan"], "window_days": 0}),
        ),
        Finding(
            "Outage on 14 May: activity down sharply, errors spiked",
            f"{m.outage_events} events against a rolling median of {m.outage_median:.0f} ({drop:.0%} fewer); "
            f"error_shown made up {m.outage_error_share:.0%} of that day's events. Read the week of 13 May "
            "with care in week-on-week comparisons.",
            kind="anomaly",
            confidence="high",
            objective_ids=[reminders, retention],
            created=REVIEWED,
            analysis=SavedAnalysis("Unusual days", "anomalies", {"event": "", "window": 9, "threshold": 3.5}),
        ),
    ]


def _actions(m: Measured, findings: list[Finding]) -> list[Action]:
    reminders, android, invites, outage = (f.id for f in findings)
    return [
        Action(
            "Ship Reminders 2.0: one-tap reminders from any task and a daily digest",
            owner="Maya Chen (PM, Tasks)",
            due=date(2024, 3, 29),
            expected_impact=f"Weekly reminder use from {m.reminder_q1:.0%} to 30% of active users",
            status=ActionStatus.SHIPPED,
            release_date=RELEASE.date(),
            finding_ids=[reminders],
        ),
        Action(
            "Fix the top Android crash signatures (sync, attachments) and add crash reporting",
            owner="Jonas Weber (Mobile lead)",
            due=date(2024, 7, 31),
            expected_impact=f"Android week-4 retention from {m.retention4['android']:.0%} towards web's "
            f"{m.retention4['web']:.0%}; fewer crash complaints in the survey",
            status=ActionStatus.IN_PROGRESS,
            finding_ids=[android],
        ),
        Action(
            "Add an 'Invite your team' step right after the first project is created",
            owner="Priya Nair (Growth)",
            due=date(2024, 8, 15),
            expected_impact=f"Invite rate from {m.funnel[2] / m.funnel[1]:.0%} to 35% of new projects, and "
            "more upgrades with it",
            status=ActionStatus.PLANNED,
            finding_ids=[invites],
        ),
        Action(
            "Status page, in-app incident banner and an alert on error_shown spikes",
            owner="Tom Baker (SRE)",
            due=date(2024, 7, 15),
            expected_impact="Incidents noticed within 5 minutes; customers told before they contact support",
            status=ActionStatus.PLANNED,
            finding_ids=[outage],
        ),
    ]
