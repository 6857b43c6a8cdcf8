"""What a German look-over still found English (issue 17.4): step 3's reasons for a suspected test user, which
the database path sends through its query as plain English, and dates in marked sentences, which a template's
date format would have kept English. The GUI says both in German; the core keeps its English for the CLI and
the report."""

from __future__ import annotations

import ibis
import pandas as pd
import pyarrow as pa
import pytest
from PySide6.QtCore import QLocale

from usagelens.charts.locale_text import date_text
from usagelens.cleaning.compiled import suspects as queried
from usagelens.cleaning.steps import choice_word
from usagelens.cleaning.suspects import SuspectScan, find_suspects
from usagelens.model.query_engine import queries_to
from usagelens.model.translatable import QT_TRANSLATE_NOOP, SPELLED_DAY, Dated
from usagelens.ui import translations
from usagelens.ui.pages.clean import suspect_table
from usagelens.ui.translations import translated

GERMAN = {
    ("Suspects", "user id contains '{word}'"): "Benutzer-ID enthält '{word}'",
    ("Suspects", "email contains '{word}'"): "E-Mail enthält '{word}'",
    ("Suspects", "email at {domain} (your own domain)"): "E-Mail bei {domain} (Ihre eigene Domain)",
    ("Suspects", "{events:,} events ({times:,.0f}× the median user)"):
        "{events:,} Ereignisse ({times:,.0f}× so viele wie der mittlere Nutzer)",
    ("CleanPage", "why"): "warum",
    ("People", "the week of {day}"): "die Woche vom {day}",
    ("Evidence", "{count} day"): "{count} Tag",
    ("Analysis", "(missing)"): "(fehlt)",
    ("Themes", "Price"): "Preis",
    ("Import", "{name} is a folder; import the export files inside it, or zip the folder to import them as one "
               "source."): "{name} ist ein Ordner; importieren Sie die Exportdateien darin.",
    ("ProjectFile", "{name} does not exist (was it moved or deleted?)."): "{name} existiert nicht.",
    ("StepKind", "'{op}' compares numbers or dates, but {name} holds {kind}; change its type first"):
        "„{op}“ vergleicht Zahlen oder Daten, aber {name} enthält {kind}; ändern Sie zuerst den Typ",
    ("ColumnType", "text"): "Text",
    ("Evidence", "{count} days"): "{count} Tage",
    ("Warehouse", "cannot connect to {where}: {reason}{advice}"): "keine Verbindung zu {where}: {reason}{advice}",
    ("Warehouse", "{engine} at {place}, database {database}"): "{engine} auf {place}, Datenbank {database}",
}


@pytest.fixture
def german(in_german) -> None:  # type: ignore[no-untyped-def]
    in_german(GERMAN)


USERS = ["test_1"] + ["bot"] * 300 + [f"u{n}" for n in range(60)] + ["ann"]
EMAILS = ["a@x.com"] + ["b@y.com"] * 300 + [f"u{n}@z.com" for n in range(60)] + ["qa@team.example"]


def _scans() -> dict[str, SuspectScan]:
    """The same scan in memory and by DuckDB, the reasons sent as a joined table and as a CASE in the SQL."""
    frame = pd.DataFrame({"user": USERS, "email": EMAILS})
    scans = {"pandas": find_suspects(frame["user"], [frame["email"]], event_counts=True,
                                     own_domains=["team.example"])}
    arrow = pa.Table.from_pandas(frame, preserve_index=False)
    table = ibis.duckdb.connect().create_table("t", arrow.append_column("row", pa.array(range(len(frame)))))
    for engine in ("duckdb", "trino"):
        with queries_to(engine):
            scans[engine] = queried.find_suspects(table, "user", ["email"], order="row", event_counts=True,
                                                  own_domains=["team.example"])
    return scans


