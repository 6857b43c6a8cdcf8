"""Entity tables on a wide window: the spare room goes to the main text column (an action, a finding), so it
wraps less, not to a short last column that would stand wide and empty (RICE score, Industry)."""

from __future__ import annotations

from usagelens.model import Action
from usagelens.ui.document import ProjectDocument
from usagelens.ui.entity_table import Column, EntityTableModel, EntityTableView

COLUMNS = [
    Column("title", "Action", width=150),
    Column("owner", "Owner", kind="choice", width=92),
    Column("rice", "RICE score", kind="computed", width=87, compute=lambda _: ""),
]


def _view(qtbot, width: int) -> tuple[EntityTableView, list[int]]:  # type: ignore[no-untyped-def]
    """The view at ``width`` and its columns' widths before it was shown (declared, or its header's text)."""
    document = ProjectDocument()
    document.project.actions = [Action("Ship a one-tap reminder from any task and a daily digest")]
    view = EntityTableView(EntityTableModel(document, ("actions",), COLUMNS))
    declared = [view.horizontalHeader().sectionSize(n) for n in range(3)]
    qtbot.addWidget(view)
    view.resize(width, 300)
    view.show()
    qtbot.waitExposed(view)
    return view, declared


def test_the_main_column_takes_the_spare_room(qtbot) -> None:  # type: ignore[no-untyped-def]
    view, declared = _view(qtbot, 900)
    header = view.horizontalHeader()
    assert [header.sectionSize(n) for n in (1, 2)] == declared[1:] and header.sectionSize(0) > declared[0]
    assert sum(header.sectionSize(n) for n in range(3)) == view.viewport().width()

    header.resizeSection(1, 200)  # a column dragged wider: the main one gives up the room
    assert sum(header.sectionSize(n) for n in range(3)) == view.viewport().width()


def test_free_text_columns_share_the_room(qtbot) -> None:  # type: ignore[no-untyped-def]
    document = ProjectDocument()
    columns = [Column("title", "Action", width=200), Column("owner", "Owner", width=100),
               Column("rice", "RICE score", kind="computed", width=90, compute=lambda _: "")]
    view = EntityTableView(EntityTableModel(document, ("actions",), columns))
    qtbot.addWidget(view)
    view.resize(1000, 300)
    view.show()
    qtbot.waitExposed(view)
    header = view.horizontalHeader()
    assert header.sectionSize(0) > 200 and header.sectionSize(1) > 100 and header.sectionSize(2) < 120
    assert abs(header.sectionSize(0) - 2 * header.sectionSize(1)) <= 2  # in proportion to their declared widths
    assert sum(header.sectionSize(n) for n in range(3)) == view.viewport().width()


def test_a_column_that_grows_takes_the_room_instead(qtbot) -> None:  # type: ignore[no-untyped-def]
    document = ProjectDocument()
    columns = [COLUMNS[0], Column("expected_impact", "Expected effect", width=120, grows=True)]
    view = EntityTableView(EntityTableModel(document, ("actions",), columns))
    qtbot.addWidget(view)
    view.resize(900, 300)
    view.show()
    qtbot.waitExposed(view)
    assert view.horizontalHeader().sectionSize(0) == 150 and view.horizontalHeader().sectionSize(1) > 600


def test_a_narrow_view_keeps_the_declared_widths(qtbot) -> None:  # type: ignore[no-untyped-def]
    view, declared = _view(qtbot, 250)
    assert [view.horizontalHeader().sectionSize(n) for n in range(3)] == declared
    assert view.horizontalScrollBar().maximum() > 0
