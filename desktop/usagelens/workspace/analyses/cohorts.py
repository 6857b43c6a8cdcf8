"""Cohorts in the gallery: any analysis filtered to a saved cohort, and a cohort offered as a breakdown.

Filtering: an analysis whose parameters name a cohort (``params["cohort"]``, its id) reads
:class:`CohortInputs`, whose log is the members' part of the event log (:meth:`EventLog.subset_users`, over the
whole log's days, so periods line up with the unfiltered analysis); parameter defaults still come from
everyone's data. Inputs without users (revenue, survey answers, metrics exports) say they cannot be filtered
rather than show everyone's numbers under a cohort's name.

Breakdown: a breakdown value naming a cohort (``cohort:<id>``: members against everyone else) or all of them
(``cohort:*``: each user labelled with the cohorts they are in) becomes a customer attribute of its own, so
every breakdown path (segments, funnels, experiments) works unchanged. In a warehouse that attribute is a column
of a query (:func:`~usagelens.analytics.definitions.cohorts.cohort_labels`).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Sequence
from functools import cached_property

import numpy as np
import pandas as pd

from usagelens.analytics import AnalysisError, Customers, EventLog, Payments
from usagelens.analytics.cohort_rules import set_labels
from usagelens.analytics.cohorts import cohort_mask
from usagelens.analytics.engine_events import Events
from usagelens.analytics.errors import cohort_failed
from usagelens.model import Cohort
from usagelens.model.translatable import QT_TRANSLATE_NOOP, replaced, said
from usagelens.workspace.analyses.spec import (
    COHORT_PREFIX,
    EVERY_COHORT,
    AnalysisInputs,
    AnalysisResult,
    DataFacts,
    Params,
)
from usagelens.workspace.linked_cohorts import linked_conditions
from usagelens.workspace.metrics import MetricsTable

OUTSIDE = "everyone else"
IN_NONE = "(in no cohort)"
MAX_COHORTS_AT_ONCE = 20  # each user's cohorts are the bits of one int64; more would not read as a chart anyway


def _key(cohort: Cohort) -> str:
    """What a cohort's members depend on: editing it makes a new key, so no stale log is reused."""
    return json.dumps([cohort.id, cohort.match, cohort.conditions], sort_keys=True, default=str)


def cohort_of(project_cohorts: Sequence[Cohort], cohort_id: str) -> Cohort:
    for cohort in project_cohorts:
        if cohort.id == cohort_id:
            return cohort
    raise LookupError(QT_TRANSLATE_NOOP("Analysis", "The cohort this analysis was filtered to no longer exists: "
                                                    "choose another one, or everyone."))


def members(inputs: AnalysisInputs, cohort: Cohort) -> np.ndarray:
    """The cohort's mask over the users of ``inputs.log`` (computed once per inputs and definition)."""
    log = inputs.log
    if log is None:
        raise LookupError(QT_TRANSLATE_NOOP("Analysis", "Import an event log in step 2 to use cohorts."))
    cache = inputs.cohort_cache
    key = "mask " + _key(cohort)
    if key not in cache:
        try:
            cache[key] = cohort_mask(log, cohort.conditions, match=cohort.match, customers=inputs.customers)
        except AnalysisError as exc:
            raise cohort_failed(cohort.name, exc) from None
    return cache[key]  # type: ignore[return-value]


def in_cohort(inputs: AnalysisInputs, cohort_id: str) -> CohortInputs:
    """The inputs of an analysis filtered to the cohort with ``cohort_id``, shared by reruns on ``inputs``."""
    cohort = cohort_of(inputs.project.cohorts, cohort_id)
    key = "inputs " + _key(cohort)
    if key not in inputs.cohort_cache:
        inputs.cohort_cache[key] = CohortInputs(inputs, cohort)
    return inputs.cohort_cache[key]  # type: ignore[return-value]


