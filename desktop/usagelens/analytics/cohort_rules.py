"""A cohort's conditions read from their plain JSON form into typed rules, checked, and said in words.

The project stores a cohort's conditions as dicts (``model.Cohort``) so its file stays readable; both executors
(the numpy kernels of :mod:`.cohorts` and the Ibis definition of :mod:`.definitions.cohorts`) read them through
:func:`read_rules`, so a mistake gets one message wherever it is evaluated, and an attribute's values are
matched by the same :func:`matching_labels` on both.

Kinds and their fields:

- ``attribute``: ``attribute`` (a customer attribute, else an event property of the user's first event, or of
  their last with ``counted`` ``last``, as a breakdown reads it), ``op`` (``in``, ``not_in``, ``at_least``,
  ``at_most``) and ``values`` (text; one number or ISO date to compare with). A user without a value has the
  label ``(missing)``, which ``in`` can name; the comparisons never match it.
- ``event_count``: did ``event`` (none: any event) at least ``at_least`` (default 1) and at most ``at_most``
  (default: no limit) times between ``start`` and ``end`` (whole days; default: the data's range); ``at_most`` 0
  is "never". Without an event, at least once is "active then", the users a period's active users count.
- ``first_seen``: the user's first event (or first ``event``) falls between ``start`` and ``end``.
- ``funnel``: entered the funnel of ``steps`` (``order``, ``window_days`` 0 = no limit, ``exclude``, entering
  between ``start`` and ``end``) and reached step ``step`` but not the step after it (the last step: converted).
- ``users``: the listed ``user_ids`` (saved from a chart); ids no longer in the data are left out. With
  ``outside`` true: every user but those listed (how a warehouse's query is told the users a customer
  attribute that stays in the project selects, when users without a value match too).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from usagelens.analytics.attributes import MISSING_LABEL
from usagelens.analytics.errors import AnalysisError
from usagelens.analytics.funnels import ORDERS, FunnelOrder
from usagelens.model.translatable import QT_TRANSLATE_NOOP, plural

MATCHES = ("all", "any")
# how each comparison reads, in rules and in the cohort dialog (translated there)
ATTRIBUTE_OPS = {"in": QT_TRANSLATE_NOOP("Cohort", "is one of"), "not_in": QT_TRANSLATE_NOOP("Cohort", "is none of"),
                 "at_least": QT_TRANSLATE_NOOP("Cohort", "is at least"),
                 "at_most": QT_TRANSLATE_NOOP("Cohort", "is at most")}
KINDS = ("attribute", "event_count", "first_seen", "funnel", "users")


@dataclass(frozen=True)
class AttributeRule:
    attribute: str
    op: str
    values: tuple[str, ...]
    last: bool = False  # an event property read on the user's last event, not their first


@dataclass(frozen=True)
class EventCountRule:
    event: str | None
    at_least: int = 1
    at_most: int | None = None
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True)
class FirstSeenRule:
    start: str | None = None
    end: str | None = None
    event: str | None = None


@dataclass(frozen=True)
class FunnelRule:
    steps: tuple[str, ...]
    step: int
    order: FunnelOrder = "sequential"
    window_days: int = 0
    exclude: str | None = None
    start: str | None = None
    end: str | None = None

    @property
    def window(self) -> str | None:
        return f"{self.window_days}d" if self.window_days else None


@dataclass(frozen=True)
class UserListRule:
    user_ids: tuple[str, ...]
    outside: bool = False  # every user but the listed ones


Rule = AttributeRule | EventCountRule | FirstSeenRule | FunnelRule | UserListRule


@dataclass(frozen=True)
class CohortRules:
    """A cohort's conditions, read and checked: users match ``all`` or ``any`` of ``rules``."""

    rules: tuple[Rule, ...]
    match: str = "all"


def read_rules(conditions: Sequence[Mapping[str, Any]], match: str = "all") -> CohortRules:
    """The typed rules of a cohort's stored conditions; :class:`AnalysisError` names the first mistake."""
    if match not in MATCHES:
        raise AnalysisError(QT_TRANSLATE_NOOP(
            "Analysis", "a cohort matches 'all' or 'any' of its conditions, not {match!r}").format(match=match))
    if not conditions:
        raise AnalysisError(QT_TRANSLATE_NOOP("Analysis", "the cohort has no conditions yet"))
    return CohortRules(tuple(_rule(condition, i + 1) for i, condition in enumerate(conditions)), match)


