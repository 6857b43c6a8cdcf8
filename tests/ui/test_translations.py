"""The app in German: Qt's own translations (dialog buttons) and the app's (menus, step navigator, welcome
page) are installed for the user's locale, and the German catalogue is complete and compiled."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QTranslator
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
