"""Asking for one date, with a sentence saying what it is for (a baseline's as-of day)."""

from __future__ import annotations

from datetime import date

from usagelens.charts.locale_text import date_format
from usagelens.ui.pages.base import ok_cancel_buttons
from usagelens.ui.qt import QDate, QDateEdit, QDialog, QLabel, QVBoxLayout, QWidget


def ask_date(parent: QWidget | None, title: str, text: str, default: date) -> date | None:
    """The date the user confirms (``default`` preselected), or None when they cancel."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    label = QLabel(text)
    label.setWordWrap(True)
    edit = QDateEdit(QDate(default.year, default.month, default.day), calendarPopup=True)
    edit.setDisplayFormat(date_format())
    edit.setAccessibleName(title)
    label.setBuddy(edit)
    layout = QVBoxLayout(dialog)
    layout.addWidget(label)
    layout.addWidget(edit)
    layout.addWidget(ok_cancel_buttons(dialog))
    dialog.resize(420, 140)
    if not dialog.exec():
        return None
    chosen = edit.date()
    return date(chosen.year(), chosen.month(), chosen.day())