# a condition's fields as its problems name them, a word the GUI translates
_FIELD_WORDS = {"op": QT_TRANSLATE_NOOP("Cohort", "op"), "values": QT_TRANSLATE_NOOP("Cohort", "values"),
                "counted": QT_TRANSLATE_NOOP("Cohort", "counted"),
                "attribute": QT_TRANSLATE_NOOP("Cohort", "attribute"),
                "at_least": QT_TRANSLATE_NOOP("Cohort", "at least"), "at_most": QT_TRANSLATE_NOOP("Cohort", "at most"),
                "event": QT_TRANSLATE_NOOP("Cohort", "event"), "start": QT_TRANSLATE_NOOP("Cohort", "start"),
                "end": QT_TRANSLATE_NOOP("Cohort", "end"), "steps": QT_TRANSLATE_NOOP("Cohort", "steps"),
                "step": QT_TRANSLATE_NOOP("Cohort", "step"), "order": QT_TRANSLATE_NOOP("Cohort", "order"),
                "window_days": QT_TRANSLATE_NOOP("Cohort", "window days"),
                "exclude": QT_TRANSLATE_NOOP("Cohort", "exclude"), "user_ids": QT_TRANSLATE_NOOP("Cohort", "user ids")}


def _field(name: str) -> str:
    return _FIELD_WORDS.get(name, name.replace("_", " "))


class _Fields:
    """One condition's fields, each read with a message naming the condition and the field."""

    def __init__(self, condition: Mapping[str, Any], number: int) -> None:
        self.condition, self.number = condition, number

    def fail(self, problem: str) -> AnalysisError:
        return AnalysisError(QT_TRANSLATE_NOOP("Analysis", "condition {number}: {problem}").format(
            number=self.number, problem=problem))

    def text(self, name: str, *, optional: bool = False) -> str | None:
        value = self.condition.get(name)
        if value is None or value == "":
            if optional:
                return None
            raise self.fail(QT_TRANSLATE_NOOP("Analysis", "choose the {field}").format(field=_field(name)))
        if not isinstance(value, str):
            raise self.fail(QT_TRANSLATE_NOOP("Analysis", "the {field} should be text, not {value}").format(
                field=_field(name), value=f"{value!r:.40}"))
        return value

    def texts(self, name: str) -> tuple[str, ...]:
        value = self.condition.get(name)
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
            raise self.fail(QT_TRANSLATE_NOOP("Analysis", "the {field} should be a list of text").format(
                field=_field(name)))
        return tuple(value)

    def whole(self, name: str, default: int | None, *, least: int = 0) -> int | None:
        value = self.condition.get(name, default)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < least:
            raise self.fail(QT_TRANSLATE_NOOP(
                "Analysis", "{field} should be a whole number of at least {least}, not {value}").format(
                field=_field(name), least=least, value=f"{value!r:.40}"))
        return value

    def day(self, name: str) -> str | None:
        value = self.text(name, optional=True)
        if value is not None:
            try:
                date.fromisoformat(value)
            except ValueError:
                raise self.fail(QT_TRANSLATE_NOOP("Analysis", "{field} is not a date (YYYY-MM-DD): {value}").format(
                    field=_FIELD_WORDS.get(name, name), value=f"{value!r:.40}")) from None
        return value


