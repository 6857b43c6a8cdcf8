"""The bundled help (F1 at the step on screen, contents, search, links, size kept), the About box's licences,
and the tooltips of the analysis parameters."""

from __future__ import annotations

import re
from importlib.metadata import PackageNotFoundError, metadata, requires

import pytest
from packaging.requirements import Requirement
from PySide6.QtCore import Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel

from usagelens.model.steps import STEPS
from usagelens.ui.help.about import MAIN, THIRD_PARTY, AboutDialog
from usagelens.ui.help.pages import ORDER, STEP_PAGES, SUFFIX, help_dir, help_pages
from usagelens.ui.help.window import HelpWindow
from usagelens.ui.qt import QObject, QSize, Qt, QTextCursor, QUrl
from usagelens.workspace.analyses import ANALYSES, DataFacts

ONLY_ON_IMPORT_FORMATS = "SurveyMonkey"


# --- the files -----------------------------------------------------------------------------------------
def test_every_help_page_exists_has_a_title_and_its_links_resolve() -> None:
    pages = {page.name: page for page in help_pages()}
    assert sorted(p.stem for p in help_dir().glob(f"*{SUFFIX}")) == sorted(ORDER), "a page is missing or unlisted"
    assert set(STEP_PAGES) == {step.number for step in STEPS}
    for page in pages.values():
        assert page.source().startswith("# "), f"{page.name} does not start with its title"
        for target in page.links():
            if target.startswith("https://"):
                continue
            assert target.endswith(SUFFIX) and target.removesuffix(SUFFIX) in pages, f"{page.name} → {target}"


def test_each_step_page_is_titled_after_its_step() -> None:
    titles = {page.name: page.title for page in help_pages()}
    for step in STEPS:
        assert titles[STEP_PAGES[step.number]] == f"Step {step.number} — {step.title}"


def test_the_pages_carry_no_colours_of_their_own() -> None:
    """Colours come from the palette, so the help reads as well on a dark theme."""
    for page in help_pages():
        text = page.source().lower()
        assert not re.search(r"<font|style=|color\s*[:=]|#[0-9a-f]{3,6}\b", text), page.name


# --- the window ----------------------------------------------------------------------------------------
@pytest.fixture
def help_window(qtbot):  # type: ignore[no-untyped-def]
    help = HelpWindow()
    qtbot.addWidget(help)
    help.show()
    qtbot.waitExposed(help)
    return help


