"""Conversion drivers in step 4's gallery (design §4 "Drivers"): on a planted log the planted event and the
planted plan are found and nothing else, pure noise flags nothing; a funnel without converters, without drop-outs
or with too few of either says so in a sentence; the same compute on a DuckDB view gives the same table; and
``usagelens analyze drivers`` writes that table."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from usagelens import app
from usagelens.analytics import Customers, EventLog
from usagelens.analytics.definitions import duckdb_backend
from usagelens.model import Project
from usagelens.workspace.analyses import ANALYSES, AnalysisInputs, DataFacts, run_analysis
from usagelens.workspace.analyses.drivers import attribute_names
from usagelens.workspace.warehouse import gallery_table

N_USERS = 600
NOISE = [f"noise_{i}" for i in range(6)]
FUNNEL = {"steps": ["signup", "pay"], "window_days": 7}


def _frame(*, planted: bool, seed: int = 7, converting: float = 0.3) -> pd.DataFrame:
    """Users who sign up (each on an event with a ``device``) and ``converting`` of whom pay within a day; six
    noise events each done by 40 % of users whatever they did; when ``planted``, a ``tour`` done by 60 % of
    payers and 20 % of the others, and payers on the ``pro`` plan twice as often."""
    rng = np.random.default_rng(seed)
    users = np.array([f"u{i:03d}" for i in range(N_USERS)])
    paid = rng.random(N_USERS) < converting
    start = pd.Timestamp("2024-03-04 09:00") + pd.to_timedelta(rng.integers(0, 20 * 24 * 60, N_USERS), unit="min")
    device = rng.choice(["ios", "android", "web"], N_USERS)
    rows = [(u, t, "signup", d) for u, t, d in zip(users, start, device, strict=True)]
    rows += [(u, t + pd.Timedelta(hours=20), "pay", None) for u, t in zip(users[paid], start[paid], strict=True)]
    for name in NOISE:
        did = rng.random(N_USERS) < 0.4
        rows += [(u, t + pd.Timedelta(hours=2), name, None) for u, t in zip(users[did], start[did], strict=True)]
    if planted:
        tour = rng.random(N_USERS) < np.where(paid, 0.6, 0.2)
        rows += [(u, t + pd.Timedelta(hours=1), "tour", None) for u, t in zip(users[tour], start[tour], strict=True)]
    frame = pd.DataFrame(rows, columns=["user", "time", "event", "device"])
    frame["time"] = frame["time"].astype("datetime64[us]")
    return frame


def _customers(frame: pd.DataFrame, *, planted: bool, seed: int = 8) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    users = frame["user"].drop_duplicates().to_numpy()
    paid = np.isin(users, frame.loc[frame["event"] == "pay", "user"])
    pro = rng.random(len(users)) < (np.where(paid, 0.5, 0.2) if planted else 0.3)
    return pd.DataFrame({"user": users, "plan": np.where(pro, "pro", "free")})


def _inputs(frame: pd.DataFrame, customers: pd.DataFrame | None = None) -> AnalysisInputs:
    inputs = AnalysisInputs(Project())
    inputs.__dict__["log"] = EventLog.from_frame(frame, user="user", time="time", event="event",
                                                properties=["device"])
    inputs.__dict__["customers"] = None if customers is None else Customers(customers, "user")
    return inputs


def _run(inputs: AnalysisInputs, **params: object):  # type: ignore[no-untyped-def]
    defaults = ANALYSES["conversion_drivers"].defaults(DataFacts.of(inputs))
    return run_analysis("conversion_drivers", inputs, {**defaults, **FUNNEL, **params})


def test_the_planted_event_and_plan_are_found_and_nothing_else() -> None:
    frame = _frame(planted=True)
    result = _run(_inputs(frame, _customers(frame, planted=True)), attributes="plan, device")
    table = result.table
    assert not result.empty
    significant = table.loc[table["significant"], "feature"].tolist()
    assert set(significant) == {"tour", "plan = pro", "plan = free"}
    tour = table.set_index("feature").loc["tour"]
    assert tour["odds_ratio"] > 3 and tour["converted_share"] > tour["dropped_share"]
    assert table.set_index("feature").loc["plan = free", "odds_ratio"] < 1  # under-represented among payers
    assert set(table["feature"]) >= {*NOISE, "device = ios", "device = web"}  # every feature tested, signup's own
    assert "signup" not in set(table["feature"]) and "pay" not in set(table["feature"])  # the steps are not
    assert result.message.startswith("3 of 12 features are significant (q-value of 5 % or less")
    assert "Association, not cause" in result.message
    (chart,) = result.charts
    assert chart.kind == "odds" and chart.series[0].x[0] == table["feature"].iloc[0]
    assert set(chart.muted) == set(chart.series[0].x) - set(significant)


def test_pure_noise_flags_nothing() -> None:
    frame = _frame(planted=False)
    result = _run(_inputs(frame, _customers(frame, planted=False)), attributes="plan,device")
    assert not result.empty and not result.table["significant"].any()
    assert result.message.startswith("0 of 11 features are significant")
    assert set(result.charts[0].muted) == set(result.charts[0].series[0].x)  # every bar grey


def test_the_table_shows_the_top_rows_of_every_feature_tested() -> None:
    frame = _frame(planted=True)
    full, top = _run(_inputs(frame), attributes=""), _run(_inputs(frame), attributes="", top=3)
    assert len(full.table) == 7 and len(top.table) == 3  # six noise events and the tour
    pd.testing.assert_frame_equal(top.table, full.table.head(3))  # q-values are over all seven, not the three
    assert top.message.startswith("1 of 7 features is significant")


@pytest.mark.parametrize(("converting", "params", "expected"), [
    (0.3, {"steps": ["tour", "signup"]}, "Nobody who entered the funnel reached signup: there are no converted"),
    (1.0, {}, "Everyone who entered the funnel reached pay: there is nobody who dropped out"),
    (0.005, {}, "Too few users to compare: 1 reached pay and 599 dropped out; each group needs at least 5."),
    (0.3, {"start": "2030-01-01", "end": "2030-01-31"}, "Nobody did the first step (signup) in this date range."),
    (0.3, {"steps": ["signup"]}, "Choose at least two steps for a funnel."),
    (0.3, {"attributes": "plan"}, "No event property named 'plan'."),
])
def test_what_cannot_be_compared_is_said_in_a_sentence(converting: float, params: dict, expected: str) -> None:
    result = _run(_inputs(_frame(planted=True, converting=converting)), **params)
    assert result.empty and not result.charts
    assert result.message.startswith(expected), result.message


@pytest.mark.parametrize("engine", ["numpy", "duckdb"])
def test_nobody_entering_is_said_before_an_attribute_the_data_lacks(engine: str) -> None:
    """With nobody doing the first step in the range there is nothing to compare, whatever the attributes: that
    is what the user has to change first; the attribute's own error stays for a funnel users entered."""
    frame = _frame(planted=True)
    if engine == "numpy":
        def run(**params: object):  # type: ignore[no-untyped-def]
            return _run(_inputs(frame), **params)
    else:
        view = duckdb_backend.register_frame(duckdb_backend.connect(threads=1), frame, user="user", time="time",
                                             event="event", properties=["device"])

        def run(**params: object):  # type: ignore[no-untyped-def]
            return gallery_table("conversion_drivers", view, {**FUNNEL, **params})
    nobody = run(attributes="device, plan", start="2030-01-01", end="2030-01-31")
    assert nobody.empty and nobody.message == "Nobody did the first step (signup) in this date range."
    assert run(attributes="device, plan").message == "No event property named 'plan'."