class CohortInputs(AnalysisInputs):
    """The analysable data of a cohort's members: the event log's part of its users, everything else shared."""

    def __init__(self, everyone: AnalysisInputs, cohort: Cohort) -> None:
        super().__init__(everyone.project, everyone.provider)
        self.everyone, self.cohort = everyone, cohort

    @cached_property
    def log(self) -> EventLog | None:
        everyone = self.everyone.log
        return None if everyone is None else everyone.subset_users(members(self.everyone, self.cohort))

    @property
    def events(self) -> Events:
        """The members' events: the log's part of them, or in a warehouse the members' rows of its view."""
        everyone = self.everyone
        if not everyone.events_elsewhere:
            return super().events
        key = "view " + _key(self.cohort)
        if key not in everyone.cohort_cache:
            from usagelens.analytics.definitions.view_events import ViewEvents  # Ibis: only for a warehouse

            view = everyone.events
            assert isinstance(view, ViewEvents)
            try:
                conditions = linked_conditions(self.cohort.conditions, everyone.customers, view.customers)
                everyone.cohort_cache[key] = view.members(conditions, self.cohort.match)
            except AnalysisError as exc:
                raise cohort_failed(self.cohort.name, exc) from None
        return everyone.cohort_cache[key]  # type: ignore[return-value]

    @property
    def events_elsewhere(self) -> bool:
        return self.everyone.events_elsewhere

    @property
    def facts(self) -> DataFacts:
        return self.everyone.facts

    @cached_property
    def customers(self) -> Customers | None:
        return self.everyone.customers

    @property
    def payments(self) -> Payments | None:  # type: ignore[override]
        raise LookupError(QT_TRANSLATE_NOOP("Analysis", "Revenue figures cannot be filtered to a cohort yet: choose "
                                                        "everyone to see them."))

    @property
    def survey(self) -> tuple[pd.Series, pd.Series, str] | None:  # type: ignore[override]
        raise LookupError(QT_TRANSLATE_NOOP("Analysis", "Survey answers cannot be filtered to a cohort yet: choose "
                                                        "everyone to see them."))

    @property
    def metrics(self) -> MetricsTable | None:  # type: ignore[override]
        raise LookupError(QT_TRANSLATE_NOOP("Analysis", "A metrics export has no users, so its numbers cannot be "
                                                        "filtered to a cohort yet: choose everyone to see them."))


class _Split(AnalysisInputs):
    """Inputs split by a cohort label: everything but the events and customers is ``inner``'s."""

    inner: AnalysisInputs

    @property
    def payments(self) -> Payments | None:  # type: ignore[override]
        return self.inner.payments

    @property
    def survey(self) -> tuple[pd.Series, pd.Series, str] | None:  # type: ignore[override]
        return self.inner.survey

    @property
    def metrics(self) -> MetricsTable | None:  # type: ignore[override]
        return self.inner.metrics


class BreakdownInputs(_Split):
    """Inputs whose customers carry one more attribute, ``column``: each user's cohort label."""

    def __init__(self, inputs: AnalysisInputs, column: str, labels: np.ndarray) -> None:
        super().__init__(inputs.project, inputs.provider)
        self.inner, self.column, self.labels = inputs, column, labels
        self.cohort = inputs.cohort

    @cached_property
    def log(self) -> EventLog | None:
        return self.inner.log

    @property
    def facts(self) -> DataFacts:
        return self.inner.facts

    @cached_property
    def customers(self) -> Customers | None:
        log = self.inner.log
        assert log is not None
        return Customers(pd.DataFrame({"user_id": log.user_ids, self.column: self.labels}), "user_id")


