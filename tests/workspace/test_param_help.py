"""Every parameter of every gallery analysis explains itself: its ``help`` is the editor's tooltip in step 4."""

from __future__ import annotations

from datetime import date

import pytest

from usagelens.workspace.analyses import ANALYSES, DataFacts

# Facts that switch on every optional parameter: event properties (``Counted under``), metrics exports,
# releases and attribute values.
RICH_FACTS = DataFacts(
    events=("signup", "create_project", "invite_teammate", "upgrade_plan"),
    first_day=date(2024, 1, 1),
    last_day=date(2024, 6, 30),
    attributes=("plan", "browser"),
    releases=(date(2024, 3, 4),),
    attribute_values=(("plan", ("free", "pro")), ("browser", ("chrome", "firefox"))),
    properties=("browser",),
    journey=("signup", "create_project"),
    metrics=("sessions",),
    metric_dimensions=("country",),
)


@pytest.mark.parametrize("kind", list(ANALYSES))
def test_every_parameter_has_a_plain_help(kind: str) -> None:
    params = ANALYSES[kind].params(RICH_FACTS)
    missing = [p.name for p in params if not p.help.strip()]
    assert not missing, f"{kind}: parameters without help: {missing}"
    for param in params:
        assert param.help[0].isupper() and not param.help.endswith("."), (kind, param.name, param.help)


def test_the_rich_facts_reach_the_optional_parameters() -> None:
    """The facts above really switch on the parameters only some data has (else the test above sees less)."""
    names = {p.name for spec in ANALYSES.values() for p in spec.params(RICH_FACTS)}
    assert {"counted", "control", "metric", "exclude", "window", "threshold"} <= names