def test_a_suspect_s_reasons_read_german_on_every_path_and_english_for_the_core(german) -> None:  # type: ignore[no-untyped-def]
    for path, scan in _scans().items():
        reasons = {s.user_id: s.reasons for s in scan.users}
        assert reasons["test_1"] == ("user id contains 'test'",), path
        assert reasons["ann"] == ("email contains 'qa'", "email at team.example (your own domain)"), path
        assert reasons["bot"] == ("300 events (300× the median user)",), path
        why = dict(zip(*suspect_table(scan.users, with_events=True)[["user id", "warum"]].T.to_numpy(), strict=True))
        assert why["test_1"] == "Benutzer-ID enthält 'test'", path
        assert why["ann"] == "E-Mail enthält 'qa'\nE-Mail bei team.example (Ihre eigene Domain)", path
        assert why["bot"] == "300 Ereignisse (300× so viele wie der mittlere Nutzer)", path


def test_a_date_in_a_marked_sentence_reads_as_the_locale_writes_it(german) -> None:  # type: ignore[no-untyped-def]
    sentence = QT_TRANSLATE_NOOP("People", "the week of {day}").format(day=Dated(pd.Timestamp("2024-06-03"),
                                                                                 SPELLED_DAY))
    assert (sentence, translated(sentence)) == ("the week of 03 Jun 2024", "die Woche vom 03.06.2024")
    iso = QT_TRANSLATE_NOOP("Quality", "{first} – {last}").format(first=Dated(pd.Timestamp("2024-06-03").date()),
                                                                  last=Dated(pd.Timestamp("2024-07-01").date()))
    assert (iso, translated(iso)) == ("2024-06-03 – 2024-07-01", "03.06.2024 – 01.07.2024")


def test_an_english_reader_keeps_the_core_s_dates(qapp) -> None:  # type: ignore[no-untyped-def]
    before = QLocale()
    QLocale.setDefault(QLocale("en_US"))
    try:
        sentence = QT_TRANSLATE_NOOP("People", "the week of {day}").format(day=Dated(pd.Timestamp("2024-06-03"),
                                                                                     SPELLED_DAY))
        assert translated(sentence) == "the week of 03 Jun 2024"
    finally:
        QLocale.setDefault(before)


@pytest.fixture
def week() -> str:
    return QT_TRANSLATE_NOOP("People", "the week of {day}").format(day=Dated(pd.Timestamp("2024-06-03"), SPELLED_DAY))


def _in(locale: str, catalogue_for: str) -> None:
    QLocale.setDefault(QLocale(locale))
    translations.install_translators(QLocale(catalogue_for))


def test_a_german_locale_without_its_catalogue_keeps_english_dates_in_english_sentences(qapp, week) -> None:  # type: ignore[no-untyped-def]
    """The catalogue installed decides a sentence's dates, not the locale: no "03.06.2024" in English words."""
    before = QLocale()
    try:
        _in("de_DE", catalogue_for="en_US")
        assert translations.ui_language() == "en"
        assert translated(week) == "the week of 03 Jun 2024"
    finally:
        QLocale.setDefault(before)
        translations.install_translators()


def test_the_german_catalogue_in_an_english_locale_writes_german_dates(qapp, week) -> None:  # type: ignore[no-untyped-def]
    """And the reverse: a German sentence with German dates, not the locale's "6/3/2024"; a German locale of
    another country keeps its own way of writing dates."""
    before = QLocale()
    try:
        _in("en_US", catalogue_for="de_DE")
        assert translations.ui_language() == "de"
        assert translated(week) == "der Woche vom 03.06.2024"
        QLocale.setDefault(QLocale("de_CH"))
        assert translated(week) == f"der Woche vom {date_text(pd.Timestamp('2024-06-03').date(), QLocale('de_CH'))}"
    finally:
        QLocale.setDefault(before)
        translations.install_translators()


