"""The revenue analysis on the demo, which bills in USD, EUR and GBP: without rates every currency keeps its
own rows, lines and CLV, and the message says so; with the user's rates one total in the reporting currency,
each amount times its rate."""

from __future__ import annotations

import pandas as pd
import pytest

from usagelens.model import ExchangeRates, Project, SourceKind, load_project
from usagelens.paths import demo_project
from usagelens.workspace.analyses import ANALYSES, AnalysisInputs, AnalysisResult, DataFacts, run_analysis

RATES = ExchangeRates("EUR", {"USD": 0.92, "GBP": 1.17}, "ECB, 28 June 2024")


@pytest.fixture(scope="module")
def project() -> Project:
    return load_project(demo_project())


def _run(project: Project, rates: ExchangeRates) -> AnalysisResult:
    project.exchange_rates = rates
    inputs = AnalysisInputs(project)
    return run_analysis("revenue", inputs, ANALYSES["revenue"].defaults(DataFacts.of(inputs)))


def _billing(project: Project) -> pd.DataFrame:
    """The demo's raw charges with their calendar month, straight from the source table."""
    table = project.sources_of(SourceKind.REVENUE)[0].table
    return table.assign(month=pd.to_datetime(table["date"]).dt.to_period("M").dt.start_time)


def test_without_rates_each_currency_is_its_own_block(project: Project) -> None:
    result = _run(project, ExchangeRates())
    billing = _billing(project)
    expected = billing.groupby(["currency", "month"])["amount"].sum()
    shown = result.table.set_index(["currency", "period"])["revenue"]
    assert shown.to_dict() == {key: pytest.approx(value) for key, value in expected.items()}
    assert len(result.table) == 3 * billing["month"].nunique()  # never a row that adds currencies up
    assert [s.name for s in result.charts[0].series] == ["ARPU in EUR", "ARPU in GBP", "ARPU in USD"]
    assert "3 currencies (EUR, GBP, USD)" in result.message and "never added up" in result.message
    assert "Simple CLV per currency" in result.message and "USD ≈" in result.message


def test_incomplete_rates_keep_currencies_apart_and_name_the_gap(project: Project) -> None:
    result = _run(project, ExchangeRates("EUR", {"USD": 0.92}))
    assert set(result.table["currency"]) == {"EUR", "GBP", "USD"}
    assert "no rate into EUR for GBP" in result.message


def test_with_rates_one_total_in_the_reporting_currency(project: Project) -> None:
    result = _run(project, RATES)
    billing = _billing(project)
    factor = billing["currency"].map({"EUR": 1.0, "USD": 0.92, "GBP": 1.17})
    expected = (billing["amount"] * factor).groupby(billing["month"]).sum()
    assert set(result.table["currency"]) == {"EUR"}
    assert result.table.set_index("period")["revenue"].to_dict() == {
        month: pytest.approx(value, rel=1e-12) for month, value in expected.items()
    }
    assert result.charts[0].title == "Revenue per user (EUR)"
    assert "converted to EUR" in result.message and "1 USD = 0.92 EUR" in result.message
    assert "ECB, 28 June 2024" in result.message
    assert "Simple CLV ≈" in result.message and " EUR = ARPU" in result.message


def test_revenue_per_segment_counts_each_segment_s_payments_and_active_users(project: Project) -> None:
    project.exchange_rates = RATES
    inputs = AnalysisInputs(project)
    params = {**ANALYSES["revenue"].defaults(DataFacts.of(inputs)), "by": "plan"}
    result = run_analysis("revenue", inputs, params)
    assert not result.empty and set(result.table["currency"]) == {"EUR"}
    customers = project.sources_of(SourceKind.CUSTOMERS)[0].table
    billing = _billing(project)
    billing = billing.assign(plan=billing["user_id"].map(customers.set_index("user_id")["plan"]),
                             eur=billing["amount"] * billing["currency"].map({"EUR": 1.0, "USD": 0.92, "GBP": 1.17}))
    expected = billing.dropna(subset=["plan"]).groupby(["plan", "month"])["eur"].sum()
    shown = result.table.set_index(["segment", "period"])["revenue"]
    for key, value in expected.items():
        assert shown[key] == pytest.approx(value, rel=1e-12)
    # the segments' revenue adds up to everyone's (a payment belongs to one user, a user to one plan)
    everyone = run_analysis("revenue", inputs, {**params, "by": ""}).table.set_index("period")["revenue"]
    assert result.table.groupby("period")["revenue"].sum().to_dict() == {
        month: pytest.approx(value, rel=1e-9) for month, value in everyone.items()}
    assert result.charts[0].title == "Revenue per active user by plan (EUR)"
    assert [s.name for s in result.charts[0].series] == list(dict.fromkeys(result.table["segment"]))


def test_arpu_as_a_kpi_is_the_analysis_s_last_complete_month_in_one_currency(project: Project) -> None:
    from usagelens.analytics.kpi import binding_presets, evaluate_kpi
    from usagelens.model import KpiBinding
    from usagelens.workspace.project_data import kpi_inputs

    binding = KpiBinding("arpu", {"period": "month"})
    assert "Monthly revenue per active user (ARPU)" in binding_presets(["signup"], revenue=True)
    project.exchange_rates = ExchangeRates()
    inputs = AnalysisInputs(project)
    several = evaluate_kpi(binding, kpi_inputs(project, inputs.log))
    assert several.value is None and "3 currencies: enter exchange rates" in several.basis
    project.exchange_rates = RATES
    value = evaluate_kpi(binding, kpi_inputs(project, inputs.log))
    table = _run(project, RATES).table.set_index("period")  # the demo ends on 30 June: June is complete
    assert value.as_of == table.index[-1].date() and value.value == pytest.approx(table["arpu"].iloc[-1])
    assert value.basis.startswith("revenue per active user in EUR, month starting")
    april = table.index[2].date() + pd.Timedelta(days=40)  # March is then the last complete month
    earlier = evaluate_kpi(binding, kpi_inputs(project, inputs.log), as_of=april)
    assert earlier.as_of == table.index[2].date() and earlier.value == pytest.approx(table["arpu"].iloc[2])


def test_arpu_over_time_is_the_analysis_s_column(project: Project) -> None:
    from usagelens.analytics.kpi_series import kpi_series
    from usagelens.model import KpiBinding
    from usagelens.workspace.project_data import kpi_inputs

    table = _run(project, RATES).table.set_index("period")
    series = kpi_series(KpiBinding("arpu", {"period": "month"}), kpi_inputs(project, AnalysisInputs(project).log),
                        "month")
    assert series.to_numpy().tolist() == pytest.approx(table["arpu"].to_numpy().tolist())
