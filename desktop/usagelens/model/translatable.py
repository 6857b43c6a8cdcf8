"""The mark for text the GUI translates but the core keeps in English.

Titles and labels declared below the Qt layers (step titles, analyses and their parameters, cleaning step
kinds, quality checks, KPI names) are wrapped in :func:`QT_TRANSLATE_NOOP` so pyside6-lupdate extracts them
(``scripts/update_translations.py`` lists these modules); the GUI translates them where it shows them, while
the CLI and the PDF report print the English the core holds.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name pyside6-lupdate looks for
    """Marks ``text`` for the GUI's translators (which look it up in ``context``); returns it unchanged."""
    return text