def test_a_missing_role_is_named_as_the_role_pickers_name_it(qapp) -> None:  # type: ignore[no-untyped-def]
    """Changing roles without a user id or time names them with the pickers' own labels, in German too."""
    from usagelens.io import ImportFailed
    from usagelens.io.refresh import check_roles
    from usagelens.model import Source, SourceKind
    from usagelens.model.translatable import said
    from usagelens.ui.roles_dialog import role_label

    source = Source(name="e.csv", kind=SourceKind.EVENTS, table=pd.DataFrame({"e": ["a"]}))
    with pytest.raises(ImportFailed) as error:
        check_roles(source, {"event": "e"})
    assert str(error.value) == "Choose a column for: User id, Time."
    before = QLocale()
    try:
        _in("de_DE", catalogue_for="de_DE")
        assert translated(said(error.value)) == f"Wählen Sie eine Spalte für: {role_label('user_id')}, Zeit."
        assert role_label("user_id") == "Nutzer-ID"
    finally:
        QLocale.setDefault(before)
        translations.install_translators()


def test_a_step_that_failed_unforeseen_is_named_in_german(qapp) -> None:  # type: ignore[no-untyped-def]
    from usagelens.cleaning.recipe import kind_of
    from usagelens.cleaning.steps import StepError
    from usagelens.model.translatable import said

    def fail() -> None:
        raise ValueError("no such value")

    with pytest.raises(StepError) as error:
        kind_of("change_type").guarded(fail)
    assert str(error.value) == "Could not change column type: no such value"
    before = QLocale()
    try:
        _in("de_DE", catalogue_for="de_DE")
        assert translated(said(error.value)) == "Schritt „Spaltentyp ändern“ fehlgeschlagen: no such value"
    finally:
        QLocale.setDefault(before)
        translations.install_translators()


