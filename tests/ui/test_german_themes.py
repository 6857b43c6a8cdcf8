"""The starter themes of step 5 for a German product owner: German comments are counted, the themes are
named in German when added, and the row of comments no theme matched reads "(kein Thema)" on screen, while
the core (CLI, report) keeps its English names."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from usagelens.analytics.themes import NO_THEME, starter_rules, theme_summary
from usagelens.model.commands import RemoveItem

GERMAN = {
    ("Themes", "(no theme)"): "(kein Thema)",
    ("Themes", "Crashes & errors"): "Abstürze & Fehler",
    ("Themes", "Price"): "Preis",
    ("Themes", "Exports & reports"): "Exporte & Berichte",
    ("Themes", "Onboarding"): "Onboarding",
    ("Themes", "Reminders"): "Erinnerungen",
}


@pytest.fixture
def german(in_german) -> None:  # type: ignore[no-untyped-def]
    in_german(GERMAN)


def test_the_starter_themes_count_german_comments_as_well_as_english() -> None:
    comments = pd.Series([
        "Die App ist gestern dreimal abgestürzt",
        "Viel zu teuer für ein kleines Team",
        "Der PDF-Bericht sieht gut aus",
        "Die ersten Schritte waren verwirrend",
        "Ich hätte gern eine Erinnerung vor der Frist",
        "The export crashes every time",
        "Alles bestens",
    ])
    summary = theme_summary(comments, starter_rules()).set_index("theme")["comments"]
    assert summary.to_dict() == {"Crashes & errors": 2, "Price": 1, "Exports & reports": 2, "Onboarding": 1,
                                 "Reminders": 1, "(no theme)": 1}
    assert summary.index[-1] == NO_THEME  # the core's English, as the CLI and the report write it


def test_starter_themes_are_added_in_german_and_no_theme_reads_german(  # type: ignore[no-untyped-def]
        window, wait_idle, demo_path: Path, german) -> None:
    assert window.open_path(demo_path, ask=False)
    window.go_to_step(5)
    page = window.pages[4]
    page.tabs.setCurrentWidget(page.feedback)
    wait_idle()
    panel = page.feedback
    project = window.document.project
    for rule in list(project.themes):
        window.document.push(RemoveItem(("themes",), rule.id))
    wait_idle()
    panel.starter_button.click()
    wait_idle()
    assert [rule.name for rule in project.themes] == ["Abstürze & Fehler", "Preis", "Exporte & Berichte",
                                                      "Onboarding", "Erinnerungen"]
    counts = panel.counts.model
    last = counts.index(counts.rowCount() - 1, 0)
    assert counts.data(last) == "(kein Thema)"
    assert counts.frame().iloc[-1, 0] == "(no theme)"  # the frame (and its export) keeps the core's words
