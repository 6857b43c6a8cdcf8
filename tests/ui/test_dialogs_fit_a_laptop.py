"""Every dialog fits a 1366×768 laptop at 125 % scaling less a taskbar (1093×574 logical pixels), in English and
German, with its buttons in sight: the dialog filter shrinks a dialog to 95 % of that (1038×545) but never below
its layout's least size, so the import dialog of a survey (562 px) and Connect (554 px) kept their OK and Cancel
partly below the screen's edge."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_dialog_focus_walk import DIALOGS, import_of, shown

from usagelens.ui.qt import QApplication, QDialog, QDialogButtonBox, QPoint, QRect, QScrollArea, QSize

LAPTOP = QRect(0, 0, 1093, 574)
OPENING_SIZES = {"import survey": (980, 680), "connect previewed": (960, 720)}  # as the dialogs resize themselves
SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def help_window(qtbot, request: pytest.FixtureRequest) -> QDialog:  # type: ignore[no-untyped-def]
    from usagelens.ui.help.window import HelpWindow

    return shown(qtbot, HelpWindow(request.getfixturevalue("window")))


# the survey's import is the tallest: its column roles to choose
OPENERS = {**DIALOGS, "import survey": import_of("survey.csv"), "help": help_window}


@pytest.fixture(params=["English", "German"])
def language(request: pytest.FixtureRequest, whole_german) -> str:  # type: ignore[no-untyped-def]
    """The app in English or with its whole German catalogue."""
    if request.param == "German":
        whole_german()
    return request.param


def buttons_out_of_sight(dialog: QDialog) -> list[str]:
    """The dialog's closing buttons (its button boxes') that lie partly outside it or inside a scrolled area."""
    out = []
    for box in dialog.findChildren(QDialogButtonBox):
        for button in (b for b in box.buttons() if b.isVisible()):
            where = QRect(button.mapTo(dialog, QPoint(0, 0)), button.size())
            scrolled = any(area.isAncestorOf(button) for area in dialog.findChildren(QScrollArea))
            if not dialog.rect().contains(where) or scrolled:
                out.append(f"{button.text()!r} at {where.getRect()} of {dialog.rect().getRect()}")
    return out


@pytest.mark.parametrize("name", list(OPENERS))
def test_every_dialog_fits_a_laptop_with_its_buttons_in_sight(  # type: ignore[no-untyped-def]
        qtbot, request: pytest.FixtureRequest, language: str, name: str) -> None:
    from usagelens.ui.dialog_fit import SCREEN_SHARE, fit_within

    dialog = OPENERS[name](qtbot, request)
    fit_within(dialog, LAPTOP)
    QApplication.processEvents()
    most = (int(LAPTOP.width() * SCREEN_SHARE), int(LAPTOP.height() * SCREEN_SHARE))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SCREENSHOTS / f"laptop-{language}-{name.replace(' ', '-')}.png"))
    assert dialog.width() <= most[0] and dialog.height() <= most[1], (
        f"{name} in {language}: {dialog.width()}×{dialog.height()} (least {dialog.minimumSizeHint().toTuple()}), "
        f"the screen has {most[0]}×{most[1]}")
    assert not buttons_out_of_sight(dialog), buttons_out_of_sight(dialog)


@pytest.mark.parametrize("name", ["import survey", "connect previewed", "personal data"])
def test_a_dialog_whose_body_scrolls_opens_whole_where_there_is_room(  # type: ignore[no-untyped-def]
        qtbot, request: pytest.FixtureRequest, name: str) -> None:
    """At the size it asks for (as on a 1920×1080 screen) the body shows whole: no scroll bar."""
    from usagelens.ui.dialog_body import DialogBody

    dialog = OPENERS[name](qtbot, request)
    dialog.resize(dialog.sizeHint().expandedTo(QSize(*OPENING_SIZES.get(name, (0, 0)))))
    QApplication.processEvents()
    body = dialog.findChild(DialogBody)
    assert not body.verticalScrollBar().isVisible() and not body.horizontalScrollBar().isVisible(), (
        name, dialog.size().toTuple(), body.widget().minimumSizeHint().toTuple())


@pytest.mark.parametrize("size", ["opening", "laptop"])
def test_the_cohorts_conditions_fit_the_dialog_s_width(  # type: ignore[no-untyped-def]
        qtbot, request: pytest.FixtureRequest, language: str, size: str) -> None:
    """Each condition's row fits the Cohorts dialog's width at its opening size (980×560 on a 1366×768 screen)
    and on the laptop, its vertical scroll bar showing: in German the event's row needed 771 px of the 724 left
    beside that bar (the kind, the event, "mindestens" and "höchstens" with their spin boxes side by side)."""
    from usagelens.ui.dialog_fit import fit_within

    dialog = OPENERS["cohorts"](qtbot, request)
    for _ in range(2):  # the widest row in German; with two the conditions scroll down at either size
        dialog.add_condition({"kind": "event_count"})
    dialog.resize(980, 560)  # as it asks (the offscreen test screen, 800 px wide, had shrunk it)
    fit_within(dialog, QRect(0, 0, 1366, 768) if size == "opening" else LAPTOP)
    qtbot.wait(50)  # the rows added are laid out, and the scroll bars follow
    dialog.grab().save(str(SCREENSHOTS / f"cohorts-{language}-{size}.png"))
    area = next(a for a in dialog.findChildren(QScrollArea) if a.isVisible())
    assert area.verticalScrollBar().isVisible()
    assert not area.horizontalScrollBar().isVisible(), (
        language, dialog.size().toTuple(), area.widget().minimumSizeHint().width(), area.viewport().width())