def test_a_step_s_and_a_big_import_s_inner_reasons_read_german(qapp, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The reason inside a sentence is ours and marked too: a value the column's type cannot read, an operator's
    word, why DuckDB cannot read an export."""
    from usagelens.cleaning import apply_recipe
    from usagelens.io.event_parquet import unsupported_reason
    from usagelens.model import RecipeStep
    from usagelens.model.entities import ImportOptions

    frame = pd.DataFrame({"plan": ["free", "pro"], "seats": [1.0, 5.0]})
    steps = [RecipeStep("filter_rows", {"column": "seats", "operator": "equals", "value": "many"}),
             RecipeStep("filter_rows", {"column": "plan", "operator": "greater", "value": 3})]
    errors = [outcome.error for outcome in apply_recipe(frame, steps).outcomes]
    assert errors == ["'many' is not a number (seats holds number values)",
                      "'greater' compares numbers or dates, but plan holds text; change its type first"]
    export = tmp_path / "events.csv"
    export.write_text("user,time,event\nu,2024-01-01,a\n", encoding="utf-8")
    reason = unsupported_reason(export, ImportOptions(delimiter=",", encoding="cp1252"))
    assert reason == "encoded as cp1252"
    before = QLocale()
    try:
        _in("de_DE", catalogue_for="de_DE")
        assert [translated(error) for error in errors] == [
            "'many' lässt sich nicht als Zahl lesen (seats enthält Werte vom Typ Zahl)",
            f"„{translated(choice_word('greater'))}“ vergleicht Zahlen oder Daten, aber plan enthält Text; ändern Sie "
            "zuerst den Typ"]
        assert "greater" not in translated(errors[1])
        assert translated(reason) == "in cp1252 kodiert"
    finally:
        QLocale.setDefault(before)
        translations.install_translators()


def test_what_excluding_users_takes_and_a_step_s_notes_read_german(qapp) -> None:  # type: ignore[no-untyped-def]
    """Step 3's shares of an exclusion and a step's notes, on the pandas path and the database's, are marked."""
    from usagelens.cleaning import apply_recipe
    from usagelens.cleaning.compiled.recipe import compile_recipe
    from usagelens.cleaning.exclusion import UserWeights
    from usagelens.cleaning.steps import listed
    from usagelens.model import RecipeStep

    weights = UserWeights("payment", pd.DataFrame({"rows": [150.0], "EUR": [170.0]}, index=["big"]), 43, 1234,
                          pd.Series({"EUR": 1000.0}))
    shares = weights.describe(["big"])
    assert shares == "1 user (2.3% of 43) with 150 of 1,234 payments (12.2%), paying 17.0% of the EUR revenue " \
                     "(170.00 of 1,000.00 EUR)."
    frame = pd.DataFrame({"plan": ["free", None], "seats": [1.0, None], "row": [0, 1]})
    table = ibis.memtable(frame)
    steps = [RecipeStep("fill_missing", {"columns": ["plan"], "method": "value", "value": "none"}),
             RecipeStep("trim_text", {"columns": ["seats"]})]
    notes = [note for outcome in compile_recipe(table, steps, order="row").outcomes for note in outcome.notes]
    assert notes == ["Filled 1 missing value", "Not text, left as they are: seats"]
    before = QLocale()
    try:
        _in("de_DE", catalogue_for="de_DE")
        assert translated(shares) == "1 Nutzer (2,3% von 43) mit 150 von 1.234 Zahlungen (12,2%); sie zahlen 17,0% " \
                                     "des Umsatzes in EUR (170,00 von 1.000,00 EUR)."
        assert translated(listed(range(8))) == "0, 1, 2, 3, 4, 5, … (+2 weitere)"
        malformed = apply_recipe(frame, [RecipeStep("filter_rows", {"column": "plan", "operator": "like"}),
                                         RecipeStep("filter_rows", {"column": "plan", "operator": "date_range",
                                                                    "start": 5})]).outcomes
        assert [translated(outcome.error) for outcome in malformed] == [
            "„operator“ erwartet einen dieser Werte: equals, one_of, not_one_of, contains, greater, less, is_missing, "
            "not_missing, date_range", "„start“ erwartet ein Datum wie 2024-01-31"]
        assert [translated(note) for note in notes] == ["1 fehlenden Wert gefüllt",
                                                        "Kein Text, unverändert gelassen: seats"]
    finally:
        QLocale.setDefault(before)
        translations.install_translators()


def test_a_chart_that_cannot_be_saved_says_why_in_german(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    from usagelens.charts.export import save_chart

    before = QLocale()
    try:
        _in("de_DE", catalogue_for="de_DE")
        with pytest.raises(OSError, match="Diagramme lassen sich als .png- oder .svg-Datei speichern"):
            save_chart(QLabel("chart"), tmp_path / "chart.gif")
    finally:
        QLocale.setDefault(before)
        translations.install_translators()


def test_how_a_time_column_was_read_is_said_in_german(qapp) -> None:  # type: ignore[no-untyped-def]
    """The import preview's reading names its formats and the reading it set aside in the user's language."""
    from usagelens.io.timestamps import read_timestamps

    readings = [read_timestamps(pd.Series(values)).summary()
                for values in (["2024030114", "2024030115"], ["01.03.2024", "x"], ["Mar 1, 2024", "2024-03-01"])]
    assert readings == ["read as YYYYMMDDHH (GA4): 2 of 2 (as Unix seconds they would fall in 2034)",
                        "read as day.month.year: 1 of 2; 1 unreadable",
                        "read as ISO 8601, dates with month names: 2 of 2"]
    before = QLocale()
    try:
        _in("de_DE", catalogue_for="de_DE")
        assert [translated(reading) for reading in readings] == [
            "gelesen als YYYYMMDDHH (GA4): 2 von 2 (als Unix-Sekunden fielen sie in 2034)",
            "gelesen als Tag.Monat.Jahr: 1 von 2; 1 unlesbar",
            "gelesen als ISO 8601, Daten mit Monatsnamen: 2 von 2"]
    finally:
        QLocale.setDefault(before)
        translations.install_translators()


def test_a_warehouse_s_problem_names_its_place_in_german(german) -> None:  # type: ignore[no-untyped-def]
    from usagelens.io.warehouse.connect import CANNOT_CONNECT
    from usagelens.io.warehouse.url import parse_url

    url = parse_url("postgres://ann@db.example:5432/shop")
    problem = CANNOT_CONNECT.format(where=url.where, reason="timeout", advice="")
    assert problem == "cannot connect to PostgreSQL at db.example:5432, database shop: timeout"
    assert translated(problem) == "keine Verbindung zu PostgreSQL auf db.example:5432, Datenbank shop: timeout"


def test_a_finding_s_window_each_side_reads_as_a_german_amount(german) -> None:  # type: ignore[no-untyped-def]
    """The settings' "Each side: 28 days" is "Je Seite: 28 Tage", one day "1 Tag" (the spin box's dative
    "Innerhalb 14 Tagen" is another text)."""
    from usagelens.model import SavedAnalysis
    from usagelens.workspace.evidence import settings_items

    for days, english, german in ((28, "28 days", "28 Tage"), (1, "1 day", "1 Tag")):
        saved = SavedAnalysis("R", "before_after", {"change": "2024-04-01", "event": "e", "days": days})
        shown = dict(settings_items(saved)[1])["Each side"]
        assert (shown, translated(shown)) == (english, german)


def test_step_4_s_segments_without_a_value_and_the_starter_themes_read_german(german) -> None:  # type: ignore[no-untyped-def]
    """The table's "(missing)" segment as the chart says it, and a starter theme's name on a chart or in a
    sentence; a theme the user named stays as named."""
    from usagelens.analytics.themes import theme_word
    from usagelens.ui.pages.analyse import table_formats

    shown = table_formats(["segment", "users"])["segment"]
    assert (shown("(missing)"), shown("free")) == ("(fehlt)", "free")
    assert (translated(theme_word("Price")), translated(theme_word("Pricing page"))) == ("Preis", "Pricing page")
    assert theme_word("Price") == "Price"  # the report's English


def test_step_5_s_survey_comments_are_dated_as_the_locale_writes_dates(  # type: ignore[no-untyped-def]
        german, window, wait_idle, demo_path) -> None:
    assert window.open_path(demo_path, ask=False)
    window.go_to_step(5)
    page = window.pages[4]
    page.tabs.setCurrentWidget(page.feedback)
    wait_idle()
    comments = page.feedback.comments.model
    assert comments.data(comments.index(0, 0)) == "01.01.2024"


def test_an_import_s_and_a_project_file_s_problem_read_german(german, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from usagelens.io import ImportFailed
    from usagelens.io.formats import refuse_folder
    from usagelens.model import ProjectFileError, load_project
    from usagelens.model.translatable import said

    with pytest.raises(ImportFailed) as refused:
        refuse_folder(tmp_path)
    assert str(refused.value).startswith(f"{tmp_path.name} is a folder; import the export files inside it")
    german_text = f"{tmp_path.name} ist ein Ordner; importieren Sie die Exportdateien darin."
    assert translated(said(refused.value)) == german_text
    with pytest.raises(ProjectFileError) as missing:
        load_project(tmp_path / "gone.ulens")
    assert (str(missing.value), translated(said(missing.value))) == (
        "gone.ulens does not exist (was it moved or deleted?).", "gone.ulens existiert nicht.")


def test_a_failed_recipe_step_says_why_in_german(german) -> None:  # type: ignore[no-untyped-def]
    """The recipe panel shows a step's failure in the user's language (the column's type too); the outcome keeps
    the English the CLI and the report read."""
    from usagelens.cleaning import apply_recipe
    from usagelens.model import RecipeStep

    frame = pd.DataFrame({"plan": ["free", "team"]})
    step = RecipeStep("filter_rows", {"column": "plan", "operator": "greater", "value": "3"})
    outcome = apply_recipe(frame, [step]).outcomes[0]
    assert outcome.error == "'greater' compares numbers or dates, but plan holds text; change its type first"
    assert translated(outcome.error) == "„greater“ vergleicht Zahlen oder Daten, aber plan enthält Text; ändern Sie " \
                                        "zuerst den Typ"
