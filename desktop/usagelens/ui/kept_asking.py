"""Every page's run that may send queries to a linked warehouse source asks as step 4 does (issue 15.3): its
work runs within a :func:`~usagelens.workspace.kept_runs.kept_run`, answered from the results kept in the
project where it can be; before the first query BigQuery estimates over the user's threshold (the preference
:func:`~usagelens.ui.settings.scan_question_above`), the run stops and the user is asked once (Run starts it
again without asking, Cancel sends nothing). Step 4 settles its own tasks (its progress bar and Cancel) with
:func:`kept_task` and :func:`settle`; the other pages hand their work to :func:`run_kept`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from usagelens.ui.analysis.kept_results import confirm_scan
from usagelens.ui.locale_numbers import size_text
from usagelens.ui.qt import QCoreApplication, QWidget
from usagelens.ui.settings import scan_question_above
from usagelens.ui.workers import Task, TaskRunner, Work
from usagelens.workspace.kept_runs import KeptRun, ScanConfirmation, kept_run


@dataclass(frozen=True)
class KeptOutcome:
    """What a run's work returned (``value``) and what its run learnt; ``asked``: the bytes BigQuery estimates
    its first query would scan when the run stopped to ask instead (then ``value`` is None)."""

    value: Any
    run: KeptRun
    asked: int | None = None


def kept_task(work: Work, refresh: bool = False, ask: bool = True, since: datetime | None = None) -> Work:
    """``work`` within a kept run (``refresh``: every query sent again; ``since``: results kept before then too),
    returning a :class:`KeptOutcome`; with ``ask``, one whose first query BigQuery estimates over the user's
    threshold stops before sending it."""
    above = scan_question_above() if ask else None  # read on the UI thread, where the run starts

    def kept(*, progress, cancelled) -> KeptOutcome:  # type: ignore[no-untyped-def]
        with kept_run(refresh, above, since) as run:
            try:
                return KeptOutcome(work(progress=progress, cancelled=cancelled), run)
            except ScanConfirmation as question:
                return KeptOutcome(None, run, question.size)

    return kept


def settle(outcome: KeptOutcome, parent: QWidget | None, done: Callable[[Any, KeptRun], None],
           again: Callable[[], None], declined: Callable[[int], None]) -> None:
    """On the UI thread: ``done`` with the work's value and run, or (the run stopped to ask) the scan question:
    a yes calls ``again`` (to run without asking), a no ``declined`` with the estimate."""
    if outcome.asked is None:
        done(outcome.value, outcome.run)
    elif confirm_scan(outcome.asked, parent):
        again()
    else:
        declined(outcome.asked)


def run_kept(runner: TaskRunner, key: str, label: str, work: Work, done: Callable[[Any, KeptRun], None],
             failed: Callable[[str], None] | None, parent: QWidget | None, declined: Callable[[int], None],
             refresh: bool = False, since: datetime | None = None) -> Task:
    """Run ``work`` in the background as a kept run (see the module), asking first where BigQuery's estimate
    is over the user's threshold: ``done(value, run)``, ``failed(message)`` or ``declined(size)`` follow on the
    UI thread. A yes runs the work again, under the same ``key``, without asking. ``since``: results kept
    before then are asked again (what the page shows is that recent)."""

    def start(ask: bool) -> Task:
        return runner.run(key, label, kept_task(work, refresh, ask, since),
                          lambda outcome: settle(outcome, parent, done, lambda: start(False), declined), failed)

    return start(True)


def not_run_text(size: int, again: str) -> str:
    """The one sentence a page shows when the user declined a run: what BigQuery estimated, and ``again``, how
    to ask again ("Refresh asks again")."""
    return QCoreApplication.translate("KeptAsking", "Not run: BigQuery estimates that it would scan about {size} "
                                                    "({again}).").format(size=size_text(size), again=again)
