"""Step 4 ▸ Revenue & CLV ▸ Exchange rates: the rates that let revenue in several currencies be added up.

UsageLens never knows a rate by itself; the user types the ones their finance team uses, and every figure
converted with them (the revenue analysis, the report) names the rates and where they are from.
"""

from __future__ import annotations

from collections.abc import Sequence

from usagelens.model import ExchangeRates
from usagelens.ui.accessibility import tab_order
from usagelens.ui.document import ProjectDocument
from usagelens.ui.pages.base import ok_cancel_buttons
from usagelens.ui.qt import (
    QComboBox,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

FIXED_ROWS = 2  # the reporting currency and where the rates are from


class ExchangeRatesDialog(QDialog):
    """One rate per currency into the reporting currency; an empty rate keeps that currency apart."""

    def __init__(self, rates: ExchangeRates, currencies: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Exchange rates"))
        self._typed = dict(rates.rates)  # kept while the reporting currency changes
        self._codes = sorted({c for c in currencies if c} | set(rates.rates) | ({rates.currency} - {""}))
        intro = QLabel(self.tr(
            "Revenue in different currencies is only added up with rates you enter here; a currency without "
            "a rate keeps its own rows and lines. The rates and their source are printed with every converted "
            "figure."
        ))
        intro.setWordWrap(True)
        intro.setObjectName("hint")
        self.currency = QComboBox(editable=True)
        self.currency.addItems(self._codes)
        self.currency.setCurrentText(rates.currency or (self._codes[0] if self._codes else ""))
        self.currency.setAccessibleName(self.tr("Reporting currency"))
        self.note = QLineEdit(rates.note)
        self.note.setPlaceholderText(self.tr("e.g. ECB reference rates, 28 June 2024"))
        self.note.setAccessibleName(self.tr("Where the rates are from"))
        self.rate_boxes: dict[str, QDoubleSpinBox] = {}
        self.form = QFormLayout()  # the two rows below, then one rate per currency
        self.form.addRow(self.tr("Report revenue &in"), self.currency)
        self.form.addRow(self.tr("Rates &from"), self.note)
        buttons = ok_cancel_buttons(self)
        clear = buttons.addButton(self.tr("Clear rates"), QDialogButtonBox.ButtonRole.ResetRole)
        clear.setToolTip(self.tr("Forget every rate: revenue is shown per currency again"))
        clear.clicked.connect(self._on_clear)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.currency.currentTextChanged.connect(self._show_rates)
        self._show_rates()
        self.resize(460, 200 + 32 * len(self._codes))

    def reporting_currency(self) -> str:
        return self.currency.currentText().strip().upper()

    def _show_rates(self) -> None:
        """A row ``1 USD = [rate] EUR`` for every currency but the reporting one."""
        self._typed.update(self._entered())
        while self.form.rowCount() > FIXED_ROWS:
            self.form.removeRow(FIXED_ROWS)
        self.rate_boxes = {}
        target = self.reporting_currency()
        for code in self._codes:
            if code == target:
                continue
            box = QDoubleSpinBox(decimals=6, minimum=0, maximum=1_000_000, singleStep=0.01)
            box.setSpecialValueText(self.tr("not entered"))  # 0 means no rate: the currency stays apart
            box.setValue(self._typed.get(code, 0.0))
            box.setSuffix(f" {target}")
            box.setAccessibleName(self.tr("Value of 1 {code} in {target}").format(code=code, target=target))
            self.form.addRow(f"1 {code} =", box)
            self.rate_boxes[code] = box
        tab_order(self.note, *self.rate_boxes.values())  # made after the buttons, read before them

    def _entered(self) -> dict[str, float]:
        return {code: box.value() for code, box in self.rate_boxes.items() if box.value() > 0}

    def _on_clear(self) -> None:
        self._typed = {}
        self.note.clear()
        for box in self.rate_boxes.values():
            box.setValue(0.0)

    def rates(self) -> ExchangeRates:
        """What the dialog holds; no rate at all means no reporting currency either."""
        entered = self._entered()
        return ExchangeRates(self.reporting_currency() if entered else "", entered, self.note.text().strip())


def edit_exchange_rates(document: ProjectDocument, currencies: Sequence[str], parent: QWidget) -> None:
    """Ask for the rates and store them in the project as one undoable step."""
    dialog = ExchangeRatesDialog(document.project.exchange_rates, currencies, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    new = dialog.rates()
    values = {"currency": new.currency, "rates": new.rates, "note": new.note}
    document.set_fields(("exchange_rates",), values,
                        QCoreApplication.translate("ExchangeRatesDialog", "Edit exchange rates"))
