"""Step 4's data line keeps to two lines beside the Users picker (it wrapped to three at 1366 px, and cut to one it
read "Customers: Cu…" with a second line's room free): a paragraph wraps onto the lines the label has to spare,
after a separator where one fits, the last line is cut to its width with "…", and the whole text stays its tip
and its text."""

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


def test_a_long_line_wraps_onto_the_second_line_before_it_is_cut(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = ElidedLabel(LINE, lines=2)
    qtbot.addWidget(label)
    label.ensurePolished()  # the font the app's style sheet gives it (an earlier test may have set one)
    metrics = label.fontMetrics()
    middle = LINE.index(" · Survey")  # two lines, broken after the separator nearest the middle, fit this width
    halves = (LINE[:middle + 2], LINE[middle + 3:])
    label.resize(max(map(metrics.horizontalAdvance, halves)) + 20, 2 * metrics.lineSpacing())
    label.show()
    first, second = label.shown_lines()
    assert first.endswith("·") and " ".join([first, second]) == LINE  # all of it, broken after a separator
    label.resize(400, 2 * metrics.lineSpacing())
    first, second = label.shown_lines()
    assert first.startswith("Data: Events: Planwise") and second.endswith("…") and "Customers" in second
    assert all(metrics.horizontalAdvance(line) <= 400 for line in (first, second))
    assert label.sizeHint().height() >= 2 * metrics.lineSpacing() and label.toolTip() == LINE
