"""Exchange rates as a user enters them: beside the revenue analysis in step 4, one undo step, and the analysis
turns from one block per currency into one converted total and back."""

from __future__ import annotations

import pytest

from usagelens.model import ExchangeRates
from usagelens.ui.analysis.exchange_rates import ExchangeRatesDialog
from usagelens.ui.qt import QDialog


@pytest.fixture
def revenue_page(qtbot, page):  # type: ignore[no-untyped-def]
    """Step 4 showing the revenue analysis."""
    with qtbot.waitSignal(page.result_shown, timeout=30000):
        page.gallery.select_kind("revenue")
    return page


def test_the_dialog_offers_every_currency_but_the_reporting_one(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = ExchangeRatesDialog(ExchangeRates("EUR", {"USD": 0.92}), ["EUR", "GBP", "USD"])
    qtbot.addWidget(dialog)
    assert list(dialog.rate_boxes) == ["GBP", "USD"] and dialog.rate_boxes["USD"].value() == 0.92
    assert dialog.rates() == ExchangeRates("EUR", {"USD": 0.92})  # GBP not entered: it stays apart
    dialog.currency.setCurrentText("USD")  # rates are now into USD; what was typed for USD is kept aside
    assert list(dialog.rate_boxes) == ["EUR", "GBP"]
    assert dialog.rates() == ExchangeRates()
    dialog.rate_boxes["EUR"].setValue(1.08)
    assert dialog.rates() == ExchangeRates("USD", {"EUR": 1.08})


def test_rates_entered_beside_the_revenue_analysis_convert_it_in_one_undo_step(  # type: ignore[no-untyped-def]
    qtbot, revenue_page, window, monkeypatch
) -> None:
    page = revenue_page
    assert page.rates_button.isVisible()
    assert "never added up" in page.result.message and set(page.result.table["currency"]) == {"EUR", "GBP", "USD"}

    def fill(dialog: ExchangeRatesDialog) -> QDialog.DialogCode:
        dialog.currency.setCurrentText("EUR")
        dialog.rate_boxes["USD"].setValue(0.92)
        dialog.rate_boxes["GBP"].setValue(1.17)
        dialog.note.setText("ECB, 28 June 2024")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExchangeRatesDialog, "exec", fill)
    with qtbot.waitSignal(page.result_shown, timeout=60000) as shown:
        page.rates_button.click()
    assert window.document.project.exchange_rates == ExchangeRates("EUR", {"GBP": 1.17, "USD": 0.92},
                                                                   "ECB, 28 June 2024")
    assert "converted to EUR" in shown.args[0].message and set(page.result.table["currency"]) == {"EUR"}
    assert window.document.undo_stack.undoText() == "Edit exchange rates"

    with qtbot.waitSignal(page.result_shown, timeout=60000) as shown:
        window.document.undo_stack.undo()
    assert window.document.project.exchange_rates == ExchangeRates()
    assert "never added up" in shown.args[0].message

    with qtbot.waitSignal(page.result_shown, timeout=30000):
        page.gallery.select_kind("active_users")
    assert not page.rates_button.isVisible()