def _rule(condition: Mapping[str, Any], number: int) -> Rule:
    fields = _Fields(condition, number)
    if not isinstance(condition, Mapping):
        raise fields.fail(QT_TRANSLATE_NOOP("Analysis", "should be an object with a kind"))
    kind = condition.get("kind")
    if kind == "attribute":
        op = fields.text("op")
        if op not in ATTRIBUTE_OPS:
            raise fields.fail(QT_TRANSLATE_NOOP("Analysis", "the comparison should be one of {ops}, not {op}").format(
                ops=", ".join(ATTRIBUTE_OPS), op=f"{op!r:.40}"))
        values = fields.texts("values")
        if not values:
            raise fields.fail(QT_TRANSLATE_NOOP("Analysis", "choose at least one value"))
        if op in ("at_least", "at_most"):
            if len(values) != 1:
                raise fields.fail(QT_TRANSLATE_NOOP("Analysis", "compare with exactly one value"))
            _bound(values[0], fields)
        counted = fields.text("counted", optional=True) or "first"
        if counted not in ("first", "last"):
            raise fields.fail(QT_TRANSLATE_NOOP(
                "Analysis", "an event property is read on the first or last event, not {counted}").format(
                counted=f"{counted!r:.40}"))
        return AttributeRule(str(fields.text("attribute")), op, values, counted == "last")
    if kind == "event_count":
        at_least = fields.whole("at_least", 1)
        at_most = fields.whole("at_most", None)
        assert at_least is not None
        if at_most is not None and at_most < at_least:
            raise fields.fail(QT_TRANSLATE_NOOP(
                "Analysis", "at most {most} times is fewer than at least {least}").format(most=at_most, least=at_least))
        return EventCountRule(fields.text("event", optional=True), at_least, at_most, fields.day("start"),
                              fields.day("end"))
    if kind == "first_seen":
        return FirstSeenRule(fields.day("start"), fields.day("end"), fields.text("event", optional=True))
    if kind == "funnel":
        steps = fields.texts("steps")
        if len(steps) < 2:
            raise fields.fail(QT_TRANSLATE_NOOP("Analysis", "a funnel needs at least two steps"))
        step = fields.whole("step", None, least=1)
        if step is None or step > len(steps):
            raise fields.fail(QT_TRANSLATE_NOOP("Analysis", "the step should be between 1 and {last}").format(
                last=len(steps)))
        order = fields.text("order", optional=True) or "sequential"
        if order not in ORDERS:
            raise fields.fail(QT_TRANSLATE_NOOP(
                "Analysis", "the funnel order should be one of {orders}, not {order}").format(
                orders=", ".join(ORDERS), order=f"{order!r:.40}"))
        window = fields.whole("window_days", 0)
        return FunnelRule(steps, step, order, window or 0, fields.text("exclude", optional=True),  # type: ignore[arg-type]
                          fields.day("start"), fields.day("end"))
    if kind == "users":
        outside = condition.get("outside", False)
        if not isinstance(outside, bool):
            raise fields.fail(QT_TRANSLATE_NOOP("Analysis", "outside should be true or false, not {value}").format(
                value=f"{outside!r:.40}"))
        return UserListRule(fields.texts("user_ids"), outside)
    raise fields.fail(QT_TRANSLATE_NOOP("Analysis", "unknown kind {kind} (one of {kinds})").format(
        kind=f"{kind!r:.40}", kinds=", ".join(KINDS)))


def _bound(value: str, fields: _Fields | None = None) -> float | pd.Timestamp:
    """The number or date an attribute is compared with."""
    try:
        return float(value)
    except ValueError:
        pass
    try:
        return pd.Timestamp(date.fromisoformat(value))
    except ValueError:
        message = QT_TRANSLATE_NOOP("Analysis", "{value} is neither a number nor a date to compare with").format(
            value=f"{value!r:.40}")
        raise (fields.fail(message) if fields else AnalysisError(message)) from None


def matching_labels(rule: AttributeRule, labels: Sequence[str] | np.ndarray) -> np.ndarray:
    """Which of an attribute's labels (its values as text, ``(missing)`` for none) the rule matches: the one
    decision both executors take, on the client, over the attribute's distinct labels."""
    labels = pd.Series(np.asarray(labels, dtype=object), dtype=object)
    if rule.op in ("in", "not_in"):
        inside = labels.isin(rule.values).to_numpy()
        return inside if rule.op == "in" else ~inside
    bound = _bound(rule.values[0])
    present = labels[labels != MISSING_LABEL]
    if isinstance(bound, float):
        values = pd.to_numeric(labels.where(labels != MISSING_LABEL), errors="coerce")
        said = QT_TRANSLATE_NOOP("Analysis", "{attribute} holds values that are not numbers (such as {value}), so it "
                                             "cannot be compared with {bound}; use '{op}'")
    else:
        values = pd.to_datetime(labels.where(labels != MISSING_LABEL), errors="coerce", format="ISO8601")
        said = QT_TRANSLATE_NOOP("Analysis", "{attribute} holds values that are not dates (such as {value}), so it "
                                             "cannot be compared with {bound}; use '{op}'")
    wrong = present[values[present.index].isna()]
    if len(wrong):
        raise AnalysisError(said.format(attribute=rule.attribute, value=f"{wrong.iloc[0]!r:.40}", bound=rule.values[0],
                                        op=ATTRIBUTE_OPS["in"]))
    compared = values >= bound if rule.op == "at_least" else values <= bound
    return compared.fillna(False).to_numpy(bool)


