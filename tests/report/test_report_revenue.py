"""The report's revenue: per currency as billed, never a sum across currencies; with the project's exchange rates
one converted total, printed with the rates and where they are from (PDF and workbook alike)."""

from __future__ import annotations

from pathlib import Path

import pytest

from usagelens.model import ExchangeRates, Project, load_project
from usagelens.paths import demo_project
from usagelens.workspace.summary import ReportOptions, gather_summary
from usagelens.workspace.tables import report_tables

BILLED = {"EUR": 402_993.0, "GBP": 215_104.0, "USD": 817_330.0}  # samples/revenue.csv, per currency
RATES = ExchangeRates("EUR", {"USD": 0.92, "GBP": 1.17}, "ECB reference rates, 28 June 2024")


@pytest.fixture
def demo() -> Project:
    return load_project(demo_project())


def test_without_rates_revenue_stays_per_currency(demo: Project) -> None:
    revenue = gather_summary(demo).revenue
    assert revenue is not None and revenue.total is None
    assert dict(zip(revenue.by_currency["currency"], revenue.by_currency["revenue"], strict=True)) == BILLED
    assert "3 currencies (EUR, GBP, USD) and is never added up" in revenue.line


def test_rates_give_one_total_printed_with_them(qtbot, demo: Project, tmp_path: Path, pdf_text) -> None:  # type: ignore[no-untyped-def]
    from usagelens.report.pdf import export_pdf

    demo.exchange_rates = RATES
    data = gather_summary(demo)
    assert data.revenue is not None and data.revenue.total is not None
    converted = BILLED["EUR"] + BILLED["USD"] * 0.92 + BILLED["GBP"] * 1.17
    assert data.revenue.total["revenue"].iloc[0] == pytest.approx(converted, rel=1e-12)
    out = tmp_path / "data.pdf"
    export_pdf(data, out, ReportOptions(sections=("data",)))
    text = pdf_text(out)
    assert "817,330.00" in text and f"Total in EUR {converted:,.2f}" in text
    assert "1 GBP = 1.17 EUR, 1 USD = 0.92 EUR (ECB reference rates, 28 June 2024)" in text
    sheet = report_tables(data)["Revenue"]
    assert sheet["currency"].tolist() == ["EUR", "GBP", "USD", "EUR"]
    assert sheet["basis"].tolist()[:3] == ["as billed"] * 3 and "converted to EUR" in sheet["basis"].iloc[3]
