"""The app in German: Qt's own translations (dialog buttons) and the app's (menus, step navigator, welcome
page) are installed for the user's locale, and the German catalogue is complete and compiled."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt, QTranslator
from PySide6.QtWidgets import QDialogButtonBox

from usagelens.ui.translations import install_translators, translations_dir

GERMAN = Path(translations_dir()) / "usagelens_de.ts"


@pytest.fixture
def german(qapp) -> Iterator[list[str]]:  # type: ignore[no-untyped-def]
    """The user's locale is German for one test, with the translators start-up would install for it."""
    before = QLocale()
    QLocale.setDefault(QLocale("de_DE"))
    yield install_translators()
    QLocale.setDefault(before)
    install_translators()


def test_qt_s_and_the_app_s_translations_are_found_for_german(german: list[str]) -> None:
    assert german == ["qtbase", "usagelens"]


def test_qt_s_own_buttons_read_german(german: list[str]) -> None:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Abbrechen"


def test_menus_navigator_and_welcome_page_read_german(qtbot, german: list[str]) -> None:  # type: ignore[no-untyped-def]
    from usagelens.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&Datei", "&Bearbeiten", "&Ansicht", "&Hilfe"]
    file_items = [action.text() for action in window.menuBar().actions()[0].menu().actions() if action.text()]
    assert file_items[:3] == ["&Neues Projekt", "Ö&ffnen…", "&Zuletzt geöffnet"]
    assert window.navigator.item(0).text().startswith("1  Ziele festlegen")
    assert window.pages[3].findChild(type(window.task_label), "pageTitle").text() == "Analysieren"
    assert window.welcome.demo_button.text() == "Demo-Projekt öffnen"
    window.document.undo_stack.setClean()
    window.close()


def test_an_english_or_c_locale_keeps_the_source_text(qtbot) -> None:  # type: ignore[no-untyped-def]
    from usagelens.ui.main_window import MainWindow

    assert "usagelens" not in install_translators(QLocale("en_US"))
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.menuBar().actions()[0].text() == "&File"
    window.document.undo_stack.setClean()
    window.close()
    install_translators()


def test_the_german_catalogue_is_finished_and_compiled() -> None:
    """Every string in the .ts has a German text (an unfinished one would show English in a German app), and
    the .qm the app loads was compiled from this .ts (``make translations``)."""
    compiled = QTranslator()
    assert compiled.load(str(GERMAN.with_suffix(".qm")))
    checked = 0
    for context in ET.parse(GERMAN).getroot().iter("context"):
        for message in context.iter("message"):
            source, translation = message.findtext("source"), message.find("translation")
            assert translation.get("type") != "unfinished" and translation.text, source
            assert compiled.translate(context.findtext("name"), source) == translation.text, source
            checked += 1
    assert checked > 100


# the same English meaning different things where it stands, so said differently: a parameter's verb and a
# column's noun ("Zählen", "Anzahl"), a finding's section and a quote's mark ("Belege", "Beleg"), the event an
# analysis compares and a conversion driver's attribute ("Funktion", "Merkmal"), columns left out of an import
# and removed from a project ("weglassen", "entfernen")
SAID_BY_PLACE = {"Count", "Evidence", "Feature", "Pseudonymise or drop…"}


def test_the_same_english_reads_the_same_in_german_wherever_it_stands() -> None:
    """One term per concept: a text in two contexts gets one German unless its meaning differs there."""
    germans: dict[str, set[str]] = {}
    for context in ET.parse(GERMAN).getroot().iter("context"):
        for message in context.iter("message"):
            germans.setdefault(message.findtext("source"), set()).add(message.findtext("translation"))
    assert sorted(source for source, said in germans.items() if len(said) > 1) == sorted(SAID_BY_PLACE)


def _headers(entities) -> list[str]:  # type: ignore[no-untyped-def]
    model = entities.view.model()
    return [model.headerData(n, Qt.Orientation.Horizontal) for n in range(model.columnCount())]


@pytest.fixture
def translated() -> Iterator[Callable[[QLocale], None]]:
    """Installs the translators of a locale when called; the user's again after the test."""
    yield lambda locale: install_translators(locale) and None
    install_translators()


def _window(qtbot):  # type: ignore[no-untyped-def]
    from usagelens.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    return window