def cohort_breakdown(inputs: AnalysisInputs, params: Params) -> tuple[AnalysisInputs, Params]:
    """For a breakdown by cohort, inputs with that cohort as a customer attribute and the parameters naming it;
    any other parameters come back as they are."""
    by = params.get("by") or ""
    if not by.startswith(COHORT_PREFIX):
        return inputs, params
    everyone = inputs.everyone if isinstance(inputs, CohortInputs) else inputs  # masks are over everyone's users
    if by == EVERY_COHORT:
        cohorts = list(inputs.project.cohorts)
        if not cohorts:
            raise LookupError(QT_TRANSLATE_NOOP("Analysis", "The project has no cohorts to break down by: create one "
                                                            "with Cohorts…."))
        if len(cohorts) > MAX_COHORTS_AT_ONCE:
            raise LookupError(QT_TRANSLATE_NOOP("Analysis", "Break down by at most {count} cohorts at once, or by one "
                                                            "of them.").format(count=MAX_COHORTS_AT_ONCE))
        column, none = "cohort", IN_NONE
    else:
        cohorts = [cohort_of(inputs.project.cohorts, by.removeprefix(COHORT_PREFIX))]
        column, none = f"cohort “{cohorts[0].name}”", OUTSIDE
    if everyone.events_elsewhere:
        return ViewBreakdownInputs(inputs, everyone, column, cohorts, none), {**params, "by": LABEL}
    masks = [members(everyone, cohort) for cohort in cohorts]
    # each user's set of cohorts as the bits of one number, named once per set that occurs
    sets = np.zeros(len(masks[0]), dtype=np.int64)
    for bit, mask in enumerate(masks):
        sets |= mask.astype(np.int64) << bit
    present, codes = np.unique(sets, return_inverse=True)
    labels = np.asarray(set_labels([c.name for c in cohorts], present, none), dtype=object)[codes]
    if isinstance(inputs, CohortInputs) and inputs.cohort is not None:
        labels = labels[members(everyone, inputs.cohort)]  # subset_users keeps the members in their order
    return BreakdownInputs(inputs, column, labels), {**params, "by": column}


# --- a breakdown by cohort in a warehouse ----------------------------------------------------------------

LABEL = "ulens_cohort"  # the label's column in the warehouse's query: a name every dialect takes as it is


class ViewBreakdownInputs(_Split):
    """Inputs whose warehouse view has each user's cohort label as a customer attribute, a column of the
    definitions' :func:`~usagelens.analytics.definitions.cohorts.cohort_labels` over everyone's view. The
    analysis names it :data:`LABEL`; :meth:`relabel` gives its result the name it has in memory."""

    def __init__(self, inputs: AnalysisInputs, everyone: AnalysisInputs, column: str, cohorts: Sequence[Cohort],
                 none: str) -> None:
        whole = everyone.events
        asked = []
        for cohort in cohorts:
            try:
                asked.append((cohort.name, linked_conditions(cohort.conditions, everyone.customers, whole.customers),
                              cohort.match))
            except AnalysisError as exc:
                raise cohort_failed(cohort.name, exc) from None
        labels = whole.metrics.cohort_labels(whole.data, asked, none=none, column=LABEL, customers=whole.customers)
        events = copy.copy(inputs.events)  # the same view (and what was asked of it), other customers
        events.customers = labels  # type: ignore[misc]
        super().__init__(inputs.project, inputs.provider, events=events, facts=inputs.facts)
        self.inner, self.column, self.cohort = inputs, column, inputs.cohort

    @cached_property
    def customers(self) -> Customers | None:
        # no rows: it only says that the label is a customer attribute (one value per user), for titles
        return Customers(pd.DataFrame({"user_id": pd.Series([], dtype="str"), LABEL: []}), "user_id")

    def named(self, text: str) -> str:
        """``text`` with the label's column name as the analysis of the events in memory writes it (marked text
        stays translatable)."""
        return replaced(text, LABEL, self.column)

    def relabel(self, result: AnalysisResult) -> AnalysisResult:
        """``result`` in the words of the analysis of the events in memory (:meth:`named`)."""
        named = self.named
        result.message = named(result.message)
        result.table = result.table.rename(columns=named)
        for chart in result.charts:
            chart.title, chart.x_label, chart.y_label = named(chart.title), named(chart.x_label), named(chart.y_label)
            for series in chart.series:
                series.name = named(series.name)
        return result


def compute_split(compute: Callable[[AnalysisInputs, Params], AnalysisResult], inputs: AnalysisInputs,
                  params: Params) -> AnalysisResult:
    """``compute`` on the inputs and parameters of :func:`cohort_breakdown`, its result and its errors in the
    same words on either engine."""
    split, split_params = cohort_breakdown(inputs, params)
    if not isinstance(split, ViewBreakdownInputs):
        return compute(split, split_params)
    try:
        return split.relabel(compute(split, split_params))
    except AnalysisError as exc:
        raise AnalysisError(split.named(said(exc))) from None