def test_attributes_are_read_from_a_comma_separated_list() -> None:
    assert attribute_names(" plan, country ,,plan,") == ["plan", "country"]
    assert attribute_names("") == [] and attribute_names(None) == []  # type: ignore[arg-type]


def test_the_defaults_are_the_funnel_s_and_every_attribute() -> None:
    facts = DataFacts(events=("signup", "pay"), attributes=("plan", "device"), journey=("signup", "pay"))
    defaults = ANALYSES["conversion_drivers"].defaults(facts)
    funnel = ANALYSES["funnel"].defaults(facts)
    assert {name: defaults[name] for name in funnel if name != "by"} == {k: v for k, v in funnel.items() if k != "by"}
    assert defaults["attributes"] == "plan, device" and defaults["top"] == 20
    assert list(ANALYSES).index("conversion_drivers") == list(ANALYSES).index("after_dropping") + 1


def test_the_same_compute_on_a_duckdb_view_gives_the_same_table() -> None:
    frame = _frame(planted=True)
    view = duckdb_backend.register_frame(duckdb_backend.connect(threads=1), frame, user="user", time="time",
                                         event="event", properties=["device"])
    params = {**FUNNEL, "attributes": "device", "exclude": "noise_0", "exclude_step": 1}
    on_view = gallery_table("conversion_drivers", view, params)
    in_memory = _run(_inputs(frame), **params)
    assert not in_memory.empty
    pd.testing.assert_frame_equal(on_view.table, in_memory.table, check_exact=False, rtol=1e-9)
    assert on_view.message == in_memory.message


def test_usagelens_analyze_drivers_writes_the_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    frame = _frame(planted=True)
    events, customers, out = tmp_path / "events.csv", tmp_path / "customers.csv", tmp_path / "drivers.csv"
    frame.to_csv(events, index=False)
    _customers(frame, planted=True).to_csv(customers, index=False)
    argv = ["analyze", str(events), "--user", "user", "--time", "time", "--event", "event", "drivers",
            "--steps", "signup,pay", "--window-days", "7", "--attributes", "plan,device", "--customers",
            str(customers), "--out", str(out)]
    assert app.main(argv) == 0
    written = pd.read_csv(out)
    assert list(written.columns) == ["kind", "feature", "converted_with", "dropped_with", "converted_share",
                                     "dropped_share", "odds_ratio", "p_value", "q_value", "significant", "test"]
    assert set(written.loc[written["significant"], "feature"]) == {"tour", "plan = pro", "plan = free"}
    assert "note: 3 of 12 features are significant" in capsys.readouterr().err
    assert app.main([*argv[:-2], "--steps", "tour,signup", "--out", str(out)]) == 2
    assert "Nobody who entered the funnel reached signup" in capsys.readouterr().err