def test_step_1_s_headers_and_step_6_s_buttons_read_german_until_the_translator_goes(qtbot, translated) -> None:  # type: ignore[no-untyped-def]
    """Column headers are translated when shown (so they follow the translator installed now); an entity
    list's buttons and undo steps are whole phrases in German word order."""
    from usagelens.model import Objective
    from usagelens.model.commands import InsertItem

    translated(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    window = _window(qtbot)
    objectives, actions = window.pages[0].objectives, window.pages[5].entities
    assert _headers(objectives) == ["Ziel", "Kennzahl (KPI)", "Gemessen durch", "Ausgangswert", "Stand", "Zielwert",
                                    "Frist", "Branche"]
    assert _headers(actions)[:3] == ["Maßnahme", "Verantwortlich", "Fällig"]
    assert actions.add_button.text() == "Maßnahme hinzufügen"
    assert actions.remove_button.text() == "Entfernen"
    assert actions.remove_button.accessibleName() == "Maßnahme entfernen"
    assert actions.filter_edit is not None and actions.filter_edit.placeholderText() == "Maßnahmen filtern…"
    window.document.push(InsertItem(("objectives",), Objective("Grow")))
    target = objectives.model.index(0, _headers(objectives).index("Zielwert"))
    assert objectives.model.setData(target, "30%", Qt.ItemDataRole.EditRole)
    assert window.document.undo_stack.undoText() == "Zielwert bearbeiten"  # the header as written, then the verb

    translated(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    assert _headers(objectives)[:3] == ["Objective", "KPI", "Measured by"]
    assert _window(qtbot).pages[5].entities.add_button.text() == "Add action"
    assert objectives.model.setData(target, "40%", Qt.ItemDataRole.EditRole)
    assert window.document.undo_stack.undoText() == "Edit target"
    window.document.undo_stack.setClean()


def test_step_8_s_board_and_reviews_and_step_3_s_grid_read_german(qtbot, translated) -> None:  # type: ignore[no-untyped-def]
    """Step 8's headers and buttons, a citation's marks in step 5, and a data grid's filter, column choice and
    row counts (whole sentences with their count) in German."""
    import pandas as pd

    translated(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    window = _window(qtbot)
    review = window.pages[7]
    board = review.board_model
    assert [board.headerData(n, Qt.Orientation.Horizontal) for n in range(board.columnCount())] == [
        "Ziel und Kennzahl", "Ausgangswert", "Aktuell", "Zielwert", "Fortschritt", "Status", "Verlauf", "Branche",
        "Maßnahmen und Wirkung"]
    assert _headers(review.reviews) == ["Datum", "Daten bis", "Festgehaltene Kennzahlwerte",
                                        "Gelerntes und nächste Änderungen", "Unterstützungen"]
    assert review.reviews.add_button.text() == "Überprüfung festhalten"
    assert review.reviews.remove_button.accessibleName() == "Überprüfung entfernen"
    assert _headers(review.voices.endorsements)[:3] == ["Wer", "Rolle", "Haltung"]
    marks = window.pages[4].feedback.cite_mark
    assert [marks.itemText(n) for n in range(marks.count())] == ["Beleg", "Erfahrungsbericht",
                                                                 "Verbesserungsvorschlag"]

    grid = window.pages[2].quality
    assert grid.filter_edit.placeholderText() == "Zeilen filtern…"
    grid.set_frame(pd.DataFrame({"check": ["a", "b", "c"], "rows": [1, 2, 3000]}))
    assert grid.filter_column.itemText(0) == "Alle Spalten"
    assert grid.count_label.text() == "3 Zeilen"
    grid.set_column_filter(0, "a")
    assert grid.count_label.text() == "1 von 3 Zeilen · 1 Spaltenfilter"
    window.document.undo_stack.setClean()


def test_core_titles_and_labels_read_german_where_the_gui_shows_them(qtbot, translated) -> None:  # type: ignore[no-untyped-def]
    """Titles and labels declared in Qt-free modules (marked QT_TRANSLATE_NOOP there) are translated where shown:
    step 4's gallery and the funnel's parameter panel, step 3's recipe editor, step 1's "Measured by"."""
    import pandas as pd

    from usagelens.model import Action, ActionStatus, KpiBinding, RecipeStep
    from usagelens.model.commands import InsertItem
    from usagelens.ui.analysis.param_panel import ParamPanelWidget
    from usagelens.ui.pages.objectives import HYPOTHESIS_COLUMNS, objective_columns
    from usagelens.ui.recipe_editor import StepDialog
    from usagelens.workspace.analyses import ANALYSES
    from usagelens.workspace.analyses.spec import DataFacts

    translated(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    window = _window(qtbot)
    gallery = window.pages[3].gallery.kinds
    titles = [gallery.item(n).text() for n in range(gallery.count())]
    assert titles[:3] == ["Aktive Nutzer", "Trends", "Stickiness"]
    assert "Funktionsnutzung" in titles and "Experiment planen" in titles
    assert gallery.item(0).toolTip() == "Wie viele verschiedene Nutzer pro Tag, Woche oder Monat aktiv sind."

    panel = ParamPanelWidget("funnel", ANALYSES["funnel"].params(DataFacts(events=("signup", "upgrade"))))
    qtbot.addWidget(panel)
    form = panel.layout()
    window_days, order = panel.editors["window_days"], panel.editors["order"]
    assert form.labelForField(window_days).text() == "Innerhalb von"
    assert window_days.suffix() == " Tagen" and window_days.specialValueText() == "ohne Zeitgrenze"
    assert window_days.toolTip() == "Jeder Schritt muss innerhalb dieser Zeit nach dem ersten erreicht werden"
    assert form.labelForField(order).text() == "Reihenfolge"
    assert "In beliebiger Reihenfolge" in [order.itemText(n) for n in range(order.count())]

    dialog = StepDialog(RecipeStep("remove_duplicates"), pd.DataFrame({"user": ["a"]}))
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Doppelte Zeilen entfernen"
    assert "Nutzer ausschließen" in [a.text() for a in window.pages[2].recipe.add_menu.actions()]

    measured_by = next(c for c in objective_columns(window.document) if c.field == "binding")
    weekly = KpiBinding("active_users", {"period": "week"})
    assert measured_by.show(weekly) == "Wöchentlich aktive Nutzer"
    assert "Wöchentlich aktive Nutzer" in measured_by.choices()
    assert measured_by.parse("Wöchentlich aktive Nutzer") == weekly
    hypothesis_status = HYPOTHESIS_COLUMNS[1]
    assert hypothesis_status.show("supported") == "bestätigt" and hypothesis_status.parse("widerlegt") == "refuted"

    window.document.push(InsertItem(("actions",), Action("Onboarding tour", status=ActionStatus.SHIPPED)))
    statuses = window.pages[6].status
    cell = statuses.model.index(0, _headers(statuses).index("Status"))
    assert cell.data() == "ausgeliefert"
    assert statuses.model.setData(cell, "verworfen", Qt.ItemDataRole.EditRole)
    assert window.document.project.actions[0].status == "dropped"  # the project keeps the English word
    window.document.push(InsertItem(("actions",), Action("Dark mode", status=ActionStatus.SHIPPED)))
    assert window.navigator.item(6).toolTip().endswith(
        "Braucht Aufmerksamkeit: 1 ausgelieferte Maßnahme ohne Veröffentlichungsdatum")
    assert window.navigator.item(5).toolTip().endswith(
        "Braucht Aufmerksamkeit: 2 Maßnahmen ohne Verantwortliche oder Fälligkeitsdatum")
    window.document.undo_stack.setClean()


def test_the_cli_and_the_core_stay_english_with_german_installed(capsys, translated) -> None:  # type: ignore[no-untyped-def]
    """The CLI and the report print the core's English: marking a string changes nothing outside the GUI."""
    import argparse

    from usagelens.analytics.kpi import binding_label
    from usagelens.cli import analyze
    from usagelens.model import KpiBinding
    from usagelens.workspace.analyses import ANALYSES
    from usagelens.workspace.analyses.spec import DataFacts

    translated(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    parser = argparse.ArgumentParser(prog="usagelens")
    analyze.add_parser(parser.add_subparsers(dest="command"))
    with pytest.raises(SystemExit) as stop:
        analyze.run(parser.parse_args(["analyze", "--list"]))
    assert stop.value.code == 0
    listed = capsys.readouterr().out
    assert "distinct active users per period" in listed and "Nutzer" not in listed
    assert ANALYSES["funnel"].params(DataFacts())[1].label == "Within"
    assert binding_label(KpiBinding("active_users", {"period": "week"})) == "Weekly active users"



def test_step_4_s_buttons_people_menu_and_scan_question_read_german(german, qtbot, page) -> None:  # type: ignore[no-untyped-def]
    """Step 4 made with German installed: its Save and Pin buttons, the funnel row's Users menu (the group's
    label is the core's English, the sentence around it German) and BigQuery's question before a big scan."""
    from usagelens.ui.analysis.kept_results import scan_question
    from usagelens.ui.qt import QMenu

    assert page.gallery.save_button.text() == "Speichern"
    assert page.pin_button.text() == "Als Erkenntnis festhalten"
    assert page.people.button.text() == "Nutzer…"
    with qtbot.waitSignal(page.result_shown, timeout=60000):
        page.gallery.select_kind("funnel")
    menu = QMenu()
    page.table.row_menu(menu, 1)
    entry = menu.actions()[0].text()
    assert entry.startswith("Diese Nutzer zeigen (") and entry.endswith("…"), entry
    box = scan_question(5 * 10**9)
    assert box.windowTitle() == "In BigQuery ausführen?"
    assert box.checkBox().text().startswith("Ohne Nachfrage ausführen, wenn eine Abfrage bis zu ")


def test_step_4_s_charts_messages_and_data_line_read_german(german, qtbot, page) -> None:  # type: ignore[no-untyped-def]
    """What the core says on step 4 (marked in workspace: chart titles, axes, series, messages, the data line)
    is German in a German session, the event names in it as they are; the result keeps the English that the
    report and the CLI print."""
    from usagelens.ui.analysis.chart_view import translated_chart

    assert page.data_label.text().startswith("Daten: Ereignisse: Planwise events")
    with qtbot.waitSignal(page.result_shown, timeout=60000):
        page.gallery.select_kind("funnel")
    assert page.chart.charts[0].text() == "Funnel: innerhalb von 14 Tagen, in dieser Reihenfolge"
    assert page.chart.plots()[0].getPlotItem().getAxis("left").labelText == "Nutzer"
    assert page.result.charts[0].title == "Funnel: within 14 days, in this order"
    with qtbot.waitSignal(page.result_shown, timeout=60000):
        page.gallery.select_kind("lifecycle")
    assert page.message.text().startswith("Alle, die in der ersten Woche aktiv waren, zählen als neu")
    assert [s.name for s in translated_chart(page.result.charts[0]).series] == [
        "Neu", "Wiederkehrend", "Reaktiviert", "Inaktiv"]
    with qtbot.waitSignal(page.result_shown, timeout=60000):
        page.gallery.select_kind("paths")
    event = page.result.params["event"]
    assert page.chart.charts[0].text() == f"Was Nutzer nach {event} tun"
    with qtbot.waitSignal(page.result_shown, timeout=60000):
        page.gallery.select_kind("heatmap")
    assert translated_chart(page.result.charts[0]).row_labels[:3] == ["Mo", "Di", "Mi"]
    with qtbot.waitSignal(page.result_shown, timeout=60000):
        page.gallery.select_kind("survey")
    assert page.message.text().startswith("NPS insgesamt ") and "Promotoren" in page.message.text()


def test_people_labels_kpi_names_and_the_join_note_read_german(german, qtbot, page) -> None:  # type: ignore[no-untyped-def]
    """The People menu and dialog name a row's users in German (the date as German writes it), a KPI naming an
    event reads German around the event, and step 2's join note is German around the source names."""
    from usagelens.analytics.kpi import binding_label
    from usagelens.model import KpiBinding
    from usagelens.ui.qt import QMenu
    from usagelens.ui.translations import kpi_words, translated
    from usagelens.workspace.join_report import JoinReport

    assert page.result.kind == "active_users"  # step 4 opens on it
    menu = QMenu()
    page.table.row_menu(menu, 0)
    entry = menu.actions()[0].text()
    assert entry.startswith("Diese Nutzer zeigen (") and "): Aktiv in der Woche vom 01.01.2024…" in entry, entry

    adoption = KpiBinding("adoption", {"period": "week", "event": "export_report"})
    assert kpi_words(binding_label(adoption)) == "Wöchentliche Nutzung von export_report"
    assert binding_label(adoption) == "Weekly adoption of export_report"  # the report's and the CLI's
    funnel = KpiBinding("funnel", {"steps": ["signup", "upgrade_plan"], "window_days": 14})
    assert kpi_words(binding_label(funnel)) == "Funnel signup → upgrade_plan: Konversion innerhalb von 14 Tagen"

    note = JoinReport("events.csv", "crm.csv", 1200, 700, 600, ["u1"], ["c9"]).summary()
    assert translated(note) == ("crm.csv ist über die Nutzer-ID mit events.csv verknüpft: 600 von 1.200 "
                                "Ereignis-Nutzern (50,0%) haben eine Kundenzeile. Keine Kundenzeile für 600 "
                                "Ereignis-Nutzer (z. B. u1); keine Ereignisse für 100 Kunden (z. B. c9).")
    assert note.startswith("crm.csv joins events.csv on the user id: 600 of 1,200 event users (50.0%)")


def test_an_analysis_s_problems_read_german_as_sentences_while_the_core_keeps_english(german) -> None:  # type: ignore[no-untyped-def]
    """An analysis's problem is translated first and capitalised and stopped after, so German keeps its own
    capital letter; the event stays as named, and the CLI's English (str) is what it was."""
    import pandas as pd

    from usagelens.analytics import AnalysisError
    from usagelens.analytics.experiments import before_after
    from usagelens.analytics.funnels import check_funnel
    from usagelens.model.translatable import QT_TRANSLATE_NOOP, Sentence, said
    from usagelens.ui.translations import translated

    with pytest.raises(AnalysisError) as funnel:
        check_funnel(["signup"], "strict")
    assert str(funnel.value) == "a funnel needs at least two steps"
    assert str(Sentence(said(funnel.value))) == "A funnel needs at least two steps."
    assert translated(Sentence(said(funnel.value))) == "Ein Funnel braucht mindestens zwei Schritte."
    days = pd.Series([1.0, 2.0, 3.0], index=pd.date_range("2024-06-01", periods=3))
    with pytest.raises(AnalysisError) as short:
        before_after(days, "2024-06-02")
    assert translated(Sentence(said(short.value))).startswith("Es braucht mindestens 2 Tage auf jeder Seite")
    nobody = QT_TRANSLATE_NOOP("Analysis", "nobody did {event} in the {basis}").format(event="checkout_v2",
                                                                                       basis="range")
    assert translated(Sentence(nobody)).startswith("Niemand hat checkout_v2 ")
    assert str(Sentence(nobody)) == "Nobody did checkout_v2 in the range."


def test_a_problem_s_period_basis_and_inner_problem_read_german(german) -> None:  # type: ignore[no-untyped-def]
    """The words put into a translated problem are German too: a period ("week"), a KPI's basis ("month starting
    …"), a cohort's own problem inside the cohort's and a currency list's "none"; the CLI's English is unchanged."""
    import pandas as pd

    from usagelens.analytics import AnalysisError, EventLog
    from usagelens.analytics.cohort_rules import ATTRIBUTE_OPS, read_rules
    from usagelens.analytics.errors import cohort_failed
    from usagelens.analytics.funnels import check_funnel
    from usagelens.analytics.kpi import KpiInputs, evaluate_kpi
    from usagelens.analytics.revenue import Payments
    from usagelens.model import KpiBinding
    from usagelens.model.translatable import Sentence, said
    from usagelens.ui.translations import translated

    days = ["2024-01-01", "2024-01-02", "2024-02-20", "2024-03-05", "2024-03-20"]
    frame = pd.DataFrame({"user": ["a", "a", "b", "c", "c"], "time": pd.to_datetime(days),
                          "event": ["signup", "upgrade", "open", "open", "open"]})
    inputs = KpiInputs(log=EventLog.from_frame(frame, user="user", time="time", event="event"))

    def german_and_english(metric: str, params: dict[str, object]) -> tuple[str, str]:
        reason = evaluate_kpi(KpiBinding(metric, params), inputs).basis
        return translated(Sentence(reason)), str(Sentence(reason))

    retention = german_and_english("retention", {"period": "week", "offset": 12})
    assert retention == ("Noch keine Kohorte hat Woche 12 erreicht.", "No cohort has reached week 12 yet.")
    funnel = german_and_english("funnel", {"steps": ["signup", "upgrade"], "period": "month"})
    assert funnel == ("Niemand hat signup im Zeitraum „Monat ab 01.02.2024“ ausgeführt.",
                      "Nobody did signup in the month starting 2024-02-01.")
    for english in ("week", "month", "starting"):
        assert english not in retention[0] + funnel[0]

    with pytest.raises(AnalysisError) as inner:
        check_funnel(["signup"], "strict")
    problem = said(cohort_failed("Pro", inner.value))
    assert translated(Sentence(problem)) == ("Die Kohorte „Pro“ lässt sich nicht bestimmen: ein Funnel braucht "
                                             "mindestens zwei Schritte.")
    assert str(problem) == "the cohort “Pro” cannot be worked out: a funnel needs at least two steps"
    assert translated(ATTRIBUTE_OPS["in"]) == "ist einer von" and ATTRIBUTE_OPS["in"] == "is one of"  # as the dialog
    with pytest.raises(AnalysisError) as condition:  # a field's name is a word of its own
        read_rules([{"kind": "event_count", "at_least": 1, "start": "2024-13-01"}])
    assert translated(said(condition.value)) == "Bedingung 1: „Beginn“ ist kein Datum (JJJJ-MM-TT): '2024-13-01'"
    assert str(condition.value) == "condition 1: start is not a date (YYYY-MM-DD): '2024-13-01'"

    paid = pd.DataFrame({"user": ["a", "b"], "time": pd.to_datetime(days[:2]), "amount": [5.0, 7.0],
                         "currency": ["EUR", None]})
    payments = Payments.from_frame(paid, user="user", time="time", amount="amount", currency="currency")
    with pytest.raises(AnalysisError) as currencies:
        payments.require_one_currency()
    assert str(currencies.value).startswith("the revenue is in 2 currencies (none, EUR): split it per currency")
    assert translated(said(currencies.value)).startswith("der Umsatz liegt in 2 Währungen vor (keine, EUR): ")


def test_the_impact_line_source_kinds_and_action_statuses_read_german(german) -> None:  # type: ignore[no-untyped-def]
    """Step 7's impact line, step 8's actions and step 2's source kinds are marked phrases: German on screen
    (verdict, unit, "days each side", numbers in the locale), the report's English byte for byte."""
    from usagelens.analytics.impact import ActionImpact
    from usagelens.model import KpiBinding, Objective, SourceKind
    from usagelens.ui.locale_numbers import in_locale
    from usagelens.ui.translations import translated
    from usagelens.workspace.formatting import impact_text, impact_verdict, verdict_words

    objective = Objective(statement="Keep users", binding=KpiBinding(metric="retention"))
    impact = ActionImpact("increase", window_days=28, before_mean=0.325, after_mean=0.35, difference=0.025,
                          ci_low=0.004, ci_high=0.046, p_value=0.021, exposed="Beta")
    english = impact_text(impact, objective)
    assert english == ("gap of “Beta” to everyone else +32.5 pts → +35.0 pts (+2.5 pts, 95% CI +0.4 pts to "
                       "+4.6 pts, p = 0.021; 28 days each side): increase")
    german = translated(impact_text(impact, objective, in_locale))
    assert "+2,5 Pkt." in german and "28 Tage" in german and "Beta" in german
    assert not {"pts", "days", "increase", "gap", "side"} & set(german.replace("(", " ").split())
    verdict = translated(verdict_words("increase"))
    assert verdict != "increase"
    assert translated(impact_verdict(impact, objective, in_locale)) == f"{verdict} (+2,5 Pkt., p = 0,021)"
    assert impact_verdict(impact, objective) == "increase (+2.5 pts, p = 0.021)"
    assert translated(SourceKind.EVENTS.label) != SourceKind.EVENTS.label == "Behaviour (event log)"


def test_the_cohort_summary_reads_german(german) -> None:  # type: ignore[no-untyped-def]
    """The cohort dialog's summary: each condition's words translated, the event and dates as they are."""
    from usagelens.analytics.cohort_rules import describe, read_rules
    from usagelens.ui.translations import translated

    rules = read_rules([{"kind": "event_count", "event": "signup", "at_least": 3, "start": "2024-01-01"},
                        {"kind": "users", "user_ids": ["a", "b"]}], "all")
    english = [describe(rule) for rule in rules.rules]
    assert english == ["did signup at least 3 times from 2024-01-01", "one of 2 listed users"]
    german = [translated(text) for text in english]
    assert german == ["hat signup mindestens 3-mal ausgeführt ab 2024-01-01", "einer der 2 gelisteten Nutzer"]


def test_a_warehouse_url_s_problem_reads_german(german) -> None:  # type: ignore[no-untyped-def]
    """The Connect dialog shows a URL's or a table's problem translated; the CLI keeps the English."""
    from usagelens.io.warehouse.url import WarehouseError, parse_url
    from usagelens.model.translatable import said
    from usagelens.ui.translations import translated

    with pytest.raises(WarehouseError) as missing:
        parse_url("duckdb:///nowhere/events.duckdb")
    assert str(missing.value) == "there is no DuckDB database file at /nowhere/events.duckdb"
    assert translated(said(missing.value)) == "unter /nowhere/events.duckdb gibt es keine DuckDB-Datenbankdatei"
