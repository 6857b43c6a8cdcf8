"""Prioritising actions (step 6): the RICE score, reach × impact × confidence ÷ effort.

RICE (Intercom's method) keeps a plan honest: a big reach with low confidence and a large effort does not
outrank a small sure thing. Any missing factor leaves the score empty rather than guessing.
"""

from __future__ import annotations

from usagelens.model import Action


def rice_score(action: Action) -> float | None:
    """The RICE score of an action, or None while a factor is missing or the effort is zero."""
    factors = (action.reach, action.impact, action.confidence, action.effort)
    if any(f is None for f in factors) or not action.effort:
        return None
    return action.reach * action.impact * action.confidence / action.effort  # type: ignore[operator]


def by_priority(actions: list[Action]) -> list[Action]:
    """Actions by RICE score, highest first; unscored actions keep their order after the scored ones."""
    return sorted(actions, key=lambda a: -(rice_score(a) or -1.0))