def test_f1_opens_the_help_page_of_each_step(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    for step in STEPS:
        window.go_to_step(step.number)
        window.activateWindow()
        qtbot.keyClick(window, Qt.Key.Key_F1)
        help = window.help_window
        assert help is not None and help.isVisible()
        assert help.current_page() == STEP_PAGES[step.number]
        assert help.browser.toPlainText().startswith(f"Step {step.number} — {step.title}")
        assert help.contents.currentItem().data(Qt.ItemDataRole.UserRole) == STEP_PAGES[step.number]
        qtbot.keyClick(help, Qt.Key.Key_Escape)
        assert not help.isVisible()


def test_f1_on_the_welcome_page_opens_the_method(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.show_welcome()
    assert window.show_help().current_page() == "overview"


def test_the_help_menu_opens_the_reference_pages(window) -> None:  # type: ignore[no-untyped-def]
    actions = {a.text().replace("&", ""): a for a in window.menuBar().actions()[-1].menu().actions()}
    actions["Metric definitions"].trigger()
    assert window.help_window.current_page() == "metrics"
    actions["Import formats"].trigger()
    assert window.help_window.current_page() == "import-formats"
    assert actions["Help for this step"].shortcut().toString() == "F1"


def test_search_keeps_the_pages_that_mention_a_word_and_marks_it(help_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    holders = [p.name for p in help_pages() if ONLY_ON_IMPORT_FORMATS.lower() in p.source().lower()]
    assert holders == ["import-formats"], "the test's word must be on exactly one page"
    help_window.show_page("step-1-objectives")
    qtbot.keyClicks(help_window.search, ONLY_ON_IMPORT_FORMATS.lower())
    shown = [help_window.contents.item(row) for row in range(help_window.contents.count())
             if not help_window.contents.item(row).isHidden()]
    assert [item.data(Qt.ItemDataRole.UserRole) for item in shown] == ["import-formats"]
    assert shown[0].text() == "Import formats  (1)"
    assert help_window.current_page() == "import-formats"
    assert help_window.highlighted() == [ONLY_ON_IMPORT_FORMATS]
    assert not help_window.no_match.isVisible()


def test_search_for_several_words_and_for_nothing_found(help_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    help_window.search.setText("promoters detractors")
    # the NPS analysis's paragraph and the metric's definition
    assert help_window.matching_pages(help_window.search.text()) == ["step-4-analyse", "metrics"]
    marked = help_window.highlighted()
    assert {text.lower() for text in marked} == {"promoters", "detractors"}
    first = help_window.browser.textCursor().position()
    qtbot.keyClick(help_window.search, Qt.Key.Key_Return)
    assert help_window.browser.textCursor().position() > first  # Enter goes to the next match
    help_window.search.setText("zebra")
    assert help_window.no_match.isVisible() and "zebra" in help_window.no_match.text()
    help_window.search.clear()
    assert all(not help_window.contents.item(row).isHidden() for row in range(help_window.contents.count()))
    assert help_window.highlighted() == []


def test_a_link_to_another_page_opens_it(help_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    help_window.show_page("overview")
    browser = help_window.browser
    block = browser.document().begin()
    position = None
    while block.isValid() and position is None:
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref() == "metrics.md":
                position = fragment.position() + 1
                break
            it += 1
        block = block.next()
    assert position is not None, "the overview links to the metric definitions"
    cursor = QTextCursor(browser.document())
    cursor.setPosition(position)
    point = browser.cursorRect(cursor).center()
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert help_window.current_page() == "metrics"
    assert help_window.contents.currentItem().data(Qt.ItemDataRole.UserRole) == "metrics"


def test_the_help_window_remembers_its_size(qtbot) -> None:  # type: ignore[no-untyped-def]
    first = HelpWindow()
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 480)
    qtbot.keyClick(first, Qt.Key.Key_Escape)
    assert not first.isVisible()
    second = HelpWindow()
    qtbot.addWidget(second)
    assert second.size() == QSize(700, 480)


# --- the About box -------------------------------------------------------------------------------------
def test_about_lists_every_component_with_its_licence_and_site(qtbot) -> None:  # type: ignore[no-untyped-def]
    about = AboutDialog()
    qtbot.addWidget(about)
    text = about.licences.toPlainText()
    for entry in THIRD_PARTY:
        assert entry.name in text and entry.licence in text and entry.url.removeprefix("https://") in text
    for name in ("PySide6", "pandas", "NumPy", "pyarrow", "DuckDB", "Ibis", "pyqtgraph", "python-calamine",
                 "openpyxl", "platformdirs", "keyring", "charset-normalizer", "SQLGlot"):
        assert any(name in entry.name for entry in MAIN), name
    assert "LGPL" in text and "code.qt.io" in text



def test_about_licence_links_are_one_tab_stop_walked_by_arrows_and_opened_with_enter(qtbot) -> None:  # type: ignore[no-untyped-def]
    opened: list[str] = []

    class Opener(QObject):
        @Slot(QUrl)
        def open(self, url: QUrl) -> None:
            opened.append(url.toString())

    opener = Opener()
    QDesktopServices.setUrlHandler("https", opener, "open")  # no browser starts in the test
    try:
        about = AboutDialog()
        qtbot.addWidget(about)
        about.show()
        licences = about.licences
        licences.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.keyClick(licences, Qt.Key.Key_Tab)
        assert about.focusWidget() is not licences, "Tab leaves the licences in one press"
        licences.setFocus(Qt.FocusReason.BacktabFocusReason)
        qtbot.keyClick(licences, Qt.Key.Key_Backtab)
        assert about.focusWidget() is not licences
        licences.setFocus(Qt.FocusReason.TabFocusReason)
        assert len(licences.links()) == len(THIRD_PARTY) + 1  # every site and code.qt.io
        qtbot.keyClick(licences, Qt.Key.Key_Down)
        qtbot.keyClick(licences, Qt.Key.Key_Down)
        qtbot.keyClick(licences, Qt.Key.Key_Up)
        assert licences.textCursor().selectedText() == MAIN[0].url.removeprefix("https://")
        qtbot.keyClick(licences, Qt.Key.Key_Down)
        qtbot.keyClick(licences, Qt.Key.Key_Return)
        assert opened == [MAIN[1].url]
    finally:
        QDesktopServices.unsetUrlHandler("https")


def _declared(distribution: str) -> tuple[str, list[str]]:
    """A package's licence as it states it (``License-Expression``, else a one-line ``License`` field) and
    its licence classifiers."""
    meta = metadata(distribution)
    classifiers = [c for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    stated = meta.get("License-Expression") or meta.get("License") or ""
    return LONG_NAMES.get(stated, stated if "\n" not in stated else ""), classifiers


FAMILIES = {"MIT License": "MIT", "Apache Software License": "Apache-2.0", "BSD License": "BSD-"}
# A stated licence that names none (python-dateutil 2.9's "Dual License"): its classifiers say which
LONG_NAMES = {"Apache License, Version 2.0": "Apache-2.0", "Dual License": ""}


@pytest.mark.parametrize("entry", [e for e in THIRD_PARTY if e.distributions], ids=lambda e: e.name)
def test_each_licence_is_the_one_its_package_declares(entry) -> None:  # type: ignore[no-untyped-def]
    for distribution in entry.distributions:
        try:
            expression, classifiers = _declared(distribution)
        except PackageNotFoundError:
            pytest.fail(f"{distribution} is listed but not installed")
        if expression:
            assert expression == entry.licence, distribution
        else:
            families = [FAMILIES[c.rsplit(" :: ", 1)[-1]] for c in classifiers]
            assert families and all(family in entry.licence for family in families), (distribution, classifiers)


def _runtime_closure(name: str, extras: tuple[str, ...] = ()) -> set[str]:
    """The distributions ``name`` needs at run time on this platform, with the extras asked for."""
    found: set[str] = set()
    pending = [(name, extras)]
    while pending:
        current, wanted = pending.pop()
        for line in requires(current) or []:
            requirement = Requirement(line)
            if requirement.marker is not None and not any(
                requirement.marker.evaluate({"extra": extra}) for extra in (*wanted, "")
            ):
                continue
            canonical = metadata(requirement.name)["Name"]
            if canonical not in found:
                found.add(canonical)
                pending.append((requirement.name, tuple(requirement.extras)))
    return found


def test_every_runtime_dependency_has_its_licence_listed() -> None:
    listed = {metadata(d)["Name"].lower() for entry in THIRD_PARTY for d in entry.distributions}
    missing = sorted(d for d in _runtime_closure("usagelens") if d.lower() not in listed)
    assert not missing, f"add these to ui/help/about.py with their licences: {missing}"


# --- tooltips of the analysis parameters ---------------------------------------------------------------
def test_each_parameter_label_and_editor_shows_its_help(qtbot) -> None:  # type: ignore[no-untyped-def]
    from usagelens.ui.analysis.param_panel import ParamPanelWidget

    facts = DataFacts(events=("signup", "create_project", "upgrade_plan"), attributes=("plan",),
                      attribute_values=(("plan", ("free", "pro")),))
    for kind in ("funnel", "retention", "experiment"):
        params = ANALYSES[kind].params(facts)
        panel = ParamPanelWidget(kind, params)
        qtbot.addWidget(panel)
        for param in params:
            editor = panel.editors[param.name]
            # beside its field in the form, or (a funnel's list of steps) on the row above it, bound as its buddy
            label = panel.layout().labelForField(editor) or next(
                found for found in panel.findChildren(QLabel) if found.buddy() is editor)
            assert editor.toolTip() == label.toolTip() == param.help != ""
