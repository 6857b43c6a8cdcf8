"""A task that fails with one of our own sentences (a warehouse out of reach) logs that sentence, not a
traceback; anything else keeps its traceback in the log for whoever debugs it."""

from __future__ import annotations

import logging

import pytest

from usagelens.io.warehouse.url import WarehouseError
from usagelens.ui.workers import Task


def _failing(error: Exception):  # type: ignore[no-untyped-def]
    def work(*, progress, cancelled):  # type: ignore[no-untyped-def]
        raise error

    return work


@pytest.mark.parametrize(("error", "traceback"), [
    (WarehouseError("cannot connect to db.example.com:5432/shop: connection refused"), False),
    (ValueError("a bug"), True),
], ids=["warehouse", "bug"])
def test_a_failure_is_logged_as_a_sentence_or_with_its_traceback(
        qtbot, caplog: pytest.LogCaptureFixture, error: Exception, traceback: bool) -> None:  # type: ignore[no-untyped-def]
    task = Task("Measuring objectives", _failing(error))
    said: list[str] = []
    task.failed.connect(said.append)
    with caplog.at_level(logging.WARNING, logger="usagelens.ui.workers"):
        task.execute()
    (record,) = [r for r in caplog.records if r.name == "usagelens.ui.workers"]
    assert ("Traceback" in record.getMessage()) is traceback
    assert str(error) in record.getMessage() and len(said) == 1
    if not traceback:
        assert record.getMessage() == f"Measuring objectives failed: {error}" and said == [str(error)]
