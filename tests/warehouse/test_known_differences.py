"""Each known difference of a warehouse executor (tests/conformance/executors.py) still shows on its example:
once a definition, Ibis or the engine is fixed, this fails and the entry must leave the list, so the
conformance suite checks those calls again."""

from __future__ import annotations

import pytest
from cases import CASES
from executors import EXECUTORS, KNOWN_DIFFERENCES, REFERENCE, Difference, difference, run


@pytest.mark.parametrize("known", KNOWN_DIFFERENCES, ids=lambda known: f"{known.executor}-{known.example[1]}")
def test_the_difference_still_shows(known: Difference) -> None:
    case, metric, args, kwargs = known.example
    frame = CASES[case]
    assert known.covers(frame, metric, args, kwargs), "the example is not a call the entry covers"
    executor = next(executor for executor in EXECUTORS if executor.name == known.executor)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("executors.KNOWN_DIFFERENCES", [])  # run the call as if nothing were known
        try:
            got: object = run(executor, frame, metric, *args, **kwargs)
        except Exception as error:  # noqa: BLE001 - an engine or compiler error is the difference
            got = error
    want = run(REFERENCE, frame, metric, *args, **kwargs)
    assert difference(got, want) is not None, f"fixed: remove the entry ({known.reason})"