def set_labels(names: Sequence[str], sets: Sequence[int] | np.ndarray, none: str) -> list[str]:
    """The label of each set of cohorts (bit ``i`` of a set: in the cohort named ``names[i]``), as a breakdown by
    cohorts shows it on either executor: the names joined by " + ", or ``none`` for no cohort."""
    return [" + ".join(name for bit, name in enumerate(names) if int(s) >> bit & 1) or none for s in sets]


def describe(rule: Rule) -> str:
    """The rule in words, for the cohort dialog (a :class:`Phrase`, which the GUI shows in its language)."""
    if isinstance(rule, AttributeRule):
        template = (QT_TRANSLATE_NOOP("Cohort", "{attribute} (on their last event) {op} {values}") if rule.last
                    else QT_TRANSLATE_NOOP("Cohort", "{attribute} {op} {values}"))
        return template.format(attribute=rule.attribute, op=ATTRIBUTE_OPS[rule.op], values=", ".join(rule.values))
    if isinstance(rule, EventCountRule):
        event = rule.event or QT_TRANSLATE_NOOP("Cohort", "any event")
        if rule.at_most == 0:
            did = QT_TRANSLATE_NOOP("Cohort", "never did {event}").format(event=event)
        elif rule.at_most is None:
            did = QT_TRANSLATE_NOOP("Cohort", "did {event} at least {times}").format(
                event=event, times=_times(rule.at_least))
        elif rule.at_most == rule.at_least:
            did = QT_TRANSLATE_NOOP("Cohort", "did {event} exactly {times}").format(
                event=event, times=_times(rule.at_least))
        else:
            did = QT_TRANSLATE_NOOP("Cohort", "did {event} {low} to {times}").format(
                event=event, low=rule.at_least, times=_times(rule.at_most))
        return _within(did, rule.start, rule.end)
    if isinstance(rule, FirstSeenRule):
        what = (QT_TRANSLATE_NOOP("Cohort", "first did {event}").format(event=rule.event) if rule.event
                else QT_TRANSLATE_NOOP("Cohort", "first seen"))
        if not (rule.start or rule.end):
            return QT_TRANSLATE_NOOP("Cohort", "{what} at any time").format(what=what)
        return _within(what, rule.start, rule.end)
    if isinstance(rule, FunnelRule):
        steps = " → ".join(rule.steps)
        if rule.step == len(rule.steps):
            return QT_TRANSLATE_NOOP("Cohort", "completed the funnel {steps}").format(steps=steps)
        template = (QT_TRANSLATE_NOOP("Cohort", "reached step {step} ({name}) of {steps} but not step {next} within "
                                                "{days} days") if rule.window_days
                    else QT_TRANSLATE_NOOP("Cohort", "reached step {step} ({name}) of {steps} but not step {next}"))
        return template.format(step=rule.step, name=rule.steps[rule.step - 1], steps=steps, next=rule.step + 1,
                               days=rule.window_days)
    if rule.outside:
        return plural(len(rule.user_ids), QT_TRANSLATE_NOOP("Cohort", "none of {count:,} listed user"),
                      QT_TRANSLATE_NOOP("Cohort", "none of {count:,} listed users"))
    return plural(len(rule.user_ids), QT_TRANSLATE_NOOP("Cohort", "one of {count:,} listed user"),
                  QT_TRANSLATE_NOOP("Cohort", "one of {count:,} listed users"))


def _times(n: int) -> str:
    return plural(n, QT_TRANSLATE_NOOP("Cohort", "once"), QT_TRANSLATE_NOOP("Cohort", "{count:,} times"))


def _within(what: str, start: str | None, end: str | None) -> str:
    """``what`` within the rule's days."""
    if start and end:
        return QT_TRANSLATE_NOOP("Cohort", "{what} between {start} and {end}").format(what=what, start=start, end=end)
    if start:
        return QT_TRANSLATE_NOOP("Cohort", "{what} from {start}").format(what=what, start=start)
    if end:
        return QT_TRANSLATE_NOOP("Cohort", "{what} until {end}").format(what=what, end=end)
    return what
