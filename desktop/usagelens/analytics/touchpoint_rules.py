"""Touchpoint rules: raw event names grouped by the user's rules before journeys are formed.

A rule is ``name = pattern``: a wildcard (``checkout_*``, ``?`` for one character) or, after ``re:``, a regular
expression searched in the name (``re:^help_``). The first rule that matches an event names its touchpoint; an
event no rule matches is its own touchpoint. The rules are resolved here once, against the data's event names,
into a plain mapping that either engine applies its own way: a code remap on an event log, a ``CASE`` over
``event`` on a view. So both engines group alike by construction.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase

from usagelens.analytics.errors import AnalysisError
from usagelens.model.translatable import QT_TRANSLATE_NOOP

REGEX_PREFIX = "re:"
RULE_SEPARATOR = ";"  # between rules written on one line (the gallery's text field)


@dataclass(frozen=True)
class TouchpointRule:
    """Events whose name matches ``pattern`` become the touchpoint ``name``."""

    name: str
    pattern: str

    def matches(self, event: str) -> bool:
        if self.pattern.startswith(REGEX_PREFIX):
            return re.search(self.pattern[len(REGEX_PREFIX):], event) is not None
        return fnmatchcase(event, self.pattern)


def parse_rules(text: str | Iterable[str], reserved: Sequence[str] = ()) -> tuple[TouchpointRule, ...]:
    """Rules from ``name = pattern`` lines (or one line of them separated by ``;``); a line without ``=``, an
    empty side, a bad regular expression or a name in ``reserved`` (labels the journey map draws itself) is an
    :class:`AnalysisError` naming the rule."""
    lines = text.split(RULE_SEPARATOR) if isinstance(text, str) else [
        part for line in text for part in line.split(RULE_SEPARATOR)
    ]
    rules = []
    for line in (line.strip() for line in lines):
        if not line:
            continue
        name, equals, pattern = (part.strip() for part in line.partition("="))
        if not equals or not name or not pattern:
            raise AnalysisError(QT_TRANSLATE_NOOP(
                "Analysis", "grouping rule {rule!r} should read name = pattern, e.g. Checkout = checkout_*").format(
                rule=line))
        if name in reserved:
            raise AnalysisError(QT_TRANSLATE_NOOP(
                "Analysis", "grouping rule {rule!r}: {name!r} is a label the journey map uses; pick another name"
            ).format(rule=line, name=name))
        if pattern.startswith(REGEX_PREFIX):
            try:
                re.compile(pattern[len(REGEX_PREFIX):])
            except re.error as error:
                raise AnalysisError(QT_TRANSLATE_NOOP(
                    "Analysis", "grouping rule {rule!r}: not a valid regular expression ({error})").format(
                    rule=line, error=str(error))) from None
        rules.append(TouchpointRule(name, pattern))
    return tuple(rules)


def touchpoint_mapping(events: Iterable[str], rules: Sequence[TouchpointRule]) -> dict[str, str]:
    """Each event name a rule renames → its touchpoint (the first matching rule's name); names no rule
    matches, or that a rule maps to themselves, are left out."""
    mapping = {}
    for event in events:
        rule = next((rule for rule in rules if rule.matches(event)), None)
        if rule is not None and rule.name != event:
            mapping[event] = rule.name
    return mapping


def unmatched_rules(events: Iterable[str], rules: Sequence[TouchpointRule]) -> list[str]:
    """The names of rules that match no event (a typo, or events absent from this data)."""
    names = list(events)
    return [rule.name for rule in rules if not any(rule.matches(event) for event in names)]


def touchpoint_of(name: str, mapping: dict[str, str]) -> str:
    """The touchpoint a journey anchored at ``name`` starts (or ends) at: ``name`` itself when it is a
    touchpoint (a rule's name or an ungrouped event), else the touchpoint of the event it names."""
    return name if name in mapping.values() else mapping.get(name, name)
