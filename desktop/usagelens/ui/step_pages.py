"""The eight step pages, each built the first time it is needed.

Building every page up front made the window wait for what step 2 to 8 import (pandas' grids, pyqtgraph's
charts, Ibis and DuckDB behind step 3's quality check) before it could paint the welcome page; start-up must
stay within 1.5 s (issue 17). ``StepPages`` is the window's ``pages``: a sequence that builds a page on its
first access, so everything that talks to a page (``window.pages[3]``, a loop over all of them) keeps working.
Each page module is imported inside its builder, so the start path reaches none of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import overload

from usagelens.model.steps import STEPS
from usagelens.ui.data_cache import DataCache
from usagelens.ui.document import ProjectDocument
from usagelens.ui.pages.base import StepPage
from usagelens.ui.workers import TaskRunner


def build_page(index: int, document: ProjectDocument, runner: TaskRunner, cache: DataCache) -> StepPage:
    """The page of step ``index + 1``, imported only now."""
    step = STEPS[index]
    if index == 0:
        from usagelens.ui.pages.objectives import ObjectivesPage

        return ObjectivesPage(step, document, runner, cache)
    if index == 1:
        from usagelens.ui.pages.data import DataPage

        return DataPage(step, document, runner)
    if index == 2:
        from usagelens.ui.pages.clean import CleanPage

        return CleanPage(step, document, runner, cache)
    if index == 3:
        from usagelens.ui.pages.analyse import AnalysePage

        return AnalysePage(step, document, runner, cache)
    if index == 4:
        from usagelens.ui.pages.findings import FindingsPage

        return FindingsPage(step, document, runner, cache)
    if index == 5:
        from usagelens.ui.pages.actions import ActionsPage

        return ActionsPage(step, document, runner)
    if index == 6:
        from usagelens.ui.pages.implement import ImplementPage

        return ImplementPage(step, document, runner, cache)
    from usagelens.ui.pages.review import ReviewPage

    return ReviewPage(step, document, runner, cache)


class StepPages(Sequence[StepPage]):
    """One page per step, built on first access; ``on_built(index, page)`` places a new page in the window."""

    def __init__(self, build: Callable[[int], StepPage], on_built: Callable[[int, StepPage], None]) -> None:
        self._build = build
        self._on_built = on_built
        self._pages: list[StepPage | None] = [None] * len(STEPS)

    def __len__(self) -> int:
        return len(self._pages)

    @overload
    def __getitem__(self, index: int) -> StepPage: ...

    @overload
    def __getitem__(self, index: slice) -> list[StepPage]: ...

    def __getitem__(self, index: int | slice) -> StepPage | list[StepPage]:
        if isinstance(index, slice):
            return [self[i] for i in range(len(self._pages))[index]]
        position = range(len(self._pages))[index]  # negative indices as a list's; IndexError out of range
        page = self._pages[position]
        if page is None:
            page = self._pages[position] = self._build(position)
            self._on_built(position, page)
        return page

    def __iter__(self) -> Iterator[StepPage]:
        return (self[i] for i in range(len(self._pages)))

    def built(self) -> list[StepPage]:
        """The pages built so far (asking for the others would build them)."""
        return [page for page in self._pages if page is not None]
