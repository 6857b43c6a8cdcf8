"""Step 4's data line keeps to one line beside the Users picker (it wrapped to three at 1366 px): each line of an
elided label is cut to its width with "…", and the whole text stays its tip and its text."""

from __future__ import annotations

from usagelens.ui.elided_label import ElidedLabel

LINE = ("Data: Events: Planwise events (Jan–Jun 2024) · Customers: Customers (CRM export) · Survey: In-app NPS "
        "survey · Revenue: Billing (monthly charges) · Metrics: Website traffic (GA4)")


def test_each_line_is_cut_to_the_width_with_the_whole_text_in_the_tip(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = ElidedLabel(LINE + "\n⚠ mobile.csv is not analysed")
    qtbot.addWidget(label)
    label.resize(300, 60)
    label.show()
    first, note = label.shown_lines()
    assert first.startswith("Data: Events: Planwise") and first.endswith("…")
    assert label.fontMetrics().horizontalAdvance(first) <= 300
    assert note == "⚠ mobile.csv is not analysed"
    assert label.toolTip() == label.text() == LINE + "\n⚠ mobile.csv is not analysed"
    assert label.sizeHint().height() < 3 * label.fontMetrics().lineSpacing()  # two lines, never wrapped to more
    label.setText("Data: Events: a.csv")
    assert label.shown_lines() == ["Data: Events: a.csv"]
