"""Step 4's list of analyses keeps the chosen one in sight when a result's note above the page shortens it."""

from __future__ import annotations

from usagelens.ui.analysis.gallery import AnalysisGalleryWidget


def test_the_chosen_analysis_stays_in_view_when_the_list_shrinks(qtbot) -> None:  # type: ignore[no-untyped-def]
    gallery = AnalysisGalleryWidget()
    qtbot.addWidget(gallery)
    gallery.resize(330, 520)
    gallery.show()
    qtbot.waitExposed(gallery)
    gallery.select_kind("experiment")
    for height in (430, 360, 300):  # a note of one, two or three lines appears above
        gallery.resize(330, height)
        qtbot.wait(10)
        list_ = gallery.kinds
        shown = list_.visualItemRect(list_.currentItem())
        assert list_.viewport().rect().contains(shown), (height, shown, list_.viewport().rect())
