"""The help in the app's language: F1 opens a step's German page in a German app, the English page where that
page is not translated yet (and in an English app), links and search follow the pages shown; and every German
page keeps its English page's structure, so a translation cannot drop a section, break a link or translate a
command."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from usagelens.model.steps import STEPS
from usagelens.ui.help import pages
from usagelens.ui.help.pages import STEP_PAGES, SUFFIX, help_dir
from usagelens.ui.qt import Qt, QUrl
from usagelens.ui.translations import install_translators, step_title, ui_language

GERMAN_PAGES = sorted((help_dir() / "de").glob(f"*{SUFFIX}"))
GERMAN_GATHER = "# Schritt 2 — Daten sammeln\n\nSiehe [Importformate](import-formats.md). Zwetschgenkuchen.\n"


@pytest.fixture
def german(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """The user's locale is German for one test, with the translators start-up would install for it."""
    before = QLocale()
    QLocale.setDefault(QLocale("de_DE"))
    install_translators()
    yield
    QLocale.setDefault(before)
    install_translators()


@pytest.fixture
def english(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """The app in English for one test, whatever the machine's locale."""
    install_translators(QLocale("en_US"))
    yield
    install_translators()


@pytest.fixture
def half_translated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A help folder with every English page and one German page, step 2's."""
    folder = tmp_path / "help"
    shutil.copytree(help_dir(), folder, ignore=shutil.ignore_patterns("de"))
    (folder / "de").mkdir()
    (folder / "de" / f"{STEP_PAGES[2]}{SUFFIX}").write_text(GERMAN_GATHER, encoding="utf-8")
    monkeypatch.setattr(pages, "help_dir", lambda: folder)
    return folder


def _press_f1_on_step(window, qtbot, number: int):  # type: ignore[no-untyped-def]
    window.go_to_step(number)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    return window.help_window


def test_the_help_speaks_the_language_of_the_catalogue_installed(german) -> None:  # type: ignore[no-untyped-def]
    assert ui_language() == "de"
    install_translators(QLocale("en_US"))
    assert ui_language() == "en"


def test_f1_in_german_opens_the_german_page(german, half_translated, window, qtbot) -> None:  # type: ignore[no-untyped-def]
    help = _press_f1_on_step(window, qtbot, 2)
    assert help.current_page() == STEP_PAGES[2]
    assert help.browser.toPlainText().startswith("Schritt 2 — Daten sammeln")
    assert help.contents.currentItem().text() == "Schritt 2 — Daten sammeln"


def test_f1_in_german_opens_the_english_page_where_none_is_translated(german, half_translated, window, qtbot) -> None:  # type: ignore[no-untyped-def]
    help = _press_f1_on_step(window, qtbot, 3)
    assert help.current_page() == STEP_PAGES[3]
    assert help.browser.toPlainText().startswith("Step 3 — Clean & prepare")


def test_a_german_page_s_link_to_an_english_page_opens_it(german, half_translated, window, qtbot) -> None:  # type: ignore[no-untyped-def]
    help = _press_f1_on_step(window, qtbot, 2)
    help.browser.setSource(help.browser.source().resolved(QUrl("import-formats.md")))  # as a click on the link
    assert help.current_page() == "import-formats"
    assert help.browser.source().toLocalFile() == str(half_translated / "import-formats.md")
    assert help.browser.toPlainText().startswith("Import formats")


def test_search_finds_the_words_of_the_pages_shown(german, half_translated, window, qtbot) -> None:  # type: ignore[no-untyped-def]
    help = _press_f1_on_step(window, qtbot, 5)
    help.search.setText("zwetschgenkuchen")
    assert help.current_page() == STEP_PAGES[2]
    assert help.highlighted() == ["Zwetschgenkuchen"]
    assert help.matching_pages("schritt 2 — daten sammeln") == [STEP_PAGES[2]]


def test_an_english_app_shows_the_english_pages(english, half_translated, window, qtbot) -> None:  # type: ignore[no-untyped-def]
    help = _press_f1_on_step(window, qtbot, 2)
    assert help.browser.toPlainText().startswith(f"Step 2 — {STEPS[1].title}")


# --- the German pages' structure -----------------------------------------------------------------------
def _structure(text: str) -> dict[str, list[str]]:
    """What a translation keeps of its page: the heading levels in order, the lists' items and the tables' rows
    (counted), the link targets and the code spans (in any order: German may reorder a sentence)."""
    lines = text.splitlines()
    return {
        "heading levels": [line.split(" ", 1)[0] for line in lines if re.match(r"#+ ", line)],
        "list items": [str(sum(bool(re.match(r"\s*([-*+]|\d+\.) ", line)) for line in lines))],
        "table rows": [str(sum(line.lstrip().startswith("|") for line in lines))],
        "link targets": sorted(re.findall(r"\]\(([^)\s]+)\)", text)),
        "code spans": sorted(re.findall(r"`([^`]+)`", text)),
    }


def _differences(english: list[str], german: list[str], part: str) -> tuple[list[str], list[str]]:
    """What the German page lacks and adds of ``part``. Code spans are literals (a command, a column, a file's
    ``1.5``), except a number the user types into the app, which a German page writes the German way for the
    app to read it (``0.3`` is ``0,3``, ``30%`` is ``30 %``): such a span matches by its value."""
    missing, added = Counter(english) - Counter(german), Counter(german) - Counter(english)
    if part == "code spans":
        values = Counter(_number_value(span, ".") for span in missing.elements())
        german_values = Counter(_number_value(span, ",") for span in added.elements())
        missing, added = values - german_values, german_values - values
    return sorted(missing.elements()), sorted(added.elements())


def _number_value(span: str, decimal: str) -> str:
    """A typed number ("1.000,5 %" with a decimal comma) as "1000.5%"; any other span as it is."""
    number = re.fullmatch(r"(\d[\d.,]*)\s?(%?)", span)
    if number is None:
        return span
    grouping = "," if decimal == "." else "."
    return number.group(1).replace(grouping, "").replace(decimal, ".") + number.group(2)


@pytest.mark.parametrize("german_page", GERMAN_PAGES, ids=[path.name for path in GERMAN_PAGES])
def test_a_german_page_keeps_its_english_page_s_structure(german_page: Path) -> None:
    english = help_dir() / german_page.name
    assert english.is_file(), f"de/{german_page.name} has no English page of that name"
    want, got = _structure(english.read_text(encoding="utf-8")), _structure(german_page.read_text(encoding="utf-8"))
    for part, english_part in want.items():
        if part in ("heading levels", "list items", "table rows"):  # in order, or counted
            assert got[part] == english_part, f"de/{german_page.name}: its {part} differ from the English page's"
        else:
            missing, added = _differences(english_part, got[part], part)
            assert not missing and not added, (
                f"de/{german_page.name}: its {part} differ from the English page's: missing {missing}, added {added}")


def test_german_step_pages_are_titled_after_the_german_step(german) -> None:  # type: ignore[no-untyped-def]
    titles = {page.name: page.title for page in pages.help_pages() if page.path.parent.name == "de"}
    for step in STEPS:
        if STEP_PAGES[step.number] in titles:
            assert titles[STEP_PAGES[step.number]] == f"Schritt {step.number} — {step_title(step)}"
