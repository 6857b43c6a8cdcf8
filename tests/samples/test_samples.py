"""The Planwise samples: the generator is deterministic, and the committed files carry the planted stories.

The stories are checked with plain pandas on purpose, not with UsageLens's metrics: a bug in the engine must
not be able to hide a broken sample, nor the other way round. Thresholds are loose versions of the numbers in
samples/README.md, so they hold for the committed files without pinning every digit.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
TEST_ACCOUNT = ("test_", "qa_")
FILES = ("events.csv", "customers.xlsx", "survey.csv", "revenue.csv", "web_traffic.csv")


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    """The committed event log with parsed times, ISO weeks and a flag for QA/test accounts."""
    frame = pd.read_csv(SAMPLES / "events.csv", dtype=str)
    frame["ts"] = pd.to_datetime(frame["timestamp"], format="ISO8601")
    frame["day"] = frame["ts"].dt.normalize()
    frame["week"] = frame["day"] - pd.to_timedelta(frame["day"].dt.day_of_week, unit="D")
    frame["test_account"] = frame["user_id"].str.startswith(TEST_ACCOUNT)
    return frame


@pytest.fixture(scope="module")
def real(events: pd.DataFrame) -> pd.DataFrame:
    """The events a product owner keeps after cleaning out the test accounts."""
    return events[~events["test_account"]]


def _digests(folder: Path) -> dict[str, str]:
    return {name: hashlib.sha256((folder / name).read_bytes()).hexdigest() for name in FILES}


def test_generator_is_deterministic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(SAMPLES))
    from planwise import generate

    generate(tmp_path / "a", n_users=300, seed=7)
    generate(tmp_path / "b", n_users=300, seed=7)
    generate(tmp_path / "c", n_users=300, seed=8)
    assert _digests(tmp_path / "a") == _digests(tmp_path / "b")
    assert _digests(tmp_path / "a")["events.csv"] != _digests(tmp_path / "c")["events.csv"]
    small = pd.read_csv(tmp_path / "a" / "events.csv", dtype=str)
    assert 15_000 < len(small) < 30_000  # a tenth of the users gives about a tenth of the events


def test_committed_files_have_the_expected_columns() -> None:
    events = pd.read_csv(SAMPLES / "events.csv", dtype=str, nrows=1000)
    assert list(events.columns) == ["user_id", "timestamp", "event", "platform", "plan"]
    customers = pd.read_excel(SAMPLES / "customers.xlsx", sheet_name="Customers", engine="calamine")
    assert list(customers.columns) == ["user_id", "signup_date", "plan", "country", "company_size"]
    assert pd.api.types.is_datetime64_any_dtype(customers["signup_date"])
    survey = pd.read_csv(SAMPLES / "survey.csv", dtype={"user_id": str}, keep_default_na=False)
    assert list(survey.columns) == ["user_id", "date", "nps", "comment"]
    revenue = pd.read_csv(SAMPLES / "revenue.csv", dtype={"user_id": str})
    assert list(revenue.columns) == ["user_id", "date", "amount", "currency"]
    assert 8e6 < (SAMPLES / "events.csv").stat().st_size < 15e6


def test_committed_values_look_like_real_exports(events: pd.DataFrame, real: pd.DataFrame) -> None:
    assert 180_000 < len(events) < 240_000
    assert events["user_id"].str.fullmatch(r"u\d{5}|(test|qa)_\w+").all()
    assert events["user_id"].nunique() > 2900
    assert events["ts"].between(pd.Timestamp("2024-01-01"), pd.Timestamp("2024-06-30 23:59:59.999999")).all()
    assert set(events["platform"]) == {"web", "ios", "android"}
    assert set(events["plan"]) == {"free", "team", "business"}
    mobile = real["platform"] != "web"
    assert real.loc[mobile, "timestamp"].str.contains(r"\.\d{6}$").mean() > 0.99  # SDK times in µs
    assert not real.loc[~mobile, "timestamp"].str.contains(".", regex=False).any()

    survey = pd.read_csv(SAMPLES / "survey.csv", dtype={"user_id": str}, keep_default_na=False)
    assert survey["nps"].between(0, 10).all()
    assert 0.2 < (survey["comment"] == "").mean() < 0.5
    for theme in ("crash", "export", "reminder", "price", "invite"):
        assert survey["comment"].str.contains(theme, case=False).any(), theme
    revenue = pd.read_csv(SAMPLES / "revenue.csv", dtype={"user_id": str})
    assert (revenue["amount"] > 0).all()
    assert set(revenue["currency"]) == {"USD", "EUR", "GBP"}


def test_weekends_are_much_quieter(real: pd.DataFrame) -> None:
    daily = real.groupby("day").size()
    weekend = daily.index.day_of_week >= 5
    assert daily[weekend].mean() / daily[~weekend].mean() < 0.35


def test_reminders_2_0_lifts_weekly_reminder_use(real: pd.DataFrame) -> None:
    weekly_active = real.groupby("week")["user_id"].nunique()
    reminders = real[real["event"] == "set_reminder"].groupby("week")["user_id"].nunique()
    share = reminders / weekly_active
    before = share[share.index < pd.Timestamp("2024-04-01")].mean()
    after = share[share.index >= pd.Timestamp("2024-04-15")].mean()
    assert 0.07 < before < 0.14
    assert 0.30 < after < 0.40


def test_outage_day_has_few_events_and_many_errors(real: pd.DataFrame) -> None:
    daily = real.groupby("day").size()
    outage = pd.Timestamp("2024-05-14")
    assert daily[outage] < 0.3 * daily.rolling(7, center=True).median()[outage]
    # Against the same weekday of the weeks around it, no other day comes close.
    same_weekday = daily.groupby(daily.index.day_of_week).transform(
        lambda days: days.rolling(7, center=True, min_periods=4).median()
    )
    ratio = (daily / same_weekday).sort_values()
    assert ratio.index[0] == outage and ratio.iloc[0] < 0.3 and ratio.iloc[1] > 0.6
    errors = real["event"] == "error_shown"
    assert errors[real["day"] == outage].mean() > 0.2
    assert errors[real["day"] == pd.Timestamp("2024-05-07")].mean() < 0.03


def test_android_users_retain_worse(real: pd.DataFrame) -> None:
    signups = real[real["event"] == "signup"].set_index("user_id")
    cohort = signups["week"][signups["week"] <= pd.Timestamp("2024-05-27")]  # old enough to reach week 4
    active = real[["user_id", "week"]].drop_duplicates()
    active = active[active["user_id"].isin(cohort.index)]
    week4 = active["week"] == active["user_id"].map(cohort) + pd.Timedelta(weeks=4)
    retained = cohort.index.isin(active.loc[week4, "user_id"])
    rate = pd.Series(retained, index=cohort.index).groupby(signups.loc[cohort.index, "platform"]).mean()
    assert rate["web"] > 0.25
    assert rate["android"] < rate["web"] - 0.10
    assert rate["android"] < rate["ios"] - 0.10


def test_funnel_leaks_most_at_invite_teammate(real: pd.DataFrame) -> None:
    steps = ["signup", "create_project", "invite_teammate", "upgrade_plan"]
    reached = real[real["event"] == steps[0]].groupby("user_id")["ts"].min()
    counts = [len(reached)]
    for step in steps[1:]:
        rows = real.loc[(real["event"] == step) & real["user_id"].isin(reached.index), ["user_id", "ts"]]
        reached = rows[rows["ts"] >= rows["user_id"].map(reached)].groupby("user_id")["ts"].min()
        counts.append(len(reached))
    create, invite, upgrade = (counts[i + 1] / counts[i] for i in range(3))
    assert counts[0] > 1500
    assert create > 0.7 and upgrade > 0.4
    assert invite < 0.35


def test_test_accounts_stand_out_by_volume(events: pd.DataFrame) -> None:
    per_user = events["user_id"].value_counts()
    test_accounts = per_user[per_user.index.str.startswith(TEST_ACCOUNT)]
    assert set(test_accounts.index) == {"test_qa_01", "test_qa_02", "qa_automation", "test_loadtest"}
    assert test_accounts.min() > 2 * per_user.drop(test_accounts.index).max()
    load_test_day = events[events["day"] == pd.Timestamp("2024-02-20")]
    assert load_test_day["test_account"].mean() > 0.5  # the raw daily chart spikes; the cleaned one does not


def test_sessions_are_short_bursts(real: pd.DataFrame) -> None:
    ordered = real.sort_values(["user_id", "ts"])
    gaps = ordered.groupby("user_id")["ts"].diff().dropna()
    per_day = ordered.groupby(["user_id", "day"]).size()
    assert (gaps < pd.Timedelta(minutes=10)).mean() > 0.6
    assert 3 < per_day.mean() < 9


def test_demo_project_holds_the_imported_sources_and_a_worked_example(events: pd.DataFrame) -> None:
    from usagelens.model import ActionStatus, SourceKind, load_project

    project = load_project(SAMPLES / "demo.ulens")
    assert project.name == "Planwise — Q2 usage review"
    kinds = {source.kind: source for source in project.sources}
    assert len(project.sources) == 5 and set(kinds) == set(SourceKind)  # one source of every kind
    assert len(kinds[SourceKind.EVENTS].table) == len(events)
    assert kinds[SourceKind.FEEDBACK].score_scale == "nps"

    assert len(project.objectives) == 3
    assert all(o.binding and o.baseline is not None and o.target and o.deadline for o in project.objectives)
    assert all(o.hypotheses for o in project.objectives)
    objective_ids = {o.id for o in project.objectives}
    assert 3 <= len(project.findings) <= 4
    assert all(f.objective_ids and set(f.objective_ids) <= objective_ids for f in project.findings)
    finding_ids = {f.id for f in project.findings}
    assert 3 <= len(project.actions) <= 4
    assert all(a.owner and a.due and set(a.finding_ids) <= finding_ids for a in project.actions)
    shipped = [a for a in project.actions if a.status == ActionStatus.SHIPPED]
    assert [a.release_date for a in shipped] == [date(2024, 4, 1)]
    assert {r.date for r in project.releases} == {date(2024, 4, 1), date(2024, 5, 14)}
    assert re.search(r"\d+%", project.findings[0].detail)  # numbers measured from the data, not placeholders
